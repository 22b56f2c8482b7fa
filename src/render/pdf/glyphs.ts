/**
 * Which characters the PDF's fonts cannot show. Typst is asked, with the fonts the annexes use:
 * a one-page probe holding each character once is laid out as PDF/UA-1, which refuses any text
 * without a glyph and names it. Nothing is guessed from font tables kept by hand.
 */
import { createRequire } from 'node:module';
import type { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { FONT_FACES, FONT_FAMILY, fontBytes } from '../fonts.js';

// Typst's native module loads on the first probe, not with validate: most sources need none.
const load = () => createRequire(import.meta.url)('@myriaddreamin/typst-ts-node-compiler') as typeof import('@myriaddreamin/typst-ts-node-compiler');

const PROBE = `#set text(font: "${FONT_FAMILY}")\n#for c in json(bytes(sys.inputs.chars)) [#c #parbreak()]\n`;

let compiler: NodeCompiler | null = null;

export function missingGlyphs(chars: readonly string[]): Set<string> {
  const missing = new Set<string>();
  if (chars.length === 0) return missing;
  // The annexes' own fonts, as the PDF writer loads them: a character is missing if they lack it.
  compiler ??= load().NodeCompiler.create({ fontArgs: [{ fontPaths: [] }, { fontBlobs: FONT_FACES.map(fontBytes) }] });
  const result = compiler.compile({ mainFileContent: PROBE, inputs: { chars: JSON.stringify(chars) } });
  let messages = '';
  if (result.hasError() || !result.result) {
    const error = result.takeError();
    messages = error ? compiler.fetchDiagnostics(error).map((d: { message?: string }) => d.message ?? '').join('\n') : '';
  } else {
    try {
      compiler.pdf(result.result, { pdfStandard: 'ua-1' });
    } catch (error) {
      messages = String((error as Error).message ?? error);
    }
  }
  for (const c of chars) {
    const shown = JSON.stringify(c).slice(1, -1);
    const escaped = `\\u{${c.codePointAt(0)!.toString(16)}}`;
    if (messages.includes(`text \`\\"${shown}\\"\``) || messages.includes(`text \`"${shown}"\``) || messages.includes(escaped)) missing.add(c);
  }
  return missing;
}
