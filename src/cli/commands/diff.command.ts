import { InvalidArgumentError } from 'commander';
import type { Define } from './index.js';
import { examples } from '../help.js';
// The one home of the bound's default; model/change.ts imports nothing at run time, so --help stays light.
import { DEFAULT_DIFF_OPTIONS } from '../../model/change.js';

export const DIFF_FORMATS = ['text', 'json', 'html', 'pdf', 'docx'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** `--format PDF` is `pdf`: formats are names, not case-sensitive tokens. */
function parseFormat(value: string): DiffFormat {
  const format = value.toLowerCase();
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new InvalidArgumentError(`Allowed choices are ${DIFF_FORMATS.join(', ')}.`);
  return format as DiffFormat;
}

export const defineDiff: Define = (program, lazy) => {
  program
    .command('diff')
    .description('compare two versions clause by clause: renumbered and moved clauses are matched, words marked inside')
    .argument('<old>', 'DOC@VERSION (AL@19.0) or a Markdown file')
    .argument('<new>', 'DOC@VERSION (AL@20.0) or a Markdown file')
    .option('--format <format>', `output format: ${DIFF_FORMATS.join(', ')}, any case (default: from the --out extension, else text; pdf and docx need --out)`, parseFormat)
    .option('--out <file>', 'write the output to a file instead of standard output (its folder is made if missing)')
    .option('--author <name>', 'author of the tracked changes in Word output (default: "author" under "secdoc" in ./package.json, else secdoc)')
    .option('--no-color', 'plain text marks ([-deleted-] {+inserted+}) even on a terminal')
    .option('--show-formatting', 'also show changes that are only formatting or whitespace (emphasis, re-wrapped lines, `2.1` vs `2.1.`)')
    .option('--full', 'text format: print unchanged stretches of amended clauses in full')
    .option('--max-edit <tokens>', 'bound on each word diff; past it a paragraph is shown replaced whole', String(DEFAULT_DIFF_OPTIONS.maxEditLength))
    .addHelpText(
      'after',
      examples(
        ['secdoc diff AL@19.0 AL@20.0', 'the redline on the terminal'],
        ['secdoc diff AL@19.0 AL@20.0 --out annex/al.pdf', 'a marked-up PDF annex (format from the extension)'],
        ['secdoc diff old.md new.md --format json', 'any two legal documents, as JSON'],
      ),
    )
    .action(lazy(() => import('./diff.js')));
};
