/**
 * What secdoc's caches count as secdoc itself: a cache entry made by other code, or with other
 * versions of the libraries it calls, is never read (`../publish/incremental.ts` keys artefacts
 * by it, `../cli/output-cache.ts` outputs; `cache.ts` keys trees by the parser's part alone).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let tool: string | null = null;

/**
 * secdoc's code (every module), its templates, its schemas, its package.json and the versions of
 * the writers it calls. Type declarations and source maps count for nothing, nor does the folder
 * secdoc sits in.
 */
export function toolFingerprint(): string {
  if (tool !== null) return tool;
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  const root = join(here, '..', '..');
  hash.update(readFileSync(join(root, 'package.json')));
  for (const name of ['@myriaddreamin/typst-ts-node-compiler', '@expo-google-fonts/arimo', 'docx', 'handlebars', 'diff', 'micromark']) hash.update(`${name}@${installedVersion(name, here)}\n`);
  for (const dir of [join(here, '..'), join(root, 'templates'), join(root, 'schemas')]) {
    // In code-unit order: a locale's collation cost more than reading the files (an output
    // printed from the cache waits for this fingerprint).
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.map'))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file.slice(root.length)).update(readFileSync(file));
  }
  tool = hash.digest('hex');
  return tool;
}

/**
 * The version of package `name` as Node finds it from the folder `from`: in `node_modules/<name>`
 * of that folder or the nearest one above that has it. Read from its package.json directly (a
 * package's exports need not expose it, and resolving its entry point cost milliseconds a
 * package); `unknown` when none is found or its package.json names no version.
 */
export function installedVersion(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    let text: string | null = null;
    try {
      text = readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8');
    } catch {
      // Not installed here: look further up.
    }
    if (text !== null) {
      try {
        const version = (JSON.parse(text) as { version?: unknown }).version;
        return typeof version === 'string' ? version : 'unknown';
      } catch {
        return 'unknown';
      }
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
