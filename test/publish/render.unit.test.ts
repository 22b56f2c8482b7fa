/**
 * The render pool served by this thread (running from the sources there is no compiled worker
 * script, so no worker threads): every job queued is rendered by `drain`, the other formats before
 * PDFs, a failing job fails alone, and closing the pool fails what is still queued.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findVersion, loadCorpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { buildView } from '../../src/render/view/index.js';
import type { AnnexView } from '../../src/render/view/types.js';
import { ANNEX_FONT_BASE, defaultWorkers, renderAnnex, renderPool } from '../../src/publish/render.js';
import { repoRoot } from '../helpers.js';

const viewOf = (): AnnexView => {
  const corpus = loadCorpus(join(repoRoot, 'test/fixtures/publish/documents'), nodeHost);
  return buildView({ document: findVersion(corpus, 'AL', '19.0')!, designated: '2021-11-01', effective: '2021-11-02', direction: null });
};

describe('publish: rendering in this thread', () => {
  it('should use no worker threads when running from the sources', () => {
    expect(defaultWorkers()).toBe(0);
  });

  it('should render an HTML page that finds the fonts two folders up, and a Word file', async () => {
    const view = viewOf();
    const html = new TextDecoder().decode(await renderAnnex(view, 'html'));
    expect(ANNEX_FONT_BASE).toBe('../../fonts/');
    expect(html).toContain('url("../../fonts/Arimo');
    const docx = await renderAnnex(view, 'docx');
    expect(new TextDecoder().decode(docx.slice(0, 2))).toBe('PK');
  });

  it('should serve every queued job when drained, the other formats before PDFs, each timed', async () => {
    const view = viewOf();
    const pool = renderPool(0);
    const order: string[] = [];
    const jobs = (['pdf', 'docx', 'html'] as const).map((format) => pool.render(view, format).then((r) => (order.push(format), r)));
    await pool.drain();
    const [pdf, docx, html] = await Promise.all(jobs);
    expect(order).toEqual(['docx', 'html', 'pdf']);
    expect(new TextDecoder().decode(pdf!.bytes.slice(0, 5))).toBe('%PDF-');
    expect(new TextDecoder().decode(docx!.bytes.slice(0, 2))).toBe('PK');
    expect(new TextDecoder().decode(html!.bytes)).toBe(new TextDecoder().decode(await renderAnnex(view, 'html')));
    for (const r of [pdf, docx, html]) expect(r!.ms).toBeGreaterThan(0);
    await pool.close();
  });

  it('should serve PDFs in the order queued, each timed by its own rendering only', async () => {
    const view = viewOf();
    const pool = renderPool(0);
    const order: string[] = [];
    const started = performance.now();
    const jobs = ['first', 'second'].map((name) => pool.render(view, 'pdf').then((r) => (order.push(name), r)));
    await pool.drain();
    const elapsed = performance.now() - started;
    const [first, second] = await Promise.all(jobs);
    expect(order).toEqual(['first', 'second']);
    expect(first!.ms + second!.ms).toBeLessThanOrEqual(elapsed);
    await pool.close();
  });

  it('should fail a job whose view cannot be rendered, and the others not', async () => {
    const view = viewOf();
    const pool = renderPool(0);
    // Settled as they come, so the failure is not an unhandled rejection meanwhile.
    const outcomes = Promise.allSettled([pool.render({ ...view, body: null } as unknown as AnnexView, 'docx'), pool.render(view, 'html')]);
    await pool.drain();
    const [broken, good] = await outcomes;
    expect(broken).toMatchObject({ status: 'rejected', reason: expect.any(TypeError) });
    expect(good).toMatchObject({ status: 'fulfilled', value: { ms: expect.any(Number) } });
    await pool.close();
  });

  it('should fail every job with the error of a worker that dies when it is the only one, and serve later jobs in this thread', async () => {
    const view = viewOf();
    // From the sources there is no worker script to start: the worker dies with that error.
    const pool = renderPool(1);
    const failed = await Promise.allSettled([pool.render(view, 'pdf'), pool.render(view, 'html'), pool.render(view, 'pdf'), pool.render(view, 'pdf'), pool.render(view, 'pdf')]);
    const missing = `Cannot find module '${join(repoRoot, 'src/publish/worker.js')}'`;
    expect(failed.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error).message.split('\n')[0] : 'rendered'))).toEqual([missing, missing, missing, missing, missing]);
    const later = pool.render(view, 'html');
    await pool.drain();
    expect(new TextDecoder().decode((await later).bytes)).toBe(new TextDecoder().decode(await renderAnnex(view, 'html')));
    await pool.close();
  });

  it('should fail the jobs still queued when closed', async () => {
    const pool = renderPool(0);
    const queued = pool.render(viewOf(), 'html').catch((error: Error) => error.message);
    await pool.close();
    expect(await queued).toBe('render pool closed');
  });
});
