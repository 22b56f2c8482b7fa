/**
 * Plain prose read without micromark. Most of a statute is headings, paragraphs and `- ` lists
 * of words with no Markdown in them (94% of the Code de la consommation's characters), and
 * micromark's state machine spent 80% of a cold parse on them. `readProse` builds the mdast of
 * those blocks straight from their lines, node for node and position for position what
 * remark-parse makes of them, and hands every other stretch back to be parsed by remark.
 *
 * It reads a line as prose only when no Markdown construct can start in it: none of
 * `` \ ` * _ [ ] < > & ~ | `` anywhere, no tab, no space at either end, and no character a block
 * can start with (`# > + * = - :` or a number and `.` or `)` before a space) at the start. A
 * stretch handed back starts and ends at blank lines, where every block but fenced code, some
 * HTML blocks and a list (continued by its next item or an indented line) ends, and those three
 * are kept whole: a fence at the start of a line to its closing fence (`blocksOf`), a list with
 * what is next to it, and from any other fence or a long HTML block to the end (`markAdjoining`).
 * test/parse/prose.test.ts compares the readers on the corpus and generated text, pins the rest.
 */
import type { Heading, List, ListItem, Paragraph, RootContent, Text } from 'mdast';

/** A run of the text: nodes read here, or Markdown for remark, `line` and `offset` into the text. */
export type Piece = { nodes: RootContent[] } | { markdown: string; line: number; offset: number };

const INLINE = '[^\\\\`*_\\[\\]<>&~|\\t\\r\\0]';
/** A line of prose: see the comment at the top. */
const PROSE = new RegExp(`^(?![#>+*=:\\s-]|\\d{1,9}[.)](?:\\s|$))${INLINE}*${INLINE.replace('[^', '[^\\s')}$`);
/** An ATX heading with prose in it and no closing `#`s. */
const HEADING = new RegExp(`^(#{1,6}) (?!\\s)(${INLINE.replace('[^', '[^#')}*${INLINE.replace('[^', '[^#\\s')})$`);
/** A bullet list item (`- `) whose first line is prose. */
const ITEM = /^- (?=\S)/;
/** A code fence at the start of a line, and the rest of the line (after backticks it must hold none: `blocksOf`). */
const FENCE = /^(`{3,}|~{3,})(.*)$/;
/**
 * Where a block may run on past a blank line, other than a fence `FENCE` finds: a fence anywhere
 * else (indented, in a list or a quote), or an HTML block of kinds 1 to 5.
 */
const RUNS_ON = /```|~~~|<(?:script|pre|style|textarea)(?:[\s>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[/i;

interface Block {
  /** First and last line (0-based); none is blank but inside a fence. */
  first: number;
  last: number;
  /** Read by remark rather than here. */
  markdown: boolean;
  /** Holds the start of a block that may run on past blank lines (`RUNS_ON`). */
  runsOn: boolean;
  /** Starts with a list item (so may continue a list before it). */
  opensWithItem: boolean;
  /** Ends inside a list (so a block after it may continue that list). */
  endsInList: boolean;
}

/**
 * Cut `text` into pieces: runs of blocks read as prose, and the Markdown between them. The
 * pieces cover every line in order; a piece of Markdown is the text of its lines. Null for text
 * remark must read whole: a link reference definition may be used anywhere in it, a carriage
 * return ends a line for remark where it does not here, and remark drops a byte order mark that
 * starts its text, which a stretch handed to it could start with.
 */
export function readProse(text: string): Piece[] | null {
  if (text.includes(']:') || text.includes('\r') || text.includes('\uFEFF')) return null;
  const lines = text.split('\n');
  const offsets = new Array<number>(lines.length);
  for (let i = 0, at = 0; i < lines.length; i++) {
    offsets[i] = at;
    at += lines[i]!.length + 1;
  }
  const blocks = markAdjoining(blocksOf(lines));
  const pieces: Piece[] = [];
  const reader = new ProseReader(lines, offsets);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (!block.markdown) {
      reader.read(block);
      continue;
    }
    let end = b;
    while (end + 1 < blocks.length && blocks[end + 1]!.markdown) end++;
    const nodes = reader.take();
    if (nodes.length > 0) pieces.push({ nodes });
    // With the blank lines after it: what remark makes of a block's last line can depend on
    // whether the text ends there (a lazy line of a list item), and an unclosed fence holds them.
    const last = end === blocks.length - 1 ? lines.length - 1 : blocks[end + 1]!.first - 1;
    pieces.push({ markdown: lines.slice(block.first, last + 1).join('\n'), line: block.first, offset: offsets[block.first]! });
    b = end;
  }
  const nodes = reader.take();
  if (nodes.length > 0) pieces.push({ nodes });
  return pieces;
}

/** The blank-line separated blocks of `lines`, each marked as prose or Markdown. */
function blocksOf(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i] === '') {
      i++;
      continue;
    }
    const first = i;
    // What the block is in so far: nothing open (after a heading), a paragraph or a list.
    let state: 'none' | 'paragraph' | 'list' = 'none';
    let markdown = false;
    let runsOn = false;
    // After a line of HTML, a fence may be the HTML block's text: left to `runsOn`.
    let html = false;
    for (; i < lines.length && lines[i] !== ''; i++) {
      const line = lines[i]!;
      const fence = html ? null : FENCE.exec(line);
      if (fence && (fence[1]![0] === '~' || !fence[2]!.includes('`'))) {
        // Fenced code, blank lines and all, is one block: from its opening line to its closing one.
        markdown = true;
        const close = new RegExp(`^ {0,3}${fence[1]![0]}{${fence[1]!.length},}[ \\t]*$`);
        while (i + 1 < lines.length && !close.test(lines[i + 1]!)) i++;
        i++;
        continue;
      }
      if (/^ {0,3}</.test(line)) html = true;
      if (RUNS_ON.test(line)) runsOn = true;
      if (markdown) continue;
      if (HEADING.test(line)) state = 'none';
      else if (ITEM.test(line) && PROSE.test(line.slice(2))) {
        // A list item interrupting a paragraph is left to remark.
        if (state === 'paragraph') markdown = true;
        state = 'list';
      } else if (PROSE.test(line)) {
        // In a list, a line of prose continues the item (a lazy continuation line).
        if (state === 'none') state = 'paragraph';
      } else markdown = true;
    }
    const opensWithItem = ITEM.test(lines[first]!);
    blocks.push({ first, last: Math.min(i, lines.length) - 1, markdown, runsOn, opensWithItem, endsInList: !markdown && state === 'list' });
  }
  return blocks;
}

/**
 * A block of Markdown takes with it what it may run into: every list next to it (an item or an
 * indented line after a blank line continues a list), and, from a code fence or an HTML block
 * that only its own end closes, every block to the end of the text.
 */
function markAdjoining(blocks: Block[]): Block[] {
  for (let b = 0; b < blocks.length; b++) {
    if (!blocks[b]!.markdown) continue;
    for (let before = b - 1; before >= 0 && !blocks[before]!.markdown && blocks[before]!.endsInList; before--) {
      blocks[before]!.markdown = true;
      if (!blocks[before]!.opensWithItem) break;
    }
    if (b + 1 < blocks.length && blocks[b + 1]!.opensWithItem) blocks[b + 1]!.markdown = true;
  }
  const runsOn = blocks.findIndex((block) => block.runsOn);
  if (runsOn >= 0) for (let b = runsOn; b < blocks.length; b++) blocks[b]!.markdown = true;
  return blocks;
}

/** Builds the nodes of prose blocks, a list staying open from one block to the next. */
class ProseReader {
  private nodes: RootContent[] = [];
  private list: List | null = null;

  constructor(
    private readonly lines: readonly string[],
    private readonly offsets: readonly number[],
  ) {}

  /** The nodes read since the last call. */
  take(): RootContent[] {
    const nodes = this.nodes;
    this.nodes = [];
    this.list = null;
    return nodes;
  }

  read(block: Block): void {
    // A list open from the block before goes on only with an item; the blank line makes it loose.
    if (this.list && block.opensWithItem) this.list.spread = true;
    else this.list = null;
    let paragraph: Paragraph | null = null;
    let item: ListItem | null = null;
    for (let i = block.first; i <= block.last; i++) {
      const line = this.lines[i]!;
      const heading = HEADING.exec(line);
      if (heading) {
        paragraph = item = null;
        this.list = null;
        this.nodes.push(this.heading(i, heading[1]!.length, heading[2]!));
      } else if (ITEM.test(line)) {
        item = this.item(i);
        if (!this.list) {
          this.list = { type: 'list', ordered: false, start: null, spread: false, children: [], position: this.span(i, 0, i) };
          this.nodes.push(this.list);
        }
        this.list.children.push(item);
        this.list.position!.end = this.end(i);
      } else if (item) {
        // A lazy continuation line: the item's paragraph runs on, and the item and list with it.
        this.runOn(item.children[0] as Paragraph, i);
        item.position!.end = this.end(i);
        this.list!.position!.end = this.end(i);
      } else if (paragraph) {
        this.runOn(paragraph, i);
      } else {
        paragraph = { type: 'paragraph', children: [this.text(i, 0, line)], position: this.span(i, 0, i) };
        this.nodes.push(paragraph);
      }
    }
  }

  /** `paragraph` (one text node) goes on to line `line`. */
  private runOn(paragraph: Paragraph, line: number): void {
    const text = paragraph.children[0] as Text;
    text.value += '\n' + this.lines[line]!;
    text.position!.end = this.end(line);
    paragraph.position!.end = this.end(line);
  }

  private heading(line: number, depth: number, content: string): Heading {
    return { type: 'heading', depth: depth as Heading['depth'], children: [this.text(line, depth + 1, content)], position: this.span(line, 0, line) };
  }

  private item(line: number): ListItem {
    const paragraph: Paragraph = { type: 'paragraph', children: [this.text(line, 2, this.lines[line]!.slice(2))], position: this.span(line, 2, line) };
    return { type: 'listItem', spread: false, checked: null, children: [paragraph], position: this.span(line, 0, line) };
  }

  private text(line: number, column: number, value: string): Text {
    return { type: 'text', value, position: this.span(line, column, line) };
  }

  /** From `column` (0-based) of line `first` to the end of line `last`. */
  private span(first: number, column: number, last: number): NonNullable<Text['position']> {
    return { start: { line: first + 1, column: column + 1, offset: this.offsets[first]! + column }, end: this.end(last) };
  }

  private end(line: number): { line: number; column: number; offset: number } {
    const length = this.lines[line]!.length;
    return { line: line + 1, column: length + 1, offset: this.offsets[line]! + length };
  }
}
