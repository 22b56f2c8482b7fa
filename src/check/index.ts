/**
 * Checks: each looks at the parsed corpus and reports problems on the source files.
 * Per-document checks see one document; corpus checks see how documents relate.
 */
import type { VFile } from 'vfile';
import type { Corpus } from '../corpus/index.js';
import { hasBrokenFrontMatter } from '../diagnostics/index.js';
import type { ClauseDocument } from '../model/types.js';
import { checkAcrossVersions } from './across.js';
import { checkLinks } from './links.js';
import { checkNumbering } from './numbering.js';
import { checkRules } from './rules.js';
import { checkTerms } from './terms.js';
import { checkVersions } from './versions.js';
import { checkXrefs } from './xref.js';

export type DocumentCheck = (doc: ClauseDocument, file: VFile, corpus: Corpus) => void;
export type CorpusCheck = (corpus: Corpus, fileOf: (doc: ClauseDocument) => VFile) => void;

export const documentChecks: DocumentCheck[] = [checkNumbering, checkXrefs, checkTerms, checkLinks];
export const corpusChecks: CorpusCheck[] = [checkVersions, checkRules, checkAcrossVersions];

/** Run every check over the corpus; problems land on `corpus.files`. */
export function checkCorpus(corpus: Corpus, extra: { document?: DocumentCheck[]; corpus?: CorpusCheck[] } = {}): void {
  const byPath = new Map(corpus.files.map((f) => [f.path, f]));
  const fileOf = (doc: ClauseDocument) => byPath.get(doc.path)!;
  for (const doc of [...corpus.versions, ...corpus.directions]) {
    const file = fileOf(doc);
    // A document whose front matter is broken is not checked further: its problems would cascade.
    // Any other load error (a control character, nesting too deep) is reported once, where it is,
    // and the document's clauses are still checked.
    if (hasBrokenFrontMatter(file)) continue;
    for (const check of [...documentChecks, ...(extra.document ?? [])]) check(doc, file, corpus);
  }
  for (const check of [...corpusChecks, ...(extra.corpus ?? [])]) check(corpus, fileOf);
}

export { glyphCheck, type GlyphProbe } from './glyphs.js';
