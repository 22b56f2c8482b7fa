/** Word-like software opens every DOCX of the pack: LibreOffice converts each to PDF. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { readPdf } from '../pdf.js';
import { describeSystem } from '../system.js';

describeSystem('the Word annexes', ['soffice'], ({ soffice }) => {
  it('should each open in LibreOffice and convert to a PDF with the annex text', async () => {
    const root = mkdtempSync(join(tmpdir(), 'secdoc-docx-'));
    const out = join(root, 'dist');
    const r = await cli(['build', '--out', out, '--formats', 'docx']);
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { artefacts: Array<{ path: string; format: string }> };
    const docx = manifest.artefacts.filter((a) => a.format === 'docx').map((a) => join(out, a.path));
    expect(docx.length).toBeGreaterThanOrEqual(15);
    const pdfs = join(root, 'pdf');
    // One soffice run converts them all: starting LibreOffice is the slow part.
    execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${join(root, 'profile')}`, '--convert-to', 'pdf', '--outdir', pdfs, ...docx], { stdio: 'pipe', timeout: 280_000 });
    expect(readdirSync(pdfs).sort()).toEqual(docx.map((p) => basename(p).replace(/\.docx$/, '.pdf')).sort());
    for (const p of docx) {
      const pdf = join(pdfs, basename(p).replace(/\.docx$/, '.pdf'));
      expect(existsSync(pdf)).toBe(true);
      const text = (await readPdf(pdf)).pages.join('\n');
      expect(text, basename(p)).toMatch(/Appendix (AL|AK|J) to the Smart Energy Code/);
      expect(text, basename(p)).toMatch(/Page 2 of \d+/);
    }
  }, 300_000);
});
