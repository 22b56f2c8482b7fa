/**
 * `diffDocuments`' options (src/diff/index.ts): each one given, and each one left to its default
 * (formatting hidden, a word diff bounded at 4,000 edits, clauses paired at 0.5 similarity), on
 * small documents whose outcome is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/index.js';
import type { DocumentDiff } from '../../src/model/change.js';
import { parse } from './helpers.js';

const rows = (d: DocumentDiff) => d.clauses[0]!.children.map((c) => `${c.status} ${c.old?.number ?? '-'}>${c.new?.number ?? '-'}${c.amended ? ' amended' : ''}`);

// Old 1.1 reworded and pushed down to 1.2 by a new, unrelated 1.1. Its words against the old:
// words 2*9/26, word pairs 2*4/24, 0.513 on average: paired at the default 0.5, not at 0.9.
const X = 'The Panel shall meet every quarter in London to review the Migration Schedule.';
const X2 = 'The Panel shall meet every year in Cardiff to agree the Supplier Schedule.';
const Y = 'Each Supplier Party shall provide the information that the DCC reasonably requests.';
const OLD = parse(`## 1 Part\n\n1.1 ${X}\n\n1.2 ${Y}\n`);
const NEW = parse(`## 1 Part\n\n1.1 A new first provision about the keeping of registers of meters by the DCC.\n\n1.2 ${X2}\n\n1.3 ${Y}\n`);

describe('diffDocuments options', () => {
  it('should pair a reworded clause that changed number at the default threshold, and not at a higher one given', () => {
    const paired = ['inserted ->1.1', 'renumbered 1.1>1.2 amended', 'renumbered 1.2>1.3'];
    expect(rows(diffDocuments(OLD, NEW))).toEqual(paired);
    expect(rows(diffDocuments(OLD, NEW, { similarityThreshold: 0.5 }))).toEqual(paired);
    expect(rows(diffDocuments(OLD, NEW, { similarityThreshold: 0.9 }))).toEqual(['deleted 1.1>-', 'inserted ->1.1', 'inserted ->1.2', 'renumbered 1.2>1.3']);
  });

  it('should leave a change of line wrapping unmarked by default, and mark it when formatting is shown', () => {
    const a = parse('## 1 Part\n\n1.1 The report is\ndue by the end of the month.\n');
    const b = parse('## 1 Part\n\n1.1 The report is due by the end of the month.\n');
    expect(rows(diffDocuments(a, b))).toEqual(['unchanged 1.1>1.1']);
    expect(rows(diffDocuments(a, b, { showFormatting: false }))).toEqual(['unchanged 1.1>1.1']);
    expect(rows(diffDocuments(a, b, { showFormatting: true }))).toEqual(['amended 1.1>1.1 amended']);
  });

  it('should see `§ 20a` and `§20a` as one number by default, and as renumbered when formatting is shown', () => {
    const a = parse('## § 20a Scope\n\nText of the section.\n');
    const b = parse('## §20a Scope\n\nText of the section.\n');
    expect(diffDocuments(a, b).clauses.map((c) => c.status)).toEqual(['unchanged']);
    expect(diffDocuments(a, b, { showFormatting: true }).clauses.map((c) => c.status)).toEqual(['renumbered']);
  });

  it('should replace a text whole past an edit bound given, and not past the default bound of 4,000', () => {
    // X to X2 is four words deleted and four inserted: past a bound of 2, well within 4,000.
    expect(diffDocuments(OLD, NEW).summary.replacedWhole).toBe(0);
    expect(diffDocuments(OLD, NEW, { maxEditLength: 4000 }).summary.replacedWhole).toBe(0);
    expect(diffDocuments(OLD, NEW, { maxEditLength: 2 }).summary.replacedWhole).toBe(1);
  });
});
