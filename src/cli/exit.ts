/**
 * Exit codes and the errors that choose them. Light on purpose: main.ts needs these before it
 * knows which command runs, and must not load the parser to get them.
 */
import type { VFile } from 'vfile';

export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** A problem with how the command was called: bad REF, missing file, unknown command. */
export class UsageError extends Error {}

/** Content errors stop the command after their diagnostics are printed. */
export class ContentError extends Error {
  constructor(readonly files: readonly VFile[]) {
    super('content errors');
  }
}
