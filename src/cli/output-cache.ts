/**
 * Command outputs kept between runs. A command whose output depends only on the files it is given
 * (`diff old.md new.md` as JSON or text) stores the bytes it printed under a hash of everything
 * they were made from: secdoc's code, templates and dependencies, the command and its flags, and
 * each input's path and bytes. The next run with the same inputs prints them without parsing or
 * comparing anything, as ESLint keeps its lint results and tsc its `.tsbuildinfo`; an edit to
 * either file, a flag or secdoc itself makes another key, and the output is made afresh.
 *
 * An entry is sealed as tree entries are (`../corpus/sealed.ts`: magic, SHA-256, payload), so a
 * damaged, truncated or foreign file is a miss and the fresh output replaces it. Outputs are bulky
 * (a statute's redline is 6 MB of JSON): the folder keeps the most recently used entries up to
 * `OUTPUT_CACHE_BYTES`, and a hit marks its entry used.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { parserFingerprint } from '../corpus/cache.js';
import { readSealed, SealedWriter } from '../corpus/sealed.js';
import { toolFingerprint } from '../corpus/fingerprint.js';

const MAGIC = Buffer.from('SECDOC-OUTPUT-1\n');

/** How many bytes of outputs the folder keeps: the newest entry always, older ones while they fit. */
const OUTPUT_CACHE_BYTES = 64 * 1024 * 1024;

/** A temporary file this old was left by a run that stopped mid-write (a closed pipe): removed. */
const STALE_TEMP_MS = 60_000;

/** One input of a command's output: the path as the user gave it (outputs name it) and its bytes. */
export interface OutputInput {
  path: string;
  bytes: Uint8Array;
}

/** The key of a command's output: secdoc itself, the command, its flags and its inputs. */
export function outputKey(command: string, flags: Readonly<Record<string, unknown>>, inputs: readonly OutputInput[]): string {
  const hash = createHash('sha256').update(toolFingerprint()).update('\0').update(parserFingerprint()).update('\0');
  hash.update(JSON.stringify({ command, flags, paths: inputs.map((i) => i.path) }));
  for (const input of inputs) hash.update('\0').update(createHash('sha256').update(input.bytes).digest());
  return hash.digest('hex');
}

/** Outputs on disk, one sealed file per key; every failure to read or write is a miss, never an error. */
export class OutputCache {
  constructor(
    readonly dir: string,
    readonly maxBytes = OUTPUT_CACHE_BYTES,
  ) {}

  private pathOf(key: string): string {
    return join(this.dir, key);
  }

  /** The output stored under `key`, or null when there is none that can be trusted. */
  get(key: string): Buffer | null {
    const path = this.pathOf(key);
    const output = readSealed(path, MAGIC);
    if (output === null) return null;
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // Only its place in the pruning order is lost.
    }
    return output;
  }

  /** A writer for the output of `key`, fed as it is printed; `commit` stores it and prunes the folder. */
  writer(key: string): OutputWriter {
    const sealed = new SealedWriter(this.pathOf(key), MAGIC);
    return {
      write: (piece) => sealed.write(piece),
      commit: () => {
        if (sealed.commit()) this.prune(key);
      },
      abort: () => sealed.abort(),
    };
  }

  /** Keep the newest entries (and always `kept`) up to `maxBytes`; remove abandoned temporary files. */
  private prune(kept: string): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const now = Date.now();
    const entries: Array<{ name: string; size: number; used: number }> = [];
    for (const name of names) {
      try {
        const stat = statSync(join(this.dir, name));
        if (name.endsWith('.tmp')) {
          if (now - stat.mtimeMs > STALE_TEMP_MS) this.remove(name);
        } else entries.push({ name, size: stat.size, used: name === kept ? Infinity : stat.mtimeMs });
      } catch {
        // Removed by another run meanwhile.
      }
    }
    entries.sort((a, b) => b.used - a.used || (a.name < b.name ? -1 : 1));
    let total = 0;
    for (const [i, entry] of entries.entries()) {
      total += entry.size;
      if (i > 0 && total > this.maxBytes) this.remove(entry.name);
    }
  }

  /** Remove a file of the folder; one that cannot be removed is left for a later run. */
  private remove(name: string): void {
    try {
      rmSync(join(this.dir, name), { force: true });
    } catch {
      // Left in place: the folder only stays larger.
    }
  }
}

/** An output being stored as it is printed. */
export interface OutputWriter {
  write(piece: Uint8Array): void;
  /** Store what was written (nothing is stored without it). */
  commit(): void;
  /** Drop what was written. */
  abort(): void;
}
