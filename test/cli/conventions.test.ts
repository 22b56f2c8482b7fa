/**
 * What users of npm command-line tools expect: a fast --help that loads no command, examples in
 * every command's help, output formats from file extensions, colour by NO_COLOR and FORCE_COLOR
 * (test/diff/cli.test.ts), a date-less REF meaning today, and a configurable change author.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, documentsDir, repoRoot } from '../helpers.js';
import { FORMATS } from '../../src/publish/plan.js';

const bin = join(repoRoot, 'bin', 'secdoc.js');
const scratch = () => mkdtempSync(join(tmpdir(), 'secdoc-conventions-'));

/** The modules a run of the compiled CLI resolves, recorded by a module resolution hook. */
function modulesLoaded(args: string[], env: Record<string, string> = {}): { urls: string[]; status: number | null; stdout: string } {
  const dir = scratch();
  const log = join(dir, 'loaded.txt');
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}
`);
  // The hook sees what is imported; what the corpus loads by \`require\` (the parser) is in require.cache at exit.
  writeFileSync(
    join(dir, 'register.mjs'),
    `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)}, { data: { log: ${JSON.stringify(log)} } });
const required = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(${JSON.stringify(log)}, Object.keys(required).map((path) => path + '\\n').join('')));
`,
  );
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, bin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, SECDOC_TODAY: '2022-06-10', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { urls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [], status: r.status, stdout: r.stdout };
}

const loads = (urls: string[], part: string) => urls.some((u) => u.includes(part));

describe('start-up', () => {
  it('should load commander and the command definitions for --help, and no command or parser', () => {
    const { urls, status } = modulesLoaded(['--help']);
    expect(status).toBe(0);
    expect(loads(urls, '/node_modules/commander/')).toBe(true);
    expect(loads(urls, '/lib/cli/commands/tree.command.js')).toBe(true);
    for (const heavy of ['/lib/cli/context.js', '/lib/cli/commands/tree.js', '/lib/parse/', '/node_modules/unified/', '/node_modules/handlebars/', '/node_modules/docx/', 'typst'])
      expect(loads(urls, heavy), heavy).toBe(false);
  });

  it('should load for `at` the parser and the dates, but none of the writers', () => {
    const { urls, status } = modulesLoaded(['at', '2022-06-10']);
    expect(status).toBe(0);
    expect(loads(urls, '/lib/cli/commands/at.js')).toBe(true);
    expect(loads(urls, '/lib/parse/')).toBe(true);
    for (const heavy of ['/lib/cli/commands/diff.js', '/lib/diff/', '/lib/publish/', '/lib/render/html/', '/node_modules/handlebars/', '/node_modules/docx/', 'typst'])
      expect(loads(urls, heavy), heavy).toBe(false);
  });
});

describe('start-up with the tree cache warm', () => {
  const markdownParser = ['/node_modules/remark-parse/', '/node_modules/micromark/', '/lib/parse/index.js'];

  it('should diff two files whose trees are cached without loading the parser, yaml or the HTML writer', () => {
    const env = { SECDOC_CACHE_DIR: scratch() };
    const [a, b] = ['2021-01-01', '2021-08-24'].map((v) => join(repoRoot, 'test/corpus/en-github-site-policy', `github-marketplace-developer-agreement__${v}.md`));
    const cold = modulesLoaded(['diff', a!, b!, '--format', 'json'], env);
    expect(cold.status).toBe(0);
    // The test can fail: parsing loads the parser.
    expect(loads(cold.urls, '/lib/parse/index.js')).toBe(true);
    const warm = modulesLoaded(['diff', a!, b!, '--format', 'json'], env);
    expect(warm.status).toBe(0);
    expect(warm.stdout).toBe(cold.stdout);
    for (const heavy of [...markdownParser, '/node_modules/yaml/', '/node_modules/handlebars/', '/lib/render/view/']) expect(loads(warm.urls, heavy), heavy).toBe(false);
  });

  it('should answer `at` from cached trees without loading the Markdown parser', () => {
    const env = { SECDOC_CACHE_DIR: scratch() };
    const cold = modulesLoaded(['at', '2022-06-10'], env);
    expect(cold.status).toBe(0);
    expect(loads(cold.urls, '/lib/parse/index.js')).toBe(true);
    const warm = modulesLoaded(['at', '2022-06-10'], env);
    expect(warm.status).toBe(0);
    expect(warm.stdout).toBe(cold.stdout);
    for (const heavy of markdownParser) expect(loads(warm.urls, heavy), heavy).toBe(false);
  });
});

describe('help', () => {
  const names = ['validate', 'tree', 'diff', 'build', 'at', 'rules', 'history', 'eval'];

  it('should list every command in --help', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const name of names) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('should offer in build --help the formats the publisher makes (the light definition keeps its own list)', async () => {
    expect((await cli(['build', '--help'])).stdout.replace(/\s+/g, ' ')).toContain(`comma-separated formats: ${FORMATS.join(',')} (default: "${FORMATS.join(',')}")`);
  });

  it("should end each command's --help with two or three examples of that command", async () => {
    for (const name of names) {
      const r = await cli([name, '--help']);
      expect(r.code, name).toBe(0);
      const tail = r.stdout.split('\nExamples:\n')[1];
      expect(tail, name).toBeDefined();
      const lines = tail!.trimEnd().split('\n');
      expect(lines.length, name).toBeGreaterThanOrEqual(2);
      expect(lines.length, name).toBeLessThanOrEqual(3);
      for (const line of lines) expect(line, name).toMatch(new RegExp(`^  \\$ secdoc (--documents \\S+ )?${name}\\b(.*\\S)? {2,}\\S`));
    }
  });
});

describe('diff --out', () => {
  it('should take the format from the extension, in any case, and make the missing folder', async () => {
    const dir = scratch();
    const cases = [
      ['new/a/annex.PDF', (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
      ['new/b/annex.docx', (b: Buffer) => 'word/document.xml' in unzipSync(new Uint8Array(b))],
      ['new/c/annex.html', (b: Buffer) => b.toString('utf8').startsWith('<!DOCTYPE html>')],
      ['new/d/annex.json', (b: Buffer) => (JSON.parse(b.toString('utf8')) as { 'secdoc-api-version': unknown })['secdoc-api-version'] !== undefined],
      ['new/e/annex.txt', (b: Buffer) => b.toString('utf8').startsWith('AL v19.0 -> AL v20.0:')],
    ] as const;
    for (const [path, looksRight] of cases) {
      const r = await cli(['diff', 'AL@19.0', 'AL@20.0', '--out', join(dir, path)]);
      expect(r.code, r.stderr).toBe(0);
      expect(looksRight(readFileSync(join(dir, path))), path).toBe(true);
    }
    // An explicit --format wins over the extension, and is not case-sensitive.
    const r = await cli(['diff', 'AL@19.0', 'AL@20.0', '--format', 'HTML', '--out', join(dir, 'as-html.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'as-html.pdf'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect((await cli(['diff', 'AL@19.0', 'AL@20.0', '--format', 'Json'])).stdout).toMatch(/^\{\n {2}"secdoc-api-version"/);
    const bad = await cli(['diff', 'AL@19.0', 'AL@20.0', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are text, json, html, pdf, docx');
  });

  it("should name the user's path, never a temporary file, when the file cannot be written", async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'plain-file'), 'not a folder');
    const under = join(dir, 'plain-file', 'annex.json');
    const r = await cli(['diff', 'AL@19.0', 'AL@20.0', '--out', under]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`secdoc: cannot write ${under}: part of the path is a file, not a folder\n`);
    const folder = await cli(['diff', 'AL@19.0', 'AL@20.0', '--out', dir]);
    expect(folder.stderr).toBe(`secdoc: cannot write ${dir}: it is a folder\n`);
    expect(readdirSync(dir)).toEqual(['plain-file']);
    const build = await cli(['build', '--out', join(dir, 'plain-file', 'dist'), '--formats', 'json', '--only', 'AL']);
    expect(build.code).toBe(1);
    // The sources' own warnings may come first; the one error line is the write's.
    const errors = build.stderr.split('\n').filter((line) => line !== '' && !/: warning /.test(line));
    expect(errors).toEqual([`secdoc build: cannot write ${join(dir, 'plain-file', 'dist')}: part of the path is a file, not a folder; ${join(dir, 'plain-file', 'dist')} left as it was`]);
  });
});

describe('tree DOC without a version', () => {
  it('should take the version in force today and say which on stderr', async () => {
    const before = await cli(['tree', 'al', '--json'], { env: { SECDOC_TODAY: '2022-06-09' } });
    expect(before.code, before.stderr).toBe(0);
    expect(before.stderr).toBe('secdoc: al is AL@19.0, the version in force today (2022-06-09)\n');
    expect((JSON.parse(before.stdout) as { document: { version: string } }).document.version).toBe('19.0');
    const after = await cli(['tree', 'TMAD'], { env: { SECDOC_TODAY: '2022-06-10' } });
    expect(after.stderr).toBe('secdoc: TMAD is AL@20.0, the version in force today (2022-06-10)\n');
    expect(after.stdout).toBe((await cli(['tree', 'AL@20.0'])).stdout);
  });

  it('should say when no version is in force today, and which versions there are', async () => {
    const r = await cli(['tree', 'AL'], { env: { SECDOC_TODAY: '2021-01-01' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('secdoc: AL: no version in force on 2021-01-01; name one: AL@19.0, AL@20.0\n');
    expect((await cli(['tree', 'XX'], { env: { SECDOC_TODAY: '2022-06-10' } })).stderr).toBe('secdoc: no document XX in documents (known: AK, AL, J)\n');
  });
});

describe('the author of tracked changes', () => {
  const authors = (docx: string) => [...new Set([...strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!).matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')))];

  it('should be --author on build and diff', async () => {
    const dir = scratch();
    const r = await cli(['build', '--out', join(dir, 'dist'), '--formats', 'docx', '--only', 'AL', '--author', 'SEC Panel & Co']);
    expect(r.code, r.stderr).toBe(0);
    const marked = JSON.parse(readFileSync(join(dir, 'dist', 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string; kind: string }> };
    const docx = marked.artefacts.find((a) => a.kind === 'marked-up')!;
    expect(authors(join(dir, 'dist', docx.path))).toEqual(['SEC Panel & Co']);
    const d = await cli(['diff', 'AL@19.0', 'AL@20.0', '--out', join(dir, 'd.docx'), '--author', 'Drafting Team']);
    expect(d.code, d.stderr).toBe(0);
    expect(authors(join(dir, 'd.docx'))).toEqual(['Drafting Team']);
    expect((await cli(['build', '--out', join(dir, 'x'), '--author', ' '])).stderr).toBe('secdoc: --author needs a name\n');
  });

  it('should come from the secdoc key of package.json in the working folder, which --author overrides', () => {
    const project = scratch();
    cpSync(documentsDir, join(project, 'documents'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'sec-annexes', private: true, secdoc: { author: 'Smart Energy Code Administrator' } }));
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8' });
    expect(run('diff', 'AL@19.0', 'AL@20.0', '--out', 'out/a.docx').stderr).toBe('');
    expect(authors(join(project, 'out', 'a.docx'))).toEqual(['Smart Energy Code Administrator']);
    expect(run('diff', 'AL@19.0', 'AL@20.0', '--out', 'out/b.docx', '--author', 'Me').status).toBe(0);
    expect(authors(join(project, 'out', 'b.docx'))).toEqual(['Me']);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'sec-annexes', secdoc: { author: 7 } }));
    const bad = run('diff', 'AL@19.0', 'AL@20.0', '--out', 'out/c.docx');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('secdoc: package.json: "secdoc.author" must be a name (a non-empty string)\n');
    // Without the key: the default author.
    mkdirSync(join(project, 'plain'));
    cpSync(join(project, 'documents'), join(project, 'plain', 'documents'), { recursive: true });
    execFileSync(process.execPath, [bin, 'diff', 'AL@19.0', 'AL@20.0', '--out', 'd.docx'], { cwd: join(project, 'plain') });
    expect(authors(join(project, 'plain', 'd.docx'))).toEqual(['secdoc']);
  }, 180_000);
});
