/**
 * Extra artefact producers that `secdoc build` runs beside the annexes. Another stage adds its
 * producer here instead of changing the publisher.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rulesFiles } from '../render/json/rules.js';
import { FONT_FACES, FONT_LICENCE_FILE, fontBytes, fontLicence } from '../render/fonts.js';
import type { Artefact, ArtefactProducer } from './index.js';

const SCHEMAS = new URL('../../schemas/', import.meta.url);

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2) + '\n');

/** rules/<APPENDIX>@<version>.json per version, and the generated facts-file schema. */
export const rulesProducer: ArtefactProducer = {
  name: 'rules',
  produce({ corpus, formats, selection }) {
    if (!formats.has('json')) return [];
    return rulesFiles(corpus, selection.documents).map(
      ({ path, value, document, version }): Artefact => ({
        path,
        kind: document === null ? 'schema' : 'rules',
        format: 'json',
        document,
        version,
        against: null,
        annex: null,
        direction: null,
        bytes: json(value),
      }),
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
