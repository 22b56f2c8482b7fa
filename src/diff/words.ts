/**
 * Word-level marks inside one pair of texts: jsdiff (Myers) over our tokens, bounded, then a
 * readability clean-up, then segments grouped by operation and formatting.
 */
import { Diff } from 'diff';
import { inlineSegments, plainSegments, unchangedSegments, type Segment, type SegmentOp, type SegmentStyle } from '../model/change.js';
import type { Block } from '../model/types.js';
import { blockRuns, PLAIN_STYLE, plainBlockText, wholeRunTokens, type StyledRun, type Token, type Tokenizer } from './tokens.js';
import { increasingRun } from './sequence.js';

class TokenDiff extends Diff<Token, Token[], Token[]> {
  override equals(left: Token, right: Token): boolean {
    return left.key === right.key;
  }
  override castInput(value: Token[]): Token[] {
    return value;
  }
  override tokenize(value: Token[]): Token[] {
    return value;
  }
  override removeEmpty(array: Token[]): Token[] {
    return array;
  }
  override join(tokens: Token[]): Token[] {
    return tokens;
  }
}


export interface WordDiffResult {
  segments: Segment[];
  /** The texts differ (in what the options compare). */
  changed: boolean;
  /** The edit bound was hit: the result is a whole replacement. */
  replacedWhole: boolean;
}

/**
 * The edit script as two parallel lists (not an object per step): step k is an equal pair when `olds[k]` and `news[k]` are both set, a deletion
 * when only the old token is, an insertion when only the new one is.
 */
class Script {
  readonly olds: Array<Token | null>;
  readonly news: Array<Token | null>;
  length = 0;

  /** `capacity`: at most this many steps (every token of both sides, as one step each). */
  constructor(capacity: number) {
    this.olds = new Array<Token | null>(capacity);
    this.news = new Array<Token | null>(capacity);
  }

  equal(o: Token, n: Token): void {
    this.olds[this.length] = o;
    this.news[this.length++] = n;
  }

  delete(o: Token): void {
    this.olds[this.length] = o;
    this.news[this.length++] = null;
  }

  insert(n: Token): void {
    this.olds[this.length] = null;
    this.news[this.length++] = n;
  }
}

/**
 * The word diffs of one comparison, with their working state: the tokenizer (and through it
 * the token keys every text is compared by), jsdiff through its hooks, and scratch marks by key.
 */
export class WordDiff {
  private readonly engine = new TokenDiff();
  /** Scratch marks by key id (`IN_OLD`, `IN_NEW`, both); all zero between calls. */
  private marks = new Uint8Array(1024);

  constructor(
    readonly tokenizer: Tokenizer,
    /** The bound on each diff (jsdiff's `maxEditLength`, in tokens): past it the changed middle is replaced whole. */
    readonly maxEditLength: number,
  ) {}

  diff(oldRuns: readonly StyledRun[], newRuns: readonly StyledRun[]): WordDiffResult {
    const { tokenizer, maxEditLength } = this;
    // Fast path: identical runs (the common case for unchanged clauses) need no tokens at all.
    if (sameRuns(oldRuns, newRuns)) return { segments: newRuns.map((r) => segment('equal', r.text, r.style)), changed: false, replacedWhole: false };
    // Tokenize only between the common head and tail: most amendments touch a few words.
    const w = tokenizer.changeWindow(oldRuns, newRuns);
    const a = tokenizer.tokenize(w.oldMid);
    const b = tokenizer.tokenize(w.newMid);
    // Whole tokens may still match past the end of one side's window (whitespace aside), and
    // diffRange would pair them there: only a whole tokenize gives the same script then.
    if (w.tail.length && agreeToEnd(a, b)) return this.diffTokens(tokenizer.tokenize(oldRuns), tokenizer.tokenize(newRuns), maxEditLength);
    return this.diffTokens(a, b, maxEditLength, wholeRunTokens(w.head), wholeRunTokens(w.tail));
  }

  /** `head` and `tail` are tokens the same on both sides, before and after `a` and `b`. */
  private diffTokens(a: Token[], b: Token[], maxEditLength: number, head: Token[] = [], tail: Token[] = []): WordDiffResult {
    const steps = new Script(head.length + a.length + b.length + tail.length);
    const state = { replacedWhole: false };
    for (const t of head) steps.equal(t, t);
    this.diffRange(a, 0, a.length, b, 0, b.length, maxEditLength, steps, state);
    for (const t of tail) steps.equal(t, t);
    const regions = cleanup(steps);
    // A change region holds every step that is not an equal pair (folding only widens them).
    return { segments: toSegments(steps, regions), changed: regions.some((r) => !r.equal), replacedWhole: state.replacedWhole };
  }

  /**
   * Myers (jsdiff) on a range, after trimming the common prefix and suffix. A large range is first
   * cut at anchors, tokens that occur exactly once in each text, in order, so the edit script of
   * a long amended provision is found piece by piece instead of across the whole.
   */
  private diffRange(a: Token[], a0: number, a1: number, b: Token[], b0: number, b1: number, maxEditLength: number, out: Script, state: { replacedWhole: boolean }): void {
    while (a0 < a1 && b0 < b1 && a[a0]!.key === b[b0]!.key) out.equal(a[a0++]!, b[b0++]!);
    let e1 = a1;
    let f1 = b1;
    while (e1 > a0 && f1 > b0 && a[e1 - 1]!.key === b[f1 - 1]!.key) {
      e1--;
      f1--;
    }
    const tail = () => {
      for (let i = 0; i < a1 - e1; i++) out.equal(a[e1 + i]!, b[f1 + i]!);
    };
    if (a0 === e1 || b0 === f1) {
      for (let i = a0; i < e1; i++) out.delete(a[i]!);
      for (let j = b0; j < f1; j++) out.insert(b[j]!);
      tail();
      return;
    }
    if ((e1 - a0) * (f1 - b0) > ANCHOR_OVER) {
      const anchors = uniqueAnchors(a, a0, e1, b, b0, f1);
      if (anchors.length) {
        let i = a0;
        let j = b0;
        for (const [ai, bj] of anchors) {
          this.diffRange(a, i, ai, b, j, bj, maxEditLength, out, state);
          out.equal(a[ai]!, b[bj]!);
          i = ai + 1;
          j = bj + 1;
        }
        this.diffRange(a, i, e1, b, j, f1, maxEditLength, out, state);
        tail();
        return;
      }
    }
    if (!this.myers(a, a0, e1, b, b0, f1, maxEditLength, out)) {
      // Past the bound: show the changed middle as one replacement rather than run unbounded.
      state.replacedWhole = true;
      for (let i = a0; i < e1; i++) out.delete(a[i]!);
      for (let j = b0; j < f1; j++) out.insert(b[j]!);
    }
    tail();
  }

  /**
   * jsdiff's Myers on a range, without the tokens that have no equal on the other side (GNU diff's
   * discarding): they can only be deleted or inserted, and a rewritten provision is mostly such
   * tokens, so Myers runs on a fraction of the range. They are put back where they stand. The
   * script stays minimal, since every common subsequence is made of tokens both sides have, and
   * the bound still counts them. False, with nothing written, past the bound.
   */
  private myers(a: Token[], a0: number, a1: number, b: Token[], b0: number, b1: number, maxEditLength: number, out: Script): boolean {
    // Which keys each side has, marked in a table by key id (ids are small integers).
    let max = 0;
    for (let i = a0; i < a1; i++) max = Math.max(max, a[i]!.key);
    for (let j = b0; j < b1; j++) max = Math.max(max, b[j]!.key);
    if (max >= this.marks.length) this.marks = new Uint8Array(Math.max(max + 1, 2 * this.marks.length));
    const { marks } = this;
    for (let i = a0; i < a1; i++) marks[a[i]!.key]! |= IN_OLD;
    for (let j = b0; j < b1; j++) marks[b[j]!.key]! |= IN_NEW;
    const keptA: number[] = [];
    const keptB: number[] = [];
    for (let i = a0; i < a1; i++) if (marks[a[i]!.key] === BOTH) keptA.push(i);
    for (let j = b0; j < b1; j++) if (marks[b[j]!.key] === BOTH) keptB.push(j);
    for (let i = a0; i < a1; i++) marks[a[i]!.key] = 0;
    for (let j = b0; j < b1; j++) marks[b[j]!.key] = 0;
    const discarded = a1 - a0 - keptA.length + (b1 - b0 - keptB.length);
    if (discarded > maxEditLength) return false;
    // The pairs of equal tokens, by their places in `a` and `b`.
    const pairs: number[] = [];
    if (keptA.length === keptB.length && sameKeys(a, keptA, b, keptB)) {
      // What is left is the same on both sides (a third of the calls): every kept token pairs.
      for (let k = 0; k < keptA.length; k++) pairs.push(keptA[k]!, keptB[k]!);
    } else if (keptA.length && keptB.length) {
      const changes = this.engine.diff(
        keptA.map((i) => a[i]!),
        keptB.map((j) => b[j]!),
        { maxEditLength: maxEditLength - discarded },
      );
      if (!changes) return false;
      let i = 0;
      let j = 0;
      for (const c of changes) {
        if (c.added) j += c.count;
        else if (c.removed) i += c.count;
        else for (let k = 0; k < c.count; k++) pairs.push(keptA[i++]!, keptB[j++]!);
      }
    }
    let i = a0;
    let j = b0;
    for (let p = 0; p <= pairs.length; p += 2) {
      const ai = p < pairs.length ? pairs[p]! : a1;
      const bj = p < pairs.length ? pairs[p + 1]! : b1;
      while (i < ai) out.delete(a[i++]!);
      while (j < bj) out.insert(b[j++]!);
      if (p < pairs.length) out.equal(a[i++]!, b[j++]!);
    }
    return true;
  }
}

/** Above this many token pairs, split the texts at tokens found once in each (patience anchors). */
const ANCHOR_OVER = 4096;

/** The tokens of `a` at `ia` have the keys of those of `b` at `ib`, in order. */
function sameKeys(a: Token[], ia: number[], b: Token[], ib: number[]): boolean {
  for (let k = 0; k < ia.length; k++) if (a[ia[k]!]!.key !== b[ib[k]!]!.key) return false;
  return true;
}

const IN_OLD = 1;
const IN_NEW = 2;
const BOTH = IN_OLD | IN_NEW;

/** Pairs (i, j) of tokens unique in both ranges, the longest run increasing in both. */
function uniqueAnchors(a: Token[], a0: number, a1: number, b: Token[], b0: number, b1: number): Array<[number, number]> {
  const seen = new Map<number, { ai: number; an: number; bj: number; bn: number }>();
  for (let i = a0; i < a1; i++) {
    const k = a[i]!.key;
    const e = seen.get(k);
    if (e) e.an++;
    else seen.set(k, { ai: i, an: 1, bj: -1, bn: 0 });
  }
  for (let j = b0; j < b1; j++) {
    const e = seen.get(b[j]!.key);
    if (e) {
      e.bn++;
      e.bj = j;
    }
  }
  const cands: Array<[number, number]> = [];
  for (const e of seen.values()) if (e.an === 1 && e.bn === 1) cands.push([e.ai, e.bj]);
  cands.sort((x, y) => x[0] - y[0]);
  return increasingRun(cands.map((c) => ({ key: c, order: c[1] })));
}

/* ---------- readability ---------- */

/** A run of equal steps, or of changed ones: `steps[start..end)`. */
interface Region {
  equal: boolean;
  start: number;
  end: number;
  /** Characters deleted / inserted (for a change region) or shown (for an equal one). */
  del: number;
  ins: number;
  len: number;
}

/**
 * A Myers script pairs any equal tokens it can, so a rewritten sentence comes out as a confetti
 * of tiny changes around matched spaces and `the`s. As in diff-match-patch's semantic clean-up,
 * an equality no longer than the changes on both sides is folded into them (`toSegments` then
 * shows each change's deletions before its insertions). A region is a range of the steps, and a
 * fold joins three neighbouring ranges into one, so no step is copied.
 */
function cleanup(steps: Script): Region[] {
  const regions = toRegions(steps);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 1; i < regions.length - 1; i++) {
      const r = regions[i]!;
      if (!r.equal) continue;
      const before = regions[i - 1]!;
      const after = regions[i + 1]!;
      if (r.len <= Math.max(before.del, before.ins) && r.len <= Math.max(after.del, after.ins) && !isAnchor(steps, r)) {
        const merged: Region = {
          equal: false,
          start: before.start,
          end: after.end,
          del: before.del + r.len + after.del,
          ins: before.ins + r.len + after.ins,
          len: 0,
        };
        regions.splice(i - 1, 3, merged);
        changed = true;
        i = Math.max(0, i - 2);
      }
    }
  }
  return regions;
}

const TRAILING_SPACE = /\s+$/;

/** A paragraph break kept as an equality helps a reader find their place. */
function isAnchor(steps: Script, r: Region): boolean {
  for (let k = r.start; k < r.end; k++) if (steps.news[k]!.text.includes('\n\n')) return true;
  return false;
}

function toRegions(steps: Script): Region[] {
  const out: Region[] = [];
  let r: Region | undefined;
  for (let k = 0; k < steps.length; k++) {
    const o = steps.olds[k] as Token | null;
    const n = steps.news[k] as Token | null;
    const equal = o !== null && n !== null;
    if (!r || r.equal !== equal) {
      r = { equal, start: k, end: k, del: 0, ins: 0, len: 0 };
      out.push(r);
    }
    r.end = k + 1;
    if (equal) r.len += n.text.length;
    else if (o) r.del += o.text.length;
    else r.ins += n!.text.length;
  }
  return out;
}

/* ---------- segments ---------- */

function segment(op: SegmentOp, text: string, style: SegmentStyle): Segment {
  // Most text is plain: no spread to make.
  return style === PLAIN_STYLE ? { op, text } : { op, text, ...style };
}

/**
 * The segments of a cleaned-up script: consecutive steps with the same operation and formatting
 * become one segment, and within each change region all deletions come before all insertions
 * (an equal step folded into the change is deleted and inserted). The space a link or reference
 * token carries is given back to plain text, so a link never ends in a space. An equal
 * segment's old text is built only from its first piece that differs from the new: up to there
 * it is the new text.
 */
function toSegments(steps: Script, regions: readonly Region[]): Segment[] {
  const out: Segment[] = [];
  let cur: { op: SegmentOp; styleKey: string; text: string; old: string | null; style: SegmentStyle } | null = null;
  const flush = () => {
    if (!cur) return;
    const s = segment(cur.op, cur.text, cur.style);
    if (cur.old !== null && cur.old !== cur.text) s.old = cur.old;
    out.push(s);
    cur = null;
  };
  const add = (op: SegmentOp, styleKey: string, style: SegmentStyle, text: string, old: string) => {
    if (!cur || cur.op !== op || cur.styleKey !== styleKey) {
      flush();
      cur = { op, styleKey, text: '', old: null, style };
    }
    if (cur.old !== null) cur.old += old;
    else if (op === 'equal' && old !== text) cur.old = cur.text + old;
    cur.text += text;
  };
  /** One step: `shown` is the token shown, `text` its text (trimmed, or as it is), `old` the old text of an equal step. */
  const step = (op: SegmentOp, shown: Token, text: string, old: string) => {
    const { style, styleKey } = shown.run;
    const linked = style.href !== undefined || style.xref !== undefined;
    const ws = linked ? TRAILING_SPACE.exec(text)?.[0] : undefined;
    if (ws && ws.length < text.length) {
      const oldWs = op === 'equal' ? (TRAILING_SPACE.exec(old)?.[0] ?? '') : '';
      add(op, styleKey, style, text.slice(0, -ws.length), old.slice(0, old.length - oldWs.length));
      add(op, '', PLAIN_STYLE, ws, oldWs);
    } else add(op, styleKey, style, text, old);
  };
  const { olds, news } = steps;
  for (const r of regions) {
    if (r.equal) {
      for (let k = r.start; k < r.end; k++) step('equal', news[k]!, news[k]!.text, olds[k]!.text);
      continue;
    }
    let lastDel = -1;
    let lastIns = -1;
    for (let k = r.start; k < r.end; k++) {
      if (olds[k]) lastDel = k;
      if (news[k]) lastIns = k;
    }
    // Tokens carry their trailing space; when both sides of a replacement end in one, that space
    // is not part of the change (`[-monthly-]{+quarterly+} report`, not `[-monthly -]{+quarterly +}report`).
    let dws = '';
    let iws = '';
    if (lastDel >= 0 && lastIns >= 0) {
      const d = olds[lastDel]!.text;
      const i = news[lastIns]!.text;
      dws = TRAILING_SPACE.exec(d)?.[0] ?? '';
      iws = TRAILING_SPACE.exec(i)?.[0] ?? '';
      if (!dws || !iws || dws.length === d.length || iws.length === i.length) dws = iws = '';
    }
    for (let k = r.start; k < r.end; k++) {
      const o = olds[k];
      if (o) step('delete', o, k === lastDel && dws ? o.text.slice(0, -dws.length) : o.text, '');
    }
    for (let k = r.start; k < r.end; k++) {
      const n = news[k];
      if (n) step('insert', n, k === lastIns && iws ? n.text.slice(0, -iws.length) : n.text, '');
    }
    if (dws) add('equal', '', PLAIN_STYLE, iws, dws);
  }
  flush();
  return referencesMarkedAtTheNumber(out);
}

/**
 * A reference whose number changed reads `Clause ~~10.2~~ 10.3`, as published redlines show it,
 * not `~~Clause 10.2~~ Clause 10.3`: a reference (or link) is one token to the diff, so it aligns
 * as one unit, and only here are the whole words its deleted and inserted forms start with taken
 * out of both as unmarked text. Rejecting or accepting every change gives the same text as before.
 */
function referencesMarkedAtTheNumber(segments: Segment[]): Segment[] {
  let out: Segment[] | null = null;
  for (let i = 0; i < segments.length; i++) {
    const del = segments[i]!;
    const ins = segments[i + 1];
    const shared = ins && del.op === 'delete' && ins.op === 'insert' && isReference(del) && isReference(ins) ? sharedWordPrefix(del.text, ins.text) : 0;
    if (!ins || shared === 0) {
      out?.push(del);
      continue;
    }
    out ??= segments.slice(0, i);
    // The shared words keep the inserted side's target: they name the clause as it now is.
    out.push({ ...ins, op: 'equal', text: ins.text.slice(0, shared) }, { ...del, text: del.text.slice(shared) }, { ...ins, text: ins.text.slice(shared) });
    i++;
  }
  return out ?? segments;
}

function isReference(s: Segment): boolean {
  return s.xref !== undefined || s.href !== undefined;
}

/** The length of the whole words (with the space after them) two texts start with, short of all of either. */
function sharedWordPrefix(a: string, b: string): number {
  let end = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) break;
    if (a[i] === ' ' || a[i] === '\u00a0') end = i + 1;
  }
  return end < a.length && end < b.length ? end : 0;
}

/** One side's tokens all match the other's from the start. */
function agreeToEnd(a: Token[], b: Token[]): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i]!.key === b[i]!.key) i++;
  return i === a.length || i === b.length;
}

function sameRuns(a: readonly StyledRun[], b: readonly StyledRun[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.text !== b[i]!.text || a[i]!.styleKey !== b[i]!.styleKey) return false;
  return true;
}

/**
 * A block as one operation: `wholeSegments(op, blockRuns(block))`, without the runs for plain
 * text and for a paragraph of plain text and references (nearly every block). Unchanged, such a
 * paragraph's segments are made once (`unchangedSegments`).
 */
export function blockSegments(op: SegmentOp, block: Block): Segment[] {
  if (block.type === 'paragraph' || block.type === 'heading') {
    const segments = op === 'equal' ? unchangedSegments(block) : inlineSegments(op, block.children);
    if (segments) return segments;
  }
  const text = plainBlockText(block);
  return text === null ? wholeSegments(op, blockRuns(block)) : plainSegments(op, text);
}

/** Some runs as one operation: a whole deletion or insertion, or unchanged text. */
export function wholeSegments(op: SegmentOp, runs: readonly StyledRun[]): Segment[] {
  return runs.map((r) => segment(op, r.text, r.style));
}
