/**
 * `and`, `or` and `!` over facts that may be missing, against truth tables written out by hand
 * (Kleene's three-valued logic: a false part settles an `and`, a true part an `or`), never against
 * the JSON Logic library secdoc wraps. A rule's `applies_if` is run by json-logic-engine, the
 * other implementation; the trace's `determined` must give the same reading.
 */
import { LogicEngine } from 'json-logic-engine';
import { describe, expect, it } from 'vitest';
import { evaluateLogic, ruleAnswer, UNDETERMINED, type JsonLogic } from '../../src/index.js';
import { guardedTest, trace } from '../../src/rules/logic.js';

const engine = new LogicEngine();
const T = true;
const F = false;
const U = UNDETERMINED;

/** A fact's value for `x == 1`: true, false, or left out of the facts. */
type Value = 'true' | 'false' | 'missing';
const VALUES: Value[] = ['true', 'false', 'missing'];
const factsOf = (a: Value, b: Value): Record<string, number> => ({ ...(a === 'missing' ? {} : { a: a === 'true' ? 1 : 2 }), ...(b === 'missing' ? {} : { b: b === 'true' ? 1 : 2 }) });
const isOne = (name: string): JsonLogic => ({ '==': [{ var: name }, 1] });

// Rows: a; columns: b (true, false, missing).
const AND = { true: [T, F, U], false: [F, F, F], missing: [U, F, U] } as const;
const OR = { true: [T, T, T], false: [T, F, U], missing: [T, U, U] } as const;

describe('three-valued and, or and not, by hand-written truth tables', () => {
  for (const [operator, table] of [['and', AND], ['or', OR]] as const) {
    for (const a of VALUES) {
      for (const [j, b] of VALUES.entries()) {
        const expected = table[a][j]!;
        it(`a ${operator} b with a ${a}, b ${b}: ${String(expected)}`, () => {
          const logic: JsonLogic = { [operator]: [isOne('a'), isOne('b')] };
          const facts = factsOf(a, b);
          const applies = guardedTest(logic);
          expect(engine.run(applies as never, facts)).toBe(expected);
          expect(ruleAnswer(applies, facts)).toBe(expected);
          const traced = trace(logic, facts);
          expect(traced.determined).toBe(expected !== U);
          if (expected !== U) expect(traced.held).toBe(expected);
        });
      }
    }
  }

  it.each([
    ['true', F],
    ['false', T],
    ['missing', U],
  ] as const)('not (a == 1) with a %s: %s', (a, expected) => {
    const logic: JsonLogic = { '!': [isOne('a')] };
    const facts = factsOf(a, 'missing');
    expect(engine.run(guardedTest(logic) as never, facts)).toBe(expected);
    expect(trace(logic, facts).determined).toBe(expected !== U);
  });

  it('should settle a nested rule only when its missing fact cannot change the answer', () => {
    // cohort is IOC and (failed or not attempted): a rule of the shape TMAD 18.14 uses.
    const logic: JsonLogic = { and: [{ '==': [{ var: 'cohort' }, 'IOC'] }, { or: [{ '==': [{ var: 'failed' }, true] }, { '!': [{ var: 'attempted' }] }] }] };
    const cases: Array<[Record<string, unknown>, boolean | string]> = [
      [{ cohort: 'IOC', failed: true }, T],
      [{ cohort: 'IOC', failed: false }, U],
      [{ cohort: 'IOC', failed: false, attempted: false }, T],
      [{ cohort: 'IOC', failed: false, attempted: true }, F],
      [{ cohort: 'FOC' }, F],
      [{ failed: true }, U],
      [{}, U],
    ];
    for (const [facts, expected] of cases) {
      expect([facts, engine.run(guardedTest(logic) as never, facts)]).toEqual([facts, expected]);
      expect([facts, trace(logic, facts).determined]).toEqual([facts, expected !== U]);
    }
  });
});

describe('evaluateLogic', () => {
  it('should give the answers of JSON Logic written out by hand', () => {
    const cases: Array<[JsonLogic, Record<string, unknown>, boolean]> = [
      [{ '==': [{ var: 'cohort' }, 'IOC'] }, { cohort: 'IOC' }, true],
      [{ '==': [{ var: 'cohort' }, 'IOC'] }, { cohort: 'FOC' }, false],
      [{ in: [{ var: 'cohort' }, ['IOC', 'MOC (MDS)']] }, { cohort: 'MOC (MDS)' }, true],
      [{ in: [{ var: 'cohort' }, ['IOC', 'MOC (MDS)']] }, { cohort: 'MOC (Secure)' }, false],
      [{ '>=': [{ var: 'failed_attempts' }, 3] }, { failed_attempts: 3 }, true],
      [{ '<': [{ var: 'failed_attempts' }, 3] }, { failed_attempts: 3 }, false],
      [{ and: [{ var: 'x' }, { '!': [{ var: 'y' }] }] }, { x: true, y: false }, true],
      [{ or: [{ var: 'x' }, { var: 'y' }] }, { x: false, y: false }, false],
      // An empty string and zero are falsy in JSON Logic; an empty list too.
      [{ '!!': [{ var: 'x' }] }, { x: '' }, false],
      [{ '!!': [{ var: 'x' }] }, { x: [] }, false],
      [{ '!!': [{ var: 'x' }] }, { x: '0' }, true],
    ];
    for (const [logic, facts, expected] of cases) expect([logic, facts, evaluateLogic(logic, facts)]).toEqual([logic, facts, expected]);
  });
});
