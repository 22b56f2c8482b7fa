/**
 * What a PDF says, read in JavaScript (unpdf: PDF.js built for servers) rather than with poppler's
 * pdftotext and pdfinfo, so these checks need nothing beyond `npm install`.
 */
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

export interface PdfContents {
  /** Each page's text, in reading order. */
  pages: string[];
  /** Whether the PDF is tagged (its MarkInfo dictionary says Marked). */
  tagged: boolean;
  /** The document information dictionary (Title, Author, CreationDate as `D:YYYYMMDD...`). */
  info: Record<string, unknown>;
}

export async function readPdf(path: string): Promise<PdfContents> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const mark = await pdf.getMarkInfo();
    const { info } = await getMeta(pdf);
    return { pages: text, tagged: mark?.Marked === true, info: info as Record<string, unknown> };
  } finally {
    await pdf.destroy();
  }
}
