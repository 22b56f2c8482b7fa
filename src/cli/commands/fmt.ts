import { readFileSync, writeFileSync } from 'node:fs';
import type { Action } from './index.js';
import { formatSource } from '../../edit/format.js';
import { sourceText } from '../../edit/source.js';
import { EXIT, UsageError } from '../context.js';

export const action: Action<[files: string[], options: { check?: boolean }]> = ({ ctx, setExit }, files, options) => {
  const host = ctx.io.host;
  let paths = files;
  if (paths.length === 0) {
    if (!host.exists(ctx.documentsDir)) throw new UsageError(`documents folder not found: ${ctx.documentsDir}`);
    paths = host.listFiles(ctx.documentsDir).filter((p) => /\.(md|markdown)$/i.test(p)).sort();
  }
  const changed: string[] = [];
  for (const path of paths) {
    if (!host.exists(path)) throw new UsageError(`file not found: ${path}`);
    const source = sourceText(readFileSync(path, 'utf8'));
    const formatted = formatSource(source.text);
    if (formatted === source.text) continue;
    changed.push(path);
    if (!options.check) writeFileSync(path, source.restore(formatted));
  }
  for (const path of changed) ctx.io.stdout(`${options.check ? 'would format' : 'formatted'} ${path}\n`);
  ctx.io.stdout(`${paths.length} file${paths.length === 1 ? '' : 's'}, ${changed.length} ${options.check ? 'to format' : 'formatted'}\n`);
  if (options.check && changed.length > 0) setExit(EXIT.content);
};
