import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/index.js';
import { plainRuns, TermIndex, Tokenizer, TokenKeys, inlineRuns, type StyledRun } from '../../src/diff/tokens.js';

const tokenize = (runs: StyledRun[], options: ConstructorParameters<typeof Tokenizer>[0]) => new Tokenizer(options).tokenize(runs);
import { describeChange, changeNote, clauseSegments, walkChanges, type Segment } from '../../src/model/change.js';
import { diffToJson } from '../../src/render/json/diff.js';
import { definedTerms as modelTerms } from '../../src/model/query.js';
import { byNew, byOld, expectExact, parse } from './helpers.js';

const text = (segs: Segment[], op: Segment['op']) => segs.filter((s) => s.op === op).map((s) => s.text).join('|');

const BASE = `## 1 General

1.1 The DCC shall publish the Migration Schedule on 10 June 2022 in accordance with Clause 7.2(a).

1.2 Each Supplier Party shall provide the information that the DCC reasonably requests for that purpose.

1.3 The Secretary of State may direct the DCC to suspend the process at any time by notice in writing.

## 2 Reporting

2.1 The DCC shall report monthly to the Panel on the progress of Migration for each cohort.

2.2 The report shall set out the number of installations that have been migrated in that month.
`;

describe('diffDocuments: clause alignment', () => {
  it('should serialise an unchanged block with its segments, as every other block', () => {
    const d = diffDocuments(parse(BASE), parse(BASE));
    const c = byNew(d, 'doc/1.2')!;
    expect(c.content[0]!.status).toBe('unchanged');
    const [block] = JSON.parse(JSON.stringify(c.content)) as Array<{ segments: Segment[] }>;
    expect(block!.segments.length).toBeGreaterThan(0);
    expect(block!.segments).toEqual(c.content[0]!.kind === 'text' ? c.content[0]!.segments : null);
  });

  it('should serialise an untouched clause with the same fields as a changed one', () => {
    const d = diffDocuments(parse(BASE), parse(BASE.replace('report monthly', 'report quarterly')));
    const untouched = byNew(d, 'doc/1.2')!;
    const changed = byNew(d, 'doc/2.1')!;
    expect(untouched.status).toBe('unchanged');
    const json = JSON.parse(JSON.stringify(untouched)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(Object.keys(JSON.parse(JSON.stringify(changed)) as object).sort());
    // Made when read, and the same when read again.
    const { status, amended, renumbered, moved, old, new: nw, match, similarity, heading, content, tail, children, subtreeChanged } = untouched;
    const fields = { status, amended, renumbered, moved, old, new: nw, match, similarity, heading, content, tail, children, subtreeChanged };
    expect(json).toEqual(JSON.parse(JSON.stringify(fields)));
    expect(untouched.old).toBe(untouched.old);
    expect(untouched.old).toMatchObject({ id: 'doc/1.2', number: '1.2', parent: { id: 'doc/1', number: '1' } });
    expect(untouched.new!.clause.id).toBe('doc/1.2');
  });

  it('should mark one changed word in an amended clause and nothing else', () => {
    const a = parse(BASE);
    const b = parse(BASE.replace('report monthly', 'report quarterly'));
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const c = byNew(d, 'doc/2.1')!;
    expect(c.status).toBe('amended');
    expect(text(clauseSegments(c), 'delete')).toBe('monthly');
    expect(text(clauseSegments(c), 'insert')).toBe('quarterly');
    expect(d.summary).toMatchObject({ amended: 1, inserted: 0, deleted: 0, renumbered: 0, moved: 0, changed: 1 });
  });

  it('should show a clause whose number shifted as renumbered, never as a deletion plus an insertion', () => {
    const a = parse(BASE);
    const b = parse(
      BASE.replace('1.2 Each', '1.2 A new obligation on every Supplier Party to keep its contact details up to date.\n\n1.3 Each').replace('1.3 The Secretary', '1.4 The Secretary'),
    );
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    expect(byNew(d, 'doc/1.2')!.status).toBe('inserted');
    const moved = byOld(d, 'doc/1.2')!;
    expect(moved.status).toBe('renumbered');
    expect(moved.new!.number).toBe('1.3');
    expect(changeNote(moved)).toBe('Formerly 1.2');
    expect(describeChange(moved)).toBe('Renumbered (formerly 1.2), text unchanged');
    expect(byOld(d, 'doc/1.3')!.new!.number).toBe('1.4');
    expect(d.summary).toMatchObject({ inserted: 1, deleted: 0, renumbered: 2 });
    // Deleted clauses keep their place; new order otherwise.
    expect(d.clauses[0]!.children.map((c) => c.new?.number)).toEqual(['1.1', '1.2', '1.3', '1.4']);
  });

  it('should say renumbered and amended when both happened', () => {
    const a = parse(BASE);
    const b = parse(BASE.replace('1.2 Each', '1.2 Inserted text about something else entirely, unrelated to the rest.\n\n1.3 Each').replace('1.3 The Secretary of State may', '1.4 The Secretary of State may, after consultation,'));
    const d = diffDocuments(a, b);
    const c = byOld(d, 'doc/1.3')!;
    expect(c.status).toBe('renumbered');
    expect(c.amended).toBe(true);
    expect(describeChange(c)).toBe('Renumbered (formerly 1.3), amended');
    expect(text(clauseSegments(c), 'insert').trim()).toBe(', after consultation,');
  });

  it('should show a clause moved to another parent as moved, with its old place', () => {
    const a = parse(BASE);
    const b = parse(BASE.replace('\n1.3 The Secretary of State may direct the DCC to suspend the process at any time by notice in writing.\n', '').replace('2.2 The report', '2.2 The Secretary of State may direct the DCC to suspend the process at any time by notice in writing.\n\n2.3 The report'));
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const c = byOld(d, 'doc/1.3')!;
    expect(c.status).toBe('moved');
    expect(c.new!.id).toBe('doc/2.2');
    expect(changeNote(c)).toBe('Moved from Clause 1, formerly 1.3');
    expect(describeChange(c)).toBe('Moved from Clause 1, formerly 1.3');
    expect(d.summary.deleted).toBe(0);
    expect(d.summary.inserted).toBe(0);
  });

  it('should pair the copies of a repeated provision that moved in document order, each with one other', () => {
    const provision = 'The Party shall give the Panel notice in writing of any Modification Proposal it raises';
    const part = (k: number, clauses: string[]) => `## ${k} Part ${k}\n\n${clauses.map((c, i) => `${k}.${i + 1} ${c}`).join('\n\n')}\n`;
    const own = (k: number) => `Part ${k} applies to the cohort of Devices numbered ${k} in the Migration Schedule.`;
    const a = parse([1, 2, 3].map((k) => part(k, [own(k), `${provision}.`])).join('\n'));
    const b = parse(
      [1, 2, 3].map((k) => part(k, [own(k)])).join('\n') + '\n' + [4, 5, 6].map((k) => part(k, [`${provision} under this Part.`])).join('\n'),
    );
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    for (const k of [1, 2, 3]) {
      const c = byOld(d, `doc/${k}.2`)!;
      expect(c.status).toBe('moved');
      expect(c.new!.id).toBe(`doc/${k + 3}.1`);
    }
    expect(d.summary.deleted).toBe(0);
  });

  it('should keep a deleted clause where it stood in the old document', () => {
    const a = parse(BASE);
    const b = parse(BASE.replace('1.2 Each Supplier Party shall provide the information that the DCC reasonably requests for that purpose.\n\n', '').replace('1.3 The Secretary', '1.2 The Secretary'));
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const kids = d.clauses[0]!.children;
    expect(kids.map((c) => c.status)).toEqual(['unchanged', 'deleted', 'renumbered']);
    expect(kids[1]!.old!.number).toBe('1.2');
    expect(clauseSegments(kids[1]!).every((s) => s.op === 'delete')).toBe(true);
  });

  it('should pair clauses by their author key even when number and text both changed', () => {
    const a = parse(BASE.replace('1.3 The Secretary of State may direct the DCC to suspend the process at any time by notice in writing.', '1.3 The Secretary of State may direct the DCC to suspend the process at any time by notice in writing. {#suspension}'));
    const b = parse(
      BASE.replace('\n1.3 The Secretary of State may direct the DCC to suspend the process at any time by notice in writing.\n', '').replace(
        '2.2 The report',
        '2.2 Completely different words: the Authority can halt everything. {#suspension}\n\n2.3 The report',
      ),
    );
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const c = byOld(d, 'doc/1.3')!;
    expect(c.match).toBe('key');
    expect(c.new!.id).toBe('doc/2.2');
    expect(c.status).toBe('moved');
    expect(c.amended).toBe(true);
  });

  it('should show a clause whose text was replaced whole under its old number as deleted and inserted (no pair on a number alone)', () => {
    const a = parse(BASE);
    const b = parse(BASE.replace('2.2 The report shall set out the number of installations that have been migrated in that month.', '2.2 (weggefallen)'));
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    expect(byNew(d, 'doc/2.2')!.status).toBe('inserted');
    expect(byOld(d, 'doc/2.2')!.status).toBe('deleted');
  });

  it('should pair a renumbered statute section by its heading when most of its text was rewritten', () => {
    const a = parse(`### § 20 Eins\n\n(1) Text eins bleibt.\n\n### § 20a Absenkung der Vergütung von Strom\n\n(1) Die Vergütungen verringern sich jährlich um 9 Prozent.\n\n### § 21 Drei\n\n(1) Text drei bleibt.\n`);
    const b = parse(
      `### § 20 Eins\n\n(1) Text eins bleibt.\n\n### § 20a Zubaukorridor für Strom\n\n(1) Der Zubaukorridor beträgt 2 500 bis 3 500 Megawatt.\n\n### § 20b Absenkung der Vergütung für Strom\n\n(1) Die Vergütungen verringern sich monatlich um 1 Prozent.\n\n### § 21 Drei\n\n(1) Text drei bleibt.\n`,
    );
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const old20a = byOld(d, 'doc/§20a')!;
    expect(old20a.status).toBe('renumbered');
    expect(old20a.new!.number).toBe('§ 20b');
    expect(byNew(d, 'doc/§20a')!.status).toBe('inserted');
  });

  it('should pair large parts by heading and number, and measure them by the sub-clauses they kept', () => {
    // Two parts of over 20,000 characters each: what a Teil or Kapitel of a statute is.
    const section = (n: number, extra = '') =>
      `### § ${n} Pflichten der Betreiber ${n}\n\n(1) Der Betreiber einer Anlage nach § ${n} hat dem Netzbetreiber bis zum ${n}. Februar jeden Jahres ` +
      `die Angaben zu übermitteln, die dieser für die Abrechnung benötigt.${extra} Die Frist beträgt ${n + 3} Wochen und verlängert sich nicht.\n\n` +
      `(2) Wer die Angaben nach Absatz 1 nicht rechtzeitig übermittelt, verliert den Anspruch auf die Zahlung für den Monat ${n}. ` +
      `Dies gilt nicht, soweit der Betreiber das Versäumnis nicht zu vertreten hat; die Bundesnetzagentur kann Ausnahmen zulassen, ` +
      `wenn die Versorgungssicherheit sonst gefährdet wäre oder die Anlage nach § ${n + 100} vorrangig einzuspeisen ist.\n\n`;
    const part = (no: number, title: string, intro: string, from: number, amend = -1) =>
      `## Teil ${no} - ${title}\n\n${intro}\n\n` + Array.from({ length: 40 }, (_, k) => section(from + k, from + k === amend ? ' Die Angaben sind elektronisch zu übermitteln.' : '')).join('');
    const a = parse(`# Gesetz\n\n${part(1, 'Erzeugung', 'Stand: 2011.', 1)}${part(2, 'Netze', 'Stand: 2011.', 41)}`);
    // Every part's own text changed, so the parts are compared outside the ordered alignment; a
    // new Teil 2 pushed the old one to Teil 3 under the same heading.
    const b = parse(`# Gesetz\n\n${part(1, 'Erzeugung', 'Stand: 2012.', 1, 7)}${part(2, 'Speicher', 'Stand: 2012.', 201)}${part(3, 'Netze', 'Stand: 2012.', 41)}`);
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const first = byOld(d, 'doc/teil-1-erzeugung')!;
    expect(first.new!.id).toBe('doc/teil-1-erzeugung');
    expect(first.status).toBe('amended');
    // 119 of its 120 sub-clauses (sections and their paragraphs) kept word for word on each side,
    // and its own text (which changed) is a sliver of the whole.
    expect(first.similarity).toBeGreaterThan(0.985);
    expect(first.similarity).toBeLessThan(0.992);
    expect(byNew(d, 'doc/§7(1)')!.status).toBe('amended');
    // A heading that changed leaves the pair to their texts.
    const moved = byOld(d, 'doc/teil-2-netze')!;
    expect(moved.new!.id).toBe('doc/teil-3-netze');
    expect(moved.similarity).toBeGreaterThan(0.95);
    expect(byNew(d, 'doc/teil-2-speicher')!.status).toBe('inserted');
    expect(d.summary).toMatchObject({ amended: 3, inserted: 121, deleted: 0, renumbered: 0, moved: 0 });
  });

  it('should report the clauses of a part identical all the way down as if each had been aligned', () => {
    const deep = BASE.replace(
      '1.2 Each Supplier Party shall provide the information that the DCC reasonably requests for that purpose.',
      '1.2 Each Supplier Party shall provide:\n\n(a) the information that the DCC reasonably requests; and\n\n(b) a contact for that purpose.',
    );
    const old = parse(deep);
    // Part 1 untouched: paired whole, its clauses made only when read.
    const whole = diffDocuments(old, parse(deep.replace('report monthly', 'report quarterly')));
    // Part 1 touched in 1.3: its other clauses go through the ordered alignment one by one.
    const aligned = diffDocuments(old, parse(deep.replace('at any time', 'at any later time')));
    for (const id of ['doc/1.1', 'doc/1.2', 'doc/1.2(a)', 'doc/1.2(b)']) {
      expect(byNew(whole, id)!.status, id).toBe('unchanged');
      expect(JSON.stringify(byNew(whole, id)), id).toBe(JSON.stringify(byNew(aligned, id)));
    }
    // Counted without being made.
    for (const d of [whole, aligned]) {
      const counts: Record<string, number> = {};
      for (const c of walkChanges(d.clauses)) counts[c.status] = (counts[c.status] ?? 0) + 1;
      expect(d.summary).toMatchObject({ unchanged: counts.unchanged, amended: counts.amended });
    }
    expect(whole.summary).toMatchObject({ unchanged: 8, amended: 1 });
    expectExact(whole, old, parse(deep.replace('report monthly', 'report quarterly')));
  });

  it('should be deterministic', () => {
    const a = parse(BASE);
    const b = parse(BASE.replace('1.2 Each', '1.2 Something new here for the test.\n\n1.3 Each').replace('1.3 The', '1.4 The'));
    expect(JSON.stringify(diffToJson(diffDocuments(a, b)))).toBe(JSON.stringify(diffToJson(diffDocuments(a, b))));
  });

  it('should give a version compared with many others the redline of a fresh parse each time', () => {
    // What the redline keeps per parsed document (word hashes, clause sides, the segments of
    // unchanged text) must not carry one comparison into the next, in either direction.
    const moved = 'The Panel may publish a summary of each report once it has consulted the Supplier Parties.';
    const versions = [
      BASE.replace('for that purpose.', `for that purpose.\n\n${moved}`),
      BASE.replace('report monthly', 'report quarterly').replace('for each cohort.', `for each cohort.\n\n${moved}`),
      BASE.replace('## 2 Reporting', '## 2 Reports and Notices').replace('1.1 The DCC', '1.1 The DCC (acting reasonably)'),
    ];
    const fresh = (i: number, j: number) => JSON.stringify(diffToJson(diffDocuments(parse(versions[i]!), parse(versions[j]!))));
    const kept = versions.map((v) => parse(v));
    for (const [i, j] of [[0, 1], [0, 2], [1, 2], [1, 0], [2, 0], [0, 1], [2, 1]] as const) {
      expect(JSON.stringify(diffToJson(diffDocuments(kept[i]!, kept[j]!))), `${i} -> ${j}`).toBe(fresh(i, j));
    }
    // The paragraph moved from 1.2 to 2.1 is found with the word hashes kept from earlier comparisons.
    const notes = [...walkChanges(diffDocuments(kept[0]!, kept[1]!).clauses)].flatMap((c) => c.content.map((b) => (b.kind === 'text' ? b.moved?.note : undefined)));
    expect(notes.filter(Boolean)).toEqual(['Moved to Clause 2.1', 'Moved from Clause 1.2']);
  });
});

describe('diffDocuments: words', () => {
  it('should ignore re-wrapped lines and keep the exact old text for rejection', () => {
    const a = parse(BASE);
    const b = parse(BASE.replace('shall provide the information that', 'shall provide the\ninformation that'));
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const c = byNew(d, 'doc/1.2')!;
    expect(c.status).toBe('unchanged');
    expect(clauseSegments(c).every((s) => s.op === 'equal')).toBe(true);
    expect(clauseSegments(c).some((s) => s.old !== undefined)).toBe(true);
    // ...and shows it with --show-formatting.
    const shown = diffDocuments(a, b, { showFormatting: true });
    expect(byNew(shown, 'doc/1.2')!.status).toBe('amended');
    expectExact(shown, a, b);
  });

  it('should ignore emphasis added around words unless formatting is shown', () => {
    const a = parse(BASE);
    const b = parse(BASE.replace('shall report monthly', 'shall **report monthly**'));
    expect(byNew(diffDocuments(a, b), 'doc/2.1')!.status).toBe('unchanged');
    const shown = diffDocuments(a, b, { showFormatting: true });
    const c = byNew(shown, 'doc/2.1')!;
    expect(c.status).toBe('amended');
    expect(clauseSegments(c).find((s) => s.op === 'insert')).toMatchObject({ text: 'report monthly', bold: true });
    expectExact(shown, a, b);
  });

  it('should keep cross-references, dates and defined terms whole', () => {
    const a = parse(BASE);
    const b = parse(BASE.replace('on 10 June 2022 in accordance with Clause 7.2(a)', 'on 11 June 2022 in accordance with Clause 7.2(b)').replace('The DCC shall publish the Migration Schedule', 'The DCC shall publish the Migration Timetable'));
    const d = diffDocuments(a, b);
    const segs = clauseSegments(byNew(d, 'doc/1.1')!);
    // Without whole tokens, `Migration`, `June 2022` and `Clause 7.2` would stay unmarked.
    expect(text(segs, 'delete')).toContain('Migration Schedule');
    expect(text(segs, 'delete')).toContain('10 June 2022');
    expect(text(segs, 'insert')).toContain('11 June 2022');
    expect(text(segs, 'equal')).not.toMatch(/Migration|June|7\.2/);
    // The reference is marked at its number: `Clause ~~7.2(a)~~ 7.2(b)`.
    const at = segs.findIndex((s) => s.op === 'insert' && s.text === '7.2(b)');
    expect(segs[at]!.xref).toEqual({ scope: 'clause', target: '7.2(b)' });
    expect(segs.slice(at - 2, at).map((s) => [s.op, s.text])).toEqual([['equal', 'Clause '], ['delete', '7.2(a)']]);
  });

  it('should tokenize numbers, labels, dates and terms as single tokens', () => {
    const toks = tokenize(plainRuns('Paragraph 18.12A(a)(ii) pays £500,000 by 2022-06-10 to the Smart Metering System and the DCC under § 20a.'), {
      exact: false,
      terms: new TermIndex(['Smart Metering System']),
      keys: new TokenKeys(),
    }).map((t) => t.text);
    // Each token carries the space after it.
    expect(toks.map((t) => t.trim())).toEqual(['Paragraph 18.12A(a)(ii)', 'pays', '£', '500,000', 'by', '2022-06-10', 'to', 'the', 'Smart Metering System', 'and', 'the', 'DCC', 'under', '§ 20a', '.']);
  });

  it('should join a term re-wrapped over one line break, never over a blank line', () => {
    const keys = (t: string) => {
      const ids = new TokenKeys();
      return tokenize(plainRuns(t), { exact: false, terms: new TermIndex(['Smart Metering System']), keys: ids }).map((x) => ids.key(x.key));
    };
    expect(keys('the Smart\nMetering System shall')).toEqual(['the', 'Smart Metering System', 'shall']);
    expect(keys('the Smart\n\nMetering System shall')).toEqual(['the', 'Smart', 'Metering System', 'shall']);
  });

  it('should give back every character of the runs, in order, whatever the text', () => {
    const piece = fc.constantFrom('the', 'Smart', 'Metering', 'System', 'Clause 18.12(a)', '§ 20a', 'Abs.', '10 June 2022', '500,000', 'DCC', "don't", 'Ärger', '😀', '(iv)', '.', ' ', '  ', '\n', '\n\n', '\u00a0', '\t');
    const run = fc.record({ text: fc.array(piece, { maxLength: 24 }).map((p) => p.join('')), atomic: fc.boolean(), bold: fc.boolean() });
    const terms = new TermIndex(['Smart Metering System', 'Metering System']);
    fc.assert(
      fc.property(fc.array(run, { maxLength: 4 }), fc.boolean(), (runs, exact) => {
        const rs: StyledRun[] = runs.map((r) => ({ text: r.text, atomic: r.atomic, style: r.bold ? { bold: true } : {}, styleKey: r.bold ? 'b' : '' }));
        const toks = tokenize(rs, { exact, terms, keys: new TokenKeys() });
        expect(toks.map((t) => t.text).join('')).toBe(rs.map((r) => r.text).join(''));
        // Whitespace rides on the token before it: a token of whitespace alone follows none.
        const space = (t: (typeof toks)[number]) => !t.run.atomic && /^\s+$/.test(t.text);
        toks.forEach((t, i) => expect(space(t) && i > 0 && !space(toks[i - 1]!)).toBe(false));
      }),
      { numRuns: 500 },
    );
  });

  it('should give two token keys one id exactly when they are the same, whitespace collapsed where asked', () => {
    const piece = fc.constantFrom('a', 'b', 'Ä', 'ß', '§', '1', '.', ' ', '  ', '\n', '\u00a0', '\t', '😀');
    const key = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 12 }), (list) => {
        const keys = new TokenKeys();
        const ids = list.map((k) => keys.idOf(k));
        list.forEach((k, i) => {
          expect(keys.key(ids[i]!)).toBe(k);
          list.forEach((l, j) => expect(ids[i] === ids[j]).toBe(k === l));
          // Inside a longer text, with whitespace collapsed: the id of the collapsed key.
          const text = `x${k}y`;
          expect(keys.idCollapsed(text, 1, 1 + k.length)).toBe(keys.idOf(k.replace(/\s+/g, ' ')));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('should not join a sentence-opening word to a term', () => {
    const keys = new TokenKeys();
    const toks = tokenize(inlineRuns([{ type: 'text', value: 'The Supplier Party shall' }]), { exact: false, keys });
    expect(toks.map((t) => keys.key(t.key))).toEqual(['The', 'Supplier Party', 'shall']);
  });

  it('should fold tiny equalities into a rewrite so the marks stay readable', () => {
    const a = parse('## 1 A\n\n1.1 The meter shall be read by the DCC monthly, as the Panel decides under this Code.\n');
    const b = parse('## 1 A\n\n1.1 The supplier must inform the customer quarterly, as the Panel decides under this Code.\n');
    const segs = clauseSegments(byNew(diffDocuments(a, b), 'doc/1.1')!);
    // One deletion then one insertion, not a confetti of alternating marks around spaces and `the`.
    expect(segs.map((s) => s.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(text(segs, 'delete')).toBe('meter shall be read by the DCC monthly');
    expect(text(segs, 'insert')).toBe('supplier must inform the customer quarterly');
  });

  it('should replace a block whole when the word diff exceeds its bound, and count it', () => {
    const words = (seed: number) => Array.from({ length: 60 }, (_, i) => `w${(i * 7 + seed) % 97}x${seed}`).join(' ');
    // The author key pairs the two: their texts share no word.
    const a = parse(`## 1 A\n\n1.1 ${words(1)} {#rewritten}\n`);
    const b = parse(`## 1 A\n\n1.1 ${words(2)} {#rewritten}\n`);
    const d = diffDocuments(a, b, { maxEditLength: 5 });
    expectExact(d, a, b);
    expect(d.summary.replacedWhole).toBeGreaterThan(0);
    const segs = clauseSegments(byNew(d, 'doc/1.1')!);
    expect(segs.map((s) => s.op)).toEqual(['delete', 'insert']);
  });

  it('should count words found on one side only toward the bound, though Myers never sees them', () => {
    // Between `shall` and `notice`: `publish` deleted, `report`, `monthly` and `written`
    // inserted, `by` kept. Only `by` has an equal on the other side; the bound is on all 4 edits.
    const a = parse(`## 1 A\n\n1.1 The DCC shall publish by notice.\n`);
    const b = parse(`## 1 A\n\n1.1 The DCC shall report monthly by written notice.\n`);
    const bounded = (maxEditLength: number) => diffDocuments(a, b, { maxEditLength });
    expect(bounded(3).summary.replacedWhole).toBe(1);
    expect(bounded(4).summary.replacedWhole).toBe(0);
    expectExact(bounded(4), a, b);
    const segs = clauseSegments(byNew(bounded(4), 'doc/1.1')!);
    expect(text(segs, 'delete')).toBe('publish by');
  });
});

describe('diffDocuments: tables', () => {
  const TABLE = `## 2 Definitions and Interpretation

2.1 In this Document:

| Term | Meaning |
| --- | --- |
| Active Meter | means a meter that works. |
| Dormant Meter | means a meter that sleeps. |
| Excluded Installation | means an installation that is not migrated. |
`;

  it('should match definitions by term, mark inserted and deleted rows and word changes in cells', () => {
    const a = parse(TABLE);
    const b = parse(
      TABLE.replace('| Dormant Meter | means a meter that sleeps. |\n', '')
        .replace('| Active Meter | means a meter that works. |', '| Active Meter | means a meter that works well. |\n| Configuration Failure | means a failed configuration. |'),
    );
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const t = byNew(d, 'doc/2.1')!.content.find((c) => c.kind === 'table');
    expect(t?.kind).toBe('table');
    if (t?.kind !== 'table') return;
    expect(t.keyColumn).toMatchObject({ name: 'Term', definitions: true });
    expect(t.rows.map((r) => [r.key, r.status])).toEqual([
      ['Active Meter', 'amended'],
      ['Dormant Meter', 'deleted'],
      ['Configuration Failure', 'inserted'],
      ['Excluded Installation', 'unchanged'],
    ]);
    expect(text(t.rows[0]!.cells[1]!.segments, 'insert')).toBe('well');
  });

  it('should read a `Begriff` or `Words` table as definitions, as the checks and the rules do', () => {
    for (const header of ['Begriff', 'Words']) {
      const table = `| ${header} | Bedeutung |\n| --- | --- |\n| Strom aus Sonne | Strom aus solarer Strahlungsenergie. |\n`;
      const a = parse(`## 1 Begriffe\n\n1.1 Hier gilt:\n\n${table}\n1.2 Der Strom aus Sonne wird vergütet.\n`);
      const b = parse(`## 1 Begriffe\n\n1.1 Hier gilt:\n\n${table}\n1.2 Der Strom aus Wind wird vergütet.\n`);
      const d = diffDocuments(a, b);
      expectExact(d, a, b);
      // The defined term is one token: replacing it marks the whole term, not just `Sonne`.
      expect(text(clauseSegments(byNew(d, 'doc/1.2')!), 'delete')).toBe('Strom aus Sonne');
      const t = byNew(d, 'doc/1.1')!.content.find((c) => c.kind === 'table');
      expect(t?.kind === 'table' && t.keyColumn?.definitions).toBe(true);
      expect(modelTerms(b).map((x) => x.term)).toEqual(['Strom aus Sonne']);
    }
  });

  it('should match rows by key even when they were reordered, and read back exactly', () => {
    const a = parse(TABLE);
    const b = parse(TABLE.replace(/\| Active Meter[^\n]*\n(\| Dormant Meter[^\n]*\n)/, (_m, dormant: string) => `${dormant}| Active Meter | means a meter that works. |\n`));
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const t = byNew(d, 'doc/2.1')!.content.find((c) => c.kind === 'table');
    if (t?.kind !== 'table') throw new Error('no table');
    expect(t.rows.every((r) => r.status === 'unchanged')).toBe(true);
    expect(t.rows.map((r) => r.old)).toEqual([1, 0, 2]);
    // The order changed, so the table (and its clause) did.
    expect(t.rows.filter((r) => r.moved).length).toBe(1);
    expect(t.status).toBe('amended');
    expect(byNew(d, 'doc/2.1')!.status).toBe('amended');
  });

  it('should mark an inserted and a deleted column', () => {
    const a = parse('## 1 A\n\n1.1 Table:\n\n| Version | Date | Notes |\n| --- | --- | --- |\n| 1.0 | 2020 | first |\n| 2.0 | 2021 | second |\n');
    const b = parse('## 1 A\n\n1.1 Table:\n\n| Version | Date | Author |\n| --- | --- | --- |\n| 1.0 | 2020 | DCC |\n| 2.0 | 2021 | DCC |\n| 3.0 | 2022 | SoS |\n');
    const d = diffDocuments(a, b);
    expectExact(d, a, b);
    const t = byNew(d, 'doc/1.1')!.content.find((c) => c.kind === 'table');
    if (t?.kind !== 'table') throw new Error('no table');
    expect(t.keyColumn?.name).toBe('Version');
    expect(t.columns.map((c) => c.status)).toEqual(['unchanged', 'unchanged', 'deleted', 'inserted']);
    expect(t.rows.map((r) => r.status)).toEqual(['amended', 'amended', 'inserted']);
  });
});
