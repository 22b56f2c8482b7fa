/**
 * Facts that later stages derive from one source's text (a version's own expiry date, read by
 * the time stage), kept between runs under the hash of that source: a build after an edit then
 * knows every other version's facts without reading its tree. A fact's key is its name, the
 * source's path (a document's id defaults to its file name) and the SHA-256 of its bytes; the
 * code that derived it is named by the record's fingerprint, which the caller gives.
 *
 * On disk (`<cache>/derived/<hash of the documents folder>/`): one file per fact name and
 * source path, `MAGIC`, the SHA-256 of the payload, the payload (V8's serialisation of the fact
 * and what it was derived from). A file that is damaged, truncated, of another format, of
 * another folder or made by other code is ignored and rewritten (temporary file, then rename),
 * never trusted.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Corpus } from './index.js';
import { readSealedValue, writeSealedValue } from './sealed.js';

/** Where derived facts are kept; `undefined` is "not known". A value must survive V8's serialisation. */
export interface DerivedStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Fact `name` of the source at `path` as derived from other bytes (an earlier save), if the store still has one. */
  earlier?(name: string, path: string, sha256: string): unknown;
}

/** The key of fact `name` of the source at `path` whose bytes hash to `sha256`. */
export function derivedKey(name: string, path: string, sha256: string): string {
  return `${name}\0${path}\0${sha256}`;
}

/**
 * Fact `name` of the source at `path`: from the corpus's store when its bytes are known and the
 * fact was derived from them before, else `derive()`'s answer, stored for the next run.
 */
export function derivedFact<T>(corpus: Corpus, name: string, path: string, derive: () => T): T {
  const sha = corpus.sourceHashes?.get(path);
  const store = corpus.derived;
  if (!store || sha === undefined) return derive();
  const key = derivedKey(name, path, sha);
  const known = store.get(key);
  if (known !== undefined) return known as T;
  const value = derive();
  store.set(key, value);
  return value;
}

/**
 * Fact `name` of the source at `path` as derived from its bytes before they changed, when the
 * store still holds it: for a fact made of parts that can be reused (rule blocks), never as the fact itself.
 */
export function earlierFact(corpus: Corpus, name: string, path: string): unknown {
  const sha = corpus.sourceHashes?.get(path);
  return sha === undefined ? undefined : corpus.derived?.earlier?.(name, path, sha);
}

/** Whether fact `name` of the source at `path` is known without deriving it. */
export function knownFact(corpus: Corpus, name: string, path: string): unknown {
  const sha = corpus.sourceHashes?.get(path);
  return sha === undefined || !corpus.derived ? undefined : corpus.derived.get(derivedKey(name, path, sha));
}

const MAGIC = Buffer.from('SECDOC-DERIVED-3\n');

/** One fact on disk: what it was derived from, and its value. */
interface Entry {
  fingerprint: string;
  root: string;
  name: string;
  path: string;
  sha256: string;
  value: unknown;
}

/**
 * The derived facts of one documents folder, in the cache folder: one sealed file per fact name
 * and source path, holding the fact of the bytes it was last derived from. A run reads only the
 * facts it asks for (one version's rule blocks, not the 5 MB of every version's, which a single
 * record file made every run read, hash and write again), and an edited source's fact replaces
 * its earlier one when saved.
 */
export class DiskDerivedRecord implements DerivedStore {
  /** The folder of this documents folder's facts. */
  readonly dir: string;
  private readonly root: string;
  /** Entries read so far (null: none on disk, or not to be trusted), by name and path. */
  private readonly read = new Map<string, Entry | null>();
  /** Facts set in this run, by key, to be written by `save`. */
  private readonly pending = new Map<string, unknown>();

  /** `fingerprint` names the code that derives the facts: a fact derived by other code is not read. */
  constructor(
    cacheDir: string,
    documentsDir: string,
    private readonly fingerprint: string,
  ) {
    this.root = resolve(documentsDir);
    this.dir = join(cacheDir, 'derived', createHash('sha256').update(this.root).digest('hex'));
  }

  /** Where fact `name` of the source at `path` is kept. */
  pathOf(name: string, path: string): string {
    const hash = createHash('sha256').update(this.fingerprint).update('\0').update(name).update('\0').update(path).digest('hex');
    return join(this.dir, hash.slice(0, 2), hash);
  }

  private entry(name: string, path: string): Entry | null {
    const slot = `${name}\0${path}`;
    let entry = this.read.get(slot);
    if (entry === undefined) {
      const found = readSealedValue(this.pathOf(name, path), MAGIC) as Entry | null;
      const trusted = found !== null && typeof found === 'object' && found.fingerprint === this.fingerprint && found.root === this.root && found.name === name && found.path === path && typeof found.sha256 === 'string';
      entry = trusted ? found : null;
      this.read.set(slot, entry);
    }
    return entry;
  }

  get(key: string): unknown {
    if (this.pending.has(key)) return this.pending.get(key);
    const [name, path, sha256] = key.split('\0') as [string, string, string];
    const entry = this.entry(name, path);
    return entry?.sha256 === sha256 ? entry.value : undefined;
  }

  set(key: string, value: unknown): void {
    this.pending.set(key, value);
  }

  earlier(name: string, path: string, sha256: string): unknown {
    const entry = this.entry(name, path);
    return entry && entry.sha256 !== sha256 ? entry.value : undefined;
  }

  /** Write the facts set in this run of sources `corpus` holds now (a fact of bytes since edited is not kept). */
  save(corpus: Corpus): void {
    const live = new Set<string>();
    for (const [path, sha] of corpus.sourceHashes ?? []) live.add(`${path}\0${sha}`);
    for (const [key, value] of this.pending) {
      const [name, path, sha256] = key.split('\0') as [string, string, string];
      if (!live.has(`${path}\0${sha256}`)) continue;
      // A fact that cannot be written only costs the next run its derivation.
      writeSealedValue(this.pathOf(name, path), MAGIC, { fingerprint: this.fingerprint, root: this.root, name, path, sha256, value } satisfies Entry);
    }
    this.pending.clear();
  }
}
