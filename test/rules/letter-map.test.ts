/**
 * Every change in the three redlines of the direction of 9 June 2022, mapped to the paragraph of
 * the letter that asks for it, or marked housekeeping (a history row, a renumbering, a
 * consequential cross-reference). A change the redline reports and the table does not map fails,
 * and so does a mapped clause the redline no longer reports: a marked-up annex must not show
 * changes the direction never made. The README lists the same table (checked below).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, documentsDir, repoRoot } from '../helpers.js';

/** The numbered paragraphs of the letter, with their lettered sub-paragraphs. */
const LETTER_PARAGRAPHS = new Set([
  ...Array.from({ length: 18 }, (_, i) => String(i + 1)),
  ...['a', 'b', 'c'].map((l) => `3(${l})`),
  ...['a', 'b'].map((l) => `4(${l})`),
  ...['a', 'b', 'c', 'd', 'e'].map((l) => `5(${l})`),
  ...['a', 'b', 'c'].map((l) => `8(${l})`),
  ...['a', 'b', 'c'].map((l) => `16(${l})`),
]);

type Mapping = { change: string; letter: string[] } | { change: string; housekeeping: string };

/** Keyed `DOC/clause` (the clause's id in the new version, else the old) or `DOC/Version History`. */
const LETTER_MAP: Record<string, Mapping> = {
  'AL/Version History': { change: 'row for v20.0', housekeeping: 'history row' },
  'AL/2.2': { change: 'terms for the new Exclusion Categories and data issues', letter: ['3(a)', '3(b)', '3(c)', '4(b)', '6'] },
  'AL/5.8A': { change: 'Dormant Meters made Dormant by an SMSO contract termination fall within 18.15', letter: ['6'] },
  'AL/7.2': { change: 'earlier RP Decommissioning Date for MOC (MDS) only, if approved', letter: ['5(b)', '16(a)'] },
  'AL/7.3A': { change: 'each Requesting Party: testing closed in step with its decommissioning', letter: ['5(a)', '5(c)', '5(d)'] },
  'AL/9.5A': { change: 'steps to resolve data issues before exclusion', letter: ['4(b)'] },
  'AL/9.5A(a)': { change: 'Ceased Trading Supplier', letter: ['4(b)'] },
  'AL/9.5A(b)': { change: 'Non-Live User', letter: ['4(b)'] },
  'AL/9.5A(c)': { change: 'Duplicate MPxN', letter: ['4(b)'] },
  'AL/9.5A(d)': { change: 'notice to the Responsible Supplier', letter: ['4(b)'] },
  'AL/10.2': { change: 'Partial Migration for MOC (MDS) after a gas firmware failure', letter: ['4(a)', '8(c)'] },
  'AL/10.3': { change: 'renumbered from 10.2', housekeeping: 'renumbered after the new 10.2' },
  'AL/10.4': { change: 'renumbered from 10.3', housekeeping: 'renumbered after the new 10.2' },
  'AL/10.5': { change: 'renumbered from 10.4', housekeeping: 'renumbered after the new 10.2' },
  'AL/11.5': { change: 'cites 10.3 for 10.2', housekeeping: 'consequential cross-reference' },
  'AL/13.2': { change: 'exclusion report to 18.15; Partial Migration report cites 10.3', housekeeping: 'consequential cross-reference' },
  'AL/18.6': { change: 'cites 10.4 for 10.3', housekeeping: 'consequential cross-reference' },
  'AL/18.12': { change: 'Exclusion Category: unresolved data issues (Dormant Meters)', letter: ['3(c)', '8(b)'] },
  'AL/18.12(a)': { change: 'Ceased Trading Supplier', letter: ['3(c)', '4(b)'] },
  'AL/18.12(b)': { change: 'Non-Live User', letter: ['3(c)', '4(b)'] },
  'AL/18.12(c)': { change: 'inconsistent data', letter: ['3(c)', '8(b)'] },
  'AL/18.13': { change: 'Exclusion Category: Dormant Meters on a Duplicate MPxN, none attempted', letter: ['3(c)', '8(b)'] },
  'AL/18.14': { change: 'separate Exclusion Categories for firmware and configuration', letter: ['3(a)', '3(b)', '8(a)'] },
  'AL/18.14(a)': { change: 'Firmware Upgrade Failure (IOC, MOC (MDS)), save a 10.2 Partial Migration', letter: ['3(b)', '4(a)', '8(a)'] },
  'AL/18.14(b)': { change: 'Configuration Failure (IOC, MOC (MDS))', letter: ['3(b)', '8(a)'] },
  'AL/18.14(c)': { change: 'Firmware Upgrade unable to be attempted (IOC)', letter: ['3(a)'] },
  'AL/18.15': { change: 'Exclusion Category: Active to Dormant after SMSO contract termination', letter: ['6', '15'] },
  'AL/18.15(a)': { change: 'made Dormant by its supplier ending the SMSO contract', letter: ['6'] },
  'AL/18.15(b)': { change: "the supplier's statement", letter: ['6'] },
  'AK/Version History': { change: 'row for v10.0', housekeeping: 'history row' },
  'AK/2.2': { change: 'Decommissioned Cohort; RP Decommissioning Date and Timetable as in the TMAD', letter: ['5(c)', '5(d)'] },
  'AK/5.7': { change: 'cites 9.5 for 9.4', housekeeping: 'consequential cross-reference' },
  'AK/8.10': { change: 'DMCT Process decommissioned for the MDS SMSO with its Requesting Party', letter: ['5(c)'] },
  'AK/8.10(a)': { change: 'no new DMCT Request from the approval of the timetable', letter: ['5(c)'] },
  'AK/8.10(b)': { change: 'no DMCT Process once the cohort is decommissioned', letter: ['5(c)'] },
  'AK/9.2': { change: 'cites 9.6 for 9.5', housekeeping: 'consequential cross-reference' },
  'AK/9.3': { change: 'PPCT restricted for each cohort with its Requesting Party', letter: ['5(d)'] },
  'AK/9.3(a)': { change: 'existing Test Devices only, from the approval of the timetable', letter: ['5(d)', '16(c)'] },
  'AK/9.3(b)': { change: 'no PPCT for a decommissioned cohort', letter: ['5(d)'] },
  'AK/9.4': { change: 'renumbered from 9.3', housekeeping: 'renumbered after the new 9.3' },
  'AK/9.5': { change: 'renumbered from 9.4', housekeeping: 'renumbered after the new 9.3' },
  'AK/9.6': { change: 'renumbered from 9.5', housekeeping: 'renumbered after the new 9.3' },
  'AK/9.7': { change: 'renumbered from 9.6; cites 9.5 for 9.4', housekeeping: 'renumbered after the new 9.3; consequential cross-reference' },
  'AK/10.4A': { change: 'partial decommissioning of Migration DUST for IOC and MOC (MDS)', letter: ['5(e)', '18'] },
  'AK/11.5(c)': { change: 'cites 9.7 for 9.6', housekeeping: 'consequential cross-reference' },
  'J/Version History': { change: 'row for v6.0', housekeeping: 'history row' },
  'J/13.8': { change: 'maximise re-use of test assets, Good Industry Practice', letter: ['16(c)'] },
};

const REDLINES = [
  ['AL@19.0', 'AL@20.0'],
  ['AK@9.0', 'AK@10.0'],
  ['J@5.0', 'J@6.0'],
] as const;

interface ChangeJson {
  status: string;
  old: { id: string } | null;
  new: { id: string } | null;
  children?: ChangeJson[];
}

/** Every clause and section the redline does not report as unchanged, with its status. */
async function changes(oldRef: string, newRef: string): Promise<Map<string, string>> {
  const result = await cli(['--documents', documentsDir, 'diff', oldRef, newRef, '--format', 'json']);
  expect(result.code).toBe(0);
  const json = JSON.parse(result.stdout) as { sections: Array<{ status: string; heading: Array<{ text: string }> }>; clauses: ChangeJson[] };
  const doc = oldRef.split('@')[0]!;
  const out = new Map<string, string>();
  for (const s of json.sections) if (s.status !== 'unchanged') out.set(`${doc}/${s.heading.map((h) => h.text).join('')}`, s.status);
  const walk = (clauses: ChangeJson[]) => {
    for (const c of clauses) {
      if (c.status !== 'unchanged') out.set((c.new ?? c.old)!.id, c.status);
      walk(c.children ?? []);
    }
  };
  walk(json.clauses);
  return out;
}

let allChanges: Promise<Map<string, string>> | undefined;

/** The changes of all three redlines, computed once for the tests below. */
function redlineChanges(): Promise<Map<string, string>> {
  allChanges ??= (async () => {
    const found = new Map<string, string>();
    for (const [a, b] of REDLINES) for (const [k, v] of await changes(a, b)) found.set(k, v);
    return found;
  })();
  return allChanges;
}

/** The README's rows for the table, as the README writes them. */
function readmeRow(key: string, status: string, m: Mapping): string {
  const [doc, clause] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
  const why = 'letter' in m ? `paragraph ${m.letter.join(', ')}` : `housekeeping: ${m.housekeeping}`;
  return `| ${doc} | ${clause} | ${status} | ${m.change} | ${why} |`;
}

describe('the redlines of the direction of 9 June 2022 against the letter', () => {
  it('should map every change in the three redlines, and nothing the redlines do not show', async () => {
    const found = await redlineChanges();
    expect([...found.keys()].filter((k) => !(k in LETTER_MAP)).sort(), 'changes no paragraph of the letter asks for').toEqual([]);
    expect(Object.keys(LETTER_MAP).filter((k) => !found.has(k)).sort(), 'mapped clauses the redlines do not change').toEqual([]);
  });

  it('should cite only paragraphs the letter has', () => {
    const cited = Object.values(LETTER_MAP).flatMap((m) => ('letter' in m ? m.letter : []));
    expect(cited.filter((p) => !LETTER_PARAGRAPHS.has(p))).toEqual([]);
  });

  it('should be listed in the README as it is here', async () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- letter-map -->');
    const end = readme.indexOf('<!-- /letter-map -->');
    expect(start).toBeGreaterThan(0);
    const listed = readme.slice(start, end).split('\n').filter((l) => /^\| (AL|AK|J) \|/.test(l));
    const found = await redlineChanges();
    expect(listed).toEqual(Object.entries(LETTER_MAP).map(([k, m]) => readmeRow(k, found.get(k) ?? 'unchanged', m)));
  });
});
