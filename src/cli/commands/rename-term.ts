import { readFileSync, writeFileSync } from 'node:fs';
import type { Register } from './index.js';
import { renameTerm } from '../../edit/rename.js';
import { applyEdits, EditError, unifiedDiff } from '../../edit/splice.js';
import { sourceText } from '../../edit/source.js';
import { UsageError } from '../context.js';

export const registerRenameTerm: Register = (program, context) => {
  program
    .command('rename-term')
    .description('rename a defined term: its definition and every use in the clauses and rules of that version')
    .argument('<ref>', 'the version to edit: DOC@VERSION (AL@21.0) or a Markdown file')
    .argument('<old>', 'the term as defined now')
    .argument('<new>', 'its new name')
    .option('--dry-run', 'print the change as a unified diff and write nothing')
    .action((ref: string, from: string, to: string, options: { dryRun?: boolean }) => {
      const ctx = context();
      const doc = ctx.document(ref);
      const source = sourceText(readFileSync(doc.path, 'utf8'));
      let result;
      try {
        result = renameTerm(source.text, doc, from.trim(), to.trim());
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
      ctx.io.stdout(`${doc.path}: renamed \`${from}\` to \`${to}\` in its definition and ${result.uses - 1} use${result.uses === 2 ? '' : 's'}\n`);
    });
};
