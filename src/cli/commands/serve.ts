import type { Action } from './index.js';
import { UsageError, type Context } from '../context.js';
import { startPreview } from '../../serve/index.js';

interface ServeFlags {
  port: string;
}

/** `--port`: a whole number from 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port ${value}: expected a whole number from 0 to 65535 (0 picks a free port)`);
  return port;
}

export const action: Action<[flags: ServeFlags]> = ({ ctx }, flags) => serve(ctx, parsePort(flags.port));

/** Serves until Ctrl-C or SIGTERM, then closes the watcher, the open pages and the socket. */
async function serve(ctx: Context, port: number): Promise<void> {
  if (!ctx.io.host.exists(ctx.documentsDir)) throw new UsageError(`documents folder not found: ${ctx.documentsDir}`);
  const preview = await startPreview({
    root: ctx.documentsDir,
    host: ctx.io.host,
    port,
    incremental: ctx.cacheDir !== null,
    onError: (error) => ctx.io.stderr(`secdoc serve: ${error.message}\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use on 127.0.0.1; choose another with --port, or --port 0 for any free one`);
    throw error;
  });
  ctx.io.stdout(`secdoc serve: previewing ${ctx.documentsDir} at ${preview.url} (Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
  await preview.close();
  ctx.io.stdout('secdoc serve: stopped\n');
}
