/**
 * A .docx file -> its parts: the main document, styles, numbering, comments, footnotes, the
 * relationships of the main part and the core properties. The zip is read with fflate (already
 * what the Word writer uses); parts are found through the package relationships, not by fixed
 * names, as Word and LibreOffice do.
 */
import { unzipSync } from 'fflate';
import { UNREAD } from './blocks.js';
import { child, elements, parseXml, textOf, type XElement } from './xml.js';

/** The file is not a Word package, or a part of it is broken. */
export class PackageError extends Error {
  constructor(
    reason: string,
    readonly part: string | null = null,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(reason);
  }
}

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

export interface WordPackage {
  /** Part name of the main document (`word/document.xml`). */
  documentPart: string;
  document: XElement;
  styles: XElement | null;
  numbering: XElement | null;
  comments: XElement | null;
  footnotes: XElement | null;
  endnotes: XElement | null;
  /** The main part's relationships by id: images, hyperlinks, ... */
  relationships: Map<string, Relationship>;
  /** dc:title of docProps/core.xml, if any. */
  title: string | null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

export function readPackage(bytes: Uint8Array): WordPackage {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new PackageError(`not a Word file (.docx): the zip package cannot be read (${(error as Error).message})`);
  }
  const xml = (name: string): XElement | null => {
    const data = entries[name];
    if (!data) return null;
    let text: string;
    try {
      text = UTF8.decode(data);
    } catch {
      throw new PackageError('part is not UTF-8 text', name);
    }
    try {
      return parseXml(text, name, UNREAD);
    } catch (error) {
      const e = error as { line?: number; column?: number; message: string };
      throw new PackageError(`malformed XML: ${e.message}`, name, e.line ?? 1, e.column ?? 1);
    }
  };

  const rootRels = relationshipsOf(xml('_rels/.rels'), '');
  const officeDocument = [...rootRels.values()].find((r) => kindOf(r.type) === 'officeDocument');
  const documentPart = officeDocument?.target ?? (entries['word/document.xml'] ? 'word/document.xml' : null);
  if (!documentPart) throw new PackageError('not a Word file (.docx): the package has no main document part');
  const document = xml(documentPart);
  if (!document || document.name !== 'w:document') throw new PackageError('not a Word document: the main part is not WordprocessingML', documentPart);

  const folder = documentPart.slice(0, documentPart.lastIndexOf('/') + 1);
  const relsName = `${folder}_rels/${documentPart.slice(folder.length)}.rels`;
  const relationships = relationshipsOf(xml(relsName), folder);
  const partOf = (kind: string): XElement | null => {
    const rel = [...relationships.values()].find((r) => !r.external && kindOf(r.type) === kind);
    return rel ? xml(rel.target) : null;
  };
  const titleElement = child(xml('docProps/core.xml') ?? undefined, 'dc:title');
  const title = titleElement ? textOf(titleElement).trim() || null : null;
  return {
    documentPart,
    document,
    styles: partOf('styles'),
    numbering: partOf('numbering'),
    comments: partOf('comments'),
    footnotes: partOf('footnotes'),
    endnotes: partOf('endnotes'),
    relationships,
    title,
  };
}

/** `.../relationships/styles` -> `styles`, for both transitional and strict OOXML. */
function kindOf(type: string): string {
  if (type.startsWith(REL)) return type.slice(REL.length);
  if (type.startsWith(STRICT_REL)) return type.slice(STRICT_REL.length);
  return type;
}

function relationshipsOf(rels: XElement | null, folder: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!rels) return out;
  for (const r of elements(rels, 'rel:Relationship')) {
    const id = r.attributes.Id;
    const target = r.attributes.Target;
    if (!id || target === undefined) continue;
    const external = r.attributes.TargetMode === 'External';
    out.set(id, { type: r.attributes.Type ?? '', target: external ? target : resolvePart(folder, target), external });
  }
  return out;
}

/** A relative target against the folder of the part that names it (`media/a.png` -> `word/media/a.png`). */
function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}
