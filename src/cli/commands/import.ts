import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { VFile } from 'vfile';
import type { Action } from './index.js';
import { ContentError, EXIT, UsageError } from '../context.js';
import { report } from '../../diagnostics/index.js';
import { openWordFile, PackageError, type FrontMatterOptions, type ImportResult, type WordFile } from '../../import/index.js';

interface ImportFlags {
  appendix?: string;
  shortName?: string;
  title?: string;
  docVersion?: string;
  replaces?: string;
  designatedBy?: string;
  classification?: string;
  out?: string;
  reject?: boolean;
  both?: string[];
}

export const action: Action<[path: string, flags: ImportFlags]> = ({ ctx, setExit }, path, flags) => {
  const host = ctx.io.host;
  if (flags.both && flags.both.length !== 2) throw new UsageError(`--both takes two files, OLD.md and NEW.md; got ${flags.both.length}`);
  if (flags.both && (flags.out || flags.reject)) throw new UsageError('--both writes both sources: give it without --out and --reject');
  if (flags.docVersion !== undefined && !/^\d+\.\d+$/.test(flags.docVersion)) throw new UsageError(`--doc-version must be MAJOR.MINOR (19.0), got ${flags.docVersion}`);
  if (!host.exists(path)) throw new UsageError(`file not found: ${path}`);
  const file = new VFile({ path });
  const frontMatter: FrontMatterOptions = {};
  for (const key of ['appendix', 'shortName', 'title', 'replaces', 'designatedBy', 'classification'] as const) {
    if (flags[key] !== undefined) frontMatter[key] = flags[key];
  }
  if (flags.docVersion !== undefined) frontMatter.version = flags.docVersion;
  let word: WordFile;
  try {
    word = openWordFile(host.readFile(path));
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    report(file, 'import-not-docx', error.part ? `${error.part}: ${error.message}` : error.message, { line: error.line, column: error.column });
    throw new ContentError([file]);
  }
  const seen = new Set<string>();
  const warn = (result: ImportResult) => {
    for (const w of result.warnings) {
      const text = w.paragraph > 0 ? `${w.where}: ${w.message}` : w.message;
      if (seen.has(text)) continue;
      seen.add(text);
      report(file, w.ruleId, text, { line: Math.max(w.paragraph, 1), column: 1 });
    }
  };
  if (flags.both) {
    const [oldPath, newPath] = flags.both as [string, string];
    // The old text is the version the new one replaces.
    const { replaces, ...older } = frontMatter;
    const rejected = word.source('reject', replaces !== undefined ? { ...older, version: replaces } : frontMatter);
    const accepted = word.source('accept', frontMatter);
    warn(accepted);
    warn(rejected);
    write(oldPath, rejected.markdown);
    write(newPath, accepted.markdown);
  } else {
    const result = word.source(flags.reject ? 'reject' : 'accept', frontMatter);
    warn(result);
    if (flags.out) write(flags.out, result.markdown);
    else ctx.io.stdout(result.markdown);
  }
  ctx.printDiagnostics([file]);
  setExit(EXIT.ok);
};

/** Written beside the target, then renamed over it: a failed write never leaves half a file. */
function write(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
