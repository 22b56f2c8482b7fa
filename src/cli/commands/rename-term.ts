import { readFileSync, writeFileSync } from 'node:fs';
import type { Action } from './index.js';
import { renameTerm } from '../../edit/rename.js';
import { applyEdits, EditError, unifiedDiff } from '../../edit/splice.js';
import { sourceText } from '../../edit/source.js';
import { UsageError } from '../context.js';

export const action: Action<[ref: string, from: string, to: string, options: { dryRun?: boolean }]> = ({ ctx }, ref, from, to, options) => {
  const doc = ctx.document(ref);
  const source = sourceText(readFileSync(doc.path, 'utf8'));
  let result;
  try {
    result = renameTerm(source.text, doc, from.trim(), to.trim());
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
  ctx.io.stdout(`${doc.path}: renamed \`${from}\` to \`${to}\` in its definition and ${result.uses - 1} use${result.uses === 2 ? '' : 's'}\n`);
};
