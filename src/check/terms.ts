/**
 * Defined terms: a multi-word Capitalised Term used in the text must be defined in the local
 * definitions table or be a Section A term; a local term never used is a warning.
 */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import type { Corpus } from '../corpus/index.js';
import type { Block, Clause, ClauseDocument, Inline, Position } from '../model/types.js';
import { pointFinder } from '../model/position.js';
import { definedTerms, isDefinitionsTable } from '../model/query.js';

const CONNECTORS = new Set(['of', 'and', 'for', 'to', 'the', 'in', 'on', 'by']);
/** Words that open sentences or name dates: never the first word of a term. */
const NOT_LEADING = new Set(
  (
    'The A An Each Any Where If This These That Those In On For All No Such Every Subject Pursuant Without Nothing Following Before After ' +
    'Upon Once When Unless Within Under Until From By To At As It Its Save Except Whether Provided Notwithstanding Nor Or And But ' +
    'Both Either Neither Only Other Further Prior During Between Having Not Otherwise Accordingly However Instead ' +
    'Clause Clauses Section Sections Appendix Annex'
  ).split(' '),
);
const CALENDAR = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' '),
);

interface Candidate {
  phrase: string;
  words: string[];
  index: number;
}

/** Runs of two or more Capitalised words (with lower-case connectors inside) in a text. */
export function capitalisedPhrases(text: string): Candidate[] {
  const out: Candidate[] = [];
  const word = /[A-Za-z][A-Za-z0-9'’-]*/g;
  let run: { words: string[]; start: number } | null = null;
  let pendingConnectors: string[] = [];
  const flush = () => {
    if (run) {
      // Sentence openers and date words at the edges are not part of a term.
      // (An index, not shift(): shifting a long run word by word was quadratic.)
      let first = 0;
      while (first < run.words.length && (NOT_LEADING.has(run.words[first]!) || CALENDAR.has(run.words[first]!) || !isCapitalised(run.words[first]!))) first++;
      const words = run.words.slice(first);
      while (words.length > 0 && (CALENDAR.has(words[words.length - 1]!) || !isCapitalised(words[words.length - 1]!))) words.pop();
      if (words.filter((w) => isCapitalised(w)).length >= 2) {
        const phrase = words.join(' ');
        out.push({ phrase, words, index: text.indexOf(phrase, run.start) });
      }
    }
    run = null;
    pendingConnectors = [];
  };
  let lastEnd = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const gap = text.slice(lastEnd, m.index);
    const adjacent = /^ $/.test(gap);
    const w = m[0];
    if (run && !adjacent) flush();
    if (isCapitalised(w)) {
      if (!run) run = { words: [], start: m.index };
      run.words.push(...pendingConnectors, w);
      pendingConnectors = [];
    } else if (run && CONNECTORS.has(w)) {
      pendingConnectors.push(w);
    } else {
      flush();
    }
    lastEnd = m.index + w.length;
  }
  flush();
  return out;
}

function isCapitalised(w: string): boolean {
  return /^[A-Z]/.test(w);
}

export function checkTerms(doc: ClauseDocument, file: VFile, corpus: Corpus): void {
  if (doc.meta.kind !== 'version') return;
  const defined = definedTerms(doc);
  const known = new Set([...defined.map((d) => d.term), ...corpus.sectionATerms]);
  const used = new Map<string, number>();
  const knownForms = new Map<string, string>();
  for (const term of known) for (const form of forms(term)) knownForms.set(form, term);
  // No known term is longer than this, so no longer phrase is looked up.
  let longest = 1;
  for (const form of knownForms.keys()) longest = Math.max(longest, form.split(' ').length);

  const scanText = (value: string, start: Position['start'] | undefined, fallback: Position | undefined) => {
    const pointAt = pointFinder(value, start);
    for (const candidate of capitalisedPhrases(value)) {
      const result = segment(candidate.words, knownForms, longest);
      if ('used' in result) {
        for (const t of result.used) used.set(t, (used.get(t) ?? 0) + 1);
        continue;
      }
      const index = value.indexOf(result.undefinedPhrase, candidate.index);
      const at = pointAt(index < 0 ? candidate.index : index) ?? fallback?.start;
      report(file, 'term-undefined', `Unexpected undefined term \`${result.undefinedPhrase}\`, expected it in the definitions table or in Section A`, at);
    }
  };
  const scanInlines = (nodes: readonly Inline[], fallback: Position | undefined) => {
    for (const n of nodes) {
      if (n.type === 'text') scanText(n.value, n.position?.start, fallback);
      else if (n.type === 'emphasis' || n.type === 'strong' || n.type === 'delete') scanInlines(n.children, fallback);
    }
  };
  const scanBlocks = (blocks: readonly Block[], definitions: boolean) => {
    for (const b of blocks) {
      if (b.type === 'paragraph') scanInlines(b.children, b.position);
      else if (b.type === 'list') b.items.forEach((item) => scanBlocks(item, false));
      else if (b.type === 'quote') scanBlocks(b.children, false);
      else if (b.type === 'table') {
        const isDefinitions = definitions && isDefinitionsTable(b);
        // The term column of a definitions table defines; it does not use.
        for (const row of b.rows) row.forEach((cell, i) => (isDefinitions && i === 0 ? undefined : scanInlines(cell.children, b.position)));
      }
    }
  };
  const visit = (list: Clause[]) => {
    for (const c of list) {
      scanBlocks(c.content, true);
      scanBlocks(c.tail, true);
      visit(c.children);
    }
  };
  visit(doc.clauses);

  for (const d of defined) {
    if (!used.has(d.term)) {
      report(file, 'term-unused', `Unexpected unused defined term \`${d.term}\`, expected it to be used in the text or removed`, d.position?.start);
    }
  }
}

/** The forms a term takes in running text: as defined, plural, possessive. */
function forms(term: string): string[] {
  const last = term.split(' ').pop()!;
  const stem = term.slice(0, term.length - last.length);
  const plural = /y$/.test(last) && !/[aeiou]y$/.test(last) ? last.slice(0, -1) + 'ies' : /(s|x|ch|sh)$/.test(last) ? last + 'es' : last + 's';
  // A term defined in the plural ("User Systems") is also used in the singular.
  const singular = /ies$/.test(last) ? last.slice(0, -3) + 'y' : /[^s]s$/.test(last) ? last.slice(0, -1) : last;
  return [term, stem + plural, stem + singular, `${term}'s`, `${term}’s`];
}

/**
 * Match known terms in a phrase, longest first (no longer than `longest` words: linear in the phrase). Fails, naming the words, when two Capitalised
 * words next to each other belong to no known term (acronyms and codes such as DCC or SMETS1 may stand alone).
 */
function segment(words: string[], known: Map<string, string>, longest: number): { used: string[] } | { undefinedPhrase: string } {
  const n = words.length;
  const used: string[] = [];
  const covered = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; ) {
    let j = Math.min(n, i + longest);
    for (; j > i; j--) {
      const term = known.get(words.slice(i, j).join(' '));
      if (term) {
        used.push(term);
        covered.fill(true, i, j);
        break;
      }
    }
    i = j > i ? j : i + 1;
  }
  const loose = (k: number) => isCapitalised(words[k]!) && !covered[k] && !isStandalone(words[k]!);
  // An acronym or code stands alone, but opens a term when a loose word follows ("SMETS1 Installation").
  const opens = (k: number) => loose(k) || (isCapitalised(words[k]!) && !covered[k] && isStandalone(words[k]!));
  for (let k = 0; k + 1 < n; k++) {
    if (opens(k) && loose(k + 1)) {
      let end = k + 2;
      while (end < n && loose(end)) end++;
      return { undefinedPhrase: words.slice(k, end).join(' ') };
    }
  }
  return { used };
}

/** Acronyms and codes (DCC, SMETS1, MPxN) stand alone; they never need defining as a phrase. */
function isStandalone(word: string): boolean {
  return /^[A-Z0-9][A-Z0-9x]+$/.test(word) || /\d/.test(word);
}
