/** A render worker: receives a view and a format, returns the file's bytes and the time they took. */
import { parentPort } from 'node:worker_threads';
import { renderAnnex, type AnnexFormat } from './render.js';
import type { AnnexView } from '../render/view/types.js';

export interface RenderJob {
  id: number;
  view: AnnexView;
  format: AnnexFormat;
}

export type RenderReply = { id: number; bytes: Uint8Array; ms: number } | { id: number; error: string };

/**
 * One job's reply: the file's bytes, owning their whole buffer so it can be handed over (a Buffer
 * may be a slice of a shared pool), and the rendering's own time; or the renderer's message.
 * Exported so the tests run it in their own thread (the pool starts this file only compiled).
 */
export async function serveJob(job: RenderJob): Promise<RenderReply> {
  try {
    const started = performance.now();
    const out = await renderAnnex(job.view, job.format);
    const ms = performance.now() - started;
    const bytes = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out : out.slice();
    return { id: job.id, bytes, ms };
  } catch (error) {
    return { id: job.id, error: (error as Error).message };
  }
}

// Load the writers before the first job arrives (the pool starts while the corpus is parsed).
// Jobs posted meanwhile wait in the port until the listener below is attached.
await import('../render/pdf/index.js');

parentPort?.on('message', async (job: RenderJob) => {
  const reply = await serveJob(job);
  parentPort!.postMessage(reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : []);
});
