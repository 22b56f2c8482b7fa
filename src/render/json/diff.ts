/** A redline as versioned JSON (schema: schemas/diff.schema.json). */
import {
  DIFF_API_VERSION,
  changeNote,
  clauseSegments,
  describeChange,
  type CellChange,
  type ClauseChange,
  type ClauseSide,
  type ContentChange,
  type DiffSide,
  type DocumentDiff,
  type Segment,
  type TextBlockChange,
} from '../../model/change.js';

export interface DiffJson {
  'secdoc-api-version': readonly [number, number];
  old: SideJson;
  new: SideJson;
  options: DocumentDiff['options'];
  summary: DocumentDiff['summary'];
  preamble: ContentJson[];
  sections: Array<{ status: string; heading: Segment[]; content: ContentJson[] }>;
  clauses: ClauseJson[];
}

interface SideJson {
  id: string;
  path: string;
  title: string | null;
  version: string | null;
}

export interface ClauseJson {
  status: ClauseChange['status'];
  amended: boolean;
  renumbered: boolean;
  moved: boolean;
  /** `Renumbered (formerly 18.12), amended`. */
  description: string;
  /** `Formerly 18.12`, `Moved from Clause 7, formerly 7.3`; null when neither applies. */
  note: string | null;
  old: ClauseSideJson | null;
  new: ClauseSideJson | null;
  match: ClauseChange['match'];
  similarity: number | null;
  heading: Segment[] | null;
  /** The clause's own text (content then tail, blocks separated by a blank line) as one run. */
  segments: Segment[];
  content: ContentJson[];
  tail: ContentJson[];
  children: ClauseJson[];
}

interface ClauseSideJson {
  id: string;
  number: string | null;
  parent: { id: string; number: string | null } | null;
  line: number;
}

type ContentJson =
  | { kind: 'text'; type: string; status: string; segments: Segment[]; breakBefore?: 'insert' | 'delete'; moved?: TextBlockChange['moved']; movedIn?: TextBlockChange['movedIn']; items?: ItemJson[] }
  | {
      kind: 'table';
      status: string;
      keyColumn: { old: number; new: number; name: string; definitions: boolean } | null;
      columns: Array<{ status: string; old: number | null; new: number | null; header: CellChange }>;
      rows: Array<{ status: string; old: number | null; new: number | null; key: string | null; moved?: true; cells: CellChange[] }>;
    };

function side(s: DiffSide): SideJson {
  const m = s.meta;
  return {
    id: s.id,
    path: s.path,
    title: m.title ?? null,
    version: m.kind === 'version' ? m.version : null,
  };
}

function clauseSide(s: ClauseSide | null): ClauseSideJson | null {
  return s ? { id: s.id, number: s.number, parent: s.parent && { id: s.parent.id, number: s.parent.number }, line: s.clause.position.start.line } : null;
}

/** One item of a list whose items were reordered: its index in each list, null on a side it is not on. */
interface ItemJson {
  status: string;
  old: number | null;
  new: number | null;
  segments: Segment[];
  moved?: TextBlockChange['moved'];
}

function content(c: ContentChange): ContentJson {
  if (c.kind === 'text') {
    const items = c.items?.map((i): ItemJson => ({ status: i.status, old: i.oldItem, new: i.newItem, segments: i.segments, ...(i.moved ? { moved: i.moved } : {}) }));
    return { kind: 'text', type: c.blockType, status: c.status, segments: c.segments, ...(c.breakBefore ? { breakBefore: c.breakBefore } : {}), ...(c.moved ? { moved: c.moved } : {}), ...(c.movedIn ? { movedIn: c.movedIn } : {}), ...(items ? { items } : {}) };
  }
  return {
    kind: 'table',
    status: c.status,
    keyColumn: c.keyColumn,
    columns: c.columns.map((col) => ({ status: col.status, old: col.old, new: col.new, header: col.header })),
    rows: c.rows.map((r) => ({ status: r.status, old: r.old, new: r.new, key: r.key, ...(r.moved ? { moved: true as const } : {}), cells: r.cells })),
  };
}

function clause(c: ClauseChange): ClauseJson {
  return {
    status: c.status,
    amended: c.amended,
    renumbered: c.renumbered,
    moved: c.moved,
    description: describeChange(c),
    note: changeNote(c),
    old: clauseSide(c.old),
    new: clauseSide(c.new),
    match: c.match,
    similarity: c.similarity,
    heading: c.heading,
    segments: clauseSegments(c),
    content: c.content.map(content),
    tail: c.tail.map(content),
    children: c.children.map(clause),
  };
}

export function diffToJson(diff: DocumentDiff): DiffJson {
  return {
    'secdoc-api-version': DIFF_API_VERSION,
    old: side(diff.old),
    new: side(diff.new),
    options: diff.options,
    summary: diff.summary,
    preamble: diff.preamble.map(content),
    sections: diff.sections.map((s) => ({ status: s.status, heading: s.heading, content: s.content.map(content) })),
    clauses: diff.clauses.map(clause),
  };
}
