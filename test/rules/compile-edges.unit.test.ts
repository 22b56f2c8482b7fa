/**
 * Rule compiling at its edges: blocks read in an earlier run reused (and a damaged record of them
 * ignored), a key given to two clauses, a rule moved off a clause that kept its number, and
 * problems put in line order. Small versions written here; every expected value written by hand.
 */
import { describe, expect, it } from 'vitest';
import { FACTS_FILE, loadCorpus, type Host } from '../../src/corpus/index.js';
import type { DerivedStore } from '../../src/corpus/derived.js';
import { corpusRules, type Rule } from '../../src/rules/index.js';
import { versionRuleProblems } from '../../src/rules/compile.js';
import { readRuleSource } from '../../src/rules/parse.js';
import { direction, memoryCorpus, ROOT, version } from '../memory-corpus.js';

const FACTS = 'dormant:\n  type: boolean';
const D1 = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']);
const D2 = direction('second', '2022-06-09', '2022-06-10', ['{ document: AA, version: "2.0" }']);
const block = (yaml: string) => `\`\`\`rule\n${yaml}\n\`\`\``;
const RULE = 'id: aa.test.rule\nkind: obligation\nactor: DCC\neffect: The DCC acts.';

/** A corpus of `files` whose derived facts are `store` (as a build with a cache has them). */
function corpusWithStore(files: Record<string, string>, store: DerivedStore) {
  const host: Host = {
    listFiles: (dir) => Object.keys(files).map((name) => `${ROOT}/${name}`).filter((p) => p.startsWith(`${dir}/`)),
    readFile: (path) => new TextEncoder().encode(files[path.slice(ROOT.length + 1)]!),
    exists: (path) => path.slice(ROOT.length + 1) in files,
  };
  return loadCorpus(ROOT, host, { derived: store });
}

/** A store that knows nothing of the current bytes and gives `earlier` as the rule blocks of an earlier save. */
const storeWithEarlier = (earlier: unknown): DerivedStore => ({
  get: () => undefined,
  set: () => {},
  earlier: (name) => (name === 'rule-blocks' ? earlier : undefined),
});

describe('rules/compile: rule blocks read in an earlier run', () => {
  const files = { [FACTS_FILE]: FACTS, 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', `## 1 Intro\n\n1.1 The DCC shall act.\n\n${block(RULE)}\n`) };

  it('should reuse the earlier reading of a block whose text is unchanged, instead of reading it again', () => {
    // The earlier reading says another id: it is the one taken, so the block was not read again.
    const earlier = readRuleSource(RULE.replace('aa.test.rule', 'aa.earlier.reading'));
    expect(earlier.fields?.id).toBe('aa.earlier.reading');
    const corpus = corpusWithStore(files, storeWithEarlier([[RULE, earlier]]));
    expect(corpusRules(corpus).rules.map((r) => r.id)).toEqual(['aa.earlier.reading']);
  });

  it('should ignore entries of the earlier record that are not a block\'s text and its reading, and read the block', () => {
    const earlier = readRuleSource(RULE.replace('aa.test.rule', 'aa.earlier.reading'));
    // A damaged record: a bare text, a number, a pair keyed by a number; then a good pair for another text.
    const corpus = corpusWithStore(files, storeWithEarlier(['text', 5, [7, earlier], ['id: another.block', earlier]]));
    expect(corpusRules(corpus).rules.map((r) => r.id)).toEqual(['aa.test.rule']);
    expect(corpusRules(corpus).problems).toEqual([]);
  });
});

describe('rules/compile: the clause a `clause:` key names', () => {
  it('should take the first clause carrying a key when two carry it', () => {
    const body = `## 1 Intro\n\n1.1 The DCC shall act. {#acting}\n\n1.2 The DCC shall act again. {#acting}\n\n1.3 The DCC may stop.\n\n${block(`${RULE}\nclause: '#acting'`)}\n`;
    const { corpus } = memoryCorpus({ [FACTS_FILE]: FACTS, 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', body) });
    expect(corpusRules(corpus).rules.map((r: Rule) => [r.clause.number, r.placedAfter.number])).toEqual([['1.1', '1.3']]);
  });
});

describe('rules/compile: a rule moved off a clause that kept its number', () => {
  it('should not call a rule left behind when its old clause kept its number in the next version', () => {
    const v1 = `## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n${block(RULE)}\n\n1.2 The DCC shall report each failure to the panel within ten days.\n`;
    // 1.1 keeps its number and text; the rule now sits on 1.2, as its author chose.
    const v2 = `## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n1.2 The DCC shall report each failure to the panel within ten days.\n\n${block(RULE)}\n`;
    const { corpus } = memoryCorpus({ [FACTS_FILE]: FACTS, 'd/first.md': D1, 'd/second.md': D2, 'aa/v1.md': version('AA', '1.0', 'first', v1), 'aa/v2.md': version('AA', '2.0', 'second', v2, '1.0') });
    const set = corpusRules(corpus);
    expect(set.rules.map((r) => [r.document.meta.version, r.clause.number])).toEqual([
      ['1.0', '1.1'],
      ['2.0', '1.2'],
    ]);
    expect(set.problems).toEqual([]);
    const second = corpus.versions.find((v) => v.meta.version === '2.0')!;
    expect(versionRuleProblems(corpus, second)).toEqual([]);
  });
});

describe('rules/compile: problems in line order', () => {
  it('should put an earlier line first whatever its column and its reason', () => {
    // Block one (lines 13-19): its period at 18:9. Block two (from line 21): no id, reported at its fence, 21:1.
    const body = `## 1 Intro\n\n1.1 The DCC shall act.\n\n${block(`${RULE}\nperiod: soon`)}\n\n${block('kind: obligation\nactor: DCC\neffect: x')}\n`;
    const { corpus } = memoryCorpus({ [FACTS_FILE]: FACTS, 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', body) });
    const expected = [
      ['18:9', 'Unexpected period `soon`, expected an ISO 8601 duration such as P14D or P12M'],
      ['21:1', 'Missing field `id` in a rule'],
    ];
    expect(corpusRules(corpus).problems.map((p) => [`${p.place.line}:${p.place.column}`, p.reason])).toEqual(expected);
    expect(versionRuleProblems(corpus, corpus.versions[0]!).map((p) => [`${p.place.line}:${p.place.column}`, p.reason])).toEqual(expected);
  });
});
