/** The real file system, as a Host, for the CLI and the library; tests inject others. */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Host } from './index.js';
import { fileStat } from './source-stats.js';

export const nodeHost: Host = {
  listFiles(dir: string): string[] {
    const out: string[] = [];
    // Symbolic links are followed (a linked folder once: a link back to an ancestor ends there).
    const seen = new Set<string>();
    const walk = (d: string) => {
      const real = realpathSync(d);
      if (seen.has(real)) return;
      seen.add(real);
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        if (entry.name.startsWith('.')) continue;
        const p = join(d, entry.name);
        // A dangling link is listed, so reading it reports it instead of skipping it silently.
        const kind = entry.isSymbolicLink() ? kindOf(p) : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : null;
        if (kind === 'folder') walk(p);
        else if (kind === 'file') out.push(p);
      }
    };
    walk(dir);
    return out;
  },
  readFile(path) {
    try {
      return readFileSync(path);
    } catch (error) {
      // Reading a folder fails without naming it; the CLI's message needs the path.
      (error as NodeJS.ErrnoException).path ??= path;
      throw error;
    }
  },
  exists: (path) => existsSync(path),
  stat: fileStat,
};

function kindOf(link: string): 'file' | 'folder' | null {
  try {
    const stat = statSync(link);
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : null;
  } catch {
    return 'file';
  }
}
