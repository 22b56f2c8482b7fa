/**
 * View model -> tagged PDF through Typst (no browser). The template in templates/annex.typ reads
 * the view model as JSON from `sys.inputs`, so text is data, never markup to escape. The
 * document date comes from the view (the sources), so two builds give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { AnnexView } from '../view/types.js';
import { FONT_FACES, fontBytes } from '../fonts.js';

const TEMPLATE = new URL('../../../templates/annex.typ', import.meta.url);

export interface PdfOptions {
  /** `ua-1` (PDF/UA-1, tagged, the default) or any standard Typst accepts; null for plain PDF. */
  standard?: string | null;
}

export class PdfRenderError extends Error {}

let compiler: NodeCompiler | null = null;
let template: string | null = null;

/** One compiler per process: it caches fonts and layout between annexes. */
function typst(): { compiler: NodeCompiler; template: string } {
  if (!compiler) {
    // Arimo comes from the package as font data and no font directory is searched, so output
    // does not depend on which fonts a machine has installed (code uses Typst's own DejaVu Sans Mono).
    compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [] }, { fontBlobs: FONT_FACES.map(fontBytes) }] });
    template = readFileSync(TEMPLATE, 'utf8');
  }
  return { compiler, template: template! };
}

/**
 * Forget every memoised layout. Typst answers a repeated identical compile from its cache, which
 * is global to the process (a worker thread's layouts serve this thread too), so benchmarks call
 * this to measure real layout work; builds never need it.
 */
export function clearLayoutCache(): void {
  typst().compiler.evictCache(0);
}

export function annexToPdf(view: AnnexView, options: PdfOptions = {}): Uint8Array {
  const { compiler, template } = typst();
  const result = compiler.compile({ mainFileContent: template, inputs: { view: JSON.stringify(view) } });
  const doc = result.result;
  if (result.hasError() || !doc) {
    const error = result.takeError();
    const detail = error ? compiler.fetchDiagnostics(error).map((d: { message?: string }) => d.message ?? JSON.stringify(d)).join('; ') : 'unknown error';
    throw new PdfRenderError(`Typst could not lay out "${view.title}": ${detail}`);
  }
  const standard = options.standard === undefined ? 'ua-1' : options.standard;
  const pdf = compiler.pdf(doc, standard ? { pdfStandard: standard } : {});
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
