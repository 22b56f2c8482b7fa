import type { Action } from './index.js';
import { parseRef } from '../../corpus/index.js';
import { treeToJson } from '../../render/json/tree.js';
import type { Clause, ClauseDocument } from '../../model/types.js';
import { clauseText } from '../../model/text.js';
import type { Context } from '../context.js';

/** A REF, or a document name alone (`AL`, `tmad`): its version in force today, said on stderr. */
function documentOf(ctx: Context, ref: string): ClauseDocument {
  if (!/^[A-Za-z][\w-]*$/.test(ref.trim()) || parseRef(ref)) return ctx.document(ref);
  const today = ctx.today();
  const doc = ctx.inForce(ref.trim(), today);
  ctx.io.stderr(`secdoc: ${ref} is ${doc.meta.appendix}@${doc.meta.version}, the version in force today (${today})\n`);
  return doc;
}

export const action: Action<[ref: string, options: { json?: boolean }]> = ({ ctx }, ref, options) => {
  const doc = documentOf(ctx, ref);
  if (options.json) {
    ctx.json(treeToJson(doc));
    return;
  }
  const lines: string[] = [];
  const title = doc.meta.kind === 'version' ? `Appendix ${doc.meta.appendix} ${doc.meta.title} v${doc.meta.version}` : doc.meta.title ?? doc.id;
  lines.push(`${title}  [numbering: ${doc.numbering.join(' > ') || 'none'}]`);
  const visit = (clauses: Clause[], indent: string) => {
    for (const c of clauses) {
      const text = clauseText(c).replace(/\s+/g, ' ');
      const label = c.number ?? '§';
      const head = c.heading ? `${c.heading}` : text.slice(0, 72) + (text.length > 72 ? '…' : '');
      lines.push(`${indent}${label.padEnd(8)} ${head}`.trimEnd());
      visit(c.children, indent + '  ');
    }
  };
  visit(doc.clauses, '');
  ctx.io.stdout(lines.join('\n') + '\n');
};
