/**
 * Helpers the date and rule commands share (at, eval, history, rules): a command never imports
 * another. Kept out of context.ts, which every command loads, because they load the rules compiler.
 */
import type { VersionJson } from '../render/json/rules.js';
import { reportRuleProblems } from '../rules/report.js';
import { QueryError } from '../rules/query.js';
import type { Corpus } from '../corpus/index.js';
import { versionIntervals } from '../time/index.js';
import { ContentError, UsageError, type Context } from './context.js';

/**
 * The corpus, with its rules compiled. Any error in the sources (front matter, rule blocks) stops
 * the command after printing it: an answer over a broken source would be wrong without saying so.
 */
export function loadRules(ctx: Context, options: { rules?: boolean } = {}): ReturnType<Context['corpus']> {
  const corpus = ctx.corpus();
  // `at` reads only dates, so a broken rule block does not stop it.
  if (options.rules !== false) reportRuleProblems(corpus);
  const broken = corpus.files.filter((f) => f.messages.some((m) => m.fatal));
  if (broken.length > 0) throw new ContentError(broken);
  return corpus;
}

/** Run `fn`, turning questions the corpus cannot answer into usage errors. */
export function answering<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof QueryError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * What is coming after `at`, for answers given on a date: each document's next version not yet
 * in force then, with the date it takes effect and the direction designating it. Empty when none.
 */
export function comingLines(corpus: Corpus, at: string, only: (appendix: string) => boolean = () => true): string[] {
  const next = new Map<string, ReturnType<typeof versionIntervals>[number]>();
  for (const v of versionIntervals(corpus)) {
    if (!only(v.appendix) || (v.effective !== null && v.effective <= at)) continue;
    const seen = next.get(v.appendix);
    // The earliest dated one; one with no date yet only when none is dated.
    const earlier = !seen || (v.effective !== null && (seen.effective === null || v.effective < seen.effective));
    if (earlier) next.set(v.appendix, v);
  }
  return [...next.values()].map((v) => {
    const when = v.effective === null ? 'with no effective date fixed yet' : `from ${v.effective}`;
    const by = v.direction ? `designated ${v.designated} by ${v.direction.meta.id}` : `designated by ${v.document.meta.designatedBy}, not held`;
    return `  ${v.appendix} ${v.version} takes effect ${when} (${by})`;
  });
}

export function versionLine(v: VersionJson): string {
  return `${v.document} ${v.version}`;
}

export function span(from: string | null, until: string | null): string {
  if (from === null) return 'no effective date yet (prospective)';
  // The end date is the first day out of force: say so, a reader would take "until" either way.
  return until === null ? `from ${from}, open-ended` : `from ${from} until ${until} (not included)`;
}
