import type { Action } from './index.js';
import { renameTerm } from '../../edit/rename.js';
import { rewriteSource } from '../rewrite.js';

export const action: Action<[ref: string, from: string, to: string, options: { dryRun?: boolean }]> = ({ ctx }, ref, from, to, options) => {
  const doc = ctx.document(ref);
  const result = rewriteSource(ctx, doc.path, options.dryRun, (text) => renameTerm(text, doc, from.trim(), to.trim()));
  if (!result) return;
  ctx.io.stdout(`${doc.path}: renamed \`${from}\` to \`${to}\` in its definition and ${result.uses - 1} use${result.uses === 2 ? '' : 's'}\n`);
};
