/**
 * The Word reader: a .docx package -> the block model (./blocks.ts, numbering as Word shows it,
 * tracked changes accepted or rejected) -> mdast -> Markdown in the source syntax the parser reads.
 * It reads bytes and returns text and warnings; the command does the files.
 */
import { stringify as yamlStringify } from 'yaml';
import { BlockReader, type ChangeMode, type ImportWarning } from './blocks.js';
import { bodyTree, stringify } from './markdown.js';
import { readPackage, type WordPackage } from './package.js';

export { PackageError } from './package.js';
export type { ChangeMode, ImportWarning } from './blocks.js';

/** Front matter fields the caller gives; the title falls back to the file's own. */
export interface FrontMatterOptions {
  appendix?: string;
  shortName?: string;
  title?: string;
  version?: string;
  replaces?: string;
  designatedBy?: string;
  classification?: string;
}

export interface ImportResult {
  markdown: string;
  warnings: ImportWarning[];
}

export interface WordFile {
  /** The source with every tracked change accepted (`accept`) or rejected (`reject`). */
  source(mode: ChangeMode, frontMatter?: FrontMatterOptions): ImportResult;
}

/** Open a .docx once; each reading of it is independent. Throws PackageError on a broken file. */
export function openWordFile(bytes: Uint8Array): WordFile {
  const pkg = readPackage(bytes);
  return { source: (mode, frontMatter = {}) => importPackage(pkg, mode, frontMatter) };
}

export function importDocx(bytes: Uint8Array, options: { mode?: ChangeMode; frontMatter?: FrontMatterOptions } = {}): ImportResult {
  return openWordFile(bytes).source(options.mode ?? 'accept', options.frontMatter);
}

function importPackage(pkg: WordPackage, mode: ChangeMode, options: FrontMatterOptions): ImportResult {
  const { blocks, warnings } = new BlockReader(pkg, mode).read();
  const body = bodyTree(blocks, { sec: options.appendix !== undefined });
  const title = options.title ?? body.title ?? pkg.title;
  const markdown = `${frontMatterOf(options, title)}${stringify(body.root)}`;
  const all = [...warnings, ...body.warnings].sort((a, b) => a.paragraph - b.paragraph);
  return { markdown, warnings: all };
}

/** A version's front matter when an appendix or version is given, else just a title. */
function frontMatterOf(o: FrontMatterOptions, title: string | null): string {
  const fields: Record<string, string> = {};
  const version = o.appendix !== undefined || o.version !== undefined;
  if (o.appendix !== undefined) fields.appendix = o.appendix;
  if (o.shortName !== undefined) fields.short_name = o.shortName;
  if (title !== null) fields.title = title;
  if (o.version !== undefined) fields.version = o.version;
  if (o.replaces !== undefined) fields.replaces = o.replaces;
  if (o.designatedBy !== undefined) fields.designated_by = o.designatedBy;
  if (o.classification !== undefined) fields.classification = o.classification;
  if (!version && title === null) return '';
  // A version is a string that looks like a number, so YAML quotes it, as the sources do.
  const yaml = yamlStringify(fields, { lineWidth: 0 });
  return `---\n${yaml}---\n\n`;
}
