/**
 * Parsing many sources at once: the cache answers what it can, and the rest is shared between
 * this thread and worker threads, one per spare core, when there is enough of it to pay for
 * starting them (a worker loads the parser's modules afresh, about as long as parsing 100 kB).
 *
 * The callers are synchronous (loading the corpus is), so this thread parses its own share and
 * then waits on a shared counter, taking the workers' results from their ports without the event
 * loop (`receiveMessageOnPort`). A document crosses threads by structured clone, V8's
 * serialisation, as it does into the cache, so a worker's parse is the document this thread would
 * have made; a test compares them. A job a worker fails on, or takes far too long over, is
 * parsed here instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { adoptDigest } from '../model/digest.js';
import type { ParseOptions } from '../parse/index.js';
import { cacheKey, DiskTreeCache, parseSource, withDigest, type ParsedSource, type TreeCache } from './cache.js';

export interface Source {
  path: string;
  bytes: Uint8Array;
}

/** What a worker is given: its share of the jobs, and where to store what it parses. */
export interface WorkerInput {
  jobs: Array<{ index: number; path: string; bytes: Uint8Array; key: string | null }>;
  options: ParseOptions;
  /** Whether to digest each document for comparison and keep the digest with it (see `ParseRun`). */
  digests: boolean;
  cacheDir: string | null;
  /** Where the cache keeps parsed chunks, if it does. */
  chunkDir: string | null;
  port: MessagePort;
  /** Raised by one for every job answered. */
  signal: Int32Array;
}

export type WorkerReply = { index: number; result: ParsedSource } | { index: number; error: string };

/** The compiled worker script; absent when running from the TypeScript sources, where all is parsed here. */
const WORKER = new URL('./parse-worker.js', import.meta.url);

/**
 * Below this many bytes to parse, a worker costs more than it saves: it loads the parser afresh
 * (about 0.3 s), its documents are cloned back to this thread (about a fifth of their parse
 * time), and its heap adds to peak memory. On the shared 2-core machine a worker made a cold diff
 * of two 0.8 MB files slower and 30 MB larger, so workers are kept for whole corpora.
 */
export const MIN_PARALLEL_BYTES = 4 * 1024 * 1024;
/** Work a worker is counted as having before it starts: loading the parser. */
const WORKER_START_BYTES = 100 * 1024;

/** Worker threads to use: `SECDOC_PARSE_THREADS` when set (0: none), else one per spare core, up to 3. */
export function parseThreads(env: Readonly<Record<string, string | undefined>> = process.env): number {
  if (!existsSync(fileURLToPath(WORKER))) return 0;
  const set = env.SECDOC_PARSE_THREADS?.trim();
  if (set && /^\d+$/.test(set)) return Math.min(Number(set), 16);
  return Math.min(3, availableParallelism() - 1);
}

/** How `parseSources` runs. */
export interface ParseRun {
  /** Worker threads at most (default `parseThreads()`). */
  threads?: number;
  /** Bytes to parse below which no worker starts (default `MIN_PARALLEL_BYTES`). */
  minBytes?: number;
  /**
   * Digest every document for comparison (model/digest.ts) and keep the digest in its cache
   * entry, as a redline will read it: a warm diff then reads it instead of hashing every clause's
   * text again, and a cold one digests in the thread that parsed.
   */
  digests?: boolean;
}

/** Parse every source through the cache, the misses spread over threads; results in input order. */
export function parseSources(sources: readonly Source[], options: ParseOptions, cache: TreeCache | null, run: ParseRun = {}): ParsedSource[] {
  const { threads = parseThreads(), minBytes = MIN_PARALLEL_BYTES, digests = false } = run;
  const results: Array<ParsedSource | undefined> = new Array(sources.length);
  const keys = sources.map(({ path, bytes }) => (cache ? cacheKey(path, bytes, options) : null));
  const misses: number[] = [];
  sources.forEach((_, i) => {
    const hit = cache ? cache.get(keys[i]!) : null;
    if (!hit) return misses.push(i);
    results[i] = hit;
    if (!digests || !hit.doc || (hit.digest && adoptDigest(hit.doc, hit.digest))) return;
    // A tree cached by a command that did not compare it: stored again, with its digest.
    results[i] = withDigest(hit);
    cache!.set(keys[i]!, results[i]!);
  });
  const missBytes = misses.reduce((n, i) => n + sources[i]!.bytes.byteLength, 0);
  const workers = missBytes < minBytes ? 0 : Math.min(threads, misses.length - 1);

  const parseHere = (i: number) => {
    const parsed = parseSource(sources[i]!.path, sources[i]!.bytes, options, cache?.chunks ?? null);
    const result = digests ? withDigest(parsed) : parsed;
    // A file that is not Markdown text is not worth an entry: it fails before any parse.
    if (cache && result.doc) cache.set(keys[i]!, result);
    results[i] = result;
  };

  if (workers <= 0) {
    for (const i of misses) parseHere(i);
  } else {
    // Longest first, each to the lane with the least work; lane 0 is this thread.
    const lanes = Array.from({ length: workers + 1 }, (_, lane) => ({ load: lane === 0 ? 0 : WORKER_START_BYTES, jobs: [] as number[] }));
    for (const i of [...misses].sort((a, b) => sources[b]!.bytes.byteLength - sources[a]!.bytes.byteLength || a - b)) {
      const lane = lanes.reduce((best, l) => (l.load < best.load ? l : best));
      lane.jobs.push(i);
      lane.load += sources[i]!.bytes.byteLength;
    }
    const cacheDir = cache instanceof DiskTreeCache ? cache.dir : null;
    const chunkDir = cache instanceof DiskTreeCache ? cache.chunkDir : null;
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const started = lanes.slice(1).map((lane) => startWorker(lane.jobs, sources, keys, options, digests, { cacheDir, chunkDir }, signal));
    for (const i of lanes[0]!.jobs) parseHere(i);
    collect(started, signal, (reply) => {
      if ('result' in reply) {
        const { doc, digest } = reply.result;
        // The digest was made for the worker's copy of the tree; this thread's clone has the same shape.
        if (digests && doc && !(digest && adoptDigest(doc, digest))) results[reply.index] = withDigest(reply.result);
        else results[reply.index] = reply.result;
        // A worker stores what it parses itself when the cache is on disk.
        if (cache && !cacheDir && doc) cache.set(keys[reply.index]!, results[reply.index]!);
      } else parseHere(reply.index);
    });
    // Whatever a worker left unanswered is parsed here.
    for (const i of misses) if (!results[i]) parseHere(i);
  }
  return results as ParsedSource[];
}

interface Started {
  worker: Worker;
  port: MessagePort;
  waiting: Set<number>;
  deadline: number;
}

function startWorker(jobs: number[], sources: readonly Source[], keys: ReadonlyArray<string | null>, options: ParseOptions, digests: boolean, dirs: Pick<WorkerInput, 'cacheDir' | 'chunkDir'>, signal: Int32Array): Started {
  const { port1, port2 } = new MessageChannel();
  const input: WorkerInput = {
    jobs: jobs.map((index) => ({ index, path: sources[index]!.path, bytes: sources[index]!.bytes, key: keys[index]! })),
    options,
    digests,
    ...dirs,
    port: port2,
    signal,
  };
  const worker = new Worker(WORKER, { workerData: input, transferList: [port2] });
  const bytes = jobs.reduce((n, i) => n + sources[i]!.bytes.byteLength, 0);
  // Far beyond any real parse (about 1 MB/s on a loaded core): a worker that has not answered by
  // then has died, and its jobs are parsed here.
  return { worker, port: port1, waiting: new Set(jobs), deadline: Date.now() + 60_000 + bytes / 10 };
}

/** Take every worker's replies, waiting on `signal` between them, then stop the workers. */
function collect(started: Started[], signal: Int32Array, take: (reply: WorkerReply) => void): void {
  const open = new Set(started);
  while (open.size > 0) {
    const seen = Atomics.load(signal, 0);
    for (const s of open) {
      for (let m = receiveMessageOnPort(s.port); m; m = receiveMessageOnPort(s.port)) {
        const reply = m.message as WorkerReply;
        s.waiting.delete(reply.index);
        take(reply);
      }
      if (s.waiting.size === 0 || Date.now() > s.deadline) open.delete(s);
    }
    if (open.size > 0) Atomics.wait(signal, 0, seen, 1000);
  }
  for (const s of started) {
    s.port.close();
    void s.worker.terminate();
  }
}
