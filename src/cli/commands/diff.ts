import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { Option } from 'commander';
import type { Register } from './index.js';
import { UsageError } from '../context.js';
import type { ClauseDocument } from '../../model/types.js';
import { diffDocuments } from '../../diff/index.js';
import { diffToJson } from '../../render/json/diff.js';
import { diffToText } from '../../render/text/diff.js';
import { comparisonView } from '../../render/view/index.js';
import { renderAnnex } from '../../publish/render.js';

interface DiffFlags {
  format: 'text' | 'json' | 'html' | 'pdf' | 'docx';
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
    .addOption(new Option('--format <format>', 'output format (pdf and docx need --out)').choices(['text', 'json', 'html', 'pdf', 'docx']).default('text'))
    .option('--out <file>', 'write the output to a file instead of standard output')
    .option('--no-color', 'plain text marks ([-deleted-] {+inserted+}) even on a terminal')
    .option('--show-formatting', 'also show changes that are only formatting or whitespace (emphasis, re-wrapped lines, `2.1` vs `2.1.`)')
    .option('--full', 'text format: print unchanged stretches of amended clauses in full')
    .option('--max-edit <tokens>', 'bound on each word diff; past it a paragraph is shown replaced whole', '4000')
    .action(async (oldRef: string, newRef: string, flags: DiffFlags) => {
      const ctx = context();
      const maxEditLength = Number(flags.maxEdit);
      if (!Number.isInteger(maxEditLength) || maxEditLength < 1) throw new UsageError(`--max-edit must be a positive whole number, got ${flags.maxEdit}`);
      const binary = flags.format === 'pdf' || flags.format === 'docx';
      if (binary && !flags.out) throw new UsageError(`--format ${flags.format} writes a file: give --out FILE`);
      const [oldDoc, newDoc] = ctx.documents([oldRef, newRef]) as [ClauseDocument, ClauseDocument];
      const diff = diffDocuments(oldDoc, newDoc, { showFormatting: Boolean(flags.showFormatting), maxEditLength });
      let output: string | Uint8Array;
      if (flags.format === 'json') output = JSON.stringify(diffToJson(diff), null, 2) + '\n';
      else if (flags.format === 'text') {
        // Colour only on a terminal, never with NO_COLOR (https://no-color.org) or --no-color, never into a file.
        const noColor = ctx.io.env.NO_COLOR !== undefined && ctx.io.env.NO_COLOR !== '';
        const color = flags.color !== false && !noColor && ctx.io.isTTY && !flags.out;
        output = diffToText(diff, { color, full: Boolean(flags.full) });
      }
      // HTML, PDF and Word: the view model and writers of a published marked-up annex.
      else output = await renderAnnex(comparisonView(diff, { designation: ctx.interval(newRef, newDoc) }), flags.format);
      if (flags.out) {
        try {
          writeWhole(flags.out, output);
        } catch (error) {
          throw new UsageError(`cannot write ${flags.out}: ${(error as Error).message}`);
        }
      } else ctx.io.stdout(typeof output === 'string' ? output : new TextDecoder().decode(output));
    });
};

/** Written beside the target, then renamed over it: a failed write never leaves half a file. */
function writeWhole(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
