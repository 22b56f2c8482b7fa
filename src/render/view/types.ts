/**
 * The annex view model: everything a page shows, already decided (what the cover says, which
 * number hangs where, which words are struck through), as plain data. Every writer (HTML, PDF,
 * DOCX) renders this and nothing else, so the three formats cannot disagree about content.
 * It is JSON-serialisable: the Typst template reads it verbatim through `sys.inputs`.
 */

/**
 * Major: a field changed meaning or may now be null (2.0: `cover.appendix` is null outside the SEC;
 * 3.0: `note` carries its brackets, `versionLine` no `v`, tables carry `widths`, rows `changed`,
 * and `layout` gives the number columns).
 */
export const VIEW_API_VERSION = [3, 0] as const;

/** A redline mark: inserted text (underlined) or deleted text (struck through). */
export type Mark = 'ins' | 'del';

/** A run of text with the formatting a reader sees. */
export interface Run {
  text: string;
  mark?: Mark;
  bold?: true;
  italic?: true;
  code?: true;
  /** Struck through in the source itself (not a redline deletion). */
  strike?: true;
  /** An external link. */
  href?: string;
  /** The anchor of a clause of this document that the run refers to. */
  ref?: string;
}

export interface CoverFact {
  label: string;
  value: string;
}

export interface Cover {
  /** The top line: `Annex A` for a direction's annex, `Appendix AL`, or `Marked-up comparison`. */
  kicker: string;
  /** `Appendix AL` (shown under the title as `Appendix AL to the Smart Energy Code`); null for a document outside the SEC. */
  appendix: string | null;
  title: string;
  /** `SMETS1 TMAD` style short name, if the document has one. */
  shortName: string | null;
  /** `Version 20.0`. */
  versionLine: string;
  /** `Marked up against v19.0`, or null for a clean annex. */
  markedUpLine: string | null;
  /** The annex title a direction gives, if this is one of its annexes. */
  annexTitle: string | null;
  /** The body that issues the document (`Issued by the Secretary of State ...`); null when unknown. */
  issuer: string | null;
  /** Labelled facts in display order: designation, effective date, direction, classification. */
  facts: CoverFact[];
}

/** Measures every writer sets the body by, in ems of the body text. */
export interface Layout {
  /**
   * The number column at each indent level: `numberColumns[0]` holds `7.2` (and a clause
   * heading's number), `numberColumns[1]` holds `(a)`, and so on. The text of a paragraph at
   * indent k starts at the sum of columns 0..k, on every line; a renumbered `10.2 10.3` widens
   * its level's column for the whole document rather than pushing its own first line along.
   */
  numberColumns: number[];
}

export interface HistoryTable {
  header: string[];
  rows: Array<{ cells: string[]; mark?: Mark }>;
  /** Column shares of the text width, summing to 1, from the content. */
  widths: number[];
}

export interface LegendEntry {
  /** A short sample shown with the mark applied. */
  sample: Run[];
  /** The sample carries a change bar in the margin, as a changed clause does. */
  bar?: true;
  description: string;
}

export type ChangeStatus = 'amended' | 'inserted' | 'deleted' | 'renumbered' | 'moved';

export interface ChangeRow {
  /** The clause number in this version (for a deleted clause: its old number). */
  number: string;
  status: ChangeStatus;
  /** Human words for the status: `Renumbered (formerly 18.12), amended`. */
  description: string;
  /** The clause heading, or its first words. */
  summary: string;
  anchor: string;
}

export interface TocEntry {
  number: string | null;
  text: string;
  anchor: string;
  mark?: Mark;
}

export type Cell = Run[];

export type BodyBlock =
  | {
      kind: 'heading';
      /** 1 for a top-level clause; deeper for headed clauses inside a division. */
      level: number;
      number: Run[] | null;
      text: Run[];
      anchor: string;
      mark?: Mark;
      /** A redline note as printed, brackets included: `[Formerly 10.2]`. */
      note?: string;
      /** Set on the first block of a clause the redline changes. */
      status?: ChangeStatus;
      /** Set on every block of a changed clause (change bar in the margin). */
      changed?: true;
    }
  | {
      kind: 'para';
      /** Nesting below the clause heading: 0 for 7.2, 1 for 7.2(a), 2 for 7.2(a)(i). */
      indent: number;
      /** The hanging number; null for a continuation paragraph (aligned with the text column). */
      number: Run[] | null;
      /** A provision's short heading, shown in bold after the number. */
      heading: Run[] | null;
      runs: Run[];
      anchor: string | null;
      /** The whole paragraph is inserted or deleted (its paragraph mark too). */
      mark?: Mark;
      /** Only the paragraph's own break is inserted (a paragraph split here) or deleted (merged with the next). */
      endMark?: Mark;
      /**
       * The paragraph stands here having moved within its clause, its runs marked against its old
       * self: a writer with tracked changes writes it as one insertion (its place of old is a
       * deleted paragraph), so accepting or rejecting every change still gives each version.
       */
      movedHere?: true;
      /**
       * The runs a writer with tracked changes writes instead of `runs`: a paragraph that took in
       * text moved from another clause, whose `runs` mark that text against where it stood (its
       * place of old is a deleted paragraph); these mark it inserted here, so accepting or
       * rejecting every change still gives each version.
       */
      tracked?: Run[];
      /** A redline note as printed, brackets included: `[Formerly 18.12]`. */
      note?: string;
      status?: ChangeStatus;
      changed?: true;
    }
  | {
      kind: 'table';
      indent: number;
      header: Cell[];
      /** `changed`: the row itself changed (it gets its own change bar; the table does not). */
      rows: Array<{ cells: Cell[]; mark?: Mark; changed?: true }>;
      /** Column shares of the text width at this indent, summing to 1, from the content. */
      widths: number[];
      mark?: Mark;
      /** The whole table is inserted or deleted (one bar); otherwise changed rows carry bars. */
      changed?: true;
    }
  | { kind: 'code'; indent: number; text: string; mark?: Mark; changed?: true };

export interface AnnexView {
  'secdoc-view-version': readonly [number, number];
  kind: 'clean' | 'marked-up';
  lang: string;
  /** The document title for metadata and `<title>`. */
  title: string;
  /** Keywords for PDF/DOCX metadata. */
  subject: string;
  /** The running header on every page after the cover. */
  header: string;
  /** The footer's left-hand text (`Page x of y` sits on the right). */
  footer: string;
  /** ISO date stamped as the document's date; fixed by the sources, never the clock. */
  date: string | null;
  /** Author written on tracked changes and in document properties. */
  author: string;
  /**
   * The colour of redline marks: `colour` (blue insertions, red deletions on screen) or `black`,
   * the print variant for greyscale printers; underline, strike-through and bars carry the meaning.
   */
  ink: 'colour' | 'black';
  cover: Cover;
  history: HistoryTable | null;
  /** Only the kinds of change this annex has, each shown with a sample taken from it. */
  legend: LegendEntry[];
  changes: ChangeRow[];
  /**
   * What the table of changes counts, printed above it: one row per change, a clause inserted or
   * deleted whole taking its sub-clauses with it, against the clauses and sub-clauses changed in
   * all (the count `secdoc diff` prints). Null when nothing changed.
   */
  changesNote: string | null;
  toc: TocEntry[];
  layout: Layout;
  body: BodyBlock[];
}
