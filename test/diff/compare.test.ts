/** Stage 2 of the redline, `compareBlocks`, fed a hand-made clause pairing: statuses the pairing settles, blocks, rows. */
import { describe, expect, it } from 'vitest';
import { compareBlocks, type Table, type TableComparison } from '../../src/diff/compare.js';
import { pairingOf } from './helpers.js';

describe('compareBlocks', () => {
  it('should mark a pair renumbered from its numbers, and give a changed paragraph as old and new runs', () => {
    const c = compareBlocks(pairingOf('1.2 The *old* text.\n', '1.3 The new text.\n'), { showFormatting: false }).clauses[0]!;
    expect(c).toMatchObject({ kind: 'compared', renumbered: true, moved: false });
    const block = c.content[0]!;
    expect(block.kind === 'text' && block.same).toBe(false);
    expect(block.kind === 'text' && block.oldRuns!.map((r) => r.text)).toEqual(['The ', 'old', ' text.']);
    expect(block.kind === 'text' && block.newRuns!.map((r) => r.text)).toEqual(['The new text.']);
  });

  it('should leave an untouched pair untouched, its blocks paired as the same, and a pair whose parents differ moved', () => {
    const same = compareBlocks(pairingOf('1.2 Text.\n', '1.2 Text.\n', { sameContent: true }), { showFormatting: false }).clauses[0]!;
    expect(same).toMatchObject({ kind: 'untouched', renumbered: false, moved: false, heading: null });
    expect(same.content).toMatchObject([{ kind: 'text', same: true, oldRuns: null, newRuns: null }]);
    expect(compareBlocks(pairingOf('1.2 Text.\n', '1.2 Text.\n', { sameContent: true, sameParent: false }), { showFormatting: false }).clauses[0]!.kind).toBe('compared');
    // `2.1` and `2.1.` are one number unless formatting is shown.
    expect(compareBlocks(pairingOf('2.1 Text.\n', '2.1. Text.\n'), { showFormatting: false }).clauses[0]!.renumbered).toBe(false);
  });

  it('should pair table rows by their key column and say which moved', () => {
    const table = (rows: string[]) => `1.1 Terms:\n\n| Term | Meaning |\n|---|---|\n${rows.map((r) => `| ${r} | means ${r} |`).join('\n')}\n`;
    const c = compareBlocks(pairingOf(table(['Alpha', 'Beta', 'Gamma']), table(['Gamma', 'Alpha', 'Delta'])), { showFormatting: false }).clauses[0]!;
    const t = c.content.find((b): b is TableComparison => b.kind === 'table')!;
    expect(t.keyColumn).toMatchObject({ old: 0, new: 0, name: 'Term' });
    expect(t.rows.map((r) => [r.key, r.old, r.new, r.moved])).toEqual([
      ['Gamma', 2, 0, true],
      ['Alpha', 0, 1, false],
      ['Beta', 1, null, false],
      ['Delta', null, 2, false],
    ]);
  });

  it('should compare no sub-clause of a pair the same all the way down, only the tables below it, each with its twin', () => {
    const text = '## 1 Part\n\n1.1 Terms:\n\n| Term | Meaning |\n|---|---|\n| Alpha | first |\n| Beta | second |\n\n1.2 Plain text.\n';
    const c = compareBlocks(pairingOf(text, text, { sameContent: true, identicalBelow: 2 }), { showFormatting: false });
    expect(c.clauses[0]).toMatchObject({ kind: 'untouched', children: [] });
    const newTable = c.new.clauses[0]!.children[0]!.content.find((b): b is Table => b.type === 'table')!;
    expect([...c.identicalTables.keys()]).toEqual([newTable]);
    expect(c.identicalTables.get(newTable)).toMatchObject({ keyColumn: { name: 'Term' }, rows: [{ key: 'Alpha', old: 0, new: 0, moved: false }, { key: 'Beta', old: 1, new: 1, moved: false }] });
  });
});
