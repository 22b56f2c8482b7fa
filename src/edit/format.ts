/**
 * `secdoc fmt`: a source normalised by the stack's own writer, remark-stringify. The front matter
 * is kept as written; the body is parsed and written back heading by heading (a heading always
 * ends the block before it, so the pieces are independent, and remark-parse is superlinear on
 * long inputs). Ordered-list items keep their own numbers and delimiters: secdoc reads `3.` or
 * `b)` as the item's label, so renumbering them would change the clause tree.
 */
import remarkParse from 'remark-parse';
import remarkStringify, { type Options } from 'remark-stringify';
import { unified, type Processor } from 'unified';
import type { ListItem, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { remarkTablesAndStrikethrough } from '../parse/gfm.js';
import { splitSource } from '../parse/split.js';

type Handlers = NonNullable<Options['handlers']>;

interface MarkedItem extends ListItem {
  data?: ListItem['data'] & { marker?: string };
}

/** A list item written with the marker it had in the source (`3.`, `b)`), or the list's bullet. */
const listItem: Handlers['listItem'] = (node, _parent, state, info) => {
  const bullet = (node as MarkedItem).data?.marker ?? (state.bulletCurrent || '-');
  const size = bullet.length + 1;
  const tracker = state.createTracker(info);
  tracker.move(bullet + ' ');
  tracker.shift(size);
  const exit = state.enter('listItem');
  const value = state.indentLines(state.containerFlow(node, tracker.current()), (line, index, blank) =>
    index ? (blank ? '' : ' '.repeat(size)) + line : (blank ? bullet : bullet + ' ') + line,
  );
  exit();
  return value;
};

/** Tables unpadded (legal cells are long), with `---` delimiters as authors write them. */
function tablesOut() {
  const extension = gfmTableToMarkdown({ tablePipeAlign: false });
  const table = extension.handlers!.table!;
  extension.handlers!.table = (...args) => {
    const lines = table(...args).split('\n');
    if (lines[1] !== undefined) lines[1] = lines[1].replace(/(:?)-+(:?)/g, '$1---$2');
    return lines.join('\n');
  };
  return extension;
}

function tablesAndStrikethroughOut(this: Processor): void {
  (this.data().toMarkdownExtensions ??= []).push(tablesOut(), gfmStrikethroughToMarkdown());
}

const processor = unified()
  .use(remarkParse)
  .use(remarkTablesAndStrikethrough)
  .use(tablesAndStrikethroughOut)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fence: '`', fences: true, listItemIndent: 'one', handlers: { listItem } })
  .freeze();

/** One piece of the body, formatted. */
function formatPiece(text: string): string {
  const tree = processor.parse(text) as Root;
  visit(tree, 'list', (list) => {
    if (!list.ordered) return;
    for (const item of list.children as MarkedItem[]) {
      const offset = item.position?.start.offset;
      const marker = offset === undefined ? null : /^(\d{1,9}[.)])/.exec(text.slice(offset, offset + 11));
      if (marker) item.data = { ...item.data, marker: marker[1]! };
    }
  });
  return processor.stringify(tree);
}

/** The source normalised; the same text for a source already formatted. */
export function formatSource(text: string): string {
  const split = splitSource(text, true);
  const bodyStart = split.chunks[0]?.offset ?? text.length;
  const head = text.slice(0, bodyStart);
  // Link definitions are global: with any, the body is formatted whole so each is written once.
  const whole = split.chunks.some((c) => c.text.length !== nextOffset(split.chunks, c, text) - c.offset);
  const pieces = whole ? [text.slice(bodyStart)] : split.chunks.map((c) => text.slice(c.offset, nextOffset(split.chunks, c, text)));
  const body = pieces.map((p) => formatPiece(p)).filter((p) => p.trim() !== '').join('\n');
  // One blank line between the front matter and the body.
  return head === '' || body === '' ? head + body : `${head.replace(/\n*$/, '\n')}\n${body}`;
}

function nextOffset(chunks: ReturnType<typeof splitSource>['chunks'], chunk: (typeof chunks)[number], text: string): number {
  const i = chunks.indexOf(chunk);
  return chunks[i + 1]?.offset ?? text.length;
}
