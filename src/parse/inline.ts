/**
 * mdast phrasing content -> model inlines, finding cross-references in text as it goes.
 */
import type { PhrasingContent } from 'mdast';
import type { Inline, Position, XrefScope } from '../model/types.js';
import { pointFinder, type Start } from '../model/position.js';

export interface Shift {
  line: number;
  offset: number;
}

const CLAUSE_NUMBER = String.raw`\d+[A-Z]{0,2}(?:\.\d+[A-Z]{0,2})*(?:\([a-z0-9]{1,5}\))*`;
const SEC_SECTION = String.raw`[A-Z]\d+(?:\.\d+[A-Z]{0,2})*(?:\([a-z0-9]{1,5}\))*`;

/** One pattern with named groups so text is scanned once. */
const XREF = new RegExp(
  [
    String.raw`\b(?<clauseWord>Clauses?|Paragraphs?)\s+(?<clause>${CLAUSE_NUMBER})(?<more>(?:(?:\s*,\s*|\s+(?:and|or|to)\s+)${CLAUSE_NUMBER}(?![\w.]))*)`,
    String.raw`\bSections?\s+(?<section>${SEC_SECTION})`,
    String.raw`\bSections?\s+(?<localSection>\d+(?:\.\d+[A-Z]?)*)(?![\w])`,
    String.raw`\bAppendix\s+(?<appendix>[A-Z]{1,2})\b`,
    String.raw`(?<paragraphSign>§)\s?(?<statute>\d+[a-z]*)\b`,
  ].join('|'),
  'g',
);
const MORE_NUMBER = new RegExp(CLAUSE_NUMBER, 'g');

export function toInlines(nodes: readonly PhrasingContent[], shift: Shift): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        pushText(out, node.value, node.position ? shiftPoint(node.position.start, shift) : undefined);
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: toInlines(node.children, shift) });
        break;
      case 'strong':
        out.push({ type: 'strong', children: toInlines(node.children, shift) });
        break;
      case 'delete':
        out.push({ type: 'delete', children: toInlines(node.children, shift) });
        break;
      case 'inlineCode':
        out.push({ type: 'code', value: node.value });
        break;
      case 'link':
        out.push({ type: 'link', url: node.url, children: toInlines(node.children, shift) });
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'html':
        // Inline HTML is kept as literal text: renderers escape it, never interpret it.
        if (!/^<!--/.test(node.value)) pushText(out, node.value, undefined);
        break;
      case 'image':
        pushText(out, node.alt ?? '', undefined);
        break;
      case 'footnoteReference':
        pushText(out, `[^${node.identifier}]`, undefined);
        break;
      default:
        // linkReference, imageReference and others: keep their visible text.
        if ('children' in node) out.push(...toInlines(node.children as PhrasingContent[], shift));
        else if ('value' in node) pushText(out, String((node as { value: unknown }).value), undefined);
    }
  }
  return out;
}


function shiftPoint(p: { line: number; column: number; offset?: number }, shift: Shift): Start {
  return { line: p.line + shift.line, column: p.column, offset: (p.offset ?? 0) + shift.offset };
}

/** Split a text run into text and xref nodes. */
function pushText(out: Inline[], value: string, start: Start | undefined): void {
  const at = pointFinder(value, start);
  let last = 0;
  XREF.lastIndex = 0;
  for (let m = XREF.exec(value); m; m = XREF.exec(value)) {
    const g = m.groups!;
    if (m.index > last) appendText(out, value.slice(last, m.index), at(last));
    if (g.clause) {
      const head = `${g.clauseWord} ${g.clause}`;
      const headLength = m[0].length - (g.more?.length ?? 0);
      out.push(xref('clause', g.clause, m[0].slice(0, headLength) || head, at(m.index)));
      if (g.more) {
        // "Clauses 18.12 to 18.15": each number is its own reference.
        let cursor = 0;
        MORE_NUMBER.lastIndex = 0;
        for (let n = MORE_NUMBER.exec(g.more); n; n = MORE_NUMBER.exec(g.more)) {
          if (n.index > cursor) appendText(out, g.more.slice(cursor, n.index));
          out.push(xref('clause', n[0], n[0], at(m.index + headLength + n.index)));
          cursor = n.index + n[0].length;
        }
        if (cursor < g.more.length) appendText(out, g.more.slice(cursor));
      }
    } else if (g.section) {
      out.push(xref('section', g.section, m[0], at(m.index)));
    } else if (g.localSection) {
      out.push(xref('clause', g.localSection, m[0], at(m.index)));
    } else if (g.appendix) {
      out.push(xref('appendix', g.appendix, m[0], at(m.index)));
    } else if (g.statute) {
      out.push(xref('clause', `§ ${g.statute}`, m[0], at(m.index)));
    }
    last = m.index + m[0].length;
  }
  if (last < value.length) appendText(out, value.slice(last), at(last));
}

function xref(scope: XrefScope, target: string, text: string, at: Start | undefined): Inline {
  const node: Inline = { type: 'xref', scope, target, children: [{ type: 'text', value: text }] };
  if (at) node.position = { start: at, end: { line: at.line, column: at.column + text.length } } as Position;
  return node;
}

function appendText(out: Inline[], value: string, at?: Start): void {
  const prev = out[out.length - 1];
  if (prev && prev.type === 'text') prev.value += value;
  else out.push(at ? { type: 'text', value, position: { start: at, end: at } as Position } : { type: 'text', value });
}
