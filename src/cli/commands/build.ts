import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Action } from './index.js';
import { checkCorpus, glyphCheck } from '../../check/index.js';
import { missingGlyphs } from '../../render/pdf/glyphs.js';
import { collect, formatDiagnostic } from '../../diagnostics/index.js';
import { artefactSize, assertReplaceable, buildPack, buildRecordPath, FORMATS, OutDirError, readPreviousPack, removalWarning, renderPool, UnknownSelectionError, writeBuildRecord, writePack, type Artefact, type Format, type Pack, type RenderPool } from '../../publish/index.js';
import { producers } from '../../publish/producers.js';
import { EXIT, UsageError, type Context } from '../context.js';
import { failure } from '../output.js';

interface BuildOptions {
  out: string;
  only?: string;
  formats: string;
  author?: string;
  jobs?: string;
  print?: boolean;
}

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = list.filter((f) => !FORMATS.includes(f as Format));
  if (unknown.length > 0 || list.length === 0) throw new UsageError(`--formats ${value}: expected a comma-separated list of ${FORMATS.join(', ')}`);
  return [...new Set(list)] as Format[];
}

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export const action: Action<[options: BuildOptions]> = async ({ ctx, setExit }, options) => {
  const formats = parseFormats(options.formats);
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0 && jobs <= 64)) throw new UsageError(`--jobs ${options.jobs}: expected a whole number from 0 to 64`);
  const author = ctx.author(options.author);
  const started = performance.now();
  // Workers start now, so they load Typst and docx while this thread parses and checks.
  const pool = formats.includes('pdf') || formats.includes('docx') ? renderPool(jobs) : undefined;
  try {
    setExit(await build(ctx, options, formats, pool, started, author));
  } finally {
    await pool?.close();
  }
};

async function build(ctx: Context, options: BuildOptions, formats: Format[], pool: RenderPool | undefined, started: number, author: string | undefined): Promise<number> {
  // The output folder is replaced: refuse one secdoc does not own before any work is done.
  const protectedDirs = [ctx.documentsDir, '.'];
  guardOut(() => assertReplaceable(options.out, protectedDirs));
  const corpus = ctx.corpus();
  if (corpus.versions.length === 0) throw new UsageError(`no documents in ${ctx.documentsDir}: nothing to publish, ${options.out} left as it was`);
  // The build publishes nothing that validate would reject.
  checkCorpus(corpus, { corpus: [glyphCheck(missingGlyphs)] }, { record: ctx.checkRecord });
  // Only the checks whose inputs change after an edit run next time.
  ctx.checkRecord?.save({ pruneUnits: true });
  const diagnostics = collect(corpus.files);
  for (const d of diagnostics) ctx.io.stderr(formatDiagnostic(d) + '\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    ctx.io.stderr(`secdoc build: ${errors} error${errors === 1 ? '' : 's'}; nothing written, ${options.out} left as it was\n`);
    return EXIT.content;
  }
  const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
  // On a terminal, a line per file as it is made, with its own time; otherwise one summary line.
  const progress = (a: Artefact, done: number, total: number, ms: number) =>
    ctx.io.stdout(`[${String(done).padStart(String(total).length)}/${total}] ${a.path} (${size(artefactSize(a))}, ${seconds(ms)})\n`);
  let pack: Pack;
  // Files made from unchanged inputs come from the pack being replaced; --no-cache makes all afresh.
  const record = ctx.cacheDir ? buildRecordPath(ctx.cacheDir, options.out) : null;
  try {
    pack = await buildPack(corpus, {
      formats,
      only: options.only ?? null,
      producers,
      previous: record ? readPreviousPack(options.out, record) : null,
      ...(author ? { author } : {}),
      ...(options.print ? { ink: 'black' as const } : {}),
      ...(pool ? { pool } : {}),
      ...(ctx.io.isTTY ? { onArtefact: progress } : {}),
    });
  } catch (error) {
    if (error instanceof UnknownSelectionError || error instanceof UsageError) throw new UsageError(error.message);
    ctx.io.stderr(`secdoc build: ${(error as Error).message}; nothing written, ${options.out} left as it was\n`);
    return EXIT.content;
  }
  try {
    // The previous pack is removed in the background (its files' unlinks run on libuv's threads).
    let removal: Promise<string | null> = Promise.resolve(null);
    const removeOld = (old: string) => {
      removal = rm(old, { recursive: true, force: true }).then(
        () => null,
        (error: unknown) => removalWarning(resolve(options.out), old, error),
      );
    };
    const { warnings } = guardOut(() => writePack(options.out, pack, { protectedDirs, removeOld }));
    const late = await removal;
    for (const w of late === null ? warnings : [...warnings, late]) ctx.io.stderr(`secdoc build: warning: ${w}\n`);
    // After the removal: unlinking a reused file's other link moves its change time, which the record keeps.
    if (record) writeBuildRecord(record, options.out, pack);
    ctx.saveRecords();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // Node names the temporary folder beside the output; the user named the output.
    ctx.io.stderr(`secdoc build: cannot write ${options.out}: ${failure(error)}; ${options.out} left as it was\n`);
    return EXIT.content;
  }
  const bytes = pack.manifest.artefacts.reduce((n, a) => n + a.bytes, 0);
  ctx.io.stdout(`Built ${pack.artefacts.length} files and manifest.json (${size(bytes)}) into ${options.out}/ in ${seconds(performance.now() - started)}\n`);
  return EXIT.ok;
}

function guardOut<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof OutDirError) throw new UsageError(error.message);
    throw error;
  }
}
