import type { Action } from './index.js';
import { atJson } from '../../render/json/rules.js';
import { comingLines, loadRules, span, versionLine } from '../answers.js';
import { parseDate } from '../context.js';

export const action: Action<[date: string, options: { json?: boolean }]> = ({ ctx }, date, options) => {
  const at = parseDate(date);
  const corpus = loadRules(ctx, { rules: false });
  const result = atJson(corpus, at);
  if (options.json) {
    ctx.json(result);
    return;
  }
  const lines = [`In force on ${at}:`];
  const pending: string[] = [];
  for (const d of result.documents) {
    const name = d.short_name ?? '';
    if (d.in_force) lines.push(`  ${versionLine(d.in_force).padEnd(10)} ${name.padEnd(6)} ${span(d.in_force.effective, d.in_force.until).padEnd(52)} ${d.title}`);
    else if (d.expired) lines.push(`  ${d.document.padEnd(10)} ${name.padEnd(6)} no version in force: ${d.expired.version} ceased to have effect on ${d.expired.until} (${d.expired.expiry!.clause})`);
    else lines.push(`  ${d.document.padEnd(10)} ${name.padEnd(6)} no version in force`);
    for (const v of d.designated) {
      const when = v.effective === null ? 'no effective date yet (prospective)' : `takes effect ${v.effective}`;
      pending.push(`  ${versionLine(v).padEnd(10)} ${name.padEnd(6)} designated ${v.designated} by ${v.designated_by}, ${when}`);
    }
  }
  if (pending.length > 0) lines.push('Designated, not in force:', ...pending);
  const coming = comingLines(corpus, at, (appendix) => !result.documents.some((d) => d.document === appendix && d.designated.length > 0));
  if (coming.length > 0) lines.push(`Coming after ${at}:`, ...coming);
  ctx.io.stdout(lines.join('\n') + '\n');
};
