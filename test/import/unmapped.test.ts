/**
 * What Markdown cannot hold is reported, never lost: an image, a footnote and a text box each
 * give one warning that says where it is, and every word of the body is in the output or in a
 * warning. Tracked changes are accepted, rejected or both; broken files fail with a clear message.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, repoRoot } from '../helpers.js';

const dir = join(repoRoot, 'test/fixtures/import');
const scratch = mkdtempSync(join(tmpdir(), 'secdoc-import-'));

/** Every word the Word file shows: body text (the text box once, not its fallback copy) and notes. */
function wordsOf(docx: string): string[] {
  const parts = unzipSync(readFileSync(docx));
  const shown = (xml: string) =>
    [...xml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join(' ');
  const text = shown(strFromU8(parts['word/document.xml']!)) + ' ' + shown(strFromU8(parts['word/footnotes.xml']!));
  return text.split(/\s+/).filter(Boolean);
}

function count(words: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

describe('import of content Markdown cannot hold', () => {
  const docx = join(dir, 'unmapped.docx');

  it('should exit 0 with one located warning each for the image, the footnote and the text box', async () => {
    const r = await cli(['import', docx]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${docx}:2:1: warning paragraph 2 "1.1 The DCC shall publish the …": footnote 1 is not imported: "The plan is published on the DCC website." [import-footnote]`,
      `${docx}:4:1: warning paragraph 4 (after "1.2 The plan is shown in …"): image "Migration flow diagram" (word/media/flow.png) not imported [import-image]`,
      `${docx}:5:1: warning paragraph 5 "1.3 Each Supplier Party shall read …": text box not imported: "Text box: the DCC shall keep this note beside Clause 3. / Second line of the box." [import-text-box]`,
    ]);
  });

  it('should lose no body text: every word is in the source or in a warning', async () => {
    const r = await cli(['import', docx]);
    const body = r.stdout.replace(/^---[\s\S]*?\n---\n/, '');
    const words = wordsOf(docx);
    const found = count(`${body} ${r.stderr}`.replace(/"/g, ' ').split(/\s+/).filter(Boolean));
    const missing = [...count(words)].filter(([w, n]) => (found.get(w) ?? 0) < n);
    expect(missing).toEqual([]);
    // And the characters add up: the source holds the body, the warnings hold the rest.
    const characters = (s: string) => s.replace(/\s/g, '').length;
    const inWarnings = ['The plan is published on the DCC website.', 'Text box: the DCC shall keep this note beside Clause 3.', 'Second line of the box.'];
    expect(characters(body.replace(/^#+ /gm, ''))).toBe(characters(words.join('')) - characters(inWarnings.join('')));
  });
});

describe('import of tracked changes', () => {
  const docx = join(dir, 'changes.docx');

  it('should accept every change by default: insertions, deletions, moves, paragraph marks and rows', async () => {
    const r = await cli(['import', docx]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`---
title: Tracked changes fixture
---

## 1 Changes

1.1 The DCC shall notify every Supplier Party within 10 Working Days.

1.2 The DCC shall keep a record of each notice.

1.3 A Supplier Party may object.

1.4 The objection shall be in writing and signed.

1.5 The Panel shall decide.

1.6 The Panel shall publish its decision. Its decision is final.

| Term | Meaning |
| - | - |
| Notice | means a notice under Clause 1.1. |
| Objection | means an objection under Clause 1.3. |
`);
  });

  it('should give the original with --reject', async () => {
    const r = await cli(['import', docx, '--reject']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\n1.1 The DCC shall notify each Supplier Party within 5 Working Days.\n\n1.2 A Supplier Party may object.\n\n1.4 The objection shall be in writing\n\nand signed.\n\n1.5 The Panel shall decide. Its decision is final.\n\n1.6 The Panel shall publish its decision.\n');
    expect(r.stdout).toContain('| Notice | means a notice under Clause 1.1. |\n| Appeal | means an appeal. |\n');
    expect(r.stdout).not.toMatch(/record of each notice|Objection/);
  });

  it('should write both with --both, and secdoc diff then finds each change', async () => {
    const [oldMd, newMd] = [join(scratch, 'old.md'), join(scratch, 'new.md')];
    const r = await cli(['import', docx, '--both', oldMd, newMd]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(newMd, 'utf8')).toBe((await cli(['import', docx])).stdout);
    expect(readFileSync(oldMd, 'utf8')).toBe((await cli(['import', docx, '--reject'])).stdout);
    const diff = JSON.parse((await cli(['diff', oldMd, newMd, '--format', 'json'])).stdout) as { summary: Record<string, number> };
    expect(diff.summary).toMatchObject({ inserted: 1, renumbered: 1 });
    expect(diff.summary.amended).toBeGreaterThanOrEqual(2);
  });

  it('should be byte-identical from run to run', async () => {
    const out = [join(scratch, 'a.md'), join(scratch, 'b.md')];
    for (const o of out) expect((await cli(['import', join(dir, 'numbering.docx'), '--out', o])).code).toBe(0);
    expect(readFileSync(out[0]!, 'utf8')).toBe(readFileSync(out[1]!, 'utf8'));
  });
});

describe('import of files that are not Word files', () => {
  it('should fail with file:line:col when the file is not a zip package', async () => {
    const path = join(scratch, 'not.docx');
    writeFileSync(path, 'plain text, not a package');
    const r = await cli(['import', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: error not a Word file \\(\\.docx\\): the zip package cannot be read .*\\[import-not-docx\\]\\n$`));
  });

  it('should point at the line and column of malformed XML in a part', async () => {
    const parts = unzipSync(readFileSync(join(dir, 'changes.docx')));
    parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']!).replace('</w:body>', '</w:bdy>'));
    const path = join(scratch, 'broken.docx');
    writeFileSync(path, zipSync(parts));
    const r = await cli(['import', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.docx:2:\d+: error word\/document\.xml: malformed XML: .+ \[import-not-docx\]\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('should fail as a usage error on a missing file or a wrong --both', async () => {
    expect((await cli(['import', join(scratch, 'missing.docx')])).stderr).toContain('secdoc: file not found:');
    expect((await cli(['import', join(scratch, 'missing.docx')])).code).toBe(2);
    const r = await cli(['import', join(dir, 'changes.docx'), '--both', join(scratch, 'one.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--both takes two files');
  });
});
