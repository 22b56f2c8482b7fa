/**
 * The reader: Markdown text -> clause tree. A pure function of the text: no file system, no clock.
 */
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { report } from '../diagnostics/index.js';
import type { ClauseDocument } from '../model/types.js';
import { multiWordTerms } from '../model/query.js';
import { assignIds, TreeBuilder } from './build.js';
import { mayHoldTable, remarkStrikethrough, remarkTablesAndStrikethrough } from './gfm.js';
import { readMeta } from './meta.js';
import { splitSource } from './split.js';
import { readProse, type Piece } from './prose.js';
import { defuseDeepPrefixes, limitNesting, MAX_NESTING } from './nesting.js';

export interface ParseOptions {
  /** Documents under documents/ must say what they are; a loose Markdown file need not. */
  requireFrontMatter?: boolean;
  /** Parse the body in one piece instead of heading by heading (slow on large files; for tests). */
  whole?: boolean;
}

/**
 * One heading-delimited chunk of a source, parsed: its top-level blocks (nesting bounded,
 * positions relative to the chunk) and where it first nests too deep. A pure function of the
 * chunk's text (which carries the file's link definitions), so a store may keep it under a hash
 * of that text and give it back for the same text anywhere in any file.
 */
export interface ParsedChunk {
  children: RootContent[];
  /** The first line (0-based, in the chunk) whose container prefix was defused, or null. */
  deepPrefixLine: number | null;
  /** Where the first node nested too deep sits in the chunk (when no prefix was defused), or null. */
  deepNode: { line: number; column: number } | null;
}

/** Parsed chunks kept between parses (corpus/cache.ts keeps them on disk). */
export interface ChunkStore {
  get(text: string): ParsedChunk | null;
  /** Called before the tree builder reads the chunk (which changes some of its nodes): store a copy. */
  set(text: string, chunk: ParsedChunk): void;
}

// Decoding lives apart so that reading a YAML side file, or a tree from the cache, loads no Markdown parser.
export { decodeSource } from './decode.js';

/** Made on first use: the table constructs load with it (./gfm.ts). */
let withTables: Processor<Root> | null = null;
/** For text that cannot hold a table: the same tree, without trying a table on every line. */
const withoutTables = unified().use(remarkParse).use(remarkStrikethrough).freeze();

const processor = () => (withTables ??= unified().use(remarkParse).use(remarkTablesAndStrikethrough).freeze());

/** Parse Markdown into an mdast root (exposed for benchmarks that compare against bare remark). */
export function parseMarkdown(text: string): Root {
  return processor().parse(text);
}


/**
 * `chunks`, when given, answers the chunks it has seen (a file of several chunks, edited in one,
 * parses only that one) and is given every chunk parsed afresh.
 */
export function parseDocument(text: string, file: VFile, options: ParseOptions = {}, chunks: ChunkStore | null = null): ClauseDocument {
  const split = splitSource(text, !options.whole);
  const path = file.path ?? '<input>';
  if (split.unclosedFrontMatter) {
    report(file, 'front-matter-malformed', 'Unexpected end of file in front matter, expected a closing `---` line', { line: 1, column: 1 });
  } else if (!split.frontMatter && options.requireFrontMatter) {
    report(file, 'front-matter-missing', 'Missing YAML front matter, expected a `---` block naming the appendix, version and direction', { line: 1, column: 1 });
  }

  const docIdGuess = fileStem(path);
  const builder = new TreeBuilder(text, parseMarkdown);
  // A file of one chunk is kept whole in the tree cache: a chunk entry would only repeat it.
  const store = split.chunks.length > 1 ? chunks : null;
  for (const chunk of split.chunks) {
    let parsed = store?.get(chunk.text) ?? null;
    if (!parsed) {
      parsed = parseChunk(chunk.text);
      store?.set(chunk.text, parsed);
    }
    if (parsed.deepPrefixLine !== null) {
      report(file, 'nesting-too-deep', `Unexpected nesting more than ${MAX_NESTING} levels deep (block quotes or lists), expected a flatter structure; the lines below are read as plain text`, { line: parsed.deepPrefixLine + chunk.line + 1, column: 1 });
    } else if (parsed.deepNode) {
      report(file, 'nesting-too-deep', `Unexpected nesting more than ${MAX_NESTING} levels deep (block quotes, lists or emphasis), expected a flatter structure; the text below is read as plain text`, { line: parsed.deepNode.line + chunk.line, column: parsed.deepNode.column });
    }
    builder.addChunk(parsed.children, { line: chunk.line, offset: chunk.offset });
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

/**
 * Parse one chunk of a source's body (see ParsedChunk). Its plain prose is read without remark
 * (./prose.ts), unless `prose` is false (for the tests that compare the two); a chunk nested too
 * deep goes to remark whole.
 */
export function parseChunk(text: string, prose = true): ParsedChunk {
  const defused = defuseDeepPrefixes(text);
  const pieces: Piece[] = (prose && defused.firstLine === null && readProse(text)) || [{ markdown: defused.text, line: 0, offset: 0 }];
  const children: RootContent[] = [];
  let deepNode: ParsedChunk['deepNode'] = null;
  for (const piece of pieces) {
    if ('nodes' in piece) {
      for (const node of piece.nodes) children.push(node);
      continue;
    }
    const root = (mayHoldTable(piece.markdown) ? processor() : withoutTables).parse(piece.markdown) as Root;
    limitNesting(root, (node) => {
      if (deepNode || !node.position) return;
      deepNode = { line: node.position.start.line + piece.line, column: node.position.start.column };
    });
    if (piece.line > 0) shiftPositions(root, piece.line, piece.offset);
    // A loop, not a spread: a chunk with no heading to cut at may hold a hundred thousand blocks.
    for (const node of root.children) children.push(node);
  }
  return { children, deepPrefixLine: defused.firstLine, deepNode };
}

/** Move every position in `root` down `lines` lines and on `offset` characters. */
function shiftPositions(root: Root, lines: number, offset: number): void {
  visit(root, (node) => {
    const position = node.position;
    if (!position) return;
    position.start.line += lines;
    position.start.offset = (position.start.offset ?? 0) + offset;
    position.end.line += lines;
    position.end.offset = (position.end.offset ?? 0) + offset;
  });
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
