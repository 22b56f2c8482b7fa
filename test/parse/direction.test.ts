/**
 * The direction of 9 June 2022 as its source carries it: the letter's addressees, signatory and
 * annex titles word for word, the interpretation sentence and the notice to the SEC
 * Administrator; and the index page of the pack showing them. The versions it replaced have no
 * designation date on record, and the index page must not invent one.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus, findDirection } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { walkClauses, clauseText } from '../../src/model/text.js';
import { buildPack } from '../../src/publish/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, copyDocuments, documentsDir } from '../helpers.js';

const corpus = loadCorpus(documentsDir, nodeHost);
const direction = findDirection(corpus, 'direction-2022-06-09')!;

describe('the direction of 9 June 2022', () => {
  it('should carry the addressees, signatory and annex titles of the letter verbatim', () => {
    expect(direction.meta.addressees).toBe('The Authority (Ofgem), the SEC Panel, SEC Parties and other interested parties');
    expect(direction.meta.signatory).toEqual({
      name: 'Duncan Stone',
      position: 'Deputy Director & Head of Delivery, Smart Metering Implementation Programme',
      authority: '(An official of the Department for Business, Energy & Industrial Strategy authorised to act on behalf of the Secretary of State)',
    });
    expect(direction.meta.annexes.map((a) => `Annex ${a.letter}: ${a.title}`)).toEqual([
      'Annex A: SEC Appendix AL – SMETS1 Transition Migration Approach Document v.20.0 – (marked up against v.19.0)',
      'Annex B: SEC Appendix AL – SMETS1 Transition Migration Approach Document v.20.0',
      'Annex C: SEC Appendix AK – SVTAD for SMETS1 Services v.10.0 (marked up against v.9.0)',
      'Annex D: SEC Appendix AK – SVTAD for SMETS1 Services v.10.0',
      'Annex E: SEC Appendix J – ETAD v.6.0 (marked up against v.5.0)',
      'Annex F: SEC Appendix J – ETAD v.6.0',
    ]);
  });

  it('should say how its words are read, that the SEC Administrator is notified, and who signed it', () => {
    const text = [...walkClauses(direction.clauses)].map((c) => clauseText(c)).join('\n');
    expect(text).toContain('Section A (Definitions and Interpretation) of the SEC');
    expect(text).toMatch(/notifying this direction to the SEC Administrator/);
    expect(text).toContain('Duncan Stone, Deputy Director & Head of Delivery, Smart Metering Implementation Programme');
    for (const annex of direction.meta.annexes) expect(text).toContain(annex.title!);
  });

  it('should show them on the index page, and no designation date for the versions it replaced', async () => {
    const pack = await buildPack(corpus, { formats: ['html'], workers: 0 });
    const index = new TextDecoder().decode(pack.artefacts.find((a) => a.path === 'index.html')!.bytes);
    expect(index).toContain('To: The Authority (Ofgem), the SEC Panel, SEC Parties and other interested parties.');
    expect(index).toContain('Signed by Duncan Stone, Deputy Director &amp; Head of Delivery, Smart Metering Implementation Programme (An official of the Department for Business, Energy &amp; Industrial Strategy authorised to act on behalf of the Secretary of State).');
    expect(index).toContain('<td>A</td><td>SEC Appendix AL – SMETS1 Transition Migration Approach Document v.20.0 – (marked up against v.19.0)</td>');
    for (const v of ['19.0', '9.0', '5.0']) expect(index).toContain(`<tr><td>${v}</td><td>Not recorded</td>`);
    expect(index).not.toMatch(/<td>1 January 2022<\/td>/);
    // The cover of a replaced version gives no designation or effective date the record does not hold.
    const v19 = new TextDecoder().decode(pack.artefacts.find((a) => a.path === 'AL/v19.0/appendix-AL-v19.0.html')!.bytes);
    expect(v19).toContain('<dt>Effective date</dt><dd>Not recorded</dd>');
    expect(v19).not.toMatch(/Designation date|Designated by|1 January 2022/);
  });

  it('should leave no repository note in the history rows of the versions it replaced', () => {
    for (const v of corpus.versions) {
      const history = v.sections.find((s) => /history/i.test(s.heading));
      const text = JSON.stringify(history);
      expect([v.path, /this record|start of the record/i.test(text)]).toEqual([v.path, false]);
    }
  });

  it('should accept "Not recorded" as a history date only where the direction holds no date', async () => {
    const dir = copyDocuments();
    const v20 = join(dir, 'tmad', 'v20.0.md');
    writeFileSync(v20, readFileSync(v20, 'utf8').replace('| 20.0 | 10 June 2022 |', '| 20.0 | Not recorded |'));
    const result = await cli(['--documents', dir, 'validate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tmad\/v20\.0\.md:\d+:\d+: error Unexpected date `Not recorded` in the version history.*\[date-invalid\]/);
    // v19.0's own row says "Not recorded" too, and the baseline holds no date: no problem there.
    expect(result.stderr).not.toMatch(/v19\.0\.md/);
  });
});
