/**
 * mdast blocks -> clause tree. Clauses nest by label style with a stack, the way a reader does:
 * a label of a style already open closes everything opened since; a new style opens a level.
 * Headings nest by heading depth; unnumbered headings become divisions.
 */
import type { Heading, Html, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { visit as visitNodes } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Annotation, Block, Clause, LabelStyle, Position, Section } from '../model/types.js';
import { toInlines, type Shift } from './inline.js';
import { headingLabel, isAbsolute, isProvision, letterOrNumeral, paragraphLabel, STABLE_KEY, type Label } from './labels.js';

/** A list item's label, the text after it, and whether that text was the item's first paragraph. */
interface ItemLead {
  label: Label;
  rest: PhrasingContent[];
  fromFirstParagraph: boolean;
  /** The digits of an ordered list's marker (`3` for `3.`), when the label is the marker. */
  marker: number | null;
}

interface Open {
  clause: Clause;
  /** Heading depth for heading clauses; null for provisions found in paragraphs and list items. */
  headingDepth: number | null;
}

const HISTORY = /^(version|document|change|amendment)\s+history$/i;

export interface BuiltTree {
  title: string | null;
  preamble: Block[];
  sections: Section[];
  clauses: Clause[];
  numbering: LabelStyle[];
  /** Rule blocks found before any clause, to be reported by the caller. */
  strayAnnotations: Annotation[];
}

export class TreeBuilder {
  private readonly stack: Open[] = [];
  private readonly result: BuiltTree = {
    title: null,
    preamble: [],
    sections: [],
    clauses: [],
    numbering: [],
    strayAnnotations: [],
  };
  private section: Section | null = null;
  private shift: Shift = { line: 0, offset: 0 };

  /** `reparse` parses Markdown found after an HTML comment on the comment's last line. */
  constructor(
    private readonly source: string,
    private readonly reparse?: (text: string) => Root,
  ) {}

  /** Feed the top-level blocks of one chunk, whose positions are off by `shift`. */
  addChunk(nodes: readonly RootContent[], shift: Shift): void {
    this.shift = shift;
    this.consumeAll(nodes);
  }

  finish(): BuiltTree {
    return this.result;
  }

  private consumeAll(nodes: readonly RootContent[]): void {
    for (let i = 0; i < nodes.length; i++) this.consume(nodes[i]!, nodes[i + 1]);
  }

  private consume(node: RootContent, next: RootContent | undefined): void {
    switch (node.type) {
      case 'heading':
        return this.heading(node);
      case 'paragraph':
        return this.paragraph(node, next);
      case 'list':
        return this.list(node);
      case 'code':
        if (node.lang === 'rule') return this.annotation(node.value, this.pos(node));
        return this.addContent({ type: 'code', lang: node.lang ?? null, value: node.value, position: this.pos(node) });
      case 'definition':
      case 'yaml':
        return;
      case 'html':
        if (/^\s*<!--/.test(node.value)) return this.afterComments(node);
        return this.addContent({ type: 'paragraph', children: [{ type: 'text', value: node.value }], position: this.pos(node) });
      case 'table':
        // A table after sub-paragraphs belongs to the provision they list under, not to the last one.
        return this.addContent(this.toTable(node), true);
      default: {
        const block = this.toBlock(node);
        if (block) this.addContent(block);
      }
    }
  }

  /**
   * An HTML block that opens with a comment runs to the end of the line where the comment
   * closes, so `<!-- reviewed --> 1.7 The DCC shall ...` would hide the clause. What follows the
   * comments is parsed as Markdown where it stands.
   */
  private afterComments(node: Html): void {
    const lead = /^(?:\s*<!--[\s\S]*?-->)+[ \t]*/.exec(node.value);
    const start = node.position?.start;
    if (!lead || !start || !this.reparse) return;
    const rest = node.value.slice(lead[0].length);
    if (rest.trim() === '') return;
    const before = lead[0];
    const newlines = before.split('\n').length - 1;
    const line = start.line + newlines;
    const column = newlines === 0 ? start.column + before.length : before.length - before.lastIndexOf('\n');
    const offset = (start.offset ?? 0) + before.length;
    const root = this.reparse(rest);
    visitNodes(root, (n) => {
      for (const p of n.position ? [n.position.start, n.position.end] : []) {
        if (p.line === 1) p.column += column - 1;
        p.line += line - 1;
        p.offset = (p.offset ?? 0) + offset;
      }
    });
    this.consumeAll(root.children);
  }

  private heading(node: Heading): void {
    let text = toString(node).trim();
    const keyMatch = STABLE_KEY.exec(text);
    if (keyMatch) text = text.slice(0, keyMatch.index);
    const label = headingLabel(text);
    const position = this.pos(node);
    if (!label && node.depth === 1 && this.result.title === null && this.result.clauses.length === 0) {
      this.result.title = text;
      return;
    }
    if (!label && HISTORY.test(text)) {
      this.closeHeadings(node.depth);
      this.section = { heading: text, content: [], position };
      this.result.sections.push(this.section);
      return;
    }
    this.section = null;
    this.closeHeadings(node.depth);
    const clause = newClause({
      number: label?.number ?? null,
      style: label?.style ?? 'division',
      depth: label?.depth ?? 1,
      key: keyMatch?.[1] ?? null,
      heading: label ? text.slice(label.length).replace(/^[\s\-–—:.]+/, '').trim() || null : text,
      position,
    });
    this.attach(clause, node.depth);
  }

  private closeHeadings(depth: number): void {
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1]!;
      if (top.headingDepth !== null && top.headingDepth < depth) break;
      this.stack.pop();
    }
  }

  private paragraph(node: Paragraph, next: RootContent | undefined): void {
    const lead = this.leadLabel(node.children, next);
    if (!lead) {
      this.addContent(this.toParagraph(node.children, this.pos(node)));
      return;
    }
    this.openProvision(lead.label, lead.rest, this.pos(node));
  }

  private list(node: List): void {
    const labels = readerNumbers(node, node.children.map((item, i) => this.itemLabel(node, item, node.children[i + 1])));
    if (labels.every((l) => l === null)) {
      const block = this.toBlock(node);
      if (block) this.addContent(block);
      return;
    }
    node.children.forEach((item, i) => {
      const lead = labels[i];
      if (!lead) {
        this.consumeAll(item.children);
        return;
      }
      this.openProvision(lead.label, lead.rest, this.pos(item));
      // The label came from the list marker when the item opens with something else than a
      // paragraph (a block quote, a code block): that block is the provision's content.
      this.consumeAll(item.children.slice(lead.fromFirstParagraph ? 1 : 0));
    });
  }

  /** A list item's label: the marker of an ordered list, or a label opening its first paragraph. */
  private itemLabel(list: List, item: ListItem, nextItem: ListItem | undefined): ItemLead | null {
    const first = literalMarkerParagraph(item, this.source, this.shift) ?? item.children[0];
    const rest = first?.type === 'paragraph' ? first.children : [];
    if (list.ordered && item.position?.start.offset !== undefined) {
      const marker = /^\s*(\d{1,9})([.)])/.exec(this.source.slice(item.position.start.offset + this.shift.offset, item.position.start.offset + this.shift.offset + 16));
      if (marker) {
        const number = `${marker[1]}${marker[2]}`;
        return { label: { number, style: 'number', depth: 1, length: 0 }, rest, fromFirstParagraph: first?.type === 'paragraph', marker: Number(marker[1]) };
      }
    }
    if (first?.type !== 'paragraph') return null;
    const lead = this.leadLabel(first.children, nextItem?.children[0]);
    return lead && { ...lead, fromFirstParagraph: true, marker: null };
  }

  /** The label at the start of phrasing content, as text or as a bold run (`**3.1**`). */
  private leadLabel(children: readonly PhrasingContent[], next: RootContent | undefined): { label: Label; rest: PhrasingContent[] } | null {
    const first = children[0];
    if (!first) return null;
    const isAlpha = (letter: string) => this.readsAsLetter(letter, next);
    if (first.type === 'strong') {
      const text = toString(first).trim();
      const label = paragraphLabel(text + ' ', isAlpha) ?? headingLabel(text);
      if (label && label.length >= text.length) {
        return { label, rest: trimLeading(children.slice(1)) };
      }
      return null;
    }
    if (first.type !== 'text') return null;
    const label = paragraphLabel(first.value, isAlpha);
    if (!label) return null;
    const remaining = first.value.slice(label.length);
    const rest: PhrasingContent[] = remaining
      ? [{ ...first, value: remaining, position: offsetPosition(first, label.length) }, ...children.slice(1)]
      : children.slice(1);
    return { label, rest };
  }

  /** Whether an ambiguous label (`(c)`, `(i)`, `(v)`) is a letter, from the paragraphs open around it. */
  private readsAsLetter(label: string, next: RootContent | undefined): boolean {
    let openLetter: string | null = null;
    let openNumeral: string | null = null;
    for (let i = this.stack.length - 1; i >= 0 && openLetter === null; i--) {
      const c = this.stack[i]!.clause;
      if (c.style === 'division' || isAbsolute(c.style)) break;
      if (c.style === 'paren-alpha') openLetter = c.number!.slice(1, -1);
      else if (c.style === 'paren-roman' && openNumeral === null) openNumeral = c.number!.slice(1, -1);
    }
    const nextText = next?.type === 'paragraph' && next.children[0]?.type === 'text' ? next.children[0].value : '';
    const nextNumeral = /^\(([ivxlcdm]+)\)/.exec(nextText)?.[1] ?? null;
    return letterOrNumeral(label, { openLetter, openNumeral, nextNumeral }) === 'letter';
  }

  private openProvision(label: Label, rest: PhrasingContent[], position: Position): void {
    let key: string | null = null;
    let heading: string | null = null;
    let body = rest;
    // A bold run straight after the number is the provision's heading.
    const firstRun = body[0];
    if (firstRun?.type === 'strong') {
      heading = toString(firstRun).trim().replace(/[.:]$/, '');
      body = trimLeading(body.slice(1));
    }
    const last = body[body.length - 1];
    if (last?.type === 'text') {
      const m = STABLE_KEY.exec(last.value);
      if (m) {
        key = m[1]!;
        body = [...body.slice(0, -1), { ...last, value: last.value.slice(0, m.index) }];
      }
    }
    this.placeProvision(label);
    const clause = newClause({ number: label.number, style: label.style, depth: label.depth, key, heading, position });
    if (body.length > 0) clause.content.push(this.toParagraph(body, position));
    this.attach(clause, null);
  }

  /** Close what a provision with this label ends: its open siblings and their descendants. */
  private placeProvision(label: Label): void {
    const stack = this.stack;
    if (label.style === 'decimal') {
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!.clause;
        if (top.style === 'decimal' ? top.depth < label.depth : isAbsolute(top.style) || top.style === 'division') break;
        stack.pop();
      }
      return;
    }
    for (let i = stack.length - 1; i >= 0; i--) {
      const c = stack[i]!.clause;
      if (c.style === 'division' || isAbsolute(c.style)) return;
      if (c.style === label.style) {
        stack.length = i;
        return;
      }
    }
  }

  private attach(clause: Clause, headingDepth: number | null): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.clause.children.push(clause);
    else this.result.clauses.push(clause);
    this.stack.push({ clause, headingDepth });
    if (!this.result.numbering.includes(clause.style)) this.result.numbering.push(clause.style);
    this.extend(clause.position);
  }

  private addContent(block: Block, toProvision = false): void {
    if (this.section) {
      this.section.content.push(block);
      return;
    }
    let top = this.stack[this.stack.length - 1];
    if (!top) {
      this.result.preamble.push(block);
      return;
    }
    if (toProvision) {
      const provision = this.stack.findLast((open) => isProvision(open.clause.style));
      if (provision) top = provision;
    }
    const c = top.clause;
    (c.children.length === 0 ? c.content : c.tail).push(block);
    if (block.position) this.extend(block.position);
  }

  private annotation(source: string, position: Position): void {
    // A rule follows its provision's sub-paragraphs, so it belongs to the innermost whole provision.
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const c = this.stack[i]!.clause;
      if (isProvision(c.style) || i === 0) {
        c.annotations.push({ kind: 'rule', source, position });
        this.extend(position);
        return;
      }
    }
    this.result.strayAnnotations.push({ kind: 'rule', source, position });
  }

  /** Every open clause now ends no earlier than `position`. */
  private extend(position: Position): void {
    for (const open of this.stack) {
      const end = open.clause.position.end;
      if (position.end.line > end.line || (position.end.line === end.line && position.end.column > end.column)) {
        open.clause.position.end = { ...position.end };
      }
    }
  }

  private pos(node: { position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } }): Position {
    const p = node.position!;
    const s = this.shift;
    return {
      start: { line: p.start.line + s.line, column: p.start.column, offset: (p.start.offset ?? 0) + s.offset },
      end: { line: p.end.line + s.line, column: p.end.column, offset: (p.end.offset ?? 0) + s.offset },
    };
  }

  private toParagraph(children: readonly PhrasingContent[], position: Position): Block {
    return { type: 'paragraph', children: toInlines(children, this.shift), position };
  }

  private toBlock(node: RootContent): Block | null {
    switch (node.type) {
      case 'paragraph':
        return this.toParagraph(node.children, this.pos(node));
      case 'table':
        return this.toTable(node);
      case 'list':
        return {
          type: 'list',
          ordered: node.ordered ?? false,
          items: node.children.map((item) => {
            literalMarkerParagraph(item, this.source, this.shift);
            return item.children.map((c) => this.toBlock(c)).filter((b): b is Block => b !== null);
          }),
          position: this.pos(node),
        };
      case 'code':
        return { type: 'code', lang: node.lang ?? null, value: node.value, position: this.pos(node) };
      case 'blockquote':
        return {
          type: 'quote',
          children: node.children.map((c) => this.toBlock(c)).filter((b): b is Block => b !== null),
          position: this.pos(node),
        };
      case 'heading':
        return { type: 'heading', depth: node.depth, children: toInlines(node.children, this.shift), position: this.pos(node) };
      case 'thematicBreak':
        return { type: 'rule', position: this.pos(node) };
      case 'footnoteDefinition':
        return {
          type: 'quote',
          children: node.children.map((c) => this.toBlock(c)).filter((b): b is Block => b !== null),
          position: this.pos(node),
        };
      case 'html':
        return /^\s*<!--/.test(node.value) ? null : { type: 'paragraph', children: [{ type: 'text', value: node.value }], position: this.pos(node) };
      default:
        return null;
    }
  }

  private toTable(node: Table): Block {
    const [head, ...rows] = node.children.map((row) => row.children.map((cell) => ({ children: toInlines(cell.children, this.shift) })));
    return { type: 'table', align: (node.align ?? []).map((a) => a ?? null), header: head ?? [], rows, position: this.pos(node) };
  }
}

function newClause(init: Pick<Clause, 'number' | 'style' | 'depth' | 'key' | 'heading'> & { position: Position }): Clause {
  return {
    type: 'clause',
    id: '',
    ...init,
    position: { start: { ...init.position.start }, end: { ...init.position.end } },
    content: [],
    tail: [],
    children: [],
    annotations: [],
  };
}

/**
 * An ordered list written `1.`, `1.`, `1.` (or any markers that do not rise) is numbered as
 * CommonMark and a reader number it: from the first marker, one by one. Markers that rise are the
 * author's numbers and are kept as written, gaps included (`6.`, `8.` where 7 was repealed).
 */
function readerNumbers(list: List, leads: Array<ItemLead | null>): Array<ItemLead | null> {
  const markers = leads.map((l) => l?.marker ?? null);
  if (!list.ordered || markers.some((m) => m === null)) return leads;
  const rising = markers.every((m, i) => i === 0 || m! > markers[i - 1]!);
  if (rising) return leads;
  const first = markers[0]!;
  return leads.map((lead, i) => lead && { ...lead, label: { ...lead.label, number: `${first + i}${lead.label.number.slice(-1)}` } });
}

/**
 * `1.  31. Oktober 2012 die Summe ...`: CommonMark reads the date as a second list opening on the
 * item's own line, and the item's text would start with nothing. A reader sees a date: the inner
 * marker is put back as text, and the inner list's first item becomes the item's first paragraph.
 * Returns that paragraph after replacing the item's first block, or null when the item opens otherwise.
 */
function literalMarkerParagraph(item: ListItem, source: string, shift: Shift): Paragraph | null {
  const inner = item.children[0];
  if (inner?.type !== 'list' || !inner.ordered || !item.position || !inner.position) return null;
  if (inner.position.start.line !== item.position.start.line) return null;
  const [firstItem, ...otherItems] = inner.children;
  // `1. 2. 3. text`: each marker after the first is text, innermost first.
  if (firstItem) literalMarkerParagraph(firstItem, source, shift);
  const paragraph = firstItem?.children[0];
  if (!firstItem || paragraph?.type !== 'paragraph' || !firstItem.position || !paragraph.position) return null;
  const start = firstItem.position.start;
  const from = (start.offset ?? 0) + shift.offset;
  const marker = source.slice(from, (paragraph.position.start.offset ?? 0) + shift.offset);
  const text: PhrasingContent = { type: 'text', value: marker, position: { start: { ...start }, end: { ...paragraph.position.start } } };
  const literal: Paragraph = { type: 'paragraph', children: [text, ...paragraph.children], position: { start: { ...start }, end: paragraph.position.end } };
  const after: RootContent[] = [...firstItem.children.slice(1)];
  if (otherItems.length > 0) after.push({ ...inner, start: (inner.start ?? 1) + 1, children: otherItems, position: otherItems[0]!.position ? { start: otherItems[0]!.position.start, end: inner.position.end } : inner.position });
  item.children.splice(0, 1, literal, ...(after as ListItem['children']));
  return literal;
}

function trimLeading(children: PhrasingContent[]): PhrasingContent[] {
  const first = children[0];
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s+/, '');
    return value ? [{ ...first, value }, ...children.slice(1)] : children.slice(1);
  }
  return children;
}

function offsetPosition(node: PhrasingContent, by: number): PhrasingContent['position'] {
  const p = node.position;
  if (!p) return undefined;
  return { start: { line: p.start.line, column: p.start.column + by, offset: (p.start.offset ?? 0) + by }, end: p.end };
}

/**
 * Path IDs: absolute numbers stand alone, sub-paragraphs append to their parent's path. Decimal
 * numbers inside a lettered section (`## J.` then `1.`) start again in each section, so they
 * take the section's letter (`J/1`): an id that stays put while the section keeps its letter.
 */
export function assignIds(docId: string, clauses: Clause[]): void {
  const used = new Set<string>();
  const visit = (list: Clause[], parentPath: string, division: string | null, letter: string | null) => {
    for (const c of list) {
      let path: string;
      if (c.style === 'division') path = slug(c.heading ?? 'part');
      else if (c.style === 'decimal' && letter !== null) path = `${letter}/${c.number}`;
      else if (isAbsolute(c.style)) path = c.number!.replace(/\s+/g, '');
      else path = parentPath + subSegment(c.number!);
      let id = `${docId}/${path}`;
      if (used.has(id) && division && c.style !== 'division') id = `${docId}/${division}/${path}`;
      for (let n = 2; used.has(id); n++) id = `${docId}/${path}~${n}`;
      used.add(id);
      c.id = id;
      const ownPath = id.slice(docId.length + 1);
      visit(c.children, ownPath, c.style === 'division' ? ownPath : division, c.style === 'letter-heading' ? ownPath : letter);
    }
  };
  visit(clauses, '', null, null);
}

/** `(a)` stays `(a)`; `1.` and `a)` become `(1)` and `(a)` so paths read unambiguously. */
function subSegment(number: string): string {
  return number.startsWith('(') ? number : `(${number.replace(/[.)]$/, '')})`;
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9§]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'part'
  );
}

