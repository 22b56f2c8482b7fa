/**
 * A corpus kept in memory for the live preview. A saved source is re-parsed alone; the checks run
 * again from each file's parser messages, but only those that read the saved source (the rest
 * replay what they found last time, from a record kept in memory: ../check/record.ts).
 */
import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { checkCorpus } from '../check/index.js';
import { CheckRecord } from '../check/record.js';
import { isSourcePath, loadCorpus, loadSource, orderDocuments, type Corpus, type DirectionDocument, type Host, type VersionDocument } from '../corpus/index.js';
import { collect, type Diagnostic } from '../diagnostics/index.js';
import { versionIntervals, type VersionInterval } from '../time/index.js';

/** What the pages are made from: one consistent state of the corpus after a save. */
export interface Snapshot {
  /** Counts up with every reload, so a page can tell it is out of date. */
  generation: number;
  corpus: Corpus;
  intervals: VersionInterval[];
  diagnostics: Diagnostic[];
}

export class LiveCorpus {
  private corpus: Corpus;
  /** Each file's messages from reading and parsing it, before the checks added theirs. */
  private parsed = new Map<VFile, VFileMessage[]>();
  private current!: Snapshot;
  /** What each check found at the last save, by the hashes of what it read; null re-runs every check. */
  private readonly record: CheckRecord | null;

  constructor(
    readonly root: string,
    private readonly host: Host,
    incremental = true,
  ) {
    this.record = incremental ? new CheckRecord() : null;
    this.corpus = this.loadAll();
    this.check(0);
  }

  get snapshot(): Snapshot {
    return this.current;
  }

  /**
   * Take in files that were saved, added or removed under the root. A Markdown source is
   * re-parsed on its own; a side file (facts, Section A terms) reloads the corpus, since every
   * check reads it.
   */
  update(paths: Iterable<string>): Snapshot {
    for (const path of paths) {
      if (isSourcePath(path)) this.reloadSource(path);
      else {
        this.corpus = this.loadAll();
        break;
      }
    }
    this.check(this.current.generation + 1);
    return this.current;
  }

  private loadAll(): Corpus {
    const corpus = loadCorpus(this.root, this.host);
    this.parsed = new Map(corpus.files.map((f) => [f, [...f.messages]]));
    return corpus;
  }

  private reloadSource(path: string): void {
    const c = this.corpus;
    for (const f of c.files) if (f.path === path) this.parsed.delete(f);
    // New lists: a page still rendering the last snapshot keeps its own.
    const others = <T extends { path?: string }>(list: T[]) => list.filter((d) => d.path !== path);
    const files = others(c.files);
    const versions: VersionDocument[] = others(c.versions);
    const directions: DirectionDocument[] = others(c.directions);
    const sourceHashes = new Map(c.sourceHashes);
    sourceHashes.delete(path);
    if (this.host.exists(path)) {
      sourceHashes.set(path, createHash('sha256').update(this.host.readFile(path)).digest('hex'));
      const { file, doc } = loadSource(path, this.host);
      files.push(file);
      this.parsed.set(file, [...file.messages]);
      if (doc?.meta.kind === 'version') versions.push(doc as VersionDocument);
      else if (doc?.meta.kind === 'direction') directions.push(doc as DirectionDocument);
    }
    orderDocuments(versions, directions);
    this.corpus = { ...c, files, versions, directions, sourceHashes };
  }

  private check(generation: number): void {
    for (const [file, messages] of this.parsed) file.messages = [...messages];
    checkCorpus(this.corpus, {}, { record: this.record });
    this.record?.prune();
    this.current = { generation, corpus: this.corpus, intervals: versionIntervals(this.corpus), diagnostics: collect(this.corpus.files) };
  }
}
