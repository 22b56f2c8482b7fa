/**
 * The redline engine: two clause trees -> a DocumentDiff. Clauses are aligned first (so a
 * renumbered or moved clause is compared with its old self), then words are compared inside
 * each pair only. Pure: no file system, no clock; every word diff is bounded.
 */
import type {
  ClauseChange,
  ClauseSide,
  ContentChange,
  MatchBasis,
  DiffOptions,
  DiffSummary,
  DocumentDiff,
  Segment,
  SectionChange,
} from '../model/change.js';
import type { Clause, ClauseDocument } from '../model/types.js';
import { normalizeSpace } from '../model/text.js';
import { align, children, sameNumberKey, type Node } from './align.js';
import { diffBlocks, pairSequences, placeDeleted, unchangedBlocks, type BlockContext } from './blocks.js';
import { plainRuns, TermIndex, TokenKeys } from './tokens.js';
import { diffRuns, plainSegments } from './words.js';

export { acceptClause, clauseSegments, contentSegments, rejectClause, tableSegments, walkChanges, acceptSegments, rejectSegments } from '../model/change.js';
export { normNumber } from './align.js';

export const DEFAULT_DIFF_OPTIONS: Required<DiffOptions> = {
  showFormatting: false,
  maxEditLength: 4000,
  similarityThreshold: 0.5,
};

export function diffDocuments(oldDoc: ClauseDocument, newDoc: ClauseDocument, options: DiffOptions = {}): DocumentDiff {
  // One literal, not a spread: a spread builds its hidden class by transitions that a full GC
  // can drop, and the code that reads it is then deoptimised.
  const opts: Required<DiffOptions> = {
    showFormatting: options.showFormatting ?? DEFAULT_DIFF_OPTIONS.showFormatting,
    maxEditLength: options.maxEditLength ?? DEFAULT_DIFF_OPTIONS.maxEditLength,
    similarityThreshold: options.similarityThreshold ?? DEFAULT_DIFF_OPTIONS.similarityThreshold,
  };
  const ctx = new DiffContext(oldDoc, newDoc, opts);
  const alignment = align(oldDoc, newDoc, { similarityThreshold: opts.similarityThreshold });
  const builder = new ChangeBuilder(ctx, opts);
  const clauses = builder.under(alignment.oldRoot, alignment.newRoot);
  const preamble = diffBlocks(oldDoc.preamble, newDoc.preamble, ctx);
  const sections = diffSections(oldDoc, newDoc, ctx);

  const summary = builder.summary;
  summary.replacedWhole = ctx.replacedWhole;
  return {
    old: { id: oldDoc.id, path: oldDoc.path, meta: oldDoc.meta, document: oldDoc },
    new: { id: newDoc.id, path: newDoc.path, meta: newDoc.meta, document: newDoc },
    options: opts,
    preamble,
    sections,
    clauses,
    summary,
  };
}

/**
 * What every word diff of one comparison reads. A class, not an object literal with a getter:
 * V8 keeps such a literal in dictionary mode, and the word diff reads this on every block.
 */
class DiffContext implements BlockContext {
  readonly exact: boolean;
  readonly maxEditLength: number;
  readonly keys = new TokenKeys();
  replacedWhole = 0;
  private termIndex: TermIndex | undefined = undefined;

  constructor(
    private readonly oldDoc: ClauseDocument,
    private readonly newDoc: ClauseDocument,
    opts: Required<DiffOptions>,
  ) {
    this.exact = opts.showFormatting;
    this.maxEditLength = opts.maxEditLength;
  }

  /** Only changed text is tokenized: a pair with no word changes never walks for its terms. */
  get terms(): TermIndex {
    return (this.termIndex ??= new TermIndex([...this.oldDoc.terms, ...this.newDoc.terms]));
  }
}

class ChangeBuilder {
  /** Every change made, counted as it is made (a walk of the result was a pass over every clause). */
  readonly summary: DiffSummary = { unchanged: 0, amended: 0, inserted: 0, deleted: 0, renumbered: 0, moved: 0, changed: 0, replacedWhole: 0 };

  constructor(
    private readonly ctx: BlockContext,
    private readonly opts: Required<DiffOptions>,
  ) {}

  private counted<C extends ClauseChange>(c: C): C {
    this.summary[c.status]++;
    if (c.status !== 'unchanged') this.summary.changed++;
    // Below a pair found identical, every clause is unchanged: counted here, made when read.
    if (c instanceof UnchangedClause && c.identicalBelow) this.summary.unchanged += c.identicalBelow;
    return c;
  }

  /**
   * The changes below a new parent (or the root): its children in new order, with the old
   * parent's deleted children where they stood. Children moved elsewhere are shown there.
   */
  under(po: Node | null, pn: Node): ClauseChange[] {
    // Identical all the way down: each sub-clause is its twin, untouched.
    if (po?.identical) return po.sub.map((c, i) => this.counted(UnchangedClause.identical(c, pn.sub[i]!, po.clause!, pn.clause!, this.ctx)));
    const newKids = children(pn);
    // No old child left unpaired (nearly every parent): nothing deleted to place.
    if (!po || children(po).every((c) => c.partner)) return newKids.map((n) => this.change(n));
    const oldKids = children(po);
    const items = newKids.map((_, j) => ({ old: null as number | null, new: j as number | null }));
    const pos = new Map(newKids.map((n, j) => [n, j]));
    const olds: Array<{ i: number; partnerNew: number | null }> = [];
    oldKids.forEach((c, i) => {
      if (!c.partner) olds.push({ i, partnerNew: null });
      else if (c.partner.parent === pn) olds.push({ i, partnerNew: pos.get(c.partner)! });
      // a child paired under another parent is shown there, as moved
    });
    return placeDeleted(items, olds).map((p) => (p.new !== null ? this.change(newKids[p.new]!) : this.deleted(oldKids[p.old!]!)));
  }

  private change(n: Node): ClauseChange {
    return this.counted(n.partner ? this.paired(n.partner, n) : this.inserted(n));
  }

  private side(n: Node): ClauseSide {
    return sideOf(n.clause!, n.parent?.clause ?? null);
  }

  private heading(o: string | null, n: string | null): { segments: Segment[] | null; changed: boolean } {
    if (o === null && n === null) return { segments: null, changed: false };
    // Nearly every heading is kept as it was: the same segments diffRuns would give, without it.
    if (o === n) return { segments: plainSegments('equal', n!), changed: false };
    const r = diffRuns(plainRuns(o ?? ''), plainRuns(n ?? ''), this.ctx);
    if (r.replacedWhole) this.ctx.replacedWhole++;
    return { segments: r.segments, changed: r.changed || (this.ctx.exact && (o === null) !== (n === null)) };
  }

  private paired(o: Node, n: Node): ClauseChange {
    const oc = o.clause!;
    const nc = n.clause!;
    const renumbered = this.opts.showFormatting ? oc.number !== nc.number : !sameNumberKey(o, n);
    const moved = o.parent!.partner !== n.parent;
    // The alignment already found most pairs' own content the same: no need to compare it again.
    const same = o.sameAs === n;
    if (same && !renumbered && !moved) {
      const change = new UnchangedClause(oc, nc, o.parent?.clause ?? null, n.parent?.clause ?? null, o.basis, o.similarity ?? 0, this.ctx);
      return o.identical ? change : change.with(this.under(o, n));
    }
    const heading = this.heading(oc.heading, nc.heading);
    const content = same ? unchangedBlocks(oc.content, nc.content, this.ctx) : diffBlocks(oc.content, nc.content, this.ctx);
    const tail = same ? unchangedBlocks(oc.tail, nc.tail, this.ctx) : diffBlocks(oc.tail, nc.tail, this.ctx);
    const amended = heading.changed || content.some((c) => c.status !== 'unchanged') || tail.some((c) => c.status !== 'unchanged');
    const children = this.under(o, n);
    const status = moved ? 'moved' : renumbered ? 'renumbered' : amended ? 'amended' : 'unchanged';
    return {
      status,
      amended,
      renumbered,
      moved,
      old: this.side(o),
      new: this.side(n),
      match: o.basis,
      similarity: round(o.similarity ?? 0),
      heading: heading.segments,
      content,
      tail,
      children,
      subtreeChanged: status !== 'unchanged' || children.some((c) => c.subtreeChanged),
    };
  }

  private inserted(n: Node): ClauseChange {
    const c = n.clause!;
    return {
      status: 'inserted',
      amended: false,
      renumbered: false,
      moved: false,
      old: null,
      new: this.side(n),
      match: null,
      similarity: null,
      heading: c.heading === null ? null : plainSegments('insert', c.heading),
      content: diffBlocks([], c.content, this.ctx),
      tail: diffBlocks([], c.tail, this.ctx),
      children: this.under(null, n),
      subtreeChanged: true,
    };
  }

  private deleted(o: Node): ClauseChange {
    const c = o.clause!;
    return this.counted({
      status: 'deleted',
      amended: false,
      renumbered: false,
      moved: false,
      old: this.side(o),
      new: null,
      match: null,
      similarity: null,
      heading: c.heading === null ? null : plainSegments('delete', c.heading),
      content: diffBlocks(c.content, [], this.ctx),
      tail: diffBlocks(c.tail, [], this.ctx),
      // Children that were paired elsewhere are shown where they now stand.
      children: children(o)
        .filter((k) => !k.partner)
        .map((k) => this.deleted(k)),
      subtreeChanged: true,
    });
  }
}

function sideOf(c: Clause, parent: Clause | null): ClauseSide {
  return { id: c.id, number: c.number, parent: parent ? { id: parent.id, number: parent.number } : null, clause: c };
}

/** What an untouched clause makes on first read. */
interface UnchangedParts {
  old: ClauseSide;
  new: ClauseSide;
  heading: Segment[] | null;
  content: ContentChange[];
  tail: ContentChange[];
}

/**
 * A clause found untouched (same number, same parent, same own content), whose sides, heading
 * and blocks are made when first read, as `WholeText` (blocks.ts) makes its segments: nearly
 * every clause of a re-designation is untouched, and their changes were a tenth of what a
 * redline allocated. A class for the reason `WholeText` is one. Below a pair found identical
 * all the way down, its sub-clauses' changes are made when first read too (`identical`).
 */
class UnchangedClause implements ClauseChange {
  readonly status = 'unchanged';
  readonly amended = false;
  readonly renumbered = false;
  readonly moved = false;
  readonly similarity: number;
  subtreeChanged = false;
  /** How many clauses below are unchanged with it, made when read (0 once its children are given). */
  identicalBelow: number;
  private made: UnchangedParts | undefined = undefined;
  private kids: ClauseChange[] | undefined = undefined;

  constructor(
    private readonly oldClause: Clause,
    private readonly newClause: Clause,
    private readonly oldParent: Clause | null,
    private readonly newParent: Clause | null,
    readonly match: MatchBasis | null,
    similarity: number,
    private readonly ctx: BlockContext,
  ) {
    this.similarity = round(similarity);
    this.identicalBelow = oldClause.size - 1;
  }

  /** A sub-clause of a pair found identical, paired with its twin as the ordered alignment pairs them. */
  static identical(o: Clause, n: Clause, oldParent: Clause, newParent: Clause, ctx: BlockContext): UnchangedClause {
    return new UnchangedClause(o, n, oldParent, newParent, o.number === null ? 'content' : 'number', 1, ctx);
  }

  /** This change with its children's changes, made by the alignment. */
  with(children: ClauseChange[]): this {
    this.kids = children;
    this.identicalBelow = 0;
    this.subtreeChanged = children.some((c) => c.subtreeChanged);
    return this;
  }

  get children(): ClauseChange[] {
    const o = this.oldClause;
    const n = this.newClause;
    return (this.kids ??= o.children.map((c, i) => UnchangedClause.identical(c, n.children[i]!, o, n, this.ctx)));
  }

  private get parts(): UnchangedParts {
    const o = this.oldClause;
    const n = this.newClause;
    return (this.made ??= {
      old: sideOf(o, this.oldParent),
      new: sideOf(n, this.newParent),
      heading: n.heading === null ? null : plainSegments('equal', n.heading),
      content: unchangedBlocks(o.content, n.content, this.ctx),
      tail: unchangedBlocks(o.tail, n.tail, this.ctx),
    });
  }

  get old(): ClauseSide {
    return this.parts.old;
  }

  get new(): ClauseSide {
    return this.parts.new;
  }

  get heading(): Segment[] | null {
    return this.parts.heading;
  }

  get content(): ContentChange[] {
    return this.parts.content;
  }

  get tail(): ContentChange[] {
    return this.parts.tail;
  }

  /** The getters live on the prototype: serialise the same fields as every other change. */
  toJSON(): ClauseChange {
    const { status, amended, renumbered, moved, old, new: nw, match, similarity, heading, content, tail, children, subtreeChanged } = this;
    return { status, amended, renumbered, moved, old, new: nw, match, similarity, heading, content, tail, children, subtreeChanged };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Unnumbered top sections (Version History): paired by heading, then by position. */
function diffSections(oldDoc: ClauseDocument, newDoc: ClauseDocument, ctx: BlockContext): SectionChange[] {
  const key = (s: { heading: string }) => normalizeSpace(s.heading).trim().toLowerCase();
  return pairSequences(oldDoc.sections, newDoc.sections, key, () => true).map((p) => {
    const h = diffRuns(plainRuns(p.old?.heading ?? ''), plainRuns(p.new?.heading ?? ''), ctx);
    const content = diffBlocks(p.old?.content ?? [], p.new?.content ?? [], ctx);
    const status = !p.old ? 'inserted' : !p.new ? 'deleted' : h.changed || content.some((c) => c.status !== 'unchanged') ? 'amended' : 'unchanged';
    return { status, heading: h.segments, content };
  });
}
