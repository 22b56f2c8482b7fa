/**
 * Rule integrity: malformed rule blocks, two rules with one id in a version, a condition or scope
 * naming an undeclared fact or value, a `clause:` that names no clause, and a rule left on the old
 * number of a clause that was renumbered. The rules stage finds them; this check reports them.
 */
import type { VFile } from 'vfile';
import { hasBrokenFrontMatter, report } from '../diagnostics/index.js';
import type { Corpus, VersionDocument } from '../corpus/index.js';
import { versionRuleProblems } from '../rules/compile.js';

/** The rule problems of one version (read from it and the version before it). */
export function checkVersionRules(v: VersionDocument, corpus: Corpus, file: VFile): void {
  if (hasBrokenFrontMatter(file)) return;
  for (const p of versionRuleProblems(corpus, v)) report(file, p.ruleId, p.reason, p.place);
}
