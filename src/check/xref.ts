/**
 * Cross-references to clauses must resolve: in a version, against that version; in a direction,
 * against the direction itself and the versions it designates ("Clause 18.12A" of the new TMAD).
 */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import { findVersion, type Corpus } from '../corpus/index.js';
import type { Block, Clause, ClauseDocument } from '../model/types.js';
import { clauseIndex, xrefsIn } from '../model/query.js';

export function checkXrefs(doc: ClauseDocument, file: VFile, corpus: Corpus): void {
  const own = clauseIndex(doc);
  // A designated version's clauses are indexed only when a reference is not the direction's own.
  const designated: Array<{ version: ClauseDocument; index?: ReturnType<typeof clauseIndex> }> = [];
  let where = 'in this version';
  if (doc.meta.kind === 'direction') {
    designated.push(...doc.meta.designates.flatMap((d) => findVersion(corpus, d.document, d.version) ?? []).map((version) => ({ version })));
    where = designated.length > 0 ? `in this direction or in the versions it designates (${designated.map(({ version: { meta } }) => (meta.kind === 'version' ? `${meta.appendix} v${meta.version}` : '')).join(', ')})` : 'in this direction';
  }
  const resolves = (target: string) => own.has(target) || designated.some((d) => (d.index ??= clauseIndex(d.version)).has(target));
  const check = (blocks: readonly Block[], fallback: Clause | null) => {
    for (const x of xrefsIn(blocks)) {
      if (x.scope !== 'clause') continue;
      if (resolves(x.target)) continue;
      const place = x.position?.start ?? fallback?.position.start;
      report(file, 'xref-unresolved', `Unexpected reference to Clause ${x.target}, which does not exist ${where}`, place);
    }
  };
  check(doc.preamble, null);
  const visit = (list: Clause[]) => {
    for (const c of list) {
      check(c.content, c);
      check(c.tail, c);
      visit(c.children);
    }
  };
  visit(doc.clauses);
}
