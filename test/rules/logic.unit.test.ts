/**
 * Rule conditions: structure checks, the facts read, three-valued settling, the readable form and
 * the guarded test. Every expected value is written out by hand from JSON Logic's definition.
 */
import { describe, expect, it } from 'vitest';
import { answerOf, canonicalJson, factsOf, formatLogic, guardedTest, trace, UNDETERMINED, type JsonLogic } from '../../src/rules/index.js';
import { factProblems, logicProblems, matchesType, settled, suggest, valueProblems } from '../../src/rules/logic.js';
import type { FactDeclaration } from '../../src/corpus/index.js';

const FACTS: Record<string, FactDeclaration> = {
  cohort: { type: 'string', enum: ['IOC', 'MOC (MDS)', 'FOC'] },
  dormant: { type: 'boolean' },
  meters: { type: 'integer' },
  ratio: { type: 'number' },
};

describe('rules/logic: structure', () => {
  it('should accept one known operation per object and a named var', () => {
    expect(logicProblems({ and: [{ '==': [{ var: 'cohort' }, 'IOC'] }, { '!': { var: 'dormant' } }] })).toEqual([]);
    expect(logicProblems([{ var: 'a' }, 1, 'x', null])).toEqual([]);
  });

  it('should name an object with several keys or none, an unknown operation, and a var without a name', () => {
    expect(logicProblems({ '==': [1, 1], or: [] } as never)).toEqual([
      { kind: 'malformed', message: 'Unexpected object with 2 keys (`==`, `or`) in the condition, expected one JSON Logic operation such as `and` or `==`' },
    ]);
    expect(logicProblems({} as never)).toEqual([
      { kind: 'malformed', message: 'Unexpected object with 0 keys (none) in the condition, expected one JSON Logic operation such as `and` or `==`' },
    ]);
    const [unknown] = logicProblems({ and: [{ log: 1 }] });
    expect(unknown!.kind).toBe('malformed');
    expect(unknown!.message).toMatch(/^Unexpected JSON Logic operation `log`, expected one of `var`, `missing`, `missing_some`, `if`, .*`substr`$/);
    expect(logicProblems({ or: [{ var: '' }, { var: 3 }] } as never)).toEqual([
      { kind: 'malformed', message: 'Unexpected `var` without a fact name, expected `{ var: fact_name }`' },
      { kind: 'malformed', message: 'Unexpected `var` without a fact name, expected `{ var: fact_name }`' },
    ]);
  });
});

describe('rules/logic: the facts an expression reads', () => {
  it('should read var names by their first segment, missing lists, and missing_some names, sorted', () => {
    expect(factsOf({ and: [{ var: 'meters.count' }, { missing: ['dormant', 'cohort.name'] }, { missing_some: [1, ['ratio', 'zone']] }] })).toEqual(['cohort', 'dormant', 'meters', 'ratio', 'zone']);
    expect(factsOf({ missing: 'alone' })).toEqual(['alone']);
    expect(factsOf({ '==': [{ var: '' }, 1] })).toEqual([]);
    expect(factsOf({ '==': [1, 2], x: 1 } as never)).toEqual([]);
    expect(factsOf(null)).toEqual([]);
  });

  it('should not read the item-scoped arguments of map, filter, all and friends, but reduce\'s start', () => {
    expect(factsOf({ map: [{ var: 'list' }, { var: 'item' }] })).toEqual(['list']);
    expect(factsOf({ all: [{ var: 'list' }, { '>': [{ var: '' }, { var: 'other' }] }] })).toEqual(['list']);
    expect(factsOf({ reduce: [{ var: 'list' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, { var: 'start' }] })).toEqual(['list', 'start']);
    expect(factsOf({ some: [] } as never)).toEqual([]);
  });
});

describe('rules/logic: facts and values against facts.yaml', () => {
  it('should name an undeclared fact with the nearest declared one', () => {
    expect(factProblems({ '==': [{ var: 'cohrt' }, 'IOC'] }, FACTS)).toEqual([
      { kind: 'unknown-fact', message: 'Unexpected fact `cohrt` in the condition, expected a fact declared in facts.yaml (did you mean `cohort`?)' },
    ]);
    expect(factProblems({ var: 'weather' }, FACTS)).toEqual([{ kind: 'unknown-fact', message: 'Unexpected fact `weather` in the condition, expected a fact declared in facts.yaml' }]);
  });

  it('should check literals compared with a fact on either side, and the list of `in`', () => {
    expect(factProblems({ or: [{ '==': [{ var: 'cohort' }, 'MOC MDS'] }, { '!==': ['ioc', { var: 'cohort' }] }, { in: [{ var: 'cohort' }, ['FOC', 'XOC']] }] }, FACTS).map((p) => p.message)).toEqual([
      'Unexpected "MOC MDS" for fact `cohort` in the condition, expected one of "IOC", "MOC (MDS)", "FOC" (did you mean `MOC (MDS)`?)',
      'Unexpected "ioc" for fact `cohort` in the condition, expected one of "IOC", "MOC (MDS)", "FOC" (did you mean `IOC`?)',
      'Unexpected "XOC" for fact `cohort` in the condition, expected one of "IOC", "MOC (MDS)", "FOC" (did you mean `FOC`?)',
    ]);
    expect(factProblems({ '!=': [{ var: 'dormant' }, 'yes'] }, FACTS).map((p) => p.message)).toEqual(['Unexpected "yes" for fact `dormant` in the condition, expected a boolean']);
    expect(factProblems({ '===': [{ var: 'meters' }, { var: 'ratio' }] }, FACTS)).toEqual([]);
    expect(factProblems({ '==': [{ var: 'meters' }, [1]] }, FACTS)).toEqual([]);
    expect(factProblems({ in: ['IOC', { var: 'cohort' }] }, FACTS)).toEqual([]);
    expect(factProblems({ some: [{ var: 'cohort' }, { '==': [{ var: 'cohort' }, 'nonsense'] }] }, FACTS)).toEqual([]);
  });

  it('should tell numbers, integers, booleans and strings apart', () => {
    expect([matchesType(1.5, 'number'), matchesType(Infinity, 'number'), matchesType('1', 'number')]).toEqual([true, false, false]);
    expect([matchesType(2, 'integer'), matchesType(2.5, 'integer'), matchesType('2', 'integer')]).toEqual([true, false, false]);
    expect([matchesType(false, 'boolean'), matchesType(0, 'boolean'), matchesType('', 'string'), matchesType(0, 'string')]).toEqual([true, false, true, false]);
    expect(valueProblems('meters', [3, 3.5], FACTS, 'the facts file').map((p) => p.message)).toEqual(['Unexpected 3.5 for fact `meters` in the facts file, expected a integer']);
    expect(valueProblems('undeclared', ['x'], FACTS)).toEqual([]);
  });

  it('should suggest the closest name within the allowed edits, the first in order on a tie', () => {
    expect(suggest('cohrt', ['cohort', 'dormant'])).toBe(' (did you mean `cohort`?)');
    expect(suggest('COHORT', ['cohort'])).toBe(' (did you mean `cohort`?)');
    expect(suggest('abc', ['abd', 'abe'])).toBe(' (did you mean `abd`?)');
    expect(suggest('abc', ['abe', 'abd'])).toBe(' (did you mean `abd`?)');
    expect(suggest('abc', ['xyz'])).toBe('');
    expect(suggest('ab', ['abxy'])).toBe(' (did you mean `abxy`?)');
    expect(suggest('ab', ['abxyz'])).toBe('');
    // Longer names allow a quarter of their length in edits: 12 letters, 3 edits.
    expect(suggest('metersperday', ['meterxperdxx'])).toBe(' (did you mean `meterxperdxx`?)');
    expect(suggest('metersperday', ['mxxxrsperday'])).toBe(' (did you mean `mxxxrsperday`?)');
    expect(suggest('metersperday', ['mxxxxsperday'])).toBe('');
    expect(suggest('x', [])).toBe('');
  });
});

describe('rules/logic: settling with missing facts (Kleene)', () => {
  const node = (held: boolean, determined: boolean) => ({ held, determined });

  it('should settle an and by a settled false part, an or by a settled true part, a not by its part', () => {
    expect(settled('and', [node(false, true), node(true, false)])).toBe(true);
    expect(settled('and', [node(true, true), node(true, false)])).toBe(false);
    expect(settled('or', [node(true, true), node(false, false)])).toBe(true);
    expect(settled('or', [node(false, true), node(false, false)])).toBe(false);
    expect(settled('!', [node(false, true)])).toBe(true);
    expect(settled('!!', [node(false, false)])).toBe(false);
    expect(settled('!', [])).toBe(false);
    expect(settled('and', [])).toBe(false);
    expect(settled('if', [node(true, true), node(false, true)])).toBe(true);
    expect(settled('if', [node(true, true), node(false, false)])).toBe(false);
  });

  it('should trace which parts held and which the given facts settle', () => {
    const logic: JsonLogic = { or: [{ '==': [{ var: 'cohort' }, 'IOC'] }, { '>': [{ var: 'meters' }, 10] }] };
    const t = trace(logic, { cohort: 'FOC' });
    expect([t.held, t.determined, t.missing, t.facts]).toEqual([false, false, ['meters'], { cohort: 'FOC' }]);
    expect(t.parts.map((p) => [p.text, p.held, p.determined])).toEqual([
      ['cohort == "IOC"', false, true],
      ['meters > 10', false, false],
    ]);
    const settledTrue = trace(logic, { cohort: 'IOC' });
    expect([settledTrue.held, settledTrue.determined]).toEqual([true, true]);
    const and = trace({ and: [{ '==': [{ var: 'cohort' }, 'IOC'] }, { var: 'dormant' }] }, { cohort: 'FOC' });
    expect([and.held, and.determined]).toEqual([false, true]);
    const not = trace({ '!': { var: 'dormant' } }, {});
    expect([not.held, not.determined, not.parts.length]).toEqual([true, false, 1]);
    expect(trace({ '==': [{ var: 'meters' }, 3] }, { meters: 3 }).parts).toEqual([]);
  });
});

describe('rules/logic: the guarded test every implementation answers alike', () => {
  const logic: JsonLogic = { and: [{ '==': [{ var: 'cohort' }, 'IOC'] }, { '!': { var: 'dormant' } }] };

  it('should answer true, false or undetermined as Kleene\'s logic does', () => {
    const guarded = guardedTest(logic);
    expect(answerOf(guarded, { cohort: 'IOC', dormant: false })).toBe(true);
    expect(answerOf(guarded, { cohort: 'IOC', dormant: true })).toBe(false);
    expect(answerOf(guarded, { cohort: 'FOC' })).toBe(false);
    expect(answerOf(guarded, { cohort: 'IOC' })).toBe(UNDETERMINED);
    expect(answerOf(guarded, {})).toBe(UNDETERMINED);
    const either = guardedTest({ or: [{ '==': [{ var: 'cohort' }, 'IOC'] }, { var: 'dormant' }] });
    expect(answerOf(either, { dormant: true })).toBe(true);
    expect(answerOf(either, { dormant: false })).toBe(UNDETERMINED);
    expect(answerOf(either, { dormant: false, cohort: 'FOC' })).toBe(false);
    expect(answerOf(guardedTest({ or: [{ var: 'dormant' }] }), { dormant: 0 })).toBe(false);
  });

  it('should guard every comparison by `missing` and leave a test without facts as it is', () => {
    expect(guardedTest({ '==': [1, 1] })).toEqual({ '==': [1, 1] });
    expect(guardedTest({ var: 'dormant' })).toEqual({
      if: [
        { and: [{ '!': [{ missing: ['dormant'] }] }, { '!!': [{ var: 'dormant' }] }] },
        true,
        { and: [{ '!': [{ missing: ['dormant'] }] }, { '!': [{ var: 'dormant' }] }] },
        false,
        'undetermined',
      ],
    });
    expect(guardedTest({ '!': [{ var: 'dormant' }] })).toEqual({
      if: [
        { and: [{ '!': [{ missing: ['dormant'] }] }, { '!': [{ var: 'dormant' }] }] },
        true,
        { and: [{ '!': [{ missing: ['dormant'] }] }, { '!!': [{ var: 'dormant' }] }] },
        false,
        'undetermined',
      ],
    });
    expect(guardedTest({ and: [{ var: 'a' }, true] })).toEqual({
      if: [
        { and: [{ and: [{ '!': [{ missing: ['a'] }] }, { '!!': [{ var: 'a' }] }] }, { '!!': [true] }] },
        true,
        { or: [{ and: [{ '!': [{ missing: ['a'] }] }, { '!': [{ var: 'a' }] }] }, { '!': [true] }] },
        false,
        'undetermined',
      ],
    });
  });
});

describe('rules/logic: the readable form and canonical JSON', () => {
  it('should write each kind of expression as a short line', () => {
    expect(formatLogic({ and: [{ in: [{ var: 'cohort' }, ['IOC', 'FOC']] }, { '!': { var: 'dormant' } }, { '!!': [{ var: 'meters' }] }] })).toBe(
      '(cohort in ["IOC", "FOC"] and not dormant and meters is set)',
    );
    expect(formatLogic({ or: [{ '<=': [{ var: 'meters' }, 3] }] })).toBe('meters <= 3');
    expect(formatLogic({ or: [{ var: 'a' }, { var: 'b' }] })).toBe('(a or b)');
    expect(formatLogic({ if: [{ var: 'a' }, 1, 2] })).toBe('if a then 1 else 2');
    expect(formatLogic({ '?:': [{ var: 'a' }, 1, 2] })).toBe('if a then 1 else 2');
    expect(formatLogic({ if: [{ var: 'a' }, 1] })).toBe('if(a, 1)');
    expect(formatLogic({ max: [1, { var: 'b' }] })).toBe('max(1, b)');
    expect(formatLogic({ '-': [5] })).toBe('-(5)');
    expect(formatLogic({ '!': [] } as never)).toBe('not null');
    expect(formatLogic({ '!!': [] } as never)).toBe('null is set');
    expect(formatLogic({ a: 1, b: 2 } as never)).toBe('{"a":1,"b":2}');
    expect(formatLogic('text')).toBe('"text"');
  });

  it('should write JSON with keys sorted at every depth', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}');
    expect(canonicalJson({ B: 1, a: 2, A: 3 })).toBe('{"A":3,"B":1,"a":2}');
    expect(canonicalJson('s')).toBe('"s"');
  });
});

describe('rules/logic: malformed and unusual expressions', () => {
  it('should look inside lists for problems and facts, however deep', () => {
    expect(logicProblems({ in: [{ var: 'cohort' }, [{ log: 1 }]] }).map((p) => p.message.slice(0, 40))).toEqual(['Unexpected JSON Logic operation `log`, e']);
    expect(factsOf({ in: [{ var: 'a' }, [{ var: 'b' }, [{ missing: ['c'] }]]] })).toEqual(['a', 'b', 'c']);
    expect(factProblems([{ '==': [{ var: 'cohort' }, 'MOC MDS'] }], FACTS)).toHaveLength(1);
  });

  it('should read no fact from an object that is not one operation, nor from names that are not text', () => {
    expect(factsOf({ var: 'x', other: 1 } as never)).toEqual([]);
    expect(factsOf({ var: 3 } as never)).toEqual([]);
    expect(factsOf({ missing: ['a', 3] } as never)).toEqual(['a']);
    expect(factsOf({ missing_some: [1, 'ab'] } as never)).toEqual([]);
    expect(factsOf({ missing_some: [1, ['a', 2]] } as never)).toEqual(['a']);
    // Only reduce's third argument is read against the facts; map's is not.
    expect(factsOf({ map: [{ var: 'list' }, { var: 'item' }, { var: 'extra' }] } as never)).toEqual(['list']);
  });

  it('should check a literal against a fact only in a comparison of exactly a fact and a value', () => {
    expect(factProblems({ '===': [{ var: 'cohort' }, 'XOC'] }, FACTS).map((p) => p.message)).toEqual(['Unexpected "XOC" for fact `cohort` in the condition, expected one of "IOC", "MOC (MDS)", "FOC" (did you mean `FOC`?)']);
    expect(factProblems({ '==': [null, { var: 'cohort' }] }, FACTS).map((p) => p.message)).toEqual(['Unexpected null for fact `cohort` in the condition, expected a string']);
    expect(factProblems({ '==': ['IOC'] } as never, FACTS)).toEqual([]);
    expect(factProblems({ '==': [{ var: 'cohort' }] } as never, FACTS)).toEqual([]);
    expect(factProblems({ '==': [{ var: 'cohort', x: 1 }, 'nonsense'] } as never, FACTS)).toEqual([]);
    expect(factProblems({ '==': [{ missing: 'cohort' }, 'nonsense'] }, FACTS)).toEqual([]);
    expect(factProblems({ '==': [{ var: [['cohort']] }, 'nonsense'] } as never, FACTS)).toEqual([]);
    expect(factProblems({ '==': [{ var: 'cohort' }, 'bad'], x: 1 } as never, FACTS)).toEqual([]);
    expect(factProblems({ '>': [{ var: 'cohort' }, ['bad']] }, FACTS)).toEqual([]);
    // `in` with text on the right is substring search: no list of values to check.
    expect(factProblems({ in: [{ var: 'cohort' }, 'IOC FOC'] }, FACTS)).toEqual([]);
    // A single-character literal is a value like any other.
    expect(factProblems({ '==': [{ var: 'meters' }, 'x'] }, FACTS).map((p) => p.message)).toEqual(['Unexpected "x" for fact `meters` in the condition, expected a integer']);
    // A fact may be called `null`; a comparison of two values names no fact, not that one.
    const named = { null: { type: 'boolean' } } as Record<string, FactDeclaration>;
    expect(factProblems({ or: [{ '==': ['yes', 'no'] }, { in: ['x', ['y']] }] }, named)).toEqual([]);
  });

  it('should give every value problem the kind of an unknown fact', () => {
    expect(valueProblems('meters', ['3'], FACTS)).toEqual([{ kind: 'unknown-fact', message: 'Unexpected "3" for fact `meters` in the condition, expected a integer' }]);
    expect(valueProblems('cohort', ['XOC'], FACTS)).toEqual([{ kind: 'unknown-fact', message: 'Unexpected "XOC" for fact `cohort` in the condition, expected one of "IOC", "MOC (MDS)", "FOC" (did you mean `FOC`?)' }]);
  });

  it('should guard an object that is not one operation as a whole, and a `!` of two arguments as a whole', () => {
    const odd = { or: [{ var: 'b' }], x: 1 } as never;
    const isA = { and: [{ '!': [{ missing: ['a'] }] }, { '!!': [{ var: 'a' }] }] };
    const notA = { and: [{ '!': [{ missing: ['a'] }] }, { '!': [{ var: 'a' }] }] };
    expect(guardedTest({ and: [{ var: 'a' }, odd] })).toEqual({
      if: [{ and: [isA, { '!!': [odd] }] }, true, { or: [notA, { '!': [odd] }] }, false, 'undetermined'],
    });
    const two = { '!': [{ var: 'a' }, { var: 'b' }] } as never;
    const guard = { '!': [{ missing: ['a', 'b'] }] };
    expect(guardedTest(two)).toEqual({ if: [{ and: [guard, { '!!': [two] }] }, true, { and: [guard, { '!': [two] }] }, false, 'undetermined'] });
    // One part of an `and` or `or` stands for the whole.
    expect(guardedTest({ or: [{ var: 'a' }] })).toEqual({ if: [isA, true, notA, false, 'undetermined'] });
  });

  it('should trace only the facts given, the parts of if and ?:, and no parts of an object that is not one operation', () => {
    const t = trace({ or: [{ var: 'a' }, { var: 'b' }] }, { a: 1 });
    expect([Object.keys(t.facts), t.missing]).toEqual([['a'], ['b']]);
    expect(trace({ if: [{ var: 'a' }, 1, 2] }, { a: true }).parts.map((p) => p.text)).toEqual(['a', '1', '2']);
    expect(trace({ '?:': [{ var: 'a' }, 1, 2] }, { a: true }).parts.map((p) => p.text)).toEqual(['a', '1', '2']);
    expect(trace({ and: [{ var: 'a' }], x: 1 } as never, {}).parts).toEqual([]);
  });

  it('should settle a `!` or `!!` by its first part', () => {
    const node = (held: boolean, determined: boolean) => ({ held, determined });
    expect(settled('!', [node(false, true), node(false, false)])).toBe(true);
    expect(settled('!!', [node(true, true), node(true, false)])).toBe(true);
    expect(settled('!!', [node(true, false), node(true, true)])).toBe(false);
  });

  it('should write a one-letter text as text, and only if and ?: as if-then-else', () => {
    expect(formatLogic('x')).toBe('"x"');
    expect(formatLogic({ substr: ['abc', 1, 2] })).toBe('substr("abc", 1, 2)');
  });

  it('should sort the keys of a large object too', () => {
    const keys = Array.from({ length: 100 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    const scrambled: Record<string, number> = {};
    for (let i = 0; i < 100; i++) scrambled[keys[(i * 37) % 100]!] = (i * 37) % 100;
    expect(canonicalJson(scrambled)).toBe(`{${keys.map((k, i) => `"${k}":${i}`).join(',')}}`);
  });
});
