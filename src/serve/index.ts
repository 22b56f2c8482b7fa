/**
 * `secdoc serve`: an HTTP server on 127.0.0.1 previewing the documents folder. A watcher
 * (chokidar) re-reads each saved source; open pages hear of it through server-sent events and
 * reload. A source that does not parse shows up as diagnostics, never as a failed server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { watch, type FSWatcher } from 'chokidar';
import type { Host } from '../corpus/index.js';
import { LiveCorpus, type Snapshot } from './live.js';
import { escapeHtml, indexPage, sourceOf, sourcePage, type ViewKind } from './pages.js';

export interface PreviewOptions {
  root: string;
  host: Host;
  /** 0 picks a free port. */
  port: number;
  /** Told of each reload, with the files it took in (the CLI prints nothing per save). */
  onReload?: (snapshot: Snapshot, paths: string[]) => void;
  /** Told of a failure to read or render, which the server survives. */
  onError?: (error: Error) => void;
  /** Re-run after a save only the checks that read the saved source (default); false re-runs every check (`--no-cache`). */
  incremental?: boolean;
}

export interface Preview {
  url: string;
  live: LiveCorpus;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Quiet time after a file event before the files are read (see `changed`). */
const SETTLE_MS = 20;

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const live = new LiveCorpus(options.root, options.host, options.incremental ?? true);
  const clients = new Set<ServerResponse>();
  const report = (error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error)));

  // Each page is rendered once per generation; a reload empties the cache.
  let cache = new Map<string, string>();
  const broadcast = (generation: number) => {
    for (const client of clients) client.write(`event: reload\ndata: ${generation}\n\n`);
  };

  // A save is often more than one event (truncate, then write; or write, then rename): paths are
  // gathered until the folder has been quiet for SETTLE_MS, so a page never shows half a file.
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const takeIn = () => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    try {
      const snapshot = live.update(paths);
      cache = new Map();
      broadcast(snapshot.generation);
      options.onReload?.(snapshot, paths);
    } catch (error) {
      report(error);
    }
  };
  const changed = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(takeIn, SETTLE_MS);
  };

  const watcher: FSWatcher = watch(options.root, { ignoreInitial: true, ignored: (path) => /(^|[/\\])\./.test(path.slice(options.root.length)) });
  watcher.on('add', changed).on('change', changed).on('unlink', changed).on('error', report);
  await new Promise<void>((resolve) => watcher.once('ready', resolve));

  let port = 0;
  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      report(error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `secdoc serve could not render this page: ${(error as Error).message}\n`);
      else response.end();
    }
  });

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    // Only pages asked for by this machine's own name: a rebound DNS name cannot read them.
    const host = request.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return send(response, 403, 'text/plain; charset=utf-8', 'secdoc serve answers only to 127.0.0.1 and localhost\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'only GET\n');
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname === '/events') return subscribe(response);
    const snapshot = live.snapshot;
    if (url.pathname === '/') return send(response, 200, 'text/html; charset=utf-8', cached('/', () => indexPage(snapshot, options.root)));
    const path = sourceOf(snapshot, options.root, url.pathname);
    if (path === null) return send(response, 404, 'text/html; charset=utf-8', `<!DOCTYPE html><title>Not found</title><p>No source at ${escapeHtml(url.pathname)}. <a href="/">All documents</a></p>`);
    const view: ViewKind = url.searchParams.get('view') === 'marked-up' ? 'marked-up' : 'clean';
    send(response, 200, 'text/html; charset=utf-8', cached(`${path}\n${view}`, () => sourcePage(snapshot, options.root, path, view)));
  };

  const cached = (key: string, make: () => string) => {
    let page = cache.get(key);
    if (page === undefined) cache.set(key, (page = make()));
    return page;
  };

  const subscribe = (response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    // The generation now, so a page rendered before a save it missed reloads at once.
    response.write(`retry: 500\nevent: reload\ndata: ${live.snapshot.generation}\n\n`);
    clients.add(response);
    // A comment line now and then keeps idle connections (and proxies, and fetch's body timeout) open.
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000).unref();
    response.on('close', () => {
      clearInterval(heartbeat);
      clients.delete(response);
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/`,
    live,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
