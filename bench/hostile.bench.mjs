// Hostile-input bench: `validate` (parse + every check) on inputs that used to hang it, at 1x,
// 2x and 4x the size. A 10 MB single-paragraph clause, and a run of 2,000 Capitalised words the
// defined-terms check must split into terms. Growth should be about 2x and 4x: linear.
import { loadCorpus } from '../lib/corpus/index.js';
import { checkCorpus } from '../lib/check/index.js';
import { collect } from '../lib/diagnostics/index.js';
import { fmt, time } from './common.mjs';

const FRONT = '---\nappendix: AL\nshort_name: TMAD\ntitle: Bench\nversion: "1.0"\ndesignated_by: none\n---\n\n## 1 Bench\n\n1.1 ';
const WORDS = 'the DCC shall publish each Requesting Party timetable within five Working Days and notify every Supplier Party of it under Clause 1.1'.split(' ');

/** About `bytes` of one paragraph of ordinary clause text, wrapped at about 100 characters, with
 * terms, undefined terms and references in it. */
function paragraph(bytes) {
  const out = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const w = WORDS[i % WORDS.length];
    out.push(i % 16 === 15 ? `${w}\n` : `${w} `);
    n += w.length + 1;
  }
  return out.join('') + '.\n';
}

/** `words` Capitalised words in one run, none of them a defined term. */
function capitalisedRun(words) {
  return Array.from({ length: words }, (_, i) => `Word${String.fromCharCode(65 + (i % 26))}x`).join(' ').replace(/\d/g, '') + '.\n';
}

function validateText(text) {
  const host = { listFiles: () => ['bench/v1.0.md'], readFile: () => new TextEncoder().encode(text), exists: () => false };
  const corpus = loadCorpus('bench', host);
  checkCorpus(corpus);
  return collect(corpus.files).length;
}

function rows(label, make, sizes, unit) {
  const results = sizes.map((size) => {
    const text = FRONT + make(size);
    const t = time(() => validateText(text), 2);
    return { size, ms: t.ms, diagnostics: t.result };
  });
  for (const r of results) console.log(`${label} ${r.size / sizes[0]}x (${unit(r.size)}): ${fmt(r.ms, 0)} ms, ${r.diagnostics} diagnostics`);
  console.log(`${label} growth 1x -> 2x -> 4x: ${fmt(results[1].ms / results[0].ms)}x, ${fmt(results[2].ms / results[0].ms)}x the time`);
}

const megabytes = Number(process.env.HOSTILE_BENCH_MB ?? 10);
rows('validate, single paragraph', (bytes) => paragraph(bytes), [megabytes * 1e6 / 4, megabytes * 1e6 / 2, megabytes * 1e6], (b) => `${fmt(b / 1e6, 1)} MB`);
rows('validate, capitalised run', (words) => capitalisedRun(words), [2000, 4000, 8000], (w) => `${w} words`);
