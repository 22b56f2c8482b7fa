/**
 * Characters the PDF's fonts cannot show would stop `build` at the PDF; validate reports them
 * first, at the first place each is used in each file. The PDF writer is asked which it cannot
 * show (one probe for the whole corpus, only when a source uses characters beyond Latin-1 and
 * common punctuation); the caller hands its probe in, since a check never imports a renderer.
 */
import type { Corpus } from '../corpus/index.js';
import { report } from '../diagnostics/index.js';
import { codePoint } from '../parse/characters.js';
import type { CorpusCheck } from './index.js';

/** Which of `characters` the output's fonts cannot show. */
export type GlyphProbe = (characters: string[]) => ReadonlySet<string>;

export const glyphCheck = (missingGlyphs: GlyphProbe): CorpusCheck => (corpus: Corpus) => {
  const used = new Set<string>();
  for (const file of corpus.files) for (const c of file.data.unusualCharacters?.keys() ?? []) used.add(c);
  if (used.size === 0) return;
  const missing = missingGlyphs([...used].sort());
  if (missing.size === 0) return;
  for (const file of corpus.files) {
    for (const [c, place] of file.data.unusualCharacters ?? []) {
      if (missing.has(c)) report(file, 'glyph-missing', `Unexpected character ${c} (${codePoint(c)}), which the PDF's fonts cannot show; write it another way`, place);
    }
  }
};
