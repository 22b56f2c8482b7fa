/**
 * Word-like software opens every DOCX of the pack: LibreOffice converts each to PDF, and in a
 * marked-up annex accepting every tracked change gives the new version's clauses, rejecting every
 * one the old version's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

  it('should give, with every tracked change accepted, the new version and, with every one rejected, the old one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'secdoc-docx-changes-'));
    const out = join(root, 'dist');
    const r = await cli(['build', '--out', out, '--formats', 'docx', '--only', 'direction-2022-06-09']);
    expect(r.code, r.stderr).toBe(0);
    const profile = join(root, 'profile');
    const text = join(root, 'txt');
    const annexes = [
      { doc: 'AL', version: '20.0', against: '19.0' },
      { doc: 'AK', version: '10.0', against: '9.0' },
      { doc: 'J', version: '6.0', against: '5.0' },
    ];
    const clean = (doc: string, version: string) => join(out, doc, `v${version}`, `appendix-${doc}-v${version}.docx`);
    // The clean versions as LibreOffice reads them; this first run also makes the profile the macro goes in.
    const sources = annexes.flatMap((a) => [clean(a.doc, a.version), clean(a.doc, a.against)]);
    execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'txt:Text', '--outdir', text, ...sources], { stdio: 'pipe', timeout: 200_000 });
    // LibreOffice's own Accept All and Reject All, run by a Basic macro, each result saved as text.
    writeFileSync(join(profile, 'user/basic/Standard/Module1.xba'), RESOLVE_MACRO);
    const jobs = annexes.flatMap((a) => {
      const marked = join(out, a.doc, `v${a.version}`, `appendix-${a.doc}-v${a.version}-marked-up-v${a.against}.docx`);
      return [`${marked}|${join(text, `${a.doc}-accepted.txt`)}|.uno:AcceptAllTrackedChanges`, `${marked}|${join(text, `${a.doc}-rejected.txt`)}|.uno:RejectAllTrackedChanges`];
    });
    execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${profile}`, `macro:///Standard.Module1.Resolve("${jobs.join('|')}")`], { stdio: 'pipe', timeout: 200_000 });
    const lines = (path: string) => readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    // Each clause paragraph of the version ("10.3<tab>Where the DCC ..."), which a renumbered or moved clause ends with its note.
    const clauses = (path: string) => lines(path).filter((l) => /^(\d+(\.\d+)*[A-Z]?|\([a-zA-Z]+\))\t/.test(l));
    for (const a of annexes) {
      for (const [side, version] of [['accepted', a.version], ['rejected', a.against]] as const) {
        const got = lines(join(text, `${a.doc}-${side}.txt`));
        const want = clauses(join(text, `appendix-${a.doc}-v${version}.txt`));
        expect(want.length, `${a.doc} v${version}`).toBeGreaterThan(50);
        const missing = want.filter((w) => !got.some((g) => g === w || g.startsWith(`${w} [`)));
        expect([a.doc, side, missing]).toEqual([a.doc, side, []]);
      }
    }
  }, 500_000);
});

/** Resolve("source|target|command|..."): open each Word file hidden, run the command, save as text. */
const RESOLVE_MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Resolve(jobs As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  Dim save(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = &quot;Text&quot;
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  parts = Split(jobs, &quot;|&quot;)
  For i = 0 To UBound(parts) Step 3
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(i)), &quot;_blank&quot;, 0, load())
    helper.executeDispatch(doc.getCurrentController().getFrame(), parts(i + 2), &quot;&quot;, 0, Array())
    doc.storeToURL(ConvertToURL(parts(i + 1)), save())
    doc.close(True)
  Next i
End Sub
</script:module>
`;
