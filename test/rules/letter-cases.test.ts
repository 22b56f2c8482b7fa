/**
 * The rules that implement the direction of 9 June 2022, each over example facts files whose
 * expected answers are read from the clause text (not from what the rules happen to return).
 * Each expectation names, for one date, which of the letter's rules apply, which do not and
 * which the facts leave undetermined; rules not named are not checked by that case.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalJson } from '../../src/index.js';
import { cli, documentsDir, repoRoot } from '../helpers.js';

type Answer = 'applies' | 'not' | 'undetermined' | 'not in force';

interface Case {
  facts: string;
  at: string;
  /** The clause text that gives the answer. */
  because: string;
  expect: Record<string, Answer>;
}

const CASES: Case[] = [
  {
    facts: 'moc-mds-firmware-failure.json',
    at: '2022-06-10',
    because: 'AL 10.2 permits Partial Migration of an MOC (MDS) installation after a GSME Firmware Upgrade Failure; 18.14(a) excepts an MOC (MDS) installation of which a Partial Migration under 10.2 was carried out.',
    expect: { 'tmad.partial-migration.moc-mds': 'applies', 'tmad.exclusion.firmware-upgrade-failure': 'not', 'tmad.exclusion.configuration-failure': 'not', 'tmad.exclusion.firmware-upgrade-not-attempted': 'not' },
  },
  {
    facts: 'moc-mds-firmware-failure.json',
    at: '2022-06-09',
    because: 'AL 19.0 has neither 10.2 for MOC (MDS) nor 18.14.',
    expect: { 'tmad.partial-migration.moc-mds': 'not in force', 'tmad.exclusion.firmware-upgrade-failure': 'not in force' },
  },
  {
    facts: 'moc-mds-firmware-failure-no-partial-migration.json',
    at: '2022-06-10',
    because: 'Until a Partial Migration under 10.2 is carried out, the installation is in 18.14(a), and 10.2 still permits one.',
    expect: { 'tmad.partial-migration.moc-mds': 'applies', 'tmad.exclusion.firmware-upgrade-failure': 'applies', 'tmad.exclusion.configuration-failure': 'not' },
  },
  {
    facts: 'moc-mds-configuration-failure.json',
    at: '2022-06-10',
    because: '18.14(b) is a separate Exclusion Category from 18.14(a) (letter 8(a)); the 10.2 carve-out is for Firmware Upgrade Failures only.',
    expect: { 'tmad.exclusion.configuration-failure': 'applies', 'tmad.exclusion.firmware-upgrade-failure': 'not', 'tmad.partial-migration.moc-mds': 'undetermined' },
  },
  {
    facts: 'ioc-firmware-upgrade-not-attempted.json',
    at: '2022-06-10',
    because: '18.14(c): an IOC installation whose required Firmware Upgrade the DCC could not attempt, for a reason other than 18.2; a category of its own (letter 3(a)).',
    expect: { 'tmad.exclusion.firmware-upgrade-not-attempted': 'applies', 'tmad.exclusion.firmware-upgrade-failure': 'not', 'tmad.exclusion.configuration-failure': 'not', 'tmad.exclusion.no-wan-before-migration': 'not' },
  },
  {
    facts: 'ioc-firmware-upgrade-not-attempted.json',
    at: '2022-06-09',
    because: 'AL 19.0 has no 18.14.',
    expect: { 'tmad.exclusion.firmware-upgrade-not-attempted': 'not in force' },
  },
  {
    facts: 'duplicate-mpxn-active.json',
    at: '2022-06-10',
    because: '18.13 excludes Dormant Meters on a Duplicate MPxN and says it does not apply to an Active Meter (letter 8(b): dormant meters).',
    expect: { 'tmad.exclusion.duplicate-mpxn': 'not' },
  },
  {
    facts: 'duplicate-mpxn-dormant.json',
    at: '2022-06-10',
    because: '18.13: no Dormant Meter on the Duplicate MPxN is attempted, even one communicating over the WAN.',
    expect: { 'tmad.exclusion.duplicate-mpxn': 'applies', 'tmad.exclusion.no-wan-at-migration': 'not' },
  },
  {
    facts: 'duplicate-mpxn-mixed.json',
    at: '2022-06-10',
    because: '18.13 excludes the Dormant Meter of a Mixed Installation on the Duplicate MPxN.',
    expect: { 'tmad.exclusion.duplicate-mpxn': 'applies' },
  },
  {
    facts: 'duplicate-mpxn-dormant.json',
    at: '2022-06-09',
    because: 'AL 19.0 has no 18.13.',
    expect: { 'tmad.exclusion.duplicate-mpxn': 'not in force' },
  },
  {
    facts: 'foc-dormant-data-issue.json',
    at: '2022-06-10',
    because: '18.12: a Dormant Meter with an Unresolved Data Issue (a Ceased Trading Supplier), in any cohort (letter 3(c)).',
    expect: { 'tmad.exclusion.data-issues': 'applies', 'tmad.exclusion.duplicate-mpxn': 'not' },
  },
  {
    facts: 'dormant-moc-mds.json',
    at: '2022-06-10',
    because: '18.15: a Dormant Meter made Dormant by its supplier ending its SMSO contract, with that supplier\'s statement (letter 6).',
    expect: { 'tmad.exclusion.active-to-dormant': 'applies', 'tmad.exclusion.firmware-upgrade-failure': 'not', 'tmad.exclusion.configuration-failure': 'not' },
  },
  {
    facts: 'ioc-migration-dust.json',
    at: '2022-06-10',
    because: 'AK 10.4A permits the partial decommissioning of Migration DUST for IOC from the direction\'s date, 10 June 2022 (no later date in the letter).',
    expect: { 'svtad.migration-dust.partial-decommissioning': 'applies' },
  },
  {
    facts: 'ioc-migration-dust.json',
    at: '2022-06-09',
    because: 'AK 9.0 has no 10.4A.',
    expect: { 'svtad.migration-dust.partial-decommissioning': 'not in force' },
  },
  {
    facts: 'moc-mds-earlier-rp-date.json',
    at: '2022-06-10',
    because: 'AL 7.2 lets the Secretary of State approve an earlier RP Decommissioning Date for MOC (MDS) only; AK 8.10 and 9.3 restrict the DMCT Process and PPCT from that approval (letter 5(b)-(d), 16(a), 16(c)).',
    expect: { 'tmad.rp.decommissioning-earliest-date': 'not', 'svtad.dmct.decommissioning': 'applies', 'svtad.ppct.restriction': 'applies' },
  },
  {
    facts: 'moc-mds-earlier-rp-date.json',
    at: '2022-06-09',
    because: 'AL 19.0 7.2: no RP Decommissioning Date earlier than 12 months after the last EPCL Entry, for any cohort.',
    expect: { 'tmad.rp.decommissioning-earliest-date': 'applies', 'svtad.dmct.decommissioning': 'not in force', 'svtad.ppct.restriction': 'not in force' },
  },
  {
    facts: 'ioc-rp-within-12-months.json',
    at: '2022-06-10',
    because: 'AL 7.2: the earlier date is for the MOC (MDS) cohort only (letter 16(a)).',
    expect: { 'tmad.rp.decommissioning-earliest-date': 'applies' },
  },
];

async function answers(facts: string, at: string): Promise<Map<string, Answer>> {
  const result = await cli(['--documents', documentsDir, 'eval', '--at', at, join(repoRoot, 'examples', 'facts', facts), '--json']);
  expect(result.code).toBe(0);
  const json = JSON.parse(result.stdout) as EvalJson;
  return new Map(json.results.map((r) => [r.rule, r.determined ? (r.applies ? 'applies' : 'not') : 'undetermined'] as const));
}

describe('rules implementing the direction of 9 June 2022, against the clause text', () => {
  it.each(CASES)('$facts on $at: $because', async (c) => {
    const got = await answers(c.facts, c.at);
    const actual = Object.fromEntries(Object.keys(c.expect).map((rule) => [rule, got.get(rule) ?? 'not in force']));
    expect(actual).toEqual(c.expect);
  });

  it('should cite each 18.14 category by its full number, so reports can tell them apart', async () => {
    const text = await cli(['--documents', documentsDir, 'eval', '--at', '2022-06-10', join(repoRoot, 'examples', 'facts', 'moc-mds-firmware-failure-no-partial-migration.json')]);
    expect(text.stdout).toContain('APPLIES  tmad.exclusion.firmware-upgrade-failure  (exclusion-category, AL 20.0 Clause 18.14(a))');
    const diff = await cli(['--documents', documentsDir, 'rules', '--diff', 'AL@19.0', 'AL@20.0']);
    expect(diff.stdout).toContain('+ tmad.exclusion.firmware-upgrade-not-attempted  (exclusion-category, Clause 18.14(c))');
  });

  it('should cover every rule that the direction added or changed', async () => {
    type RuleDiff = { added: Array<{ id: string }>; changed: Array<{ id: string; changes: Array<{ field: string }> }> };
    const diff = async (a: string, b: string) => JSON.parse((await cli(['--documents', documentsDir, 'rules', '--diff', a, b, '--json'])).stdout) as RuleDiff;
    // A rule whose only change is the number of its renumbered clause implements nothing new.
    const changed = (await Promise.all([diff('AL@19.0', 'AL@20.0'), diff('AK@9.0', 'AK@10.0'), diff('J@5.0', 'J@6.0')])).flatMap((d) => [
      ...d.added.map((r) => r.id),
      ...d.changed.filter((r) => r.changes.some((c) => c.field !== 'clause')).map((r) => r.id),
    ]);
    expect(changed.length).toBeGreaterThan(8);
    const covered = new Set(CASES.flatMap((c) => Object.entries(c.expect).filter(([, a]) => a !== 'not in force').map(([rule]) => rule)));
    // The ETAD's re-use of test assets is unconditional: it applies whatever the facts.
    expect(changed.filter((id) => !covered.has(id) && id !== 'etad.test-assets.reuse').sort()).toEqual([]);
  });
});
