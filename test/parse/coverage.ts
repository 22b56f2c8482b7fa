/**
 * No lost text: every word of a document's body must reach its tree JSON. Words are runs of
 * letters and digits, counted (a word written three times must be in the tree three times), so a
 * lost item is seen even when its words occur elsewhere. What the tree does not record by design
 * is markup, taken out of the source first: front matter, HTML comments, link reference
 * definitions and the reference labels that use them, character references (`&amp;`), and the
 * digits of an ordered list's markers (a reader numbers `1.`, `1.`, `1.` as 1, 2, 3, and the tree
 * records that numbering, not the digits). Only a line's first marker is markup: the date in
 * `1.  31. Oktober 2012` is text.
 */
const WORD = /[\p{L}\p{N}]+/gu;

/** Keys of the tree JSON that are derived or structural, not text of the source. */
const DERIVED = new Set(['id', 'path', 'style', 'type', 'target', 'scope', 'text', 'line', 'column', 'align', 'ordered', 'secdoc-api-version', 'numbering', 'kind', 'frontMatter']);

function count(words: Iterable<string>, into = new Map<string, number>()): Map<string, number> {
  for (const w of words) into.set(w, (into.get(w) ?? 0) + 1);
  return into;
}

function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/** The words of a Markdown body, markup left out. */
export function bodyWords(source: string): Map<string, number> {
  let body = source.replace(/\r\n?/g, '\n');
  const front = /^---\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(body);
  if (front) body = body.slice(front[0].length);
  body = body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^ {0,3}\[[^\]\n]+\]:.*$/gm, ' ')
    .replace(/\]\[[^\]\n]*\]/g, '] ')
    .replace(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, ' ')
    .replace(/^((?:[ \t]|>|[-*+](?=[ \t]))*)\d{1,9}[.)](?=[ \t]|$)/gm, '$1');
  return count(wordsOf(body));
}

/** The words the tree JSON records: every string value but the derived ones, and the document's heading but not its metadata. */
export function treeWords(tree: { document: { heading: string | null }; preamble: unknown; sections: unknown; clauses: unknown }): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') count(wordsOf(value), out);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        // A clause's rules were fenced as ```rule: the fence's word is recorded by where they stand.
        if (k === 'rules' && Array.isArray(v)) count(v.map(() => 'rule'), out);
        if (!DERIVED.has(k)) walk(v);
      }
    }
  };
  walk(tree.document.heading);
  walk(tree.preamble);
  walk(tree.sections);
  walk(tree.clauses);
  return out;
}

/** Words of the body the tree holds fewer times than the body does, as `word ×missing`. */
export function lostWords(source: string, tree: Parameters<typeof treeWords>[0]): string[] {
  const have = treeWords(tree);
  const lost: string[] = [];
  for (const [word, n] of bodyWords(source)) {
    const missing = n - (have.get(word) ?? 0);
    if (missing > 0) lost.push(`${word} ×${missing}`);
  }
  return lost;
}
