/**
 * The redline engine: two clause trees -> a DocumentDiff, in three stages, each with one handoff:
 *
 * 1. `pairClauses` (pair.ts): every old clause paired with its new self, or left on one side,
 *    as an immutable tree of pairs in redline order (so a renumbered or moved clause is compared
 *    with its old self, never shown as a deletion plus an insertion).
 * 2. `compareBlocks` (compare.ts): each pair's status as far as the pairing settles it
 *    (renumbered, moved), its blocks, and a table's columns and rows, paired; each changed text
 *    as its old and new runs.
 * 3. `markWords` (mark.ts): word marks inside each changed text (jsdiff over tokens), and the
 *    statuses and counts that follow from them.
 *
 * Words are compared inside each pair only, never across the whole document. Pure: no file
 * system, no clock; every word diff is bounded. This module only composes the stages.
 */
import { DEFAULT_DIFF_OPTIONS, type DiffOptions, type DocumentDiff } from '../model/change.js';
import type { ClauseDocument } from '../model/types.js';
import { compareBlocks } from './compare.js';
import { markWords } from './mark.js';
import { pairClauses } from './pair.js';

export function diffDocuments(oldDoc: ClauseDocument, newDoc: ClauseDocument, options: DiffOptions = {}): DocumentDiff {
  // One literal, not a spread: a spread builds its hidden class by transitions that a full GC
  // can drop, and the code that reads it is then deoptimised.
  const opts: Required<DiffOptions> = {
    showFormatting: options.showFormatting ?? DEFAULT_DIFF_OPTIONS.showFormatting,
    maxEditLength: options.maxEditLength ?? DEFAULT_DIFF_OPTIONS.maxEditLength,
    similarityThreshold: options.similarityThreshold ?? DEFAULT_DIFF_OPTIONS.similarityThreshold,
  };
  const pairing = pairClauses(oldDoc, newDoc, { similarityThreshold: opts.similarityThreshold });
  const comparison = compareBlocks(pairing, { showFormatting: opts.showFormatting });
  return markWords(comparison, opts);
}
