// A SEC-scale corpus for benchmarks, generated deterministically from the six sources under
// documents/ and written to a folder it is given (a temporary one; never committed).
//
// 39 documents (every SEC appendix letter, A-Z and AA-AM) x 6 versions, about 20-25 MB:
// - each document follows one of the three real chains (TMAD, SVTAD, ETAD): version 1.0 is the
//   chain's older text, 2.0 its newer one (the real re-designation: inserted clauses with suffixes,
//   renumbering, amended clauses, new rules), each made longer by further parts (the body again,
//   its sections, clauses, cross-references, keys and rule ids moved on by 100 per part);
// - versions 3.0 to 6.0 each make further edits: an amended clause, an inserted clause with a
//   letter suffix (`7.3A`, then `7.3B`), and from 5.0 a new rule;
// - six directions: the first designates every 1.0, each later one every next version, and
//   annexes a few documents each (marked up and clean), as a real re-designation does.
//
// `node bench/sec-corpus.mjs DIR` writes it and prints its size.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './common.mjs';

const CHAINS = [
  { folder: 'tmad', old: 'v19.0.md', new: 'v20.0.md' },
  { folder: 'svtad', old: 'v9.0.md', new: 'v10.0.md' },
  { folder: 'etad', old: 'v5.0.md', new: 'v6.0.md' },
];
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ...[...'ABCDEFGHIJKLM'].map((c) => `A${c}`)];
const VERSIONS = 6;
/** Copies of the body in each document: sized so the corpus comes to about 20-25 MB. */
const PARTS = { tmad: 2, svtad: 2, etad: 3 };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Direction k (1-based): made on the 1st of a month, in force on the 2nd. */
const direction = (k) => {
  const month = (k - 1) * 2;
  const made = `2023-${String(month + 1).padStart(2, '0')}-01`;
  const effective = `2023-${String(month + 1).padStart(2, '0')}-02`;
  return { id: `direction-gen-${k}`, made, effective, long: `2 ${MONTHS[month]} 2023` };
};

function splitFrontMatter(text) {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return { front: m[1], body: text.slice(m[0].length) };
}

/**
 * The body after its version history table. TMAD's expiry (1.3: 31 December 2022) moves past the
 * generated directions (2023), or every version would be one that is never in force.
 */
function bodyOf(text) {
  const { body } = splitFrontMatter(text);
  return body.replace(/^## Version History\n[\s\S]*?(?=\n## )/, '').replace(/^\n+/, '').replaceAll('31 December 2022', '31 December 2025');
}

/** The body moved on by `offset` sections: headings, clause numbers, references, keys and rule ids. */
function movedPart(body, offset, part) {
  if (offset === 0) return body;
  const move = (n) => String(Number(n) + offset);
  return body
    .replace(/^(#{2,6} )(\d+)\b/gm, (_, h, n) => h + move(n))
    // Each part's clauses say which part they are in, so no two parts hold the same text.
    // (after a bold lead such as `**Document Purpose.**`, which labels the clause).
    .replace(/^(\d+)(\.\d+[A-Z]?) (\*\*[^*]+\*\* )?/gm, (_, n, rest, lead = '') => `${move(n)}${rest} ${lead}(part ${part + 1}) `)
    .replace(/\b(Clauses?|Section|Paragraph|and|to|or) (\d+)(\.\d+[A-Z]?)?\b/g, (_, w, n, rest = '') => `${w} ${move(n)}${rest}`)
    .replace(/\{#([\w-]+)\}/g, (_, key) => `{#${key}-part${part}}`)
    .replace(/^id: (\S+)$/gm, (_, id) => `id: ${id}.part${part}`);
}

/** Clause lines (`7.3 ...`), with their number split into section, clause and suffix. */
function clauseLines(lines) {
  const out = [];
  lines.forEach((line, at) => {
    const m = /^(\d+)\.(\d+)([A-Z]?) /.exec(line);
    if (m) out.push({ at, section: Number(m[1]), clause: Number(m[2]), suffix: m[3] });
  });
  return out;
}

/** A small seeded generator, so every run writes the same corpus. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

/** Version k's edits on top of k-1: an amended clause, an inserted clause, and (from 5.0) a new rule. */
function edit(body, k, letter, rand) {
  const lines = body.split('\n');
  const clauses = clauseLines(lines);
  // Amend: a lowercase word, so no new term is used.
  const amended = clauses[Math.floor(rand() * clauses.length)];
  lines[amended.at] = lines[amended.at].replace(/ the /, ' the relevant ');
  // Insert after a clause whose next sibling follows it directly, with the next free suffix.
  const candidates = clauses.filter((c, i) => {
    const next = clauses[i + 1];
    return next && next.section === c.section && next.clause === c.clause + 1 && next.suffix === '' && !lines[c.at].includes('**');
  });
  const after = candidates[Math.floor(rand() * candidates.length)];
  const next = clauses[clauses.indexOf(after) + 1];
  const suffix = String.fromCharCode((after.suffix || '@').charCodeAt(0) + 1);
  const own = lines[after.at].replace(/^\S+ (\(part \d+\) )?/, '').replace(/\s*\{#[\w-]+\}$/, '');
  const number = `${after.section}.${after.clause}${after.suffix}`;
  const inserted = [`${after.section}.${after.clause}${suffix} Without limiting Clause ${number}, ${/^[A-Z][a-z]/.test(own) && !/^[A-Z]\w* [A-Z]/.test(own) ? own[0].toLowerCase() + own.slice(1) : own}`, ''];
  if (k >= 5) {
    inserted.push('```rule', `id: generated.${letter.toLowerCase()}.v${k}`, 'kind: obligation', 'actor: DCC', `effect: ${own.split('. ')[0].replace(/\.$/, '')}.`, '```', '');
  }
  lines.splice(next.at, 0, ...inserted);
  return lines.join('\n');
}

function history(k, shortName) {
  const rows = ['## Version History', '', '| Version | Date | Description |', '| --- | --- | --- |'];
  for (let v = 1; v <= k; v++) {
    rows.push(`| ${v}.0 | ${direction(v).long} | ${v === 1 ? `Version in force when this record begins.` : `Re-designated by the Secretary of State: changes to the ${shortName}.`} |`);
  }
  return rows.join('\n') + '\n\n';
}

export function generateSecCorpus(dir) {
  const sources = CHAINS.map((c) => ({
    ...c,
    oldText: readFileSync(join(repoRoot, 'documents', c.folder, c.old), 'utf8'),
    newText: readFileSync(join(repoRoot, 'documents', c.folder, c.new), 'utf8'),
  }));
  mkdirSync(dir, { recursive: true });
  for (const name of ['facts.yaml', 'sec-section-a-terms.yaml']) writeFileSync(join(dir, name), readFileSync(join(repoRoot, 'documents', name)));
  let bytes = 0;
  const documents = [];
  LETTERS.forEach((letter, i) => {
    const chain = sources[i % sources.length];
    const front = splitFrontMatter(chain.newText).front;
    const title = /^title: (.*)$/m.exec(front)[1];
    const shortName = `${/^short_name: (.*)$/m.exec(front)[1]}-${letter}`;
    const parts = PARTS[chain.folder];
    // Parts follow on: the next part's first section comes after this part's last.
    const sections = (text) => Math.max(...[...bodyOf(text).matchAll(/^## (\d+)\b/gm)].map((m) => Number(m[1])));
    const whole = (text) => Array.from({ length: parts }, (_, p) => movedPart(bodyOf(text), p * sections(text), p)).join('\n');
    const rand = random(i + 1);
    let body = whole(chain.oldText);
    const folder = join(dir, `doc-${letter.toLowerCase()}`);
    mkdirSync(folder, { recursive: true });
    const files = [];
    for (let k = 1; k <= VERSIONS; k++) {
      if (k === 2) body = whole(chain.newText);
      if (k >= 3) body = edit(body, k, letter, rand);
      const fm = ['---', `appendix: ${letter}`, `short_name: ${shortName}`, `title: ${title}`, `version: "${k}.0"`, ...(k > 1 ? [`replaces: "${k - 1}.0"`] : []), `designated_by: ${direction(k).id}`, 'classification: DCC Public', '---', ''];
      const text = fm.join('\n') + '\n' + history(k, shortName) + body;
      const path = join(folder, `v${k}.0.md`);
      writeFileSync(path, text);
      files.push(path);
      bytes += Buffer.byteLength(text);
    }
    documents.push({ letter, files });
  });
  for (let k = 1; k <= VERSIONS; k++) {
    const d = direction(k);
    // From the second direction on, annexes for one document in eight, marked up and clean.
    const annexed = k === 1 ? [] : LETTERS.filter((_, i) => i % 8 === k % 8);
    const annexes = annexed.flatMap((letter, n) => [
      `  - { letter: ${String.fromCharCode(65 + 2 * n)}, document: ${letter}, version: "${k}.0", against: "${k - 1}.0" }`,
      `  - { letter: ${String.fromCharCode(66 + 2 * n)}, document: ${letter}, version: "${k}.0" }`,
    ]);
    const text = [
      '---',
      'kind: direction',
      `id: ${d.id}`,
      `title: Generated direction ${k}`,
      `made: ${d.made}`,
      `effective: ${d.effective}`,
      'designates:',
      ...LETTERS.map((letter) => `  - { document: ${letter}, version: "${k}.0" }`),
      ...(annexes.length ? ['annexes:', ...annexes] : []),
      '---',
      '',
      '## 1 Direction',
      '',
      `1.1 The Secretary of State made this direction on ${d.made}; it re-designates every document of this generated record with effect from ${d.long}.`,
      '',
    ].join('\n');
    mkdirSync(join(dir, 'directions'), { recursive: true });
    writeFileSync(join(dir, 'directions', `${d.id}.md`), text);
  }
  return { dir, documents, versions: LETTERS.length * VERSIONS, bytes, directionOf: (k) => direction(k).id };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node bench/sec-corpus.mjs DIR');
  const made = generateSecCorpus(out);
  console.log(`${made.versions} versions of ${made.documents.length} documents, ${(made.bytes / 1e6).toFixed(1)} MB, in ${out}`);
}
