/**
 * Facts about the Smart Energy Code that secdoc relies on, from the project's SEC domain reference (clause skeletons and glossary).
 * An appendix letter outside the known range is reported as unknown.
 */
/** Appendix names that the domain notes verify; other letters in the range are known but unnamed here. */
const NAMED: Readonly<Record<string, string>> = {
  E: 'DCC User Interface Services Schedule',
  J: 'Enduring Testing Approach Document',
  M: 'SMKI Interface Design Specification',
  X: 'Registration Data Interface Specification',
  Y: 'Registration Data Interface Code of Connection',
  AA: 'Threshold Anomaly Detection Procedures',
  AC: 'Inventory, Enrolment and Withdrawal Procedures',
  AD: 'DCC User Interface Specification',
  AE: 'DCC User Interface Code of Connection',
  AG: 'Incident Management Policy',
  AJ: 'SEC Variation Testing Approach Document for Release 2.0',
  AK: 'SEC Variation Testing Approach Document for SMETS1 Services',
  AL: 'SMETS1 Transition and Migration Approach Document',
  AM: 'SMETS1 Supporting Requirements',
};

/** The SEC's appendices run A to Z, then AA to AM (as of 2022). */
export const SEC_APPENDICES: ReadonlyMap<string, string | null> = new Map(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''), ...'ABCDEFGHIJKLM'.split('').map((c) => `A${c}`)].map((letter) => [
    letter,
    NAMED[letter] ?? null,
  ]),
);

export const VERSION_PATTERN = /^\d+\.\d+$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD form. */
export function isIsoDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Compare MAJOR.MINOR versions numerically. */
export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** The description `secdoc new` gives a new version-history row; `validate` warns until it is replaced. */
export const UNFILLED_HISTORY = 'TO FILL IN: describe the changes made by this version.';
