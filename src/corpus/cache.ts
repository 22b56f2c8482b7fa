/**
 * The tree cache: a parsed document stored under a hash of everything its parse depends on (the
 * file's bytes and path, the parse options, the parser's code and version), the way ESLint,
 * Prettier and TypeScript keep theirs, so an unchanged file is never parsed twice.
 *
 * An entry is `MAGIC`, the SHA-256 of its payload, and the payload: the V8 serialisation of the
 * key, the document and the parse's diagnostics (V8's format keeps typed arrays, Maps and shared
 * references, so any tree shape round-trips), and, once the document has been compared, its
 * digest (model/digest.ts), so a warm redline does not hash its text again. A read checks all three before it trusts an entry;
 * anything else (truncated, damaged, another key, another format) is a miss, and the fresh
 * parse's entry replaces it. Entries are written to a temporary file and renamed into place, so a
 * reader never sees half an entry, even with several processes sharing the folder.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { report, type RuleId } from '../diagnostics/index.js';
import { packDigest, type PackedDigest } from '../model/digest.js';
import type { ClauseDocument, Position } from '../model/types.js';
import type { ChunkStore, ParsedChunk, ParseOptions } from '../parse/index.js';
import type { CharacterPlaces } from '../parse/characters.js';
import { decodeSource } from '../parse/decode.js';
import { installedVersion } from './fingerprint.js';
import { markdownParser } from './parser.js';
import { readSealedValue, writeSealedValue } from './sealed.js';

/** Raise when the tree's shape changes in a way the code fingerprint below would not catch. */
export const TREE_SCHEMA = 4;

const MAGIC = Buffer.from('SECDOC-TREE-1\n');
const CHUNK_MAGIC = Buffer.from('SECDOC-CHUNK-1\n');

/** A diagnostic of the parse, as `report` was called: replayed onto the file on a cache hit. */
export interface ParseMessage {
  ruleId: RuleId;
  reason: string;
  place: Position | { line: number; column: number } | undefined;
}

/** What parsing one source gives: the document (null when the bytes are not Markdown text) and its diagnostics. */
export interface ParsedSource {
  doc: ClauseDocument | null;
  messages: ParseMessage[];
  /** Characters beyond Latin-1 and common punctuation, with their first place, for the glyph check. */
  unusualCharacters?: CharacterPlaces;
  /** The document's digest for comparison, when a command that compares it asked for one. */
  digest?: PackedDigest;
}

/** `parsed` with its document's digest (made now, unless it already was). */
export function withDigest(parsed: ParsedSource): ParsedSource {
  return parsed.doc ? { ...parsed, digest: packDigest(parsed.doc) } : parsed;
}

export interface TreeCache {
  /** The entry stored under `key`, or null when there is none that can be trusted. */
  get(key: string): ParsedSource | null;
  set(key: string, value: ParsedSource): void;
  /** The parsed chunks of sources, for a parse after a miss (a file edited in one chunk parses that chunk). */
  readonly chunks?: ChunkStore | null;
}

/** Parse one source's bytes, the way every command reads a file (decode, then parse). */
export function parseSource(path: string, bytes: Uint8Array, options: ParseOptions, chunks: ChunkStore | null = null): ParsedSource {
  const file = new VFile({ path });
  const text = decodeSource(bytes, file);
  const doc = text === null ? null : markdownParser().parseDocument(text, file, options, chunks);
  const messages = file.messages.map((m) => ({ ruleId: m.ruleId as RuleId, reason: m.reason, place: m.place ?? undefined }));
  return { doc, messages, ...(file.data.unusualCharacters ? { unusualCharacters: file.data.unusualCharacters } : {}) };
}

/** The parse's diagnostics (and what it noted for the checks) on a fresh file, as the parse itself would have left them. */
export function fileOf(path: string, messages: readonly ParseMessage[], unusualCharacters?: CharacterPlaces): VFile {
  const file = new VFile({ path });
  for (const m of messages) report(file, m.ruleId, m.reason, m.place);
  if (unusualCharacters) file.data.unusualCharacters = unusualCharacters;
  return file;
}

/** Everything a parse depends on besides the bytes: the path (ids default to the file name), options and the parser. */
export function cacheKey(path: string, bytes: Uint8Array, options: ParseOptions): string {
  return createHash('sha256')
    .update(parserFingerprint())
    .update('\0')
    .update(JSON.stringify({ path, requireFrontMatter: Boolean(options.requireFrontMatter), whole: Boolean(options.whole) }))
    .update('\0')
    .update(bytes)
    .digest('hex');
}

let fingerprint: string | null = null;

/**
 * secdoc's version, the tree schema, V8's (whose serialisation the entries use), the Markdown
 * libraries' versions, and a hash of the parser's and model's own code: a cache made by other
 * code is never read, even between two commits of the same version.
 */
export function parserFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  const pkg = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version: string };
  hash.update(`secdoc ${pkg.version} schema ${TREE_SCHEMA} v8 ${process.versions.v8}\n`);
  // yaml reads the front matter, whose fields the document's meta holds.
  for (const name of ['remark-parse', 'mdast-util-from-markdown', 'micromark', 'yaml']) {
    hash.update(`${name} ${installedVersion(name, here)}\n`);
  }
  for (const folder of ['../parse', '../model', '.']) {
    const dir = join(here, folder);
    for (const name of readdirSync(dir).sort()) {
      if (/\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')) hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** A cache in a folder on disk; every failure to read or write is a miss, never an error. */
export class DiskTreeCache implements TreeCache {
  readonly chunks: DiskChunkStore | null;

  /** `chunkDir`: where parsed chunks are kept (none when null). */
  constructor(
    readonly dir: string,
    readonly chunkDir: string | null = null,
  ) {
    this.chunks = chunkDir === null ? null : new DiskChunkStore(chunkDir);
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }

  get(key: string): ParsedSource | null {
    const entry = readSealedValue(this.pathOf(key), MAGIC) as { key?: unknown; value?: ParsedSource } | null;
    if (entry === null || typeof entry !== 'object' || entry.key !== key || !entry.value || !Array.isArray(entry.value.messages)) return null;
    return entry.value;
  }

  set(key: string, value: ParsedSource): void {
    writeSealedValue(this.pathOf(key), MAGIC, { key, value });
  }
}

/** The key of a parsed chunk: its text and the parser (a chunk parses the same in any file, at any place). */
export function chunkKey(text: string): string {
  return createHash('sha256').update(parserFingerprint()).update('\0chunk\0').update(text).digest('hex');
}

/**
 * Parsed chunks on disk, sealed as tree entries are, each under `chunkKey` of its text. A read
 * checks the seal, the key and the shape; anything else is a miss and the chunk is parsed again.
 */
export class DiskChunkStore implements ChunkStore {
  constructor(readonly dir: string) {}

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }

  get(text: string): ParsedChunk | null {
    const key = chunkKey(text);
    const entry = readSealedValue(this.pathOf(key), CHUNK_MAGIC) as { key?: unknown; value?: ParsedChunk } | null;
    if (entry === null || typeof entry !== 'object' || entry.key !== key) return null;
    const value = entry.value;
    if (!value || !Array.isArray(value.children) || (value.deepPrefixLine !== null && typeof value.deepPrefixLine !== 'number') || typeof value.deepNode !== 'object') return null;
    return value;
  }

  set(text: string, chunk: ParsedChunk): void {
    const key = chunkKey(text);
    writeSealedValue(this.pathOf(key), CHUNK_MAGIC, { key, value: chunk });
  }
}

/** Parse through the cache: a trusted entry when there is one, else a fresh parse that is stored. */
export function parseCached(path: string, bytes: Uint8Array, options: ParseOptions, cache: TreeCache | null): ParsedSource {
  if (!cache) return parseSource(path, bytes, options);
  const key = cacheKey(path, bytes, options);
  const hit = cache.get(key);
  if (hit) return hit;
  const fresh = parseSource(path, bytes, options, cache.chunks ?? null);
  // A file that is not Markdown text is not worth a cache entry: it fails before any parse.
  if (fresh.doc) cache.set(key, fresh);
  return fresh;
}

/** Whether an environment variable turns the cache off (`SECDOC_CACHE=0`, `false`, `off`, `no`). */
export function cacheDisabled(env: Readonly<Record<string, string | undefined>>): boolean {
  return /^(0|false|off|no)$/i.test(env.SECDOC_CACHE?.trim() ?? '');
}

/**
 * Where the cache lives: `SECDOC_CACHE_DIR` when set; else `node_modules/.cache/secdoc` of the
 * nearest package above `cwd` whose node_modules can be written (the find-cache-dir convention
 * Babel, ESLint and Prettier follow); else `$XDG_CACHE_HOME/secdoc` (`~/.cache/secdoc`).
 */
export function cacheDir(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  if (env.SECDOC_CACHE_DIR) return resolve(cwd, env.SECDOC_CACHE_DIR);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const modules = join(dir, 'node_modules');
      if (writable(modules)) return join(modules, '.cache', 'secdoc');
      break;
    }
    if (dirname(dir) === dir) break;
  }
  const base = env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), '.cache');
  return join(base, 'secdoc');
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

