/**
 * The two GFM constructs legal Markdown uses: tables and ~~strikethrough~~. Not all of remark-gfm:
 * its autolink-literal scan runs at every word boundary and doubled parse time on the SEC sources
 * (bench/parse.bench.mjs), and bare URLs, footnotes and task lists are kept as the text they are.
 */
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

export function remarkTablesAndStrikethrough(this: Processor): void {
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
