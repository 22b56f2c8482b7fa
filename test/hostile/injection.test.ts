/**
 * Source text is data in every output: a title cannot close the print CSS and open a script, and
 * only http(s), mailto, relative and fragment links are live in HTML, PDF and Word.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { cssString } from '../../src/render/html/index.js';
import { isLiveUrl } from '../../src/model/url.js';
import { scratch } from './helpers.js';

const page = (out: string) => readFileSync(join(out, 'AL/v20.0/appendix-AL-v20.0.html'), 'utf8');

describe('the print header CSS string', () => {
  it('should not let a short name close the style element and open a script', async () => {
    const s = scratch();
    const path = join(s.docs, 'tmad/v20.0.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('short_name: TMAD', 'short_name: "T</style><script>alert(1)</script>"'));
    const r = await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'html']);
    expect(r.code, r.stderr).toBe(0);
    const html = page(s.out);
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<\/style>/gi)).toHaveLength(1);
  });

  it('should escape everything but plain text in a CSS string', () => {
    expect(cssString('T</style><script>"\\\n')).toBe('"T\\00003c/style\\00003e\\00003cscript\\00003e\\000022\\00005c\\00000a"');
    expect(cssString('Appendix AL v20.0 (TMAD) – §3')).toBe('"Appendix AL v20.0 (TMAD) – §3"');
  });
});

describe('links', () => {
  it('should keep only http(s), mailto, relative and fragment URLs live', () => {
    for (const url of ['https://x.org/a', 'HTTP://x.org', 'mailto:a@b.org', '#c3', 'page.html', '../a/b.pdf', '//x.org/a', '?q=1']) expect([url, isLiveUrl(url)]).toEqual([url, true]);
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd', 'java\u0000script:x', 'ftp://x.org']) {
      expect([url, isLiveUrl(url)]).toEqual([url, false]);
    }
  });

  it('should render a javascript: link as text in HTML, PDF and Word, and validate should warn where it is', async () => {
    const s = scratch();
    const path = join(s.docs, 'tmad/v20.0.md');
    const text = readFileSync(path, 'utf8').replace('1.1 This document sets out the approach to migration.', '1.1 This document sets out the [approach](javascript:alert(1)) to [migration](https://example.org/m).');
    writeFileSync(path, text);
    const line = text.split('\n').findIndex((l) => l.includes('javascript:')) + 1;
    const v = await cli(['--documents', s.docs, 'validate']);
    expect(v.stderr).toContain(`v20.0.md:${line}:33: warning Unexpected link to \`javascript:alert(1)\`, expected an http(s), mailto, relative or #fragment URL; it is published as plain text [link-unsafe]`);
    const r = await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'html,pdf,docx']);
    expect(r.code, r.stderr).toBe(0);
    const html = page(s.out);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.org/m">migration</a>');
    const pdf = readFileSync(join(s.out, 'AL/v20.0/appendix-AL-v20.0.pdf')).toString('latin1');
    expect(pdf).not.toContain('javascript');
    expect(pdf).toContain('https://example.org/m');
    const docx = unzipSync(readFileSync(join(s.out, 'AL/v20.0/appendix-AL-v20.0.docx')));
    for (const [name, bytes] of Object.entries(docx)) if (/\.(xml|rels)$/.test(name)) expect([name, strFromU8(bytes).includes('javascript')]).toEqual([name, false]);
  });
});
