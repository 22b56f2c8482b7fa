/**
 * `secdoc renumber`: give a clause a new number and shift the run of siblings after it by the
 * same step (9.4 -> 9.3 moves 9.5, 9.5A, 9.6 to 9.4, 9.4A, 9.5), or re-letter paragraphs
 * (1.2(d) -> 1.2(c)). Every cross-reference and rule `clause:` in the version follows; the
 * version-history table (not clause text) is left alone.
 */
import type { Clause, ClauseDocument, LabelStyle } from '../model/types.js';
import { clauseIndex, xrefsIn } from '../model/query.js';
import { walkClauses } from '../model/text.js';
import { isAbsolute, isRoman, romanValue } from '../parse/labels.js';
import { edit, EditError, type Edit } from './splice.js';

export interface RenumberResult {
  edits: Edit[];
  /** Each clause whose number changed, old -> new, in document order. */
  renumbered: Array<{ from: string; to: string }>;
  references: number;
  rules: number;
}

/** The step a label takes: its ordinal, and how to write an ordinal back in its style. */
interface Ordinals {
  ordinal(label: string): { value: number; suffix: string } | null;
  write(value: number, suffix: string, like: string): string;
}

const ROMAN: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

function toRoman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}

function ordinalsOf(style: LabelStyle): Ordinals | null {
  switch (style) {
    case 'decimal':
      return {
        ordinal: (label) => {
          const m = /(?:^|\.)(\d+)([A-Z]*)$/.exec(label);
          return m ? { value: Number(m[1]), suffix: m[2]! } : null;
        },
        write: (value, suffix, like) => like.replace(/(^|\.)(\d+)([A-Z]*)$/, `$1${value}${suffix}`),
      };
    case 'paren-alpha':
    case 'paren-upper':
      return {
        ordinal: (label) => (/^\(([a-zA-Z])\)$/.test(label) ? { value: label.toLowerCase().charCodeAt(1) - 96, suffix: '' } : null),
        write: (value, _suffix, like) => {
          const letter = String.fromCharCode(96 + value);
          return `(${style === 'paren-upper' || /[A-Z]/.test(like) ? letter.toUpperCase() : letter})`;
        },
      };
    case 'paren-roman':
      return {
        ordinal: (label) => {
          const inner = label.slice(1, -1);
          return isRoman(inner) ? { value: romanValue(inner), suffix: '' } : null;
        },
        write: (value) => `(${toRoman(value)})`,
      };
    case 'paren-number':
      return {
        ordinal: (label) => {
          const m = /^\((\d+)([a-z]?)\)$/.exec(label);
          return m ? { value: Number(m[1]), suffix: m[2]! } : null;
        },
        write: (value, suffix) => `(${value}${suffix})`,
      };
    default:
      return null;
  }
}

/** `9.4(a)` -> the label as its clause writes it, `(a)`; `9.4` stays `9.4`. */
function ownLabel(reference: string, style: LabelStyle): string {
  return isAbsolute(style) ? reference : /\([^()]*\)$/.exec(reference)?.[0] ?? reference;
}

export function renumber(source: string, doc: ClauseDocument, from: string, to: string): RenumberResult {
  const index = clauseIndex(doc);
  const clause = index.get(from);
  if (!clause) throw new EditError(`no clause ${from} in ${doc.id}`);
  const parents = new Map<Clause, Clause | null>();
  const record = (list: readonly Clause[], parent: Clause | null) => {
    for (const c of list) {
      parents.set(c, parent);
      record(c.children, c);
    }
  };
  record(doc.clauses, null);
  const ordinals = ordinalsOf(clause.style);
  if (!ordinals) throw new EditError(`Clause ${from} is numbered in a style (${clause.style}) renumber does not step`);
  const fromLabel = clause.number!;
  const toLabel = ownLabel(to, clause.style);
  const fromParent = from.slice(0, from.length - ownLabel(from, clause.style).length);
  const toParent = to.slice(0, to.length - toLabel.length);
  const a = ordinals.ordinal(fromLabel);
  const b = ordinals.ordinal(toLabel);
  const sameLevel = clause.style === 'decimal' ? fromLabel.split('.').slice(0, -1).join('.') === toLabel.split('.').slice(0, -1).join('.') : fromParent === toParent;
  if (!a || !b || !sameLevel) throw new EditError(`expected ${to} to be a number of the same kind and level as ${from} (such as ${ordinals.write((a?.value ?? 1) + 1, '', fromLabel)})`);
  const delta = b.value - a.value;

  // The clause and the siblings of its style after it, shifted by the same step.
  const parent = parents.get(clause) ?? null;
  const siblings = parent ? parent.children : doc.clauses;
  const run = siblings.slice(siblings.indexOf(clause)).filter((c) => c.style === clause.style && c.number !== null);
  const labels = new Map<Clause, string>();
  for (const c of run) {
    const o = ordinals.ordinal(c.number!);
    if (!o) continue;
    labels.set(c, c === clause ? toLabel : ordinals.write(o.value + delta, o.suffix, c.number!));
  }
  if (delta === 0 && toLabel === fromLabel) throw new EditError(`Clause ${from} is already numbered ${to}`);
  if (delta === 0) for (const c of run) if (c !== clause) labels.delete(c);
  for (const sibling of siblings) {
    if (labels.has(sibling)) continue;
    const clash = [...labels].find(([, label]) => label === sibling.number);
    if (clash) throw new EditError(`renumbering ${clash[0].number} to ${clash[1]} would clash with the clause already numbered ${sibling.number} (line ${sibling.position.start.line}); delete or renumber that one first`);
  }

  // Every reference key below the renumbered clauses, old -> new.
  const names = new Map<Clause, string>();
  for (const [name, c] of index) if (!names.has(c)) names.set(c, name);
  const keys = new Map<string, string>();
  const relabel = new Map<Clause, { from: string; to: string }>();
  for (const [c, label] of labels) {
    const oldKey = names.get(c)!;
    const newKey = oldKey.slice(0, oldKey.length - ownLabel(oldKey, c.style).length) + label;
    relabel.set(c, { from: c.number!, to: label });
    for (const d of walkClauses([c])) {
      const old = names.get(d);
      if (!old || !old.startsWith(oldKey)) continue;
      keys.set(old, newKey + old.slice(oldKey.length));
      // A decimal sub-clause carries its parent's number in its own (9.4.1 -> 9.3.1).
      if (d !== c && d.style === 'decimal' && d.number!.startsWith(`${c.number}.`)) relabel.set(d, { from: d.number!, to: label + d.number!.slice(c.number!.length) });
    }
  }

  const edits: Edit[] = [];
  for (const [c, change] of relabel) edits.push(labelEdit(source, c, change.from, change.to));
  let references = 0;
  const blocks = [...doc.preamble, ...[...walkClauses(doc.clauses)].flatMap((c) => [...c.content, ...c.tail])];
  for (const x of xrefsIn(blocks)) {
    const next = x.scope === 'clause' ? keys.get(x.target) : undefined;
    if (next === undefined || !x.position?.start.offset) continue;
    const written = x.children[0]?.type === 'text' ? x.children[0].value : x.target;
    const at = locate(source, x.target, x.position.start.offset + written.length - x.target.length);
    if (at === null) throw new EditError(`cannot find the reference to Clause ${x.target} at line ${x.position.start.line} in the source; edit it by hand`);
    edits.push(edit(source, at, x.target.length, next));
    references++;
  }
  let rules = 0;
  for (const c of walkClauses(doc.clauses)) {
    for (const annotation of c.annotations) {
      const start = annotation.position.start.offset ?? 0;
      const block = source.slice(start, annotation.position.end.offset);
      const m = /^([ \t]*clause:[ \t]*)(["']?)([^"'\s#]+)\2/m.exec(block);
      const next = m ? keys.get(m[3]!) : undefined;
      if (!m || next === undefined) continue;
      edits.push(edit(source, start + m.index + m[1]!.length + m[2]!.length, m[3]!.length, next));
      rules++;
    }
  }
  const renumbered = [...relabel.values()].map((r) => ({ from: r.from, to: r.to }));
  return { edits, renumbered, references, rules };
}

/** The label where the clause starts: after `#`, `**`, a list marker or nothing. */
function labelEdit(source: string, c: Clause, from: string, to: string): Edit {
  const start = c.position.start.offset ?? 0;
  const lineEnd = source.indexOf('\n', start);
  const line = source.slice(start, lineEnd < 0 ? undefined : lineEnd);
  const m = new RegExp(String.raw`^(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?(${escape(from)})(?![\w.]*\d)`).exec(line);
  if (!m) throw new EditError(`cannot find the label ${from} at line ${c.position.start.line} in the source; edit it by hand`);
  return edit(source, start + m[0].length - m[1]!.length, from.length, to);
}

/** Where `target` is written: at `guess`, or nearby when escapes shifted the parser's offset. */
function locate(source: string, target: string, guess: number): number | null {
  if (source.startsWith(target, guess)) return guess;
  for (let d = 1; d <= 40; d++) {
    if (source.startsWith(target, guess - d)) return guess - d;
    if (source.startsWith(target, guess + d)) return guess + d;
  }
  return null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
