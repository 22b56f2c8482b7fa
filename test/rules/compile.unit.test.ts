/**
 * Rule blocks read and compiled: every field's problem at the line of the field, the clause a
 * rule implements, its scope as tests of facts, duplicate ids, and a rule left behind when its
 * clause was renumbered. Small versions written here; every expected message written by hand.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { report } from '../../src/diagnostics/index.js';
import { corpusRules, rulesOf, type Rule } from '../../src/rules/index.js';
import { ruleChainBefore, versionRuleProblems, versionRuleSet } from '../../src/rules/compile.js';
import { reportRuleProblems, reportVersionRuleProblems } from '../../src/rules/report.js';
import { FACTS_FILE } from '../../src/corpus/index.js';
import { counts, direction, memoryCorpus, messagesSince, version } from '../memory-corpus.js';

const FACTS = [
  'cohort:\n  type: string\n  enum: [IOC, MOC (MDS), FOC]',
  'installation_status:\n  type: string\n  enum: [Active, Dormant]',
  'dormant:\n  type: boolean',
  'attempts:\n  type: integer',
].join('\n');
const D1 = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']);
const D2 = direction('second', '2022-06-09', '2022-06-10', ['{ document: AA, version: "2.0" }']);

const block = (yaml: string) => `\`\`\`rule\n${yaml}\n\`\`\``;
const RULE = 'id: aa.test.rule\nkind: obligation\nactor: DCC\neffect: The DCC acts.';

/** Version 1.0 of AA whose clause 1.1 is followed by `blocks` (front matter lines 1-7, `## 1 Intro` line 9, 1.1 line 11, the first block from line 13). */
function corpusWith(...blocks: string[]) {
  return memoryCorpus({ [FACTS_FILE]: FACTS, 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', `## 1 Intro\n\n1.1 The DCC shall act. {#acting}\n\n${blocks.join('\n\n')}\n\n1.2 The DCC may stop.\n\n(a) at once.\n`) });
}

const problemsOf = (...blocks: string[]) => corpusRules(corpusWith(...blocks).corpus).problems.map((p) => [p.ruleId, `${p.place.line}:${p.place.column}`, p.reason]);

describe('rules/parse: each field checked where it is written', () => {
  it('should read a complete rule with no problem', () => {
    const { corpus } = corpusWith(block(`${RULE}\napplies_to:\n  cohorts: [IOC, FOC]\n  parties: [Supplier]\ncondition:\n  "==": [{ var: dormant }, true]`));
    const set = corpusRules(corpus);
    expect(set.problems).toEqual([]);
    const [rule] = set.rules as [Rule];
    expect([rule.id, rule.kind, rule.actor, rule.effect, rule.appliesTo, rule.condition, rule.period, rule.from, rule.clauseOverride]).toEqual([
      'aa.test.rule',
      'obligation',
      'DCC',
      'The DCC acts.',
      { cohorts: ['IOC', 'FOC'], parties: ['Supplier'] },
      { '==': [{ var: 'dormant' }, true] },
      null,
      null,
      null,
    ]);
    // Only `cohorts` is a fact (`cohort`); `parties` describes the rule.
    expect(rule.scopeTests).toEqual([{ in: [{ var: 'cohort' }, ['IOC', 'FOC']] }]);
    expect(rule.facts).toEqual(['cohort', 'dormant']);
    expect([rule.clause.number, rule.placedAfter.number, rule.position]).toEqual(['1.1', '1.1', { line: 13, column: 1 }]);
    expect(rulesOf(set, corpus.versions[0]!)).toEqual([rule]);
  });

  it('should report a block that is not YAML, or not a mapping, at the block', () => {
    expect(problemsOf(block('id: [unclosed'))[0]!.slice(0, 1)).toEqual(['rule-malformed']);
    expect(problemsOf(block('id: [unclosed'))[0]![2]).toMatch(/^Malformed rule block: /);
    expect(problemsOf(block('- id: a.b\n- kind: obligation'))).toEqual([
      ['rule-malformed', '13:1', 'Unexpected rule block content, expected a YAML mapping with `id`, `kind`, `actor`, `effect` and `condition`'],
    ]);
  });

  it('should name a missing field at the block, and a field that is not text at the field', () => {
    expect(problemsOf(block('kind: obligation\nactor: DCC'))).toEqual([
      ['rule-malformed', '13:1', 'Missing field `effect` in a rule'],
      ['rule-malformed', '13:1', 'Missing field `id` in a rule'],
    ]);
    expect(problemsOf(block('id: 12\nkind: obligation\nactor: "  "\neffect: The DCC acts.'))).toEqual([
      ['rule-malformed', '14:5', 'Unexpected `id`: expected text'],
      ['rule-malformed', '16:8', 'Unexpected `actor`: expected text'],
    ]);
    expect(problemsOf(block('id: aa.test.rule\nactor: DCC\neffect: x\nkind:'))).toEqual([['rule-malformed', '13:1', 'Missing field `kind` in a rule']]);
  });

  it('should name an unknown field with the nearest known one, a malformed id and an unknown kind', () => {
    expect(problemsOf(block(`${RULE}\nefect: typo`))).toEqual([
      ['rule-malformed', '18:8', 'Unexpected field `efect` in a rule, expected one of `id`, `kind`, `actor`, `applies_to`, `effect`, `condition`, `period`, `from`, `clause` (did you mean `effect`?)'],
    ]);
    expect(problemsOf(block('id: AA Test\nkind: obligaton\nactor: DCC\neffect: x'))).toEqual([
      ['rule-malformed', '14:5', 'Unexpected rule id `AA Test`, expected lower-case words joined by dots and hyphens, such as `tmad.exclusion.duplicate-mpxn`'],
      ['rule-malformed', '15:7', 'Unexpected kind `obligaton`, expected one of `exclusion-category`, `obligation`, `permission`, `prohibition`, `deadline`, `restriction` (did you mean `obligation`?)'],
    ]);
    expect(problemsOf(block('id: single\nkind: obligation\nactor: DCC\neffect: x'))[0]![2]).toBe('Unexpected rule id `single`, expected lower-case words joined by dots and hyphens, such as `tmad.exclusion.duplicate-mpxn`');
  });

  it('should check applies_to as a mapping of lists of names, against the facts it is tested by', () => {
    expect(problemsOf(block(`${RULE}\napplies_to: [IOC]`))).toEqual([['rule-malformed', '18:13', 'Unexpected `applies_to`: expected a mapping such as `cohorts: [IOC, FOC]`']]);
    expect(problemsOf(block(`${RULE}\napplies_to: IOC`))).toEqual([['rule-malformed', '18:13', 'Unexpected `applies_to`: expected a mapping such as `cohorts: [IOC, FOC]`']]);
    expect(problemsOf(block(`${RULE}\napplies_to:\n  cohorts: IOC\n  parties: [1]`))).toEqual([
      ['rule-malformed', '19:3', 'Unexpected `applies_to.cohorts`: expected a list of names'],
      ['rule-malformed', '19:3', 'Unexpected `applies_to.parties`: expected a list of names'],
    ]);
    expect(problemsOf(block(`${RULE}\napplies_to:\n  cohorts: [IOC, MOC MDS]\n  installation_types: [Dormant]`))).toEqual([
      ['rule-unknown-fact', '19:3', 'Unexpected "MOC MDS" for fact `cohort` in applies_to.cohorts, expected one of "IOC", "MOC (MDS)", "FOC" (did you mean `MOC (MDS)`?)'],
    ]);
  });

  it('should name a scope category whose fact facts.yaml does not declare', () => {
    const { corpus } = memoryCorpus({ [FACTS_FILE]: 'dormant:\n  type: boolean', 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', `## 1 Intro\n\n1.1 A.\n\n${block(`${RULE}\napplies_to:\n  installation_types: [Dormant]`)}\n`) });
    expect(corpusRules(corpus).problems.map((p) => [p.ruleId, p.place.line, p.reason])).toEqual([
      ['rule-unknown-fact', 19, 'Unexpected `applies_to.installation_types` in rule `aa.test.rule`: it is tested against the fact `installation_status`, which facts.yaml does not declare'],
    ]);
    expect(corpusRules(corpus).rules[0]!.scopeTests).toEqual([]);
  });

  it('should take a condition that is one JSON Logic operation or a boolean, and name anything else', () => {
    const conditionProblem = (condition: string) => problemsOf(block(`${RULE}\ncondition: ${condition}`));
    expect(conditionProblem('true')).toEqual([]);
    expect(conditionProblem('"cohort == FOC"')).toEqual([['rule-malformed', '18:12', 'Unexpected condition that is a string, expected one JSON Logic operation such as `{ "==": [{ "var": "cohort" }, "FOC"] }`']]);
    expect(conditionProblem('3')).toEqual([['rule-malformed', '18:12', 'Unexpected condition that is a number, expected one JSON Logic operation such as `{ "==": [{ "var": "cohort" }, "FOC"] }`']]);
    expect(conditionProblem('[1, 2]')).toEqual([['rule-malformed', '18:12', 'Unexpected condition that is a list, expected one JSON Logic operation such as `{ "==": [{ "var": "cohort" }, "FOC"] }`']]);
    expect(conditionProblem('{ "===": [{ var: "" }, 1] }')).toEqual([['rule-malformed', '18:12', 'Unexpected `var` without a fact name, expected `{ var: fact_name }`']]);
    expect(conditionProblem('{ "==": [{ var: cohrt }, IOC] }')).toEqual([
      ['rule-unknown-fact', '18:12', 'Unexpected fact `cohrt` in the condition, expected a fact declared in facts.yaml (did you mean `cohort`?)'],
    ]);
    expect(conditionProblem('{ "==": [{ var: cohort }, Ioc] }')).toEqual([
      ['rule-unknown-fact', '18:12', 'Unexpected "Ioc" for fact `cohort` in the condition, expected one of "IOC", "MOC (MDS)", "FOC" (did you mean `IOC`?)'],
    ]);
  });

  it('should need a period and the event it runs from for a deadline, the period as an ISO 8601 duration', () => {
    expect(problemsOf(block('id: aa.test.deadline\nkind: deadline\nactor: DCC\neffect: x'))).toEqual([
      ['rule-malformed', '13:1', 'Missing field `from` in a rule'],
      ['rule-malformed', '13:1', 'Missing field `period` in a rule'],
    ]);
    expect(problemsOf(block('id: aa.test.deadline\nkind: deadline\nactor: DCC\neffect: x\nperiod: 14 days\nfrom: notice'))).toEqual([
      ['rule-malformed', '18:9', 'Unexpected period `14 days`, expected an ISO 8601 duration such as P14D or P12M'],
    ]);
    const { corpus } = corpusWith(block('id: aa.test.deadline\nkind: deadline\nactor: DCC\neffect: x\nperiod: P14D\nfrom: " notice "'));
    expect(corpusRules(corpus).rules.map((r) => [r.period, r.from])).toEqual([['P14D', 'notice']]);
    // Any other kind may give a period too.
    expect(problemsOf(block(`${RULE}\nperiod: soon`))).toEqual([['rule-malformed', '18:9', 'Unexpected period `soon`, expected an ISO 8601 duration such as P14D or P12M']]);
  });
});

describe('rules/compile: the clause a rule implements', () => {
  const overriding = (clause: string) => corpusWith(block(`${RULE}\nclause: ${clause}`));

  it('should take the clause the block follows, or the one `clause:` names by number, key or document path, as written', () => {
    const placed = (clause: string) => corpusRules(overriding(clause).corpus).rules.map((r) => [r.clauseOverride, r.clause.id, r.placedAfter.id]);
    expect(placed('1.2')).toEqual([['1.2', 'AA/1.2', 'AA/1.1']]);
    expect(placed('"Clause 1.2(a)"')).toEqual([['1.2(a)', 'AA/1.2(a)', 'AA/1.1']]);
    expect(placed("'#acting'")).toEqual([['#acting', 'AA/1.1', 'AA/1.1']]);
    expect(placed('AA/1.2')).toEqual([['AA/1.2', 'AA/1.2', 'AA/1.1']]);
    expect(placed('""')).toEqual([[null, 'AA/1.1', 'AA/1.1']]);
  });

  it('should name a `clause:` that names no clause, and one that is not a number', () => {
    expect(problemsOf(block(`${RULE}\nclause: 1.10`))).toEqual([['rule-clause-missing', '18:9', 'Unexpected `clause: 1.10` in rule `aa.test.rule`: AA v1.0 has no Clause 1.10']]);
    expect(problemsOf(block(`${RULE}\nclause: [1.2]`))).toEqual([['rule-malformed', '18:9', 'Unexpected `clause`: expected a clause number such as 7.2 or 7.2(a)']]);
  });

  it('should report a rule id given twice in one version, at the second, naming the first', () => {
    expect(problemsOf(block(RULE), block(RULE))).toEqual([
      ['rule-duplicate-id', '20:1', 'Unexpected second rule `aa.test.rule` in AA v1.0 (first at line 13, Clause 1.1), expected each rule id once per version'],
    ]);
  });

  it('should guard the whole test: scope and condition together, either alone, or neither', () => {
    const appliesIf = (...yaml: string[]) => corpusRules(corpusWith(block([RULE, ...yaml].join('\n'))).corpus).rules[0]!.appliesIf;
    expect(appliesIf()).toBe(true);
    // A condition of no fact stands alone, as written.
    expect(appliesIf('condition: true')).toBe(true);
    expect(appliesIf('condition: false')).toBe(false);
    const guard = (facts: string[], test: object) => ({ and: [{ '!': [{ missing: facts }] }, test] });
    const dormant = { '==': [{ var: 'dormant' }, true] };
    expect(appliesIf('condition:\n  "==": [{ var: dormant }, true]')).toEqual({ if: [guard(['dormant'], { '!!': [dormant] }), true, guard(['dormant'], { '!': [dormant] }), false, 'undetermined'] });
    const scope = { in: [{ var: 'cohort' }, ['IOC']] };
    expect(appliesIf('applies_to:\n  cohorts: [IOC]', 'condition:\n  "==": [{ var: dormant }, true]')).toEqual({
      if: [
        { and: [guard(['cohort'], { '!!': [scope] }), guard(['dormant'], { '!!': [dormant] })] },
        true,
        { or: [guard(['cohort'], { '!': [scope] }), guard(['dormant'], { '!': [dormant] })] },
        false,
        'undetermined',
      ],
    });
  });
});

describe('rules/compile: rules that follow a renumbered clause', () => {
  const v1 = `## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n1.2 The DCC shall report each failure to the panel within ten days.\n\n${block('id: aa.report.failures\nkind: obligation\nactor: DCC\neffect: The DCC reports failures.')}\n`;
  /** Version 2.0: a clause inserted as 1.2, so the reporting duty is now 1.3; the block where `placement` puts it. */
  const v2 = (placement: 'follows' | 'stays' | 'named' | 'unmoved') => {
    const rule = block(`id: aa.report.failures\nkind: obligation\nactor: DCC\neffect: The DCC reports failures.${placement === 'named' ? '\nclause: 1.2' : ''}`);
    const inserted = placement === 'unmoved' ? '' : '1.2 The DCC shall keep a register of firmware versions.\n\n';
    const reporting = `${placement === 'unmoved' ? '1.2' : '1.3'} The DCC shall report each failure to the panel within ten days.\n\n`;
    if (placement === 'follows' || placement === 'unmoved') return `## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n${inserted}${reporting}${rule}\n`;
    return `## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n${inserted}${rule}\n\n${reporting}`;
  };
  const corpusOf = (placement: Parameters<typeof v2>[0]) =>
    memoryCorpus({ [FACTS_FILE]: FACTS, 'd/first.md': D1, 'd/second.md': D2, 'aa/v1.md': version('AA', '1.0', 'first', v1), 'aa/v2.md': version('AA', '2.0', 'second', v2(placement), '1.0') });

  it('should accept a rule that moved with its clause, or whose clause kept its number', () => {
    expect(corpusRules(corpusOf('follows').corpus).problems).toEqual([]);
    expect(corpusRules(corpusOf('unmoved').corpus).problems).toEqual([]);
  });

  it('should report a rule left on the old number, placed there or named there', () => {
    const reason = (where: string) => `Unexpected rule \`aa.report.failures\` that ${where}: the clause it implemented in v1.0 (Clause 1.2) is Clause 1.3 in v2.0, expected the rule to follow it (\`clause: 1.3\` or move the block)`;
    // v2's front matter is lines 1-8; the block after the inserted 1.2 starts on line 16.
    expect(corpusRules(corpusOf('stays').corpus).problems.map((p) => [p.path, p.ruleId, p.place.line, p.reason])).toEqual([['/docs/aa/v2.md', 'rule-not-followed', 16, reason('is placed on Clause 1.2')]]);
    expect(corpusRules(corpusOf('named').corpus).problems.map((p) => [p.ruleId, p.place.line, p.reason])).toEqual([['rule-not-followed', 16, reason('names Clause 1.2')]]);
  });

  it('should find the same problems one version at a time, reading it and the one before it', () => {
    const { corpus } = corpusOf('stays');
    const [first, second] = [...corpus.versions].sort((a, b) => a.meta.version.localeCompare(b.meta.version));
    expect(ruleChainBefore(corpus, second!)).toBe(first);
    expect(ruleChainBefore(corpus, first!)).toBeNull();
    expect(versionRuleProblems(corpus, second!)).toEqual(corpusRules(corpus).problems);
    expect(versionRuleProblems(corpus, first!)).toEqual([]);
    const alone = versionRuleSet(corpus, second!);
    expect([alone.rules.map((r) => [r.id, r.clause.number]), alone.interval?.effective]).toEqual([[['aa.report.failures', '1.2']], '2022-06-10']);
  });

  it('should report rule problems on their files once however often asked, and none on a file whose front matter failed', () => {
    const { corpus, fileOf } = corpusOf('stays');
    const before = counts(corpus);
    reportRuleProblems(corpus);
    reportRuleProblems(corpus);
    const second = corpus.versions.find((v) => v.meta.version === '2.0')!;
    reportVersionRuleProblems(corpus, second, fileOf(second));
    expect(messagesSince(corpus, before).map(([file, rule, at]) => [file, rule, at])).toEqual([['aa/v2.md', 'rule-not-followed', '16:1']]);

    const broken = memoryCorpus({ [FACTS_FILE]: FACTS, 'd/first.md': D1, 'aa/v1.md': `---\nappendix: AA\nversion: [\n---\n\n## 1 Intro\n\n1.1 A.\n\n${block('id: x')}\n` });
    const brokenBefore = counts(broken.corpus);
    reportRuleProblems(broken.corpus);
    expect(messagesSince(broken.corpus, brokenBefore)).toEqual([]);
  });
});

describe('rules/compile: the set compiled once, one version alone, and versions without an identity', () => {
  it('should compile a corpus once, and take one version\'s rules from that set when it was compiled', () => {
    const { corpus } = corpusWith(block(RULE));
    const set = corpusRules(corpus);
    expect(corpusRules(corpus)).toBe(set);
    const alone = versionRuleSet(corpus, corpus.versions[0]!);
    expect(alone.rules[0]).toBe(set.rules[0]);
    expect(alone.interval).toBe(set.intervals[0]);
  });

  it('should read no rules from a version whose appendix or version is missing, alone or in the corpus', () => {
    const body = `\n## 1 Intro\n\n1.1 The DCC shall act.\n\n${block(RULE)}\n`;
    for (const front of ['appendix: AA\ntitle: T\ndesignated_by: first', 'title: T\nversion: "1.0"\ndesignated_by: first']) {
      const { corpus } = memoryCorpus({ [FACTS_FILE]: FACTS, 'd/first.md': D1, 'aa/v1.md': `---\n${front}\n---\n${body}` });
      const [doc] = corpus.versions;
      expect([front, [doc!.meta.appendix, doc!.meta.version].includes('?')]).toEqual([front, true]);
      expect([front, versionRuleSet(corpus, doc!).rules, versionRuleProblems(corpus, doc!), corpusRules(corpus).rules]).toEqual([front, [], [], []]);
    }
  });

  it('should give one version\'s problems in the order of their lines, whatever order they were found in', () => {
    // The duplicate id (found after every block) is at the second block, line 20; the YAML fault of the third block (from line 27) on its line 28.
    const { corpus } = corpusWith(block(RULE), block(RULE), block('id: [unclosed'));
    expect(versionRuleProblems(corpus, corpus.versions[0]!).map((p) => [p.ruleId, p.place.line])).toEqual([
      ['rule-duplicate-id', 20],
      ['rule-malformed', 28],
    ]);
  });
});

describe('rules/parse: a block with any problem gives no rule', () => {
  const rulesOf = (...blocks: string[]) => corpusRules(corpusWith(...blocks).corpus).rules.map((r) => r.id);

  it('should give no rule for a block with a problem, whatever the problem', () => {
    expect(rulesOf(block(RULE))).toEqual(['aa.test.rule']);
    for (const yaml of [
      'id: [unclosed',
      'kind: obligation\nactor: DCC\neffect: x',
      'id: aa.test.rule\nactor: DCC\neffect: x',
      'id: aa.test.rule\nkind: obligation\neffect: x',
      'id: aa.test.rule\nkind: obligation\nactor: DCC',
      `${RULE}\nefect: typo`,
      `${RULE}\napplies_to: [IOC]`,
      `${RULE}\ncondition: "x"`,
      `${RULE}\nperiod: soon`,
    ]) {
      expect([yaml, rulesOf(block(yaml))]).toEqual([yaml, []]);
    }
  });

  it('should report only the YAML problem of a block that is not YAML', () => {
    const found = problemsOf(block('id: [unclosed\nkind: 3'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter(([, , reason]) => !String(reason).startsWith('Malformed rule block: '))).toEqual([]);
  });

  it('should name a missing actor', () => {
    expect(problemsOf(block('id: aa.test.rule\nkind: obligation\neffect: x'))).toEqual([['rule-malformed', '13:1', 'Missing field `actor` in a rule']]);
  });

  it('should take an empty applies_to or condition, and a key with no value, as absent', () => {
    const { corpus } = corpusWith(block(`${RULE}\napplies_to:\ncondition:\n? period`));
    expect(corpusRules(corpus).problems).toEqual([]);
    expect(corpusRules(corpus).rules.map((r) => [r.appliesTo, r.condition, r.period])).toEqual([[{}, null, null]]);
  });

  it('should name a scope list with any value that is not a name', () => {
    expect(problemsOf(block(`${RULE}\napplies_to:\n  parties: [Supplier, 1]`))).toEqual([['rule-malformed', '19:3', 'Unexpected `applies_to.parties`: expected a list of names']]);
  });

  it('should strip only whole quotes and a leading `Clause ` from `clause:`', () => {
    expect(problemsOf(block(`${RULE}\nclause: 1.2'x'`))).toEqual([['rule-clause-missing', '18:9', "Unexpected `clause: 1.2'x'` in rule `aa.test.rule`: AA v1.0 has no Clause 1.2'x'"]]);
    expect(problemsOf(block(`${RULE}\nclause: Sub Clause 1.2`))).toEqual([['rule-clause-missing', '18:9', 'Unexpected `clause: Sub Clause 1.2` in rule `aa.test.rule`: AA v1.0 has no Clause Sub Clause 1.2']]);
    expect(problemsOf(block(`${RULE}\nclause: "Clause  1.2"`))).toEqual([]);
    // A key is named with `#` in front only, a document path with this document's id only.
    expect(problemsOf(block(`${RULE}\nclause: '#acting'`))).toEqual([]);
    expect(problemsOf(block(`${RULE}\nclause: act#ing`))).toEqual([['rule-clause-missing', '18:9', 'Unexpected `clause: act#ing` in rule `aa.test.rule`: AA v1.0 has no Clause act#ing']]);
    expect(problemsOf(block(`${RULE}\nclause: XX/1.2`))).toEqual([['rule-clause-missing', '18:9', 'Unexpected `clause: XX/1.2` in rule `aa.test.rule`: AA v1.0 has no Clause XX/1.2']]);
  });
});

describe('rules/report: rule problems as diagnostics', () => {
  const stays = () => {
    const v1 = `## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n1.2 The DCC shall report each failure to the panel within ten days.\n\n${block('id: aa.report.failures\nkind: obligation\nactor: DCC\neffect: x')}\n`;
    const v2 = `## 1 Intro\n\n1.1 The DCC shall keep records of each meter.\n\n1.2 The DCC shall keep a register of firmware versions.\n\n${block('id: aa.report.failures\nkind: obligation\nactor: DCC\neffect: x')}\n\n1.3 The DCC shall report each failure to the panel within ten days.\n`;
    return memoryCorpus({ [FACTS_FILE]: FACTS, 'd/first.md': D1, 'd/second.md': D2, 'aa/v1.md': version('AA', '1.0', 'first', v1), 'aa/v2.md': version('AA', '2.0', 'second', v2, '1.0') });
  };
  const NOT_FOLLOWED = ['aa/v2.md', 'rule-not-followed', '16:1'];

  it('should report the corpus\'s problems on its files, and one version\'s on its file, each once', () => {
    const all = stays();
    const before = counts(all.corpus);
    reportRuleProblems(all.corpus);
    expect(messagesSince(all.corpus, before).map((m) => m.slice(0, 3))).toEqual([NOT_FOLLOWED]);
    const one = stays();
    const second = one.corpus.versions.find((v) => v.meta.version === '2.0')!;
    const oneBefore = counts(one.corpus);
    reportVersionRuleProblems(one.corpus, second, one.fileOf(second));
    expect(messagesSince(one.corpus, oneBefore).map((m) => m.slice(0, 3))).toEqual([NOT_FOLLOWED]);
  });

  it('should add a problem beside other messages at its place, but not a second time', () => {
    const { corpus } = stays();
    const file = new VFile({ path: '/docs/aa/v2.md' });
    report(file, 'rule-malformed', 'Unexpected rule not followed elsewhere', { line: 16, column: 1 });
    report(file, 'rule-not-followed', 'Another reason', { line: 16, column: 1 });
    report(file, 'rule-not-followed', corpusRules(corpus).problems[0]!.reason, { line: 17, column: 1 });
    report(file, 'rule-not-followed', corpusRules(corpus).problems[0]!.reason, { line: 16, column: 2 });
    reportRuleProblems(corpus, [file]);
    reportRuleProblems(corpus, [file]);
    expect(file.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual([
      'rule-malformed 16:1',
      'rule-not-followed 16:1',
      'rule-not-followed 17:1',
      'rule-not-followed 16:2',
      'rule-not-followed 16:1',
    ]);
  });

  it('should report nothing on a file whose front matter failed, nor on a file the corpus does not name', () => {
    const { corpus } = stays();
    const broken = new VFile({ path: '/docs/aa/v2.md' });
    report(broken, 'front-matter-malformed', 'Unexpected front matter', { line: 1, column: 1 });
    const elsewhere = new VFile({ path: '/docs/aa/v3.md' });
    reportRuleProblems(corpus, [broken, elsewhere]);
    expect([broken.messages.length, elsewhere.messages.length]).toEqual([1, 0]);
  });
});
