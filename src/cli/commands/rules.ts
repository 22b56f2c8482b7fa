import type { Action } from './index.js';
import { ruleDiffJson, rulesJson, type RuleJson, type RulesJson } from '../../render/json/rules.js';
import { formatLogic, type FieldChange, type JsonLogic } from '../../rules/index.js';
import type { VersionDocument } from '../../corpus/index.js';
import { parseDate, UsageError } from '../context.js';
import { answering, comingLines, loadRules, span, versionLine } from '../answers.js';

export const action: Action<[options: { at?: string; doc?: string; diff?: string[]; json?: boolean }]> = ({ ctx }, options) => {
  if (options.diff) {
    if (options.diff.length !== 2) throw new UsageError(`--diff takes two versions, OLD and NEW (e.g. --diff AL@19.0 AL@20.0), got ${options.diff.length}`);
    if (options.at || options.doc) throw new UsageError('--diff compares two versions; it does not take --at or --doc');
    const corpus = loadRules(ctx);
    const [before, after] = options.diff.map((ref) => {
      const doc = ctx.document(ref);
      if (!corpus.versions.includes(doc as VersionDocument)) throw new UsageError(`--diff compares versions held under the documents folder (DOC@VERSION), not ${ref}`);
      return doc as VersionDocument;
    });
    const diff = ruleDiffJson(corpus, before!, after!);
    if (options.json) return ctx.json(diff);
    const lines = [
      `Rules ${diff.old.document} ${diff.old.version} -> ${diff.new.document} ${diff.new.version}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged.length} unchanged`,
    ];
    for (const r of diff.added) lines.push(`+ ${r.id}  (${r.kind}, Clause ${clauseOf(r)})`);
    for (const r of diff.removed) lines.push(`- ${r.id}  (${r.kind}, was Clause ${clauseOf(r)})`);
    for (const c of diff.changed) {
      lines.push(`~ ${c.id}  (Clause ${clauseOf(c.new)})`);
      for (const change of c.changes) lines.push(`    ${describeFieldChange(change)}`);
    }
    ctx.io.stdout(lines.join('\n') + '\n');
    return;
  }
  const versionAsked = options.doc !== undefined && options.doc.includes('@');
  const at = options.at !== undefined ? parseDate(options.at) : versionAsked ? null : ctx.today();
  const corpus = loadRules(ctx);
  const result = answering(() => rulesJson(corpus, { at, doc: options.doc ?? null }));
  if (options.json) return ctx.json(result);
  const asked = result.query.document;
  const coming = at === null ? [] : comingLines(corpus, at, (appendix) => asked === null || asked === appendix);
  ctx.io.stdout(rulesText(result) + (coming.length > 0 ? `\nComing after ${at} (not counted above):\n${coming.join('\n')}\n` : ''));
};

function clauseOf(r: RuleJson): string {
  // The clause's path (`18.14(a)`), not its own label (`(a)`).
  return r.provenance.clause.id.slice(r.provenance.clause.id.indexOf('/') + 1);
}

function value(v: unknown): string {
  if (v === null || v === undefined) return '(none)';
  if (typeof v === 'string') return JSON.stringify(v);
  return formatLogic(v as JsonLogic);
}

function describeFieldChange(c: FieldChange): string {
  if ('added' in c) return `${c.field}: ${[...c.added.map((v) => `+${v}`), ...c.removed.map((v) => `-${v}`)].join(', ')}`;
  return `${c.field}: ${value(c.old)} -> ${value(c.new)}`;
}

function rulesText(result: RulesJson): string {
  const { at, document, version } = result.query;
  const scope = version ? `${document} ${version}` : document ?? 'all documents';
  const lines = [
    at === null
      ? `Rules of ${scope}: ${result.rules.length}`
      : `Rules in force on ${at} (${result.versions.map(versionLine).join(', ') || `no version of ${scope} in force`}): ${result.rules.length}`,
  ];
  for (const v of result.versions) {
    const mine = result.rules.filter((r) => r.provenance.document === v.document && r.provenance.version === v.version);
    lines.push('', `${versionLine(v)}${v.short_name ? ` (${v.short_name})` : ''}  ${span(v.effective, v.until)}`);
    const width = Math.max(0, ...mine.map((r) => r.id.length));
    for (const r of mine) {
      const interval = r.in_force.from !== v.effective || r.in_force.until !== v.until ? `  [${span(r.in_force.from, r.in_force.until)}]` : '';
      lines.push(`  ${('Clause ' + clauseOf(r)).padEnd(14)} ${r.id.padEnd(width)}  ${r.kind}, ${r.actor}${interval}`);
    }
  }
  return lines.join('\n') + '\n';
}
