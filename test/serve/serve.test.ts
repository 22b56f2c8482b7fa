/**
 * `secdoc serve` in-process on a free port over a scratch copy of documents/: the pages it
 * serves, and how they follow a saved, broken and mended source.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/check/index.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { collect } from '../../src/diagnostics/index.js';
import { startPreview, type Preview } from '../../src/serve/index.js';
import { cli, copyDocuments, repoRoot } from '../helpers.js';

const TMAD = 'tmad/v20.0.md';

describe('secdoc serve', () => {
  const root = copyDocuments();
  /** Change a file of the copy before the server starts; where `needle` (unique) then stands, as line:col. */
  const seed = (relative: string, from: RegExp, to: string, needle: string) => {
    const path = join(root, relative);
    const text = readFileSync(path, 'utf8').replace(from, to);
    writeFileSync(path, text);
    const before = text.slice(0, text.indexOf(needle)).split('\n');
    return `${before.length}:${before[before.length - 1]!.length + 1}`;
  };
  // The committed documents have no warnings: one new reference in each of two files to a number
  // that an insertion moved (AL 10.4, AK 9.6), which validate warns may mean the old clause.
  const alWarning = seed(TMAD, /^(7\.9 .*)$/m, '$1\n\n7.10 The DCC shall report each GSME treated under Clause 10.4.', 'Clause 10.4.\n\n## 8 ');
  const akWarning = seed('svtad/v10.0.md', /\n## 10 /, '\n9.8 The DCC shall keep a record of the Test Devices delivered under Clause 9.6.\n\n## 10 ', 'Clause 9.6.\n\n## 10 ');
  const source = join(root, TMAD);
  const original = readFileSync(source, 'utf8');
  let preview: Preview;
  const errors: Error[] = [];

  const get = async (path: string) => {
    const response = await fetch(new URL(path, preview.url));
    return { status: response.status, text: await response.text() };
  };
  /**
   * The page once it satisfies `done`: the watcher reports a save a moment after it is made. The
   * deadline only ends a wait for a change that never comes, so it is generous: on the loaded
   * 2-core machine a re-check and re-render can wait seconds for a core. Speed is
   * bench/serve.bench.mjs's to measure.
   */
  const until = async (path: string, done: (html: string) => boolean) => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const { text } = await get(path);
      if (done(text)) return text;
      if (Date.now() > deadline) throw new Error(`${path} never changed as expected; last page:\n${text.slice(0, 3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const page = `/source/${TMAD}`;

  beforeAll(async () => {
    preview = await startPreview({ root, host: nodeHost, port: 0, onError: (e) => errors.push(e) });
  }, 60_000);

  afterAll(async () => {
    await preview?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('should listen on 127.0.0.1 on the free port it picked', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/$/);
  });

  it('should list every document and its versions, and the directions, on the index page', async () => {
    const { status, text } = await get('/');
    expect(status).toBe(200);
    expect(text).toContain('Appendix AL: SMETS1 Transition and Migration Approach Document');
    expect(text).toContain(`<a href="/source/tmad/v19.0.md">AL v19.0 (TMAD)</a>`);
    expect(text).toContain(`<a href="/source/tmad/v20.0.md">AL v20.0 (TMAD)</a>`);
    expect(text).toContain(`<a href="/source/etad/v6.0.md">J v6.0 (ETAD)</a>`);
    expect(text).toContain(`<a href="/source/directions/2022-06-09.md">directions/2022-06-09.md</a>`);
  });

  it('should show a version clean and marked up against the version it replaces, as the annex renderer writes them', async () => {
    const clean = await get(page);
    expect(clean.status).toBe(200);
    expect(clean.text).toContain('<body class="annex clean ink-colour">');
    expect(clean.text).toContain('id="c-9-4"');
    expect(clean.text).toContain('aria-current="page" href="/source/tmad/v20.0.md">Clean</a>');
    expect(clean.text).toContain('<a href="/source/tmad/v20.0.md?view=marked-up">Marked up against v19.0</a>');
    expect(clean.text).not.toContain('<ins>');
    const marked = await get(`${page}?view=marked-up`);
    expect(marked.text).toContain('<body class="annex marked-up ink-colour">');
    expect(marked.text).toContain('marked up against v19.0');
    expect(marked.text).toMatch(/<ins>[^<]+<\/ins>/);
    // The earliest version replaces none: no marked-up view is offered.
    expect((await get('/source/tmad/v19.0.md')).text).toContain('No earlier version to mark up against');
  });

  it('should link each diagnostic of the last save to its clause', async () => {
    const { text } = await get(page);
    expect(text).toMatch(new RegExp(`<li class="warning"><a href="#c-7-10"><code>[^<]*tmad/v20\\.0\\.md:${alWarning}</code></a>: warning Unexpected new reference to Clause 10\\.4`));
    // Another file's diagnostic links to that file's page and clause.
    expect(text).toMatch(new RegExp(`<a href="/source/svtad/v10\\.0\\.md#c-9-8"><code>[^<]*svtad/v10\\.0\\.md:${akWarning}</code></a>`));
  });

  it('should serve a saved edit, re-reading the file', async () => {
    const before = preview.live.snapshot.generation;
    writeFileSync(source, original.replace('9.4 The DCC shall notify the Responsible Supplier', '9.4 The DCC shall promptly notify the Responsible Supplier'));
    const clean = await until(page, (html) => html.includes('shall promptly notify'));
    expect(Number(/data-generation="(\d+)"/.exec(clean)![1])).toBeGreaterThan(before);
    const marked = await get(`${page}?view=marked-up`);
    expect(marked.text).toContain('The DCC shall <ins>promptly </ins>notify');
  });

  it('should show a broken source as a located error linked to its clause, and drop it once mended', async () => {
    const lines = original.split('\n');
    const line = lines.findIndex((l) => l.startsWith('9.4 The DCC')) + 1;
    writeFileSync(source, original.replace('9.4 The DCC', '9.3 The DCC'));
    const broken = await until(page, (html) => html.includes('[duplicate-number]'));
    const item = new RegExp(`<li class="error"><a href="#(c-[\\w-]+)"><code>[^<]*tmad/v20\\.0\\.md:${line}:1</code></a>: error [^<]*<code>\\[duplicate-number\\]</code></li>`).exec(broken);
    expect(item, broken.slice(0, 4000)).not.toBeNull();
    expect(broken).toContain(`id="${item![1]}"`);
    expect(broken).toMatch(/<p>\d+ errors?, \d+ warnings?<\/p>/);

    writeFileSync(source, original);
    const mended = await until(page, (html) => !html.includes('[duplicate-number]'));
    expect(mended).toContain('<p>0 errors, 2 warnings</p>');
  });

  it('should keep serving when a source cannot be read at all, escaping what it shows', async () => {
    writeFileSync(source, '---\ntitle: <script>alert(1)</script>\n---\n\n9.1 <b>text</b>\n');
    const broken = await until(page, (html) => !html.includes('class="annex'));
    expect(broken).toContain('could not be read as a document version');
    expect(broken).toMatch(/<li class="error"><code>[^<]*tmad\/v20\.0\.md:\d+:\d+<\/code>: error/);
    expect(broken).not.toContain('<script>alert');
    expect(broken).not.toContain('<b>text');
    // The version is gone from the index until it parses again.
    expect((await get('/')).text).toContain('<a href="/source/tmad/v20.0.md">tmad/v20.0.md</a>');

    writeFileSync(source, original);
    await until(page, (html) => html.includes('class="annex clean '));
    expect(errors).toEqual([]);
  });

  it('should hold, after edits, the diagnostics a fresh load of the folder finds', async () => {
    const fresh = loadCorpus(root, nodeHost);
    checkCorpus(fresh);
    expect(preview.live.snapshot.diagnostics).toEqual(collect(fresh.files));
  });

  it('should take in an added and a removed source', async () => {
    const copy = join(root, 'tmad', 'v20.1.md');
    writeFileSync(copy, original.replace(/^version: .*$/m, 'version: "20.0"'));
    await until('/', (html) => html.includes('[duplicate-version]'));
    rmSync(copy);
    await until('/', (html) => !html.includes('[duplicate-version]'));
  });

  it('should answer only requests addressed to 127.0.0.1 or localhost, and 404 unknown pages with the path escaped', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(preview.url);
      request({ host: url.hostname, port: url.port, path: '/', headers: { host: `attacker.example:${url.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
    const missing = await get('/source/%3Cimg%3E.md');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('/source/%3Cimg%3E.md');
    const traversal = await get('/source/..%2F..%2Fetc%2Fpasswd');
    expect(traversal.status).toBe(404);
  });

  it('should announce each new generation to event-stream clients', async () => {
    const controller = new AbortController();
    const response = await fetch(new URL('/events', preview.url), { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const next = async (pattern: RegExp) => {
      while (!pattern.test(received)) received += decoder.decode((await reader.read()).value);
      return pattern.exec(received)!;
    };
    const now = preview.live.snapshot.generation;
    await next(new RegExp(`event: reload\\ndata: ${now}\\n\\n`));
    writeFileSync(source, original + '\n');
    await next(new RegExp(`event: reload\\ndata: ${now + 1}\\n\\n`));
    controller.abort();
  });
});

describe('the serve command', () => {
  it('should print its URL, serve, and close cleanly on SIGINT and SIGTERM', async () => {
    const root = copyDocuments();
    try {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        const child = spawn(process.execPath, [join(repoRoot, 'bin', 'secdoc.js'), '--documents', root, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.stderr.on('data', (d: Buffer) => (err += d));
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        while (!/http:\/\/127\.0\.0\.1:\d+\//.test(out)) {
          if (child.exitCode !== null) throw new Error(`serve exited early: ${err}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)![0];
        expect(out).toContain(`previewing ${root} at ${url}`);
        expect((await fetch(url)).status).toBe(200);
        child.kill(signal);
        expect(await exited).toBe(0);
        expect(out).toContain('secdoc serve: stopped');
        expect(err).toBe('');
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('should refuse a port that is not a number from 0 to 65535', async () => {
    for (const port of ['http', '-1', '65536', '1.5']) {
      const r = await cli(['serve', '--port', port]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--port ${port}: expected a whole number from 0 to 65535`);
    }
  });
});
