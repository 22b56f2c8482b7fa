/**
 * XML parts of a Word package -> a small element tree. saxes is strict (malformed XML is an error
 * with line and column, never a silent guess); an element is named by its namespace's usual
 * prefix (`w:p`), whatever prefix the file happens to bind.
 *
 * A 1 MB Word file holds some 8 MB of XML, so the tree is built in one fast pass: saxes without
 * its own namespace processing or position tracking, the prefixes resolved here. Anything that
 * pass does not accept is parsed again by saxes in full, namespaces and positions and all, which
 * says what is wrong and where.
 */
import { SaxesParser, type SaxesTagNS, type SaxesTagPlain } from 'saxes';

export interface XElement {
  /** `w:p`, `wp:docPr`: the conventional prefix of the element's namespace and its local name. */
  name: string;
  /** Attributes by the same kind of name (`w:val`, `r:embed`, `name`). */
  attributes: Record<string, string>;
  children: XNode[];
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

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

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
/** Most elements (`w:b`, `w:ind`, `w:tab`) have no children: they share one empty list. */
const NO_CHILDREN: XNode[] = Object.freeze([]) as unknown as XNode[];

/** Elements (with all they hold) and attributes the caller never reads, left out of the tree. */
export interface LeaveOut {
  elements: ReadonlySet<string>;
  attributes: ReadonlySet<string>;
}

const KEEP_ALL: LeaveOut = { elements: new Set(), attributes: new Set() };

/** Parse one part. Throws XmlError at the first well-formedness error. */
export function parseXml(text: string, part: string, leaveOut: LeaveOut = KEEP_ALL): XElement {
  const root = parseFast(text, leaveOut) ?? parseChecked(text, part, leaveOut);
  const element = root.children.find((c): c is XElement => typeof c !== 'string');
  if (!element) throw new XmlError(part, 1, 1, 'no root element');
  return element;
}

/** A run of elements under the same namespace declarations: prefix -> URI, and raw names -> our names. */
interface Scope {
  uris: Map<string, string>;
  elements: Map<string, string>;
  attributes: Map<string, string>;
}

/** The namespace declarations of a start tag applied to its parent's scope; null if one is not allowed. */
function declare(parent: Scope, attributes: Record<string, string>): Scope | null {
  let scope: Scope | null = null;
  for (const key in attributes) {
    const prefix = key === 'xmlns' ? '' : key.startsWith('xmlns:') ? key.slice(6) : null;
    if (prefix === null) continue;
    const uri = attributes[key]!;
    // The reserved prefixes and namespaces, and undeclaring a prefix: the full parse judges them.
    if (prefix === 'xmlns' || uri === XMLNS_NAMESPACE || (prefix === 'xml') !== (uri === XML_NAMESPACE) || (prefix !== '' && uri === '')) return null;
    scope ??= { uris: new Map(parent.uris), elements: new Map(), attributes: new Map() };
    scope.uris.set(prefix, uri);
  }
  return scope ?? parent;
}

/** `w:p` -> its name here, or null when the prefix is unbound or the name is not a namespace name. */
function resolve(scope: Scope, raw: string, attribute: boolean): string | null {
  const cache = attribute ? scope.attributes : scope.elements;
  let name = cache.get(raw);
  if (name !== undefined) return name;
  const colon = raw.indexOf(':');
  const prefix = colon < 0 ? '' : raw.slice(0, colon);
  const local = colon < 0 ? raw : raw.slice(colon + 1);
  if (colon === 0 || local === '' || local.includes(':')) return null;
  // An unprefixed attribute is in no namespace; an unprefixed element is in the default one.
  const uri = attribute && colon < 0 ? '' : scope.uris.get(prefix);
  if (uri === undefined) return null;
  cache.set(raw, (name = qualified(uri, local, prefix)));
  return name;
}

/** Text that matters: only w:t, w:delText and w:instrText carry text; whitespace between tags does not. */
function keepsText(element: XElement, text: string): boolean {
  return element.name === 'w:t' || element.name === 'w:delText' || element.name === 'w:instrText' || !/^\s*$/.test(text);
}

function append(parent: XElement, node: XNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [node];
  else parent.children.push(node);
}

/** The element tree both passes build from saxes' events: what is left out is skipped with all it holds. */
class TreeBuilder {
  readonly root: XElement = { name: '#document', attributes: {}, children: [] };
  private readonly stack: XElement[] = [this.root];
  /** Depth inside an element left out. */
  skipping = 0;

  open(name: string, attributes: Record<string, string>, skip: boolean): void {
    if (skip) {
      this.skipping++;
      return;
    }
    const element: XElement = { name, attributes, children: NO_CHILDREN };
    append(this.stack[this.stack.length - 1]!, element);
    this.stack.push(element);
  }

  close(): void {
    if (this.skipping > 0) this.skipping--;
    else this.stack.pop();
  }

  text(text: string): void {
    const top = this.stack[this.stack.length - 1]!;
    if (this.skipping === 0 && top !== this.root && keepsText(top, text)) append(top, text);
  }

  cdata(text: string): void {
    if (this.skipping === 0) append(this.stack[this.stack.length - 1]!, text);
  }
}

/** The fast pass: the document's tree, or null for anything it leaves to the full parse. */
function parseFast(text: string, leaveOut: LeaveOut): XElement | null {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const tree = new TreeBuilder();
  // No default namespace until one is declared; `xml:` is bound in every document.
  const scopes: Scope[] = [{ uris: new Map([['', ''], ['xml', XML_NAMESPACE]]), elements: new Map(), attributes: new Map() }];
  const fail = () => {
    throw FAST_PASS_FAILED;
  };
  parser.on('error', fail);
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const scope = declare(scopes[scopes.length - 1]!, tag.attributes) ?? fail();
    scopes.push(scope);
    const name = resolve(scope, tag.name, false) ?? fail();
    const skip = tree.skipping > 0 || leaveOut.elements.has(name);
    // Attributes are resolved even where they are left out, so a file is accepted here only if the full parse accepts it.
    let attributes = NO_ATTRIBUTES;
    let leftOut: string[] | null = null;
    for (const key in tag.attributes) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      const attribute = resolve(scope, key, true) ?? fail();
      // Two names for one attribute (`a:x` and `b:x`, one namespace): the full parse reports it.
      if (skip || leaveOut.attributes.has(attribute)) {
        if (leftOut?.includes(attribute)) fail();
        (leftOut ??= []).push(attribute);
        continue;
      }
      if (attributes === NO_ATTRIBUTES) attributes = {};
      else if (attribute in attributes) fail();
      attributes[attribute] = tag.attributes[key]!;
    }
    tree.open(name, attributes, skip);
  });
  parser.on('closetag', () => {
    scopes.pop();
    tree.close();
  });
  parser.on('text', (text) => tree.text(text));
  parser.on('cdata', (text) => tree.cdata(text));
  try {
    parser.write(text).close();
  } catch (error) {
    if (error === FAST_PASS_FAILED) return null;
    throw error;
  }
  return tree.root;
}

const FAST_PASS_FAILED = Symbol('left to the full parse');

/** The full parse: saxes resolves namespaces and tracks positions; throws XmlError at the first error. */
function parseChecked(text: string, part: string, leaveOut: LeaveOut): XElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const tree = new TreeBuilder();
  let failure: XmlError | null = null;
  parser.on('error', (error) => {
    failure ??= new XmlError(part, parser.line, parser.column, error.message.replace(/^[^:]*:\d+:\d+: /, ''));
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = qualified(tag.uri, tag.local, tag.prefix);
    if (tree.skipping > 0 || leaveOut.elements.has(name)) {
      tree.open(name, NO_ATTRIBUTES, true);
      return;
    }
    let attributes = NO_ATTRIBUTES;
    for (const key in tag.attributes) {
      const attribute = tag.attributes[key]!;
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      const attributeName = qualified(attribute.uri, attribute.local, attribute.prefix);
      if (leaveOut.attributes.has(attributeName)) continue;
      if (attributes === NO_ATTRIBUTES) attributes = {};
      attributes[attributeName] = attribute.value;
    }
    tree.open(name, attributes, false);
  });
  parser.on('closetag', () => tree.close());
  parser.on('text', (text) => tree.text(text));
  parser.on('cdata', (text) => tree.cdata(text));
  parser.write(text).close();
  if (failure) throw failure;
  return tree.root;
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
