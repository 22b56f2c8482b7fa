import type { Action } from './index.js';
import { renumber } from '../../edit/renumber.js';
import { rewriteSource } from '../rewrite.js';

export const action: Action<[ref: string, from: string, to: string, options: { dryRun?: boolean }]> = ({ ctx }, ref, from, to, options) => {
  const doc = ctx.document(ref);
  const result = rewriteSource(ctx, doc.path, options.dryRun, (text) => renumber(text, doc, from.replace(/^Clause\s+/i, ''), to.replace(/^Clause\s+/i, '')));
  if (!result) return;
  const moves = result.renumbered.map((r) => `${r.from} -> ${r.to}`).join(', ');
  ctx.io.stdout(`${doc.path}: renumbered ${moves}; updated ${result.references} reference${result.references === 1 ? '' : 's'} and ${result.rules} rule${result.rules === 1 ? '' : 's'}\n`);
};
