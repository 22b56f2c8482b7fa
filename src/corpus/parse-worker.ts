/** A parse worker: parses its share of the sources, stores each in the cache, answers each on its port. */
import { workerData } from 'node:worker_threads';
import { DiskTreeCache, parseSource, withDigest } from './cache.js';
import type { WorkerInput, WorkerReply } from './parallel.js';

const { jobs, options, digests, cacheDir, chunkDir, port, signal } = workerData as WorkerInput;
const cache = cacheDir ? new DiskTreeCache(cacheDir, chunkDir) : null;
for (const job of jobs) {
  let reply: WorkerReply;
  try {
    const parsed = parseSource(job.path, job.bytes, options, cache?.chunks ?? null);
    const result = digests ? withDigest(parsed) : parsed;
    if (cache && job.key && result.doc) cache.set(job.key, result);
    reply = { index: job.index, result };
  } catch (error) {
    reply = { index: job.index, error: (error as Error).message };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}
