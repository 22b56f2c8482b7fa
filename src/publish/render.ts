/**
 * Rendering views to files, spread over worker threads and this thread. Laying out PDFs (Typst)
 * and packing Word files are CPU-bound and independent, so a pack renders them in parallel; the
 * view model is plain JSON, so it crosses to a worker as it is. The bytes are the same whichever
 * thread renders a file: every writer is a pure function of the view.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnnexView } from '../render/view/types.js';
import type { RenderJob, RenderReply } from './worker.js';
import { annexToHtml } from '../render/html/index.js';

export type AnnexFormat = 'html' | 'pdf' | 'docx';

/** Every annex page sits two folders deep (`AL/v20.0/`, `directions/<id>/`); the fonts at the top. */
export const ANNEX_FONT_BASE = '../../fonts/';

export async function renderAnnex(view: AnnexView, format: AnnexFormat): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode(annexToHtml(view, { fontBase: ANNEX_FONT_BASE }));
    // Loaded on first use: with workers, this thread never needs Typst or docx.
    case 'pdf':
      return (await import('../render/pdf/index.js')).annexToPdf(view);
    case 'docx':
      return (await import('../render/docx/index.js')).annexToDocx(view);
  }
}

/** A rendered file and the time its rendering took, in whichever thread (not its wait in the queue). */
export interface Rendered {
  bytes: Uint8Array;
  ms: number;
}

/** A queue of render jobs served by worker threads, or by the caller's thread through `drain`. */
export interface RenderPool {
  /** Queue a job. Workers take PDFs in the order queued (queue the longest first); this thread,
   * in `drain`, takes the other formats first, then whatever PDFs are left. */
  render(view: AnnexView, format: AnnexFormat): Promise<Rendered>;
  /** Serve queued jobs in this thread too, until the queue is empty (all of them when there are
   * no workers); then wait for the workers' jobs to finish. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

interface Job extends RenderJob {
  resolve: (rendered: Rendered) => void;
  reject: (error: Error) => void;
}

/** The compiled worker script. It is absent when running from the TypeScript sources (tests),
 * where every job is served in this thread. */
const WORKER = new URL('./worker.js', import.meta.url);

/**
 * One worker per core beyond the first (up to 3). Workers take only PDFs: Typst is native code
 * that runs at full speed in a fresh thread, while the JavaScript writers (Word, HTML) run faster
 * on this thread, whose JIT has warmed up on parsing. On this 2-core machine that split took the
 * whole pack from about 3.5 s to about 2.7 s. None without the compiled worker script.
 */
export function defaultWorkers(): number {
  if (!existsSync(fileURLToPath(WORKER))) return 0;
  const cores = availableParallelism();
  return Math.min(3, cores - 1);
}

/**
 * Each worker holds up to three jobs: while it works on one, the next are already in its inbox,
 * so it never waits for this thread (busy with HTML or a job of its own) to hand it more.
 */
const PER_WORKER = 3;

export function renderPool(workers = defaultWorkers()): RenderPool {
  const queue: Job[] = [];
  const slots: Array<{ worker: Worker; jobs: Map<number, Job> }> = [];
  let next = 0;

  const pump = () => {
    for (const slot of slots) {
      while (slot.jobs.size < PER_WORKER) {
        const at = queue.findIndex((j) => j.format === 'pdf');
        if (at < 0) break;
        const job = queue.splice(at, 1)[0]!;
        slot.jobs.set(job.id, job);
        const message: RenderJob = { id: job.id, view: job.view, format: job.format };
        slot.worker.postMessage(message);
      }
    }
  };
  for (let i = 0; i < workers; i++) {
    const slot = { worker: new Worker(WORKER), jobs: new Map<number, Job>() };
    slot.worker.on('message', (reply: RenderReply) => {
      const job = slot.jobs.get(reply.id);
      slot.jobs.delete(reply.id);
      if ('bytes' in reply) job?.resolve({ bytes: reply.bytes, ms: reply.ms });
      else job?.reject(new Error(reply.error));
      pump();
    });
    slot.worker.on('error', (error) => {
      // A worker that dies fails the jobs it held; the build fails with that error.
      for (const job of slot.jobs.values()) job.reject(error);
      slot.jobs.clear();
      slots.splice(slots.indexOf(slot), 1);
      if (slots.length === 0) for (const job of queue.splice(0)) job.reject(error);
      pump();
    });
    slots.push(slot);
  }

  return {
    render(view, format) {
      return new Promise((resolve, reject) => {
        queue.push({ id: next++, view, format, resolve, reject });
        pump();
      });
    },
    async drain() {
      while (queue.length > 0) {
        const at = queue.findIndex((j) => j.format !== 'pdf');
        const job = queue.splice(at < 0 ? 0 : at, 1)[0]!;
        try {
          const started = performance.now();
          const bytes = await renderAnnex(job.view, job.format);
          job.resolve({ bytes, ms: performance.now() - started });
        } catch (error) {
          job.reject(error as Error);
        }
        // Let worker replies in, so their inboxes are topped up.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async close() {
      for (const job of queue.splice(0)) job.reject(new Error('render pool closed'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
