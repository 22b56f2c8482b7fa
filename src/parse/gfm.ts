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
