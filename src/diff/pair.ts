/**
 * Clause alignment: pair every clause of the old tree with its counterpart in the new one, so a
 * clause whose number changed (or that moved to another parent) is compared with its old self
 * instead of showing as a deletion plus an insertion.
 *
 * 1. Author keys (`{#key}`) pair first, wherever the clauses stand.
 * 2. Top-down, under each pair of matched parents: an ordered alignment of the children on their
 *    exact text pairs the unchanged ones (renumbered or not); in each gap left between those,
 *    large parts with the same heading and number pair first, then the remaining children pair
 *    by similarity, with a bonus for the same number (so an amended 7.2 stays 7.2, and old 3.5
 *    becomes new 3.6 when that is where its text went).
 * 3. What is still unpaired anywhere pairs by content across the whole document (moves), and a
 *    parent pairs with the parent most of its children went to. Step 2 then runs again below
 *    the new pairs.
 * 4. Last, an old and a new clause still unpaired under paired parents, with the same number.
 *
 * No step pairs on a number or a heading alone: below `PAIR_FLOOR` similarity two clauses are a
 * deletion and an insertion (only author keys and exact text pair without it).
 *
 * Whenever two clauses pair whose subtree fingerprints agree (the same all the way down, as the
 * digest hashed them), everything below pairs in order without being looked at: most of a
 * re-designation is never made into nodes. Clause texts are compared by the fingerprints the
 * digest holds, and built only for clauses whose content changed.
 *
 * Every step works on small groups or through an index, so time stays near linear in the size
 * of the documents.
 */
import type { MatchBasis } from '../model/change.js';
import type { Clause, ClauseDocument } from '../model/types.js';
import { clauseText, normalizeSpace } from '../model/text.js';
import { normNumber } from '../model/query.js';
import { digestOf, headedTextLength, type ClauseDigest, type DocumentDigest } from '../model/digest.js';
import { NO_WORDS } from '../model/words.js';
import { EMPTY, placeDeleted, walkTrimmed } from './sequence.js';
import { mix, WordIds, type WordBag } from './similarity.js';

/** Two clauses paired, or one clause on one side only, with what the pairing found. */
export interface ClausePair {
  /** The old clause; null for an inserted one. */
  readonly old: Clause | null;
  /** The new clause; null for a deleted one. */
  readonly new: Clause | null;
  /** How the two were paired; null for a clause on one side only. */
  readonly basis: MatchBasis | null;
  /** How alike their texts are, 0..1 (1 when paired as the same text); null for a clause on one side only. */
  readonly similarity: number | null;
  /** Paired with the same heading and own content exactly, formatting included (sub-clauses aside). */
  readonly sameContent: boolean;
  /** Paired, and their parents are paired with each other (the top level with the top level). */
  readonly sameParent: boolean;
  /**
   * How many clauses below them are the same all the way down, each paired with its twin in
   * order without being looked at; 0 when they are not the same all the way down. Those pairs
   * are not made: the next stages take each sub-clause with the one at the same place.
   */
  readonly identicalBelow: number;
  /**
   * The pairs below, in redline order: new order, with deleted clauses where they stood in the
   * old document. Empty below a pair the same all the way down (`identicalBelow`).
   */
  readonly children: readonly ClausePair[];
}

/** The output of `pairClauses`: the two documents and their top-level clause pairs, in redline order. */
export interface ClausePairing {
  readonly old: ClauseDocument;
  readonly new: ClauseDocument;
  readonly clauses: readonly ClausePair[];
}

/** A clause of one tree as the alignment works on it; the root stands for the document. */
interface Node {
  clause: Clause | null;
  /** What the comparison reads of the clause (null for the root). */
  digest: ClauseDigest | null;
  /** The digest of the document it belongs to. */
  tree: DocumentDigest;
  parent: Node | null;
  /** The clauses below (the document's, for the root). */
  sub: readonly Clause[];
  /** Their nodes, made on first use (`children`): none below a pair found identical. */
  kids: Node[] | null;
  /** Paired with a clause identical all the way down, neither looked into: see `pair`. */
  identical: boolean;
  /** Pre-order index in its tree (the root is 0), counting the clauses never made into nodes. */
  index: number;
  /** The number compared for renumbering: see `numKey`. */
  numKey: string | null | undefined;
  partner: Node | null;
  basis: MatchBasis | null;
  similarity: number | null;
  /** A clause whose heading and own content are this one's exactly, found while aligning. */
  sameAs: Node | null;
  /** Heading and own text, as written: see `sig`. */
  sig?: string;
  /** The words and word pairs of heading and text. */
  bag?: WordBag;
  /** See `pairsOf`. */
  pairs?: Int32Array;
  /** Normalised heading, for the same-heading rule. */
  heading?: string;
  /** The words and word pairs of the normalised heading. */
  headingBag?: WordBag;
  /** The own contents of all sub-clauses, as sorted ids: see `desc`. */
  desc?: Int32Array;
  /** The same with its own: see `subtreeContents`. */
  contents?: Int32Array;
  /** See `contentId`. */
  contentId?: number;
}

export interface AlignOptions {
  /** Pair two clauses by content alone at this similarity or above. */
  similarityThreshold: number;
}

/**
 * No pair without evidence from the content: below this similarity two clauses are a deletion
 * and an insertion, whatever number or heading they share (issue 22: measured on the real
 * corpus, see README "How the redline pairs clauses").
 */
export const PAIR_FLOOR = 0.2;
/** Headings this alike pair two siblings whose text is at least `PAIR_FLOOR` alike. */
const HEADING_THRESHOLD = 0.6;
/** Across the document (a move), ask for more. */
const MOVE_THRESHOLD = 0.6;
/** Text shorter than this is too common to pair across the document by similarity. */
const MIN_GLOBAL_CHARS = 40;
/** ...or, when it is the same text once on each side, by equality. */
const MIN_EXACT_CHARS = 16;
/** Siblings gaps larger than this compare only same-numbered clauses pairwise. */
const MAX_PAIRWISE = 4096;
/** Index postings longer than this are too common to suggest a pair. */
const MAX_POSTINGS = 64;


/**
 * The number compared for renumbering (`normNumber`), made on first use: nearly every pair is
 * settled by `sameNumberKey` on the numbers as written.
 */
function numKey(n: Node): string | null {
  if (n.numKey === undefined) n.numKey = n.clause ? normNumber(n.clause.number) : null;
  return n.numKey;
}

/** `numKey(n) !== null`, without making it. */
function hasNumber(n: Node): boolean {
  return n.clause !== null && n.clause.number !== null;
}

/** Whether two clauses have the same number for renumbering (`numKey`); true for two roots. */
function sameNumberKey(o: Node, n: Node): boolean {
  return (o.clause?.number ?? null) === (n.clause?.number ?? null) || numKey(o) === numKey(n);
}

function makeNode(clause: Clause | null, tree: DocumentDigest, sub: readonly Clause[], parent: Node | null, index: number): Node {
  return {
    clause,
    digest: clause && tree.clauses.get(clause)!,
    tree,
    parent,
    sub,
    kids: null,
    identical: false,
    index,
    numKey: undefined,
    partner: null,
    basis: null,
    similarity: null,
    sameAs: null,
    // Memos, declared up front so every node keeps one shape and property reads stay fast.
    sig: undefined,
    bag: undefined,
    pairs: undefined,
    heading: undefined,
    headingBag: undefined,
    desc: undefined,
    contents: undefined,
    contentId: undefined,
  };
}

function rootNode(doc: ClauseDocument): Node {
  return makeNode(null, digestOf(doc), doc.clauses, null, 0);
}

/**
 * The nodes of the clauses below, made on first use. Most clauses of a re-designation sit in
 * parts that did not change at all: those are paired whole (`identical`) and never made into
 * nodes.
 */
function children(n: Node): Node[] {
  if (n.kids === null) {
    let index = n.index + 1;
    n.kids = n.sub.map((c) => {
      const k = makeNode(c, n.tree, c.children, n, index);
      index += k.digest!.size;
      return k;
    });
  }
  return n.kids;
}

/** The nodes of a tree not yet paired, in document order, made as needed (none below identical pairs). */
function unpairedBelow(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    if (!n.partner) out.push(n);
    if (n.identical) return;
    for (const k of children(n)) visit(k);
  };
  visit(root);
  return out;
}

/**
 * Heading and own text, as written, made on first use: nearly every clause is settled by
 * `sameSig` without it. Raw text: exact equality is what the ordered alignment needs, and
 * re-wrapped text still pairs by similarity (word bags ignore whitespace).
 */
function sig(n: Node): string {
  if (n.sig === undefined) {
    const heading = n.clause?.heading ?? '';
    const text = n.clause ? clauseText(n.clause) : '';
    n.sig = heading || text ? `${heading}\u0001${text}` : '';
  }
  return n.sig;
}

/** `sig(n).length`, from the digest: no text is built. */
function sigLength(n: Node): number {
  return n.clause ? headedTextLength(n.clause, n.digest!.textLength) : 0;
}

/**
 * A number two clauses with the same `sig` share, from the digest (its length and the hashes of
 * its first and last word): clauses whose hints differ are told apart without building their text.
 */
function sigHint(n: Node): number {
  const words = n.clause ? n.digest!.words : NO_WORDS;
  return words.length === 0 ? sigLength(n) : mix(mix(sigLength(n), words[0]!), words[words.length - 1]!);
}

/**
 * What the ordered alignment compares: the same text (`sig`), or for two clauses without text the
 * same number. Settled by fingerprint when the content is the same, and by length when it is
 * not: the text is built only for two clauses of the same length and different content.
 */
function sameSig(o: Node, n: Node): boolean {
  if (o.sameAs === n || (o.clause && n.clause && o.digest!.fingerprint === n.digest!.fingerprint)) {
    o.sameAs = n;
    return sameNumberKey(o, n) || sigLength(o) !== 0;
  }
  // Texts of different lengths differ: a changed clause is told from its old self without building either text.
  const length = sigLength(o);
  if (length !== sigLength(n)) return false;
  return length === 0 ? (numKey(o) ?? '') === (numKey(n) ?? '') : sig(o) === sig(n);
}

/** The length of the `sig`s of every clause below, as the digest adds them up. */
function below(n: Node): number {
  return n.digest ? n.digest.textBelow : n.tree.textLength;
}

/** How many words `bag` gives the clause, without making them. */
function wordsIn(n: Node): number {
  return n.clause ? n.digest!.words.length >> 1 : 0;
}

/** Only gap pairs compare headings, so most are never normalised. */
function headingKey(n: Node): string {
  return (n.heading ??= n.clause?.heading ? normalizeSpace(n.clause.heading).trim().toLowerCase() : '');
}

/** Above this much text below both clauses, compare sub-clause texts whole instead of words. */
const LARGE_SUBTREE = 20_000;

/** `x` is below `ancestor` (in the same tree): its pre-order index falls inside the ancestor's subtree. */
function isBelow(x: Node, ancestor: Node): boolean {
  return x.index > ancestor.index && (ancestor.clause === null || x.index < ancestor.index + ancestor.digest!.size);
}

/**
 * The clauses with an author key, by key (null for a key two of them share), as nodes: a walk
 * of the parts of the clause tree that hold one, making nodes only on the way to a keyed clause.
 */
function keyed(root: Node): Map<string, Node | null> {
  const m = new Map<string, Node | null>();
  const path: number[] = [];
  const visit = (clauses: readonly Clause[]) => {
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i]!;
      if (root.tree.clauses.get(c)!.keyed === 0) continue;
      path.push(i);
      if (c.key) m.set(c.key, m.has(c.key) ? null : nodeAt(root, path));
      visit(c.children);
      path.pop();
    }
  };
  visit(root.sub);
  return m;
}

/** The node of the clause at `path` (child positions from the root), made with its ancestors. */
function nodeAt(root: Node, path: readonly number[]): Node {
  let n = root;
  for (const i of path) n = children(n)[i]!;
  return n;
}

type Pair = (o: Node, n: Node, basis: MatchBasis, sim: number) => void;

function sameNumber(o: Node, n: Node): boolean {
  return hasNumber(o) && sameNumberKey(o, n);
}

/** What a pair was found by, as the change reports it. */
function basisOf(o: Node, n: Node): MatchBasis {
  return sameNumber(o, n) ? 'number' : 'content';
}

/** The nodes not paired yet: most often all of them, and then the list itself. */
function unpaired(nodes: Node[]): Node[] {
  for (const c of nodes) if (c.partner) return nodes.filter((x) => !x.partner);
  return nodes;
}

interface Candidate {
  o: Node;
  n: Node;
  sim: number;
  score: number;
}

/** Best pairs first; ties broken by document order so the result never depends on hashing. */
function greedy(cands: Candidate[], take: (c: Candidate) => void): number {
  cands.sort((x, y) => y.score - x.score || x.o.index - y.o.index || x.n.index - y.n.index);
  let count = 0;
  for (const c of cands) {
    if (c.o.partner || c.n.partner) continue;
    take(c);
    count++;
  }
  return count;
}

/** Clauses grouped by content (`Clause.fingerprint`), in order of first occurrence. */
function sameContent(nodes: Node[]): Node[][] {
  const groups = new Map<number, Node[]>();
  for (const n of nodes) {
    const key = n.digest!.fingerprint;
    const group = groups.get(key);
    if (group) group.push(n);
    else groups.set(key, [n]);
  }
  return [...groups.values()];
}

/**
 * The targets that hold each word pair, in target order: one typed array cut by pair id (ids are
 * small integers), where a map of lists made tens of thousands of small arrays per round.
 */
class Postings {
  /** The targets of pair `k` are `targets[start[k]]` up to `targets[start[k + 1]]`. */
  private readonly start: Int32Array;
  /** How many clauses the targets of pair `k` stand for. */
  private readonly copies: Int32Array;
  readonly targets: Int32Array;

  /**
   * `keysOf[t]`: the distinct pair ids of target `t`, each below `ids`; `copiesOf[t]`: how many
   * clauses of that content it stands for.
   */
  constructor(keysOf: readonly Int32Array[], copiesOf: readonly number[], ids: number) {
    this.start = new Int32Array(ids + 1);
    this.copies = new Int32Array(ids);
    keysOf.forEach((keys, t) => {
      for (const k of keys) {
        this.start[k + 1]!++;
        this.copies[k]! += copiesOf[t]!;
      }
    });
    for (let k = 0; k < ids; k++) this.start[k + 1]! += this.start[k]!;
    this.targets = new Int32Array(this.start[ids]!);
    const next = this.start.slice(0, ids);
    keysOf.forEach((keys, t) => {
      for (const k of keys) this.targets[next[k]!++] = t;
    });
  }

  /** Where the targets of pair `k` start in `targets` (none for a pair given an id later). */
  from(k: number): number {
    return k < this.copies.length ? this.start[k]! : 0;
  }

  /** Where they end. */
  to(k: number): number {
    return k < this.copies.length ? this.start[k + 1]! : 0;
  }

  /** How many clauses hold pair `k`: a pair too common suggests nothing. */
  clauses(k: number): number {
    return k < this.copies.length ? this.copies[k]! : 0;
  }
}

function unpairedNumbered(n: Node): boolean {
  return !n.partner && hasNumber(n);
}

/** Clauses by number; a number two of them share maps to null. */
function uniqueByNumber(nodes: Node[]): Map<string, Node | null> {
  const m = new Map<string, Node | null>();
  for (const c of nodes) {
    const k = numKey(c)!;
    m.set(k, m.has(k) ? null : c);
  }
  return m;
}

/**
 * The working state of one alignment: its nodes' shared tables live here, made with the call and
 * dropped with it (kept to the next call, they held both trees through every young-generation
 * GC in between).
 */
class Aligner {
  /** Word ids mean nothing across two alignments. A large document's changed clauses hold tens of thousands of word pairs: start with room. */
  private readonly wordIds = new WordIds(1 << 15);

  /**
   * Ids of own contents (heading and own blocks, sub-clauses aside), one set per alignment like
   * the word ids: two clauses get the same id exactly when their fingerprints are the same (a
   * clause with neither heading nor text, when their numbers are the same). Small integers, so
   * the sub-clauses of a part sort and merge as an Int32Array (`desc`).
   */
  private readonly contentIds = new Map<number, number>();

  /** Clauses without heading or text, by number. */
  private readonly emptyIds = new Map<string | null, number>();

  /** The clause each content id was first given to, by id: it stands for every clause with that content. */
  private contentNodes: Node[] = [];

  /** Similarities computed in this alignment, by `old index * newCount + new index`. */
  private readonly sims = new Map<number, number>();

  private readonly newCount: number;

  /** Large parts paired by heading, whose similarity is measured at the end. */
  private partsByHeading: Array<[Node, Node]> = [];

  /** The words of `sig`, from the hashes the digest took of them (the root has none). */
  private bag(n: Node): WordBag {
    return (n.bag ??= this.wordIds.bagOf(n.clause ? n.digest!.words : NO_WORDS));
  }

  /**
   * ``similarity` of the whole texts of two clauses (their own and all their sub-clauses'),
   * without making bags of the sub-clauses the two share unchanged: those add the same ids to
   * both sides, so they count once each toward the common words (`sharedSimilarity`). Nearly all
   * of an amended part's provisions are usually unchanged.
   * Shared means the same content (`contentId`), found by one merge of the two subtrees' sorted
   * content ids; parts with the same text in other formatting are bagged, which gives the same
   * result. A content's words are counted and bagged once, on the clause it was first seen in.
   */
  private wholeSimilarity(o: Node, n: Node): number {
    const a = this.subtreeContents(o);
    const b = this.subtreeContents(n);
    const onlyOld: WordBag[] = [];
    const onlyNew: WordBag[] = [];
    const shared = { uni: 0, bi: 0 };
    for (let i = 0, j = 0; i < a.length || j < b.length; ) {
      if (j === b.length || (i < a.length && a[i]! < b[j]!)) onlyOld.push(this.bag(this.contentNodes[a[i++]!]!));
      else if (i === a.length || b[j]! < a[i]!) onlyNew.push(this.bag(this.contentNodes[b[j++]!]!));
      else {
        const uni = wordsIn(this.contentNodes[a[i]!]!);
        shared.uni += uni;
        shared.bi += Math.max(uni - 1, 0);
        i++;
        j++;
      }
    }
    return this.wordIds.sharedSimilarity(onlyOld, onlyNew, shared);
  }

  /** `desc` with the clause's own content id: the contents of its whole subtree, sorted. */
  private subtreeContents(n: Node): Int32Array {
    if (n.contents) return n.contents;
    const below = this.desc(n);
    const own = this.contentId(n);
    const out = new Int32Array(below.length + 1);
    let k = 0;
    while (k < below.length && below[k]! < own) out[k] = below[k++]!;
    out[k] = own;
    out.set(below.subarray(k), k + 1);
    return (n.contents = out);
  }

  /** The distinct word pairs of a clause: the search for moves reads them in every round. */
  private pairsOf(n: Node): Int32Array {
    return (n.pairs ??= this.wordIds.distinctPairs(this.bag(n)));
  }

  private headingSimilarity(o: Node, n: Node): number {
    const ho = headingKey(o);
    const hn = headingKey(n);
    if (!ho || !hn) return 0;
    if (ho === hn) return 1;
    // A gap compares each heading with every heading on the other side: bag each once.
    return this.wordIds.similarity((o.headingBag ??= this.wordIds.bag(ho)), (n.headingBag ??= this.wordIds.bag(hn)));
  }

  private contentId(n: Node): number {
    if (n.contentId !== undefined) return n.contentId;
    const c = n.clause;
    const empty = !c || (c.heading === null && c.content.length === 0 && c.tail.length === 0);
    let id = empty ? this.emptyIds.get(numKey(n)) : this.contentIds.get(n.digest!.fingerprint);
    if (id === undefined) {
      id = this.contentNodes.length;
      this.contentNodes.push(n);
      if (empty) this.emptyIds.set(numKey(n), id);
      else this.contentIds.set(n.digest!.fingerprint, id);
    }
    return (n.contentId = id);
  }

  /**
   * The own contents of all sub-clauses, each as an id, sorted: two large parts then compare by
   * one merge of integers. Each clause is looked up once, however many parts it is compared
   * with: a gap of a dozen changed parts compares each with each, and comparing the texts again
   * for every pair grows as the square of the document.
   */
  private desc(n: Node): Int32Array {
    if (n.desc) return n.desc;
    // One id for each clause below: the digest counts them.
    const ids = new Int32Array(n.clause ? n.digest!.size - 1 : n.tree.clauseCount);
    let k = 0;
    const walk = (x: Node) => {
      for (const c of children(x)) {
        ids[k++] = this.contentId(c);
        walk(c);
      }
    };
    walk(n);
    return (n.desc = ids.sort());
  }

  /** `dice` of the sub-clause contents of two clauses, each counted as one item. */
  private descDice(o: Node, n: Node): number {
    const a = this.desc(o);
    const b = this.desc(n);
    if (a.length + b.length === 0) return 0;
    // The size of the multiset intersection of two sorted lists.
    let common = 0;
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] === b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i]! < b[j]!) i++;
      else j++;
    }
    return (2 * common) / (a.length + b.length);
  }

  /**
   * Own text for a clause without sub-clauses. Otherwise the whole text, so a clause whose
   * provisions were restructured (list items that became sub-clauses) still finds its old self;
   * for large parts (a whole Teil or Kapitel) the share of sub-clauses kept word for word, which
   * says the same at a fraction of the cost.
   */
  private similarity(o: Node, n: Node): number {
    // The step across the document meets again most pairs a gap already compared.
    const key = o.index * this.newCount + n.index;
    let sim = this.sims.get(key);
    if (sim === undefined) this.sims.set(key, (sim = this.computeSimilarity(o, n)));
    return sim;
  }

  private computeSimilarity(o: Node, n: Node): number {
    if (o.sub.length === 0 && n.sub.length === 0) return this.wordIds.similarity(this.bag(o), this.bag(n));
    if (o.sub.length && n.sub.length && below(o) + below(n) > 2 * LARGE_SUBTREE) return this.partSimilarity(o, n, this.descDice(o, n));
    return this.wholeSimilarity(o, n);
  }

  /** Own words, and `kept` (a share of the sub-clauses kept word for word), weighted by their text. */
  private partSimilarity(o: Node, n: Node, kept: number): number {
    const own = this.wordIds.similarity(this.bag(o), this.bag(n));
    const wo = sigLength(o) + sigLength(n);
    return (own * wo + kept * (below(o) + below(n))) / (wo + below(o) + below(n));
  }

  /**
   * Large parts paired by heading (`pairPartsByHeading`), once everything is aligned: the share of
   * their sub-clauses paired with a clause of the same text below the other part. `descDice`
   * without the content ids, which it needs for every sub-clause of both parts.
   */
  private alignedSimilarity(o: Node, n: Node): number {
    let count = 0;
    let kept = 0;
    const walk = (x: Node, other: Node) => {
      if (x.identical) {
        // Everything below is paired in order, word for word, below x's partner.
        const beneath = x.digest!.size - 1;
        count += beneath;
        if (x.partner === other || isBelow(x.partner!, other)) kept += beneath;
        return;
      }
      for (const c of children(x)) {
        count++;
        if (c.similarity === 1 && c.partner && isBelow(c.partner, other)) kept++;
        walk(c, other);
      }
    };
    walk(o, n);
    walk(n, o);
    return this.partSimilarity(o, n, count ? kept / count : 0);
  }

  /** Pairs whose children are still to be aligned. */
  private readonly queue: Array<[Node, Node]> = [];
  readonly oldRoot: Node;
  readonly newRoot: Node;

  constructor(
    oldDoc: ClauseDocument,
    newDoc: ClauseDocument,
    private readonly options: AlignOptions,
  ) {
    this.oldRoot = rootNode(oldDoc);
    this.newRoot = rootNode(newDoc);
    this.newCount = this.newRoot.tree.clauseCount + 1;
  }

  /** Pairs two clauses, and queues their children for alignment unless they are the same all the way down. */
  private readonly pair: Pair = (o, n, basis, sim) => {
    o.partner = n;
    n.partner = o;
    o.basis = n.basis = basis;
    o.similarity = n.similarity = sim;
    // The same all the way down, and nothing below looked at yet: every sub-clause pairs with
    // its twin in order, as the ordered alignment would pair them, so none is made a node.
    if (o.kids === null && n.kids === null && o.clause && n.clause && o.digest!.treeFingerprint === n.digest!.treeFingerprint) {
      o.identical = n.identical = true;
      o.sameAs = n;
    } else this.queue.push([o, n]);
  };

  run(): void {
    const a = this.oldRoot;
    const b = this.newRoot;
    const { pair, queue } = this;
    pair(a, b, 'number', 1);

    // 1. Author keys, unique on each side.
    const newKeys = keyed(b);
    for (const [k, o] of keyed(a)) {
      const n = newKeys.get(k);
      if (o && n) pair(o, n, 'key', sig(o) === sig(n) ? 1 : this.similarity(o, n));
    }

    const T = this.options.similarityThreshold;
    // The clauses still unpaired, in document order. After the first top-down step they are few,
    // and the steps below look only at them (a clause once paired stays paired).
    let oldOpen: Node[] = [];
    let newOpen: Node[] = [];
    let listed = false;
    const reopen = () => {
      // The first time, the walk makes the nodes of every part not paired whole.
      oldOpen = listed ? oldOpen.filter((x) => !x.partner) : unpairedBelow(a);
      newOpen = listed ? newOpen.filter((x) => !x.partner) : unpairedBelow(b);
      listed = true;
    };
    for (let round = 0; round < 4; round++) {
      // 2. Top-down below every pair made so far.
      for (let head = 0; head < queue.length; head++) {
        const [o, n] = queue[head]!;
        this.alignChildren(o, n, T, pair);
      }
      queue.length = 0;
      reopen();
      // 3. Across the document, then parents by where their children went.
      const added = this.matchGlobally(oldOpen, newOpen, pair) + this.matchParents(newOpen, pair);
      if (!added) break;
    }
    // 4. Last, under each pair of parents: an old and a new clause with the same number, both
    //    still unpaired and at least `PAIR_FLOOR` alike, are one clause whose text was reworded.
    //    A text replaced whole (`§ 119` -> `§ 119 (weggefallen)`) is a deletion and an insertion.
    for (let added = 1; added; ) {
      reopen();
      added = this.sweepSameNumber(newOpen, pair);
      for (let head = 0; head < queue.length; head++) {
        const [o, n] = queue[head]!;
        this.alignChildren(o, n, T, pair);
      }
      queue.length = 0;
    }
    for (const [o, n] of this.partsByHeading) o.similarity = n.similarity = this.alignedSimilarity(o, n);
  }

  private alignChildren(po: Node, pn: Node, T: number, pair: Pair): void {
    // Most clauses have no sub-clauses: nothing to align, and no lists to make.
    if (!po.sub.length || !pn.sub.length) return;
    const os = unpaired(children(po));
    const ns = unpaired(children(pn));
    if (!os.length || !ns.length) return;
    walkTrimmed(
      os,
      ns,
      sameSig,
      (i, j) => pair(os[i]!, ns[j]!, basisOf(os[i]!, ns[j]!), 1),
      (i0, i1, j0, j1) => {
        if (i0 < i1 && j0 < j1) this.pairGap(os.slice(i0, i1), ns.slice(j0, j1), T, pair);
      },
    );
  }

  private pairGap(os: Node[], ns: Node[], T: number, pair: Pair): void {
    if (this.pairPartsByHeading(os, ns, pair)) {
      os = unpaired(os);
      ns = unpaired(ns);
      if (!os.length || !ns.length) return;
    }
    const cands: Candidate[] = [];
    const consider = (o: Node, n: Node) => {
      const same = sameNumber(o, n);
      // Headings name a clause: a heading kept (or nearly kept) says it is the same clause even
      // when its number and much of its text changed (old § 20a, new § 20b).
      const hs = this.headingSimilarity(o, n);
      const sim = this.similarity(o, n);
      // A weaker pair with the same number waits for the last step: its text may yet turn out to
      // have moved elsewhere in the document.
      if (sim >= T || (hs >= HEADING_THRESHOLD && sim >= PAIR_FLOOR)) {
        cands.push({ o, n, sim, score: sim + (same ? 0.1 : 0) + 0.6 * hs });
      }
    };
    if (os.length * ns.length <= MAX_PAIRWISE) {
      for (const o of os) for (const n of ns) consider(o, n);
    } else {
      const byNumber = new Map<string, Node[]>();
      for (const n of ns) {
        const k = numKey(n);
        if (k !== null) byNumber.set(k, [...(byNumber.get(k) ?? []), n]);
      }
      for (const o of os) {
        const k = numKey(o);
        for (const n of (k !== null && byNumber.get(k)) || []) consider(o, n);
      }
    }
    greedy(cands, (c) => pair(c.o, c.n, basisOf(c.o, c.n), c.sim));
  }

  /**
   * Large parts (a whole Teil or Kapitel) with the same heading and number pair in order before
   * any text is compared: their heading names them, and comparing large parts by their text is
   * the costliest comparison there is (it looks up every sub-clause of both). Their similarity is
   * measured once their sub-clauses are aligned (`alignedSimilarity`).
   */
  private pairPartsByHeading(os: Node[], ns: Node[], pair: Pair): boolean {
    const key = (x: Node) => (x.sub.length && below(x) > LARGE_SUBTREE && headingKey(x) ? `${numKey(x) ?? ''}\u0000${headingKey(x)}` : null);
    let olds: Map<string, Node[]> | null = null;
    for (const o of os) {
      const k = key(o);
      if (k === null) continue;
      olds ??= new Map();
      const same = olds.get(k);
      if (same) same.push(o);
      else olds.set(k, [o]);
    }
    if (!olds) return false;
    let paired = false;
    for (const n of ns) {
      const k = key(n);
      const o = k === null ? undefined : olds.get(k)?.shift();
      if (!o) continue;
      pair(o, n, basisOf(o, n), 0);
      this.partsByHeading.push([o, n]);
      paired = true;
    }
    return paired;
  }

  /** `oldOpen`, `newOpen`: the clauses not paired yet, in document order. */
  private matchGlobally(oldOpen: Node[], newOpen: Node[], pair: Pair): number {
    const os = oldOpen.filter((n) => !n.partner && sigLength(n) >= MIN_EXACT_CHARS);
    const ns = newOpen.filter((n) => !n.partner && sigLength(n) >= MIN_EXACT_CHARS);
    if (!os.length || !ns.length) return 0;
    let count = 0;

    // Same text, once on each side: the clause moved or was renumbered, unchanged. Only the texts
    // whose `sigHint` the other side has too are built: nearly always none.
    const oldHints = new Set<number>();
    const newHints = new Set<number>();
    for (const o of os) oldHints.add(sigHint(o));
    for (const n of ns) newHints.add(sigHint(n));
    const bySig = new Map<string, { o: Node[]; n: Node[] }>();
    for (const o of os) {
      if (!newHints.has(sigHint(o))) continue;
      const e = bySig.get(sig(o)) ?? { o: [], n: [] };
      e.o.push(o);
      bySig.set(sig(o), e);
    }
    for (const n of ns) if (oldHints.has(sigHint(n))) bySig.get(sig(n))?.n.push(n);
    for (const e of bySig.values()) {
      if (e.o.length === 1 && e.n.length === 1) {
        const o = e.o[0]!;
        const n = e.n[0]!;
        pair(o, n, basisOf(o, n), 1);
        count++;
      }
    }

    // Similar text: candidates share an uncommon word pair, then the full similarity decides.
    // Clauses with the same content (a document's repeated provisions) are looked up as one:
    // looking up every copy against every copy grew as the square of the repetition.
    const targets = sameContent(ns.filter((n) => !n.partner && sigLength(n) >= MIN_GLOBAL_CHARS));
    const postings = new Postings(
      targets.map((copies) => this.pairsOf(copies[0]!)),
      targets.map((copies) => copies.length),
      this.wordIds.pairCount,
    );
    // Pairs shared with each target, by its position; back to zero after each old content.
    const hits = new Int32Array(targets.length);
    // The targets an old content hit, in order of first hit: `hit[0..hitCount)`, one array reused
    // for every old content (a list per clause grew with the document's repeated text).
    const hit = new Int32Array(targets.length);
    const cands: Candidate[] = [];
    for (const olds of sameContent(os.filter((o) => !o.partner && sigLength(o) >= MIN_GLOBAL_CHARS))) {
      const keys = this.pairsOf(olds[0]!);
      let hitCount = 0;
      for (const k of keys) {
        if (postings.clauses(k) > MAX_POSTINGS) continue;
        for (let p = postings.from(k), to = postings.to(k); p < to; p++) {
          const t = postings.targets[p]!;
          if (hits[t]!++ === 0) hit[hitCount++] = t;
        }
      }
      const need = Math.max(2, 0.2 * keys.length);
      for (let h = 0; h < hitCount; h++) {
        const t = hit[h]!;
        if (hits[t]! >= need) this.addCandidates(olds, targets[t]!, cands);
        hits[t] = 0;
      }
    }
    count += greedy(cands, (c) => pair(c.o, c.n, basisOf(c.o, c.n), c.sim));
    return count;
  }

  /**
   * Every pair of an old and a new clause, each from a group of the same content, that is alike
   * enough to be a move. Two clauses without sub-clauses compare by their own words only, so one
   * similarity serves every such pair of copies.
   */
  private addCandidates(olds: Node[], news: Node[], cands: Candidate[]): void {
    let ownWords: number | undefined;
    for (const o of olds) {
      for (const n of news) {
        const sim = o.sub.length === 0 && n.sub.length === 0 ? (ownWords ??= this.similarity(o, n)) : this.similarity(o, n);
        if (sim >= MOVE_THRESHOLD) cands.push({ o, n, sim, score: sim });
      }
    }
  }

  /** `unpaired`: the new clauses not paired yet, in document order. */
  private sweepSameNumber(unpaired: Node[], pair: Pair): number {
    let count = 0;
    // The paired parents of unpaired numbered clauses before this sweep, in document order (the
    // root first): pairs made here are swept next time, after their children are aligned by text.
    const parents = new Set<Node>();
    for (const n of unpaired) if (hasNumber(n) && n.parent?.partner) parents.add(n.parent);
    for (const pn of [...parents].sort((x, y) => x.index - y.index)) {
      const po = pn.partner!;
      if (!children(po).some(unpairedNumbered)) continue;
      const olds = uniqueByNumber(children(po).filter(unpairedNumbered));
      for (const [k, n] of uniqueByNumber(children(pn).filter(unpairedNumbered))) {
        const o = olds.get(k);
        if (!o || !n) continue;
        const sim = this.similarity(o, n);
        if (sim < PAIR_FLOOR) continue;
        pair(o, n, 'number', sim);
        count++;
      }
    }
    return count;
  }

  /** An unpaired new clause pairs with the unpaired old clause that most of its children came from. */
  private matchParents(unpaired: Node[], pair: Pair): number {
    let count = 0;
    for (const n of unpaired) {
      if (n.partner || n.sub.length === 0) continue;
      const votes = new Map<Node, number>();
      for (const c of children(n)) {
        const op = c.partner?.parent;
        if (op && !op.partner && op.clause) votes.set(op, (votes.get(op) ?? 0) + 1);
      }
      let best: Node | null = null;
      let bestVotes = 0;
      for (const [o, v] of votes) {
        if (v > bestVotes || (v === bestVotes && best && o.index < best.index)) {
          best = o;
          bestVotes = v;
        }
      }
      // Most of its children came from there, or some did and it kept its number and parent.
      const sameSlot = best !== null && sameNumber(best, n) && best.parent?.partner === n.parent;
      if (best && (bestVotes * 2 >= Math.max(n.sub.length, best.sub.length) || sameSlot)) {
        pair(best, n, basisOf(best, n), this.similarity(best, n));
        count++;
      }
    }
    return count;
  }

}

/**
 * The first stage of the redline: every clause of the old document paired with its counterpart
 * in the new one, or left on one side, as an immutable tree in redline order.
 */
export function pairClauses(oldDoc: ClauseDocument, newDoc: ClauseDocument, options: AlignOptions): ClausePairing {
  const aligner = new Aligner(oldDoc, newDoc, options);
  aligner.run();
  return { old: oldDoc, new: newDoc, clauses: pairsUnder(aligner.oldRoot, aligner.newRoot) };
}

/** The pairs below a new parent (or the root), in redline order. */
function pairsUnder(po: Node | null, pn: Node): ClausePair[] {
  // Identical all the way down: each sub-clause is its twin, and none is listed (`identicalBelow`).
  if (po?.identical) return EMPTY;
  const newKids = children(pn);
  // No old child left unpaired (nearly every parent): nothing deleted to place.
  if (!po || children(po).every((c) => c.partner)) return newKids.length === 0 ? EMPTY : newKids.map(pairOf);
  const pos = new Map(newKids.map((n, j) => [n, j]));
  const olds: Array<{ placed: ClausePair; partnerNew: null } | { placed: null; partnerNew: number }> = [];
  for (const c of children(po)) {
    if (!c.partner) olds.push({ placed: deletedPair(c), partnerNew: null });
    else if (c.partner.parent === pn) olds.push({ placed: null, partnerNew: pos.get(c.partner)! });
    // a child paired under another parent is shown there, as moved
  }
  return placeDeleted(newKids.map(pairOf), olds);
}

/** The pair a new clause stands in: with its partner, or inserted. */
function pairOf(n: Node): ClausePair {
  const o = n.partner;
  if (!o) {
    return { old: null, new: n.clause!, basis: null, similarity: null, sameContent: false, sameParent: false, identicalBelow: 0, children: pairsUnder(null, n) };
  }
  return {
    old: o.clause!,
    new: n.clause!,
    basis: o.basis,
    similarity: o.similarity ?? 0,
    sameContent: o.sameAs === n,
    sameParent: o.parent!.partner === n.parent,
    identicalBelow: o.identical ? o.digest!.size - 1 : 0,
    children: pairsUnder(o, n),
  };
}

/** An old clause left unpaired, with its sub-clauses not paired elsewhere (those are shown where they now stand). */
function deletedPair(o: Node): ClausePair {
  return {
    old: o.clause!,
    new: null,
    basis: null,
    similarity: null,
    sameContent: false,
    sameParent: false,
    identicalBelow: 0,
    children: children(o)
      .filter((k) => !k.partner)
      .map(deletedPair),
  };
}
