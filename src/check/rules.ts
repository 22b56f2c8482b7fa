/**
 * Rule integrity: malformed rule blocks, two rules with one id in a version, a condition or scope
 * naming an undeclared fact or value, a `clause:` that names no clause, and a rule left on the old
 * number of a clause that was renumbered. The rules stage finds and reports them; this check asks
 * for one version's.
 */
import type { VFile } from 'vfile';
import type { Corpus, VersionDocument } from '../corpus/index.js';
import { reportVersionRuleProblems } from '../rules/index.js';

/** The rule problems of one version (read from it and the version before it). */
export function checkVersionRules(v: VersionDocument, corpus: Corpus, file: VFile): void {
  reportVersionRuleProblems(corpus, v, file);
}
