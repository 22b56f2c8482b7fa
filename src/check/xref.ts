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
  const indexes = [clauseIndex(doc)];
  let where = 'in this version';
  if (doc.meta.kind === 'direction') {
    const designated = doc.meta.designates.map((d) => findVersion(corpus, d.document, d.version)).filter((v) => v !== null);
    indexes.push(...designated.map(clauseIndex));
    where = designated.length > 0 ? `in this direction or in the versions it designates (${designated.map((v) => `${v.meta.appendix} v${v.meta.version}`).join(', ')})` : 'in this direction';
  }
  const check = (blocks: readonly Block[], fallback: Clause | null) => {
    for (const x of xrefsIn(blocks)) {
      if (x.scope !== 'clause') continue;
      if (indexes.some((index) => index.has(x.target))) continue;
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
