/**
 * View model -> Word document with the `docx` package. A marked-up annex carries native tracked
 * changes (w:ins / w:del with author and date, every w:id unique), so a reader can accept or
 * reject each change in Word. The package is then made reproducible by ./zip.ts.
 */
import {
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InsertedTextRun,
  InternalHyperlink,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { AnnexView, BodyBlock, Cell, Mark, Run } from '../view/types.js';
import { normalisePackage } from './zip.js';

const mm = (n: number) => Math.round((n * 1440) / 25.4);
const NUM = mm(14);
const STEP = mm(10);
const PAGE_TEXT_WIDTH = mm(210 - 24 - 22);
const FONT = 'Arial';
const INS_COLOUR = '0B4F8A';
const DEL_COLOUR = 'A1161D';

/** Counters for one document: revisions, comments and bookmarks each need unique w:id values. */
class Ids {
  private revision = 0;
  private bookmark = 0;
  private comment = -1;
  nextComment(): number {
    return ++this.comment;
  }
  nextRevision(): number {
    return ++this.revision;
  }
  nextBookmark(): number {
    return 100000 + ++this.bookmark;
  }
}

interface Ctx {
  view: AnnexView;
  ids: Ids;
  /** w:date of every tracked change: the designation date, from the sources (see annexToDocx). */
  date: string;
  author: string;
  comments: Array<{ id: number; author: string; date: Date; children: Paragraph[] }>;
  anchors: ReadonlySet<string>;
}

/** A bookmark name Word accepts: a letter first, no hyphens, at most 40 characters. */
function bookmarkName(anchor: string): string {
  return anchor.replace(/[^A-Za-z0-9]/g, '_').slice(0, 40);
}

function runChildren(runs: readonly Run[] | null | undefined, ctx: Ctx, base: { bold?: boolean; size?: number; color?: string } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of runs ?? []) {
    const parts = r.text.split('\n');
    parts.forEach((text, i) => {
      const style = {
        text,
        break: i > 0 ? 1 : undefined,
        bold: r.bold || base.bold || undefined,
        italics: r.italic || undefined,
        strike: r.strike || undefined,
        size: base.size,
        color: base.color,
        font: r.code ? 'Courier New' : undefined,
      };
      let run: ParagraphChild;
      if (r.mark === 'ins') run = new InsertedTextRun({ ...style, id: ctx.ids.nextRevision(), author: ctx.author, date: ctx.date });
      else if (r.mark === 'del') run = new DeletedTextRun({ ...style, id: ctx.ids.nextRevision(), author: ctx.author, date: ctx.date });
      else run = new TextRun(style);
      // Links to clauses of this document go to their bookmark; external links stay as text
      // (docx gives them random relationship ids, which would break reproducible output).
      if (r.ref && ctx.anchors.has(r.ref) && !r.mark) out.push(new InternalHyperlink({ anchor: bookmarkName(r.ref), children: [new TextRun({ ...style, style: 'Hyperlink' })] }));
      else out.push(run);
    });
  }
  return out;
}

/** A paragraph-mark revision, so accepting or rejecting a whole inserted/deleted paragraph leaves no empty line. */
function markRun(mark: Mark | undefined, ctx: Ctx) {
  if (!mark) return undefined;
  const change = { id: ctx.ids.nextRevision(), author: ctx.author, date: ctx.date };
  return mark === 'ins' ? { insertion: change } : { deletion: change };
}

function withBookmark(anchor: string | null | undefined, children: ParagraphChild[], ctx: Ctx): ParagraphChild[] {
  if (!anchor) return children;
  const id = ctx.ids.nextBookmark();
  return [new BookmarkStart(bookmarkName(anchor), id) as unknown as ParagraphChild, ...children, new BookmarkEnd(id) as unknown as ParagraphChild];
}

/** A redline note ("Formerly 18.12") as a Word comment on the clause, not as text in it. */
function withNote(note: string | undefined, children: ParagraphChild[], ctx: Ctx): ParagraphChild[] {
  if (!note) return children;
  const id = ctx.ids.nextComment();
  ctx.comments.push({ id, author: ctx.author, date: new Date(ctx.date), children: [new Paragraph({ children: [new TextRun(note)] })] });
  return [new CommentRangeStart(id), ...children, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
}

function cellOf(cell: Cell, ctx: Ctx, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } : undefined,
    children: [new Paragraph({ spacing: { after: 0 }, children: runChildren(cell, ctx, header ? { bold: true } : {}) })],
  });
}

function tableOf(header: Cell[], rows: Array<{ cells: Cell[]; mark?: Mark }>, ctx: Ctx, indent: number, widths?: number[]): Table {
  const n = Math.max(header.length, ...rows.map((r) => r.cells.length), 1);
  const total = PAGE_TEXT_WIDTH - indent;
  const w = widths ?? (n === 2 ? [Math.round(total * 0.32), total - Math.round(total * 0.32)] : Array.from({ length: n }, () => Math.floor(total / n)));
  const pad = (cells: Cell[]) => [...cells, ...Array.from({ length: n - cells.length }, (): Cell => [])];
  const border = { style: BorderStyle.SINGLE, size: 4, color: '9A9A9A' };
  return new Table({
    width: { size: w.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: w,
    indent: indent ? { size: indent, type: WidthType.DXA } : undefined,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: pad(header).map((c, i) => cellOf(c, ctx, true, w[i]!)) }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: pad(r.cells).map((c, i) => cellOf(c, ctx, false, w[i]!)),
            ...(r.mark === 'ins' ? { insertion: { id: ctx.ids.nextRevision(), author: ctx.author, date: ctx.date } } : {}),
            ...(r.mark === 'del' ? { deletion: { id: ctx.ids.nextRevision(), author: ctx.author, date: ctx.date } } : {}),
          }),
      ),
    ],
  });
}

const textLeft = (indent: number) => NUM + indent * STEP;
const hangOf = (indent: number) => (indent === 0 ? NUM : STEP);

function blockOf(b: BodyBlock, ctx: Ctx): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading': {
      const children = [...runChildren(b.number, ctx), new TextRun({ text: '\t' }), ...runChildren(b.text, ctx)];
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          indent: { left: NUM, hanging: NUM },
          tabStops: [{ type: TabStopType.LEFT, position: NUM }],
          run: markRun(b.mark, ctx),
          children: withNote(b.note, withBookmark(b.anchor, children, ctx), ctx),
        }),
      ];
    }
    case 'para': {
      const left = textLeft(b.indent);
      const content: ParagraphChild[] = [];
      if (b.heading) content.push(...runChildren(b.heading, ctx, { bold: true }), new TextRun({ text: ' ' }));
      content.push(...runChildren(b.runs, ctx));
      const numbered = b.number !== null;
      const children = numbered ? [...runChildren(b.number, ctx), new TextRun({ text: '\t' }), ...content] : content;
      return [
        new Paragraph({
          indent: numbered ? { left, hanging: hangOf(b.indent) } : { left },
          tabStops: numbered ? [{ type: TabStopType.LEFT, position: left }] : undefined,
          run: markRun(b.mark, ctx),
          children: withNote(b.note, withBookmark(b.anchor, children, ctx), ctx),
        }),
      ];
    }
    case 'table':
      return [tableOf(b.header, b.rows, ctx, textLeft(b.indent)), new Paragraph({ spacing: { after: 0 }, children: [] })];
    case 'code':
      return b.text.split('\n').map((line) => new Paragraph({ indent: { left: textLeft(b.indent) }, run: markRun(b.mark, ctx), children: runChildren([{ text: line, code: true, ...(b.mark ? { mark: b.mark } : {}) }], ctx) }));
  }
}

function coverOf(view: AnnexView): Paragraph[] {
  const c = view.cover;
  const out: Paragraph[] = [
    new Paragraph({ spacing: { before: mm(40), after: mm(10) }, children: [new TextRun({ text: c.kicker, bold: true, size: 30 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: c.title + (c.shortName ? ` (${c.shortName})` : '') })] }),
    ...(c.appendix ? [new Paragraph({ spacing: { after: mm(8) }, children: [new TextRun({ text: `${c.appendix} to the Smart Energy Code`, size: 24, color: '4A4A4A' })] })] : []),
    new Paragraph({ children: [new TextRun({ text: c.versionLine, size: 30 })] }),
  ];
  if (c.markedUpLine) out.push(new Paragraph({ children: [new TextRun({ text: c.markedUpLine, size: 26, bold: true })] }));
  if (c.annexTitle) out.push(new Paragraph({ spacing: { before: mm(4) }, children: [new TextRun({ text: c.annexTitle, italics: true })] }));
  out.push(new Paragraph({ spacing: { before: mm(60) }, border: { top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 6 } }, children: [] }));
  for (const f of c.facts) {
    out.push(new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: mm(45) }], indent: { left: mm(45), hanging: mm(45) }, children: [new TextRun({ text: f.label, bold: true }), new TextRun({ text: `\t${f.value}` })] }));
  }
  return out;
}

function frontMatter(view: AnnexView, ctx: Ctx): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Contents')] })];
  // TOC lines are navigation, not document text: they carry no tracked changes, only words.
  const tocLine = (number: string, text: string, anchor: string) =>
    new Paragraph({
      indent: { left: NUM, hanging: NUM },
      tabStops: [{ type: TabStopType.LEFT, position: NUM }],
      spacing: { after: 60 },
      children: [new InternalHyperlink({ anchor: bookmarkName(anchor), children: [new TextRun({ text: `${number}\t${text}`, style: 'Hyperlink' })] })],
    });
  if (view.history) out.push(tocLine('', 'Version history', 'history'));
  if (view.changes.length) out.push(tocLine('', 'Changes in this version', 'changes'));
  for (const e of view.toc) {
    out.push(tocLine(e.number ?? '', e.mark === 'del' ? `${e.text} (deleted)` : e.mark === 'ins' ? `${e.text} (inserted)` : e.text, e.anchor));
  }
  if (view.history) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: withBookmark('history', [new TextRun('Version history')], ctx) }));
    const w = view.history.header.length === 3 ? [mm(20), mm(34), PAGE_TEXT_WIDTH - mm(54)] : undefined;
    out.push(
      tableOf(
        view.history.header.map((h) => [{ text: h }]),
        view.history.rows.map((r) => ({ cells: r.cells.map((c): Cell => [r.mark ? { text: c, mark: r.mark } : { text: c }]), ...(r.mark ? { mark: r.mark } : {}) })),
        ctx,
        0,
        w,
      ),
    );
  }
  if (view.changes.length) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: withBookmark('changes', [new TextRun('Changes in this version')], ctx) }));
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('How changes are shown')] }));
    out.push(new Paragraph({ children: [new TextRun('This document carries the changes as Word tracked changes: Review > Accept or Reject applies them one by one.')] }));
    for (const l of view.legend) {
      out.push(new Paragraph({ indent: { left: mm(40), hanging: mm(40) }, tabStops: [{ type: TabStopType.LEFT, position: mm(40) }], children: [...legendSample(l.sample), new TextRun(`\t${l.description}`)] }));
    }
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Table of changes')] }));
    out.push(
      tableOf(
        [[{ text: 'Clause' }], [{ text: 'Change' }], [{ text: 'Heading or opening words' }]],
        view.changes.map((c) => ({ cells: [[{ text: c.number, ref: c.anchor }], [{ text: c.description }], [{ text: c.summary }]] })),
        ctx,
        0,
        [mm(22), mm(55), PAGE_TEXT_WIDTH - mm(77)],
      ),
    );
  }
  return out;
}

/** Legend samples are formatted like the marks Word shows, but are not themselves revisions. */
function legendSample(sample: Run[]): TextRun[] {
  return sample.map(
    (r) =>
      new TextRun({
        text: r.text,
        underline: r.mark === 'ins' ? {} : undefined,
        strike: r.mark === 'del' || undefined,
        color: r.mark === 'ins' ? INS_COLOUR : r.mark === 'del' ? DEL_COLOUR : undefined,
      }),
  );
}

export async function annexToDocx(view: AnnexView): Promise<Uint8Array> {
  // Dates come from the sources (the designation date), never the clock. Two loose files compared
  // have none: the package is made with a stand-in that normalisePackage then takes out, since a
  // date on a change, on a comment or in the properties is optional and a made-up one misleads.
  const date = `${view.date ?? '1980-01-01'}T00:00:00Z`;
  const anchors = new Set(view.body.flatMap((b) => ('anchor' in b && b.anchor ? [b.anchor] : [])));
  const ctx: Ctx = { view, ids: new Ids(), date, author: view.author, comments: [], anchors };
  const body = view.body.flatMap((b) => blockOf(b, ctx));
  const front = frontMatter(view, ctx);
  const cover = coverOf(view);
  const small = { size: 17, color: '4A4A4A', font: FONT };
  const sections: ISectionOptions[] = [
    {
      properties: { page: { margin: { top: mm(26), bottom: mm(24), left: mm(24), right: mm(22) } } },
      children: cover,
    },
    {
      properties: { page: { margin: { top: mm(26), bottom: mm(24), left: mm(24), right: mm(22) } } },
      headers: {
        default: new Header({
          children: [new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: PAGE_TEXT_WIDTH }], border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '4A4A4A', space: 2 } }, children: [new TextRun({ text: view.header, ...small })] })],
        }),
      },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({
              tabStops: [{ type: TabStopType.RIGHT, position: PAGE_TEXT_WIDTH }],
              children: [new TextRun({ text: view.footer, ...small }), new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], ...small })],
            }),
          ],
        }),
      },
      children: [...front, new Paragraph({ children: [new PageBreak()] }), ...body],
    },
  ];
  const doc = new Document({
    title: view.title,
    subject: view.subject,
    creator: view.author,
    lastModifiedBy: view.author,
    keywords: view.cover.appendix ? `Smart Energy Code; ${view.cover.appendix}; ${view.kind}` : `${view.cover.title}; ${view.kind}`,
    description: view.cover.markedUpLine ?? view.cover.versionLine,
    revision: 1,
    comments: { children: ctx.comments },
    styles: {
      default: {
        document: { run: { font: FONT, size: 20 }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 44, bold: true }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 180 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 22, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 20, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
        hyperlink: { run: { color: '0B4F8A' } },
      },
    },
    sections,
  });
  const packed = await Packer.toBuffer(doc);
  return normalisePackage(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), view.date === null ? null : date);
}
