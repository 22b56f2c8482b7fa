import type { Action } from './index.js';
import { historyJson } from '../../render/json/history.js';
import { parseDate } from '../context.js';
import { answering, loadRules, span } from '../answers.js';

export const action: Action<[doc: string, clause: string, options: { at?: string; json?: boolean }]> = ({ ctx }, doc, clause, options) => {
  const at = options.at !== undefined ? parseDate(options.at) : ctx.today();
  const corpus = loadRules(ctx);
  const h = answering(() => historyJson(corpus, doc, clause, at));
  if (options.json) return ctx.json(h);
  const lines = [`${h.document} ${clause}: found by ${h.anchor.matched_by} as Clause ${h.anchor.clause.number ?? h.anchor.clause.id} in ${h.document} ${h.anchor.version}; status on ${at}`];
  for (const e of h.entries) {
    const v = e.version;
    const dates = e.in_force
      ? `designated ${v.designated ?? 'on a date not recorded'}; clause in force ${span(e.in_force.from, e.in_force.until)}`
      : `designated ${v.designated ?? 'on a date not recorded'}; version in force ${span(v.effective, v.until)}`;
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
};
