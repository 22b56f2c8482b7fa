/**
 * Characters: controls and noncharacters (U+FFFF) are errors where they stand, bidi controls are
 * warnings, and characters the PDF's fonts cannot show (`中`) are reported by validate, so build
 * never meets them in Typst; no Word file is ever malformed XML.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { expectNoStackTrace, scratch, secdoc } from './helpers.js';

function withText(inserted: string) {
  const s = scratch();
  const path = join(s.docs, 'tmad/v20.0.md');
  const text = readFileSync(path, 'utf8').replace('1.1 This document sets out', `1.1 This document ${inserted} sets out`);
  writeFileSync(path, text);
  return { ...s, line: text.split('\n').findIndex((l) => l.startsWith('1.1 This document')) + 1 };
}

describe('characters no format can hold', () => {
  it('should report U+FFFF and control characters as located errors, and build nothing', async () => {
    const s = withText('a\uffffb c\u0001d');
    const v = await cli(['--documents', s.docs, 'validate']);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`v20.0.md:${s.line}:20: error Unexpected noncharacter U+FFFF, expected text (delete it, or write what it stands for) [char-invalid]`);
    expect(v.stderr).toContain(`v20.0.md:${s.line}:24: error Unexpected control character U+0001`);
    const b = await cli(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'docx']);
    expect(b.code).toBe(1);
  });

  it('should warn where a bidi override is', async () => {
    const s = withText('\u202Eevil');
    const v = await cli(['--documents', s.docs, 'validate']);
    expect(v.stderr).toContain(`v20.0.md:${s.line}:19: warning Unexpected bidirectional control U+202E`);
  });
});

describe('characters the PDF fonts cannot show', () => {
  it('should be reported by validate with their place, and build should fail cleanly, not crash', () => {
    const s = withText('中文 and Ω');
    const v = secdoc(['--documents', s.docs, 'validate']);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`v20.0.md:${s.line}:19: error Unexpected character 中 (U+4E2D), which the PDF's fonts cannot show; write it another way [glyph-missing]`);
    expect(v.stderr).toContain(`v20.0.md:${s.line}:20: error Unexpected character 文 (U+6587)`);
    expect(v.stderr).not.toContain('U+03A9');
    const b = secdoc(['--documents', s.docs, 'build', '--out', s.out, '--formats', 'pdf']);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('nothing written');
    expectNoStackTrace(b.stderr);
  });
});
