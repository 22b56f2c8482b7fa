/**
 * Which clause of a version is which clause of the version it replaces, as the redline aligns
 * them. `history`, the checks across versions and the annex all read this one alignment, so
 * they never disagree about what was renumbered, moved or deleted.
 */
import { walkChanges, type ClauseChange } from '../model/change.js';
import type { Clause, ClauseDocument } from '../model/types.js';
import { diffDocuments } from '../diff/index.js';
import type { DocumentDiff } from '../model/change.js';

export interface Correspondence {
  /** Old clause -> its new self; absent when deleted. */
  forward: Map<Clause, Clause>;
  /** New clause -> its old self; absent when inserted. */
  backward: Map<Clause, Clause>;
  /** The redline's change for each clause, old or new. */
  change: Map<Clause, ClauseChange>;
}

const cache = new WeakMap<ClauseDocument, WeakMap<ClauseDocument, Correspondence>>();
const redlines = new WeakMap<ClauseDocument, WeakMap<ClauseDocument, DocumentDiff>>();

/** The redline of `before` -> `after`, computed once per pair of parsed documents (the checks across versions and a preview page share it). */
export function redlineOf(before: ClauseDocument, after: ClauseDocument): DocumentDiff {
  let byAfter = redlines.get(before);
  if (!byAfter) redlines.set(before, (byAfter = new WeakMap()));
  let found = byAfter.get(after);
  if (!found) byAfter.set(after, (found = diffDocuments(before, after)));
  return found;
}

/** The redline's alignment of `before` and `after` (computed once per pair of parsed documents). */
export function correspondence(before: ClauseDocument, after: ClauseDocument): Correspondence {
  let byAfter = cache.get(before);
  if (!byAfter) cache.set(before, (byAfter = new WeakMap()));
  let found = byAfter.get(after);
  if (!found) {
    found = { forward: new Map(), backward: new Map(), change: new Map() };
    for (const c of walkChanges(redlineOf(before, after).clauses)) {
      if (c.old) found.change.set(c.old.clause, c);
      if (c.new) found.change.set(c.new.clause, c);
      if (c.old && c.new) {
        found.forward.set(c.old.clause, c.new.clause);
        found.backward.set(c.new.clause, c.old.clause);
      }
    }
    byAfter.set(after, found);
  }
  return found;
}
