/** The clause tree as versioned JSON (schema: schemas/tree.schema.json). */
import type { Block, Clause, ClauseDocument, DocumentMeta, Section } from '../../model/types.js';
import { clauseText } from '../../model/text.js';

/** 1.1 added the document's heading, preamble and sections and each clause's rules: the JSON carries the whole body. */
export const API_VERSION = [1, 1] as const;

export interface ClauseRuleJson {
  /** The YAML text of the fenced `rule` block. */
  source: string;
  line: number;
}

export interface ClauseJson {
  id: string;
  number: string | null;
  style: string;
  key: string | null;
  heading: string | null;
  text: string;
  line: number;
  column: number;
  content: Block[];
  rules: ClauseRuleJson[];
  children: ClauseJson[];
}

export interface SectionJson {
  heading: string;
  line: number;
  column: number;
  content: Block[];
}

export interface TreeJson {
  'secdoc-api-version': readonly [number, number];
  document: DocumentMeta & { id: string; path: string; numbering: string[]; heading: string | null };
  /** What stands before the first clause (cover text, an agreement's opening paragraph). */
  preamble: Block[];
  /** Unnumbered sections kept apart from the clauses (a Version History), with their lines. */
  sections: SectionJson[];
  clauses: ClauseJson[];
}

export function treeToJson(doc: ClauseDocument): TreeJson {
  return {
    'secdoc-api-version': API_VERSION,
    document: { id: doc.id, path: doc.path, numbering: doc.numbering, heading: doc.heading, ...doc.meta },
    preamble: doc.preamble.map(stripPositions),
    sections: doc.sections.map(sectionToJson),
    clauses: doc.clauses.map(clauseToJson),
  };
}

function sectionToJson(s: Section): SectionJson {
  return { heading: s.heading, line: s.position.start.line, column: s.position.start.column, content: s.content.map(stripPositions) };
}

function clauseToJson(c: Clause): ClauseJson {
  return {
    id: c.id,
    number: c.number,
    style: c.style,
    key: c.key,
    heading: c.heading,
    text: clauseText(c),
    line: c.position.start.line,
    column: c.position.start.column,
    content: [...c.content, ...c.tail].map(stripPositions),
    rules: c.annotations.map((a) => ({ source: a.source, line: a.position.start.line })),
    children: c.children.map(clauseToJson),
  };
}

/** Positions are for diagnostics; consumers of the JSON get line/column per clause instead. */
function stripPositions(block: Block): Block {
  return JSON.parse(JSON.stringify(block, (key, value) => (key === 'position' ? undefined : value))) as Block;
}
