/**
 * Front matter -> typed document metadata, reporting malformed fields at their own line.
 */
import type { VFile } from 'vfile';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { report } from '../diagnostics/index.js';
import type { AnnexMeta, DesignationMeta, DocumentMeta, Point } from '../model/types.js';
import { isIsoDate, SEC_APPENDICES, VERSION_PATTERN } from '../model/sec.js';
import type { FrontMatter } from './split.js';
import { readYaml } from './yaml.js';

export interface ReadMeta {
  meta: DocumentMeta;
  positions: Record<string, Point>;
}

/** Read front matter; `null` front matter gives plain metadata. */
export function readMeta(frontMatter: FrontMatter | null, file: VFile, title: () => string | null): ReadMeta {
  if (!frontMatter) return { meta: { kind: 'plain', title: title(), frontMatter: null }, positions: {} };
  const yaml = readYaml(frontMatter.yaml, { line: frontMatter.line, column: 1 });
  const start = { line: frontMatter.line - 1, column: 1 };
  if (yaml.problems.length > 0 || !yaml.doc) {
    for (const problem of yaml.problems) report(file, 'front-matter-malformed', `Malformed front matter: ${problem.message}`, problem.place);
    return { meta: { kind: 'plain', title: title(), frontMatter: null }, positions: {} };
  }
  const positions: Record<string, Point> = {};
  collectPositions(yaml.doc.contents, '', positions, yaml.at);
  const raw = yaml.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    report(file, 'front-matter-malformed', 'Unexpected front matter: expected a YAML mapping of fields', start);
    return { meta: { kind: 'plain', title: title(), frontMatter: null }, positions };
  }
  const fields = raw as Record<string, unknown>;
  const reader = new FieldReader(fields, positions, file, start);
  if (fields.kind === 'direction') return { meta: readDirection(reader), positions };
  if ('appendix' in fields || 'version' in fields) return { meta: readVersion(reader), positions };
  return { meta: { kind: 'plain', title: typeof fields.title === 'string' ? fields.title : title(), frontMatter: fields }, positions };
}

function readVersion(r: FieldReader): DocumentMeta {
  const appendix = r.string('appendix');
  if (appendix !== null && !SEC_APPENDICES.has(appendix)) {
    r.fail('appendix', 'unknown-appendix', `Unknown appendix \`${appendix}\`, expected an SEC appendix letter (A to Z, AA to AM)`);
  }
  const version = r.version('version');
  const replaces = r.has('replaces') ? r.version('replaces') : null;
  return {
    kind: 'version',
    appendix: appendix ?? '?',
    shortName: r.has('short_name') ? r.string('short_name') : null,
    title: r.string('title') ?? '',
    version: version ?? '?',
    replaces,
    designatedBy: r.string('designated_by') ?? '',
    classification: r.has('classification') ? r.string('classification') : null,
  };
}

function readDirection(r: FieldReader): DocumentMeta {
  const designates: DesignationMeta[] = r.list('designates').map((_, i) => ({
    document: r.string(`designates.${i}.document`) ?? '?',
    version: r.version(`designates.${i}.version`) ?? '?',
    effective: r.has(`designates.${i}.effective`) ? r.date(`designates.${i}.effective`) : null,
  }));
  const annexes: AnnexMeta[] = r.has('annexes')
    ? r.list('annexes').map((_, i) => ({
        letter: r.string(`annexes.${i}.letter`) ?? '?',
        document: r.string(`annexes.${i}.document`) ?? '?',
        version: r.version(`annexes.${i}.version`) ?? '?',
        against: r.has(`annexes.${i}.against`) ? r.version(`annexes.${i}.against`) : null,
        title: r.has(`annexes.${i}.title`) ? r.string(`annexes.${i}.title`) : null,
      }))
    : [];
  return {
    kind: 'direction',
    id: r.string('id') ?? '?',
    title: r.string('title') ?? '',
    made: r.has('made') ? (r.date('made') ?? '?') : null,
    effective: r.has('effective') ? r.date('effective') : null,
    designates,
    annexes,
    addressees: r.has('addressees') ? r.string('addressees') : null,
    signatory: r.has('signatory')
      ? {
          name: r.string('signatory.name') ?? '?',
          position: r.string('signatory.position') ?? '?',
          authority: r.has('signatory.authority') ? r.string('signatory.authority') : null,
        }
      : null,
  };
}

/** Typed access to front-matter fields by dotted path, reporting each problem once, in place. */
class FieldReader {
  constructor(
    private readonly fields: Record<string, unknown>,
    private readonly positions: Record<string, Point>,
    private readonly file: VFile,
    private readonly start: Point,
  ) {}

  has(path: string): boolean {
    const v = this.get(path);
    return v !== undefined && v !== null;
  }

  get(path: string): unknown {
    let v: unknown = this.fields;
    for (const part of path.split('.')) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string, unknown>)[part];
    }
    return v;
  }

  fail(path: string, ruleId: 'front-matter-malformed' | 'unknown-appendix' | 'unknown-version' | 'date-invalid', reason: string): void {
    report(this.file, ruleId, reason, this.positions[path] ?? this.parentPosition(path));
  }

  private parentPosition(path: string): Point {
    const parts = path.split('.');
    while (parts.length > 1) {
      parts.pop();
      const p = this.positions[parts.join('.')];
      if (p) return p;
    }
    return this.start;
  }

  string(path: string): string | null {
    const v = this.get(path);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    this.fail(path, 'front-matter-malformed', v === undefined || v === null ? `Missing front matter field \`${path}\`` : `Unexpected \`${path}\`: expected text`);
    return null;
  }

  version(path: string): string | null {
    const v = this.get(path);
    if (typeof v === 'number') {
      this.fail(path, 'front-matter-malformed', `Unexpected unquoted number in \`${path}\`: write versions as quoted text, e.g. "20.0"`);
      return null;
    }
    const s = this.string(path);
    if (s === null) return null;
    if (!VERSION_PATTERN.test(s)) {
      this.fail(path, 'unknown-version', `Unexpected version \`${s}\` in \`${path}\`, expected MAJOR.MINOR such as 20.0`);
      return null;
    }
    return s;
  }

  date(path: string): string | null {
    const v = this.get(path);
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.trim() : null;
    if (s === null) {
      this.fail(path, 'front-matter-malformed', v === undefined || v === null ? `Missing front matter field \`${path}\`` : `Unexpected \`${path}\`: expected a date YYYY-MM-DD`);
      return null;
    }
    if (!isIsoDate(s)) {
      this.fail(path, 'date-invalid', `Unexpected date \`${s}\` in \`${path}\`, expected a real date YYYY-MM-DD`);
      return null;
    }
    return s;
  }

  list(path: string): unknown[] {
    const v = this.get(path);
    if (Array.isArray(v)) return v;
    this.fail(path, 'front-matter-malformed', v === undefined ? `Missing front matter field \`${path}\`` : `Unexpected \`${path}\`: expected a list`);
    return [];
  }
}

function collectPositions(node: YamlNode | null | unknown, prefix: string, out: Record<string, Point>, at: (o: number) => Point): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = prefix ? `${prefix}.${key}` : key;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      const valueRange = (pair.value as YamlNode | null)?.range;
      const offset = valueRange?.[0] ?? keyRange?.[0];
      if (offset !== undefined) out[path] = at(offset);
      collectPositions(pair.value, path, out, at);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const path = `${prefix}.${i}`;
      const range = (item as YamlNode | null)?.range;
      if (range) out[path] = at(range[0]);
      collectPositions(item, path, out, at);
    });
  }
}
