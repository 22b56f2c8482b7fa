import { readFileSync, writeFileSync } from 'node:fs';
import type { Action } from './index.js';
import { renumber } from '../../edit/renumber.js';
import { applyEdits, EditError, unifiedDiff } from '../../edit/splice.js';
import { sourceText } from '../../edit/source.js';
import { UsageError } from '../context.js';

export const action: Action<[ref: string, from: string, to: string, options: { dryRun?: boolean }]> = ({ ctx }, ref, from, to, options) => {
  const doc = ctx.document(ref);
  const source = sourceText(readFileSync(doc.path, 'utf8'));
  let result;
  try {
    result = renumber(source.text, doc, from.replace(/^Clause\s+/i, ''), to.replace(/^Clause\s+/i, ''));
  } catch (error) {
    if (error instanceof EditError) throw new UsageError(error.message);
    throw error;
  }
  const after = applyEdits(source.text, result.edits);
  if (options.dryRun) {
    ctx.io.stdout(unifiedDiff(doc.path, source.text, after));
    return;
  }
  writeFileSync(doc.path, source.restore(after));
  const moves = result.renumbered.map((r) => `${r.from} -> ${r.to}`).join(', ');
  ctx.io.stdout(`${doc.path}: renumbered ${moves}; updated ${result.references} reference${result.references === 1 ? '' : 's'} and ${result.rules} rule${result.rules === 1 ? '' : 's'}\n`);
};
