/**
 * Facts files: reading the JSON (with a duplicate key refused at its place), checking each fact
 * against facts.yaml, and the JSON Schema generated from the declarations. Expected messages by hand.
 */
import { describe, expect, it } from 'vitest';
import { factsJsonSchema, validateFacts } from '../../src/rules/facts.js';
import { quoted, readFactsFile } from '../../src/rules/facts-file.js';
import type { FactDeclaration } from '../../src/corpus/index.js';

const DECLARED: Record<string, FactDeclaration> = {
  cohort: { type: 'string', enum: ['IOC', 'FOC'], description: 'The migration cohort.' },
  attempts: { type: 'integer' },
  ratio: { type: 'number', enum: [0.5, 1] },
  dormant: { type: 'boolean' },
};

describe('rules/facts-file: reading the JSON', () => {
  it('should read an object and report nothing', () => {
    expect(readFactsFile('{"cohort": "IOC", "nested": {"a": [1, {"b": 2}]}, "s": "a\\"b,{"}')).toEqual({
      value: { cohort: 'IOC', nested: { a: [1, { b: 2 }] }, s: 'a"b,{' },
      problems: [],
    });
  });

  it('should refuse a key given twice in one object, at the second, naming the first line', () => {
    const text = '{\n  "cohort": "IOC",\n  "dormant": true,\n  "cohort": "FOC"\n}';
    expect(readFactsFile(text).problems).toEqual([{ line: 4, column: 3, message: 'duplicate key "cohort" (first at line 2); a facts file gives each fact once' }]);
    // The same key in two objects, or as a value, is not a duplicate; one inside an array's object is.
    expect(readFactsFile('{"a": {"x": 1}, "b": {"x": 2}, "c": "a", "d": ["a", "a"]}').problems).toEqual([]);
    expect(readFactsFile('{"list": [{"x": 1, "x": 2}], "y": 1}').problems).toEqual([{ line: 1, column: 20, message: 'duplicate key "x" (first at line 1); a facts file gives each fact once' }]);
    expect(readFactsFile('{"\\u0061": 1, "a": 2}').problems).toEqual([{ line: 1, column: 15, message: 'duplicate key "a" (first at line 1); a facts file gives each fact once' }]);
  });

  it('should place a syntax error, and cut a long message short', () => {
    const bad = readFactsFile('{\n  "cohort": "IOC",\n  oops\n}');
    expect(bad.value).toBeUndefined();
    expect(bad.problems).toHaveLength(1);
    expect([bad.problems[0]!.line, bad.problems[0]!.column]).toEqual([3, 3]);
    expect(bad.problems[0]!.message).toMatch(/^not valid JSON: /);
    const long = readFactsFile(`{"a": "${'x'.repeat(300)}`).problems[0]!.message;
    expect(long.length).toBeLessThanOrEqual('not valid JSON: '.length + 121);
  });

  it('should quote names as JSON, cutting long ones at 60 characters with their length', () => {
    expect(quoted('cohort')).toBe('"cohort"');
    expect(quoted('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
    expect(quoted('x'.repeat(61))).toBe(`"${'x'.repeat(60)}…" (61 characters)`);
    expect(quoted('abcdef', 3)).toBe('"abc…" (6 characters)');
  });
});

describe('rules/facts: facts checked against facts.yaml', () => {
  it('should keep declared facts of the right type and value, in name order, and skip $schema and $comment', () => {
    expect(validateFacts({ dormant: false, cohort: 'FOC', attempts: 3, ratio: 1, $schema: 'x', $comment: 'y' }, DECLARED)).toEqual({
      facts: { attempts: 3, cohort: 'FOC', dormant: false, ratio: 1 },
      problems: [],
    });
  });

  it('should refuse anything but an object', () => {
    for (const value of [null, [], 'IOC', 3]) {
      expect(validateFacts(value, DECLARED)).toEqual({ facts: {}, problems: [{ fact: null, message: 'expected a JSON object of facts, such as {"cohort": "IOC", "installation_status": "Dormant"}' }] });
    }
  });

  it('should name an unknown fact with the nearest declared one, and list the declared ones', () => {
    expect(validateFacts({ cohrt: 'IOC', weather: 1, toString: 1 }, DECLARED).problems).toEqual([
      { fact: 'cohrt', message: 'unknown fact "cohrt" (did you mean "cohort"?); declared facts: attempts, cohort, dormant, ratio' },
      { fact: 'toString', message: 'unknown fact "toString"; declared facts: attempts, cohort, dormant, ratio' },
      { fact: 'weather', message: 'unknown fact "weather"; declared facts: attempts, cohort, dormant, ratio' },
    ]);
    const long = 'c'.repeat(101);
    expect(validateFacts({ [long]: 1 }, { [`${long}x`]: { type: 'integer' } }).problems[0]!.message).toBe(`unknown fact ${quoted(long)}; declared facts: ${long}x`);
  });

  it('should say what type a fact must have and what it got', () => {
    const got = (value: unknown, fact = 'attempts') => validateFacts({ [fact]: value }, DECLARED).problems.map((p) => p.message);
    expect(got(2.5)).toEqual(['fact "attempts" must be an integer, got number 2.5']);
    expect(got('3')).toEqual(['fact "attempts" must be an integer, got string "3"']);
    expect(got(null)).toEqual(['fact "attempts" must be an integer, got null']);
    expect(got([1])).toEqual(['fact "attempts" must be an integer, got a list']);
    expect(got({ a: 1 })).toEqual(['fact "attempts" must be an integer, got an object']);
    expect(got(Infinity, 'ratio')).toEqual(['fact "ratio" must be a number, got a number too large to represent']);
    expect(got(1, 'dormant')).toEqual(['fact "dormant" must be a boolean, got number 1']);
    expect(got(true, 'cohort')).toEqual(['fact "cohort" must be a string, got boolean true']);
  });

  it('should name a value outside the enum, with the nearest allowed one', () => {
    expect(validateFacts({ cohort: 'Ioc' }, DECLARED).problems).toEqual([{ fact: 'cohort', message: 'fact "cohort" must be one of "IOC", "FOC", got "Ioc" (did you mean "IOC"?)' }]);
    expect(validateFacts({ ratio: 25.25 }, DECLARED).problems).toEqual([{ fact: 'ratio', message: 'fact "ratio" must be one of 0.5, 1, got 25.25' }]);
  });
});

describe('rules/facts: the JSON Schema for facts files', () => {
  it('should declare each fact with its type, enum and description, in name order, and nothing else', () => {
    const schema = factsJsonSchema(DECLARED);
    expect(schema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://secdoc.invalid/schemas/facts-file.schema.json',
      title: 'secdoc facts file',
      description: 'The facts of one case, as `secdoc eval` reads them. Generated from documents/facts.yaml.',
      type: 'object',
      properties: {
        $schema: { type: 'string' },
        $comment: { type: 'string' },
        attempts: { type: 'integer' },
        cohort: { type: 'string', enum: ['IOC', 'FOC'], description: 'The migration cohort.' },
        dormant: { type: 'boolean' },
        ratio: { type: 'number', enum: [0.5, 1] },
      },
      additionalProperties: false,
    });
    expect(Object.keys(schema.properties as object)).toEqual(['$schema', '$comment', 'attempts', 'cohort', 'dormant', 'ratio']);
  });
});

describe('rules/facts: unusual facts files', () => {
  it('should read a file that is one JSON string, and find a key again after a nested object closes', () => {
    expect(readFactsFile('"just text"')).toEqual({ value: 'just text', problems: [] });
    expect(readFactsFile('{"a": {"x": 1}, "x": 2}').problems).toEqual([]);
    expect(readFactsFile('{"a": [1, {"x": 1}], "x": 2, "a": 3}').problems).toEqual([{ line: 1, column: 30, message: 'duplicate key "a" (first at line 1); a facts file gives each fact once' }]);
  });

  it('should place a fault at a line break on the line it ends', () => {
    expect(readFactsFile('{"a": "abc\n"}').problems.map((p) => [p.line, p.column])).toEqual([[1, 11]]);
  });

  it('should list problems in name order, however many', () => {
    const names = Array.from({ length: 100 }, (_, i) => `u${String(i).padStart(3, '0')}`);
    const value = Object.fromEntries(names.map((_, i) => [names[(i * 37) % 100]!, 1]));
    expect(validateFacts(value, DECLARED).problems.map((p) => p.fact)).toEqual(names);
  });

  it('should quote a long value cut short, in the enum and the type message alike', () => {
    const long = 'x'.repeat(70);
    expect(validateFacts({ cohort: long }, DECLARED).problems[0]!.message).toBe(`fact "cohort" must be one of "IOC", "FOC", got ${quoted(long)}`);
    expect(validateFacts({ attempts: long }, DECLARED).problems[0]!.message).toBe(`fact "attempts" must be an integer, got string ${quoted(long)}`);
  });

  it('should suggest for a name of 100 characters, and not for a longer one', () => {
    const declared = { [`${'n'.repeat(99)}x`]: { type: 'integer' as const } };
    expect(validateFacts({ [`${'n'.repeat(99)}y`]: 1 }, declared).problems[0]!.message).toContain('(did you mean');
    expect(validateFacts({ [`${'n'.repeat(100)}y`]: 1 }, declared).problems[0]!.message).not.toContain('(did you mean');
  });
});
