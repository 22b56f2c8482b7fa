/**
 * The XML reader's fast pass resolves namespace prefixes itself; whatever it does not accept goes
 * to saxes's full parse, which reports the error with its line and column.
 */
import { describe, expect, it } from 'vitest';
import { parseXml, XmlError, type XNode } from '../../src/import/xml.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const shape = (n: XNode): unknown => (typeof n === 'string' ? n : [n.name, n.attributes, ...n.children.map(shape)]);
const failure = (xml: string) => {
  try {
    parseXml(xml, 'word/document.xml');
  } catch (error) {
    expect(error).toBeInstanceOf(XmlError);
    const e = error as XmlError;
    return { line: e.line, column: e.column, message: e.message };
  }
  throw new Error('parsed without an error');
};

describe('parseXml', () => {
  it('should name elements and attributes by the usual prefix of their namespace, whatever prefix the file binds', () => {
    const tree = parseXml(`<x:document xmlns:x="${W}"><x:body><x:p><x:r><x:t xml:space="preserve"> a </x:t></x:r></x:p><x:tbl x:val="1" plain="2"/></x:body></x:document>`, 'p');
    expect(shape(tree)).toEqual(['w:document', {}, ['w:body', {}, ['w:p', {}, ['w:r', {}, ['w:t', { 'xml:space': 'preserve' }, ' a ']]], ['w:tbl', { 'w:val': '1', plain: '2' }]]]);
  });

  it('should follow a default namespace and a prefix bound again further down', () => {
    const tree = parseXml(`<document xmlns="${W}"><body xmlns:w="urn:other"><w:p/></body><p/></document>`, 'p');
    expect(shape(tree)).toEqual(['w:document', {}, ['w:body', {}, ['w:p', {}]], ['w:p', {}]]);
    expect(shape(parseXml('<r xmlns="urn:unknown"><s xmlns=""/></r>', 'p'))).toEqual([':r', {}, ['s', {}]]);
  });

  it('should keep the text of w:t and CDATA, and drop whitespace between tags', () => {
    expect(shape(parseXml(`<w:document xmlns:w="${W}">\n  <w:t>  </w:t>\n  <w:x><![CDATA[a<b]]></w:x>\n</w:document>`, 'p'))).toEqual(['w:document', {}, ['w:t', {}, '  '], ['w:x', {}, 'a<b']]);
  });

  it('should leave out the elements (with all they hold) and attributes it is told to, whatever prefix names them', () => {
    const leaveOut = { elements: new Set(['w:tabs', 'w:ind']), attributes: new Set(['xml:space', 'w:rsidR']) };
    const xml = (extra: string) => `<w:document xmlns:w="${W}"${extra}><w:p w:rsidR="00AB12" w:x="1"><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs><w:ind w:left="1"/></w:pPr><w:r><w:tab/><w:t xml:space="preserve">a</w:t></w:r></w:p></w:document>`;
    const expected = ['w:document', {}, ['w:p', { 'w:x': '1' }, ['w:pPr', {}], ['w:r', {}, ['w:tab', {}], ['w:t', {}, 'a']]]];
    expect(shape(parseXml(xml(''), 'p', leaveOut))).toEqual(expected);
    // Another prefix for the same namespace gives the same tree.
    expect(shape(parseXml(xml(` xmlns:v="${W}"`).replace('<w:p ', '<v:p ').replace('</w:p>', '</v:p>'), 'p', leaveOut))).toEqual(expected);
  });

  it('should report namespace errors at their line and column', () => {
    expect(failure(`<w:document xmlns:w="${W}">\n<w:p><q:r/></w:p></w:document>`)).toEqual({ line: 2, column: 11, message: expect.stringMatching(/unbound namespace prefix: "q"/) });
    expect(failure(`<w:document xmlns:w="${W}" xmlns:v="${W}">\n<w:p w:a="1" v:a="2"/></w:document>`)).toMatchObject({ line: 2, message: expect.stringMatching(/duplicate attribute/) });
    expect(failure(`<w:document xmlns:w="${W}"><w:p xmlns:xml="urn:not-xml"/></w:document>`).message).toMatch(/xml prefix must be bound/);
    expect(failure(`<w:document xmlns:w="${W}"><w:p xmlns:w=""/></w:document>`).message).toMatch(/undefine prefix/);
    // Also in what the caller leaves out.
    const leaveOut = { elements: new Set(['w:ind']), attributes: new Set(['w:rsidR']) };
    expect(() => parseXml(`<w:document xmlns:w="${W}"><w:ind q:left="1"/></w:document>`, 'p', leaveOut)).toThrow(/unbound namespace prefix: "q"/);
    expect(() => parseXml(`<w:document xmlns:w="${W}" xmlns:v="${W}"><w:p w:rsidR="1" v:rsidR="2"/></w:document>`, 'p', leaveOut)).toThrow(/duplicate attribute/);
  });

  it('should report well-formedness errors at their line and column', () => {
    expect(failure(`<w:document xmlns:w="${W}">\n\n<w:p></w:r></w:document>`)).toMatchObject({ line: 3, message: expect.stringMatching(/unexpected close tag/) });
    expect(failure(`<w:document xmlns:w="${W}"><w:t>&bogus;</w:t></w:document>`).message).toMatch(/undefined entity/);
    expect(failure('  ').message).toMatch(/root element/);
  });
});
