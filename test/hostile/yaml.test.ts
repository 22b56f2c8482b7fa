/**
 * YAML in front matter, rule blocks and the side files goes through one guarded reader: undefined
 * aliases, alias bombs, cyclic aliases and syntax errors are located diagnostics with the FILE's
 * line numbers, never a stack trace or a hang.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyDocuments } from '../helpers.js';
import { expectNoStackTrace, scratch, withinCpu } from './helpers.js';

const BOMB = ['&a [x, x, x, x, x, x, x, x, x]', '&b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', '&c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', '&d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', '&e [*d, *d, *d, *d, *d, *d, *d, *d, *d]', '&f [*e, *e, *e, *e, *e, *e, *e, *e, *e]', '&g [*f, *f, *f, *f, *f, *f, *f, *f, *f]'];

function frontMatter(replace: (fm: string) => string): { docs: string; line: (needle: string) => number } {
  const s = scratch();
  const path = join(s.docs, 'tmad/v20.0.md');
  const text = readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (fm) => replace(fm));
  writeFileSync(path, text);
  return { docs: s.docs, line: (needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1 };
}

async function validate(docs: string) {
  const r = await withinCpu(20_000, () => cli(['--documents', docs, 'validate']));
  expectNoStackTrace(r.stderr);
  return r;
}

describe('front matter YAML', () => {
  it('should report an undefined alias where it is', async () => {
    const f = frontMatter((fm) => fm.replace('classification: DCC Public', 'classification: *nope'));
    const r = await validate(f.docs);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`v20.0.md:${f.line('*nope')}:17: error Malformed front matter: the alias \`*nope\` names no anchor set before it [front-matter-malformed]`);
  });

  it('should stop an alias bomb with a located error', async () => {
    const f = frontMatter((fm) => fm.replace('classification: DCC Public\n', BOMB.map((b, i) => `x${i}: ${b}\n`).join('') + 'classification: DCC Public\n'));
    const r = await validate(f.docs);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/v20\.0\.md:\d+:\d+: error Malformed front matter: too many aliases \(more than 100\).* \[front-matter-malformed\]/);
  });

  it('should give syntax errors at the line of the file, with no YAML-relative line in the message', async () => {
    const f = frontMatter((fm) => fm.replace('title: SMETS1', 'title: [SMETS1'));
    const r = await validate(f.docs);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('front-matter-malformed'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toMatch(/at line \d+/);
    expect(lines[0]).toMatch(new RegExp(`v20\\.0\\.md:(${f.line('title: [')}|${f.line('title: [') + 1}|${f.line('version:')}):`));
  });

  it('should read a loose file with a broken alias as a content error (tree exits 1)', async () => {
    const f = frontMatter((fm) => fm.replace('classification: DCC Public', 'classification: *nope'));
    const r = await cli(['tree', join(f.docs, 'tmad/v20.0.md')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/v20\.0\.md:\d+:17: error Malformed front matter/);
    expectNoStackTrace(r.stderr);
  });
});

describe('rule block YAML', () => {
  const withRule = (condition: string) => {
    const docs = copyDocuments();
    const path = join(docs, 'tmad/v20.0.md');
    const text = readFileSync(path, 'utf8').replace('condition:\n  "==": [{ var: rp_decommissioning_timetable_approved }, false]', condition);
    writeFileSync(path, text);
    return { docs, line: (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1 };
  };

  it('should report a cyclic alias in a condition, not hang or overflow', async () => {
    const f = withRule('condition: &loop\n  and: [*loop]');
    const r = await validate(f.docs);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`v20.0.md:${f.line('and: [*loop]')}:9: error Malformed rule block: the alias \`*loop\` refers to a value that contains it [rule-malformed]`);
  });

  it('should stop an alias bomb in a rule block', async () => {
    const f = withRule('condition:\n  in: [x, ' + BOMB.join(', ') + ']');
    const r = await validate(f.docs);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/v20\.0\.md:\d+:\d+: error Malformed rule block: too many aliases/);
  });
});

describe('side files', () => {
  it('should place a facts.yaml syntax error on its line', async () => {
    const docs = copyDocuments();
    const path = join(docs, 'facts.yaml');
    const text = readFileSync(path, 'utf8').replace('  enum: [Active, Dormant, Mixed]', '  enum: [Active, Dormant, Mixed');
    writeFileSync(path, text);
    const r = await validate(docs);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/facts\.yaml:(1[0-9]|2[0-9]):\d+: error Malformed YAML/);
  });

  it('should report an undefined alias in facts.yaml', async () => {
    const docs = copyDocuments();
    writeFileSync(join(docs, 'facts.yaml'), readFileSync(join(docs, 'facts.yaml'), 'utf8') + 'extra: *nope\n');
    const r = await validate(docs);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/facts\.yaml:\d+:8: error Malformed YAML: the alias `\*nope` names no anchor/);
  });
});
