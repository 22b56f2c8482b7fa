/**
 * The annex view model: everything a page shows, already decided (what the cover says, which
 * number hangs where, which words are struck through), as plain data. Every writer (HTML, PDF,
 * DOCX) renders this and nothing else, so the three formats cannot disagree about content.
 * It is JSON-serialisable: the Typst template reads it verbatim through `sys.inputs`.
 */

/** Major: a field changed meaning or may now be null (2.0: `cover.appendix` is null outside the SEC). */
export const VIEW_API_VERSION = [2, 0] as const;

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
  /** `Version v20.0`. */
  versionLine: string;
  /** `Marked up against v19.0`, or null for a clean annex. */
  markedUpLine: string | null;
  /** The annex title a direction gives, if this is one of its annexes. */
  annexTitle: string | null;
  /** Labelled facts in display order: designation, effective date, direction, classification. */
  facts: CoverFact[];
}

export interface HistoryTable {
  header: string[];
  rows: Array<{ cells: string[]; mark?: Mark }>;
}

export interface LegendEntry {
  /** A short sample shown with the mark applied. */
  sample: Run[];
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
      /** A redline note such as `Formerly 18.12`. */
      note?: string;
      status?: ChangeStatus;
      changed?: true;
    }
  | {
      kind: 'table';
      indent: number;
      header: Cell[];
      rows: Array<{ cells: Cell[]; mark?: Mark }>;
      mark?: Mark;
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
  cover: Cover;
  history: HistoryTable | null;
  legend: LegendEntry[];
  changes: ChangeRow[];
  toc: TocEntry[];
  body: BodyBlock[];
}
