/**
 * Stage 3 of the redline (src/diff/mark.ts), end to end on small documents written here: the
 * segments of split and merged paragraphs, the notes of blocks and list items that moved, the
 * statuses of table columns, rows and cells, of sections and headings, the fields of inserted,
 * deleted and untouched clauses, and the counts. Every expected segment is written by hand.
 */
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/index.js';
import type { ContentChange, DocumentDiff, Segment, TableChange, TextBlockChange } from '../../src/model/change.js';
import { ACROSS, parse } from './helpers.js';

const segs = (ss: readonly Segment[] | null) => (ss ?? []).map((s) => `${s.op}:${s.text}`);
const redline = (o: string, n: string, options = {}) => diffDocuments(parse(o), parse(n), options);
const content = (d: DocumentDiff, k = 0) => d.clauses[k]!.content;
const text = (b: ContentChange | undefined) => b as TextBlockChange;

const A = 'The DCC shall publish the Migration Schedule on its website before the first cohort begins.';
const B = 'Each Supplier Party shall provide any information reasonably requested for that purpose.';
const C = 'Panel members may attend meetings remotely where circumstances require it.';
const D = 'Notices under this Section must be given in writing to every affected Party.';

describe('markWords: split and merged paragraphs', () => {
  it('should cut the word diff of a split at the break: the space between struck, the new piece marked as starting at an inserted break', () => {
    const [first, second, ...rest] = content(redline(`1.1 ${A} ${B}\n`, `1.1 ${A}\n\n${B}\n`));
    expect(rest).toEqual([]);
    expect([text(first).status, text(first).breakBefore, segs(text(first).segments)]).toEqual(['amended', undefined, [`equal:${A}`, 'delete: ']]);
    expect([text(second).status, text(second).breakBefore, segs(text(second).segments)]).toEqual(['amended', 'insert', [`equal:${B}`]]);
    expect([text(first).old !== null, text(first).new !== null, text(second).old, text(second).new !== null]).toEqual([true, true, null, true]);
  });

  it('should cut the word diff of a merge at the old break: the space that joins them inserted, the old piece marked as ending at a deleted break', () => {
    const [first, second] = content(redline(`1.1 ${A}\n\n${B}\n`, `1.1 ${A}  ${B}\n`));
    expect([text(first).breakBefore, segs(text(first).segments)]).toEqual([undefined, [`equal:${A}`, 'insert:  ']]);
    expect([text(second).breakBefore, segs(text(second).segments), text(second).old !== null, text(second).new]).toEqual(['delete', [`equal:${B}`], true, null]);
  });

  it('should mark only the word that changed inside a split', () => {
    const [first, second] = content(redline(`1.1 ${A} ${B}\n`, `1.1 ${A}\n\n${B.replace('any', 'all')}\n`));
    expect(segs(text(first).segments)).toEqual([`equal:${A}`, 'delete: ']);
    expect(segs(text(second).segments)).toEqual(['equal:Each Supplier Party shall provide ', 'delete:any', 'insert:all', 'equal: information reasonably requested for that purpose.']);
  });
});

describe('markWords: moved blocks and items', () => {
  it('should mark a paragraph moved in its clause deleted where it stood and inserted where it stands, each note naming the other place', () => {
    const blocks = content(redline(`1.1 ${A}\n\n${B}\n\n${C}\n\n${D}\n`, `1.1 ${B}\n\n${C}\n\n${D}\n\n${A.replace('first', 'second')}\n`));
    expect(blocks.map((b) => text(b).status)).toEqual(['deleted', 'unchanged', 'unchanged', 'unchanged', 'inserted']);
    expect([segs(text(blocks[0]).segments), text(blocks[0]).moved]).toEqual([[`delete:${A}`], { side: 'from', note: 'Moved to paragraph 4' }]);
    const to = text(blocks[4]);
    expect(segs(to.segments)).toEqual([`insert:${A.replace('first', 'second')}`]);
    expect(to.moved!.side === 'to' && [to.moved!.note, to.moved!.amended, segs(to.moved!.segments)]).toEqual([
      'Moved from paragraph 1',
      true,
      ['equal:The DCC shall publish the Migration Schedule on its website before the ', 'delete:first', 'insert:second', 'equal: cohort begins.'],
    ]);
  });

  it('should not call a moved paragraph amended when it moved unchanged', () => {
    const blocks = content(redline(`1.1 ${A}\n\n${B}\n\n${C}\n`, `1.1 ${B}\n\n${C}\n\n${A}\n`));
    const to = text(blocks[3]);
    expect(to.moved).toMatchObject({ side: 'to', note: 'Moved from paragraph 1', amended: false });
  });

  it('should mark each item of a reordered list on its own, the moved item by item number, and the list amended', () => {
    const list = text(content(redline(`1.1 Items:\n\n- ${A}\n- ${B}\n- ${C}\n`, `1.1 Items:\n\n- ${B}\n- ${C}\n- ${A}\n`))[1]);
    expect([list.status, list.blockType, list.old!.type, list.new!.type]).toEqual(['amended', 'list', 'list', 'list']);
    expect(list.items!.map((i) => [i.status, i.oldItem, i.newItem, i.moved?.note ?? null])).toEqual([
      ['deleted', 0, null, 'Moved to item 3'],
      ['unchanged', 1, 0, null],
      ['unchanged', 2, 1, null],
      ['inserted', null, 2, 'Moved from item 1'],
    ]);
    expect(segs(list.segments)).toEqual([`delete:${A}`, 'delete:\n', `equal:${B}`, 'equal:\n', `equal:${C}`, 'insert:\n', `insert:${A}`]);
  });
});

describe('markWords: paragraphs moved across clauses', () => {
  const { CONSULT, DELAY, P31, P32, P33, P51, P52, migration: md, OLD } = ACROSS;
  const clause = (d: DocumentDiff, number: string) => d.clauses.flatMap((c) => c.children).find((c) => (c.new ?? c.old)!.number === number)!;

  it('should mark a paragraph moved whole deleted where it stood and inserted where it stands, each naming the other clause, and only its new words marked as moved', () => {
    const moved = CONSULT.replace('Supplier Parties', 'Supplier Parties and Network Parties');
    const d = redline(OLD, md({ '3.1': [P31], '3.2': [P32], '3.3': [P33, DELAY], '5.1': [P51, moved], '5.2': [P52] }));
    const from = text(clause(d, '3.2').content[1]);
    expect([from.status, from.blockType, segs(from.segments), from.moved, from.new]).toEqual(['deleted', 'paragraph', [`delete:${CONSULT}`], { side: 'from', note: 'Moved to Clause 5.1' }, null]);
    const to = text(clause(d, '5.1').content[1]);
    expect([to.status, to.blockType, segs(to.segments), to.old]).toEqual(['inserted', 'paragraph', [`insert:${moved}`], null]);
    expect(to.moved!.side === 'to' && [to.moved!.note, to.moved!.amended, segs(to.moved!.segments)]).toEqual([
      'Moved from Clause 3.2',
      true,
      ['equal:The DCC shall consult Supplier Parties ', 'insert:and Network Parties ', 'equal:on each cohort timetable before it is published on the DCC Website.'],
    ]);
  });

  it('should mark a paragraph merged into the start of another clause\'s paragraph as moved in, its own words inserted', () => {
    const d = redline(OLD, md({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33], '5.1': [P51], '5.2': [`${DELAY} ${P52}`] }));
    expect(text(clause(d, '3.3').content[1]).moved).toEqual({ side: 'from', note: 'Moved to Clause 5.2' });
    const merged = text(clause(d, '5.2').content[0]);
    expect([merged.status, segs(merged.segments), merged.old !== null, merged.new !== null]).toEqual(['amended', [`insert:${DELAY} `, `equal:${P52}`], true, true]);
    expect(merged.movedIn && [merged.movedIn.note, merged.movedIn.at, merged.movedIn.amended, segs(merged.movedIn.segments)]).toEqual(['Moved from Clause 3.3', 'start', false, [`equal:${DELAY} ${P52}`]]);
    // Moved unchanged and nothing else changed in the paragraph's own words: still amended, for the words it took in.
    const atEnd = text(clause(redline(OLD, md({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33], '5.1': [P51], '5.2': [`${P52} ${DELAY}`] })), '5.2').content[0]);
    expect(atEnd.movedIn).toMatchObject({ note: 'Moved from Clause 3.3', at: 'end', amended: false });
  });
});

describe('markWords: tables', () => {
  const OLD = '1.1 T:\n\n| Key | Value | Old |\n|---|---|---|\n| A | one | x |\n| B | two | y |\n| C | three | z |\n';
  const NEW = '1.1 T:\n\n| Key | Value |\n|---|---|\n| B | two |\n| C | 3 |\n| A | one |\n| D | four |\n';

  it('should give each column, row and cell its status, a moved row flagged, and the table amended', () => {
    const t = content(redline(OLD, NEW))[1] as TableChange;
    expect(t.status).toBe('amended');
    expect(t.columns.map((c) => [c.status, c.old, c.new, segs(c.header.segments)])).toEqual([
      ['unchanged', 0, 0, ['equal:Key']],
      ['unchanged', 1, 1, ['equal:Value']],
      ['deleted', 2, null, ['delete:Old']],
    ]);
    expect(t.rows.map((r) => [r.status, r.old, r.new, r.key, r.moved ?? false, r.cells.map((c) => `${c.status}:${segs(c.segments).join('|')}`)])).toEqual([
      ['amended', 1, 0, 'B', false, ['unchanged:equal:B', 'unchanged:equal:two', 'deleted:delete:y']],
      ['amended', 2, 1, 'C', false, ['unchanged:equal:C', 'amended:delete:three|insert:3', 'deleted:delete:z']],
      ['amended', 0, 2, 'A', true, ['unchanged:equal:A', 'unchanged:equal:one', 'deleted:delete:x']],
      ['inserted', null, 3, 'D', false, ['inserted:insert:D', 'inserted:insert:four', 'unchanged:']],
    ]);
  });

  it('should call a table whose only change is a row moved amended, and one the same unchanged', () => {
    const table = (rows: string[]) => `1.1 T:\n\n| Key | Value |\n|---|---|\n${rows.map((r) => `| ${r} | v${r} |`).join('\n')}\n\nAfter ${rows.join(' ')}.\n`;
    const moved = content(redline(table(['A', 'B', 'C']), table(['C', 'A', 'B'])))[1] as TableChange;
    expect([moved.status, moved.rows.map((r) => r.status), moved.rows.map((r) => r.moved ?? false)]).toEqual(['amended', ['unchanged', 'unchanged', 'unchanged'], [true, false, false]]);
    const same = redline(`${table(['A', 'B'])}\n1.2 Other text.\n`, `${table(['A', 'B'])}\n1.2 Other text, amended.\n`);
    expect((content(same)[1] as TableChange).status).toBe('unchanged');
  });

  it('should mark a header renamed, and a whole table inserted or deleted', () => {
    const renamed = content(redline('1.1 T:\n\n| Key | Meaning |\n|---|---|\n| A | one |\n', '1.1 T:\n\n| Key | Definition |\n|---|---|\n| A | one |\n'))[1] as TableChange;
    expect(renamed.columns.map((c) => [c.status, segs(c.header.segments)])).toEqual([
      ['unchanged', ['equal:Key']],
      ['amended', ['delete:Meaning', 'insert:Definition']],
    ]);
    expect(renamed.status).toBe('amended');
    const added = content(redline('1.1 T:\n', '1.1 T:\n\n| Key | Value |\n|---|---|\n| A | one |\n'))[1] as TableChange;
    expect([added.status, added.columns.map((c) => c.status), added.rows.map((r) => r.status)]).toEqual(['inserted', ['inserted', 'inserted'], ['inserted']]);
    const gone = content(redline('1.1 T:\n\n| Key | Value |\n|---|---|\n| A | one |\n', '1.1 T:\n'))[1] as TableChange;
    expect([gone.status, gone.columns.map((c) => c.status), gone.rows.map((r) => [r.status, r.cells.map((c) => segs(c.segments).join())])]).toEqual(['deleted', ['deleted', 'deleted'], [['deleted', ['delete:A', 'delete:one']]]]);
  });

  it('should say which side lacks a cell of a short row', () => {
    const t = content(redline('1.1 T:\n\n| Key | Value |\n|---|---|\n| A |\n', '1.1 T:\n\n| Key | Value |\n|---|---|\n| A | one |\n'))[1] as TableChange;
    expect(t.rows[0]!.cells.map((c) => [c.status, c.missing ?? null, segs(c.segments)])).toEqual([
      ['unchanged', null, ['equal:A']],
      ['amended', 'old', ['insert:one']],
    ]);
  });
});

describe('markWords: sections, headings and clause fields', () => {
  it('should give each unnumbered section its status, its heading and content marked', () => {
    const d = redline('## Version History\n\nFirst issue.\n\n## Change History\n\nNone.\n\n## 1 Part\n\n1.1 Text.\n', '## Version History\n\nFirst issue, amended.\n\n## 1 Part\n\n1.1 Text.\n');
    expect(d.sections.map((s) => [s.status, segs(s.heading), s.content.map((b) => segs(text(b).segments))])).toEqual([
      ['amended', ['equal:Version History'], [['equal:First issue', 'insert:, amended', 'equal:.']]],
      ['deleted', ['delete:Change History'], [['delete:None.']]],
    ]);
    const back = diffDocuments(d.new.document, d.old.document);
    expect(back.sections.map((s) => s.status)).toEqual(['amended', 'inserted']);
    const same = diffDocuments(d.new.document, d.new.document);
    expect(same.sections.map((s) => s.status)).toEqual(['unchanged']);
    // A section's heading reworded alone amends it (half its words changed: replaced whole for reading).
    const renamed = redline('## Change History\n\nNone.\n', '## Amendment History\n\nNone.\n');
    expect(renamed.sections.map((s) => [s.status, segs(s.heading)])).toEqual([['amended', ['delete:Change History', 'insert:Amendment History']]]);
  });

  it('should amend a clause whose heading alone changed, marking the words added', () => {
    const d = redline('## 1 Scope\n\n1.1 Text.\n', '## 1 Scope and purpose\n\n1.1 Text.\n');
    const part = d.clauses[0]!;
    expect([part.status, part.amended, part.heading!.map((s) => s.op)]).toEqual(['amended', true, ['equal', 'insert']]);
    expect(segs(part.heading).join('')).toBe('equal:Scope insert:and purpose');
    expect(d.summary).toMatchObject({ amended: 1, unchanged: 1, changed: 1 });
    // Kept: one equal segment.
    expect(segs(redline('## 1 Scope\n\n1.1 Text.\n', '## 1 Scope\n\n1.1 Text, amended.\n').clauses[0]!.heading)).toEqual(['equal:Scope']);
  });

  it('should give an inserted or deleted clause its heading and text marked whole, no match, and a changed subtree', () => {
    const d = redline('## 1 Part\n\n1.1 Kept text.\n', '## 1 Part\n\n1.1 Kept text.\n\n### 1.2 Fees\n\nEach Party pays its own fees.\n');
    const added = d.clauses[0]!.children[1]!;
    expect([added.status, added.old, added.new!.number, added.match, added.similarity, added.subtreeChanged, segs(added.heading)]).toEqual(['inserted', null, '1.2', null, null, true, ['insert:Fees']]);
    expect(segs(text(added.content[0]).segments)).toEqual(['insert:Each Party pays its own fees.']);
    expect(d.summary).toMatchObject({ inserted: 1, unchanged: 2, changed: 1 });
    expect(d.clauses[0]!.subtreeChanged).toBe(true);
    const gone = diffDocuments(d.new.document, d.old.document).clauses[0]!.children[1]!;
    expect([gone.status, gone.old!.number, gone.new, gone.match, segs(gone.heading)]).toEqual(['deleted', '1.2', null, null, ['delete:Fees']]);
  });

  it('should give an untouched clause its basis, similarity rounded to three places, parent and citation', () => {
    const d = redline('## 1 Part\n\n1.1 Kept text.\n\n1.2 Other.\n', '## 1 Part\n\n1.1 Kept text.\n\n1.2 Other, amended.\n');
    const kept = d.clauses[0]!.children[0]!;
    expect([kept.status, kept.match, kept.similarity, kept.subtreeChanged, kept.heading]).toEqual(['unchanged', 'number', 1, false, null]);
    expect(kept.new).toMatchObject({ number: '1.1', citation: '1.1', parent: { number: '1', citation: '1' } });
    const changed = d.clauses[0]!.children[1]!;
    // Words {other} and {other, amended}: one word on a side, so words only, 2*1/3 rounded.
    expect([changed.status, changed.similarity]).toEqual(['amended', 0.667]);
    expect(d.clauses[0]!.subtreeChanged).toBe(true);
  });

  it('should count a clause renumbered and one moved by their status, and amended alongside', () => {
    const d = redline('## 1 A\n\n1.1 Alpha text of the clause.\n\n1.2 Beta text of the clause.\n\n## 2 B\n\n2.1 Gamma text.\n', '## 1 A\n\n1.1 Beta text of the clause.\n\n## 2 B\n\n2.1 Gamma text.\n\n2.2 Alpha text of the clause.\n');
    // New order; the moved clause where it stands now.
    expect(d.clauses.flatMap((c) => c.children).map((c) => `${c.status} ${c.old?.number ?? '-'}>${c.new?.number ?? '-'}`)).toEqual(['renumbered 1.2>1.1', 'unchanged 2.1>2.1', 'moved 1.1>2.2']);
    expect(d.summary).toMatchObject({ unchanged: 3, amended: 0, moved: 1, renumbered: 1, changed: 2 });
  });
});

describe('markWords: clause fields, more', () => {
  it('should never call an inserted or deleted clause moved or renumbered', () => {
    const d = redline('## 1 Part\n\n1.1 Kept text.\n', '## 1 Part\n\n1.1 Kept text.\n\n1.2 Added text of a new clause.\n');
    const added = d.clauses[0]!.children[1]!;
    expect([added.status, added.moved, added.renumbered, added.amended]).toEqual(['inserted', false, false, false]);
  });

  it('should mark a heading a clause gained, and not amend a clause renumbered under the same heading', () => {
    const gained = redline('## 1 Part\n\n1.1 Text of the clause.\n', '## 1 Part\n\n### 1.1 Heading\n\nText of the clause.\n').clauses[0]!.children[0]!;
    expect([gained.status, gained.amended, segs(gained.heading)]).toEqual(['amended', true, ['insert:Heading']]);
    const d = redline('## 1 Part\n\n### 1.1 Fees\n\nEach Party pays.\n', '## 1 Part\n\n### 1.1 Scope\n\nNew clause about scope of things entirely.\n\n### 1.2 Fees\n\nEach Party pays.\n');
    const fees = d.clauses[0]!.children[1]!;
    expect([fees.status, fees.amended, fees.old!.number, fees.new!.number, segs(fees.heading)]).toEqual(['renumbered', false, '1.1', '1.2', ['equal:Fees']]);
  });

  it('should give the sub-clauses of a part the same all the way down their headings, their basis, and their tables, unchanged', () => {
    const part = '## 1 Part\n\n### Notes\n\nAn unnumbered note.\n\n1.1 Text.\n\n| Key | Value |\n|---|---|\n| A | one |\n';
    const d = redline(`${part}\n## 2 Other\n\n2.1 Old.\n`, `${part}\n## 2 Other\n\n2.1 New.\n`);
    const notes = d.clauses[0]!.children[0]!;
    expect([notes.status, notes.match, notes.old!.number, segs(notes.heading), notes.subtreeChanged]).toEqual(['unchanged', 'content', null, ['equal:Notes'], false]);
    const clause = notes.children[0]!;
    expect([clause.status, clause.match, clause.heading, clause.content.map((b) => `${b.kind}:${b.status}`)]).toEqual(['unchanged', 'number', null, ['text:unchanged', 'table:unchanged']]);
    const table = clause.content[1] as TableChange;
    expect(table.rows.map((r) => [r.status, r.key, r.cells.map((c) => segs(c.segments).join())])).toEqual([['unchanged', 'A', ['equal:A', 'equal:one']]]);
    expect([d.clauses[0]!.subtreeChanged, d.clauses[1]!.subtreeChanged]).toEqual([false, true]);
  });

  it('should leave a clause whose only change is hidden formatting, and its parent, with no changed subtree', () => {
    const d = redline('## 1 Part\n\n1.1 The report is\ndue.\n\n1.2 Other text.\n', '## 1 Part\n\n1.1 The report is due.\n\n1.2 Other text.\n');
    expect(d.clauses[0]!.children.map((c) => [c.status, c.subtreeChanged])).toEqual([['unchanged', false], ['unchanged', false]]);
    expect(d.clauses[0]!.subtreeChanged).toBe(false);
    expect(d.summary.changed).toBe(0);
  });

  it('should give a block added or removed its own status, and a cell with no missing side no `missing` field', () => {
    const d = redline('1.1 First.\n\nSecond.\n', '1.1 First.\n\nSecond.\n\nThird, added.\n');
    expect(content(d).map((b) => text(b).status)).toEqual(['unchanged', 'unchanged', 'inserted']);
    expect(content(diffDocuments(d.new.document, d.old.document)).map((b) => text(b).status)).toEqual(['unchanged', 'unchanged', 'deleted']);
    const t = content(redline('1.1 T:\n\n| Key | Value |\n|---|---|\n| A | one |\n', '1.1 T:\n\n| Key | Value |\n|---|---|\n| A | two |\n'))[1] as TableChange;
    expect(t.rows[0]!.cells.map((c) => Object.keys(c).sort())).toEqual([['segments', 'status'], ['segments', 'status']]);
  });

  it('should call a section amended when one of its blocks changed and another did not', () => {
    const d = redline('## Version History\n\nFirst issue.\n\nSecond issue.\n', '## Version History\n\nFirst issue.\n\nSecond issue, amended.\n');
    expect(d.sections.map((s) => [s.status, s.content.map((b) => text(b).status)])).toEqual([['amended', ['unchanged', 'amended']]]);
  });

  it('should keep the merged paragraph on the first old piece of a merge, and no new block on the others', () => {
    const [first, second] = content(redline(`1.1 ${A}\n\n${B}\n`, `1.1 ${A} ${B}\n`));
    expect([text(first).status, text(first).old !== null, text(first).new !== null, text(second).status, text(second).new]).toEqual(['amended', true, true, 'amended', null]);
  });

  it('should not amend a paragraph that moved with its own number changed to fit its new place', () => {
    const a = '1° The DCC shall publish the Migration Schedule on its website before the first cohort.';
    const b = '2° Each Supplier Party shall provide any information reasonably requested for that purpose.';
    const blocks = content(redline(`1.1 Text.\n\n${a}\n\n${b}\n`, `1.1 Text.\n\n${b.replace('2°', '1°')}\n\n${a.replace('1°', '2°')}\n`));
    const to = blocks.map(text).find((x) => x.moved?.side === 'to')!;
    expect(to.moved).toMatchObject({ side: 'to', amended: false });
  });
});

describe('markWords: with formatting shown', () => {
  it('should amend a block that changed kind with the same words only when formatting is shown', () => {
    const o = `1.1 Items:\n\n${A}\n`;
    const n = `1.1 Items:\n\n- ${A}\n`;
    expect(text(content(redline(o, n))[1]).status).toBe('unchanged');
    expect(text(content(redline(o, n, { showFormatting: true }))[1]).status).toBe('amended');
  });

  it('should amend a code block whose language alone changed and a list in a list switched between bullets and numbers, only when formatting is shown', () => {
    const status = (o: string, n: string, showFormatting: boolean) => text(content(redline(`1.1 Items:\n\n${o}\n`, `1.1 Items:\n\n${n}\n`, { showFormatting }))[1]).status;
    const pairs: Array<[string, string]> = [
      ['```js\nrun(1);\n```', '```ts\nrun(1);\n```'],
      ['```js\nrun(1);\n```', '```\nrun(1);\n```'],
      // A list in a list: a numbered list of a clause's own is read as its sub-clauses.
      [`- ${A}\n  - ${B}\n  - ${C}`, `- ${A}\n  1. ${B}\n  2. ${C}`],
      [`- ${A}\n\n  1. ${B}\n  2. ${C}`, `- ${A}\n\n  - ${B}\n  - ${C}`],
    ];
    for (const [o, n] of pairs) expect([status(o, n, false), status(o, n, true)]).toEqual(['unchanged', 'amended']);
    // A block the same as before is no change, formatting shown or not.
    expect([status('```js\nrun(1);\n```', '```js\nrun(1);\n```', true), status(`- ${A}\n  - ${B}`, `- ${A}\n  - ${B}`, true)]).toEqual(['unchanged', 'unchanged']);
  });
});

describe('markWords: kinds, headings lost, and moves that changed the kind of block', () => {
  it('should give each block of a split, a merge, a list reordered and a paragraph moved across clauses the kind `text`', () => {
    const split = content(redline(`1.1 ${A} ${B}\n`, `1.1 ${A}\n\n${B}\n`));
    const merged = content(redline(`1.1 ${A}\n\n${B}\n`, `1.1 ${A} ${B}\n`));
    const list = content(redline(`1.1 Items:\n\n- ${A}\n- ${B}\n- ${C}\n`, `1.1 Items:\n\n- ${B}\n- ${C}\n- ${A}\n`))[1]!;
    expect([...split, ...merged, list, ...text(list).items!].map((b) => b.kind)).toEqual(['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text']);
    const { CONSULT, DELAY, P31, P32, P33, P51, P52, migration: md, OLD } = ACROSS;
    const whole = redline(OLD, md({ '3.1': [P31], '3.2': [P32], '3.3': [P33, DELAY], '5.1': [P51, CONSULT], '5.2': [P52] }));
    const intoStart = redline(OLD, md({ '3.1': [P31], '3.2': [P32, CONSULT], '3.3': [P33], '5.1': [P51], '5.2': [`${DELAY} ${P52}`] }));
    const blocks = (d: DocumentDiff) => d.clauses.flatMap((c) => c.children).flatMap((c) => c.content);
    const movedBlocks = [...blocks(whole), ...blocks(intoStart)].filter((b) => b.kind === 'text' ? b.moved || b.movedIn : true);
    expect(movedBlocks.map((b) => `${b.kind}:${b.status}`)).toEqual(['text:deleted', 'text:inserted', 'text:deleted', 'text:amended']);
  });

  it('should amend a clause that lost its heading, the heading struck', () => {
    const lost = redline('## 1 Part\n\n### 1.1 Fees\n\nEach Party pays its own fees.\n', '## 1 Part\n\n1.1 Each Party pays its own fees.\n').clauses[0]!.children[0]!;
    expect([lost.status, lost.amended, segs(lost.heading)]).toEqual(['amended', true, ['delete:Fees']]);
  });

  it('should call a paragraph moved as a quote amended only when formatting is shown, and one moved as it was not amended', () => {
    const o = `1.1 ${A}\n\n${B}\n\n${C}\n`;
    const quoted = `1.1 ${B}\n\n${C}\n\n> ${A}\n`;
    const movedTo = (d: DocumentDiff) => content(d).map(text).find((b) => b.moved?.side === 'to')!.moved;
    expect(movedTo(redline(o, quoted))).toMatchObject({ note: 'Moved from paragraph 1', amended: false });
    expect(movedTo(redline(o, quoted, { showFormatting: true }))).toMatchObject({ note: 'Moved from paragraph 1', amended: true });
    expect(movedTo(redline(o, `1.1 ${B}\n\n${C}\n\n${A}\n`, { showFormatting: true }))).toMatchObject({ amended: false });
  });
});

describe('markWords: spaces at the breaks of a split or merge, and headings that differ in spaces or in being there', () => {
  it('should keep the old text of a split\'s first piece where it differs inside, and strike the space that stood at the break apart', () => {
    const wrapped = A.replace('publish the', 'publish\nthe');
    const [first] = content(redline(`1.1 ${wrapped} ${B}\n`, `1.1 ${A}\n\n${B}\n`));
    expect(text(first).segments).toEqual([{ op: 'equal', text: A, old: wrapped }, { op: 'delete', text: ' ' }]);
    const [plain] = content(redline(`1.1 ${A} ${B}\n`, `1.1 ${A}\n\n${B}\n`));
    expect(text(plain).segments).toEqual([{ op: 'equal', text: A }, { op: 'delete', text: ' ' }]);
  });

  it('should leave the start of a later piece as the word diff gave it, a re-wrapped line kept as unchanged text', () => {
    const [, second] = content(redline(`1.1 ${A} Each Supplier Party shall provide\nany information reasonably requested for that purpose.\n`, `1.1 ${A}\n\n${B.replace('any', 'all')}\n`));
    expect(text(second).segments).toEqual([
      { op: 'equal', text: 'Each Supplier Party shall provide ', old: 'Each Supplier Party shall provide\n' },
      { op: 'delete', text: 'any' },
      { op: 'insert', text: 'all' },
      { op: 'equal', text: ' information reasonably requested for that purpose.' },
    ]);
  });

  it('should give the space a link gives back at a merged break as inserted, with no empty unchanged text beside it', () => {
    const [first, second] = content(redline(`1.1 Read the [guide](https://x.org)\n\n${B}\n`, `1.1 Read the [guide](https://x.org) ${B}\n`));
    expect(text(first).segments).toEqual([{ op: 'equal', text: 'Read the ' }, { op: 'equal', text: 'guide', href: 'https://x.org' }, { op: 'insert', text: ' ' }]);
    expect(text(second).segments).toEqual([{ op: 'equal', text: B }]);
  });

  it('should not amend a clause whose heading differs only in spaces', () => {
    const c = redline('## 1 Part\n\n### 1.1 Fees  and charges\n\nText.\n', '## 1 Part\n\n### 1.1 Fees and charges\n\nText.\n').clauses[0]!.children[0]!;
    expect([c.status, c.amended, c.heading]).toEqual(['unchanged', false, [{ op: 'equal', text: 'Fees and charges', old: 'Fees  and charges' }]]);
  });

  it('should amend a clause whose empty heading came or went only when formatting is shown', () => {
    // An empty `###` heading makes a clause with the heading ``; numbered in the other text, it has none.
    const o = '## 1 Part\n\n###\n\nEach Party shall pay its own costs of the arbitration.\n';
    const n = '## 1 Part\n\n1.1 Each Party shall pay its own costs of the arbitration.\n';
    const clause = (a: string, b: string, showFormatting: boolean) => redline(a, b, { showFormatting }).clauses[0]!.children[0]!;
    expect([false, true].map((shown) => [clause(o, n, shown).status, clause(o, n, shown).amended])).toEqual([['renumbered', false], ['renumbered', true]]);
    expect([false, true].map((shown) => clause(n, o, shown).amended)).toEqual([false, true]);
  });
});
