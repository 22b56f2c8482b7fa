/**
 * Rule problems as diagnostics: the one place they become vfile messages, for `validate` (the
 * rules check, one version at a time), the rule commands (which refuse to answer over them) and
 * the library's `diagnostics`, so all three show the same file:line:col, rule id and message.
 */
import type { VFile } from 'vfile';
import type { Corpus, VersionDocument } from '../corpus/index.js';
import { hasBrokenFrontMatter, report } from '../diagnostics/index.js';
import { corpusRules, versionRuleProblems } from './compile.js';
import type { RuleProblem } from './types.js';

/**
 * Report each rule problem of the corpus on its source file among `files` (the corpus's own by
 * default).
 */
export function reportRuleProblems(corpus: Corpus, files: readonly VFile[] = corpus.files): void {
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const p of corpusRules(corpus).problems) {
    const file = byPath.get(p.path);
    if (file) reportOn(file, p);
  }
}

/** Report the rule problems of one version (read from it and the version before it) on its file. */
export function reportVersionRuleProblems(corpus: Corpus, version: VersionDocument, file: VFile): void {
  for (const p of versionRuleProblems(corpus, version)) reportOn(file, p);
}

/**
 * Idempotent: a problem already on its file is not reported again. A file whose front matter
 * failed gets none: its rule problems would only cascade from the front matter's.
 */
function reportOn(file: VFile, p: RuleProblem): void {
  if (hasBrokenFrontMatter(file)) return;
  const reported = file.messages.some((m) => m.ruleId === p.ruleId && m.line === p.place.line && m.column === p.place.column && m.reason === p.reason);
  if (!reported) report(file, p.ruleId, p.reason, p.place);
}
