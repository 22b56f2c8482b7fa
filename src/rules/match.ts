/**
 * Which clause of one version is which clause of the next, when numbers may have shifted.
 * Evidence, strongest first: the same stable key; (when asked) the same rule id; the same text;
 * the same number with similar text or the same heading; similar text; and last the same number.
 * Sub-paragraphs follow their provision and match by label.
 */
import type { Clause, ClauseDocument } from '../model/types.js';
import { clauseText, walkClauses } from '../model/text.js';

export interface MatchOptions {
  /** Rule ids per clause in each version: a rule id shared by two clauses ties them together. */
  rulesOf?: { old: (c: Clause) => readonly string[]; new: (c: Clause) => readonly string[] };
}

function isProvision(c: Clause): boolean {
  return c.style === 'decimal' || c.style === 'section' || c.style === 'article' || c.style === 'letter-heading';
}

function words(c: Clause): Set<string> {
  const text = `${c.heading ?? ''} ${clauseText(c)}`.toLowerCase();
  return new Set(text.match(/[a-z0-9]+/g) ?? []);
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

function normalised(c: Clause): string {
  return `${c.heading ?? ''}\n${clauseText(c)}`.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A map from clauses of `before` to their counterparts in `after`; unmatched clauses are absent. */
export function matchClauses(before: ClauseDocument, after: ClauseDocument, options: MatchOptions = {}): Map<Clause, Clause> {
  const olds = [...walkClauses(before.clauses)].filter(isProvision);
  const news = [...walkClauses(after.clauses)].filter(isProvision);
  const map = new Map<Clause, Clause>();
  const taken = new Set<Clause>();
  const pair = (a: Clause, b: Clause) => {
    map.set(a, b);
    taken.add(b);
  };
  const free = () => olds.filter((a) => !map.has(a));
  const open = () => news.filter((b) => !taken.has(b));
  const stage = (test: (a: Clause, b: Clause) => boolean) => {
    for (const a of free()) {
      const b = open().find((candidate) => test(a, candidate));
      if (b) pair(a, b);
    }
  };

  stage((a, b) => a.key !== null && a.key === b.key);
  if (options.rulesOf) {
    const { old: oldRules, new: newRules } = options.rulesOf;
    stage((a, b) => oldRules(a).some((id) => newRules(b).includes(id)));
  }
  const text = new Map<Clause, string>([...olds, ...news].map((c) => [c, normalised(c)]));
  stage((a, b) => text.get(a) === text.get(b) && text.get(a) !== '');
  const bag = new Map<Clause, Set<string>>([...olds, ...news].map((c) => [c, words(c)]));
  stage((a, b) => a.number === b.number && (similarity(bag.get(a)!, bag.get(b)!) >= 0.5 || (a.heading !== null && a.heading === b.heading)));
  // Similar text: best pairs first, so one near-copy does not steal another's partner.
  const candidates: Array<{ a: Clause; b: Clause; score: number }> = [];
  for (const a of free()) for (const b of open()) {
    const score = similarity(bag.get(a)!, bag.get(b)!);
    if (score >= 0.6) candidates.push({ a, b, score });
  }
  candidates.sort((x, y) => y.score - x.score);
  for (const { a, b } of candidates) if (!map.has(a) && !taken.has(b)) pair(a, b);
  stage((a, b) => a.number === b.number && sameParentNumber(before, a, after, b, map));

  // Sub-paragraphs: same label under matched parents.
  for (const [a, b] of [...map]) matchChildren(a, b, map);
  return map;
}

/** A same-numbered clause only counts when its parent did not move elsewhere. */
function sameParentNumber(before: ClauseDocument, a: Clause, after: ClauseDocument, b: Clause, map: Map<Clause, Clause>): boolean {
  const pa = parentOf(before.clauses, a);
  const pb = parentOf(after.clauses, b);
  if (!pa || !pb) return pa === pb;
  const moved = map.get(pa);
  return moved === undefined || moved === pb;
}

function parentOf(list: readonly Clause[], target: Clause, parent: Clause | null = null): Clause | null {
  for (const c of list) {
    if (c === target) return parent;
    const found = parentOf(c.children, target, c);
    if (found) return found;
  }
  return null;
}

function matchChildren(a: Clause, b: Clause, map: Map<Clause, Clause>): void {
  for (const child of a.children) {
    if (isProvision(child) || map.has(child)) continue;
    const twin = b.children.find((x) => !isProvision(x) && x.number === child.number && x.style === child.style);
    if (twin) {
      map.set(child, twin);
      matchChildren(child, twin, map);
    }
  }
}
