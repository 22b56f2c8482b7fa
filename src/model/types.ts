/**
 * The secdoc document model: one typed clause tree that every later stage reads.
 * It knows nothing of Markdown or of any output format.
 */

export interface Point {
  line: number;
  column: number;
  offset?: number;
}

export interface Position {
  start: Point;
  end: Point;
}

/* ---------- inline content ---------- */

export type Inline =
  | { type: 'text'; value: string; position?: Position }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'delete'; children: Inline[] }
  | { type: 'code'; value: string }
  | { type: 'link'; url: string; children: Inline[] }
  | { type: 'break' }
  /** A cross-reference found in the text, e.g. "Clause 18.12" or "Section F2.10A". */
  | { type: 'xref'; scope: XrefScope; target: string; children: Inline[]; position?: Position };

/** `clause`: to this document; `section`: to the main SEC; `appendix`: to another document. */
export type XrefScope = 'clause' | 'section' | 'appendix';

/* ---------- block content ---------- */

export interface TableCell {
  children: Inline[];
}

export type Block =
  | { type: 'paragraph'; children: Inline[]; position?: Position }
  | {
      type: 'table';
      align: Array<'left' | 'right' | 'center' | null>;
      header: TableCell[];
      rows: TableCell[][];
      position?: Position;
    }
  | { type: 'list'; ordered: boolean; items: Block[][]; position?: Position }
  | { type: 'code'; lang: string | null; value: string; position?: Position }
  | { type: 'quote'; children: Block[]; position?: Position }
  | { type: 'heading'; depth: number; children: Inline[]; position?: Position }
  | { type: 'rule'; position?: Position };

/* ---------- clauses ---------- */

/**
 * How a clause label is written. The parser nests clauses by style: a label of a style already
 * open on the stack closes everything below it.
 */
export type LabelStyle =
  | 'decimal' //   7, 7.2, 18.12A, 1.2.1 (depth = number of components)
  | 'section' //   § 20a
  | 'article' //   Art 316e, Artikel 1
  | 'letter-heading' // A., B. (headings only)
  | 'paren-alpha' // (a)
  | 'paren-roman' // (i)
  | 'paren-upper' // (A)
  | 'paren-number' // (1)
  | 'alpha' //     a)
  | 'double-alpha' // aa)
  | 'number' //    1.  (a numbered item below a provision)
  | 'division'; //  an unnumbered heading: a part, chapter or annex without a clause number

export interface Clause {
  type: 'clause';
  /** Path ID, unique in the document: `AL/18.12(a)(i)`. */
  id: string;
  /** The number as written in the source (`18.12A`, `(a)`, `§ 20a`); null for a division. */
  number: string | null;
  style: LabelStyle;
  /** For decimal labels, the number of components (`18.12` is 2); otherwise 1. */
  depth: number;
  /** A stable key the author gave with `{#key}`, which survives renumbering. */
  key: string | null;
  heading: string | null;
  /** The clause's own text: its first paragraph (label removed) and anything that follows
   * before its first child. Continuation text after children is kept in `tail`. */
  content: Block[];
  tail: Block[];
  children: Clause[];
  /** Machine-readable rules authored beside this clause (raw; the rules stage types them). */
  annotations: Annotation[];
  /** Where the clause starts and where its own label sits. */
  position: Position;
}

export interface Annotation {
  kind: 'rule';
  /** The YAML text of the fenced block. */
  source: string;
  position: Position;
}

/* ---------- documents ---------- */

export interface VersionMeta {
  kind: 'version';
  appendix: string;
  shortName: string | null;
  title: string;
  version: string;
  replaces: string | null;
  designatedBy: string;
  classification: string | null;
}

export interface DesignationMeta {
  document: string;
  version: string;
  /** Overrides the direction's effective date for this one designation. */
  effective: string | null;
}

export interface AnnexMeta {
  letter: string;
  document: string;
  version: string;
  /** The version it is marked up against; null for a clean annex. */
  against: string | null;
  title: string | null;
}

/** Who signed a direction, as the letter gives it. */
export interface SignatoryMeta {
  name: string;
  /** The post, e.g. "Deputy Director & Head of Delivery, Smart Metering Implementation Programme". */
  position: string;
  /** On whose behalf and by what authority, e.g. an official authorised to act for the Secretary of State. */
  authority: string | null;
}

export interface DirectionMeta {
  kind: 'direction';
  id: string;
  title: string;
  /** The date the direction was made (the designation date); null where the record does not
   * hold it (the baseline of versions in force before the first direction held). */
  made: string | null;
  /** The date from which what it designates takes effect; null while not yet fixed. */
  effective: string | null;
  designates: DesignationMeta[];
  annexes: AnnexMeta[];
  /** To whom the letter is addressed, as written; null when not given. */
  addressees: string | null;
  signatory: SignatoryMeta | null;
}

export interface PlainMeta {
  kind: 'plain';
  title: string | null;
  /** Raw front matter, if the file had any. */
  frontMatter: Record<string, unknown> | null;
}

export type DocumentMeta = VersionMeta | DirectionMeta | PlainMeta;

export interface ClauseDocument {
  type: 'document';
  /** The prefix of every clause ID: the appendix letter, the direction id or the file stem. */
  id: string;
  meta: DocumentMeta;
  /** The source file, as given to the parser. */
  path: string;
  /** Where each front-matter field sits, by dotted path (`version`, `designates.0.version`). */
  metaPositions: Record<string, Point>;
  /** The label styles found, outermost first: the detected numbering scheme. */
  numbering: LabelStyle[];
  /** The level-1 heading that opens the body (`# Title`), as written; null when there is none. */
  heading: string | null;
  /** Content before the first clause (cover text, version history). */
  preamble: Block[];
  /** Unnumbered top sections before the first clause, e.g. "Version History". */
  sections: Section[];
  clauses: Clause[];
  /** `multiWordTerms`: the multi-word terms the document defines, set by the parser. */
  terms: string[];
}

export interface Section {
  heading: string;
  content: Block[];
  position: Position;
}
