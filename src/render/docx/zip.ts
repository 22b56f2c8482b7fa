/**
 * Make a .docx package reproducible: the `docx` package stamps core.xml with the wall clock,
 * names some relationships with random ids and zips with the current time. Re-zip with fixed
 * entry times in a fixed order, dates from the sources, and relationship ids numbered in order.
 * Without a date (`null`) every date is taken out: w:date attributes and the core properties'.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * DOS time cannot go before 1980; any fixed value will do, this one is obviously not real. fflate
 * reads a Date's LOCAL fields, so the Date is made from local fields: 1 January 1980, 00:00 in
 * every time zone (a UTC instant is 1979 west of UTC and another hour east of it).
 */
const ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

export function normalisePackage(bytes: Uint8Array, isoDateTime: string | null): Uint8Array {
  const entries = unzipSync(bytes);
  const names = Object.keys(entries).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));

  // Relationship ids that are not already rIdN are random: rename them rIdS1, rIdS2 ... in order.
  const renames = new Map<string, string>();
  for (const name of names) {
    if (!name.endsWith('.rels')) continue;
    for (const m of strFromU8(entries[name]!).matchAll(/\bId="([^"]+)"/g)) {
      const id = m[1]!;
      if (!/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdS${renames.size + 1}`);
    }
  }
  const stamp = isoDateTime?.replace(/\.\d+Z$/, 'Z');
  const out: Zippable = {};
  for (const name of names) {
    let data = entries[name]!;
    // Only the parts that change are decoded: document.xml is most of the package.
    const stamped = name === 'docProps/core.xml';
    const undated = stamp === undefined && name.startsWith('word/') && name.endsWith('.xml');
    if (stamped || undated || (renames.size > 0 && /\.(xml|rels)$/.test(name))) {
      let s = strFromU8(data);
      for (const [from, to] of renames) s = s.split(`"${from}"`).join(`"${to}"`);
      if (stamped && stamp !== undefined) s = s.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
      else if (stamped) s = s.replace(/<dcterms:(?:created|modified)[^>]*>[^<]*<\/dcterms:(?:created|modified)>/g, '');
      if (undated) s = s.replace(/(<[^>]*?) w:date="[^"]*"/g, '$1');
      data = strToU8(s);
    }
    out[name] = [data, { mtime: ENTRY_TIME, level: 6 }];
  }
  return zipSync(out, { mtime: ENTRY_TIME });
}

/** `[Content_Types].xml` first and the package relationships next, as Word writes them. */
function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  return 2;
}
