/**
 * The reader: Markdown text -> clause tree. A pure function of the text: no file system, no clock.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import type { ClauseDocument } from '../model/types.js';
import { multiWordTerms } from '../model/query.js';
import { assignIds, TreeBuilder } from './build.js';
import { mayHoldTable, remarkStrikethrough, remarkTablesAndStrikethrough } from './gfm.js';
import { readMeta } from './meta.js';
import { splitSource } from './split.js';
import { defuseDeepPrefixes, limitNesting, MAX_NESTING } from './nesting.js';

export interface ParseOptions {
  /** Documents under documents/ must say what they are; a loose Markdown file need not. */
  requireFrontMatter?: boolean;
  /** Parse the body in one piece instead of heading by heading (slow on large files; for tests). */
  whole?: boolean;
}

// Decoding lives apart so that reading a YAML side file, or a tree from the cache, loads no Markdown parser.
export { decodeSource } from './decode.js';

const processor = unified().use(remarkParse).use(remarkTablesAndStrikethrough).freeze();
/** For text that cannot hold a table: the same tree, without trying a table on every line. */
const withoutTables = unified().use(remarkParse).use(remarkStrikethrough).freeze();

/** Parse Markdown into an mdast root (exposed for benchmarks that compare against bare remark). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}


export function parseDocument(text: string, file: VFile, options: ParseOptions = {}): ClauseDocument {
  const split = splitSource(text, !options.whole);
  const path = file.path ?? '<input>';
  if (split.unclosedFrontMatter) {
    report(file, 'front-matter-malformed', 'Unexpected end of file in front matter, expected a closing `---` line', { line: 1, column: 1 });
  } else if (!split.frontMatter && options.requireFrontMatter) {
    report(file, 'front-matter-missing', 'Missing YAML front matter, expected a `---` block naming the appendix, version and direction', { line: 1, column: 1 });
  }

  const docIdGuess = fileStem(path);
  const builder = new TreeBuilder(text, parseMarkdown);
  for (const chunk of split.chunks) {
    const defused = defuseDeepPrefixes(chunk.text);
    const root = (mayHoldTable(defused.text) ? processor : withoutTables).parse(defused.text) as Root;
    let reported = false;
    if (defused.firstLine !== null) {
      reported = true;
      report(file, 'nesting-too-deep', `Unexpected nesting more than ${MAX_NESTING} levels deep (block quotes or lists), expected a flatter structure; the lines below are read as plain text`, { line: defused.firstLine + chunk.line + 1, column: 1 });
    }
    limitNesting(root, (node) => {
      if (reported || !node.position) return;
      reported = true;
      const { line, column } = node.position.start;
      report(file, 'nesting-too-deep', `Unexpected nesting more than ${MAX_NESTING} levels deep (block quotes, lists or emphasis), expected a flatter structure; the text below is read as plain text`, { line: line + chunk.line, column });
    });
    builder.addChunk(root.children, { line: chunk.line, offset: chunk.offset });
  }
  const built = builder.finish();
  const { meta, positions } = readMeta(split.frontMatter, file, () => built.title);
  // Clause IDs are prefixed with the document id, which comes from the front matter.
  const id = meta.kind === 'version' ? meta.appendix : meta.kind === 'direction' ? meta.id : docIdGuess;
  assignIds(id, built.clauses);

  if (built.clauses.length === 0 && built.sections.length === 0 && meta.kind !== 'direction' && !split.frontMatter && !looksLikeMarkdown(built.preamble.length, text)) {
    report(file, 'not-markdown', 'Unexpected text with no Markdown structure (no headings, numbered clauses or paragraphs), expected a Markdown document', { line: 1, column: 1 });
  }
  for (const stray of built.strayAnnotations) {
    report(file, 'rule-malformed', 'Unexpected rule block before any clause, expected it right after the provision it implements', stray.position.start);
  }
  return {
    type: 'document',
    id,
    meta,
    path,
    metaPositions: positions,
    numbering: built.numbering,
    heading: built.title,
    preamble: built.preamble,
    sections: built.sections,
    clauses: built.clauses,
    terms: multiWordTerms(built),
  };
}

function looksLikeMarkdown(blocks: number, text: string): boolean {
  // One long line of symbols is not a document; several paragraphs of prose are.
  return blocks >= 2 || /[A-Za-z]{3,}/.test(text);
}

/** `eeg_2009__stand-2012-08-17.md` -> `eeg_2009`: the document, not the version. */
export function fileStem(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.(md|markdown)$/i, '').split('__')[0] || 'document';
}
