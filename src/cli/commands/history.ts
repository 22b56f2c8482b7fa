import type { Register } from './index.js';
import { historyJson } from '../../render/json/rules.js';
import { answering, loadRules, parseDate, span, today } from '../context.js';

export const registerHistory: Register = (program, context) => {
  program
    .command('history')
    .description('follow one clause through every version of a document, with dates, status and rules')
    .argument('<doc>', 'the document: a letter or short name (AL, TMAD); DOC@VERSION finds CLAUSE in that version')
    .argument('<clause>', 'a clause number (18.12, 7.2(a)), a stable key (exclusion-data-issues) or a rule id')
    .option('--at <date>', 'give each status on this date (YYYY-MM-DD); default today')
    .option('--json', 'print JSON (schema: schemas/rules.schema.json#/$defs/history)')
    .action((doc: string, clause: string, options: { at?: string; json?: boolean }) => {
      const ctx = context();
      const at = options.at !== undefined ? parseDate(options.at) : today(ctx);
      const corpus = loadRules(ctx);
      const h = answering(() => historyJson(corpus, doc, clause, at));
      if (options.json) return ctx.json(h);
      const lines = [`${h.document} ${clause}: found by ${h.anchor.matched_by} as Clause ${h.anchor.clause.number ?? h.anchor.clause.id} in ${h.document} ${h.anchor.version}; status on ${at}`];
      for (const e of h.entries) {
        const v = e.version;
        const dates = e.in_force
          ? `designated ${v.designated ?? '?'}; clause in force ${span(e.in_force.from, e.in_force.until)}`
          : `designated ${v.designated ?? '?'}; version in force ${span(v.effective, v.until)}`;
        let what: string;
        if (!e.clause) what = e.change === 'removed' ? 'removed in this version' : 'not in this version';
        else {
          const number = e.clause.number ?? e.clause.id;
          const change = e.change === 'renumbered' ? `renumbered from ${e.previous_number}${e.text_changed ? ', amended' : ''}` : e.change;
          what = `Clause ${number}${e.clause.heading ? ` ${e.clause.heading}` : ''}: ${change}`;
        }
        lines.push(`  ${v.version.padEnd(6)} ${(e.clause ? e.status : '-').padEnd(17)} ${what}`);
        lines.push(`         ${dates}${e.rules.length > 0 ? `; rules: ${e.rules.join(', ')}` : ''}`);
      }
      ctx.io.stdout(lines.join('\n') + '\n');
    });
};
