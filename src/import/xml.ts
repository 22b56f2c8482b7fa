/**
 * XML parts of a Word package -> a small element tree. saxes is strict (malformed XML is an error
 * with line and column, never a silent guess) and namespace-aware: an element is named by its
 * namespace's usual prefix (`w:p`), whatever prefix the file happens to bind.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface XElement {
  /** `w:p`, `wp:docPr`: the conventional prefix of the element's namespace and its local name. */
  name: string;
  /** Attributes by the same kind of name (`w:val`, `r:embed`, `name`). */
  attributes: Record<string, string>;
  children: XNode[];
  /** Line of the start tag in its part, for messages. */
  line: number;
}

export type XNode = XElement | string;

/** The namespaces OOXML parts use, by their conventional prefix. Unknown ones keep the file's prefix. */
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup': 'wpg',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
};

export class XmlError extends Error {
  constructor(
    readonly part: string,
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** Names by namespace and local name, made once: a large part repeats a few dozen names a million times. */
const names = new Map<string, Map<string, string>>();

function qualified(uri: string, local: string, prefix: string): string {
  if (uri === '') return local;
  let byLocal = names.get(uri);
  if (!byLocal) names.set(uri, (byLocal = new Map()));
  let name = byLocal.get(local);
  if (name === undefined) byLocal.set(local, (name = `${PREFIXES[uri] ?? prefix}:${local}`));
  return name;
}

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Parse one part. Throws XmlError at the first well-formedness error. */
export function parseXml(text: string, part: string): XElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XElement = { name: '#document', attributes: {}, children: [], line: 1 };
  const stack: XElement[] = [root];
  let failure: XmlError | null = null;
  parser.on('error', (error) => {
    failure ??= new XmlError(part, parser.line, parser.column, error.message.replace(/^[^:]*:\d+:\d+: /, ''));
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    let attributes = NO_ATTRIBUTES;
    for (const key in tag.attributes) {
      const attribute = tag.attributes[key]!;
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      if (attributes === NO_ATTRIBUTES) attributes = {};
      attributes[qualified(attribute.uri, attribute.local, attribute.prefix)] = attribute.value;
    }
    const element: XElement = { name: qualified(tag.uri, tag.local, tag.prefix), attributes, children: [], line: parser.line };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    // Only w:t, w:delText and w:instrText carry text that matters; whitespace between tags does not.
    const top = stack[stack.length - 1]!;
    if (top === root) return;
    if (top.name === 'w:t' || top.name === 'w:delText' || top.name === 'w:instrText' || !/^\s*$/.test(text)) top.children.push(text);
  });
  parser.on('cdata', (text) => {
    stack[stack.length - 1]!.children.push(text);
  });
  parser.write(text).close();
  if (failure) throw failure;
  const element = root.children.find((c): c is XElement => typeof c !== 'string');
  if (!element) throw new XmlError(part, 1, 1, 'no root element');
  return element;
}

/** Child elements, optionally only those named `name`. */
export function elements(parent: XElement, name?: string): XElement[] {
  const out: XElement[] = [];
  for (const c of parent.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function child(parent: XElement | undefined, name: string): XElement | undefined {
  if (!parent) return undefined;
  for (const c of parent.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** Follow a path of child names: `child(pPr, 'w:numPr', 'w:ilvl')`. */
export function path(parent: XElement | undefined, ...names: string[]): XElement | undefined {
  let at = parent;
  for (const name of names) at = child(at, name);
  return at;
}

/** The `w:val` (or another attribute) of a child: `valueOf(pPr, 'w:pStyle')`. */
export function valueOf(parent: XElement | undefined, name: string, attribute = 'w:val'): string | undefined {
  return child(parent, name)?.attributes[attribute];
}

/** All text below an element, in order. */
export function textOf(node: XNode): string {
  if (typeof node === 'string') return node;
  let out = '';
  for (const c of node.children) out += textOf(c);
  return out;
}

/** Every descendant element named `name`, in document order. */
export function descendants(parent: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  const visit = (e: XElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(parent);
  return out;
}

/** OOXML on/off properties: `<w:b/>`, `<w:b w:val="0"/>`, `<w:b w:val="false"/>`. */
export function isOn(element: XElement | undefined): boolean | undefined {
  if (!element) return undefined;
  const v = element.attributes['w:val'];
  return v === undefined || !(v === '0' || v === 'false' || v === 'off' || v === 'none');
}
