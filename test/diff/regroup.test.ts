/**
 * Issue 22, class 5: paragraphs split, merged or reordered inside a clause. Unchanged text is
 * not struck and re-inserted: a split or merge marks only the words that changed and the
 * paragraph break, a paragraph that changed place is marked moved. Real pairs of the corpus
 * first, then a property over a real clause's paragraphs split, merged and reordered.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/index.js';
import { blockText, walkClauses } from '../../src/model/text.js';
import type { ClauseChange, ContentChange, DocumentDiff, Segment, TextBlockChange } from '../../src/model/change.js';
import { acceptSegments, clauseSegments, rejectSegments, walkChanges } from '../../src/model/change.js';
import { diffToJson } from '../../src/render/json/diff.js';
import { diffToText } from '../../src/render/text/diff.js';
import { cli, realCorpusDir, repoRoot } from '../helpers.js';
import { expectExact, findChange, invariantProblems, parse, parseFile } from './helpers.js';

const marked = (segs: readonly Segment[], op: 'insert' | 'delete') => segs.filter((s) => s.op === op).map((s) => s.text.trim()).filter(Boolean);
const texts = (c: ClauseChange) => [...c.content, ...c.tail].filter((b): b is TextBlockChange => b.kind === 'text');

function realPair(folder: string, before: string, after: string) {
  const a = parseFile(join(realCorpusDir, folder, before));
  const b = parseFile(join(realCorpusDir, folder, after));
  return { a, b, diff: diffDocuments(a, b) };
}
const byCitation = (d: DocumentDiff, citation: string) => findChange(d, (c) => (c.new ?? c.old)!.citation === citation)!;

describe('split, merged and reordered paragraphs on the real corpus', () => {
  it('should mark only the changed words of a paragraph split in two (Marketplace agreement 2021-08-24 -> 2024-05-17, clause 5.1(iii))', () => {
    const { a, b, diff } = realPair('en-github-site-policy', 'github-marketplace-developer-agreement__2021-08-24.md', 'github-marketplace-developer-agreement__2024-05-17.md');
    expectExact(diff, a, b);
    const c = byCitation(diff, '5.1(iii)');
    expect(c.status).toBe('amended');
    const [first, second] = texts(c);
    expect(texts(c)).toHaveLength(2);
    expect(first).toMatchObject({ status: 'amended' });
    expect(first!.breakBefore).toBeUndefined();
    // The second sentence became its own paragraph: the break is the change, not the sentence.
    expect(second).toMatchObject({ status: 'amended', breakBefore: 'insert', old: null });
    expect(second!.segments.find((s) => s.op === 'equal')!.text).toBe('Developer shall maintain and handle all ');
    expect(marked(second!.segments, 'insert')).toEqual(['Personal Data', 'such Personal Data']);
    expect(marked(second!.segments, 'delete')).toEqual(['account data', 'account data']);
    // Every writer says so: the JSON carries the break, the terminal marks it.
    expect(JSON.stringify(diffToJson(diff))).toContain('"breakBefore":"insert"');
    expect(diffToText(diff, { color: false })).toContain('{+¶+} Developer shall maintain and handle all [-account data-]{+Personal Data+}');
  });

  it('should mark the one reworded phrase of a paragraph split in two (Code de la consommation 2014-03-18 -> 03-19, Article L215-3, 5th alinéa)', () => {
    const { a, b, diff } = realPair('fr-etalab-codes', 'code-de-la-consommation__2014-03-18.md', 'code-de-la-consommation__2014-03-19.md');
    expectExact(diff, a, b);
    const blocks = texts(byCitation(diff, 'Article L215-3'));
    const split = blocks.findIndex((x) => x.breakBefore === 'insert');
    expect(split).toBe(5);
    // Its first half is as it was: only the space where the break now is is marked.
    expect(blocks[split - 1]!.segments.filter((s) => s.op !== 'equal')).toEqual([{ op: 'delete', text: ' ' }]);
    expect(marked(blocks[split]!.segments, 'insert')).toEqual([',', 'ou tout document']);
    expect(blocks.filter((x) => x.status === 'inserted').map((x) => blockText(x.new!))).toEqual(['Les infractions et les manquements sont constatés par procès-verbaux, qui font foi jusqu\'à preuve contraire.']);
  });

  it("should mark Article L121-36's 2nd alinéa moved into the start of Article L121-37's 1st, at both ends, and only the words that changed (Code de la consommation 2014-03-18 -> 03-19)", () => {
    const { a, b, diff } = realPair('fr-etalab-codes', 'code-de-la-consommation__2014-03-18.md', 'code-de-la-consommation__2014-03-19.md');
    expectExact(diff, a, b);
    const l37 = byCitation(diff, 'Article L121-37');
    expect(l37.status).toBe('amended');
    const [merged] = texts(l37);
    expect(merged!.status).toBe('amended');
    // The old first alinéa stands whole; the sentence it took in, reworded into an opening, is the one insertion.
    expect(marked(merged!.segments, 'delete')).toEqual([]);
    expect(marked(merged!.segments, 'insert')).toEqual([
      "Lorsque les opérations mentionnées à l'article L. 121-36 sont réalisées par voie d'écrit et donnent lieu à un tirage au sort, quelles qu'en soient les modalités, le bulletin de participation à ces opérations doit être distinct de tout bon de commande de bien ou de service.",
    ]);
    expect(merged!.segments.filter((s) => s.op === 'equal').map((s) => s.text).join('')).toBe(blockText(merged!.old!));
    // Read as segments it is still a deletion in L121-36 and an insertion here (each version exact);
    // both ends name the other article, and against where it stood only its new opening is marked.
    const l36 = texts(byCitation(diff, 'Article L121-36'));
    expect(l36.map((x) => x.status)).toEqual(['amended', 'deleted']);
    expect(l36[1]!.moved).toEqual({ side: 'from', note: 'Moved to Article L121-37' });
    expect(merged!.movedIn).toMatchObject({ note: 'Moved from Article L121-36', at: 'start', amended: true });
    const moved = merged!.movedIn!.segments;
    expect(marked(moved, 'delete')).toEqual(['Le']);
    expect(marked(moved, 'insert')).toEqual(["Lorsque les opérations mentionnées à l'article L. 121-36 sont réalisées par voie d'écrit et donnent lieu à un tirage au sort, quelles qu'en soient les modalités, le"]);
    expect(rejectSegments(moved)).toBe(`${blockText(l36[1]!.old!)} ${blockText(merged!.old!)}`);
    expect(acceptSegments(moved)).toBe(blockText(merged!.new!));
    // The terminal shows both notes, the moved text with its one change.
    const text = diffToText(diff, { color: false, full: true });
    expect(text).toContain('[Moved to Article L121-37]');
    expect(text).toContain("[-Le-]{+Lorsque les opérations mentionnées à l'article L. 121-36");
    expect(text).toContain("presse d'information. [Moved from Article L121-36]");
  });

  it('should mark a paragraph that moved to the end of its article as moved, with only its reworded words marked (Code de la consommation, Article L214-1)', () => {
    const { diff } = realPair('fr-etalab-codes', 'code-de-la-consommation__2014-03-18.md', 'code-de-la-consommation__2014-03-19.md');
    const blocks = texts(byCitation(diff, 'Article L214-1'));
    const from = blocks.find((x) => x.moved?.side === 'from')!;
    const to = blocks.find((x) => x.moved?.side === 'to')!;
    expect(from.moved).toEqual({ side: 'from', note: 'Moved to paragraph 12' });
    expect(to.moved).toMatchObject({ side: 'to', note: 'Moved from paragraph 10', amended: true });
    expect(to.moved!.side === 'to' && to.moved!.segments[0]).toEqual({ op: 'equal', text: 'Les décrets prévus au présent article sont pris après avis de ' });
    expect(to.moved!.side === 'to' && marked(to.moved!.segments, 'insert')).toEqual(["l'agence mentionnée à l'article L. 1313-1 du code de la santé publique lorsqu'ils"]);
    // Read as segments, it is still a deletion there and an insertion here: each version exact.
    expect([from.status, to.status]).toEqual(['deleted', 'inserted']);
    expect(blocks.indexOf(from)).toBeLessThan(blocks.indexOf(to));
  });
});

/* ---------- generated: a real clause's paragraphs split, merged and reordered ---------- */

const L215_3 = (() => {
  const doc = parseFile(join(realCorpusDir, 'fr-etalab-codes', 'code-de-la-consommation__2014-03-18.md'));
  return [...walkClauses(doc.clauses)].find((c) => /\bL215-3$/.test(c.number ?? ''))!.content.map(blockText);
})();

const docOf = (paragraphs: readonly string[]) => `## 1 General\n\n1.1 ${paragraphs.join('\n\n')}\n\n1.2 The DCC shall report monthly to the Panel.\n`;

type Edit = { kind: 'split'; at: number } | { kind: 'merge'; at: number } | { kind: 'swap'; at: number };

function apply(paragraphs: readonly string[], e: Edit): string[] | null {
  const p = [...paragraphs];
  if (e.kind === 'split') {
    const cut = p[e.at]!.indexOf('. ');
    if (cut < 0) return null;
    p.splice(e.at, 1, p[e.at]!.slice(0, cut + 1), p[e.at]!.slice(cut + 2));
  } else if (e.kind === 'merge') {
    if (e.at + 1 >= p.length) return null;
    p.splice(e.at, 2, `${p[e.at]} ${p[e.at + 1]}`);
  } else {
    if (e.at + 1 >= p.length) return null;
    [p[e.at], p[e.at + 1]] = [p[e.at + 1]!, p[e.at]!];
  }
  return p;
}

describe('split, merged and reordered paragraphs, generated from a real clause (Code de la consommation, Article L215-3)', () => {
  it('should mark only the paragraph break or the move, never strike and re-insert the text, and stay exact', () => {
    expect(L215_3.length).toBeGreaterThanOrEqual(6);
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('split' as const), at: fc.nat(L215_3.length - 1) }),
      fc.record({ kind: fc.constant('merge' as const), at: fc.nat(L215_3.length - 2) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(L215_3.length - 2) }),
    );
    fc.assert(
      fc.property(edit, fc.boolean(), (e, showFormatting) => {
        const after = apply(L215_3, e);
        fc.pre(after !== null);
        const a = parse(docOf(L215_3));
        const b = parse(docOf(after!));
        const d = diffDocuments(a, b, { showFormatting });
        expect(invariantProblems(d, a, b)).toEqual([]);
        const c = [...walkChanges(d.clauses)].find((x) => x.new?.number === '1.1')!;
        expect(c.status).toBe('amended');
        const blocks: ContentChange[] = [...c.content, ...c.tail];
        const words = (b: TextBlockChange) => [...marked(b.segments, 'insert'), ...marked(b.segments, 'delete')];
        if (e.kind === 'swap') {
          const moved = blocks.filter((x): x is TextBlockChange => x.kind === 'text' && x.moved !== undefined);
          expect(moved.map((x) => x.moved!.side).sort()).toEqual(['from', 'to']);
          const to = moved.find((x) => x.moved!.side === 'to')!;
          expect(to.moved).toMatchObject({ amended: false });
          expect(blocks.filter((x) => x.status !== 'unchanged' && !(x.kind === 'text' && x.moved))).toEqual([]);
        } else {
          const breaks = blocks.filter((x) => x.kind === 'text' && x.breakBefore);
          expect(breaks.map((x) => x.kind === 'text' && x.breakBefore)).toEqual([e.kind === 'split' ? 'insert' : 'delete']);
          expect(blocks.filter((x) => x.status === 'inserted' || x.status === 'deleted')).toEqual([]);
          // No word changed: at most the space where the break is (shown with formatting, jsdiff
          // may align a full stop on either side of the break).
          if (!showFormatting) expect(blocks.flatMap((x) => (x.kind === 'text' ? words(x) : []))).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('a paragraph holding the character that stands for a paragraph break', () => {
  it('should not be regrouped, and the redline stays exact', () => {
    // U+E000 is what a regrouped text is cut at; a source may hold it too.
    const before = ['The Supplier shall notify \uE000 the DCC. It shall do so within five days.', 'The Panel may extend the period.'];
    const after = ['The Supplier shall notify \uE000 the DCC.', 'It shall do so within five days.', 'The Panel may extend the period.'];
    const a = parse(docOf(before));
    const b = parse(docOf(after));
    const d = diffDocuments(a, b);
    expect(invariantProblems(d, a, b)).toEqual([]);
    const c = [...walkChanges(d.clauses)].find((x) => x.new?.number === '1.1')!;
    expect(texts(c).filter((x) => x.breakBefore)).toEqual([]);
    // The control: the same edit without the character is a split.
    const plain = (ps: string[]) => parse(docOf(ps.map((p) => p.replace('\uE000 ', ''))));
    const control = [...walkChanges(diffDocuments(plain(before), plain(after)).clauses)].find((x) => x.new?.number === '1.1')!;
    expect(texts(control).filter((x) => x.breakBefore).map((x) => x.breakBefore)).toEqual(['insert']);
  });
});

/* ---------- items re-sorted inside one list block ---------- */

const itemsOf = (c: ClauseChange) => texts(c).find((b) => b.items)?.items ?? [];
const itemText = (i: TextBlockChange) => (i.moved?.side === 'to' ? i.moved.segments : i.segments).filter((s) => s.op !== 'delete').map((s) => s.text).join('');

/** SEC-style definitions in a bullet list, put in alphabetical order, one of them amended. */
const DEFINITIONS = [
  '"Alt HAN Company" means the company established under Section Z to procure the Alt HAN Services;',
  '"Device Log" means the list of Devices held in the Smart Metering Inventory for a Smart Metering System;',
  '"Communications Hub" means a Device which complies with the requirements of the CHTS;',
  '"Commissioned" means, in respect of a Device, that it has been added to the Smart Metering Inventory and its status set to commissioned;',
  '"Bulk Certificate" means a certificate issued by the DCC for the purpose of bulk operations;',
  '"Electricity Smart Meter" means a Device meeting the requirements placed on ESME in the SMETS.',
];
const RESORTED = [DEFINITIONS[0]!, DEFINITIONS[4]!, DEFINITIONS[3]!, DEFINITIONS[2]!.replace('the CHTS;', 'the CHTS and the ICHIS;'), DEFINITIONS[1]!, DEFINITIONS[5]!];
const definitionsDoc = (items: readonly string[]) => `## 1 Definitions\n\n1.1 In this Appendix, the following terms have the meanings given:\n\n${items.map((d) => `- ${d}`).join('\n')}\n\n1.2 Where a term is defined in Section A, it has that meaning here.\n`;

describe('items re-sorted inside one list block', () => {
  it('should mark definitions re-sorted alphabetically as moved, the one amended with only its new words marked (hand-made, SEC style)', async () => {
    const a = parse(definitionsDoc(DEFINITIONS));
    const b = parse(definitionsDoc(RESORTED));
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const c = byCitation(d, '1.1');
    expect(c.status).toBe('amended');
    const items = itemsOf(c);
    // Three items kept their order (Alt HAN, Bulk, Electricity: the longest run); the other three moved.
    expect(items.filter((i) => i.status === 'unchanged').map(itemText)).toEqual([DEFINITIONS[0], DEFINITIONS[4], DEFINITIONS[5]]);
    expect(items.filter((i) => i.moved?.side === 'from').map((i) => i.moved!.note)).toEqual(['Moved to item 5', 'Moved to item 4', 'Moved to item 3']);
    const to = items.filter((i) => i.moved?.side === 'to');
    expect(to.map((i) => [i.moved!.note, i.moved!.side === 'to' && i.moved!.amended])).toEqual([
      ['Moved from item 4', false],
      ['Moved from item 3', true],
      ['Moved from item 2', false],
    ]);
    // Nothing struck or inserted but the moves, and inside the moved and amended item only its new words.
    expect(items.filter((i) => !i.moved && i.status !== 'unchanged')).toEqual([]);
    const hub = to[1]!.moved!;
    expect(hub.side === 'to' && [marked(hub.segments, 'insert'), marked(hub.segments, 'delete')]).toEqual([['and the ICHIS'], []]);
    // New order, each old item that moved away where it stood.
    expect(items.map((i) => [i.oldItem, i.newItem])).toEqual([[0, 0], [1, null], [2, null], [3, null], [4, 1], [null, 2], [null, 3], [null, 4], [5, 5]]);
    // In new order: each item once where it stands, each old one once where it stood.
    expect(items.filter((i) => i.newItem !== null).map((i) => i.newItem)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(items.filter((i) => i.oldItem !== null).map((i) => i.oldItem).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    // Every writer says so: the terminal names the places, the JSON carries the items.
    const text = diffToText(d, { color: false });
    expect(text).toContain(`${RESORTED[3]!.replace('and the ICHIS', '{+and the ICHIS+}')} [Moved from item 3]`);
    expect(text).toContain('[Moved to item 5]');
    expect(JSON.stringify(diffToJson(d))).toContain('"items":[{"status":"unchanged","old":0,"new":0');
  });

  it('should carry the re-sorted items through the CLI: JSON the schema accepts, and the annex notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secdoc-items-'));
    writeFileSync(join(dir, 'old.md'), definitionsDoc(DEFINITIONS));
    writeFileSync(join(dir, 'new.md'), definitionsDoc(RESORTED));
    const json = await cli(['diff', join(dir, 'old.md'), join(dir, 'new.md'), '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(repoRoot, 'schemas/diff.schema.json'), 'utf8')) as object);
    expect(validate(JSON.parse(json.stdout)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const html = await cli(['diff', join(dir, 'old.md'), join(dir, 'new.md'), '--format', 'html', '--out', join(dir, 'redline.html')]);
    expect(html.code, html.stderr).toBe(0);
    const page = readFileSync(join(dir, 'redline.html'), 'utf8');
    // Each item on its own line with its bullet: struck where it stood, marked against its old self where it stands.
    expect(page).toContain('<span class="n"><del>•</del></span><del>&quot;Device Log&quot; means');
    expect(page).toContain('the requirements of the CHTS <ins>and the ICHIS</ins>; <span class="note">[Moved from item 3]</span>');
  });

  it('should mark paragraphs that carry their own numbers (1°, 2°) and were reordered as moved and renumbered, not amended', () => {
    const paras = ['The Supplier shall notify the DCC of every Device it installs in a premises.', 'The DCC shall acknowledge each notification within five Working Days of receipt.', 'The Panel may extend any period set out in this Clause on request.'];
    const numbered = (ps: string[]) => ['The following apply:', ...ps.map((p, k) => `${k + 1}° ${p}`)];
    const a = parse(docOf(numbered(paras)));
    const b = parse(docOf(numbered([paras[1]!, paras[2]!, paras[0]!])));
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const blocks = texts(byCitation(d, '1.1'));
    const to = blocks.find((x) => x.moved?.side === 'to')!;
    expect(to.moved).toMatchObject({ note: 'Moved from paragraph 2', amended: false });
    // Only its number changed with its place, as the numbers of the two it passed.
    expect(to.moved!.side === 'to' && [marked(to.moved!.segments, 'delete'), marked(to.moved!.segments, 'insert')]).toEqual([['1'], ['3']]);
    expect(blocks.filter((x) => !x.moved && x.status !== 'unchanged').map((x) => [marked(x.segments, 'delete'), marked(x.segments, 'insert')])).toEqual([
      [['2'], ['1']],
      [['3'], ['2']],
    ]);
  });

  it('should show the items (a)-(d) of a provision put in a new order as renumbered, only their changed words marked', () => {
    const items = ['publish the Service Performance Report within ten Working Days of the end of each month;', 'notify the Panel without delay of any event likely to affect the provision of Core Communication Services;', 'keep a record of every Service Request it receives for a period of seven years;', 'consult Users before making any change to the DCC User Interface Specification.'];
    const doc = (xs: string[]) => `## 2 Obligations\n\n2.1 The DCC shall:\n\n${xs.map((x, k) => `(${'abcd'[k]}) ${x}`).join('\n\n')}\n`;
    const a = parse(doc(items));
    const b = parse(doc([items[2]!, items[0]!, items[3]!, items[1]!.replace('the Panel', 'the Panel and the Authority')]));
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const row = (n: string) => byCitation(d, `2.1${n}`);
    expect(['(a)', '(b)', '(c)', '(d)'].map((n) => [row(n).status, row(n).old!.number, row(n).amended])).toEqual([
      ['renumbered', '(c)', false],
      ['renumbered', '(a)', false],
      ['renumbered', '(d)', false],
      ['renumbered', '(b)', true],
    ]);
    expect(marked(clauseSegments(row('(d)')), 'insert')).toEqual(['and the Authority']);
    expect(marked(clauseSegments(row('(d)')), 'delete')).toEqual([]);
  });
});

/* ---------- generated: a list re-ordered by a random permutation ---------- */

const VOCABULARY = ['the', 'DCC', 'shall', 'notify', 'each', 'Supplier', 'Party', 'of', 'any', 'Device', 'installed', 'within', 'five', 'Working', 'Days', 'Panel', 'may', 'request', 'that', 'a', 'report', 'be', 'published', 'on', 'its', 'website', 'and', 'kept', 'for', 'seven', 'years'];
const TERMS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet'];

/** A list of definitions, a permutation of its items, and which of them get one word changed. */
const reorderCase = fc
  .integer({ min: 2, max: TERMS.length })
  .chain((n) =>
    fc.record({
      items: fc.tuple(...TERMS.slice(0, n).map((term) => fc.array(fc.constantFrom(...VOCABULARY), { minLength: 8, maxLength: 14 }).map((words) => `"${term}" means ${words.join(' ')};`))),
      order: fc.shuffledSubarray(
        Array.from({ length: n }, (_, k) => k),
        { minLength: n, maxLength: n },
      ),
      amend: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      form: fc.constantFrom('list' as const, 'paragraphs' as const),
    }),
  );

describe('a list re-ordered by a random permutation, some items with one word changed', () => {
  it('should reproduce both versions exactly and never strike an unchanged item in full', () => {
    fc.assert(
      fc.property(reorderCase, fc.boolean(), ({ items, order, amend, form }, showFormatting) => {
        const after = order.map((k) => (amend[k] ? items[k]!.replace(' means ', ' means at all times ') : items[k]!));
        const doc = (xs: readonly string[]) => (form === 'list' ? `## 1 Definitions\n\n1.1 In this Appendix:\n\n${xs.map((x) => `- ${x}`).join('\n')}\n` : docOf(xs));
        const a = parse(doc(items));
        const b = parse(doc(after));
        const d = diffDocuments(a, b, { showFormatting });
        expect(invariantProblems(d, a, b)).toEqual([]);
        const c = [...walkChanges(d.clauses)].find((x) => x.new?.number === '1.1')!;
        const moved = order.some((k, j) => k !== j);
        const units = form === 'list' ? (texts(c).find((x) => x.items)?.items ?? []) : texts(c);
        if (form === 'list' && moved) expect(units.length).toBeGreaterThan(0);
        for (const [k, text] of items.entries()) {
          if (amend[k] || form === 'list' && !moved) continue;
          const shown = units.filter((u) => (u.old && blockText(u.old) === text) || (u.new && blockText(u.new) === text));
          // Unchanged: paired with itself, or moved (struck where it stood, inserted where it stands, nothing amended).
          const kinds = shown.map((u) => (u.moved ? `moved-${u.moved.side}${u.moved.side === 'to' && u.moved.amended ? '-amended' : ''}` : u.status)).sort();
          expect(kinds, text).toEqual(kinds.length === 1 ? ['unchanged'] : ['moved-from', 'moved-to']);
        }
        // An amended item that moved shows only its new words.
        for (const u of units) {
          if (u.moved?.side !== 'to' || !u.moved.amended) continue;
          expect(marked(u.moved.segments, 'delete')).toEqual([]);
          expect(marked(u.moved.segments, 'insert')).toEqual(['at all times']);
        }
      }),
      { numRuns: 60 },
    );
  });
});

/* ---------- paragraphs moved across clauses ---------- */

/** SEC-style clauses, each a list of paragraphs, the first carrying the clause number. */
const clausesDoc = (clauses: ReadonlyArray<[string, readonly string[]]>) =>
  `## 3 Migration\n\n${clauses
    .filter(([n]) => n.startsWith('3.'))
    .map(([n, ps]) => `${n} ${ps.join('\n\n')}`)
    .join('\n\n')}\n\n## 5 Reporting\n\n${clauses
    .filter(([n]) => n.startsWith('5.'))
    .map(([n, ps]) => `${n} ${ps.join('\n\n')}`)
    .join('\n\n')}\n`;

const CONSULT = 'The DCC shall consult Supplier Parties on each cohort timetable before it is published on the DCC Website.';
const DELAY = 'Where the migration of a cohort is delayed, the DCC shall notify the Panel and every affected Supplier Party within five Working Days.';
const ACROSS_OLD: Array<[string, string[]]> = [
  ['3.1', ['The DCC shall operate the Requesting Party for each cohort of SMETS1 Installations that it migrates.']],
  ['3.2', ['The DCC shall publish a timetable for the migration of each cohort, setting out the dates on which each Installation is expected to migrate.', CONSULT]],
  ['3.3', ['The DCC shall keep a record of every Installation that fails to migrate and of the reasons for each failure.', DELAY]],
  ['5.1', ['The DCC shall report monthly to the Panel on the progress of migration against each published timetable.']],
  ['5.2', ['The Panel may request such further information about the progress of migration as it reasonably requires.']],
];
const ACROSS_NEW: Array<[string, string[]]> = [
  ACROSS_OLD[0]!,
  ['3.2', [ACROSS_OLD[1]![1][0]!]],
  ['3.3', [ACROSS_OLD[2]![1][0]!]],
  ['5.1', [ACROSS_OLD[3]![1][0]!, CONSULT.replace('Supplier Parties', 'Supplier Parties and Network Parties')]],
  ['5.2', [`${DELAY} ${ACROSS_OLD[4]![1][0]!}`]],
];

describe('paragraphs moved across clauses (hand-made, SEC style)', () => {
  const a = parse(clausesDoc(ACROSS_OLD));
  const b = parse(clausesDoc(ACROSS_NEW));
  const d = diffDocuments(a, b);

  it('should mark a paragraph moved whole from Clause 3.2 to Clause 5.1 at both ends, only its new words marked', () => {
    expectExact(d, a, b);
    const from = texts(byCitation(d, '3.2')).find((x) => x.moved)!;
    expect([from.status, from.moved]).toEqual(['deleted', { side: 'from', note: 'Moved to Clause 5.1' }]);
    const to = texts(byCitation(d, '5.1')).find((x) => x.moved)!;
    expect(to.status).toBe('inserted');
    expect(to.moved).toMatchObject({ side: 'to', note: 'Moved from Clause 3.2', amended: true });
    expect(to.moved!.side === 'to' && [marked(to.moved!.segments, 'insert'), marked(to.moved!.segments, 'delete')]).toEqual([['and Network Parties'], []]);
  });

  it("should mark a paragraph merged into the start of another clause's paragraph (Clause 3.3 -> 5.2) at both ends, with no word marked beyond the move", () => {
    const from = texts(byCitation(d, '3.3')).find((x) => x.moved)!;
    expect([from.status, from.moved]).toEqual(['deleted', { side: 'from', note: 'Moved to Clause 5.2' }]);
    const [merged] = texts(byCitation(d, '5.2'));
    // Its own segments read as the insertion they are (each version exact); read as moved, nothing changed.
    expect(merged!.status).toBe('amended');
    expect(marked(merged!.segments, 'insert')).toEqual([DELAY]);
    expect(merged!.movedIn).toMatchObject({ note: 'Moved from Clause 3.3', at: 'start', amended: false });
    expect(merged!.movedIn!.segments.filter((s) => s.op !== 'equal')).toEqual([]);
    // Nothing else in the document is struck or inserted.
    const changed = [...walkChanges(d.clauses)].flatMap((c) => texts(c).filter((x) => x.status !== 'unchanged').map((x) => `${c.new!.citation}:${x.status}`));
    expect(changed.sort()).toEqual(['3.2:deleted', '3.3:deleted', '5.1:inserted', '5.2:amended']);
  });

  it('should say so in every writer: the terminal, JSON the schema accepts, and the annex', async () => {
    const text = diffToText(d, { color: false, full: true });
    expect(text).toContain('[Moved to Clause 5.1]');
    expect(text).toMatch(/The DCC shall consult Supplier Parties ?\{\+ ?and Network Parties ?\+\} ?on each cohort timetable before it is published on the DCC Website\. \[Moved from Clause 3\.2\]/);
    expect(text).toContain(`${DELAY} ${ACROSS_OLD[4]![1][0]!} [Moved from Clause 3.3]`);
    const dir = mkdtempSync(join(tmpdir(), 'secdoc-across-'));
    writeFileSync(join(dir, 'old.md'), clausesDoc(ACROSS_OLD));
    writeFileSync(join(dir, 'new.md'), clausesDoc(ACROSS_NEW));
    const json = await cli(['diff', join(dir, 'old.md'), join(dir, 'new.md'), '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(repoRoot, 'schemas/diff.schema.json'), 'utf8')) as object);
    expect(validate(JSON.parse(json.stdout)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(json.stdout).toContain('"movedIn": {\n');
    const html = await cli(['diff', join(dir, 'old.md'), join(dir, 'new.md'), '--format', 'html', '--out', join(dir, 'redline.html')]);
    expect(html.code, html.stderr).toBe(0);
    // A note's words are tied by no-break spaces.
    const page = readFileSync(join(dir, 'redline.html'), 'utf8').replace(/\u00a0/g, ' ');
    // The merged paragraph shows the moved text unmarked, and names where it came from.
    expect(page).toContain(`${DELAY} ${ACROSS_OLD[4]![1][0]!} <span class="note">[Moved from Clause 3.3]</span>`);
    expect(page).toContain('<span class="note">[Moved to Clause 5.2]</span>');
    expect(page).toMatch(/Supplier Parties ?<ins> ?and Network Parties ?<\/ins> ?on each cohort timetable before it is published on the DCC Website\. <span class="note">\[Moved from Clause 3\.2\]<\/span>/);
  });
});

/* ---------- generated: a paragraph moved to another clause, whole or merged ---------- */

const acrossCase = fc.record({
  // Four clauses of two paragraphs each, of 10 to 16 different words.
  paragraphs: fc.array(fc.shuffledSubarray(VOCABULARY, { minLength: 10, maxLength: 16 }), { minLength: 8, maxLength: 8 }),
  from: fc.nat(3),
  shift: fc.integer({ min: 1, max: 3 }),
  how: fc.constantFrom('whole' as const, 'start' as const, 'end' as const),
  amend: fc.boolean(),
});

describe('a paragraph moved to another clause, whole or merged into a paragraph, generated', () => {
  it('should reproduce both versions exactly, and mark the move at both ends when the text is its own', () => {
    fc.assert(
      fc.property(acrossCase, fc.boolean(), ({ paragraphs, from, shift, how, amend }, showFormatting) => {
        // Each paragraph made its own by a term, as real paragraphs are; the first of each clause stays.
        const ps = paragraphs.map((w, k) => `${TERMS[k]} ${w.join(' ')}.`);
        const clauses = (m: ReadonlyArray<readonly string[]>): Array<[string, readonly string[]]> => m.map((c, k) => [k < 2 ? `3.${k + 1}` : `5.${k - 1}`, c]);
        const before = [0, 1, 2, 3].map((k) => [ps[2 * k]!, ps[2 * k + 1]!]);
        const to = (from + shift) % 4;
        const moved = ps[2 * from + 1]!;
        const movedNow = amend ? moved.replace(/\.$/, ' without delay.') : moved;
        const after = before.map((c) => [...c]);
        after[from]!.splice(1, 1);
        if (how === 'whole') after[to]!.push(movedNow);
        else after[to]![0] = how === 'start' ? `${movedNow} ${after[to]![0]}` : `${after[to]![0]} ${movedNow}`;
        const a = parse(clausesDoc(clauses(before)));
        const b = parse(clausesDoc(clauses(after)));
        const d = diffDocuments(a, b, { showFormatting });
        expect(invariantProblems(d, a, b)).toEqual([]);
        const cite = (k: number) => (k < 2 ? `3.${k + 1}` : `5.${k - 1}`);
        const left = texts(byCitation(d, cite(from))).find((x) => x.moved);
        expect(left?.moved).toEqual({ side: 'from', note: `Moved to Clause ${cite(to)}` });
        const there = texts(byCitation(d, cite(to)));
        const note = `Moved from Clause ${cite(from)}`;
        const shown = how === 'whole' ? there.find((x) => x.moved)?.moved : there[0]!.movedIn;
        expect(shown).toMatchObject({ note, amended: amend });
        if (how !== 'whole') expect(shown).toMatchObject({ at: how });
        // Beyond the move, only the words added are marked.
        const segs = shown && 'segments' in shown ? shown.segments : [];
        const words = (op: 'insert' | 'delete') => marked(segs, op).join(' ').split(/\s+/).filter(Boolean);
        if (!amend) expect([words('insert'), words('delete')]).toEqual([[], []]);
        else {
          // The cleanup for reading may take a short run of kept words next to the new ones in with them; most stay unmarked.
          expect(words('insert').join(' ')).toContain('without delay');
          expect(segs.filter((x) => x.op === 'equal').map((x) => x.text).join(' ').split(/\s+/).filter(Boolean).length).toBeGreaterThanOrEqual(moved.split(' ').length / 2);
        }
      }),
      { numRuns: 60 },
    );
  });
});
