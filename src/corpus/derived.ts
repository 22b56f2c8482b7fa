/**
 * Facts that later stages derive from one source's text (a version's own expiry date, read by
 * the time stage), kept between runs under the hash of that source: a build after an edit then
 * knows every other version's facts without reading its tree. A fact's key is its name, the
 * source's path (a document's id defaults to its file name) and the SHA-256 of its bytes; the
 * code that derived it is named by the record's fingerprint, which the caller gives.
 *
 * On disk (`<cache>/derived/<hash of the documents folder>.bin`): `MAGIC`, the SHA-256 of the
 * payload, the payload (V8's serialisation). Each fact is kept serialised on its own inside it
 * and deserialised when asked for: a run after an edit needs a few of the facts of some 200
 * versions (every version's rule blocks were 3 MB, a fifth of that run's CPU read whole). A record that is damaged, truncated, of another
 * format, of another folder or made by other code is ignored whole and rewritten (temporary
 * file, then rename), never trusted.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
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

const MAGIC = Buffer.from('SECDOC-DERIVED-2\n');

interface Payload {
  fingerprint: string;
  root: string;
  /** Each fact's value, serialised on its own. */
  facts: Map<string, Uint8Array>;
}

/** The derived facts of one documents folder, read from and written to the cache folder. */
export class DiskDerivedRecord implements DerivedStore {
  readonly path: string;
  private readonly root: string;
  private facts = new Map<string, Uint8Array>();
  /** The facts deserialised or set in this run. */
  private values = new Map<string, unknown>();
  private changed = false;

  /** `fingerprint` names the code that derives the facts: a record made by other code is not read. */
  constructor(
    cacheDir: string,
    documentsDir: string,
    private readonly fingerprint: string,
  ) {
    this.root = resolve(documentsDir);
    this.path = join(cacheDir, 'derived', `${createHash('sha256').update(this.root).digest('hex')}.bin`);
    const payload = readSealedValue(this.path, MAGIC) as Payload | null;
    if (payload && payload.fingerprint === fingerprint && payload.root === this.root && payload.facts instanceof Map) this.facts = payload.facts;
  }

  get(key: string): unknown {
    if (this.values.has(key)) return this.values.get(key);
    const bytes = this.facts.get(key);
    if (!(bytes instanceof Uint8Array)) return undefined;
    let value: unknown;
    try {
      value = deserialize(bytes);
    } catch {
      return undefined;
    }
    this.values.set(key, value);
    return value;
  }

  set(key: string, value: unknown): void {
    this.values.set(key, value);
    try {
      this.facts.set(key, serialize(value));
      this.changed = true;
    } catch {
      // A value V8 cannot serialise is known for this run only.
    }
  }

  earlier(name: string, path: string, sha256: string): unknown {
    const prefix = `${name}\0${path}\0`;
    for (const key of this.facts.keys()) {
      if (key.startsWith(prefix) && key !== derivedKey(name, path, sha256)) {
        const value = this.get(key);
        if (value !== undefined) return value;
      }
    }
    return undefined;
  }

  /**
   * Write the record when anything changed, keeping only the facts of sources `corpus` holds now
   * (an edited source's old facts go; a fact this run did not need stays for the next).
   */
  save(corpus: Corpus): void {
    const live = new Set<string>();
    for (const [path, sha] of corpus.sourceHashes ?? []) live.add(`${path}\0${sha}`);
    for (const key of this.facts.keys()) {
      if (!live.has(key.slice(key.indexOf('\0') + 1))) (this.facts.delete(key), this.values.delete(key), (this.changed = true));
    }
    if (!this.changed) return;
    // A record that cannot be written only costs the next run the facts' derivation.
    if (writeSealedValue(this.path, MAGIC, { fingerprint: this.fingerprint, root: this.root, facts: this.facts } satisfies Payload)) this.changed = false;
  }
}

