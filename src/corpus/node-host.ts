/** The real file system, as a Host, for the CLI and the library; tests inject others. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Host } from './index.js';

export const nodeHost: Host = {
  listFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        if (entry.name.startsWith('.')) continue;
        const p = join(d, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (entry.isFile()) out.push(p);
      }
    };
    walk(dir);
    return out;
  },
  readFile: (path) => readFileSync(path),
  exists: (path) => existsSync(path),
};
