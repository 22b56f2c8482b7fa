/**
 * The steps the source-rewriting commands share (renumber, rename-term): a command never imports
 * another. Kept out of context.ts, which every command loads, because they load jsdiff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { applyEdits, EditError, unifiedDiff, type Edit } from '../edit/splice.js';
import { sourceText } from '../edit/source.js';
import { UsageError, type Context } from './context.js';

/**
 * Read the source at `path`, work out its edits with `rewrite` (an edit that cannot be made is a
 * usage error), then print them as a unified diff (`dryRun`) or write the file back with its line
 * endings and byte-order mark as they were. The rewrite's result, or null after a dry run.
 */
export function rewriteSource<R extends { edits: readonly Edit[] }>(ctx: Context, path: string, dryRun: boolean | undefined, rewrite: (text: string) => R): R | null {
  const source = sourceText(readFileSync(path, 'utf8'));
  let result: R;
  try {
    result = rewrite(source.text);
  } catch (error) {
    if (error instanceof EditError) throw new UsageError(error.message);
    throw error;
  }
  const after = applyEdits(source.text, result.edits);
  if (dryRun) {
    ctx.io.stdout(unifiedDiff(path, source.text, after));
    return null;
  }
  writeFileSync(path, source.restore(after));
  return result;
}
