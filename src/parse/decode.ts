/** A source's bytes as text: what every reader of a source file (Markdown or YAML) does first. */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.js';
import { scanCharacters } from './characters.js';

/**
 * Bytes -> text, or null with a diagnostic when the bytes are not UTF-8 Markdown text.
 * CRLF is normalised so positions count lines the way editors do.
 */
export function decodeSource(bytes: Uint8Array, file: VFile): string | null {
  if (bytes.length === 0) {
    report(file, 'empty-file', 'Unexpected empty file, expected a Markdown document', { line: 1, column: 1 });
    return null;
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    report(file, 'binary-file', 'Unexpected binary data (NUL bytes), expected a UTF-8 Markdown text file', { line: 1, column: 1 });
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    report(file, 'not-utf8', 'Unexpected bytes that are not UTF-8, expected a UTF-8 Markdown text file', firstInvalidUtf8(bytes));
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    report(file, 'empty-file', 'Unexpected empty file, expected a Markdown document', { line: 1, column: 1 });
    return null;
  }
  scanCharacters(text, file);
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 0;
    if (size === 0) return { line, column };
    try {
      decoder.decode(bytes.subarray(i, i + size));
    } catch {
      return { line, column };
    }
    if (b === 10) {
      line++;
      column = 1;
    } else column++;
    i += size;
  }
  return { line, column };
}
