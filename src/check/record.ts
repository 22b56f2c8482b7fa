/**
 * The record of the last checks of a documents folder, kept in the cache folder so that
 * `validate` after an edit re-runs only the checks whose inputs changed. It holds two things:
 * the summaries of sources (../corpus/lazy.ts), so an unchanged source's tree is never read, and
 * the diagnostics each check unit gave (./index.ts), under a hash of exactly the inputs it read.
 *
 * On disk: `MAGIC`, the SHA-256 of the payload, and the payload (V8's serialisation). A record
 * that is damaged, truncated, of another format or made by other code is ignored whole: the run
 * checks everything and writes a fresh one (temporary file, then rename).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceSummary, SummaryStore } from '../corpus/lazy.js';
import { parserFingerprint, type ParseMessage } from '../corpus/cache.js';
import { readSealedValue, writeSealedValue } from '../corpus/sealed.js';

const MAGIC = Buffer.from('SECDOC-CHECKS-1\n');

/** A diagnostic a check unit gave, as `report` was called. */
export type RecordedMessage = ParseMessage;

/** The diagnostics of check units by the hash of their inputs, and where they last were. */
export interface UnitStore {
  unit(key: string): readonly RecordedMessage[] | undefined;
  setUnit(key: string, messages: RecordedMessage[]): void;
}

interface Payload {
  fingerprint: string;
  root: string;
  summaries: Map<string, SourceSummary>;
  units: Map<string, RecordedMessage[]>;
}

/** A record in memory (serve keeps one for its life); `DiskCheckRecord` also reads and writes it. */
export class CheckRecord implements SummaryStore, UnitStore {
  protected summaries = new Map<string, SourceSummary>();
  protected units = new Map<string, RecordedMessage[]>();
  /** What this run read or wrote: all that the next run can use. */
  private usedSummaries = new Set<string>();
  private usedUnits = new Set<string>();
  protected changed = false;

  summary(key: string): SourceSummary | undefined {
    const found = this.summaries.get(key);
    if (found) this.usedSummaries.add(key);
    return found;
  }

  setSummary(key: string, summary: SourceSummary): void {
    this.summaries.set(key, summary);
    this.usedSummaries.add(key);
    this.changed = true;
  }

  unit(key: string): readonly RecordedMessage[] | undefined {
    const found = this.units.get(key);
    if (found) this.usedUnits.add(key);
    return found;
  }

  setUnit(key: string, messages: RecordedMessage[]): void {
    this.units.set(key, messages);
    this.usedUnits.add(key);
    this.changed = true;
  }

  /** Forget what this run did not use (an edited source's old summary, the units it replaced). */
  prune(): void {
    const keep = <T>(map: Map<string, T>, used: Set<string>) => {
      for (const key of map.keys()) if (!used.has(key)) (map.delete(key), (this.changed = true));
    };
    keep(this.summaries, this.usedSummaries);
    keep(this.units, this.usedUnits);
    this.usedSummaries.clear();
    this.usedUnits.clear();
  }
}

/** The record of one documents folder, in `<cache>/checks/`. */
export class DiskCheckRecord extends CheckRecord {
  readonly path: string;
  private readonly root: string;

  constructor(cacheDir: string, documentsDir: string) {
    super();
    this.root = resolve(documentsDir);
    this.path = join(cacheDir, 'checks', `${createHash('sha256').update(this.root).digest('hex')}.bin`);
    const payload = readSealedValue(this.path, MAGIC) as Payload | null;
    if (payload && payload.fingerprint === checksFingerprint() && payload.root === this.root && payload.summaries instanceof Map && payload.units instanceof Map) {
      this.summaries = payload.summaries;
      this.units = payload.units;
    }
  }

  /**
   * Write what this run used, when anything changed. `pruneUnits` is for a run that checked the
   * corpus: units it did not ask for are stale. A run that only read the corpus keeps them.
   */
  save({ pruneUnits }: { pruneUnits: boolean }): void {
    if (pruneUnits) this.prune();
    if (!this.changed) return;
    const payload: Payload = { fingerprint: checksFingerprint(), root: this.root, summaries: this.summaries, units: this.units };
    // A record that cannot be written only costs the next run its checks.
    if (writeSealedValue(this.path, MAGIC, payload)) this.changed = false;
  }
}


let fingerprint: string | null = null;

/**
 * The parser's fingerprint and every compiled module of secdoc (the checks, the rules, the
 * redline they align versions with): a record made by other code is never read.
 */
export function checksFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = createHash('sha256').update(parserFingerprint());
  const lib = join(dirname(fileURLToPath(import.meta.url)), '..');
  for (const entry of readdirSync(lib, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort()) {
    hash.update(entry.slice(lib.length)).update(readFileSync(entry));
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}
