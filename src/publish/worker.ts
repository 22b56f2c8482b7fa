/** A render worker: receives a view and a format, returns the file's bytes and the time they took. */
import { parentPort } from 'node:worker_threads';
import { renderAnnex, type AnnexFormat } from './render.js';
import type { AnnexView } from '../render/view/types.js';

// Load the writers before the first job arrives (the pool starts while the corpus is parsed).
// Jobs posted meanwhile wait in the port until the listener below is attached.
await import('../render/pdf/index.js');

parentPort?.on('message', async (job: { id: number; view: AnnexView; format: AnnexFormat }) => {
  try {
    const started = performance.now();
    const out = await renderAnnex(job.view, job.format);
    const ms = performance.now() - started;
    // Own the whole buffer before handing it over (a Buffer may be a slice of a shared pool).
    const bytes = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out : out.slice();
    parentPort!.postMessage({ id: job.id, bytes, ms }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message });
  }
});
