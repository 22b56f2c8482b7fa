/**
 * Rule problems at the edges: a problem whose file is not among those given, a message of
 * another rule id at the same place with the same words, a version without an identity, a rule
 * block whose YAML names an alias set nowhere, and a block's reading placed at its fence.
 * Expected values written by hand.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { report } from '../../src/diagnostics/index.js';
import { FACTS_FILE } from '../../src/corpus/index.js';
import { corpusRules } from '../../src/rules/index.js';
import { versionRuleProblems } from '../../src/rules/compile.js';
import { placeRuleBlock, readRuleSource } from '../../src/rules/parse.js';
import { reportRuleProblems } from '../../src/rules/report.js';
import { direction, memoryCorpus, version } from '../memory-corpus.js';

const FACTS = 'dormant:\n  type: boolean';
const D1 = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']);
const D2 = direction('second', '2022-06-09', '2022-06-10', ['{ document: AA, version: "2.0" }']);
const block = (yaml: string) => `\`\`\`rule\n${yaml}\n\`\`\``;
const RULE = 'id: aa.report.failures\nkind: obligation\nactor: DCC\neffect: x';

/** v2 leaves its rule on 1.2 when the reporting duty became 1.3: one problem, at 16:1 of aa/v2.md. */
function stays() {
  const v1 = `## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n1.2 The DCC shall report each failure to the panel within ten days.\n\n${block(RULE)}\n`;
  const v2 = `## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n1.2 The DCC shall keep a register of firmware versions.\n\n${block(RULE)}\n\n1.3 The DCC shall report each failure to the panel within ten days.\n`;
  return memoryCorpus({ [FACTS_FILE]: FACTS, 'd/first.md': D1, 'd/second.md': D2, 'aa/v1.md': version('AA', '1.0', 'first', v1), 'aa/v2.md': version('AA', '2.0', 'second', v2, '1.0') });
}

describe('rules/report: where a problem is reported', () => {
  it('should skip a problem whose file is not among the files given', () => {
    const { corpus } = stays();
    const elsewhere = new VFile({ path: '/docs/aa/v3.md' });
    expect(() => reportRuleProblems(corpus, [elsewhere])).not.toThrow();
    expect(elsewhere.messages).toEqual([]);
  });

  it('should report a problem beside a message of another rule id with the same words at the same place', () => {
    const { corpus } = stays();
    const file = new VFile({ path: '/docs/aa/v2.md' });
    const [problem] = corpusRules(corpus).problems;
    report(file, 'rule-malformed', problem!.reason, { line: 16, column: 1 });
    reportRuleProblems(corpus, [file]);
    expect(file.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(['rule-malformed 16:1', 'rule-not-followed 16:1']);
  });
});

describe('rules/compile: a version without an identity has no rule problems', () => {
  it('should report nothing for the broken block of a version without an appendix or a version', () => {
    const body = `\n## 1 Intro\n\n1.1 The DCC shall act.\n\n${block('id: x')}\n`;
    for (const front of ['appendix: AA\ntitle: T\ndesignated_by: first', 'title: T\nversion: "1.0"\ndesignated_by: first']) {
      const { corpus } = memoryCorpus({ [FACTS_FILE]: FACTS, 'd/first.md': D1, 'aa/v1.md': `---\n${front}\n---\n${body}` });
      expect([front, versionRuleProblems(corpus, corpus.versions[0]!)]).toEqual([front, []]);
    }
  });
});

describe('rules/parse: a block whose YAML names an alias set nowhere, and a reading placed at its fence', () => {
  it('should report only the alias, and read no rule', () => {
    expect(readRuleSource(`${RULE}\nperiod: *nowhere`)).toEqual({
      fields: null,
      problems: [{ reason: 'Malformed rule block: the alias `*nowhere` names no anchor set before it', place: { line: 5, column: 9 } }],
      places: {},
    });
  });

  it('should place a block\'s problems and fields from its fence', () => {
    const reading = placeRuleBlock(readRuleSource('id: aa.x.y\nkind: obligaton\nactor: DCC\neffect: x'), { line: 20, column: 1 });
    expect(reading.problems.map((p) => [p.place, p.reason.slice(0, 25)])).toEqual([[{ line: 22, column: 7 }, 'Unexpected kind `obligato']]);
    expect(reading.places).toEqual({ id: { line: 21, column: 5 }, kind: { line: 22, column: 7 }, actor: { line: 23, column: 8 }, effect: { line: 24, column: 9 } });
  });
});
