/**
 * The two GFM constructs legal Markdown uses: tables and ~~strikethrough~~. Not all of remark-gfm:
 * its autolink-literal scan runs at every word boundary and doubled parse time on the SEC sources
 * (bench/parse.bench.mjs), and bare URLs, footnotes and task lists are kept as the text they are.
 */
import { createRequire } from 'node:module';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import type { Processor } from 'unified';

const require = createRequire(import.meta.url);

/**
 * Tables and strikethrough. The table constructs are loaded when a processor is made with them
 * (synchronously, a parse is, hence `require` of the ES modules): mdast-util-gfm-table brings
 * mdast-util-to-markdown with it, a sixth of the parser's loading time, and no chunk of the real
 * corpus can hold a table (`mayHoldTable`).
 */
export function remarkTablesAndStrikethrough(this: Processor): void {
  const { gfmTable } = require('micromark-extension-gfm-table') as typeof import('micromark-extension-gfm-table');
  const { gfmTableFromMarkdown } = require('mdast-util-gfm-table') as typeof import('mdast-util-gfm-table');
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}

/** Strikethrough alone: for text that `mayHoldTable` clears. */
export function remarkStrikethrough(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmStrikethroughFromMarkdown());
}

/**
 * Whether a GFM table could start anywhere in `text`. The table construct is tried on every
 * line that could be a head row (every line of prose, in a statute), a tenth of the parse; but
 * a table needs a delimiter row, which holds a pipe or an alignment colon beside a dash (`|---`,
 * `:-`, `-:`; a row of dashes alone is a thematic break or a setext underline). Text with
 * neither parses to the same tree without the construct.
 */
export function mayHoldTable(text: string): boolean {
  return text.includes('|') || text.includes(':-') || text.includes('-:');
}
