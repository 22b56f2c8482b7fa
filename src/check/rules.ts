/**
 * Rule integrity: malformed rule blocks, two rules with one id in a version, a condition or scope
 * naming an undeclared fact or value, a `clause:` that names no clause, and a rule left on the old
 * number of a clause that was renumbered. The rules stage finds them; this check reports them.
 */
import type { VFile } from 'vfile';
import type { Corpus } from '../corpus/index.js';
import type { ClauseDocument } from '../model/types.js';
import { reportRuleProblems } from '../rules/index.js';

export function checkRules(corpus: Corpus, fileOf: (doc: ClauseDocument) => VFile): void {
  reportRuleProblems(corpus, corpus.versions.map(fileOf));
}
