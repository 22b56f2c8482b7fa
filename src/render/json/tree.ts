/** The clause tree as versioned JSON (schema: schemas/tree.schema.json). */
import type { Block, Clause, ClauseDocument, DocumentMeta } from '../../model/types.js';
import { clauseText } from '../../model/text.js';

export const API_VERSION = [1, 0] as const;

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
  children: ClauseJson[];
}

export interface TreeJson {
  'secdoc-api-version': readonly [number, number];
  document: DocumentMeta & { id: string; path: string; numbering: string[] };
  clauses: ClauseJson[];
}

export function treeToJson(doc: ClauseDocument): TreeJson {
  return {
    'secdoc-api-version': API_VERSION,
    document: { id: doc.id, path: doc.path, numbering: doc.numbering, ...doc.meta },
    clauses: doc.clauses.map(clauseToJson),
  };
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
    children: c.children.map(clauseToJson),
  };
}

/** Positions are for diagnostics; consumers of the JSON get line/column per clause instead. */
function stripPositions(block: Block): Block {
  return JSON.parse(JSON.stringify(block, (key, value) => (key === 'position' ? undefined : value))) as Block;
}
