/**
 * Reading a source to rewrite and writing it back as it came: the parser's offsets count the text
 * with CRLF made LF and without a byte-order mark, so those are taken off and put back.
 */
export interface SourceText {
  text: string;
  restore(text: string): string;
}

export function sourceText(raw: string): SourceText {
  const bom = raw.charCodeAt(0) === 0xfeff;
  const crlf = raw.includes('\r\n');
  const text = (bom ? raw.slice(1) : raw).replace(/\r\n?/g, '\n');
  return { text, restore: (t) => (bom ? '\ufeff' : '') + (crlf ? t.replace(/\n/g, '\r\n') : t) };
}
