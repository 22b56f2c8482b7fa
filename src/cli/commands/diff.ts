import { extname } from 'node:path';
import type { Action } from './index.js';
import type { DiffFormat } from './diff.command.js';
import { UsageError } from '../context.js';
import { writeJson, writeOutput } from '../output.js';
import type { ClauseDocument } from '../../model/types.js';

interface DiffFlags {
  format?: DiffFormat;
  out?: string;
  author?: string;
  color?: boolean;
  showFormatting?: boolean;
  full?: boolean;
  maxEdit?: string;
}

/** The format an --out file's extension names; text for any other. */
const BY_EXTENSION: Record<string, DiffFormat> = { '.json': 'json', '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.docx': 'docx' };

export const action: Action<[oldRef: string, newRef: string, flags: DiffFlags]> = async ({ ctx }, oldRef, newRef, flags) => {
  const maxEditLength = Number(flags.maxEdit);
  if (!Number.isInteger(maxEditLength) || maxEditLength < 1) throw new UsageError(`--max-edit must be a positive whole number, got ${flags.maxEdit}`);
  const format = flags.format ?? (flags.out ? BY_EXTENSION[extname(flags.out).toLowerCase()] : undefined) ?? 'text';
  if ((format === 'pdf' || format === 'docx') && !flags.out) throw new UsageError(`--format ${format} writes a file: give --out FILE`);
  const showFormatting = Boolean(flags.showFormatting);
  // Colour only on a terminal (or with FORCE_COLOR), never with NO_COLOR or --no-color, never into a file.
  const color = format === 'text' && flags.color !== false && !flags.out && ctx.color();
  const full = Boolean(flags.full);
  // JSON and text are made from the two files alone: printed again from the cache while neither
  // file, flag nor secdoc changed. The annexes depend on the documents folder (dates, author).
  const stored = format === 'json' || format === 'text' ? ctx.storedOutput('diff', [oldRef, newRef], { format, showFormatting, maxEditLength, color, full }) : null;
  if (stored?.output) {
    if (flags.out) writeOutput(flags.out, stored.output);
    else ctx.io.stdout(stored.output);
    return;
  }
  // Both parsed at once: on every core when they are large enough to pay for it.
  const [oldDoc, newDoc] = ctx.documents([oldRef, newRef], { compare: true }) as [ClauseDocument, ClauseDocument];
  // Loaded only now: an output printed from the cache needs no redline.
  const { diffDocuments } = await import('../../diff/index.js');
  const diff = diffDocuments(oldDoc, newDoc, { showFormatting, maxEditLength });
  const writer = stored?.writer() ?? null;
  let output: string | Uint8Array;
  // Each format's writer loads only when asked for: the HTML, PDF and Word writers bring handlebars.
  if (format === 'json') {
    const json = (await import('../../render/json/diff.js')).diffToJson(diff);
    // To standard output in pieces, never held whole (6 MB for a large statute), each stored as it goes.
    if (!flags.out) return storing(() => writeJson(json, writer ? (text) => printed(Buffer.from(text)) : ctx.io.stdout));
    output = JSON.stringify(json, null, 2) + '\n';
  }
  else if (format === 'text') output = (await import('../../render/text/diff.js')).diffToText(diff, { color, full });
  // HTML, PDF and Word: the view model and writers of a published marked-up annex.
  else {
    const author = ctx.author(flags.author);
    const [{ comparisonView }, { renderAnnex }] = await Promise.all([import('../../render/view/index.js'), import('../../publish/render.js')]);
    output = await renderAnnex(comparisonView(diff, { designation: ctx.interval(newRef, newDoc), ...(author ? { author } : {}) }), format);
  }
  if (!writer) {
    if (flags.out) writeOutput(flags.out, output);
    else ctx.io.stdout(typeof output === 'string' ? output : new TextDecoder().decode(output));
    return;
  }
  const bytes = typeof output === 'string' ? Buffer.from(output) : output;
  storing(() => {
    writer.write(bytes);
    if (flags.out) writeOutput(flags.out, bytes);
    else ctx.io.stdout(bytes);
  });

  /** Print a piece of the output and store it. */
  function printed(piece: Uint8Array): void {
    ctx.io.stdout(piece);
    writer!.write(piece);
  }

  /** Print (and feed the writer), then store what was printed; nothing is stored when printing failed. */
  function storing(print: () => void): void {
    try {
      print();
    } catch (error) {
      writer?.abort();
      throw error;
    }
    writer?.commit();
  }
};
