/**
 * Property tests: random documents, random edits (word edits, inserted, deleted, renumbered and
 * moved provisions, sub-paragraphs, table rows, re-wrapped lines, emphasis), and two laws:
 *   1. rejecting every change gives the old text of every clause, accepting every change the
 *      new text, and every clause of both versions appears exactly once;
 *   2. a provision that survives whole is never shown as a deletion plus an insertion, however
 *      its number or parent changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/index.js';
import { walkChanges } from '../../src/model/change.js';
import { clauseText } from '../../src/model/text.js';
import { invariantProblems, parse } from './helpers.js';

interface Sub {
  id: number;
  words: string[];
}
interface Row {
  key: string;
  words: string[];
}
interface Prov {
  id: number;
  words: string[];
  subs: Sub[];
  rows: Row[] | null;
  wrap: number;
  bold: number;
}
interface Section {
  heading: string;
  provs: Prov[];
}
type Doc = Section[];

const VOCAB = [
  'the', 'DCC', 'shall', 'may', 'not', 'Supplier Party', 'Smart Metering System', 'Clause 3.2', 'Clause 18.12(a)', 'Section F2.10A',
  '10 June 2022', '500,000', 'within', 'days', 'after', 'notice', 'and', 'or', 'each', 'Migration', 'Dormant Meter', 'report',
  'publish', 'data', 'cohort', 'request', 'by', 'of', 'in', 'writing', 'reasonably', 'Working Days', 'SMETS1', 'installation', 'Panel',
  'meter', 'firmware', 'upgrade', 'testing', 'schedule', 'consult', 'approve', 'reject', 'appeal', 'dispute', 'record', 'register',
  'supplier', 'network', 'operator', 'gateway', 'hub', 'device', 'premises', 'tariff', 'charge', 'invoice', 'refund', 'period',
  'month', 'year', 'quarterly', 'annual', 'audit', 'security', 'incident', 'breach', 'remedy', 'cure', 'terminate', 'suspend',
];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const word = fc.constantFrom(...VOCAB);
// Distinct words: real provisions differ from each other; a text of six `the`s does not.
const words = (min: number, max: number) => fc.uniqueArray(word, { minLength: min, maxLength: max });

let serial = 0;
/** A marker word unique to one provision, so the second law can follow it. */
const marker = (id: number) => `Marker${id}x`;

const sub = words(3, 8).map((w): Sub => ({ id: ++serial, words: w }));
const row = fc.tuple(fc.constantFrom('Alpha Term', 'Beta Term', 'Gamma Term', 'Delta Term', 'Epsilon Term', 'Zeta Term'), words(2, 6)).map(([key, w]): Row => ({ key, words: w }));
const prov = fc
  .record({ words: words(6, 16), subs: fc.array(sub, { maxLength: 3 }), rows: fc.option(fc.uniqueArray(row, { selector: (r) => r.key, minLength: 1, maxLength: 4 }), { freq: 4 }) })
  .map((p): Prov => ({ id: ++serial, words: p.words, subs: p.subs, rows: p.rows, wrap: 0, bold: -1 }));
const section = fc.record({ heading: fc.constantFrom('General', 'Reporting', 'Migration', 'Testing', 'Definitions'), provs: fc.array(prov, { minLength: 1, maxLength: 4 }) });
const doc = fc.array(section, { minLength: 1, maxLength: 4 });

function render(d: Doc): string {
  const out: string[] = [];
  d.forEach((s, i) => {
    out.push(`## ${i + 1} ${s.heading}`);
    s.provs.forEach((p, j) => {
      const ws = [marker(p.id), ...p.words].map((w, k) => (k === p.bold ? `**${w}**` : w));
      // Re-wrapping: a line break after every `wrap` words.
      const text = p.wrap > 0 ? ws.map((w, k) => (k > 0 && k % p.wrap === 0 ? `\n${w}` : ` ${w}`)).join('').trim() : ws.join(' ');
      out.push(`${i + 1}.${j + 1} ${text}`);
      p.subs.forEach((x, k) => out.push(`(${LETTERS[k % 26]}) ${marker(x.id)} ${x.words.join(' ')}`));
      if (p.rows) out.push(['| Term | Meaning |', '| --- | --- |', ...p.rows.map((r) => `| ${r.key} | ${r.words.join(' ')} |`)].join('\n'));
    });
  });
  return out.join('\n\n') + '\n';
}

type Edit =
  | { kind: 'word'; s: number; p: number; at: number; op: 'set' | 'add' | 'drop'; w: string }
  | { kind: 'insert'; s: number; at: number; prov: Prov }
  | { kind: 'delete'; s: number; p: number }
  | { kind: 'move'; s: number; p: number; to: number; at: number }
  | { kind: 'sub'; s: number; p: number; at: number; op: 'add' | 'drop' | 'edit'; sub: Sub }
  | { kind: 'row'; s: number; p: number; at: number; op: 'add' | 'drop' | 'edit'; row: Row }
  | { kind: 'wrap'; s: number; p: number; n: number }
  | { kind: 'bold'; s: number; p: number; at: number };

const idx = fc.nat(50);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('word' as const), s: idx, p: idx, at: idx, op: fc.constantFrom('set' as const, 'add' as const, 'drop' as const), w: word }),
  fc.record({ kind: fc.constant('insert' as const), s: idx, at: idx, prov }),
  fc.record({ kind: fc.constant('delete' as const), s: idx, p: idx }),
  fc.record({ kind: fc.constant('move' as const), s: idx, p: idx, to: idx, at: idx }),
  fc.record({ kind: fc.constant('sub' as const), s: idx, p: idx, at: idx, op: fc.constantFrom('add' as const, 'drop' as const, 'edit' as const), sub }),
  fc.record({ kind: fc.constant('row' as const), s: idx, p: idx, at: idx, op: fc.constantFrom('add' as const, 'drop' as const, 'edit' as const), row }),
  fc.record({ kind: fc.constant('wrap' as const), s: idx, p: idx, n: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('bold' as const), s: idx, p: idx, at: idx }),
);

function apply(base: Doc, edits: Edit[]): Doc {
  const d: Doc = structuredClone(base);
  for (const e of edits) {
    const s = d[e.s % d.length]!;
    if (e.kind === 'insert') {
      s.provs.splice(e.at % (s.provs.length + 1), 0, structuredClone(e.prov));
      continue;
    }
    if (!s.provs.length) continue;
    const pi = e.p % s.provs.length;
    const p = s.provs[pi]!;
    switch (e.kind) {
      case 'word': {
        const at = e.at % (p.words.length + 1);
        if (e.op === 'add') p.words.splice(at, 0, e.w);
        else if (p.words.length > 3 && at < p.words.length) e.op === 'set' ? (p.words[at] = e.w) : p.words.splice(at, 1);
        break;
      }
      case 'delete':
        if (s.provs.length > 1) s.provs.splice(pi, 1);
        break;
      case 'move': {
        const [moved] = s.provs.splice(pi, 1);
        const t = d[e.to % d.length]!;
        t.provs.splice(e.at % (t.provs.length + 1), 0, moved!);
        break;
      }
      case 'sub': {
        const at = e.at % (p.subs.length + 1);
        if (e.op === 'add') p.subs.splice(at, 0, structuredClone(e.sub));
        else if (at < p.subs.length) e.op === 'drop' ? p.subs.splice(at, 1) : (p.subs[at]!.words = [...e.sub.words]);
        break;
      }
      case 'row': {
        if (!p.rows) {
          if (e.op === 'add') p.rows = [structuredClone(e.row)];
          break;
        }
        const at = e.at % (p.rows.length + 1);
        if (e.op === 'add' && !p.rows.some((r) => r.key === e.row.key)) p.rows.splice(at, 0, structuredClone(e.row));
        else if (e.op === 'drop' && at < p.rows.length && p.rows.length > 1) p.rows.splice(at, 1);
        else if (e.op === 'edit' && at < p.rows.length) p.rows[at]!.words = [...e.row.words];
        break;
      }
      case 'wrap':
        p.wrap = e.n;
        break;
      case 'bold':
        p.bold = 1 + (e.at % p.words.length);
        break;
    }
  }
  return d;
}

describe('redline properties', () => {
  it('should give back exactly the old text on reject and the new text on accept, for any edits', () => {
    fc.assert(
      fc.property(doc, fc.array(edit, { maxLength: 8 }), fc.boolean(), (base, edits, showFormatting) => {
        const a = parse(render(base));
        const b = parse(render(apply(base, edits)));
        const problems = invariantProblems(diffDocuments(a, b, { showFormatting }), a, b);
        expect(problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('should never show a provision that survived whole as deleted or inserted', () => {
    const structural = edit.filter((e) => e.kind === 'insert' || e.kind === 'delete' || e.kind === 'move');
    fc.assert(
      fc.property(doc, fc.array(structural, { minLength: 1, maxLength: 6 }), (base, edits) => {
        const after = apply(base, edits);
        const a = parse(render(base));
        const b = parse(render(after));
        const d = diffDocuments(a, b);
        const markerOf = (text: string) => /^Marker\d+x/.exec(text)?.[0] ?? null;
        const survivors = new Set(after.flatMap((s) => s.provs.map((p) => marker(p.id))));
        for (const c of walkChanges(d.clauses)) {
          const m = markerOf(clauseText((c.old ?? c.new)!.clause));
          if (!m || !survivors.has(m) || c.old?.clause.style !== 'decimal') continue;
          // The old provision is still there (maybe renumbered, maybe moved): it must be paired.
          const wasThere = base.some((s) => s.provs.some((p) => marker(p.id) === m));
          if (wasThere) expect([c.status, m]).not.toContain('deleted');
        }
        for (const c of walkChanges(d.clauses)) {
          if (c.status !== 'inserted' || c.new!.clause.style !== 'decimal') continue;
          const m = markerOf(clauseText(c.new!.clause));
          expect(base.some((s) => s.provs.some((p) => marker(p.id) === m)), `${m} inserted but was in the old version`).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});
