/**
 * `secdoc rename-term`: a defined term's definition and every use in the version's clauses and
 * rules, in the forms running text takes (plural, possessive), across line wraps. Text outside
 * the clauses (the version-history table) is left alone.
 */
import type { ClauseDocument } from '../model/types.js';
import { definedTerms } from '../model/query.js';
import { edit, EditError, type Edit } from './splice.js';

export interface RenameResult {
  edits: Edit[];
  uses: number;
}

/** Plural of a term's last word (`Issue` -> `Issues`, `Party` -> `Parties`). */
function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  return /(s|x|ch|sh)$/.test(word) ? word + 'es' : word + 's';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function renameTerm(source: string, doc: ClauseDocument, from: string, to: string): RenameResult {
  const defined = definedTerms(doc);
  if (!defined.some((d) => d.term === from)) {
    const similar = defined.filter((d) => d.term.toLowerCase() === from.toLowerCase()).map((d) => d.term);
    throw new EditError(`no term \`${from}\` in the definitions of ${doc.id}${similar.length > 0 ? ` (did you mean \`${similar[0]}\`?)` : ''}`);
  }
  if (defined.some((d) => d.term === to)) throw new EditError(`\`${to}\` is already a defined term of ${doc.id}`);
  const fromWords = from.split(/\s+/);
  const toWords = to.split(/\s+/);
  const last = fromWords.length - 1;
  // The words of the term, any white space between them (a line may wrap inside a term).
  const head = fromWords.slice(0, last).map((w) => `${escape(w)}(\\s+)`).join('');
  const pattern = new RegExp(String.raw`(?<![\w-])${head}(${escape(fromWords[last]!)}|${escape(plural(fromWords[last]!))})(?![\w-])`, 'g');
  const newLast = toWords[toWords.length - 1]!;

  const edits: Edit[] = [];
  // Clause text and rule blocks: each top-level clause's span of the source.
  for (const c of doc.clauses) {
    const start = c.position.start.offset ?? 0;
    const span = source.slice(start, c.position.end.offset);
    for (const m of span.matchAll(pattern)) {
      const spaces = m.slice(1, last + 1);
      const isPlural = m[last + 1] !== fromWords[last];
      // Keep the author's line breaks where the word count allows; otherwise single spaces.
      const gaps = toWords.length === fromWords.length ? spaces : toWords.slice(1).map(() => ' ');
      const words = toWords.map((w, i) => (i === toWords.length - 1 && isPlural ? plural(newLast) : w));
      const text = words.map((w, i) => (i === 0 ? w : `${gaps[i - 1]}${w}`)).join('');
      edits.push(edit(source, start + m.index!, m[0].length, text));
    }
  }
  return { edits, uses: edits.length };
}
