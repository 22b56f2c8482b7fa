/**
 * Block model -> mdast -> Markdown in secdoc's source syntax: `## 7 Heading` for a heading,
 * `7.2 Text` and `(a) Text` for numbered paragraphs, pipe tables, `**bold**` and `*italic*`.
 * The cover page and a table of contents are generated text with no place in a source: they are
 * left out with a warning that carries their words.
 */
import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import remarkStringify, { type Options } from 'remark-stringify';
import { unified } from 'unified';
import type { Block, ImportWarning, ParagraphBlock, Span, TableBlock } from './blocks.js';
import { labelled } from './blocks.js';
import { headingLabel, paragraphLabel } from '../parse/labels.js';

export interface Body {
  root: Root;
  /** The text of the first Title-style paragraph, for the front matter. */
  title: string | null;
  warnings: ImportWarning[];
}

const spansText = (spans: readonly Span[]) => spans.map((s) => s.text).join('');
// `\s` is the white space `trim()` removes; testing each span joins and trims nothing (this runs several times a paragraph).
const isBlank = (spans: readonly Span[]) => !spans.some((s) => /\S/.test(s.text));

const HISTORY = 'Version History';

/** The version-history table: its header row starts `Version` and names a date. */
function isHistoryTable(b: Block | undefined): boolean {
  if (b?.kind !== 'table' || !b.rows[0]) return false;
  const header = b.rows[0].cells.map((c) => spansText(c).trim().toLowerCase());
  return header[0] === 'version' && header.some((h) => h.includes('date'));
}

/**
 * `sec`: the result is an SEC version source, where only the version history may stand before the
 * first clause (docs/source-format.md); other unnumbered sections there with text of their own
 * (a marked-up annex's "Changes in this version", say) are left out with a warning.
 */
export function bodyTree(blocks: readonly Block[], { sec = false }: { sec?: boolean } = {}): Body {
  const warnings: ImportWarning[] = [];
  const isHeading = (b: Block): boolean => b.kind === 'paragraph' && b.outline !== null && !b.title && !b.toc && !b.bullet && !isBlank(b.spans);
  // A clause number Word computed, or one the author typed at the start of the text.
  const numbered = (b: Block): boolean => {
    if (b.kind !== 'paragraph') return false;
    if (b.number !== null) return true;
    const text = spansText(b.spans).trimStart();
    return (isHeading(b) ? headingLabel(text) : paragraphLabel(text, () => false)) !== null;
  };
  const opens = (b: Block) => isHeading(b) || (b.kind === 'paragraph' && b.number !== null && !b.toc);

  // The cover: what comes before the first heading, numbered paragraph or contents line (a
  // table of contents field may stand before any heading), when something does.
  const first = blocks.findIndex((b) => opens(b) || (b.kind === 'paragraph' && b.toc));
  const cover = first > 0 ? blocks.slice(0, first) : [];
  const title = cover.find((b): b is ParagraphBlock => b.kind === 'paragraph' && b.title && !isBlank(b.spans));
  const coverText = cover.map((b) => (b.kind === 'paragraph' ? spansText(labelled(b)) : spansText(flatten(b)))).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (coverText.length) warnings.push(skipped(cover[0]!, `the cover page is not imported (the front matter comes from the options and the document properties): "${coverText.join(' / ')}"`));

  // A table of contents, and a heading with nothing under it but contents lines.
  const rest = first > 0 ? blocks.slice(first) : [...blocks];
  const dropped = new Set<Block>();
  rest.forEach((b, i) => {
    if (b.kind === 'paragraph' && b.toc) dropped.add(b);
    if (!isHeading(b) || numbered(b)) return;
    let j = i + 1;
    let entries = 0;
    for (; j < rest.length; j++) {
      const n = rest[j]!;
      if (n.kind !== 'paragraph' || isHeading(n)) break;
      if (n.toc) entries++;
      else if (!isBlank(n.spans)) break;
    }
    if (entries > 0 && (j === rest.length || isHeading(rest[j]!))) dropped.add(b);
  });
  const contents = rest.filter((b): b is ParagraphBlock => dropped.has(b) && b.kind === 'paragraph').map((b) => spansText(labelled(b)).replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (contents.length) warnings.push(skipped(rest.find((b) => dropped.has(b))!, `the table of contents is not imported (it repeats the headings): "${contents.join(' / ')}"`));
  if (sec) {
    // The first numbered heading, where there is one: it is surer than a paragraph that only seems to start with a number.
    const clauseHeading = rest.findIndex((b) => !dropped.has(b) && isHeading(b) && numbered(b));
    const firstClause = clauseHeading >= 0 ? clauseHeading : rest.findIndex((b) => !dropped.has(b) && numbered(b));
    const front = firstClause < 0 ? rest : rest.slice(0, firstClause);
    let section: Block[] = [];
    const close = () => {
      const [heading, ...content] = section;
      section = [];
      if (!heading || !content.some((b) => b.kind === 'table' || !isBlank(b.spans)) || content.some(isHistoryTable)) return;
      for (const b of [heading, ...content]) dropped.add(b);
      const text = [heading, ...content].map((b) => spansText(b.kind === 'paragraph' ? labelled(b) : flatten(b)).replace(/\s+/g, ' ').trim()).filter(Boolean);
      warnings.push(skipped(heading, `the section "${text[0]}" before the first clause is not imported (an SEC source has only the version history there): "${text.slice(1).join(' / ')}"`));
    };
    for (const b of front) {
      if (dropped.has(b)) continue;
      if (isHeading(b)) close();
      if (isHeading(b) || section.length) section.push(b);
    }
    close();
    // A heading over nothing but such sections goes with them.
    front.forEach((b, i) => {
      if (dropped.has(b) || !isHeading(b) || numbered(b)) return;
      const level = (b as ParagraphBlock).outline!;
      const below = [];
      for (const n of front.slice(i + 1)) {
        if (isHeading(n) && (n as ParagraphBlock).outline! <= level) break;
        below.push(n);
      }
      if (below.length && below.every((n) => dropped.has(n) || (n.kind === 'paragraph' && isBlank(n.spans)))) {
        dropped.add(b);
        warnings.push(skipped(b, `the heading "${spansText(labelled(b as ParagraphBlock)).trim()}" over sections left out is not imported`));
      }
    });
  }
  const children: RootContent[] = [];
  let list: List | null = null;
  const kept = rest.filter((b) => !dropped.has(b) && (b.kind === 'table' || !isBlank(b.spans) || b.number !== null));
  kept.forEach((b, i) => {
    // The version history goes under the heading the source format gives it.
    if (isHistoryTable(b) && !(i > 0 && isHeading(kept[i - 1]!))) children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: HISTORY }] });
    if (isHeading(b) && !numbered(b) && isHistoryTable(kept[i + 1])) {
      children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: HISTORY }] });
      return;
    }
    if (b.kind === 'table') {
      const { table, note } = tableNode(b);
      if (note) warnings.push(skipped(b, note));
      children.push(table);
      list = null;
      return;
    }
    if (isHeading(b)) {
      const heading: Heading = { type: 'heading', depth: Math.min((b.outline ?? 0) + 2, 6) as Heading['depth'], children: phrasing(labelled(b), { plain: true }) };
      children.push(heading);
      list = null;
    } else if (b.bullet) {
      if (!list) children.push((list = { type: 'list', ordered: false, spread: false, children: [] }));
      list.children.push({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing(b.spans) }] });
    } else {
      const paragraph: Paragraph = { type: 'paragraph', children: phrasing(labelled(b)) };
      children.push(paragraph);
      list = null;
    }
  });
  return { root: { type: 'root', children }, title: title ? spansText(title.spans).replace(/\s+/g, ' ').trim() : null, warnings };
}

function skipped(at: Block, message: string): ImportWarning {
  return { ruleId: 'import-unmapped', paragraph: at.index, where: `paragraph ${at.index}`, message };
}

function flatten(t: TableBlock): Span[] {
  return t.rows.flatMap((r) => r.cells.flatMap((c) => [...c, { text: ' / ' }]));
}

/**
 * Spans -> mdast phrasing. Tabs (the gap after a list label) become spaces; spaces at the edges of
 * bold or italic text move outside it, where Markdown needs them. `plain`: headings and header
 * cells, whose bold is the style of the line, not emphasis.
 */
function phrasing(spans: readonly Span[], { plain = false, inline = false }: { plain?: boolean; inline?: boolean } = {}): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const text = (value: string) => {
    if (value === '') return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.value += value;
    else out.push({ type: 'text', value });
  };
  const all = spans.map((s) => ({ ...s, text: s.text.replace(/\t/g, ' ') }));
  // The paragraph's own leading and trailing white space is layout.
  while (all.length && all[0]!.text.trimStart() === '') all.shift();
  while (all.length && all[all.length - 1]!.text.trimEnd() === '') all.pop();
  if (all.length) {
    all[0] = { ...all[0]!, text: all[0]!.text.trimStart() };
    all[all.length - 1] = { ...all[all.length - 1]!, text: all[all.length - 1]!.text.trimEnd() };
  }
  for (const s of all) {
    const parts = s.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        if (plain || inline) text(' ');
        else out.push({ type: 'break' });
      }
      const start = part.length - part.trimStart().length;
      const core = part.trim();
      text(part.slice(0, start));
      if (core !== '') out.push(formatted(core, plain ? { href: s.href } : s));
      text(part.slice(start + core.length));
    });
  }
  // Merge adjacent text nodes that formatted() returned bare.
  const merged: PhrasingContent[] = [];
  for (const n of out) {
    const last = merged[merged.length - 1];
    if (n.type === 'text' && last?.type === 'text') last.value += n.value;
    else merged.push(n);
  }
  return merged;
}

function formatted(value: string, s: Omit<Span, 'text'>): PhrasingContent {
  let node: PhrasingContent = { type: 'text', value };
  if (s.strike) node = { type: 'delete', children: [node] };
  if (s.italic) node = { type: 'emphasis', children: [node] };
  if (s.bold) node = { type: 'strong', children: [node] };
  if (s.href) node = { type: 'link', url: s.href, children: [node] };
  return node;
}

/** A Word table as a pipe table: one header row (Markdown holds exactly one), padded rows. */
function tableNode(t: TableBlock): { table: Table; note: string | null } {
  const width = Math.max(1, ...t.rows.map((r) => r.cells.length));
  const row = (cells: readonly Span[][], plain: boolean): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i) => ({ type: 'tableCell', children: phrasing(cells[i] ?? [], { plain, inline: true }) })),
  });
  let note: string | null = null;
  let header: TableRow;
  let body = t.rows;
  const allBold = (cells: readonly Span[][]) => cells.some((c) => !isBlank(c)) && cells.every((c) => c.every((s) => s.bold || s.text.trim() === ''));
  if (t.rows[0] && (t.rows[0].header || allBold(t.rows[0].cells))) {
    header = row(t.rows[0].cells, true);
    body = t.rows.slice(1);
  } else if (width === 2 && t.rows.length > 0 && t.rows.every((r) => /^\s*(means|has the meaning|includes)\b/i.test(spansText(r.cells[1] ?? [])))) {
    header = row([[{ text: 'Term' }], [{ text: 'Meaning' }]], true);
    note = 'a definitions table without a header row is given the header "Term | Meaning"';
  } else {
    header = row([], true);
    note = 'a table without a header row is given an empty one (Markdown tables need a header)';
  }
  return { table: { type: 'table', align: Array.from({ length: width }, () => null), children: [header, ...body.map((r) => row(r.cells, false))] }, note };
}

type TextHandle = NonNullable<NonNullable<Options['handlers']>['text']>;

/** Constructs a text node of ours stands in: none of them gives `"`, `'`, `(` or `)` a meaning, as a link destination, title or autolink would. */
const PLAIN_CONSTRUCTS = new Set(['paragraph', 'phrasing', 'headingAtx', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'link', 'label', 'strikethrough']);
/** Characters that may need an escape wherever they stand in phrasing (and line breaks, which every line-start rule needs). */
const ESCAPABLE_ANYWHERE = /[\r\n\t!&*<[\\\]_`~|#]/;
/** What could start a block at the start of a line: `# `, `- `, `+ `, `* `, `> `, `1. `, `1) `, a table delimiter row, ... */
const ESCAPABLE_AT_LINE_START = /^(?:[#)*+\-.<=>[_`~|:]|\d+(?:\)|\.(?:[ \t\r\n]|$)))/;
/** A backslash before punctuation after the text: the escaper doubles it (a hard break's `\\` before the line ending is not one). */
const ESCAPED_BACKSLASH = /\\[!-/:-@[-`{-~]/;
/** `before` ends a line (and maybe starts a number): the text begins a line, as far as the escaper can tell. */
const LINE_START = /[\r\n][\t ]*\d*$/;

/**
 * remark-stringify's own text handler sends every text through the generic escaper (`safe`),
 * which tries each of some sixty patterns on it, each a regular expression over the whole text:
 * most of the time of a large import. Most text holds nothing any of them would escape where it
 * stands, and is written as it is; anything else goes through `safe` as before, so the Markdown is
 * the same, byte for byte. The test is a conservative reading of mdast-util-to-markdown's unsafe
 * patterns: each escapes a character listed above, a space or tab next to a line ending, or `(`
 * after `]`.
 */
const text: TextHandle = (node, parent, state, info) => {
  const value = node.value;
  const before = info.before;
  const plain =
    !ESCAPABLE_ANYWHERE.test(value) &&
    state.stack.every((construct) => PLAIN_CONSTRUCTS.has(construct)) &&
    !/^[ \t]|[ \t]$/.test(value) &&
    !ESCAPED_BACKSLASH.test(info.after) &&
    !(value.startsWith('(') && before.endsWith(']')) &&
    !(LINE_START.test(before) && ESCAPABLE_AT_LINE_START.test(value));
  if (plain) return value;
  // remark-stringify's own handler.
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1]!;
  return state.safe(value, { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] });
};

export function stringify(root: Root): string {
  const processor = unified().use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, listItemIndent: 'one', handlers: { text } });
  const data = processor.data();
  (data.toMarkdownExtensions ??= []).push(gfmTableToMarkdown({ tablePipeAlign: false }), gfmStrikethroughToMarkdown());
  return processor.stringify(root);
}
