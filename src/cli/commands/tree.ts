import type { Register } from './index.js';
import { treeToJson } from '../../render/json/tree.js';
import type { Clause } from '../../model/types.js';
import { clauseText } from '../../model/text.js';

export const registerTree: Register = (program, context) => {
  program
    .command('tree')
    .description('print the clause tree of one document version (REF = DOC@VERSION, e.g. AL@20.0, or a .md path)')
    .argument('<ref>', 'DOC@VERSION (AL@20.0, TMAD@20.0, tmad@v20) or a Markdown file')
    .option('--json', 'print JSON (schema: schemas/tree.schema.json)')
    .action((ref: string, options: { json?: boolean }) => {
      const ctx = context();
      const doc = ctx.document(ref);
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
    });
};
