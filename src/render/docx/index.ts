/**
 * View model -> Word document with the `docx` package. A marked-up annex carries native tracked
 * changes (w:ins / w:del with author and date, every w:id unique), so a reader can accept or
 * reject each change in Word. The package is then made reproducible by ./zip.ts.
 */
import {
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
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
  TableOfContents,
  TabStopType,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { AnnexView, BodyBlock, Cell, Mark, Run } from '../view/types.js';
import { normalisePackage } from './zip.js';

const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PAGE_TEXT_WIDTH = mm(210 - 24 - 22);
/** Arial, which the shipped Arimo matches metric for metric (see ../fonts.ts). */
const FONT = 'Arial';
/** The body text's size in points: the view model's ems are ems of it. */
const BODY_PT = 10;
/** The view model's ems -> twentieths of a point (twips). */
const twips = (ems: number) => Math.round(ems * BODY_PT * 20);
/** The gap between a deleted and an inserted number or word (REPLACEMENT_GAP), as character spacing. */
const REPLACEMENT_SPACING = twips(0.3);
/** The character style of a redline note (`[Formerly 10.2]`), so a reader can find or remove them all. */
const NOTE_STYLE = 'RedlineNote';

/** Counters for one document: revisions, comments and bookmarks each need unique w:id values. */
class Ids {
  private revision = 0;
  private bookmark = 0;
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
  anchors: ReadonlySet<string>;
  /** Insertions and deletions in the view's ink (black in the print variant). */
  colours: { ins: string; del: string };
}

/** A bookmark name Word accepts: a letter first, no hyphens, at most 40 characters. */
function bookmarkName(anchor: string): string {
  return anchor.replace(/[^A-Za-z0-9]/g, '_').slice(0, 40);
}

/**
 * A deletion straight before an insertion (`10.2` then `10.3`, a replaced word) ends with its last
 * character spaced out, so the two never run together ("10.210.3") and no character is added:
 * accepting every change still gives the new text, rejecting every change the old.
 */
function spacedReplacements(runs: readonly Run[]): Array<Run & { spaced?: true }> {
  const out: Array<Run & { spaced?: true }> = [];
  runs.forEach((r, i) => {
    const next = runs[i + 1];
    if (r.mark === 'del' && next?.mark === 'ins' && r.text.length > 0 && !/\s$/.test(r.text) && !/^\s/.test(next.text)) {
      const last = [...r.text].pop()!;
      if (r.text.length > last.length) out.push({ ...r, text: r.text.slice(0, -last.length) });
      out.push({ ...r, text: last, spaced: true });
    } else out.push(r);
  });
  return out;
}

function runChildren(runs: readonly Run[] | null | undefined, ctx: Ctx, base: { bold?: boolean; size?: number; color?: string } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of spacedReplacements(runs ?? [])) {
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
        characterSpacing: r.spaced ? REPLACEMENT_SPACING : undefined,
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

/** A separator secdoc adds (the tab after a clause's number, the space after a run-in heading):
 * part of an inserted or deleted paragraph's change, so rejecting an inserted clause (or accepting
 * a deleted one) leaves no stray tab or space. */
function separator(text: string, mark: Mark | undefined, ctx: Ctx): ParagraphChild[] {
  return runChildren([{ text, ...(mark ? { mark } : {}) }], ctx);
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

/**
 * A redline note (`[Formerly 18.12]`) printed after the clause's text, as in the PDF and HTML, in
 * its own character style. It is not a tracked change: it describes the changes, so it stays
 * when they are accepted or rejected, and Find by style ("Redline note") removes every note.
 */
function withNote(note: string | undefined, children: ParagraphChild[]): ParagraphChild[] {
  if (!note) return children;
  return [...children, new TextRun({ text: ` ${note}`, style: NOTE_STYLE })];
}

function cellOf(cell: Cell, ctx: Ctx, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } : undefined,
    children: [new Paragraph({ spacing: { after: 0 }, children: runChildren(cell, ctx, header ? { bold: true } : {}) })],
  });
}

/** A table whose columns take `shares` of the width left of `indent`; rows never split across a page, the header row repeats. */
function tableOf(header: Cell[], rows: Array<{ cells: Cell[]; mark?: Mark }>, ctx: Ctx, indent: number, shares: readonly number[]): Table {
  const n = Math.max(header.length, ...rows.map((r) => r.cells.length), 1);
  const total = PAGE_TEXT_WIDTH - indent;
  const w = Array.from({ length: n }, (_, i) => Math.round(total * (shares[i] ?? 1 / n)));
  const pad = (cells: Cell[]) => [...cells, ...Array.from({ length: n - cells.length }, (): Cell => [])];
  const border = { style: BorderStyle.SINGLE, size: 4, color: '9A9A9A' };
  return new Table({
    width: { size: w.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: w,
    indent: indent ? { size: indent, type: WidthType.DXA } : undefined,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: pad(header).map((c, i) => cellOf(c, ctx, true, w[i]!)) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: pad(r.cells).map((c, i) => cellOf(c, ctx, false, w[i]!)),
            ...(r.mark === 'ins' ? { insertion: { id: ctx.ids.nextRevision(), author: ctx.author, date: ctx.date } } : {}),
            ...(r.mark === 'del' ? { deletion: { id: ctx.ids.nextRevision(), author: ctx.author, date: ctx.date } } : {}),
          }),
      ),
    ],
  });
}

/** Where the text of a block at `indent` starts, and how far its number hangs: the view model's number columns. */
const textLeft = (indent: number, ctx: Ctx) => twips(ctx.view.layout.numberColumns.slice(0, indent + 1).reduce((a, b) => a + b, 0));
const hangOf = (indent: number, ctx: Ctx) => twips(ctx.view.layout.numberColumns[indent] ?? 0);

function blockOf(b: BodyBlock, ctx: Ctx): Array<Paragraph | Table | TableOfContents> {
  switch (b.kind) {
    case 'heading': {
      const column = textLeft(0, ctx);
      const children = [...runChildren(b.number, ctx), ...separator('\t', b.mark, ctx), ...runChildren(b.text, ctx)];
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          indent: { left: column, hanging: column },
          tabStops: [{ type: TabStopType.LEFT, position: column }],
          run: markRun(b.mark, ctx),
          children: withNote(b.note, withBookmark(b.anchor, children, ctx)),
        }),
      ];
    }
    case 'para': {
      const left = textLeft(b.indent, ctx);
      const content: ParagraphChild[] = [];
      if (b.heading) content.push(...runChildren(b.heading, ctx, { bold: true }), ...separator(' ', b.mark, ctx));
      // A paragraph moved here is, as a tracked change, inserted here whole (deleted where it stood).
      // One that took in text moved from another clause writes its tracked runs (`tracked`).
      content.push(...runChildren(b.movedHere ? b.runs.filter((r) => r.mark !== 'del').map((r) => ({ ...r, mark: 'ins' as const })) : (b.tracked ?? b.runs), ctx));
      const numbered = b.number !== null;
      // A numbered paragraph moved here (a list item) is inserted here whole, its tab too.
      const children = numbered ? [...runChildren(b.number, ctx), ...separator('\t', b.mark ?? (b.movedHere ? 'ins' : undefined), ctx), ...content] : content;
      return [
        new Paragraph({
          indent: numbered ? { left, hanging: hangOf(b.indent, ctx) } : { left },
          tabStops: numbered ? [{ type: TabStopType.LEFT, position: left }] : undefined,
          run: markRun(b.mark ?? b.endMark ?? (b.movedHere ? 'ins' : undefined), ctx),
          children: withNote(b.note, withBookmark(b.anchor, children, ctx)),
        }),
      ];
    }
    case 'table':
      return [tableOf(b.header, b.rows, ctx, textLeft(b.indent, ctx), b.widths), new Paragraph({ spacing: { after: 0 }, children: [] })];
    case 'code':
      return b.text.split('\n').map((line) => new Paragraph({ indent: { left: textLeft(b.indent, ctx) }, run: markRun(b.mark, ctx), children: runChildren([{ text: line, code: true, ...(b.mark ? { mark: b.mark } : {}) }], ctx) }));
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
  if (c.issuer) out.push(new Paragraph({ spacing: { before: mm(50) }, children: [new TextRun({ text: c.issuer, size: 22 })] }));
  out.push(new Paragraph({ spacing: { before: c.issuer ? mm(4) : mm(60) }, border: { top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 6 } }, children: [] }));
  for (const f of c.facts) {
    out.push(new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: mm(45) }], indent: { left: mm(45), hanging: mm(45) }, children: [new TextRun({ text: f.label, bold: true }), new TextRun({ text: `\t${f.value}` })] }));
  }
  return out;
}

function frontMatter(view: AnnexView, ctx: Ctx): Array<Paragraph | Table | TableOfContents> {
  // The contents is a real TOC field (\o "1-1" \h) with its entries written in, linked to the
  // headings, and marked dirty so Word fills in the page numbers when it opens the file.
  // (docx/layout can estimate them as it writes, but took about 8x the time of the whole file.)
  // The heading is not itself a Heading 1, so it is not listed.
  const out: Array<Paragraph | Table | TableOfContents> = [
    new Paragraph({ keepNext: true, spacing: { before: 240, after: 180 }, children: [new TextRun({ text: 'Contents', bold: true, size: 26 })] }),
    new TableOfContents('Contents', {
      hyperlink: true,
      headingStyleRange: '1-1',
      // Written from the view, linked to this writer's own bookmarks: the entries docx makes from
      // the headings number their bookmarks with a counter shared by every document in the process.
      cachedEntries: [
        ...(view.history ? [{ title: 'Version history', level: 1, href: 'history' }] : []),
        ...(view.changes.length ? [{ title: 'Changes in this version', level: 1, href: 'changes' }] : []),
        ...view.toc.map((e) => ({ title: e.number ? `${e.number} ${e.text}` : e.text, level: 1, href: bookmarkName(e.anchor) })),
      ],
    }),
  ];
  if (view.history) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: withBookmark('history', [new TextRun('Version history')], ctx) }));
    out.push(
      tableOf(
        view.history.header.map((h) => [{ text: h }]),
        view.history.rows.map((r) => ({ cells: r.cells.map((c): Cell => [r.mark ? { text: c, mark: r.mark } : { text: c }]), ...(r.mark ? { mark: r.mark } : {}) })),
        ctx,
        0,
        view.history.widths,
      ),
    );
  }
  if (view.changes.length) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: withBookmark('changes', [new TextRun('Changes in this version')], ctx) }));
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('How changes are shown')] }));
    out.push(new Paragraph({ children: [new TextRun('This document carries the changes as Word tracked changes: Review > Accept or Reject applies them one by one.')] }));
    for (const l of view.legend) {
      out.push(
        new Paragraph({
          indent: { left: mm(40), hanging: mm(40) },
          tabStops: [{ type: TabStopType.LEFT, position: mm(40) }],
          // The change bar's sample: a bar beside it, as Word draws one beside a changed line.
          border: l.bar ? { left: { style: BorderStyle.SINGLE, size: 18, color: '000000', space: 4 } } : undefined,
          children: [...legendSample(l.sample, ctx), new TextRun(`\t${l.description}`)],
        }),
      );
    }
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Table of changes')] }));
    if (view.changesNote) out.push(new Paragraph({ children: [new TextRun(view.changesNote)] }));
    out.push(
      tableOf(
        [[{ text: 'Clause' }], [{ text: 'Change' }], [{ text: 'Heading or opening words' }]],
        view.changes.map((c) => ({ cells: [[{ text: c.number, ref: c.anchor }], [{ text: c.description }], [{ text: c.summary }]] })),
        ctx,
        0,
        [0.16, 0.36, 0.48],
      ),
    );
  }
  return out;
}

/** Legend samples are formatted like the marks Word shows, but are not themselves revisions. */
function legendSample(sample: Run[], ctx: Ctx): TextRun[] {
  return spacedReplacements(sample).map(
    (r) =>
      new TextRun({
        text: r.text,
        underline: r.mark === 'ins' ? {} : undefined,
        strike: r.mark === 'del' || undefined,
        color: r.mark === 'ins' ? ctx.colours.ins : r.mark === 'del' ? ctx.colours.del : undefined,
        characterSpacing: r.spaced ? REPLACEMENT_SPACING : undefined,
      }),
  );
}

export async function annexToDocx(view: AnnexView): Promise<Uint8Array> {
  // Dates come from the sources (the designation date), never the clock. Two loose files compared
  // have none: the package is made with a stand-in that normalisePackage then takes out, since a
  // date on a change, on a comment or in the properties is optional and a made-up one misleads.
  const date = `${view.date ?? '1980-01-01'}T00:00:00Z`;
  const anchors = new Set(view.body.flatMap((b) => ('anchor' in b && b.anchor ? [b.anchor] : [])));
  const colours = view.ink === 'black' ? { ins: '000000', del: '000000' } : { ins: '0B4F8A', del: 'A1161D' };
  const ctx: Ctx = { view, ids: new Ids(), date, author: view.author, anchors, colours };
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
    styles: {
      characterStyles: [{ id: NOTE_STYLE, name: 'Redline note', basedOn: 'DefaultParagraphFont', run: { italics: true, size: 17, color: '4A4A4A' } }],
      default: {
        // w:lang on every run: spelling, hyphenation and screen readers use the document's language.
        document: { run: { font: FONT, size: BODY_PT * 2, language: { value: view.lang } }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
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
