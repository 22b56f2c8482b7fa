/** Stage 1 of the redline, `pairClauses`, on small hand-written documents: the pairs, their basis and order. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { pairClauses, type ClausePair } from '../../src/diff/pair.js';

const doc = (text: string) => parseDocument(text, new VFile({ path: 'doc.md' }));
const pairsOf = (a: string, b: string) => pairClauses(doc(a), doc(b), { similarityThreshold: 0.5 }).clauses;
const label = (p: ClausePair) => `${p.old?.number ?? '-'}>${p.new?.number ?? '-'}`;

describe('pairClauses', () => {
  it('should pair a renumbered clause with its old self, and list an inserted one where it stands', () => {
    const pairs = pairsOf(
      '## 1 Scope\n\n1.1 The Supplier shall keep a register of meters.\n\n1.2 The DCC shall publish the register monthly.\n',
      '## 1 Scope\n\n1.1 A new first provision about something else entirely.\n\n1.2 The Supplier shall keep a register of meters.\n\n1.3 The DCC shall publish the register monthly.\n',
    );
    expect(pairs.map(label)).toEqual(['1>1']);
    expect(pairs[0]!.children.map(label)).toEqual(['->1.1', '1.1>1.2', '1.2>1.3']);
    const moved = pairs[0]!.children[1]!;
    expect(moved).toMatchObject({ basis: 'content', similarity: 1, sameContent: true, sameParent: true, identicalBelow: 0 });
  });

  it('should pair an unchanged part whole, without making a pair for each of its identical sub-clauses', () => {
    const text = '## 1 Scope\n\n1.1 First.\n\n1.2 Second.\n\n## 2 Other\n\n2.1 Old text here.\n';
    const pairs = pairsOf(text, text.replace('Old text here', 'New text here'));
    expect(pairs[0]).toMatchObject({ identicalBelow: 2, sameContent: true, children: [] });
    expect(pairs[1]!.children[0]).toMatchObject({ basis: 'number', sameContent: false, identicalBelow: 0 });
  });

  it('should place a deleted clause where it stood in the old document', () => {
    const pairs = pairsOf('1.1 Alpha text of the first.\n\n1.2 Beta text, deleted later.\n\n1.3 Gamma text of the third.\n', '1.1 Alpha text of the first.\n\n1.3 Gamma text of the third.\n');
    expect(pairs.map(label)).toEqual(['1.1>1.1', '1.2>-', '1.3>1.3']);
    expect(Object.isFrozen(pairs) || Array.isArray(pairs)).toBe(true);
  });
});
