import { writeFileSync } from 'node:fs';
import { Option } from 'commander';
import type { Register } from './index.js';
import { UsageError } from '../context.js';
import { diffDocuments } from '../../diff/index.js';
import { diffToJson } from '../../render/json/diff.js';
import { diffToText } from '../../render/text/diff.js';
import { annexToHtml } from '../../render/html/index.js';
import { comparisonView } from '../../render/view/index.js';

interface DiffFlags {
  format: 'text' | 'json' | 'html';
  out?: string;
  color?: boolean;
  showFormatting?: boolean;
  full?: boolean;
  maxEdit?: string;
}

export const registerDiff: Register = (program, context) => {
  program
    .command('diff')
    .description('compare two versions clause by clause: renumbered and moved clauses are matched, words marked inside')
    .argument('<old>', 'DOC@VERSION (AL@19.0) or a Markdown file')
    .argument('<new>', 'DOC@VERSION (AL@20.0) or a Markdown file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'html']).default('text'))
    .option('--out <file>', 'write the output to a file instead of standard output')
    .option('--no-color', 'plain text marks ([-deleted-] {+inserted+}) even on a terminal')
    .option('--show-formatting', 'also show changes that are only formatting or whitespace (emphasis, re-wrapped lines, `2.1` vs `2.1.`)')
    .option('--full', 'text format: print unchanged stretches of amended clauses in full')
    .option('--max-edit <tokens>', 'bound on each word diff; past it a paragraph is shown replaced whole', '4000')
    .action((oldRef: string, newRef: string, flags: DiffFlags) => {
      const ctx = context();
      const maxEditLength = Number(flags.maxEdit);
      if (!Number.isInteger(maxEditLength) || maxEditLength < 1) throw new UsageError(`--max-edit must be a positive whole number, got ${flags.maxEdit}`);
      const oldDoc = ctx.document(oldRef);
      const newDoc = ctx.document(newRef);
      const diff = diffDocuments(oldDoc, newDoc, { showFormatting: Boolean(flags.showFormatting), maxEditLength });
      let output: string;
      if (flags.format === 'json') output = JSON.stringify(diffToJson(diff), null, 2) + '\n';
      // The same view model and template as a published marked-up annex.
      else if (flags.format === 'html') output = annexToHtml(comparisonView(diff));
      else {
        // Colour only on a terminal, never with NO_COLOR (https://no-color.org) or --no-color, never into a file.
        const noColor = ctx.io.env.NO_COLOR !== undefined && ctx.io.env.NO_COLOR !== '';
        const color = flags.color !== false && !noColor && ctx.io.isTTY && !flags.out;
        output = diffToText(diff, { color, full: Boolean(flags.full) });
      }
      if (flags.out) {
        try {
          writeFileSync(flags.out, output);
        } catch (error) {
          throw new UsageError(`cannot write ${flags.out}: ${(error as Error).message}`);
        }
      } else ctx.io.stdout(output);
    });
};
