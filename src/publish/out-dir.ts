/**
 * The output folder is the one path a build deletes, so it is guarded in one place: a build may
 * replace only a folder that is absent, empty, or holds a pack secdoc wrote (its manifest.json
 * says so and it holds nothing the manifest does not list). Temporary folders carry the builder's
 * process id, so the next build can tell an abandoned one (its process is gone) from a live one.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** `--out` names a folder secdoc must not replace. */
export class OutDirError extends Error {}

const MANIFEST = 'manifest.json';
const PREVIOUS = '-previous';

/**
 * Throw OutDirError unless `outDir` may be replaced by a pack. `protectedDirs` (the documents
 * folder, the working folder) may not be the output or inside it.
 */
export function assertReplaceable(outDir: string, protectedDirs: readonly string[] = []): void {
  const out = resolve(outDir);
  const shown = outDir === '' ? out : outDir;
  const refuse = (why: string) => {
    throw new OutDirError(`--out ${shown}: ${why}; not a folder secdoc wrote, so it is left as it is (give an empty or new folder)`);
  };
  if (dirname(out) === out) refuse('it is the root of the file system');
  for (const dir of protectedDirs) {
    const inside = relative(out, resolve(dir));
    if (inside === '' || !(inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))) refuse(`it holds ${dir === '.' ? 'the working folder' : dir}`);
  }
  let stat;
  try {
    stat = statSync(out);
  } catch {
    return;
  }
  if (!stat.isDirectory()) refuse('it is a file');
  const entries = readdirSync(out);
  if (entries.length === 0) return;
  const listed = packEntries(out);
  if (!listed) refuse('it holds files and no secdoc manifest.json');
  const stray = entries.filter((e) => e !== MANIFEST && !listed!.has(e));
  if (stray.length > 0) refuse(`it holds ${stray.slice(0, 3).map((e) => `\`${e}\``).join(', ')}${stray.length > 3 ? ` and ${stray.length - 3} more` : ''}, which its manifest.json does not list`);
}

/** The top-level names a secdoc manifest in `dir` lists, or null when there is no such manifest. */
function packEntries(dir: string): Set<string> | null {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
  if (manifest === null || typeof manifest !== 'object') return null;
  const { 'secdoc-api-version': version, artefacts } = manifest as Record<string, unknown>;
  if (!Array.isArray(version) || !Array.isArray(artefacts)) return null;
  const names = new Set<string>();
  for (const a of artefacts) {
    const path = (a as { path?: unknown } | null)?.path;
    if (typeof path !== 'string') return null;
    names.add(path.split('/')[0]!);
  }
  return names;
}

/** `.dist.building-<pid>-<hex>`: the temporary folder a pack is written into, beside `out`. */
export function makeTempDir(out: string): string {
  for (;;) {
    const temp = join(dirname(out), `.${basename(out)}.building-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      // mkdir, not mkdtemp: the folder becomes the pack, and gets the umask's mode (0755), not 0700.
      mkdirSync(temp);
      return temp;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Where the old pack steps aside during the swap. */
export function previousDir(temp: string): string {
  return temp + PREVIOUS;
}

/** Remove the temporary folders of builds of `out` whose process is gone (killed mid-build). */
export function removeAbandoned(out: string): string[] {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(out))}\\.building-(\\d+)-[0-9a-f]{8}(?:${PREVIOUS})?$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(out));
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    const path = join(dirname(out), name);
    try {
      if (!statSync(path).isDirectory()) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Another build got there first, or it is not ours to remove: leave it.
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
