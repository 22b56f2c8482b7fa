/**
 * Rule problems as diagnostics: the one place they become vfile messages, for `validate` (the
 * rules check), the rule commands (which refuse to answer over them) and the library's
 * `diagnostics`, so all three show the same file:line:col, rule id and message.
 */
import type { VFile } from 'vfile';
import type { Corpus } from '../corpus/index.js';
import { hasBrokenFrontMatter, report } from '../diagnostics/index.js';
import { corpusRules } from './compile.js';

/**
 * Report each rule problem of the corpus on its source file among `files` (the corpus's own by
 * default). Idempotent: a problem already on its file is not reported again. A file whose front
 * matter failed gets none: its rule problems would only cascade from the front matter's.
 */
export function reportRuleProblems(corpus: Corpus, files: readonly VFile[] = corpus.files): void {
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const p of corpusRules(corpus).problems) {
    const file = byPath.get(p.path);
    if (!file || hasBrokenFrontMatter(file)) continue;
    const reported = file.messages.some((m) => m.ruleId === p.ruleId && m.line === p.place.line && m.column === p.place.column && m.reason === p.reason);
    if (!reported) report(file, p.ruleId, p.reason, p.place);
  }
}
