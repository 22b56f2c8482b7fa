/**
 * Edges of the redline's compare stage (src/diff/compare.ts) that its other tests leave open:
 * the in-place pairing of a clause's blocks and the kinds a gap may pair, a removed heading,
 * unnumbered sections, the clauses and blocks a move across clauses may start or end in, and the
 * key column, re-lettered rows, moved rows, short rows and renamed columns of two tables. Every
 * expected value is worked out by hand from the texts written here.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { compareBlocks, pairBlocks, type BlockPairing, type ClauseComparison, type TableComparison } from '../../src/diff/compare.js';
import { pairClauses } from '../../src/diff/pair.js';
import type { Block, ClauseDocument } from '../../src/model/types.js';
import { ACROSS, columnsOf, compareTables, pairingOf, rowsOf, runText } from './helpers.js';

const doc = (text: string) => parseDocument(text, new VFile({ path: 'doc.md' }));
const compare = (o: ClauseDocument, n: ClauseDocument) => compareBlocks(pairClauses(o, n, { similarityThreshold: 0.5 }), { showFormatting: false });

const blocksOf = (md: string): Block[] => doc(`1.1 Text.\n\n${md}\n`).clauses[0]!.content.slice(1);
const kinds = (pairs: readonly BlockPairing[]) =>
  pairs.map((p) => {
    if (p.kind === 'table') return `table ${p.old ? 'old' : '-'}>${p.new ? 'new' : '-'}`;
    if (p.kind === 'regrouped') return `regrouped ${p.old.length}>${p.new.length}`;
    const moved = p.moved ? ` moved ${p.moved.side}` : '';
    return `text ${p.old ? 'old' : '-'}>${p.new ? 'new' : '-'}${p.same ? ' same' : ''}${moved}`;
  });

// Paragraphs of distinct words, so that each is alike only to itself.
const A = 'The DCC shall publish the Migration Schedule on its website before the first cohort.';
const B = 'Each Supplier Party shall provide any information reasonably requested for that purpose.';
const C = 'Panel members may attend meetings remotely where circumstances require it.';
const D = 'Notices under this Section must be given in writing to every affected Party.';
const TABLE_MD = '| Key | Value |\n|---|---|\n| A | one |\n| B | two |';

describe('pairBlocks: in place, or regrouped', () => {
  it('should pair the blocks of a clause in place when their count and kinds are kept and none stands word for word at another place, though one was split and two merged', () => {
    // README: "Only clauses whose paragraphs do not pair in place are looked at." Three paragraphs
    // on each side: A B | C | D became A | B | C D, each compared with the one in its place.
    expect(kinds(pairBlocks(blocksOf(`${A} ${B}\n\n${C}\n\n${D}`), blocksOf(`${A}\n\n${B}\n\n${C} ${D}`)))).toEqual(['text old>new', 'text old>new', 'text old>new']);
    // One paragraph more: the split is found.
    expect(kinds(pairBlocks(blocksOf(`${A} ${B}\n\n${C}`), blocksOf(`${A}\n\n${B}\n\n${C}`)))).toEqual(['regrouped 1>2', 'text old>new same']);
  });

  it('should not pair in place blocks of the same count whose kinds differ at some places only', () => {
    // A | B | table became A | table | B: B left its place, the table is paired with the table.
    expect(kinds(pairBlocks(blocksOf(`${A}\n\n${B}\n\n${TABLE_MD}`), blocksOf(`${A}\n\n${TABLE_MD}\n\n${B}`)))).toEqual(['text old>new same', 'text old>- moved from', 'table old>new', 'text old>new moved to']);
    // Both reworded as well: no block found word for word elsewhere, yet a paragraph is never
    // paired with a table. In order, B with its new self; the table before it inserted, the old one deleted.
    expect(kinds(pairBlocks(blocksOf(`${A}\n\n${B}\n\n${TABLE_MD}`), blocksOf(`${A}\n\n${TABLE_MD.replace('two', 'three')}\n\n${B.replace('any', 'all')}`)))).toEqual(['text old>new same', 'table ->new', 'text old>new', 'table old>-']);
  });

  it('should not pair a paragraph with a table whose text it reads as', () => {
    // The table reads "Key | Value", then "A | one"; the paragraph's text is the same, spaces aside.
    expect(kinds(pairBlocks(blocksOf('Key \\| Value A \\| one'), blocksOf('| Key | Value |\n|---|---|\n| A | one |')))).toEqual(['text old>-', 'table ->new']);
  });

  it('should take a paragraph whose text changed only in a space at its end for the same paragraph, moved with its number alone changed', () => {
    const moved = pairBlocks(blocksOf(`${A}\n\n${B}`), blocksOf(`${B}&nbsp;\n\n${A}`)).filter((p) => p.kind === 'text' && p.moved);
    expect(moved.map((p) => p.kind === 'text' && p.moved)).toEqual([
      { side: 'from', oldIndex: 0, newIndex: 1, labelOnly: true },
      { side: 'to', oldIndex: 0, newIndex: 1, labelOnly: true },
    ]);
  });

  it('should pair what is left of a gap by kind: a reworded paragraph with its old self, the paragraph added after it inserted', () => {
    expect(kinds(pairBlocks(blocksOf(`${A}\n\n${B}`), blocksOf(`${A}\n\n${B.replace('any', 'all')}\n\n${C}`)))).toEqual(['text old>new same', 'text old>new', 'text ->new']);
  });
});

describe('compareBlocks: headings and sections', () => {
  it('should give a compared clause whose heading was removed its old heading, and none on the new side', () => {
    const c = compareBlocks(pairingOf('### 1.3 Codes\n\nText.\n', '1.3 Text, amended.\n'), { showFormatting: false }).clauses[0]!;
    expect([c.kind, c.heading]).toEqual(['compared', { old: 'Codes', new: null }]);
  });

  it('should pair an unnumbered section with the one of the same heading, not with the one in its place', () => {
    const c = compare(doc('## Version History\n\nFirst issue.\n\n## Change History\n\nOld notes.\n\n## 1 Part\n\n1.1 Text.\n'), doc('## Change History\n\nOld notes.\n\n## 1 Part\n\n1.1 Text.\n'));
    expect(c.sections.map((s) => [s.old?.heading ?? null, s.new?.heading ?? null])).toEqual([
      ['Version History', null],
      ['Change History', 'Change History'],
    ]);
  });
});

describe('compareBlocks: where a move across clauses may start and end', () => {
  const { CONSULT, DELAY, P31, P32, P33, P51, P52, migration, OLD } = ACROSS;

  /** Every block marked moved across clauses, of any kind: `number kind side clause`. */
  function across(c: ReturnType<typeof compareBlocks>): string[] {
    const out: string[] = [];
    const visit = (x: ClauseComparison) => {
      for (const b of [...x.content, ...x.tail]) {
        const a = 'across' in b ? b.across : undefined;
        if (a) out.push(`${(x.pair.new ?? x.pair.old)!.number} ${b.kind} ${a.side} ${a.clause.number}${a.side === 'to' ? ` ${a.at}` : ''}`);
      }
      x.children.forEach(visit);
    };
    c.clauses.forEach(visit);
    return out;
  }
  const statuses = (c: ReturnType<typeof compareBlocks>) => c.clauses.flatMap((p) => p.children.map((x) => `${(x.pair.new ?? x.pair.old)!.number} ${x.kind}`));

  it('should not take a paragraph of a clause deleted whole, nor one of a clause inserted whole, for a paragraph moved across clauses', () => {
    // 3.3 deleted with its two paragraphs; DELAY, one of them, added to 5.1.
    const gone = compare(doc(OLD), doc(`## 3 Migration\n\n3.1 ${P31}\n\n3.2 ${P32}\n\n${CONSULT}\n\n## 5 Reporting\n\n5.1 ${P51}\n\n${DELAY}\n\n5.2 ${P52}\n`));
    expect(statuses(gone)).toEqual(['3.1 untouched', '3.2 untouched', '3.3 deleted', '5.1 compared', '5.2 untouched']);
    expect(across(gone)).toEqual([]);
    // CONSULT deleted from 3.2 and a new clause 5.3 made of it.
    const added = compare(doc(OLD), doc(`${migration({ '3.1': [P31], '3.2': [P32], '3.3': [P33, DELAY], '5.1': [P51], '5.2': [P52] })}\n5.3 ${CONSULT}\n`));
    expect(statuses(added)).toEqual(['3.1 untouched', '3.2 compared', '3.3 untouched', '5.1 untouched', '5.2 untouched', '5.3 inserted']);
    expect(across(added)).toEqual([]);
  });

  it('should not mark a table moved across clauses, though its words moved with it', () => {
    const table = '| Key | Value |\n|---|---|\n| A | The DCC shall publish every cohort timetable on the DCC Website |';
    const c = compare(doc(migration({ '3.1': [P31], '3.2': [P32, table], '3.3': [P33, DELAY], '5.1': [P51], '5.2': [P52] })), doc(migration({ '3.1': [P31], '3.2': [P32], '3.3': [P33, DELAY], '5.1': [P51, table], '5.2': [P52] })));
    expect(statuses(c)).toEqual(['3.1 untouched', '3.2 compared', '3.3 untouched', '5.1 compared', '5.2 untouched']);
    expect(across(c)).toEqual([]);
  });

  it('should not take a list that gained an item, or a paragraph that became a list or the reverse, for a paragraph that took another in', () => {
    const list = ['- the first cohort of every migration;', '- the second cohort of every migration.'];
    const o = doc(migration({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33, DELAY], '5.1': [P51, list.join('\n')], '5.2': [P52] }));
    const n = doc(migration({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33], '5.1': [P51, [...list, `- ${DELAY}`].join('\n')], '5.2': [P52] }));
    expect(across(compare(o, n))).toEqual([]);
    // Nor a paragraph that became a list with the moved text as its second item, nor a list that became a paragraph ending with it.
    const item = 'The first cohort of every migration shall be chosen by the Panel.';
    const asList = doc(migration({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33], '5.1': [P51, `- ${item}\n- ${DELAY}`], '5.2': [P52] }));
    const asParagraph = doc(migration({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33], '5.1': [P51, `${item} ${DELAY}`], '5.2': [P52] }));
    expect(across(compare(doc(migration({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33, DELAY], '5.1': [P51, item], '5.2': [P52] })), asList))).toEqual([]);
    expect(across(compare(doc(migration({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33, DELAY], '5.1': [P51, `- ${item}`], '5.2': [P52] })), asParagraph))).toEqual([]);
  });

  it('should mark a move into each of two sub-clauses of one part, the part\'s own text unchanged', () => {
    const c = compare(doc(OLD), doc(migration({ '3.1': [P31], '3.2': [P32], '3.3': [P33], '5.1': [P51, CONSULT], '5.2': [`${DELAY} ${P52}`] })));
    expect(across(c)).toEqual(['3.2 text from 5.1', '3.3 text from 5.2', '5.1 text to 3.2 whole', '5.2 text to 3.3 start']);
  });

  it('should mark a paragraph moved from the text after a clause\'s sub-paragraphs', () => {
    // The parser keeps only tables after sub-paragraphs (`tail`); the model holds any block there.
    const withItems = (extra: string[]) => `## 3 Migration\n\n3.1 ${P31}\n\n3.2 ${P32}\n\n(a) for the first cohort;\n\n(b) for every later cohort.\n\n## 5 Reporting\n\n5.1 ${[P51, ...extra].join('\n\n')}\n\n5.2 ${P52}\n`;
    const o = doc(withItems([]));
    const n = doc(withItems([DELAY]));
    const o32 = o.clauses[0]!.children[1]!;
    o32.tail.push(doc(`1.1 ${DELAY}\n`).clauses[0]!.content[0]!);
    const c = compare(o, n);
    expect(across(c)).toEqual(['3.2 text from 5.1', '5.1 text to 3.2 whole']);
    expect(kinds(c.clauses[0]!.children[1]!.tail)).toEqual(['text old>-']);
  });
});

describe('compareTable: the key column and the rows', () => {
  it('should not key on a column a short row has no cell in', () => {
    // Ref names the key, but beta's row stops before it: no key, rows paired by content.
    const t = compareTables([['Description', 'Ref'], ['alpha', 'R1'], ['beta']], [['Description', 'Ref'], ['beta'], ['alpha', 'R1']]);
    expect(t.keyColumn).toBeNull();
    expect(rowsOf(t)).toEqual(['0>-', '1>0', '->1']);
  });

  it('should read a key cell without the spaces around it', () => {
    // A no-break space before the new key: the same key A.
    expect(rowsOf(compareTables([['Key', 'Value'], ['A', 'one']], [['Key', 'Value'], ['&nbsp;A', 'one']]))).toEqual(['0>0 A']);
  });

  it('should not key on a column inserted in the new table, though its header names a key', () => {
    const t = compareTables([['Description', 'Code'], ['alpha', 'C1'], ['beta', 'C2']], [['Key', 'Description', 'Code'], ['k1', 'beta', 'C2'], ['k2', 'alpha', 'C1']]);
    expect(columnsOf(t)).toEqual(['->0', '0>1', '1>2']);
    expect(t.keyColumn).toEqual({ old: 0, new: 1, name: 'Description', definitions: false });
    expect(rowsOf(t)).toEqual(['1>0 beta moved', '0>1 alpha']);
  });

  it('should mark moved the rows off the longest run of paired rows in order, not counting a deleted row', () => {
    // A B C D became C D A: C and D kept their order, A moved; B, deleted, stays after A.
    const t = compareTables([['Key', 'Value'], ['A', 'one'], ['B', 'two'], ['C', 'three'], ['D', 'four']], [['Key', 'Value'], ['C', 'three'], ['D', 'four'], ['A', 'one']]);
    expect(rowsOf(t)).toEqual(['2>0 C', '3>1 D', '0>2 A moved', '1>- B']);
  });

  it('should give the cell a short new row lacks as empty text, and say it is missing', () => {
    const t = compareBlocks(pairingOf('1.1 T:\n\n| Key | Value |\n|---|---|\n| B | two |\n', '1.1 T:\n\n| Key | Value |\n|---|---|\n| B |\n'), { showFormatting: false }).clauses[0]!.content.find((x): x is TableComparison => x.kind === 'table')!;
    expect(t.rows.map((r) => r.cells.map((c) => [c.missing, runText(c.oldRuns), runText(c.newRuns)]))).toEqual([[[null, 'B', 'B'], ['new', 'two', '']]]);
  });

  it('should not take a column for another renamed when few of its cells, counted with repeats, are kept', () => {
    // Meaning x x x p, Status x q r s: one x in common, Dice 2*1/8; headers share no word.
    expect(columnsOf(compareTables([['Code', 'Meaning'], ['A', 'x'], ['B', 'x'], ['C', 'x'], ['D', 'p']], [['Code', 'Status'], ['A', 'x'], ['B', 'q'], ['C', 'r'], ['D', 's']]))).toEqual(['0>0', '1>-', '->1']);
  });
});

describe('compareTable: rows re-lettered or paired by content', () => {
  it('should not re-letter a row whose other cells only read the same run together', () => {
    // "ab" "c" and "a" "bc": different cells.
    expect(rowsOf(compareTables([['Key', 'A', 'B'], ['K1', 'ab', 'c']], [['Key', 'A', 'B'], ['K2', 'a', 'bc']]))).toEqual(['0>- K1', '->0 K2']);
  });

  it('should re-letter only a row whose old key is gone, to a row whose new key is new', () => {
    // A is kept: it is no old row of C, which has A's other cells.
    expect(rowsOf(compareTables([['Key', 'Value'], ['A', 'one'], ['B', 'two']], [['Key', 'Value'], ['A', 'one'], ['C', 'one']]))).toEqual(['0>0 A', '1>- B', '->1 C']);
    // A is kept, with B's other cell: B is deleted, not re-lettered A.
    expect(rowsOf(compareTables([['Key', 'Value'], ['A', 'one'], ['B', 'two']], [['Key', 'Value'], ['A', 'two']]))).toEqual(['0>0 A', '1>- B']);
  });

  it('should pair rows by content only when their cells are the same, not their texts run together', () => {
    // The key repeats (a, a): rows by content. "a" "bc" and "ab" "c" are different rows.
    const t = compareTables([['Code', 'N'], ['a', 'bc'], ['a', 'z']], [['Code', 'N'], ['ab', 'c'], ['a', 'z']]);
    expect(t.keyColumn).toBeNull();
    expect(rowsOf(t)).toEqual(['0>-', '->0', '1>1']);
  });
});
