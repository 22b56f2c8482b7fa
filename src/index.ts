/**
 * The secdoc library: `import { loadCorpus, parseDocument, diffDocuments } from 'secdoc'`. Every
 * answer is the same JSON object the matching `--json` command prints, so a service and the CLI
 * cannot disagree. Nothing here loads the PDF or Word writers.
 */
import { VFile } from 'vfile';
import { nodeHost } from './corpus/node-host.js';
import { findVersion, loadCorpus as loadSources, parseRef, type Corpus, type Host, type VersionDocument } from './corpus/index.js';
import { collect, formatDiagnostic, type Diagnostic } from './diagnostics/index.js';
import { diffDocuments as diffClauseTrees } from './diff/index.js';
import type { ClauseDocument } from './model/types.js';
import { decodeSource, parseDocument as parseSource } from './parse/index.js';
import { diffToJson, type DiffJson } from './render/json/diff.js';
import { treeToJson, type TreeJson } from './render/json/tree.js';
import { isIsoDate } from './model/sec.js';
import {
  atJson,
  evalJson,
  ruleDiffJson,
  rulesDocumentJson,
  rulesJson,
  type AtJson,
  type EvalJson,
  type RuleDiffJson,
  type RulesJson,
} from './render/json/rules.js';
import { historyJson, type HistoryJson } from './render/json/history.js';
import { factsJsonSchema, reportRuleProblems, QueryError, validateFacts, type FactProblem } from './rules/index.js';

export { QueryError };
export type { AtJson, EvalJson, HistoryJson, RuleDiffJson, RulesJson, Diagnostic, Host, FactProblem, TreeJson, DiffJson };
export type { ClauseJson } from './render/json/tree.js';
export type { RuleJson, VersionJson, TraceJson, ResultJson, NarrowingJson } from './render/json/rules.js';
export { rulesDocumentJson, rulesFiles, type RulesFile } from './render/json/rules.js';
export { answerOf as ruleAnswer, evaluate as evaluateLogic, factsJsonSchema, formatLogic, UNDETERMINED, validateFacts, type JsonLogic } from './rules/index.js';

/** A facts object that names an undeclared fact or gives one the wrong type or value. */
export class FactsError extends Error {
  constructor(readonly problems: FactProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/** A document with errors (not UTF-8, broken front matter...): each one at file:line:col. */
export class DocumentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
  }
}

export interface ParsedDocument {
  /** The clause tree, as `secdoc tree --json` prints it (schema: schemas/tree.schema.json). */
  tree: TreeJson;
  /** Warnings about the source; errors throw DocumentError instead. */
  diagnostics: Diagnostic[];
}

export interface DocumentOptions {
  /** Where the text came from: named in diagnostics and in the JSON; the document id is guessed
   * from it when there is no front matter (`eeg_2009__stand-2012.md` -> `eeg_2009`). */
  path?: string;
}

export interface DiffDocumentsOptions {
  oldPath?: string;
  newPath?: string;
  /** Also report changes that are only formatting or whitespace. */
  showFormatting?: boolean;
  /** Bound on each word diff, in tokens; past it a paragraph is shown replaced whole (default 4000). */
  maxEditLength?: number;
}

function readSource(source: string | Uint8Array, path: string): { doc: ClauseDocument; diagnostics: Diagnostic[] } {
  const file = new VFile({ path });
  const text = typeof source === 'string' ? decodeSource(new TextEncoder().encode(source), file) : decodeSource(source, file);
  const doc = text === null ? null : parseSource(text, file);
  const diagnostics = collect([file]);
  if (!doc || diagnostics.some((d) => d.severity === 'error')) throw new DocumentError(diagnostics);
  return { doc, diagnostics };
}

/** Parse one legal document (Markdown, front matter optional) into its clause tree. */
export function parseDocument(source: string | Uint8Array, options: DocumentOptions = {}): ParsedDocument {
  const { doc, diagnostics } = readSource(source, options.path ?? 'document.md');
  return { tree: treeToJson(doc), diagnostics };
}

/** Compare two documents clause by clause, as `secdoc diff --format json` prints (schema: schemas/diff.schema.json). */
export function diffDocuments(oldSource: string | Uint8Array, newSource: string | Uint8Array, options: DiffDocumentsOptions = {}): DiffJson {
  const before = readSource(oldSource, options.oldPath ?? 'old.md').doc;
  const after = readSource(newSource, options.newPath ?? 'new.md').doc;
  return diffToJson(diffClauseTrees(before, after, { showFormatting: options.showFormatting, maxEditLength: options.maxEditLength }));
}

export interface LoadOptions {
  /** File access; the real disk by default. */
  host?: Host;
}

export interface SecdocCorpus {
  /** The parsed sources, for lower-level use. */
  readonly corpus: Corpus;
  /** Problems in the sources, including rule problems. Answers skip what could not be read. */
  readonly diagnostics: Diagnostic[];
  /** Each document's version in force on `date`, and versions designated but not yet in force. */
  versionsAt(date: string): AtJson;
  /** The rules in force on `date`, for all documents or one (`AL`, `TMAD`, `AL@20.0`). */
  rulesAt(date: string, options?: { doc?: string }): RulesJson;
  /** Every rule of one version with what the text gives (`AL@20.0`): the published rule file. */
  rules(ref: string): RulesJson;
  /** Which rules in force on `date` apply to `facts`, with traces. Throws FactsError on bad facts. */
  evaluate(date: string, facts: unknown, options?: { doc?: string }): EvalJson;
  /** One clause (number, stable key or rule id) through every version, statuses on `at`. */
  history(doc: string, clause: string, options: { at: string }): HistoryJson;
  /** Rules added, removed and changed between two versions (`AL@19.0`, `AL@20.0`). */
  ruleChanges(oldRef: string, newRef: string): RuleDiffJson;
  /** A JSON Schema for facts objects, from documents/facts.yaml. */
  factsSchema(): Record<string, unknown>;
  /** The clause tree of one version (`AL@20.0`), as `secdoc tree --json` prints it. */
  tree(ref: string): TreeJson;
  /** The redline of two versions (`AL@19.0`, `AL@20.0`), as `secdoc diff --format json` prints it. */
  diff(oldRef: string, newRef: string, options?: { showFormatting?: boolean; maxEditLength?: number }): DiffJson;
}

function date(value: string): string {
  if (!isIsoDate(value)) throw new QueryError(`not a date: ${value} (expected YYYY-MM-DD)`);
  return value;
}

/** Load the sources under `dir` (a documents folder) and answer questions about them. */
export function loadCorpus(dir: string, options: LoadOptions = {}): SecdocCorpus {
  const host = options.host ?? nodeHost;
  if (!host.exists(dir)) throw new QueryError(`documents folder not found: ${dir}`);
  const corpus = loadSources(dir, host);
  const version = (ref: string): VersionDocument => {
    const parsed = parseRef(ref);
    if (!parsed) throw new QueryError(`not a document reference: ${ref} (expected DOC@VERSION such as AL@20.0)`);
    const found = findVersion(corpus, parsed.document, parsed.version);
    if (!found) throw new QueryError(`no document ${ref}`);
    return found;
  };
  return {
    corpus,
    get diagnostics(): Diagnostic[] {
      reportRuleProblems(corpus);
      return collect(corpus.files);
    },
    versionsAt: (at) => atJson(corpus, date(at)),
    rulesAt: (at, o = {}) => rulesJson(corpus, { at: date(at), doc: o.doc ?? null }),
    rules: (ref) => rulesDocumentJson(corpus, version(ref)),
    evaluate(at, facts, o = {}) {
      const checked = validateFacts(facts, corpus.facts);
      if (checked.problems.length > 0) throw new FactsError(checked.problems);
      return evalJson(corpus, date(at), checked.facts, { doc: o.doc ?? null });
    },
    history: (doc, clause, o) => historyJson(corpus, doc, clause, date(o.at)),
    ruleChanges: (a, b) => ruleDiffJson(corpus, version(a), version(b)),
    factsSchema: () => factsJsonSchema(corpus.facts),
    tree: (ref) => treeToJson(version(ref)),
    diff: (a, b, o = {}) => diffToJson(diffClauseTrees(version(a), version(b), { showFormatting: o.showFormatting, maxEditLength: o.maxEditLength })),
  };
}
