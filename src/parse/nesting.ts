/**
 * Nesting is bounded where Markdown becomes a tree: a node deeper than MAX_NESTING levels (3,000
 * nested block quotes, emphasis inside emphasis thousands deep) is reported and replaced by its
 * plain text, so the tree builder, the checks, the redline and every writer can recurse safely.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';

/** Far beyond any legal document (a list six levels deep with emphasis in it is about 20). */
export const MAX_NESTING = 64;

const PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Flatten what is nested too deep; `onTooDeep` gets each flattened node, outermost first. */
export function limitNesting(root: Root, onTooDeep: (node: RootContent) => void): void {
  const stack: Array<{ node: Parent; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const children = node.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (!('children' in child)) continue;
      if (depth + 1 < MAX_NESTING) {
        stack.push({ node: child, depth: depth + 1 });
        continue;
      }
      onTooDeep(child);
      const text = { type: 'text' as const, value: plainText(child), position: child.position };
      const paragraph = { type: 'paragraph' as const, children: [text], position: child.position };
      children[i] = (PHRASING.has(child.type) ? text : child.type === 'listItem' ? { type: 'listItem', spread: false, children: [paragraph], position: child.position } : paragraph) as RootContent;
    }
  }
}

/** The text of a subtree, without recursion. */
function plainText(node: Nodes): string {
  let out = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ('value' in n && typeof n.value === 'string') out += n.value;
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** Container prefix of a line: indentation, `>` markers and list markers. */
const PREFIX = /^(?:[ \t]|>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))+/;

/**
 * remark's list handling grows faster than the square of the nesting depth (a list 400 levels
 * deep takes seconds, 2,000 never ends), so a chunk with a line nested too deep is defused before
 * parsing: every container prefix in it becomes spaces of the same length (keeping every offset),
 * and the chunk reads as flat paragraphs and code. Returns the text and the first line (0-based)
 * too deep, or null.
 */
export function defuseDeepPrefixes(text: string): { text: string; firstLine: number | null } {
  const lines = text.split('\n');
  const firstLine = lines.findIndex((line) => prefixDepth(PREFIX.exec(line)?.[0] ?? '') >= MAX_NESTING);
  if (firstLine < 0) return { text, firstLine: null };
  const out = lines.map((line) => {
    const prefix = PREFIX.exec(line)?.[0];
    return prefix ? ' '.repeat(prefix.length) + line.slice(prefix.length) : line;
  });
  return { text: out.join('\n'), firstLine };
}

/** About how many containers a prefix opens: its markers, and a level per two spaces of indent. */
function prefixDepth(prefix: string): number {
  if (prefix.length < MAX_NESTING) return 0;
  let depth = 0;
  for (const c of prefix) if (c === '>' || c === '-' || c === '*' || c === '+' || c === '.' || c === ')') depth++;
  return depth + Math.floor(prefix.replace(/\t/g, '    ').replace(/[^ ]/g, '').length / 2);
}
