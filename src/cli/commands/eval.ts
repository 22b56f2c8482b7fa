import type { Action } from './index.js';
import { evalJson, type ResultJson, type TraceJson } from '../../render/json/rules.js';
import { validateFacts } from '../../rules/index.js';
import { readFactsFile } from '../../rules/facts-file.js';
import { EXIT, parseDate, UsageError } from '../context.js';
import { appendixOf } from '../../corpus/index.js';
import { answering, comingLines, loadRules, versionLine } from '../answers.js';

export const action: Action<[path: string, options: { at?: string; doc?: string; json?: boolean }]> = ({ ctx, setExit }, path, options) => {
  const at = options.at !== undefined ? parseDate(options.at) : ctx.today();
  if (!ctx.io.host.exists(path)) throw new UsageError(`facts file not found: ${path}`);
  const corpus = loadRules(ctx);
  const { value: raw, problems: unreadable } = readFactsFile(new TextDecoder().decode(ctx.io.host.readFile(path)));
  if (unreadable.length > 0) {
    for (const p of unreadable) ctx.io.stderr(`${path}:${p.line}:${p.column}: ${p.message}\n`);
    setExit(EXIT.content);
    return;
  }
  const { facts, problems } = validateFacts(raw, corpus.facts);
  if (problems.length > 0) {
    for (const p of problems) ctx.io.stderr(`${path}: ${p.message}\n`);
    setExit(EXIT.content);
    return;
  }
  const result = answering(() => evalJson(corpus, at, facts, { doc: options.doc ?? null }));
  if (options.json) return ctx.json(result);

  const applying = result.results.filter((r) => r.applies && r.determined && !r.unconditional);
  const open = result.results.filter((r) => !r.determined);
  const not = result.results.filter((r) => !r.applies && r.determined);
  const always = result.results.filter((r) => r.unconditional);
  const lines = [
    `On ${at}, ${applying.length} of ${result.results.length} rules in force apply to ${path} (${result.versions.map(versionLine).join(', ') || 'no version in force'})`,
  ];
  for (const r of applying) {
    lines.push('', `APPLIES  ${r.rule}  (${r.kind}, ${where(r)})`, `  ${r.effect}`);
    for (const t of parts(r)) traceLines(t, '  ', lines, () => true);
  }
  if (open.length > 0) {
    lines.push('', `Undetermined: the facts leave out what these need (${open.length}):`);
    for (const r of open) {
      lines.push(`  ${r.rule}  (${where(r)}) needs ${r.missing.join(', ')}`);
      for (const t of parts(r)) traceLines(t, '    ', lines, (n) => !n.determined);
    }
  }
  if (not.length > 0) {
    lines.push('', `Do not apply (${not.length}):`);
    for (const r of not) {
      lines.push(`  ${r.rule}  (${where(r)})`);
      // Only the settled tests that failed: they say why.
      for (const t of parts(r)) traceLines(t, '    ', lines, (n) => !n.held && n.determined);
    }
  }
  if (always.length > 0) {
    lines.push('', `Unconditional, in force whatever the facts (${always.length}):`);
    for (const r of always) lines.push(`  ${r.rule}  (${r.kind}, ${where(r)})`);
  }
  const asked = options.doc === undefined ? null : appendixOf(corpus, options.doc.split('@')[0]!);
  const coming = comingLines(corpus, at, (appendix) => asked === null || asked === appendix);
  if (coming.length > 0) lines.push('', `Coming after ${at} (its rules are not evaluated above):`, ...coming);
  ctx.io.stdout(lines.join('\n') + '\n');
};

function parts(r: ResultJson): TraceJson[] {
  return [...r.scope, ...(r.condition ? [r.condition] : [])];
}

function where(r: ResultJson): string {
  // The clause's path (`18.14(a)`), not its own label (`(a)`): several rules may share a clause's sub-clauses.
  return `${r.document} ${r.version} Clause ${r.clause.id.slice(r.clause.id.indexOf('/') + 1)}`;
}

/** One line per part: whether it held, the expression, and the facts it read. */
function traceLines(t: TraceJson, indent: string, out: string[], show: (t: TraceJson) => boolean): void {
  if (!show(t)) return;
  const values = [...Object.entries(t.facts).map(([k, v]) => `${k} = ${JSON.stringify(v)}`), ...t.missing.map((m) => `${m} missing`)];
  if (t.parts.length === 0) {
    out.push(`${indent}${mark(t)}  ${t.text}${values.length > 0 ? `   [${values.join(', ')}]` : ''}`);
    return;
  }
  out.push(`${indent}${mark(t)}  ${t.text.length > 90 ? t.text.slice(0, 87) + '...' : t.text}`);
  for (const p of t.parts) traceLines(p, indent + '  ', out, show);
}

/** held, failed, or unknown when missing facts could change the answer. */
function mark(t: TraceJson): string {
  return !t.determined ? 'unknown' : t.held ? 'held   ' : 'failed ';
}
