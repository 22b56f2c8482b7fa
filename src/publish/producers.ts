/**
 * Extra artefact producers that `secdoc build` runs beside the annexes. Another stage adds its
 * producer here instead of changing the publisher.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { plannedRulesFiles } from '../render/json/rules.js';
import { FONT_FACES, FONT_LICENCE_FILE, fontBytes, fontLicence } from '../render/fonts.js';
import type { Artefact, ArtefactProducer } from './index.js';
import { artefactInputs } from './incremental.js';

const SCHEMAS = new URL('../../schemas/', import.meta.url);

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2) + '\n');

/**
 * rules/<APPENDIX>@<version>.json per version, and the generated facts-file schema. A version's
 * file is made from what its annexes are (its document's versions, the directions, facts.yaml),
 * so after an edit only the edited document's files are made again.
 */
export const rulesProducer: ArtefactProducer = {
  name: 'rules',
  produce({ corpus, formats, selection, reuse }) {
    if (!formats.has('json')) return [];
    return plannedRulesFiles(corpus, selection.documents).map(({ path, document, version, source, make }) =>
      reuse(
        { path, kind: document === null ? 'schema' : 'rules', format: 'json', document, version, against: null, annex: null, direction: null },
        source ? artefactInputs(corpus, { kind: 'rules', document: source, format: 'json' }) : null,
        () => json(make()),
      ),
    );
  },
};

/** The published JSON Schemas (tree, diff, rules, facts), so consumers validate against the copy they were built with. */
export const schemasProducer: ArtefactProducer = {
  name: 'schemas',
  produce({ formats }) {
    if (!formats.has('json')) return [];
    return readdirSync(SCHEMAS)
      .filter((name) => name.endsWith('.schema.json'))
      .sort()
      .map((name): Artefact => ({
        path: `schemas/${name}`,
        kind: 'schema',
        format: 'json',
        document: null,
        version: null,
        against: null,
        annex: null,
        direction: null,
        bytes: readFileSync(new URL(name, SCHEMAS)),
      }));
  },
};

/** The Arimo files the HTML pages' @font-face rules load, and the font's licence (OFL 1.1). */
export const fontsProducer: ArtefactProducer = {
  name: 'fonts',
  produce({ formats }) {
    if (!formats.has('html')) return [];
    const file = (path: string, bytes: Uint8Array): Artefact => ({ path, kind: 'font', format: path.endsWith('.ttf') ? 'ttf' : 'txt', document: null, version: null, against: null, annex: null, direction: null, bytes });
    return [...FONT_FACES.map((f) => file(`fonts/${f.file}`, fontBytes(f))), file(`fonts/${FONT_LICENCE_FILE}`, fontLicence())];
  },
};

export const producers: ArtefactProducer[] = [rulesProducer, schemasProducer, fontsProducer];
