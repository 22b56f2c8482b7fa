/**
 * Clause-level commencement and expiry: text such as "This Clause 10.2 shall cease to have effect
 * on 31 December 2022" or "Clause 18.15 shall come into effect on 1 July 2022" narrows the
 * interval in which a clause (and so a rule on it) is in force, inside its version's interval.
 *
 * "cease to have effect on D" / "expire on D" end the clause before D (D itself is outside);
 * "until D", "at the end of D" and "after D" keep D inside. Only statements whose subject names a
 * clause ("this Clause", "Clause 7.2", "Clauses 18.12 to 18.15") or the whole document ("this
 * Document", "this TMAD") count: "the DCC shall cease to ... on D" is an obligation, not an expiry.
 */
import type { Block, Clause, ClauseDocument } from '../model/types.js';
import { blockText } from '../model/text.js';
import { addDays, findDates } from './dates.js';

export interface Interval {
  /** In force from (inclusive); null while not yet fixed (prospective). */
  from: string | null;
  /** In force until (exclusive); null for open-ended. */
  until: string | null;
}

export interface ClauseTiming {
  kind: 'commencement' | 'expiry';
  /** For commencement, the first day in force; for expiry, the first day no longer in force. */
  date: string;
  /** What the statement is about: named clauses, or the whole document version. */
  scope: 'clause' | 'document';
  /** The clauses it narrows (empty when scope is `document`). */
  targets: Clause[];
  /** The clause whose text makes the statement. */
  source: Clause;
  sentence: string;
  line: number;
}

const EXPIRY = String.raw`(?:shall|will|is\s+to)\s+(?:cease\s+to\s+(?:have\s+effect|apply|be\s+in\s+(?:force|effect))|expire|lapse|no\s+longer\s+(?:apply|have\s+effect))|ceases?\s+to\s+(?:have\s+effect|apply)|expires?`;
const COMMENCE = String.raw`(?:shall|will)\s+(?:come\s+into\s+(?:force|effect)|take\s+effect|have\s+effect|apply)|comes?\s+into\s+(?:force|effect)|takes?\s+effect`;
const REMAIN = String.raw`(?:shall|will)\s+remain\s+in\s+(?:force|effect)`;
const DATE_WORDS = String.raw`(?:on|from|with\s+effect\s+from|until|up\s+to\s+and\s+including|at\s+the\s+end\s+of|after)`;

const STATEMENT = new RegExp(String.raw`(${EXPIRY}|${COMMENCE}|${REMAIN})\s+(?:only\s+)?(${DATE_WORDS})\s+`, 'gi');
/** What may stand between "on" and the date: nothing, or a defined date and "being" / "(". */
const DATE_LEAD = /^(?:\s*|the\s+(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*(?:,\s*(?:being|which\s+is)\s+|\s+\(\s*))$/;
const IS_EXPIRY = new RegExp(String.raw`^(?:${EXPIRY})$`, 'i');

/** Every commencement or expiry statement in the version's clauses, in document order. */
export function clauseTimings(doc: ClauseDocument): ClauseTiming[] {
  const byKey = clauseKeys(doc);
  // Document order of every clause, known before scanning: a statement may name a later clause.
  const order = new Map<Clause, number>();
  const number = (list: readonly Clause[]) => {
    for (const c of list) {
      order.set(c, order.size);
      number(c.children);
    }
  };
  number(doc.clauses);
  const out: ClauseTiming[] = [];
  const visit = (list: readonly Clause[], provision: Clause | null) => {
    for (const c of list) {
      const own = c.style === 'decimal' || c.style === 'section' || c.style === 'article' ? c : provision ?? c;
      for (const block of [...c.content, ...c.tail]) {
        for (const s of sentences(block)) out.push(...statementsIn(s.text, s.line, c, own, byKey, doc, order));
      }
      visit(c.children, own);
    }
  };
  visit(doc.clauses, null);
  return out;
}

function statementsIn(
  sentence: string,
  line: number,
  source: Clause,
  provision: Clause,
  byKey: Map<string, Clause>,
  doc: ClauseDocument,
  order: Map<Clause, number>,
): ClauseTiming[] {
  const out: ClauseTiming[] = [];
  STATEMENT.lastIndex = 0;
  for (let m = STATEMENT.exec(sentence); m; m = STATEMENT.exec(sentence)) {
    const after = sentence.slice(m.index + m[0].length);
    const date = findDates(after)[0];
    // The date must follow the verb directly ("on 31 December 2022") or name the defined date it
    // gives ("on the TMAD Expiry Date, being 31 December 2022"), not sit somewhere later.
    if (!date || !DATE_LEAD.test(after.slice(0, date.index))) continue;
    const verb = m[1]!.toLowerCase();
    const word = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    const isExpiry = IS_EXPIRY.test(verb) || /^(until|up to and including)$/.test(word);
    // "until D", "at the end of D", "after D": D itself is still inside (or, to commence, outside).
    const dayAfter = /^(until|up to and including|at the end of|after)$/.test(word);
    const subject = sentence.slice(0, m.index);
    const scope = subjectOf(subject, provision, byKey, doc, order);
    if (!scope) continue;
    out.push({
      kind: isExpiry ? 'expiry' : 'commencement',
      date: dayAfter ? addDays(date.date, 1) : date.date,
      scope: scope === 'document' ? 'document' : 'clause',
      targets: scope === 'document' ? [] : scope,
      source,
      sentence: sentence.trim(),
      line,
    });
  }
  return out;
}

/** What a statement's subject names: clauses, the whole document, or nothing we can date. */
function subjectOf(
  subject: string,
  provision: Clause,
  byKey: Map<string, Clause>,
  doc: ClauseDocument,
  order: Map<Clause, number>,
): Clause[] | 'document' | null {
  const numbers = [...subject.matchAll(/\bClauses?\s+([\d.A-Z()a-z]+(?:\s*(?:,|and|to)\s*[\d.A-Z()a-z]+)*)/g)];
  if (numbers.length > 0) {
    const found: Clause[] = [];
    for (const m of numbers) {
      const list = m[1]!.split(/\s*(?:,|and)\s*/);
      for (const part of list) {
        const range = part.split(/\s+to\s+/);
        const first = byKey.get(bareNumber(range[0]!)) ?? null;
        const last = range[1] ? byKey.get(bareNumber(range[1])) ?? null : first;
        if (!first || !last) continue;
        const lo = order.get(first)!;
        const hi = order.get(last)!;
        for (const [c, i] of order) if (i >= lo && i <= hi && sameLevel(c, first)) found.push(c);
      }
    }
    if (found.length > 0) return found;
  }
  if (/\bthis\s+(?:Clause|paragraph|provision|sub-?paragraph)\b/i.test(subject)) return [provision];
  const names = ['Document', 'Appendix', 'Approach Document'];
  if (doc.meta.kind === 'version' && doc.meta.shortName) names.push(doc.meta.shortName);
  const docPattern = new RegExp(String.raw`\bthis\s+(?:[A-Z][\w]*\s+)?(?:${names.map(escape).join('|')})\b`, 'i');
  if (docPattern.test(subject)) return 'document';
  return null;
}

/**
 * A number as the text writes it, without the full stop or unopened bracket after it: `1.3.` and
 * the `1.3)` of "(see Clause 1.3)" are `1.3`, while `7.2(a)` keeps the bracket it opened.
 */
function bareNumber(written: string): string {
  const opened = written.split('(').length - 1;
  let closed = written.split(')').length - 1;
  let out = written;
  for (;;) {
    if (out.endsWith('.')) out = out.slice(0, -1);
    else if (out.endsWith(')') && closed > opened) {
      out = out.slice(0, -1);
      closed--;
    } else return out;
  }
}

function sameLevel(a: Clause, b: Clause): boolean {
  return a.style === b.style && a.depth === b.depth;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Clauses by the ways text and rule blocks name them: the path after the document id (`18.12`,
 * `7.2(a)`) and the number as written. The first clause with a name keeps it.
 */
export function clauseKeys(doc: ClauseDocument): Map<string, Clause> {
  const out = new Map<string, Clause>();
  const visit = (list: readonly Clause[]) => {
    for (const c of list) {
      const key = c.id.slice(doc.id.length + 1);
      if (!out.has(key)) out.set(key, c);
      if (c.number && !out.has(c.number)) out.set(c.number, c);
      visit(c.children);
    }
  };
  visit(doc.clauses);
  return out;
}

/** Sentences of a block (whitespace collapsed) with the line each starts on. */
export function sentences(block: Block): Array<{ text: string; line: number }> {
  const text = blockText(block);
  const start = block.position?.start.line ?? 1;
  const out: Array<{ text: string; line: number }> = [];
  let from = 0;
  // Lines are counted on from the last sentence, not from the start: a long block stays linear.
  let counted = 0;
  let line = start;
  const boundary = /[.;](?=\s+[A-Z(])/g;
  const push = (end: number) => {
    const piece = text.slice(from, end);
    if (piece.trim()) {
      const at = from + piece.search(/\S|$/);
      line += countNewlines(text, counted, at);
      counted = at;
      out.push({ text: piece.replace(/\s+/g, ' ').trim(), line });
    }
    from = end;
  };
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) push(m.index + 1);
  push(text.length);
  return out;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/* ---------- intervals ---------- */

/** The part of `a` inside `b`: the later start, the earlier end. A prospective side stays prospective. */
export function intersect(a: Interval, b: Interval): Interval {
  const from = a.from === null || b.from === null ? null : a.from > b.from ? a.from : b.from;
  const until = a.until === null ? b.until : b.until === null ? a.until : a.until < b.until ? a.until : b.until;
  return { from, until };
}

/** Whether `date` falls inside the interval (never, for a prospective one). */
export function contains(interval: Interval, date: string): boolean {
  return interval.from !== null && interval.from <= date && (interval.until === null || date < interval.until);
}

/** Whether the interval holds no day at all (a clause that expires before it commences). */
export function isEmpty(interval: Interval): boolean {
  return interval.from !== null && interval.until !== null && interval.until <= interval.from;
}

export interface ClauseInterval extends Interval {
  /** The statements that narrowed it, on the clause, an ancestor or the whole document. */
  narrowedBy: ClauseTiming[];
}

/**
 * The interval in which one clause is in force: its version's interval, narrowed by every
 * commencement or expiry statement about the document, the clause or one of its ancestors.
 */
export function clauseInterval(doc: ClauseDocument, clause: Clause, version: Interval, timings: readonly ClauseTiming[] = clauseTimings(doc)): ClauseInterval {
  const lineage = new Set(ancestry(doc.clauses, clause) ?? [clause]);
  let interval: Interval = { ...version };
  const narrowedBy: ClauseTiming[] = [];
  for (const t of timings) {
    if (t.scope === 'clause' && !t.targets.some((c) => lineage.has(c))) continue;
    narrowedBy.push(t);
    interval = intersect(interval, t.kind === 'expiry' ? { from: interval.from, until: t.date } : { from: t.date, until: null });
  }
  return { ...interval, narrowedBy };
}

/** The clause and its ancestors, outermost first; null if it is not in the tree. */
export function ancestry(list: readonly Clause[], target: Clause): Clause[] | null {
  for (const c of list) {
    if (c === target) return [c];
    const below = ancestry(c.children, target);
    if (below) return [c, ...below];
  }
  return null;
}
