/**
 * Front matter and chunking. remark-parse is superlinear on long inputs, so the body is cut at
 * ATX headings (outside fenced code and HTML comments), each chunk is parsed alone, and positions
 * are shifted back. A heading always ends the block before it in CommonMark, so the cut changes
 * nothing but speed. Link reference definitions are global, so every chunk gets them.
 */

export interface FrontMatter {
  /** The YAML text between the fences. */
  yaml: string;
  /** 1-based line of the first YAML line. */
  line: number;
}

export interface Chunk {
  text: string;
  /** Lines and characters before the chunk in the whole file. */
  line: number;
  offset: number;
}

export interface SplitSource {
  frontMatter: FrontMatter | null;
  /** A front matter block that was opened but never closed: its opening line. */
  unclosedFrontMatter: boolean;
  chunks: Chunk[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[(?!\^)[^\]\n]+\]:\s*\S/;

/**
 * Below this many characters a chunk takes the next heading's section too: each parse has a fixed
 * cost (micromark combines its constructs, mdast-util-from-markdown its handlers), which a code
 * with one heading per article (1,264 in the Code de la consommation) paid per article.
 */
export const MIN_CHUNK_CHARS = 8192;

export function splitSource(text: string, cutAtHeadings = true, minChunkChars = MIN_CHUNK_CHARS): SplitSource {
  const lines = text.split('\n');
  let index = 0;
  let offset = 0;
  let frontMatter: FrontMatter | null = null;
  let unclosedFrontMatter = false;

  if (lines[0] !== undefined && /^---\s*$/.test(lines[0])) {
    let end = 1;
    while (end < lines.length && !/^(---|\.\.\.)\s*$/.test(lines[end]!)) end++;
    if (end < lines.length) {
      frontMatter = { yaml: lines.slice(1, end).join('\n'), line: 2 };
      for (let i = 0; i <= end; i++) offset += lines[i]!.length + 1;
      index = end + 1;
    } else {
      unclosedFrontMatter = true;
    }
  }

  const definitions = lines.filter((l) => DEFINITION.test(l));
  const suffix = definitions.length > 0 ? '\n\n' + definitions.join('\n') + '\n' : '';

  const chunks: Chunk[] = [];
  let chunkStart = index;
  let chunkOffset = offset;
  let fence: string | null = null;
  let inComment = false;
  const cut = (endLine: number, endOffset: number) => {
    if (endLine > chunkStart) {
      chunks.push({
        text: text.slice(chunkOffset, endOffset) + suffix,
        line: chunkStart,
        offset: chunkOffset,
      });
    }
    chunkStart = endLine;
    chunkOffset = endOffset;
  };

  for (let i = index; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[1]) fence = null;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else {
      const open = FENCE.exec(line);
      if (open) fence = open[1]!;
      else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) inComment = true;
      else if (cutAtHeadings && HEADING.test(line) && i > chunkStart && offset - chunkOffset >= minChunkChars) cut(i, offset);
    }
    offset += line.length + 1;
  }
  cut(lines.length, text.length);
  return { frontMatter, unclosedFrontMatter, chunks };
}
