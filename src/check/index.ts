/**
 * Checks: each looks at the parsed corpus and reports problems on the source files.
 *
 * The checks run as units, each reporting on one document from inputs it names: a document's own
 * checks read that document (a direction's, also the versions it designates); a version's
 * history, rules and checks across versions read it, the version before it and the corpus's
 * front matter; the chains and designations read front matter only. Given a record of the last
 * run (./record.ts), a unit whose inputs hash as they did replays its diagnostics instead of
 * running, so after an edit only the units that read the edited source run, and an unchanged
 * source's tree is never read. Each file's diagnostics arrive in the same order either way.
 */
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import { FACTS_FILE, findVersion, SECTION_A_FILE, type Corpus, type VersionDocument } from '../corpus/index.js';
import { hasBrokenFrontMatter, report, type RuleId } from '../diagnostics/index.js';
import type { ClauseDocument } from '../model/types.js';
import { ruleChainBefore } from '../rules/compile.js';
import { reportVersionRuleProblems } from '../rules/index.js';
import { checkVersionAcross, replacedVersion } from './across.js';
import { checkLinks } from './links.js';
import { checkNumbering } from './numbering.js';
import { checksFingerprint, type UnitStore } from './record.js';
import { checkTerms } from './terms.js';
import { checkHistory, checkVersionMetadata } from './versions.js';
import { checkXrefs } from './xref.js';

export type DocumentCheck = (doc: ClauseDocument, file: VFile, corpus: Corpus) => void;
export type CorpusCheck = (corpus: Corpus, fileOf: (doc: ClauseDocument) => VFile) => void;

export const documentChecks: DocumentCheck[] = [checkNumbering, checkXrefs, checkTerms, checkLinks];

export interface CheckOptions {
  /** The record of the last run: units whose inputs are unchanged replay from it, the rest are stored in it. */
  record?: UnitStore | null;
}

/** A check unit: what it reports on one document, and the hashes of what it reads to do so (null: not recorded). */
interface Unit {
  name: string;
  targets(corpus: Corpus, fileOf: (doc: ClauseDocument) => VFile): ClauseDocument[];
  inputs(doc: ClauseDocument, inputs: Inputs): Array<string | null>;
  run(doc: ClauseDocument, file: VFile, corpus: Corpus, fileOf: (doc: ClauseDocument) => VFile): void;
}

/** The hashes units name their inputs by. */
interface Inputs {
  corpus: Corpus;
  /** The SHA-256 of a document's source, or null when unknown (the unit then always runs). */
  source(doc: ClauseDocument | null): string | null;
  /** A side file's hash ('none' when absent). */
  side(name: string): string;
  /** Every document's path, front matter and health: what designations, chains and dates are read from. */
  frontMatter: string;
}

const healthyVersions = (corpus: Corpus, fileOf: (doc: ClauseDocument) => VFile) => corpus.versions.filter((v) => !hasBrokenFrontMatter(fileOf(v)));

const UNITS: Unit[] = [
  {
    name: 'document',
    // A document whose front matter is broken is not checked further: its problems would cascade.
    // Any other load error (a control character, nesting too deep) is reported once, where it is,
    // and the document's clauses are still checked.
    targets: (corpus, fileOf) => [...corpus.versions, ...corpus.directions].filter((doc) => !hasBrokenFrontMatter(fileOf(doc))),
    inputs: (doc, inputs) =>
      doc.meta.kind === 'direction'
        ? [inputs.source(doc), inputs.frontMatter, ...doc.meta.designates.map((d) => inputs.source(findVersion(inputs.corpus, d.document, d.version)))]
        : [inputs.source(doc), inputs.side(SECTION_A_FILE)],
    run: (doc, file, corpus) => {
      for (const check of documentChecks) check(doc, file, corpus);
    },
  },
  {
    name: 'history',
    targets: healthyVersions,
    inputs: (doc, inputs) => [inputs.source(doc), inputs.frontMatter],
    run: (doc, file, corpus) => checkHistory(doc as VersionDocument, corpus, file),
  },
  {
    name: 'rules',
    targets: (corpus) => corpus.versions,
    inputs: (doc, inputs) => [inputs.source(doc), inputs.source(ruleChainBefore(inputs.corpus, doc as VersionDocument)), inputs.side(FACTS_FILE), inputs.frontMatter],
    // Rule integrity (malformed blocks, duplicate ids, undeclared facts, a `clause:` naming no
    // clause, a rule left on a renumbered clause's old number): the rules stage finds and reports them.
    run: (doc, file, corpus) => reportVersionRuleProblems(corpus, doc as VersionDocument, file),
  },
  {
    name: 'across',
    targets: healthyVersions,
    inputs: (doc, inputs) => [inputs.source(doc), inputs.source(replacedVersion(inputs.corpus, doc as VersionDocument)), inputs.frontMatter],
    run: (doc, _file, corpus, fileOf) => checkVersionAcross(doc as VersionDocument, corpus, fileOf),
  },
];

/** The chains and designations (front matter only, never recorded) are checked after the documents' own checks. */
const METADATA_AFTER = 'document';

/**
 * Run every check over the corpus; problems land on `corpus.files`. Extra checks (the glyph
 * check, which asks the PDF writer) run after, every time.
 */
export function checkCorpus(corpus: Corpus, extra: { document?: DocumentCheck[]; corpus?: CorpusCheck[] } = {}, options: CheckOptions = {}): void {
  const byPath = new Map(corpus.files.map((f) => [f.path, f]));
  const fileOf = (doc: ClauseDocument) => byPath.get(doc.path)!;
  const record = options.record ?? null;
  const inputs = record ? inputsOf(corpus, fileOf) : null;
  for (const unit of UNITS) {
    const targets = unit.targets(corpus, fileOf);
    for (const doc of targets) {
      const file = fileOf(doc);
      const key = inputs ? unitKey(unit, doc, inputs) : null;
      const recorded = key ? record!.unit(key) : undefined;
      if (recorded) {
        for (const m of recorded) report(file, m.ruleId, m.reason, m.place);
        continue;
      }
      const before = file.messages.length;
      unit.run(doc, file, corpus, fileOf);
      if (key) record!.setUnit(key, file.messages.slice(before).map((m) => ({ ruleId: m.ruleId as RuleId, reason: m.reason, place: m.place ?? undefined })));
    }
    if (unit.name === METADATA_AFTER) {
      for (const doc of targets) for (const check of extra.document ?? []) check(doc, fileOf(doc), corpus);
      checkVersionMetadata(corpus, fileOf);
    }
  }
  for (const check of extra.corpus ?? []) check(corpus, fileOf);
}

function unitKey(unit: Unit, doc: ClauseDocument, inputs: Inputs): string | null {
  const parts = unit.inputs(doc, inputs);
  if (parts.some((p) => p === null)) return null;
  return createHash('sha256').update(checksFingerprint()).update('\0').update(unit.name).update('\0').update(doc.path).update('\0').update(parts.join('\0')).digest('hex');
}

function inputsOf(corpus: Corpus, fileOf: (doc: ClauseDocument) => VFile): Inputs {
  const hashes = corpus.sourceHashes;
  const frontMatter = createHash('sha256');
  for (const file of corpus.files) frontMatter.update(`${file.path}\0`);
  for (const doc of [...corpus.versions, ...corpus.directions]) {
    frontMatter.update(`\0${doc.path}\0${doc.id}\0${hasBrokenFrontMatter(fileOf(doc))}\0${JSON.stringify(doc.meta)}`);
  }
  return {
    corpus,
    // A document is named by its source's hash: no source, no hash, nothing recorded (a missing
    // neighbour, which the unit sees as absent, is 'none').
    source: (doc) => (doc === null ? 'none' : (hashes?.get(doc.path) ?? null)),
    side: (name) => hashes?.get(`${corpus.root}/${name}`) ?? 'none',
    frontMatter: frontMatter.digest('hex'),
  };
}

export { glyphCheck, type GlyphProbe } from './glyphs.js';
