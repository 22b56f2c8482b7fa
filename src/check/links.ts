/**
 * Links: a target that will not be live in the published annex (`javascript:`, `data:`, `file:`)
 * is reported where it is written; the writers publish its text only (src/model/url.ts).
 */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import type { Block, ClauseDocument, Inline, Position } from '../model/types.js';
import { walkClauses } from '../model/text.js';
import { isLiveUrl } from '../model/url.js';

export function checkLinks(doc: ClauseDocument, file: VFile): void {
  const blocks: Block[] = [...doc.preamble, ...doc.sections.flatMap((s) => s.content)];
  for (const c of walkClauses(doc.clauses)) blocks.push(...c.content, ...c.tail);
  for (const { url, at } of links(blocks)) {
    if (!isLiveUrl(url)) {
      report(file, 'link-unsafe', `Unexpected link to \`${url.slice(0, 80)}\`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text`, at);
    }
  }
}

/** Every link in `blocks` with the best place known for it, without recursion. */
function links(blocks: readonly Block[]): Array<{ url: string; at: Position['start'] | undefined }> {
  const out: Array<{ url: string; at: Position['start'] | undefined }> = [];
  const stack: Array<{ block?: Block; inline?: Inline; near?: Position }> = [];
  for (let i = blocks.length - 1; i >= 0; i--) stack.push({ block: blocks[i]! });
  while (stack.length > 0) {
    const { block, inline, near } = stack.pop()!;
    // In reverse, one by one: a spread of a paragraph's many inlines would overflow the stack.
    const push = (items: Array<{ block?: Block; inline?: Inline; near?: Position }>) => {
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!);
    };
    if (block) {
      const p = block.position;
      if (block.type === 'paragraph' || block.type === 'heading') push(block.children.map((i) => ({ inline: i, near: p })));
      else if (block.type === 'table') push([block.header, ...block.rows].flat().flatMap((cell) => cell.children.map((i) => ({ inline: i, near: p }))));
      else if (block.type === 'list') push(block.items.flat().map((b) => ({ block: b })));
      else if (block.type === 'quote') push(block.children.map((b) => ({ block: b })));
    } else if (inline && 'children' in inline) {
      if (inline.type === 'link') out.push({ url: inline.url, at: firstStart(inline.children) ?? near?.start });
      push(inline.children.map((i) => ({ inline: i, near })));
    }
  }
  return out;
}

function firstStart(nodes: readonly Inline[]): Position['start'] | undefined {
  const stack: Inline[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ('position' in n && n.position) return n.position.start;
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return undefined;
}
