/**
 * The publisher: corpus -> every artefact of the annex pack, in memory, then written to disk in
 * one swap (./write.ts). It wires the stages (time, diff, view, writers) and owns no presentation.
 */
import type { Corpus, VersionDocument } from '../corpus/index.js';
import { versionIntervals, type VersionInterval } from '../time/index.js';
import { diffDocuments } from '../diff/index.js';
import type { DocumentDiff } from '../model/change.js';
import { diffToJson } from '../render/json/diff.js';
import { treeToJson } from '../render/json/tree.js';
import { fileOf } from '../render/json/rules.js';
import { buildView, longDate, type AnnexView, type ViewInput } from '../render/view/index.js';
import { directionView } from '../render/view/direction.js';
import { annexToHtml, indexToHtml, type IndexPage, type Link } from '../render/html/index.js';
import { ANNEX_FONT_BASE, renderAnnex, renderPool, type Rendered, type RenderPool } from './render.js';
import { FORMATS, inForceText, planAnnexes, selectionOf, versionStem, type AnnexJob, type Format, type Selection } from './plan.js';
import { artefactDigest, artefactInputs, INPUTS_VERSION, reusable, reusedArtefact, type PackInputs, type PreviousPack, type ReusedFile } from './incremental.js';

export { FORMATS, UnknownSelectionError, type Format } from './plan.js';
export { removalWarning, writePack, type WriteOptions, type WriteResult } from './write.js';
export { assertReplaceable, OutDirError } from './out-dir.js';
export { renderPool, defaultWorkers, type RenderPool } from './render.js';
export { artefactDigest, artefactSize, buildRecordPath, readPreviousPack, writeBuildRecord, type PackInputs, type PreviousPack } from './incremental.js';

export const MANIFEST_VERSION = [1, 0] as const;

/** One file of the pack. `kind` is `clean` or `marked-up` for annexes; producers add their own. */
export interface Artefact {
  path: string;
  kind: string;
  format: string;
  document: string | null;
  version: string | null;
  against: string | null;
  annex: string | null;
  direction: string | null;
  bytes: Uint8Array;
}

export interface ManifestEntry extends Omit<Artefact, 'bytes'> {
  bytes: number;
  sha256: string;
}

export interface Manifest {
  'secdoc-api-version': readonly [number, number];
  artefacts: ManifestEntry[];
}

export interface ProducerContext {
  corpus: Corpus;
  intervals: readonly VersionInterval[];
  formats: ReadonlySet<Format>;
  selection: Selection;
  /**
   * The file at `describe.path`: the previous pack's when it was made from `inputs` (null: always
   * made), else `make()`'s bytes. The inputs are recorded for the next build either way.
   */
  reuse(describe: Omit<Artefact, 'bytes'>, inputs: string | null, make: () => Uint8Array): Artefact;
}

/**
 * Extra artefacts beside the annexes (the rules stage adds `rules/*.json` this way). A producer
 * returns complete files; the publisher lists them in the manifest and writes them in the same swap.
 */
export interface ArtefactProducer {
  name: string;
  /** Synchronous: it runs while the workers lay out PDFs, before any artefact is reported. */
  produce(context: ProducerContext): Artefact[];
}

export interface PackOptions {
  formats?: readonly Format[];
  /** An appendix letter, short name or direction id; null for everything. */
  only?: string | null;
  producers?: readonly ArtefactProducer[];
  /** Author of tracked changes and document properties. */
  author?: string;
  /** `black`: the print variant, every redline mark in black for greyscale printing. */
  ink?: AnnexView['ink'];
  /** Called after each artefact is made (progress lines), in the order they finish, with the
   * milliseconds that artefact took to make (its own work, not its wait for a worker). */
  onArtefact?: (artefact: Artefact, done: number, total: number, ms: number) => void;
  /** Worker threads for PDF and Word files beside this thread, which renders too; 0 renders all
   * here. Default: see `defaultWorkers` (none below 4 cores or when running from the sources). */
  workers?: number;
  /** A pool the caller started early (so workers load while the corpus is parsed); the caller
   * closes it. When given, `workers` is ignored. */
  pool?: RenderPool;
  /** The pack this build replaces: artefacts made from the same inputs are taken from it (./incremental.ts). */
  previous?: PreviousPack | null;
}

export interface Pack {
  artefacts: Artefact[];
  manifest: Manifest;
  /** The hash of each annex's and JSON file's inputs, recorded for the next build (`writeBuildRecord`). */
  inputs: PackInputs;
  /** The paths made afresh by this build (the rest came from the previous pack). */
  made: string[];
}

const EXT: Record<Exclude<Format, 'json'>, string> = { html: 'html', pdf: 'pdf', docx: 'docx' };

/** Build every artefact in memory. Throws on the first renderer failure; nothing is written. */
export async function buildPack(corpus: Corpus, options: PackOptions = {}): Promise<Pack> {
  const formats = new Set(options.formats ?? FORMATS);
  const selection = selectionOf(corpus, options.only);
  const intervals = versionIntervals(corpus);
  const jobs = planAnnexes(corpus, selection);
  const annexFormats = (['html', 'pdf', 'docx'] as const).filter((f) => formats.has(f));
  const jsonVersions = formats.has('json') ? corpus.versions.filter((v) => selection.documents === null || selection.documents.has(v.meta.appendix)) : [];
  // The redline as data (schemas/diff.schema.json) beside each version's marked-up annex.
  const jsonRedlines = formats.has('json') ? jobs.filter((j) => j.kind === 'marked-up' && j.places.some((p) => p.role === 'version')) : [];
  const extra: Array<{ artefact: Artefact; ms: number }> = [];
  const places = jobs.reduce((n, j) => n + j.places.length, 0);
  // Known once the producers have run, before the first artefact is reported.
  let total = 0;

  const artefacts: Artefact[] = [];
  const made: string[] = [];
  const inputs: Record<string, string> = {};
  let done = 0;
  const add = (a: Artefact, ms: number, key: string | null = null, fresh = true) => {
    artefacts.push(a);
    if (key !== null) inputs[a.path] = key;
    if (fresh) made.push(a.path);
    options.onArtefact?.(a, ++done, total, ms);
  };
  /** Run `make` and time it. */
  const timed = <T>(make: () => T): { value: T; ms: number } => {
    const started = performance.now();
    const value = make();
    return { value, ms: performance.now() - started };
  };
  // What each file is made from; a file whose inputs are those it was made from last time is
  // taken from the previous pack.
  const keys = new Map<AnnexJob, Map<string, string | null>>();
  const keyOf = (job: AnnexJob, format: Format, kind: string = job.kind) => {
    const mine = keys.get(job) ?? keys.set(job, new Map()).get(job)!;
    const name = `${kind}\0${format}`;
    if (!mine.has(name)) mine.set(name, artefactInputs(corpus, { kind, document: job.document, against: job.against, annex: job.annex ? { letter: job.annex.letter, title: job.annex.title, direction: job.annex.direction.id } : null, format, author: options.author, ink: options.ink }));
    return mine.get(name)!;
  };
  /** The previous pack's files at every place of `job` in `format`, or null when any must be made. */
  const previousFiles = (job: AnnexJob, format: Exclude<Format, 'json'>, key: string | null) => {
    const files = job.places.map((p) => reusable(options.previous, `${p.base}.${EXT[format]}`, key));
    return files.every((f) => f !== null) ? (files as ReusedFile[]) : null;
  };

  // Each redline is computed once, for the annex view and for its JSON.
  const diffs = new Map<VersionDocument, DocumentDiff>();
  const diffOf = (job: AnnexJob): DocumentDiff | null => {
    if (!job.against) return null;
    let diff = diffs.get(job.document);
    if (!diff || diff.old.document !== job.against) {
      diff = diffDocuments(job.against, job.document);
      diffs.set(job.document, diff);
    }
    return diff;
  };

  // One rendering per annex, written at each of its places (the first place took the time).
  const place = (job: AnnexJob, format: Exclude<Format, 'json'>, { bytes, ms }: Rendered) => {
    job.places.forEach((p, i) => add({ ...describe(job), path: `${p.base}.${EXT[format]}`, format, bytes }, i === 0 ? ms : 0, keyOf(job, format)));
  };
  const reuse = new Map<AnnexJob, Map<Format, ReusedFile[]>>();
  for (const job of jobs) {
    for (const format of annexFormats) {
      const files = previousFiles(job, format, keyOf(job, format));
      if (files) reuse.set(job, (reuse.get(job) ?? new Map()).set(format, files));
    }
  }
  const fresh = (job: AnnexJob, format: Format) => !reuse.get(job)?.has(format);

  // Producers' files whose inputs they name: recorded, and taken from the previous pack when unchanged.
  const produced = new Map<string, string>();
  const producedReused = new Set<string>();
  const reuseProduced = (describe: Omit<Artefact, 'bytes'>, key: string | null, make: () => Uint8Array): Artefact => {
    if (key !== null) produced.set(describe.path, key);
    const previous = reusable(options.previous, describe.path, key);
    if (!previous) return { ...describe, bytes: make() };
    producedReused.add(describe.path);
    return reusedArtefact(describe, previous);
  };

  // PDF and Word files are queued longest first as soon as every view is built; the workers
  // take them while this thread makes the HTML, then this thread helps with what is left.
  const pool = options.pool ?? renderPool(options.workers);
  let rendered: Promise<unknown> = Promise.resolve();
  try {
    // Views only for the annexes some format of which must be made.
    const views = jobs
      .filter((job) => annexFormats.some((f) => fresh(job, f)))
      .map((job) => ({ job, view: buildView({ ...viewInput(job, intervals, diffOf(job), options.author), ...(options.ink ? { ink: options.ink } : {}) }) }));
    const heavy = views
      .flatMap(({ job, view }) => annexFormats.filter((f) => f !== 'html' && fresh(job, f)).map((format) => ({ job, view, format, weight: view.body.length })))
      .sort((a, b) => Number(b.format === 'pdf') - Number(a.format === 'pdf') || b.weight - a.weight);
    rendered = Promise.all(heavy.map(async (h) => place(h.job, h.format, await pool.render(h.view, h.format))));
    // The workers have their first jobs; the producers run meanwhile.
    for (const producer of options.producers ?? []) {
      // A producer makes its files in one go: each is given an equal share of its time.
      const { value: made, ms } = timed(() => producer.produce({ corpus, intervals, formats, selection, reuse: reuseProduced }));
      extra.push(...made.map((artefact) => ({ artefact, ms: ms / made.length })));
    }
    // Each direction's own text, beside its annexes, in HTML and PDF.
    const { value: letters, ms: lettersMs } = timed(() => directionPages(corpus, selection, jobs, formats, options));
    extra.push(...letters.html.map((artefact) => ({ artefact, ms: lettersMs / Math.max(1, letters.html.length) })));
    for (const page of letters.pdf) {
      rendered = Promise.all([rendered, pool.render(page.view, 'pdf').then(({ bytes, ms }: Rendered) => extra.push({ artefact: { ...page.artefact, bytes }, ms }))]);
    }
    // A job that fails fails the build where `rendered` is awaited, once the queue is drained;
    // meanwhile its failure is not left unhandled (which would end the process).
    rendered.catch(() => undefined);
    total = places * annexFormats.length + jsonVersions.length + jsonRedlines.length + extra.length + letters.pdf.length + (formats.has('html') ? 1 : 0);
    for (const [job, files] of reuse) {
      for (const [format, previous] of files) job.places.forEach((p, i) => add(reusedArtefact({ ...describe(job), path: `${p.base}.${EXT[format as Exclude<Format, 'json'>]}`, format }, previous[i]!), 0, keyOf(job, format), false));
    }
    if (annexFormats.includes('html')) {
      for (const { job, view } of views) {
        if (!fresh(job, 'html')) continue;
        const started = performance.now();
        const bytes = await renderAnnex(view, 'html');
        place(job, 'html', { bytes, ms: performance.now() - started });
      }
    }
    // JSON is quick: made here, while the workers are still laying out PDFs.
    for (const doc of jsonVersions) {
      const path = `${doc.meta.appendix}/v${doc.meta.version}/${versionStem(doc.meta.appendix, doc.meta.version)}.tree.json`;
      const key = artefactInputs(corpus, { kind: 'tree', document: doc, format: 'json' });
      const previous = reusable(options.previous, path, key);
      const describe = { path, kind: 'clean', format: 'json', document: doc.meta.appendix, version: doc.meta.version, against: null, annex: null, direction: null };
      if (previous) add(reusedArtefact(describe, previous), 0, key, false);
      else {
        const { value: bytes, ms } = timed(() => utf8(JSON.stringify(treeToJson({ ...doc, path: fileOf(corpus, doc.path) }), null, 2) + '\n'));
        add({ ...describe, bytes }, ms, key);
      }
    }
    for (const job of jsonRedlines) {
      const path = `${job.places.find((p) => p.role === 'version')!.base}.diff.json`;
      const key = keyOf(job, 'json', 'redline');
      const previous = reusable(options.previous, path, key);
      if (previous) add(reusedArtefact({ ...describe(job), path, format: 'json' }, previous), 0, key, false);
      else {
        const { value: bytes, ms } = timed(() => utf8(JSON.stringify(diffToJson(publishedPaths(corpus, diffOf(job)!)), null, 2) + '\n'));
        add({ ...describe(job), path, format: 'json', bytes }, ms, key);
      }
    }
    await pool.drain();
    await rendered;
  } finally {
    // On failure, jobs left in the queue are never served, so waiting for them would never end:
    // closing an own pool fails them (a caller's pool is the caller's to close), and their
    // failures are taken here rather than left unhandled.
    rendered.catch(() => undefined);
    if (!options.pool) await pool.close();
  }
  for (const { artefact, ms } of extra) add(artefact, ms, produced.get(artefact.path) ?? null, !producedReused.has(artefact.path));
  if (formats.has('html')) {
    const { value: bytes, ms } = timed(() => utf8(indexToHtml(indexPage(corpus, intervals, jobs, artefacts), { fontBase: 'fonts/' })));
    add({ path: 'index.html', kind: 'index', format: 'html', document: null, version: null, against: null, annex: null, direction: null, bytes }, ms);
  }

  const seen = new Set<string>();
  for (const a of artefacts) {
    if (seen.has(a.path) || a.path === 'manifest.json') throw new Error(`two artefacts would be written to ${a.path}`);
    seen.add(a.path);
  }
  artefacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sortedInputs = Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { artefacts, manifest: manifestOf(artefacts), inputs: { version: INPUTS_VERSION, artefacts: sortedInputs }, made: made.sort() };
}

/** The redline with its sides' paths as published (relative to the documents folder). */
function publishedPaths(corpus: Corpus, diff: DocumentDiff): DocumentDiff {
  return { ...diff, old: { ...diff.old, path: fileOf(corpus, diff.old.path) }, new: { ...diff.new, path: fileOf(corpus, diff.new.path) } };
}

/** A direction's page: `directions/<id>/direction.{html,pdf}`, its annex list linking to the annex files made. */
function directionPages(corpus: Corpus, selection: Selection, jobs: readonly AnnexJob[], formats: ReadonlySet<Format>, options: PackOptions) {
  const html: Artefact[] = [];
  const pdf: Array<{ view: AnnexView; artefact: Omit<Artefact, 'bytes'> }> = [];
  for (const direction of corpus.directions) {
    const id = direction.meta.id;
    // A direction without annexes (the baseline of versions held before any direction) has no page.
    if ((selection.directions !== null && !selection.directions.has(id)) || direction.meta.annexes.length === 0) continue;
    const folder = `directions/${id}/`;
    const annexes = (ext: string) =>
      direction.meta.annexes.map((a) => {
        const job = jobs.find((j) => j.places.some((p) => p.role === 'direction' && p.base.startsWith(`${folder}annex-${a.letter}-`)));
        const base = job?.places.find((p) => p.base.startsWith(`${folder}annex-${a.letter}-`))?.base;
        return { letter: a.letter, title: a.title ?? `Appendix ${a.document} version ${a.version}${a.against ? `, marked up against version ${a.against}` : ''}`, href: base ? `${base.slice(folder.length)}.${ext}` : null };
      });
    const describe = { kind: 'direction', document: null, version: null, against: null, annex: null, direction: id };
    const viewOptions = { ...(options.author ? { author: options.author } : {}), ...(options.ink ? { ink: options.ink } : {}) };
    if (formats.has('html')) html.push({ ...describe, path: `${folder}direction.html`, format: 'html', bytes: utf8(annexToHtml(directionView(direction, annexes('html'), viewOptions), { fontBase: ANNEX_FONT_BASE })) });
    if (formats.has('pdf')) pdf.push({ view: directionView(direction, annexes('pdf'), viewOptions), artefact: { ...describe, path: `${folder}direction.pdf`, format: 'pdf' } });
  }
  return { html, pdf };
}

function viewInput(job: AnnexJob, intervals: readonly VersionInterval[], diff: DocumentDiff | null, author: string | undefined): ViewInput {
  const interval = intervalOf(intervals, job.document);
  const direction = interval?.direction?.meta ?? null;
  return {
    document: job.document,
    designated: interval?.designated ?? null,
    effective: interval?.effective ?? null,
    direction: direction ? { id: direction.id, title: direction.title, made: direction.made } : null,
    annex: job.annex ? { letter: job.annex.letter, title: job.annex.title, direction: { id: job.annex.direction.id, title: job.annex.direction.title, made: job.annex.direction.made } } : null,
    against: job.against && diff ? { document: job.against, diff } : null,
    ...(author ? { author } : {}),
  };
}

function intervalOf(intervals: readonly VersionInterval[], doc: VersionDocument): VersionInterval | undefined {
  return intervals.find((i) => i.document === doc);
}

function describe(job: AnnexJob): Omit<Artefact, 'path' | 'format' | 'bytes'> {
  return {
    kind: job.kind,
    document: job.document.meta.appendix,
    version: job.document.meta.version,
    against: job.against?.meta.version ?? null,
    annex: job.annex?.letter ?? null,
    direction: job.annex?.direction.id ?? null,
  };
}

export function manifestOf(artefacts: readonly Artefact[]): Manifest {
  return {
    'secdoc-api-version': MANIFEST_VERSION,
    artefacts: artefacts.map((a) => ({
      path: a.path,
      kind: a.kind,
      format: a.format,
      document: a.document,
      version: a.version,
      against: a.against,
      annex: a.annex,
      direction: a.direction,
      // A file taken from the previous pack is as its record says (checked by `reusable`), not read.
      ...artefactDigest(a),
    })),
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

const FORMAT_LABEL: Record<string, string> = { html: 'HTML', pdf: 'PDF', docx: 'Word', json: 'JSON' };

/** The index page lists only what this build made, so every link on it resolves. */
function indexPage(corpus: Corpus, intervals: readonly VersionInterval[], jobs: readonly AnnexJob[], artefacts: readonly Artefact[]): IndexPage {
  const made = new Set(artefacts.map((a) => a.path));
  const links = (base: string | undefined, json: string | null = null): Link[] =>
    base === undefined
      ? []
      : FORMATS.map((f) => ({ href: `${base}${f === 'json' ? json ?? '' : `.${f}`}`, label: FORMAT_LABEL[f]! })).filter((l) => (json !== null || !l.href.endsWith('.json')) && made.has(l.href));
  const placeOf = (job: AnnexJob | undefined, role: 'version' | 'direction', prefix = '') => job?.places.find((p) => p.role === role && p.base.startsWith(prefix))?.base;
  const appendices = [...new Set(jobs.map((j) => j.document.meta.appendix))];
  return {
    title: 'Smart Energy Code: published annexes',
    intro: 'Clean and marked-up text of each document version held, the annexes of each direction, and the dates each version is in force. Dates come from the directions.',
    directions: corpus.directions
      .map((d) => {
        const folder = `directions/${d.meta.id}/`;
        const annexes = d.meta.annexes.flatMap((a) => {
          const job = jobs.find((j) => j.places.some((p) => p.role === 'direction' && p.base.startsWith(`${folder}annex-${a.letter}-`)));
          if (!job) return [];
          return [{
            letter: a.letter,
            title: a.title ?? `${job.document.meta.title} v${a.version}`,
            kind: a.against ? `Marked up: v${a.version} against v${a.against}` : `Clean: v${a.version}`,
            files: links(placeOf(job, 'direction', `${folder}annex-${a.letter}-`)),
          }];
        });
        return {
          anchor: `direction-${d.meta.id.replace(/[^A-Za-z0-9]+/g, '-')}`,
          title: d.meta.title,
          files: (['html', 'pdf'] as const).map((f) => ({ href: `${folder}direction.${f}`, label: FORMAT_LABEL[f]! })).filter((l) => made.has(l.href)),
          made: d.meta.made ? longDate(d.meta.made) : 'on a date not recorded',
          effective: d.meta.effective ? `effective ${longDate(d.meta.effective)}` : 'no effective date fixed yet',
          signedBy: d.meta.signatory ? `${d.meta.signatory.name}, ${d.meta.signatory.position}${d.meta.signatory.authority ? ` ${d.meta.signatory.authority}` : ''}` : null,
          addressees: d.meta.addressees,
          annexes,
        };
      })
      .filter((d) => d.annexes.length > 0),
    documents: appendices.map((appendix) => {
      const versions = corpus.versions.filter((v) => v.meta.appendix === appendix);
      const latest = versions[versions.length - 1]!;
      return {
        anchor: `appendix-${appendix}`,
        title: `Appendix ${appendix}: ${latest.meta.title}${latest.meta.shortName ? ` (${latest.meta.shortName})` : ''}`,
        versions: versions.map((v) => {
          const interval = intervalOf(intervals, v);
          const clean = jobs.find((j) => j.document === v && j.kind === 'clean' && j.places.some((p) => p.role === 'version'));
          const markedUp = jobs.find((j) => j.document === v && j.kind === 'marked-up' && j.places.some((p) => p.role === 'version'));
          return {
            version: v.meta.version,
            designated: interval?.designated ? longDate(interval.designated) : 'Not recorded',
            inForce: inForceText(interval, longDate),
            clean: links(placeOf(clean, 'version'), '.tree.json'),
            markedUpAgainst: markedUp?.against ? `v${markedUp.against.meta.version}` : null,
            markedUp: links(placeOf(markedUp, 'version'), '.diff.json'),
          };
        }),
      };
    }),
    // Files from extra producers (rules JSON and the like) are listed as they are.
    extras: artefacts.filter((a) => !['clean', 'marked-up', 'index', 'direction', 'font'].includes(a.kind)).map((a) => ({ href: a.path, label: a.path })),
  };
}
