import type { Register } from './index.js';
import { checkCorpus } from '../../check/index.js';
import { collect, formatDiagnostic } from '../../diagnostics/index.js';
import { buildPack, buildRecordPath, FORMATS, readPreviousPack, renderPool, UnknownSelectionError, writeBuildRecord, writePack, type Artefact, type Format, type RenderPool } from '../../publish/index.js';
import { producers } from '../../publish/producers.js';
import { EXIT, UsageError, type Context } from '../context.js';

interface BuildOptions {
  out: string;
  only?: string;
  formats: string;
  jobs?: string;
}

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = list.filter((f) => !FORMATS.includes(f as Format));
  if (unknown.length > 0 || list.length === 0) throw new UsageError(`--formats ${value}: expected a comma-separated list of ${FORMATS.join(', ')}`);
  return [...new Set(list)] as Format[];
}

const kb = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(0)} kB`);

export const registerBuild: Register = (program, context, setExit) => {
  program
    .command('build')
    .description('publish the annex pack: clean and marked-up annexes (HTML, PDF, Word), tree JSON, index page and manifest')
    .option('--out <dir>', 'output folder, replaced in one step when the build succeeds', 'dist')
    .option('--only <doc>', 'publish one document (appendix letter or short name) or one direction (its id)')
    .option('--formats <list>', `comma-separated formats: ${FORMATS.join(',')}`, FORMATS.join(','))
    .option('--jobs <n>', 'worker threads laying out PDFs beside the main thread, which makes the rest (default: one per core beyond the first, up to 3; 0 does everything in one thread)')
    .action(async (options: BuildOptions) => {
      const ctx = context();
      const formats = parseFormats(options.formats);
      const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0 && jobs <= 64)) throw new UsageError(`--jobs ${options.jobs}: expected a whole number from 0 to 64`);
      const started = performance.now();
      // Workers start now, so they load Typst and docx while this thread parses and checks.
      const pool = formats.includes('pdf') || formats.includes('docx') ? renderPool(jobs) : undefined;
      try {
        setExit(await build(ctx, options, formats, pool, started));
      } finally {
        await pool?.close();
      }
    });
};

async function build(ctx: Context, options: BuildOptions, formats: Format[], pool: RenderPool | undefined, started: number): Promise<number> {
  const corpus = ctx.corpus();
  // The build publishes nothing that validate would reject.
  checkCorpus(corpus);
  const diagnostics = collect(corpus.files);
  for (const d of diagnostics) ctx.io.stderr(formatDiagnostic(d) + '\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    ctx.io.stderr(`secdoc build: ${errors} error${errors === 1 ? '' : 's'}; nothing written, ${options.out} left as it was\n`);
    return EXIT.content;
  }
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const progress = (a: Artefact, done: number, total: number) => ctx.io.stdout(`[${String(done).padStart(String(total).length)}/${total}] ${a.path} (${kb(a.bytes.byteLength)}, ${seconds()} s)\n`);
  let count: number;
  // Files made from unchanged inputs come from the pack being replaced; --no-cache makes all afresh.
  const record = ctx.cacheDir ? buildRecordPath(ctx.cacheDir, options.out) : null;
  try {
    const pack = await buildPack(corpus, {
      formats,
      only: options.only ?? null,
      producers,
      previous: record ? readPreviousPack(options.out, record) : null,
      ...(pool ? { pool } : {}),
      ...(ctx.io.isTTY ? { onArtefact: progress } : {}),
    });
    writePack(options.out, pack);
    if (record) writeBuildRecord(record, options.out, pack);
    count = pack.artefacts.length;
  } catch (error) {
    if (error instanceof UnknownSelectionError) throw new UsageError(error.message);
    ctx.io.stderr(`secdoc build: ${(error as Error).message}; nothing written, ${options.out} left as it was\n`);
    return EXIT.content;
  }
  if (ctx.io.isTTY) ctx.io.stdout(`Built ${count} files and manifest.json into ${options.out}/ in ${seconds()} s\n`);
  return EXIT.ok;
}
