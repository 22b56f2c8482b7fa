/** Two clauses with one number, and numbers out of sequence (`18.11` then `18.13`). */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import type { Clause, ClauseDocument } from '../model/types.js';
import { isRoman, romanValue } from '../parse/labels.js';
import { referenceKey } from '../model/query.js';

export function checkNumbering(doc: ClauseDocument, file: VFile): void {
  const seen = new Map<string, Clause>();
  const visit = (siblings: Clause[], parent: Clause | null) => {
    let previous: Clause | null = null;
    for (const c of siblings) {
      if (c.number !== null) {
        const key = referenceKey(c, parent);
        const first = seen.get(key);
        if (first) {
          report(file, 'duplicate-number', `Unexpected second clause numbered \`${c.number}\`, expected unique numbers (first at line ${first.position.start.line})`, c.position.start);
        } else seen.set(key, c);
        if (parent?.style === 'decimal' && c.style === 'decimal' && parent.number && !c.number.startsWith(parent.number + '.')) {
          report(file, 'number-sequence', `Unexpected clause \`${c.number}\` inside clause \`${parent.number}\`, expected a number starting \`${parent.number}.\``, c.position.start);
        }
        if (previous && previous.style === c.style && previous.number !== null && !first) {
          const problem = sequenceProblem(previous.number, c.number, c.style);
          if (problem) report(file, 'number-sequence', problem, c.position.start);
        }
        previous = c;
      }
      visit(c.children, c.number !== null ? c : parent);
    }
  };
  visit(doc.clauses, null);
}

interface Ordinal {
  value: number;
  suffix: string;
}

function ordinal(number: string, style: string): Ordinal | null {
  if (style === 'decimal') {
    const last = number.split('.').pop()!;
    const m = /^(\d+)([A-Z]*)$/.exec(last);
    return m ? { value: Number(m[1]), suffix: m[2]! } : null;
  }
  const inner = number.replace(/[()§.\s]|Art|Artikel|Article/g, '');
  if (style === 'paren-roman') return isRoman(inner) ? { value: romanValue(inner), suffix: '' } : null;
  if (style === 'paren-alpha' || style === 'alpha' || style === 'paren-upper' || style === 'letter-heading' || style === 'double-alpha') {
    return { value: inner.toLowerCase().charCodeAt(0) - 96 + (inner.length - 1) * 26, suffix: '' };
  }
  const m = /^(\d+)([a-zA-Z]*)$/.exec(inner);
  return m ? { value: Number(m[1]), suffix: m[2]!.toUpperCase() } : null;
}

function sequenceProblem(prev: string, next: string, style: string): string | null {
  const a = ordinal(prev, style);
  const b = ordinal(next, style);
  if (!a || !b) return null;
  // 18.12 -> 18.12A -> 18.12B -> 18.13: a suffix continues its base number.
  if (b.value === a.value && b.suffix > a.suffix) return null;
  if (b.value === a.value + 1 && b.suffix === '') return null;
  if (b.value <= a.value) return `Unexpected clause \`${next}\` after \`${prev}\`, expected numbers in ascending order`;
  return `Unexpected clause \`${next}\` after \`${prev}\`, expected the next number (a gap in the numbering)`;
}
