/** Cross-references to clauses of the same document must resolve in that version. */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import type { Block, Clause, ClauseDocument } from '../model/types.js';
import { clauseIndex, xrefsIn } from '../model/query.js';

export function checkXrefs(doc: ClauseDocument, file: VFile): void {
  const index = clauseIndex(doc);
  const check = (blocks: readonly Block[], fallback: Clause | null) => {
    for (const x of xrefsIn(blocks)) {
      if (x.scope !== 'clause') continue;
      if (index.has(x.target)) continue;
      const place = x.position?.start ?? fallback?.position.start;
      report(file, 'xref-unresolved', `Unexpected reference to Clause ${x.target}, which does not exist in this version`, place);
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
