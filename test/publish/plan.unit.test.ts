/**
 * What a pack holds, planned from the corpus alone: a clean annex per version, a marked-up one per
 * version that replaces a held one, each direction's lettered annexes (the version's own file when
 * it is the first to annex it, else its own), nothing for an annex naming versions not held, and
 * `--only` by letter, short name or direction. The corpus is the publish fixture with a second
 * direction and a second document written here; expected plans are written by hand.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus/index.js';
import { nodeHost } from '../../src/corpus/node-host.js';
import { markedUpStem, planAnnexes, selectionOf, UnknownSelectionError, versionStem, type AnnexJob } from '../../src/publish/plan.js';
import { repoRoot } from '../helpers.js';

const SECOND = `---
kind: direction
id: second
title: A second direction
made: 2022-07-01
effective: 2022-07-02
annexes:
  - { letter: A, document: AL, version: "20.0" }
  - { letter: B, document: AL, version: "21.0" }
  - { letter: C, document: AL, version: "20.0", against: "18.0" }
  - { letter: D, document: TMAD, version: "19.0", title: "By its short name" }
  - { letter: E, document: AL, version: "20.0" }
  - { letter: F, document: AL, version: "20.0", against: "19.0" }
---

# Second
`;
const OTHER = `---
appendix: ZZ
title: Another document
version: "1.0"
designated_by: baseline
---

# Another document

## 1 Only

1.1 Text.
`;

/** The fixture, a second direction annexing AL again, and a document ZZ no direction annexes. */
function corpus(): Corpus {
  const documents = join(mkdtempSync(join(tmpdir(), 'secdoc-plan-')), 'documents');
  cpSync(join(repoRoot, 'test/fixtures/publish/documents'), documents, { recursive: true });
  writeFileSync(join(documents, 'directions', 'second.md'), SECOND);
  mkdirSync(join(documents, 'zz'));
  writeFileSync(join(documents, 'zz', 'v1.0.md'), OTHER);
  return loadCorpus(documents, nodeHost);
}

const summary = (jobs: AnnexJob[]) =>
  jobs.map((j) => `${j.kind} ${j.document.meta.appendix} ${j.document.meta.version}${j.against ? ` against ${j.against.meta.version}` : ''}${j.annex ? ` annex ${j.annex.direction.id}/${j.annex.letter}${j.annex.title ? ` "${j.annex.title}"` : ''}` : ''}: ${j.places.map((p) => `${p.role} ${p.base}`).join(', ')}`);

describe('publish: planning the annexes', () => {
  it('should plan each version clean and marked up, each direction annex at its place, skipping annexes of versions not held', () => {
    const c = corpus();
    expect(summary(planAnnexes(c, selectionOf(c, null)))).toEqual([
      // The first direction to annex a version publishes the version's own file (the short name finds it too).
      'clean AL 19.0 annex second/D "By its short name": version AL/v19.0/appendix-AL-v19.0, direction directions/second/annex-D-appendix-AL-v19.0',
      'clean AL 20.0 annex direction-2022-06-09/B "SMETS1 TMAD version 20.0": version AL/v20.0/appendix-AL-v20.0, direction directions/direction-2022-06-09/annex-B-appendix-AL-v20.0',
      'marked-up AL 20.0 against 19.0 annex direction-2022-06-09/A "SMETS1 TMAD marked up against version 19.0": version AL/v20.0/appendix-AL-v20.0-marked-up-v19.0, direction directions/direction-2022-06-09/annex-A-appendix-AL-v20.0-marked-up-v19.0',
      'clean ZZ 1.0: version ZZ/v1.0/appendix-ZZ-v1.0',
      // Already another direction's annex (or another letter's): its own cover, its own files.
      'clean AL 20.0 annex second/A: direction directions/second/annex-A-appendix-AL-v20.0',
      'clean AL 20.0 annex second/E: direction directions/second/annex-E-appendix-AL-v20.0',
      'marked-up AL 20.0 against 19.0 annex second/F: direction directions/second/annex-F-appendix-AL-v20.0-marked-up-v19.0',
    ]);
  });

  it('should plan only the document asked for by letter or short name, with the directions annexing it', () => {
    const c = corpus();
    for (const name of ['ZZ', 'zz']) {
      const selection = selectionOf(c, name);
      expect(selection).toEqual({ documents: new Set(['ZZ']), directions: new Set() });
      expect(summary(planAnnexes(c, selection))).toEqual(['clean ZZ 1.0: version ZZ/v1.0/appendix-ZZ-v1.0']);
    }
    const byShortName = selectionOf(c, 'TMAD');
    expect(byShortName).toEqual({ documents: new Set(['AL']), directions: new Set(['direction-2022-06-09', 'second']) });
    expect(planAnnexes(c, byShortName).every((j) => j.document.meta.appendix === 'AL')).toBe(true);
    expect(planAnnexes(c, byShortName)).toHaveLength(6);
  });

  it('should plan only a direction\'s annexes and the documents they are of when asked for a direction', () => {
    const c = corpus();
    const selection = selectionOf(c, 'second');
    expect(selection).toEqual({ documents: new Set(['AL']), directions: new Set(['second']) });
    expect(summary(planAnnexes(c, selection))).toEqual([
      'clean AL 19.0 annex second/D "By its short name": version AL/v19.0/appendix-AL-v19.0, direction directions/second/annex-D-appendix-AL-v19.0',
      'clean AL 20.0 annex second/A: version AL/v20.0/appendix-AL-v20.0, direction directions/second/annex-A-appendix-AL-v20.0',
      // The other direction is not asked for, so this one's Annex F is the version's file.
      'marked-up AL 20.0 against 19.0 annex second/F: version AL/v20.0/appendix-AL-v20.0-marked-up-v19.0, direction directions/second/annex-F-appendix-AL-v20.0-marked-up-v19.0',
      'clean AL 20.0 annex second/E: direction directions/second/annex-E-appendix-AL-v20.0',
    ]);
    expect(selectionOf(c, '')).toEqual({ documents: null, directions: null });
    expect(selectionOf(c, undefined)).toEqual({ documents: null, directions: null });
  });

  it('should name every known document and direction for an unknown name, or none', () => {
    const c = corpus();
    expect(() => selectionOf(c, 'nope')).toThrow(UnknownSelectionError);
    expect(() => selectionOf(c, 'nope')).toThrow('--only nope: no such document or direction (known: AL, ZZ, baseline, direction-2022-06-09, second)');
    expect(() => selectionOf({ ...c, versions: [], directions: [] }, 'nope')).toThrow('--only nope: no such document or direction (known: none)');
  });

  it('should name files by appendix and version, and a marked-up one by the version it is against', () => {
    expect(versionStem('AL', '20.0')).toBe('appendix-AL-v20.0');
    expect(markedUpStem('AL', '20.0', '19.0')).toBe('appendix-AL-v20.0-marked-up-v19.0');
  });
});
