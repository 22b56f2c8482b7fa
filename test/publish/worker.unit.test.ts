/**
 * A render worker's job, run in this thread (the pool starts the worker only from the compiled
 * lib/, so its listener is never reached from the sources): the reply carries the job's id, the
 * file's bytes owning their whole buffer (to be handed over), and the rendering's own time; a view
 * that cannot be rendered gives the renderer's message instead, and fails nothing else.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findVersion, loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { buildView } from '../../src/render/view/index.js';
import type { AnnexView } from '../../src/render/view/types.js';
import { serveJob } from '../../src/publish/worker.js';
import { repoRoot } from '../helpers.js';

const viewOf = (): AnnexView => {
  const corpus = loadCorpus(join(repoRoot, 'test/fixtures/publish/documents'), nodeHost);
  return buildView({ document: findVersion(corpus, 'AL', '19.0')!, designated: '2021-11-01', effective: '2021-11-02', direction: null });
};

describe('publish: a render worker\'s job', () => {
  it('should reply with the job\'s id, the page\'s bytes in a buffer of their own, and the time rendering took', async () => {
    const started = performance.now();
    const reply = await serveJob({ id: 41, view: viewOf(), format: 'html' });
    const elapsed = performance.now() - started;
    if (!('bytes' in reply)) throw new Error(`expected bytes, got ${JSON.stringify(reply)}`);
    expect(reply.id).toBe(41);
    const html = new TextDecoder().decode(reply.bytes);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('url("../../fonts/Arimo');
    expect([reply.bytes.byteOffset, reply.bytes.buffer.byteLength]).toEqual([0, reply.bytes.byteLength]);
    // Its own time: more than nothing, and no more than the whole call took.
    expect(reply.ms).toBeGreaterThan(0);
    expect(reply.ms).toBeLessThanOrEqual(elapsed);
  });

  it('should reply with the renderer\'s message for a view it cannot render', async () => {
    const broken = { ...viewOf(), body: null } as unknown as AnnexView;
    expect(await serveJob({ id: 7, view: broken, format: 'docx' })).toEqual({ id: 7, error: "Cannot read properties of null (reading 'flatMap')" });
  });
});
