import { readFileSync, writeFileSync } from 'node:fs';
import type { Register } from './index.js';
import { renumber } from '../../edit/renumber.js';
import { applyEdits, EditError, unifiedDiff } from '../../edit/splice.js';
import { sourceText } from '../../edit/source.js';
import { UsageError } from '../context.js';

export const registerRenumber: Register = (program, context) => {
  program
    .command('renumber')
    .description('renumber a clause and the run of clauses after it (or re-letter paragraphs), updating every reference and rule `clause:` in that version')
    .argument('<ref>', 'the version to edit: DOC@VERSION (AL@21.0) or a Markdown file')
    .argument('<from>', 'the clause as numbered now: 9.4, or 1.2(d) to re-letter paragraphs')
    .argument('<to>', 'its new number: 9.3, or 1.2(c)')
    .option('--dry-run', 'print the change as a unified diff and write nothing')
    .action((ref: string, from: string, to: string, options: { dryRun?: boolean }) => {
      const ctx = context();
      const doc = ctx.document(ref);
      const source = sourceText(readFileSync(doc.path, 'utf8'));
      let result;
      try {
        result = renumber(source.text, doc, from.replace(/^Clause\s+/i, ''), to.replace(/^Clause\s+/i, ''));
      } catch (error) {
        if (error instanceof EditError) throw new UsageError(error.message);
        throw error;
      }
      const after = applyEdits(source.text, result.edits);
      if (options.dryRun) {
        ctx.io.stdout(unifiedDiff(doc.path, source.text, after));
        return;
      }
      writeFileSync(doc.path, source.restore(after));
      const moves = result.renumbered.map((r) => `${r.from} -> ${r.to}`).join(', ');
      ctx.io.stdout(`${doc.path}: renumbered ${moves}; updated ${result.references} reference${result.references === 1 ? '' : 's'} and ${result.rules} rule${result.rules === 1 ? '' : 's'}\n`);
    });
};
