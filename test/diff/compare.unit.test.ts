/**
 * Stage 2 of the redline (src/diff/compare.ts) on small documents written here: the columns and
 * rows of two tables (by header, by a key column, re-lettered keys, by content, short rows),
 * the blocks of two texts, unnumbered sections, clauses inserted, deleted, untouched and
 * compared, and a paragraph moved across clauses. Every expected pairing is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { compareBlocks, pairBlocks, type BlockPairing, type ClauseComparison, type TableComparison, type TextBlockComparison } from '../../src/diff/compare.js';
import { pairClauses } from '../../src/diff/pair.js';
import type { Block } from '../../src/model/types.js';
import { ACROSS, columnsOf, compareTables, pairingOf, rowsOf, runText } from './helpers.js';

const doc = (text: string) => parseDocument(text, new VFile({ path: 'doc.md' }));

describe('compareBlocks: table columns', () => {
  it('should pair columns by header in order, a new column inserted where it stands', () => {
    const t = compareTables([['Code', 'Meaning'], ['A', 'x'], ['B', 'y']], [['Code', 'Status', 'Meaning'], ['A', 'live', 'x'], ['B', 'dead', 'y']]);
    expect(columnsOf(t)).toEqual(['0>0', '->1', '1>2']);
    expect(t.rows.map((r) => r.cells.map((c) => `${runText(c.oldRuns)}|${runText(c.newRuns)}`))).toEqual([
      ['A|A', 'null|live', 'x|x'],
      ['B|B', 'null|dead', 'y|y'],
    ]);
  });

  it('should keep a deleted column in its old place', () => {
    const t = compareTables([['Code', 'Status', 'Meaning'], ['A', 'live', 'x']], [['Code', 'Meaning'], ['A', 'x']]);
    expect(columnsOf(t)).toEqual(['0>0', '1>-', '2>1']);
  });

  it('should pair a renamed column in the same place when its cells are mostly kept, or its header mostly is', () => {
    // Header "Meaning" -> "Definition": no word in common, but both cells kept (Dice 1).
    expect(columnsOf(compareTables([['Code', 'Meaning'], ['A', 'x'], ['B', 'y']], [['Code', 'Definition'], ['A', 'x'], ['B', 'y']]))).toEqual(['0>0', '1>1']);
    // Header "Meaning" -> "Full meaning": words 2*1/3; cells all changed.
    expect(columnsOf(compareTables([['Code', 'Meaning'], ['A', 'x'], ['B', 'y']], [['Code', 'Full meaning'], ['A', 'p'], ['B', 'q']]))).toEqual(['0>0', '1>1']);
    // Neither: one cell of two kept (Dice 2*1/4 = 0.5 pairs), none kept (0 does not).
    expect(columnsOf(compareTables([['Code', 'Meaning'], ['A', 'x'], ['B', 'y']], [['Code', 'Status'], ['A', 'x'], ['B', 'q']]))).toEqual(['0>0', '1>1']);
    expect(columnsOf(compareTables([['Code', 'Meaning'], ['A', 'x'], ['B', 'y']], [['Code', 'Status'], ['A', 'p'], ['B', 'q']]))).toEqual(['0>0', '1>-', '->1']);
  });

  it('should give a cell the same on both sides as one list of runs, and a changed one as two', () => {
    const t = compareTables([['Code', 'Meaning'], ['A', 'x']], [['Code', 'Meaning'], ['A', 'y']]);
    const [same, changed] = t.rows[0]!.cells;
    expect(same!.oldRuns).toBe(same!.newRuns);
    expect([runText(changed!.oldRuns), runText(changed!.newRuns)]).toEqual(['x', 'y']);
    expect(t.columns[0]!.header.oldRuns).toBe(t.columns[0]!.header.newRuns);
    expect(runText(t.columns[1]!.header.newRuns)).toBe('Meaning');
  });
});

describe('compareBlocks: table rows', () => {
  it('should pair rows on a column whose header names it a key, and mark those off the longest run in order moved', () => {
    const t = compareTables([['Description', 'Ref'], ['alpha', 'R1'], ['beta', 'R2'], ['gamma', 'R3']], [['Description', 'Ref'], ['beta', 'R2'], ['gamma', 'R3'], ['alpha', 'R1']]);
    expect(t.keyColumn).toEqual({ old: 1, new: 1, name: 'Ref', definitions: false });
    expect(rowsOf(t)).toEqual(['1>0 R2', '2>1 R3', '0>2 R1 moved']);
  });

  it('should key a definitions table on its term column, and say it is one', () => {
    const t = compareTables([['Term', 'Meaning'], ['Alpha', 'first'], ['Beta', 'second']], [['Term', 'Meaning'], ['Beta', 'second'], ['Gamma', 'third']]);
    expect(t.keyColumn).toEqual({ old: 0, new: 0, name: 'Term', definitions: true });
    // Deleted Alpha stays before Beta, where it stood.
    expect(rowsOf(t)).toEqual(['0>- Alpha', '1>0 Beta', '->1 Gamma']);
  });

  it('should key on the first column both tables share when no header names a key', () => {
    const t = compareTables([['Colour', 'Code'], ['red', 'C1'], ['green', 'C2'], ['blue', 'C3']], [['Colour', 'Code'], ['green', 'C2'], ['blue', 'C3'], ['red', 'C9']]);
    expect(t.keyColumn).toMatchObject({ old: 0, new: 0, name: 'Colour' });
    expect(rowsOf(t)).toEqual(['1>0 green', '2>1 blue', '0>2 red moved']);
  });

  it('should pair a row whose key alone was re-lettered with its old self', () => {
    const t = compareTables([['Key', 'Value'], ['A', 'one'], ['B', 'two']], [['Key', 'Value'], ['A', 'one'], ['C', 'two']]);
    expect(rowsOf(t)).toEqual(['0>0 A', '1>1 C']);
    // Re-lettered and reworded: a deletion and an insertion.
    expect(rowsOf(compareTables([['Key', 'Value'], ['A', 'one'], ['B', 'two']], [['Key', 'Value'], ['A', 'one'], ['C', 'three']]))).toEqual(['0>0 A', '1>- B', '->1 C']);
    // Two old rows with the same other cells: each new row takes the next one in order.
    const twice = compareTables([['Key', 'Value'], ['A', 'same'], ['B', 'same'], ['Z', 'z']], [['Key', 'Value'], ['C', 'same'], ['D', 'same'], ['Z', 'z']]);
    expect(rowsOf(twice)).toEqual(['0>0 C', '1>1 D', '2>2 Z']);
  });

  it('should pair rows by content when the key column repeats a key or leaves one empty: equal rows, then rows with the same first cell', () => {
    const repeated = compareTables([['Code', 'N'], ['x', '1'], ['x', '2']], [['Code', 'N'], ['x', '2'], ['y', '1']]);
    expect(repeated.keyColumn).toBeNull();
    expect(rowsOf(repeated)).toEqual(['0>-', '1>0', '->1']);
    const firstCell = compareTables([['Code', 'N'], ['p', '1'], ['q', '2'], ['r', '3']], [['Code', 'N'], ['p', '1'], ['q', '9'], ['s', '3']]);
    expect(firstCell.keyColumn).toMatchObject({ name: 'Code' });
    const empty = compareTables([['Code', 'N'], ['', '1'], ['q', '2']], [['Code', 'N'], ['', '1'], ['q', '3']]);
    expect(empty.keyColumn).toBeNull();
    expect(rowsOf(empty)).toEqual(['0>0', '1>1']);
  });

  it('should pair rows by content when the tables share no column', () => {
    // Headers share no word, cells one of three (Dice 2*1/6): not one column renamed.
    const t = compareTables([['Alpha'], ['one'], ['two'], ['three']], [['Omega'], ['uno'], ['dos'], ['three']]);
    expect(columnsOf(t)).toEqual(['0>-', '->0']);
    expect(t.keyColumn).toBeNull();
    // Whole rows: "three" is the same row; "one" and "two" have no first cell on the other side.
    expect(rowsOf(t)).toEqual(['0>-', '1>-', '->0', '->1', '2>2']);
    // Two cells of three kept (Dice 2*2/6): the column is renamed, and keys the rows.
    expect(columnsOf(compareTables([['Alpha'], ['one'], ['two'], ['three']], [['Omega'], ['uno'], ['two'], ['three']]))).toEqual(['0>0']);
  });

  it('should say which side lacks a cell of a short row', () => {
    const t = compareBlocks(pairingOf('1.1 T:\n\n| Key | Value |\n|---|---|\n| A |\n| B | two |\n', '1.1 T:\n\n| Key | Value |\n|---|---|\n| A |\n| B |\n'), { showFormatting: false }).clauses[0]!.content.find((x): x is TableComparison => x.kind === 'table')!;
    expect(t.rows.map((r) => r.cells.map((c) => c.missing))).toEqual([
      [null, 'both'],
      [null, 'new'],
    ]);
    const back = compareBlocks(pairingOf('1.1 T:\n\n| Key | Value |\n|---|---|\n| B |\n', '1.1 T:\n\n| Key | Value |\n|---|---|\n| B | two |\n'), { showFormatting: false }).clauses[0]!.content.find((x): x is TableComparison => x.kind === 'table')!;
    expect(back.rows.map((r) => r.cells.map((c) => [c.missing, runText(c.oldRuns), runText(c.newRuns)]))).toEqual([[[null, 'B', 'B'], ['old', '', 'two']]]);
  });
});

const TABLE_MD = '| Key | Value |\n|---|---|\n| A | one |\n| B | two |';
const blocksOf = (md: string): Block[] => doc(`1.1 Text.\n\n${md}\n`).clauses[0]!.content.slice(1);
const kinds = (pairs: readonly BlockPairing[]) =>
  pairs.map((p) => {
    if (p.kind === 'table') return `table ${p.old ? 'old' : '-'}>${p.new ? 'new' : '-'} rows ${rowsOf(p).join(',')}`;
    if (p.kind === 'regrouped') return `regrouped ${p.old.length}>${p.new.length}`;
    const moved = p.moved ? ` moved ${p.moved.side}${p.moved.labelOnly ? ' label' : ''}` : '';
    return `text ${p.old ? 'old' : '-'}>${p.new ? 'new' : '-'}${p.same ? ' same' : ''}${moved}`;
  });

describe('pairBlocks', () => {
  it('should give nothing for no blocks, and a whole side for blocks on one side only', () => {
    expect(pairBlocks([], [])).toEqual([]);
    const table = blocksOf(TABLE_MD);
    expect(kinds(pairBlocks(table, []))).toEqual(['table old>- rows 0>-,1>-']);
    expect(kinds(pairBlocks([], table))).toEqual(['table ->new rows ->0,->1']);
    expect(kinds(pairBlocks([], blocksOf('Added.')))).toEqual(['text ->new']);
  });

  it('should pair blocks of the same kinds in place, the same ones without runs', () => {
    const pairs = pairBlocks(blocksOf('First.\n\nSecond.'), blocksOf('First.\n\nSecond, changed.'));
    expect(kinds(pairs)).toEqual(['text old>new same', 'text old>new']);
    const [same, changed] = pairs as TextBlockComparison[];
    expect([same!.oldRuns, same!.newRuns]).toEqual([null, null]);
    expect([runText(changed!.oldRuns), runText(changed!.newRuns)]).toEqual(['Second.', 'Second, changed.']);
  });

  it('should regroup blocks added between, and pair a table with a table', () => {
    expect(kinds(pairBlocks(blocksOf(`Before.\n\n${TABLE_MD}`), blocksOf(`Before.\n\nNew paragraph here.\n\n${TABLE_MD}`)))).toEqual(['text old>new same', 'text ->new', 'table old>new rows 0>0 A,1>1 B']);
  });

  it('should see two paragraphs that swapped places as reordered, not as two rewritten in place', () => {
    const a = 'The DCC shall publish the Migration Schedule on its website before the first cohort.';
    const b = 'Each Supplier Party shall provide any information reasonably requested for that purpose.';
    // The same text moved: its old and new text differ in nothing but (no) label.
    expect(kinds(pairBlocks(blocksOf(`${a}\n\n${b}`), blocksOf(`${b}\n\n${a}`)))).toEqual(['text old>- moved from label', 'text old>new same', 'text old>new moved to label']);
    // Reworded as it moved: not a label change alone, and compared with its old self.
    const c = 'Panel members may attend meetings remotely where circumstances require it.';
    const moved = pairBlocks(blocksOf(`${a}\n\n${b}\n\n${c}`), blocksOf(`${b}\n\n${c}\n\n${a.replace('first', 'second')}`));
    expect(kinds(moved)).toEqual(['text old>- moved from', 'text old>new same', 'text old>new same', 'text old>new moved to']);
    const to = moved[3] as TextBlockComparison;
    expect(to.moved).toEqual({ side: 'to', oldIndex: 0, newIndex: 2, labelOnly: false });
    expect([runText(to.oldRuns), runText(to.newRuns)]).toEqual([a, a.replace('first', 'second')]);
    expect((moved[0] as TextBlockComparison).moved).toEqual({ side: 'from', oldIndex: 0, newIndex: 2, labelOnly: false });
    expect([(moved[0] as TextBlockComparison).oldRuns, (moved[0] as TextBlockComparison).newRuns]).toEqual([null, null]);
  });

  it('should mark a paragraph whose own number alone changed with its place as renumbered, not reworded', () => {
    const a = '1° The DCC shall publish the Migration Schedule on its website before the first cohort.';
    const b = '2° Each Supplier Party shall provide any information reasonably requested for that purpose.';
    const swapped = kinds(pairBlocks(blocksOf(`${a}\n\n${b}`), blocksOf(`${b.replace('2°', '1°')}\n\n${a.replace('1°', '2°')}`)));
    expect(swapped).toEqual(['text old>- moved from label', 'text old>new', 'text old>new moved to label']);
  });

  it('should compare the items of two lists whose items were reordered one by one', () => {
    const items = ['The DCC shall publish the Migration Schedule on its website.', 'Each Supplier Party shall provide any information requested.', 'Panel members may attend meetings remotely where required.'];
    const list = (xs: string[]) => xs.map((x) => `- ${x}`).join('\n');
    const [pair] = pairBlocks(blocksOf(list(items)), blocksOf(list([items[1]!, items[2]!, items[0]!]))) as TextBlockComparison[];
    expect(pair!.items!.map((x) => `${x.old ?? '-'}>${x.new ?? '-'}${x.item.moved ? ` ${x.item.moved.side}` : ''}${x.item.same ? ' same' : ''}`)).toEqual(['0>- from', '1>0 same', '2>1 same', '->2 to']);
    // One item reworded in place: the list compared as one text.
    const [whole] = pairBlocks(blocksOf(list(items)), blocksOf(list([items[0]!, items[1]!.replace('any', 'all'), items[2]!]))) as TextBlockComparison[];
    expect(whole!.items).toBeUndefined();
    expect(runText(whole!.newRuns)).toContain('all information');
  });

  it('should join the paragraphs of a split with the paragraph break', () => {
    const a = 'The DCC shall publish the Migration Schedule on its website before the first cohort.';
    const b = 'Each Supplier Party shall provide any information reasonably requested for that purpose.';
    const [group] = pairBlocks(blocksOf(`${a} ${b}`), blocksOf(`${a}\n\n${b}`));
    expect(kinds([group!])).toEqual(['regrouped 1>2']);
    expect(group!.kind === 'regrouped' && [runText(group!.oldRuns), runText(group!.newRuns)]).toEqual([`${a} ${b}`, `${a}\uE000${b}`]);
  });
});

describe('compareBlocks: clauses and sections', () => {
  it('should give a clause on one side only all its blocks on that side, its heading on that side', () => {
    const o = doc('## 1 Part\n\n1.1 Kept.\n');
    const n = doc('## 1 Part\n\n1.1 Kept.\n\n1.2 Added text.\n\n| Key | Value |\n|---|---|\n| A | one |\n');
    const c = compareBlocks(pairClauses(o, n, { similarityThreshold: 0.5 }), { showFormatting: false });
    const added = c.clauses[0]!.children[1]!;
    expect(added.kind).toBe('inserted');
    expect(kinds(added.content)).toEqual(['text ->new', 'table ->new rows ->0']);
    const back = compareBlocks(pairClauses(n, o, { similarityThreshold: 0.5 }), { showFormatting: false }).clauses[0]!.children[1]!;
    expect(back.kind).toBe('deleted');
    expect(kinds(back.content)).toEqual(['text old>-', 'table old>- rows 0>-']);
    const part = c.clauses[0]!;
    expect(part.heading).toBeNull();
  });

  it('should give a deleted or inserted heading on its side only', () => {
    const headed = (h: string) => `## 1 Part\n\n### 1.1 ${h}\n\nText of the clause.\n`;
    const n = doc(headed('Scope'));
    const inserted = compareBlocks(pairClauses(doc('## 1 Part\n'), n, { similarityThreshold: 0.5 }), { showFormatting: false }).clauses[0]!.children[0]!;
    expect([inserted.kind, inserted.heading]).toEqual(['inserted', { old: null, new: 'Scope' }]);
    const deleted = compareBlocks(pairClauses(n, doc('## 1 Part\n'), { similarityThreshold: 0.5 }), { showFormatting: false }).clauses[0]!.children[0]!;
    expect([deleted.kind, deleted.heading]).toEqual(['deleted', { old: 'Scope', new: null }]);
  });

  it('should compare the heading and content of a pair whose content changed, and leave the same content paired as the same', () => {
    const c = compareBlocks(pairingOf('1.2 Text.\n\nSecond.\n', '1.2 Text.\n\nSecond.\n', { sameContent: true, sameParent: false }), { showFormatting: false }).clauses[0]!;
    expect(c).toMatchObject({ kind: 'compared', moved: true, renumbered: false, heading: null });
    expect(kinds(c.content)).toEqual(['text old>new same', 'text old>new same']);
    const renamed = compareBlocks(pairingOf('## 1 Old name\n', '## 1 New name\n'), { showFormatting: false }).clauses[0]!;
    expect(renamed.heading).toEqual({ old: 'Old name', new: 'New name' });
  });

  it('should see `2.1` and `2.1.` as one number unless formatting is shown', () => {
    const same = pairingOf('2.1 Text.\n', '2.1 Text.\n', { sameContent: true });
    // The parser writes both `2.1`: the number as another source might write it.
    const pair = same.clauses[0]!;
    const dotted = { ...same, clauses: [{ ...pair, new: { ...pair.new!, number: '2.1.' } }] };
    expect(compareBlocks(dotted, { showFormatting: false }).clauses[0]!).toMatchObject({ kind: 'untouched', renumbered: false });
    expect(compareBlocks(dotted, { showFormatting: true }).clauses[0]!).toMatchObject({ kind: 'compared', renumbered: true });
  });

  it('should pair unnumbered sections by heading, case and spaces aside, then in order', () => {
    const o = doc('## Version History\n\nFirst issue.\n\n## Change History\n\nOld notes.\n\n## 1 Part\n\n1.1 Text.\n');
    const n = doc('## version  history\n\nFirst issue.\n\n## Amendment History\n\nTerms.\n\n## 1 Part\n\n1.1 Text.\n');
    const c = compareBlocks(pairClauses(o, n, { similarityThreshold: 0.5 }), { showFormatting: false });
    expect(c.sections.map((s) => [s.old?.heading ?? null, s.new?.heading ?? null, runText(s.heading.oldRuns), runText(s.heading.newRuns)])).toEqual([
      ['Version History', 'version  history', 'Version History', 'version  history'],
      ['Change History', 'Amendment History', 'Change History', 'Amendment History'],
    ]);
    expect(kinds(c.sections[1]!.content)).toEqual(['text old>new']);
    const added = compareBlocks(pairClauses(doc('## 1 Part\n\n1.1 Text.\n'), n, { similarityThreshold: 0.5 }), { showFormatting: false });
    expect(added.sections.map((s) => [s.old, runText(s.heading.oldRuns), runText(s.heading.newRuns), kinds(s.content).join()])).toEqual([
      [null, '', 'version  history', 'text ->new'],
      [null, '', 'Amendment History', 'text ->new'],
    ]);
  });

  it('should pair the preamble blocks', () => {
    const c = compareBlocks(pairClauses(doc('Intro text.\n\n## 1 Part\n\n1.1 Text.\n'), doc('Intro text, amended.\n\n## 1 Part\n\n1.1 Text.\n'), { similarityThreshold: 0.5 }), { showFormatting: false });
    expect(kinds(c.preamble)).toEqual(['text old>new']);
  });
});

describe('compareBlocks: paragraphs moved across clauses', () => {
  const { CONSULT, DELAY, P31, P32, P33, P51, P52, migration: md, OLD } = ACROSS;

  function across(newDoc: string): string[] {
    const c = compareBlocks(pairClauses(doc(OLD), doc(newDoc), { similarityThreshold: 0.5 }), { showFormatting: false });
    const out: string[] = [];
    const visit = (x: ClauseComparison) => {
      for (const b of [...x.content, ...x.tail]) {
        if (b.kind !== 'text' || !b.across) continue;
        const a = b.across;
        out.push(`${(x.pair.new ?? x.pair.old)!.number} ${a.side} ${a.clause.number}${a.side === 'to' ? ` ${a.at} ${runText(a.movedRuns)}|${runText(b.oldRuns)}|${runText(b.newRuns)}` : ''}`);
      }
      x.children.forEach(visit);
    };
    c.clauses.forEach(visit);
    return out;
  }

  it('should mark a paragraph moved whole to another clause at both ends, against its old text', () => {
    const moved = CONSULT.replace('Supplier Parties', 'Supplier Parties and Network Parties');
    expect(across(md({ '3.1': [P31], '3.2': [P32], '3.3': [P33, DELAY], '5.1': [P51, moved], '5.2': [P52] }))).toEqual([`3.2 from 5.1`, `5.1 to 3.2 whole ${CONSULT}|null|${moved}`]);
  });

  it('should mark a paragraph merged into the start or the end of another clause\'s paragraph, against both old texts joined', () => {
    expect(across(md({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33], '5.1': [P51], '5.2': [`${DELAY} ${P52}`] }))).toEqual([`3.3 from 5.2`, `5.2 to 3.3 start ${DELAY} ${P52}|${P52}|${DELAY} ${P52}`]);
    expect(across(md({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33], '5.1': [P51], '5.2': [`${P52} ${DELAY}`] }))).toEqual([`3.3 from 5.2`, `5.2 to 3.3 end ${P52} ${DELAY}|${P52}|${P52} ${DELAY}`]);
  });

  it('should find no move when nothing was deleted, or nothing inserted elsewhere', () => {
    expect(across(md({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33, DELAY], '5.1': [P51, 'A wholly new paragraph about the governance of every cohort and its timetable.'], '5.2': [P52] }))).toEqual([]);
    expect(across(md({ '3.1': [P31], '3.2': [P32], '3.3': [P33, DELAY], '5.1': [P51], '5.2': [P52] }))).toEqual([]);
  });
});

describe('compareBlocks: the blocks of a clause\'s tail, and tables below a pair the same all the way down', () => {
  // 1.1.1 holds a table in its content, 1.3 one in its tail (after its sub-clauses); 1.2 none.
  const PART = '## 1 Part\n\n### 1.1 Head\n\n1.1.1 Terms:\n\n| K | V |\n|---|---|\n| A | one |\n\n1.2 Plain.\n\n1.3 Text:\n\n(a) x;\n\n(b) y.\n\n| Code | Meaning |\n|---|---|\n| B | two |\n';
  const tablesOf = (d: ReturnType<typeof doc>) => [d.clauses[0]!.children[0]!.children[0]!.content[1], d.clauses[0]!.children[2]!.tail[0]];

  it('should compare every table below a pair the same all the way down with its twin, in content and tail, at any depth', () => {
    const c = compareBlocks(pairingOf(PART, PART, { sameContent: true, identicalBelow: 6 }), { showFormatting: false });
    expect([...c.identicalTables.keys()]).toEqual(tablesOf(c.new));
    expect([...c.identicalTables.values()].map((t) => [t.old === tablesOf(c.old)[0] || t.old === tablesOf(c.old)[1], rowsOf(t)])).toEqual([
      [true, ['0>0 A']],
      [true, ['0>0 B']],
    ]);
  });

  it('should compare no table below an untouched pair whose sub-clauses are paired one by one', () => {
    expect(compareBlocks(pairingOf(PART, PART, { sameContent: true }), { showFormatting: false }).identicalTables.size).toBe(0);
  });

  it('should give the tail of a clause on one side only on that side', () => {
    const o = doc('## 1 Part\n\n1.1 Kept.\n');
    const n = doc('## 1 Part\n\n1.1 Kept.\n\n1.2 Text:\n\n(a) x;\n\n(b) y.\n\n| Code | Meaning |\n|---|---|\n| B | two |\n');
    const added = compareBlocks(pairClauses(o, n, { similarityThreshold: 0.5 }), { showFormatting: false }).clauses[0]!.children[1]!;
    expect([added.kind, kinds(added.content), kinds(added.tail)]).toEqual(['inserted', ['text ->new'], ['table ->new rows ->0']]);
    const gone = compareBlocks(pairClauses(n, o, { similarityThreshold: 0.5 }), { showFormatting: false }).clauses[0]!.children[1]!;
    expect([gone.kind, kinds(gone.content), kinds(gone.tail)]).toEqual(['deleted', ['text old>-'], ['table old>- rows 0>-']]);
  });

  it('should pair the content and tail of a renumbered clause with the same content as the same, its heading compared', () => {
    const c = compareBlocks(pairingOf('### 1.3 Codes\n\nText:\n\n(a) x;\n\n| Code | Meaning |\n|---|---|\n| B | two |\n', '### 1.4 Codes\n\nText:\n\n(a) x;\n\n| Code | Meaning |\n|---|---|\n| B | two |\n', { sameContent: true }), { showFormatting: false }).clauses[0]!;
    expect([c.kind, c.renumbered, c.heading, kinds(c.content), kinds(c.tail)]).toEqual(['compared', true, { old: 'Codes', new: 'Codes' }, ['text old>new same'], ['table old>new rows 0>0 B']]);
    // Changed content: its blocks compared.
    const changed = compareBlocks(pairingOf('1.3 Text:\n\n(a) x;\n\n| Code | Meaning |\n|---|---|\n| B | two |\n', '### 1.4 Codes\n\nText, amended:\n\n(a) x;\n\n| Code | Meaning |\n|---|---|\n| C | two |\n'), { showFormatting: false }).clauses[0]!;
    expect([changed.heading, kinds(changed.content), kinds(changed.tail)]).toEqual([{ old: null, new: 'Codes' }, ['text old>new'], ['table old>new rows 0>0 C']]);
  });
});

describe('compareBlocks: edges of the table and text rules', () => {
  it('should pair a renamed column whose header is half alike, its cells all changed', () => {
    // "meaning" and "meaning of term": words 2*1/4, the one-word side compared by words alone.
    expect(columnsOf(compareTables([['Code', 'Meaning'], ['A', 'x'], ['B', 'y']], [['Code', 'Meaning of term'], ['A', 'p'], ['B', 'q']]))).toEqual(['0>0', '1>1']);
  });

  it('should not re-letter a row whose other cells are all empty', () => {
    expect(rowsOf(compareTables([['Key', 'Value'], ['A', 'one'], ['B', '']], [['Key', 'Value'], ['A', 'one'], ['C', '']]))).toEqual(['0>0 A', '1>- B', '->1 C']);
  });

  it('should join the paragraphs of a regrouped text by one atomic break, and a paragraph merged across clauses by one plain space', () => {
    const a = 'The DCC shall publish the Migration Schedule on its website before the first cohort.';
    const b = 'Each Supplier Party shall provide any information reasonably requested for that purpose.';
    const [group] = pairBlocks(blocksOf(`${a} ${b}`), blocksOf(`${a}\n\n${b}`));
    expect(group!.kind === 'regrouped' && group!.newRuns!.map((r) => [r.text, r.styleKey, r.atomic, r.style])).toEqual([
      [a, '', false, {}],
      ['\uE000', '', true, {}],
      [b, '', false, {}],
    ]);
    const { DELAY, P31, P32, P33, P51, P52, migration, OLD } = ACROSS;
    const c = compareBlocks(pairClauses(doc(OLD), doc(migration({ '3.1': [P31], '3.2': [P32, ACROSS.CONSULT], '3.3': [P33], '5.1': [P51], '5.2': [`${P52} ${DELAY}`] })), { similarityThreshold: 0.5 }), { showFormatting: false });
    const merged = c.clauses[1]!.children[1]!.content[0] as TextBlockComparison;
    expect(merged.across?.side === 'to' && merged.across.movedRuns.map((r) => [r.text, r.styleKey, r.atomic, r.style])).toEqual([
      [P52, '', false, {}],
      // The space runs on into the text after it, as any plain text does.
      [` ${DELAY}`, '', false, {}],
    ]);
  });
});

describe('compareBlocks: the key column a header names', () => {
  const keyedOn = (header: string) => compareTables([['Description', header], ['alpha', 'R1'], ['beta', 'R2']], [['Description', header], ['beta', 'R2'], ['alpha', 'R1']]).keyColumn?.name;

  it('should key on a column named key, id, identifier, ref, reference, no, number, nr, version, term, defined term, name or Begriff, in any case', () => {
    const named = ['Key', 'ID', 'identifier', 'Ref', 'Reference', 'No', 'No.', 'Number', 'Nr', 'Nr.', 'Version', 'Term', 'Defined Term', 'NAME', 'Begriff'];
    expect(named.map(keyedOn)).toEqual(named);
  });

  it('should key on the first shared column when the header only contains such a word', () => {
    expect(['Keys', 'Monkey', 'Identifiers', 'Refs', 'No..', 'Numbers', 'Term of office', 'Defined', 'Surname', 'Begriffe', 'Ref no'].map(keyedOn)).toEqual(Array(11).fill('Description'));
  });
});

describe('compareBlocks: the fields of each comparison', () => {
  it('should give a clause on one side only, without a heading, no heading and neither renumbered nor moved', () => {
    const o = doc('## 1 Part\n\n1.1 Kept.\n');
    const n = doc('## 1 Part\n\n1.1 Kept.\n\n1.2 Added text.\n');
    const added = compareBlocks(pairClauses(o, n, { similarityThreshold: 0.5 }), { showFormatting: false }).clauses[0]!.children[1]!;
    expect([added.kind, added.heading, added.renumbered, added.moved]).toEqual(['inserted', null, false, false]);
    const gone = compareBlocks(pairClauses(n, o, { similarityThreshold: 0.5 }), { showFormatting: false }).clauses[0]!.children[1]!;
    expect([gone.kind, gone.heading, gone.renumbered, gone.moved]).toEqual(['deleted', null, false, false]);
  });

  it('should pair a paragraph with a paragraph and a table with a table, never one with the other', () => {
    expect(kinds(pairBlocks(blocksOf('Some text.'), blocksOf(TABLE_MD)))).toEqual(['text old>-', 'table ->new rows ->0,->1']);
    expect(kinds(pairBlocks(blocksOf(`Some text.\n\n${TABLE_MD}`), blocksOf(`${TABLE_MD}\n\nSome text.`)))).toEqual(['text old>- moved from label', 'table old>new rows 0>0 A,1>1 B', 'text old>new moved to label']);
  });

  it('should compare a list with a paragraph as one text', () => {
    const [pair] = pairBlocks(blocksOf('- first item\n- second item'), blocksOf('First item, second item.')) as TextBlockComparison[];
    expect([pair!.kind, pair!.same, pair!.items, runText(pair!.newRuns)]).toEqual(['text', false, undefined, 'First item, second item.']);
  });

  it('should give moved blocks and reordered list items as text comparisons', () => {
    const a = 'The DCC shall publish the Migration Schedule on its website before the first cohort.';
    const b = 'Each Supplier Party shall provide any information reasonably requested for that purpose.';
    const moved = pairBlocks(blocksOf(`${a}\n\n${b}`), blocksOf(`${b}\n\n${a}`));
    expect(moved.map((p) => [p.kind, p.kind === 'text' && p.same])).toEqual([['text', false], ['text', true], ['text', false]]);
    const list = (xs: string[]) => xs.map((x) => `- ${x}`).join('\n');
    const [items] = pairBlocks(blocksOf(list([a, b, 'Panel members may attend meetings remotely where required.'])), blocksOf(list([b, 'Panel members may attend meetings remotely where required.', a]))) as TextBlockComparison[];
    expect([items!.kind, items!.same, items!.oldRuns, items!.newRuns, items!.items!.map((x) => x.item.kind)]).toEqual(['text', false, null, null, ['text', 'text', 'text', 'text']]);
  });
});
