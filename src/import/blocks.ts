/**
 * The main document part -> the intermediate block model: paragraphs (with the list label Word
 * shows, their heading level and formatted spans) and tables, with every tracked change accepted
 * or rejected. What has no place in the model (images, text boxes, notes, fields, comments, merged
 * cells) becomes a located warning that carries its text, so no body text is lost unseen.
 */
import { Numbering, Styles } from './numbering.js';
import type { WordPackage } from './package.js';
import { child, descendants, elements, isOn, path, textOf, valueOf, type LeaveOut, type XElement, type XNode } from './xml.js';

export type ChangeMode = 'accept' | 'reject';

/**
 * What the reader never looks at, left out of the XML tree as it is parsed (a large file has
 * hundreds of thousands of these): layout properties, bookmarks, proofing marks and revision
 * ids. None holds text. Reading one of them means taking it off this list.
 */
export const UNREAD: LeaveOut = {
  elements: new Set([
    'w:tabs', 'w:ind', 'w:spacing', 'w:jc', 'w:keepNext', 'w:keepLines', 'w:widowControl', 'w:pBdr', 'w:shd',
    'w:rFonts', 'w:bCs', 'w:iCs', 'w:sz', 'w:szCs', 'w:lang', 'w:color', 'w:kern', 'w:noProof', 'w:u', 'w:highlight',
    'w:bookmarkStart', 'w:bookmarkEnd', 'w:proofErr', 'w:lastRenderedPageBreak', 'w:tcW', 'w:tblW', 'w:tblGrid',
  ]),
  attributes: new Set(['xml:space', 'w:rsidR', 'w:rsidRPr', 'w:rsidRDefault', 'w:rsidP', 'w:rsidDel', 'w:rsidSect', 'w:rsidTr']),
};

/** A stretch of text with the formatting Markdown can hold. `\n` is a line break. */
export interface Span {
  text: string;
  bold?: true;
  italic?: true;
  strike?: true;
  href?: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** 1-based count of the paragraph among all body paragraphs (tables included), for messages. */
  index: number;
  /** The list label Word computes (`7.2`, `(a)`); null when the paragraph is not numbered. */
  number: string | null;
  bullet: boolean;
  /** Outline level (0 for Heading 1) from the paragraph or its style; null for body text. */
  outline: number | null;
  title: boolean;
  /** An entry of a table of contents (TOC field or style, or a line that is only a link to a bookmark). */
  toc: boolean;
  spans: Span[];
}

export interface TableBlock {
  kind: 'table';
  index: number;
  rows: Array<{ header: boolean; cells: Span[][] }>;
}

export type Block = ParagraphBlock | TableBlock;

export type WarningId = 'import-image' | 'import-text-box' | 'import-footnote' | 'import-field' | 'import-comments' | 'import-merged-cells' | 'import-unmapped';

export interface ImportWarning {
  ruleId: WarningId;
  /** The paragraph it is in or after (1-based), 0 for the whole file. */
  paragraph: number;
  /** Where, in words: `paragraph 12 "The DCC shall …"`. */
  where: string;
  message: string;
}

interface Field {
  instruction: string;
  phase: 'instruction' | 'result';
  kind: 'toc' | 'other';
  result: string;
  paragraph: number;
}

/** Page numbers: kept as the text they show, with no warning (a field of layout, not of content). */
const PAGE_FIELDS = new Set(['PAGE', 'NUMPAGES', 'SECTIONPAGES', 'PAGEREF']);

interface Format {
  bold?: true;
  italic?: true;
  strike?: true;
  href?: string;
}

/** One paragraph being read. */
interface Reading {
  index: number;
  spans: Span[];
  /** Text inside links to bookmarks, and all text: a paragraph of only such links is a TOC line. */
  anchoredText: string;
  underToc: boolean;
}

export class BlockReader {
  private readonly styles: Styles;
  private readonly numbering: Numbering;
  private readonly notes = new Map<string, string>();
  private readonly warnings: Array<Omit<ImportWarning, 'where'>> = [];
  private readonly texts = new Map<number, string>();
  private readonly fields: Field[] = [];
  private paragraphCount = 0;
  private comments = 0;
  private readonly unknownFormats = new Set<string>();

  constructor(
    private readonly pkg: WordPackage,
    private readonly mode: ChangeMode,
  ) {
    this.styles = new Styles(pkg.styles);
    this.numbering = new Numbering(pkg.numbering, this.styles);
    for (const [kind, part] of [['footnote', pkg.footnotes], ['endnote', pkg.endnotes]] as const) {
      for (const note of part ? elements(part, `w:${kind}`) : []) {
        const id = note.attributes['w:id'];
        if (id !== undefined) this.notes.set(`${kind}:${id}`, plainText(note));
      }
    }
  }

  read(): { blocks: Block[]; warnings: ImportWarning[] } {
    const body = child(this.pkg.document, 'w:body');
    const blocks = body ? this.container(body.children, false) : [];
    if (this.comments > 0 && this.pkg.comments) {
      const texts = elements(this.pkg.comments, 'w:comment').map((c) => plainText(c).trim()).filter(Boolean);
      const shown = texts.slice(0, 3).map((t) => `"${t}"`).join('; ');
      this.warn('import-comments', 0, `${texts.length} comment${texts.length === 1 ? '' : 's'} not imported (Markdown has no comments)${shown ? `: ${shown}${texts.length > 3 ? '; …' : ''}` : ''}`);
    }
    for (const format of this.unknownFormats) this.warn('import-unmapped', 0, `list number format "${format}" is shown as decimal numbers`);
    return { blocks, warnings: this.warnings.map((w) => ({ ...w, where: this.where(w.paragraph) })) };
  }

  /** Body, cell or content-control content: paragraphs and tables, with paragraph-mark changes applied. */
  private container(nodes: readonly XNode[], toc: boolean): Block[] {
    const out: Block[] = [];
    // Text of paragraphs whose mark was removed joins the next paragraph, as in Word.
    let carried: Span[] = [];
    const visit = (nodes: readonly XNode[], toc: boolean) => {
      for (const node of nodes) {
        if (typeof node === 'string') continue;
        switch (node.name) {
          case 'w:p': {
            const paragraph = this.paragraph(node, toc);
            if (paragraph.removedMark) {
              carried = [...carried, ...paragraph.block.spans];
              continue;
            }
            if (carried.length) paragraph.block.spans = [...carried, ...paragraph.block.spans];
            carried = [];
            this.count(paragraph.block, paragraph.pPr, paragraph.styleId);
            out.push(paragraph.block);
            break;
          }
          case 'w:tbl': {
            const table = this.table(node);
            if (table) out.push(table);
            break;
          }
          case 'w:sdt': {
            const gallery = valueOf(path(node, 'w:sdtPr', 'w:docPartObj'), 'w:docPartGallery');
            visit(child(node, 'w:sdtContent')?.children ?? [], toc || /table of contents/i.test(gallery ?? ''));
            break;
          }
          case 'w:customXml':
            visit(node.children, toc);
            break;
          case 'w:ins':
          case 'w:moveTo':
            if (this.mode === 'reject') break;
            visit(node.children, toc);
            break;
          case 'w:del':
          case 'w:moveFrom':
            if (this.mode === 'accept') break;
            visit(node.children, toc);
            break;
          case 'w:altChunk':
            this.warn('import-unmapped', this.paragraphCount, 'an embedded document (altChunk) is not imported');
            break;
          default:
            break;
        }
      }
    };
    visit(nodes, toc);
    if (carried.length) {
      const index = this.paragraphCount;
      out.push({ kind: 'paragraph', index, number: null, bullet: false, outline: null, title: false, toc: false, spans: carried });
    }
    return out;
  }

  /** Give a kept paragraph its list label, counting it in its list. */
  private count(block: ParagraphBlock, pPr: XElement | undefined, styleId: string | null): void {
    const list = this.numbering.listOf(pPr, styleId);
    if (!list) return;
    const label = this.numbering.next(list.numId, list.level);
    if (!label) return;
    if (label.unknownFormat) this.unknownFormats.add(label.unknownFormat);
    if (label.bullet) block.bullet = true;
    else if (label.text !== '') block.number = label.text;
  }

  private paragraph(p: XElement, toc: boolean): { block: ParagraphBlock; removedMark: boolean; pPr: XElement | undefined; styleId: string | null } {
    const index = ++this.paragraphCount;
    let pPr = child(p, 'w:pPr');
    const markChange = child(pPr, 'w:rPr');
    const removedMark = this.mode === 'accept' ? child(markChange, 'w:del') !== undefined || child(markChange, 'w:moveFrom') !== undefined : child(markChange, 'w:ins') !== undefined || child(markChange, 'w:moveTo') !== undefined;
    // Rejecting a change of paragraph properties restores the old ones (style, numbering).
    if (this.mode === 'reject') {
      const old = path(pPr, 'w:pPrChange', 'w:pPr');
      if (old) pPr = old;
    }
    const styleId = valueOf(pPr, 'w:pStyle') ?? this.styles.defaultParagraph;
    const styleName = this.styles.get(styleId)?.name ?? styleId ?? '';
    const reading: Reading = { index, spans: [], anchoredText: '', underToc: false };
    this.inline(p.children, reading, {});
    const all = reading.spans.map((s) => s.text).join('');
    this.texts.set(index, all);
    const outline = this.outlineOf(pPr, styleId, styleName);
    const tocStyle = /^(toc \d|toc heading|contents \d)$/i.test(styleName);
    const linkLine = reading.anchoredText.trim() !== '' && reading.anchoredText.replace(/\s/g, '') === all.replace(/\s/g, '');
    const block: ParagraphBlock = {
      kind: 'paragraph',
      index,
      number: null,
      bullet: false,
      outline,
      title: /^title$/i.test(styleName),
      toc: toc || reading.underToc || (tocStyle && !/heading/i.test(styleName)) || linkLine,
      spans: mergeSpans(reading.spans),
    };
    return { block, removedMark, pPr, styleId };
  }

  private outlineOf(pPr: XElement | undefined, styleId: string | null, styleName: string): number | null {
    const own = valueOf(pPr, 'w:outlineLvl');
    const level = own ?? this.styles.paragraphProperty(styleId, (p) => valueOf(p, 'w:outlineLvl'));
    if (level !== undefined) return Number(level) <= 8 ? Number(level) : null;
    const named = /^heading\s*(\d)$/i.exec(styleName);
    return named ? Number(named[1]) - 1 : null;
  }

  /** Runs and the inline containers around them. */
  private inline(nodes: readonly XNode[], reading: Reading, format: Format): void {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:r':
          this.run(node, reading, format);
          break;
        case 'w:ins':
        case 'w:moveTo':
          if (this.mode === 'accept') this.inline(node.children, reading, format);
          break;
        case 'w:del':
        case 'w:moveFrom':
          if (this.mode === 'reject') this.inline(node.children, reading, format);
          break;
        case 'w:hyperlink': {
          const rel = node.attributes['r:id'] ? this.pkg.relationships.get(node.attributes['r:id']) : undefined;
          const before = reading.spans.length;
          this.inline(node.children, reading, rel?.external ? { ...format, href: rel.target } : format);
          if (node.attributes['w:anchor'] !== undefined) reading.anchoredText += reading.spans.slice(before).map((s) => s.text).join('');
          break;
        }
        case 'w:fldSimple': {
          const instruction = (node.attributes['w:instr'] ?? '').trim();
          const before = reading.spans.length;
          this.inline(node.children, reading, format);
          const result = reading.spans.slice(before).map((s) => s.text).join('');
          if (!PAGE_FIELDS.has(fieldName(instruction))) this.warn('import-field', reading.index, `field {${instruction}} is not imported as a field; its displayed text "${result}" is kept`);
          break;
        }
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:dir':
        case 'w:bdo':
          this.inline(node.children, reading, format);
          break;
        case 'w:sdt':
          this.inline(child(node, 'w:sdtContent')?.children ?? [], reading, format);
          break;
        case 'mc:AlternateContent': {
          const choice = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
          if (choice) this.inline(choice.children, reading, format);
          break;
        }
        case 'm:oMath':
        case 'm:oMathPara':
          this.warn('import-unmapped', reading.index, `an equation is not imported: "${textOf(node).trim()}"`);
          break;
        default:
          break;
      }
    }
  }

  private run(r: XElement, reading: Reading, outer: Format): void {
    let rPr = child(r, 'w:rPr');
    if (this.mode === 'reject') rPr = path(rPr, 'w:rPrChange', 'w:rPr') ?? rPr;
    const rStyle = valueOf(rPr, 'w:rStyle');
    const on = (name: 'w:b' | 'w:i' | 'w:strike') => isOn(child(rPr, name)) ?? this.styles.runProperty(rStyle, name) ?? false;
    const format: Format = { ...outer };
    if (on('w:b')) format.bold = true;
    if (on('w:i')) format.italic = true;
    if (on('w:strike') || isOn(child(rPr, 'w:dstrike'))) format.strike = true;
    const hidden = isOn(child(rPr, 'w:vanish')) ?? false;
    // secdoc's own redline notes ("[Formerly 10.2]", character style "Redline note") annotate the
    // change; the source has none, as it has no comments.
    const note = (this.styles.get(rStyle)?.name ?? rStyle) === 'Redline note';
    const push = (text: string) => {
      if (note) {
        this.warn('import-unmapped', reading.index, `a redline note is not imported: "${text.trim()}"`);
        return;
      }
      const field = this.fields[this.fields.length - 1];
      if (this.fields.some((f) => f.phase === 'instruction')) return;
      if (field) field.result += text;
      if (this.fields.some((f) => f.kind === 'toc')) reading.underToc = true;
      if (hidden) {
        this.warn('import-unmapped', reading.index, `hidden text is not imported: "${text}"`);
        return;
      }
      reading.spans.push({ text, ...format });
    };
    for (const node of r.children) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:t':
        case 'w:delText':
          // A no-break space is typesetting, which secdoc's writers redo ("Clause 7", dates); the
          // source holds a plain space.
          push(textOf(node).replace(/\u00a0/g, ' '));
          break;
        case 'w:tab':
        case 'w:ptab':
          push('\t');
          break;
        case 'w:br':
          if (node.attributes['w:type'] !== 'page' && node.attributes['w:type'] !== 'column') push('\n');
          break;
        case 'w:cr':
          push('\n');
          break;
        case 'w:noBreakHyphen':
          push('-');
          break;
        case 'w:sym': {
          const code = parseInt(node.attributes['w:char'] ?? '', 16);
          // Symbol-font characters (F000-F0FF) name glyphs of that font, not Unicode text.
          if (Number.isFinite(code) && (code < 0xf000 || code > 0xf0ff)) push(String.fromCodePoint(code));
          else this.warn('import-unmapped', reading.index, `a symbol character (${node.attributes['w:font'] ?? 'symbol font'} ${node.attributes['w:char'] ?? '?'}) is not imported`);
          break;
        }
        case 'w:fldChar':
          this.fieldChar(node.attributes['w:fldCharType'], reading.index);
          break;
        case 'w:instrText':
        case 'w:delInstrText': {
          const field = this.fields[this.fields.length - 1];
          if (field?.phase === 'instruction') field.instruction += textOf(node);
          break;
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference': {
          const kind = node.name === 'w:footnoteReference' ? 'footnote' : 'endnote';
          const id = node.attributes['w:id'] ?? '?';
          const text = this.notes.get(`${kind}:${id}`)?.trim() ?? '';
          this.warn('import-footnote', reading.index, `${kind} ${id} is not imported: "${text}"`);
          break;
        }
        case 'w:commentReference':
          this.comments++;
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          this.drawing(node, reading.index);
          break;
        case 'mc:AlternateContent': {
          // The first choice is what Word shows; the fallback repeats it for older readers.
          const choice = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
          if (choice) this.run({ ...r, children: choice.children }, reading, outer);
          break;
        }
        default:
          break;
      }
    }
  }

  private fieldChar(type: string | undefined, paragraph: number): void {
    if (type === 'begin') {
      this.fields.push({ instruction: '', phase: 'instruction', kind: 'other', result: '', paragraph });
      return;
    }
    const field = this.fields[this.fields.length - 1];
    if (!field) return;
    if (type === 'separate' && field.phase === 'instruction') {
      field.phase = 'result';
      const name = fieldName(field.instruction);
      field.kind = name === 'TOC' ? 'toc' : 'other';
    } else if (type === 'end') {
      this.fields.pop();
      const name = fieldName(field.instruction);
      if (PAGE_FIELDS.has(name) || name === 'TOC' || field.instruction.trim() === '') return;
      this.warn('import-field', field.paragraph, `field {${field.instruction.trim()}} is not imported as a field; its displayed text "${field.result}" is kept`);
    }
  }

  /** Images, text boxes, shapes and embedded objects: one warning each, with any text they hold. */
  private drawing(node: XElement, paragraph: number): void {
    const boxes = [...descendants(node, 'w:txbxContent')];
    if (boxes.length) {
      for (const box of boxes) this.warn('import-text-box', paragraph, `text box not imported: "${paragraphTexts(box).join(' / ')}"`);
      return;
    }
    const docPr = descendants(node, 'wp:docPr')[0];
    const label = docPr?.attributes.descr || docPr?.attributes.title || docPr?.attributes.name || '';
    const blip = descendants(node, 'a:blip')[0]?.attributes['r:embed'] ?? descendants(node, 'v:imagedata')[0]?.attributes['r:id'];
    const target = blip ? this.pkg.relationships.get(blip)?.target : undefined;
    const what = node.name === 'w:object' ? 'embedded object' : blip ? 'image' : 'drawing';
    this.warn('import-image', paragraph, `${what}${label ? ` "${label}"` : ''}${target ? ` (${target})` : ''} not imported`);
  }

  private table(tbl: XElement): TableBlock | null {
    const index = this.paragraphCount + 1;
    const rows: TableBlock['rows'] = [];
    let merged = 0;
    for (const tr of elements(tbl, 'w:tr')) {
      const trPr = child(tr, 'w:trPr');
      if (this.mode === 'accept' ? child(trPr, 'w:del') : child(trPr, 'w:ins')) {
        // The row's paragraphs still count in the file's paragraph numbers.
        this.paragraphCount += descendants(tr, 'w:p').length;
        continue;
      }
      const cells: Span[][] = [];
      for (const tc of elements(tr, 'w:tc')) {
        const tcPr = child(tc, 'w:tcPr');
        const content = this.container(tc.children.filter((c) => typeof c === 'string' || c.name !== 'w:tcPr'), false);
        const spans: Span[] = [];
        for (const b of content) {
          const text = b.kind === 'paragraph' ? labelled(b) : flattenTable(b);
          if (b.kind === 'table') this.warn('import-merged-cells', b.index, 'a table inside a table cell is imported as the text of the cell');
          if (text.length === 0 || text.every((s) => s.text.trim() === '')) continue;
          if (spans.length) spans.push({ text: ' ' });
          spans.push(...text);
        }
        const vMerge = child(tcPr, 'w:vMerge');
        const continues = vMerge !== undefined && vMerge.attributes['w:val'] !== 'restart';
        const span = Number(valueOf(tcPr, 'w:gridSpan') ?? 1);
        if (continues) merged++;
        cells.push(continues ? [] : mergeSpans(spans));
        for (let i = 1; i < span; i++) cells.push([]);
        if (span > 1) merged++;
      }
      rows.push({ header: child(trPr, 'w:tblHeader') !== undefined && isOn(child(trPr, 'w:tblHeader')) === true, cells });
    }
    if (merged > 0) this.warn('import-merged-cells', index, `${merged} merged cell${merged === 1 ? '' : 's'} cannot be held in a Markdown table: each is imported as its first cell followed by empty cells`);
    return rows.length ? { kind: 'table', index, rows } : null;
  }

  private warn(ruleId: WarningId, paragraph: number, message: string): void {
    this.warnings.push({ ruleId, paragraph, message });
  }

  /** `paragraph 12 "The DCC shall not …"`, or the nearest paragraph before with words. */
  private where(paragraph: number): string {
    if (paragraph === 0) return 'the document';
    const words = (i: number) => firstWords(this.texts.get(i) ?? '');
    if (words(paragraph)) return `paragraph ${paragraph} "${words(paragraph)}"`;
    for (let i = paragraph - 1; i > 0; i--) if (words(i)) return `paragraph ${paragraph} (after "${words(i)}")`;
    return `paragraph ${paragraph}`;
  }
}

/** A paragraph's spans with its list label in front, as the reader sees it. */
export function labelled(p: ParagraphBlock): Span[] {
  if (p.number === null) return p.spans;
  return [{ text: `${p.number} ` }, ...p.spans];
}

function flattenTable(t: TableBlock): Span[] {
  return t.rows.flatMap((r) => r.cells.flatMap((c) => [...c, { text: ' ' }]));
}

function fieldName(instruction: string): string {
  return instruction.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
}

/** The text of the paragraphs below an element as Word shows it (no deleted text, no field codes). */
function paragraphTexts(e: XElement): string[] {
  return descendants(e, 'w:p')
    .map((p) => descendants(p, 'w:t').map(textOf).join('').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function plainText(e: XElement): string {
  return paragraphTexts(e).join(' ');
}

function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const head = words.slice(0, 6).join(' ');
  return words.length > 6 ? `${head} …` : head;
}

/** Adjacent spans with the same formatting become one. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (s.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.bold === s.bold && last.italic === s.italic && last.strike === s.strike && last.href === s.href) out[out.length - 1] = { ...last, text: last.text + s.text };
    else out.push({ ...s });
  }
  return out;
}
