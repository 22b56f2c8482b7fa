/**
 * Model content -> styled runs -> diff tokens (src/diff/tokens.ts), on inlines and blocks written
 * here: the runs and their style keys, the plain text of a block, the defined terms, the tokens a
 * reader reads as one unit, and where two texts may be cut apart around a change. Every expected
 * run, token and cut is written by hand from the text.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../src/model/types.js';
import { blockRuns, inlineRuns, plainBlockText, plainRuns, PLAIN_STYLE, TermIndex, Tokenizer, TokenKeys, wholeRunTokens, type StyledRun } from '../../src/diff/tokens.js';

const T = (value: string): Inline => ({ type: 'text', value });
const P = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const run = (text: string, styleKey = '', atomic = false): StyledRun => ({ text, style: styleKey === 'b' ? { bold: true } : PLAIN_STYLE, styleKey, atomic });
/** Runs as `text` with `/key` for a style and `!` for a run kept whole. */
const shown = (runs: readonly StyledRun[]) => runs.map((r) => `${r.text}${r.styleKey ? `/${r.styleKey}` : ''}${r.atomic ? '!' : ''}`);

/** The tokens of `text` (or runs) as `shown text=key`, the key being the text the diff compares. */
function tokens(input: string | StyledRun[], terms: string[] = [], exact = false): string[] {
  const keys = new TokenKeys();
  const toks = new Tokenizer({ exact, keys, terms: new TermIndex(terms) }).tokenize(typeof input === 'string' ? plainRuns(input) : input);
  return toks.map((t) => `${t.text}=${keys.key(t.key)}`);
}

describe('inlineRuns', () => {
  it('should give each formatting its run and style key, in a fixed order, a reference kept whole', () => {
    const runs = inlineRuns([
      T('a '),
      { type: 'strong', children: [{ type: 'emphasis', children: [T('b')] }] },
      { type: 'code', value: 'c' },
      { type: 'delete', children: [T('d')] },
      { type: 'link', url: 'https://x.org', children: [T('e')] },
      { type: 'break' },
      { type: 'xref', scope: 'clause', target: '1.2', children: [T('Clause 1.2')] },
    ]);
    expect(shown(runs)).toEqual(['a ', 'b/bi', 'c/c', 'd/s', 'e/hhttps://x.org\u0001', '\n', 'Clause 1.2/xclause:1.2\u0001!']);
    expect(runs.map((r) => r.style)).toEqual([{}, { bold: true, italic: true }, { code: true }, { strike: true }, { href: 'https://x.org' }, {}, { xref: { scope: 'clause', target: '1.2' } }]);
  });

  it('should write every style in one key in the order bold, italic, code, strike, link, reference', () => {
    const all: Inline = { type: 'emphasis', children: [{ type: 'delete', children: [{ type: 'strong', children: [{ type: 'link', url: 'u', children: [{ type: 'code', value: 'x' }] }] }] }] };
    expect(shown(inlineRuns([all]))).toEqual(['x/bicshu\u0001']);
    const inRef: Inline = { type: 'xref', scope: 'appendix', target: 'B', children: [{ type: 'strong', children: [T('Appendix B')] }] };
    expect(shown(inlineRuns([inRef]))).toEqual(['Appendix B/bxappendix:B\u0001!']);
    // A link to an empty address is still a link.
    expect(shown(inlineRuns([{ type: 'link', url: '', children: [T('here')] }]))).toEqual(['here/h\u0001']);
  });

  it('should give a link whose address holds the key separator its own key, never that of a reference in a link', () => {
    // An address is the author's text: `<a\u0001xclause:1>` once read as a link to `a` holding a
    // reference to clause 1, so a change between the two was shown as no change of formatting.
    const oddAddress = inlineRuns([{ type: 'link', url: 'a\u0001xclause:1', children: [T('see')] }]);
    const refInLink = inlineRuns([{ type: 'link', url: 'a', children: [{ type: 'xref', scope: 'clause', target: '1', children: [T('see')] }] }]);
    expect(oddAddress[0]!.styleKey).not.toBe(refInLink[0]!.styleKey);
    expect(shown(oddAddress)).toEqual(['see/ha\u0001\u0001xclause:1\u0001']);
  });

  it('should join text of one style into one run, skip empty text, and never join a reference to anything', () => {
    const ref = (target: string): Inline => ({ type: 'xref', scope: 'clause', target, children: [T(`Clause ${target}`)] });
    expect(shown(inlineRuns([T('a'), T(''), T('b'), { type: 'break' }, T('c')]))).toEqual(['ab\nc']);
    expect(shown(inlineRuns([T('see '), ref('1'), ref('2'), T(' and'), T(' more')]))).toEqual(['see ', 'Clause 1/xclause:1\u0001!', 'Clause 2/xclause:2\u0001!', ' and more']);
    expect(shown(inlineRuns([{ type: 'strong', children: [T('x')] }, { type: 'strong', children: [T('y')] }]))).toEqual(['xy/b']);
  });
});

describe('blockRuns', () => {
  it('should give a code block one code run, a rule none, and a table its text as one plain run', () => {
    expect(shown(blockRuns({ type: 'code', lang: null, value: 'let x = 1;' }))).toEqual(['let x = 1;/c']);
    expect(blockRuns({ type: 'rule' })).toEqual([]);
    const table = { type: 'table', align: [null, null], header: [{ children: [T('Key')] }, { children: [T('Value')] }], rows: [[{ children: [T('A')] }, { children: [T('one')] }]] } as unknown as Block;
    expect(shown(blockRuns(table))).toEqual(['Key | Value\nA | one']);
  });

  it('should join a list\'s items, and the blocks of one item, by line breaks', () => {
    const list: Block = { type: 'list', ordered: true, items: [[P(T('one'))], [P(T('two')), P({ type: 'emphasis', children: [T('three')] })], [P(T('four'))]] };
    expect(shown(blockRuns(list))).toEqual(['one\ntwo\n', 'three/i', '\nfour']);
  });

  it('should join a quote\'s blocks by line breaks', () => {
    const quote: Block = { type: 'quote', children: [P({ type: 'strong', children: [T('one')] }), P(T('two')), P(T('three'))] };
    expect(shown(blockRuns(quote))).toEqual(['one/b', '\ntwo\nthree']);
  });
});

describe('plainBlockText and plainRuns', () => {
  it('should give the text of a block of plain text, breaks as line breaks', () => {
    expect(plainBlockText(P(T('a'), { type: 'break' }, T('b')))).toBe('a\nb');
    expect(plainBlockText({ type: 'heading', depth: 2, children: [T('Scope')] })).toBe('Scope');
    expect(plainBlockText({ type: 'list', ordered: false, items: [[P(T('one'))], [P(T('two')), P(T('three'))]] })).toBe('one\ntwo\nthree');
    expect(plainBlockText({ type: 'quote', children: [P(T('one')), P(T('two'))] })).toBe('one\ntwo');
    expect(plainBlockText({ type: 'rule' })).toBe('');
    const table = { type: 'table', align: [null], header: [{ children: [T('Key')] }], rows: [[{ children: [T('A')] }]] } as unknown as Block;
    expect(plainBlockText(table)).toBe('Key\nA');
  });

  it('should give null for a block with any formatting or reference, at any depth, and for code', () => {
    expect(plainBlockText(P(T('a '), { type: 'emphasis', children: [T('b')] }))).toBeNull();
    expect(plainBlockText(P({ type: 'xref', scope: 'clause', target: '1', children: [T('Clause 1')] }))).toBeNull();
    expect(plainBlockText({ type: 'code', lang: null, value: 'x' })).toBeNull();
    expect(plainBlockText({ type: 'list', ordered: false, items: [[P(T('one'))], [P(T('two')), P({ type: 'code', value: 'x' })]] })).toBeNull();
    expect(plainBlockText({ type: 'list', ordered: false, items: [[P({ type: 'code', value: 'x' })], [P(T('two'))]] })).toBeNull();
    expect(plainBlockText({ type: 'quote', children: [P(T('one')), P({ type: 'strong', children: [T('two')] })] })).toBeNull();
  });

  it('should make no run of an empty text and one plain run of any other', () => {
    expect(plainRuns('')).toEqual([]);
    expect(plainRuns('a b')).toEqual([{ text: 'a b', style: {}, styleKey: '', atomic: false }]);
  });
});

describe('TermIndex', () => {
  it('should keep terms of two words or more, by first word, longest first and then in order', () => {
    const index = new TermIndex(['Party', '   ', 'Smart Meter', '  Smart   Metering  System ', 'Smart Grid', 'Data Communications Company']);
    expect(index.size).toBe(2);
    expect(index.candidates('the Smart Meter', 4, 9)).toEqual([['Smart', 'Metering', 'System'], ['Smart', 'Grid'], ['Smart', 'Meter']]);
    expect(index.candidates('Data', 0, 4)).toEqual([['Data', 'Communications', 'Company']]);
    // Same first letter and length as `Smart`, but no term starts with it.
    expect(index.candidates('Sweet', 0, 5)).toBeUndefined();
    expect(index.candidates('Party', 0, 5)).toBeUndefined();
    expect(index.candidates('Meter', 0, 5)).toBeUndefined();
  });

  it('should say which words continue a term: any but the first', () => {
    const index = new TermIndex(['Smart Metering System']);
    expect(['Smart', 'Metering', 'System', 'Meter'].map((w) => index.continues(w))).toEqual([false, true, true, false]);
  });
});

describe('TokenKeys', () => {
  it('should keep the text of each key as first seen, whitespace collapsed when asked', () => {
    const keys = new TokenKeys();
    const a = keys.id('xx shall yy', 3, 8);
    expect([a, keys.key(a)]).toEqual([0, 'shall']);
    const b = keys.idCollapsed('the Smart \n\t Meter', 4, 18);
    expect([b, keys.key(b)]).toEqual([1, 'Smart Meter']);
    expect(keys.idOf('Smart Meter')).toBe(1);
    expect(keys.idOf('shall')).toBe(0);
    expect(keys.idCollapsed('Smart\u00a0Meter', 0, 11)).toBe(1);
    expect(keys.idOf('Smart  Meter')).toBe(2);
  });
});

describe('Tokenizer: tokens a reader reads as one', () => {
  it('should keep dates whole, in each of their forms', () => {
    expect(tokens('on 10 June 2022, 1st. March 2020, June 10th, 2022, 3 Mai 2021 and 2022-06-10.')).toEqual([
      'on =on', '10 June 2022=10 June 2022', ', =,', '1st. March 2020=1st. March 2020', ', =,', 'June 10th, 2022=June 10th, 2022', ', =,', '3 Mai 2021 =3 Mai 2021', 'and =and', '2022-06-10=2022-06-10', '.=.',
    ]);
  });

  it('should keep references whole, with their labels, and the words that start them on their own otherwise', () => {
    // `Appendix Bx` is no reference (its letters go on into a word): two capitalised words, one term.
    expect(tokens('Clause 18.12(a) and Sections 3 and Abs. 2 Satz 1 and § 20a and Art.5 and Appendix B and Appendix Bx and Clauses')).toEqual([
      'Clause 18.12(a) =Clause 18.12(a)', 'and =and', 'Sections 3 =Sections 3', 'and =and', 'Abs. 2 =Abs. 2', 'Satz 1 =Satz 1', 'and =and', '§ 20a =§ 20a', 'and =and', 'Art.5 =Art.5', 'and =and',
      'Appendix B =Appendix B', 'and =and', 'Appendix Bx =Appendix Bx', 'and =and', 'Clauses=Clauses',
    ]);
  });

  it('should keep numbers and labels whole', () => {
    expect(tokens('A12 and 3.4.5 and 12ab x 1,000/2 (a)(iv) (ABCDEF)')).toEqual(['A12 =A12', 'and =and', '3.4.5 =3.4.5', 'and =and', '12ab =12ab', 'x =x', '1,000/2 =1,000/2', '(a)(iv) =(a)(iv)', '(=(', 'ABCDEF=ABCDEF', ')=)']);
  });

  it('should keep words joined by an apostrophe or a hyphen whole, and any other character alone', () => {
    expect(tokens("don't it’s co-operate Ärger naïve x- -y 😀 £5")).toEqual(["don't =don't", 'it’s =it’s', 'co-operate =co-operate', 'Ärger =Ärger', 'naïve =naïve', 'x=x', '- =-', '-=-', 'y =y', '😀 =😀', '£=£', '5=5']);
  });

  it('should keep a word that only looks like a month or reference word a word', () => {
    // `Mayor` starts like `May`, `Clausewitz` like `Clause`: each a word, the number after it a token of its own.
    expect(tokens('Mayor 2020 Clausewitz 7')).toEqual(['Mayor =Mayor', '2020 =2020', 'Clausewitz =Clausewitz', '7=7']);
  });
});

describe('Tokenizer: Capitalised Terms', () => {
  it('should join a run of capitalised words with one in title case, but not acronyms alone nor a sentence opener', () => {
    expect(tokens('The Smart Meter System and DCC SMETS1 and DCC Party and Each Data Company')).toEqual([
      'The =The', 'Smart Meter System =Smart Meter System', 'and =and', 'DCC =DCC', 'SMETS1 =SMETS1', 'and =and', 'DCC Party =DCC Party', 'and =and', 'Each =Each', 'Data Company=Data Company',
    ]);
  });

  it('should join terms of non-ASCII and hyphenated words, and a term re-wrapped or spaced apart, to one key', () => {
    expect(tokens('über Ärger Bericht and Co-operation Agreement x')).toEqual(['über =über', 'Ärger Bericht =Ärger Bericht', 'and =and', 'Co-operation Agreement =Co-operation Agreement', 'x=x']);
    expect(tokens('a Smart\nMeter x and Smart  Meter')).toEqual(['a =a', 'Smart\nMeter =Smart Meter', 'x =x', 'and =and', 'Smart  Meter=Smart Meter']);
    // Over a blank line: two words.
    expect(tokens('Smart\n\nMeter')).toEqual(['Smart\n\n=Smart', 'Meter=Meter']);
  });

  it('should not join a number or a reference into a term', () => {
    // `A12` is a number (as `A12` in `Schedule A12`), not a word of a term.
    expect(tokens('A12 Meter Reading')).toEqual(['A12 =A12', 'Meter Reading=Meter Reading']);
    expect(tokens('Meter Reading Clause 5')).toEqual(['Meter Reading =Meter Reading', 'Clause 5=Clause 5']);
  });

  it('should join a defined term of the documents, longest first, before any run of capitals', () => {
    const terms = ['Smart Metering System', 'Smart Metering', 'Supply licence'];
    expect(tokens('the Smart Metering System and Smart Metering Equipment and a Supply licence here', terms)).toEqual([
      'the =the', 'Smart Metering System =Smart Metering System', 'and =and', 'Smart Metering =Smart Metering', 'Equipment =Equipment', 'and =and', 'a =a', 'Supply licence =Supply licence', 'here=here',
    ]);
    // A term cut short, or run over a blank line, is no term.
    expect(tokens('Supply and Supply\n\nlicence', terms)).toEqual(['Supply =Supply', 'and =and', 'Supply\n\n=Supply', 'licence=licence']);
  });
});

describe('Tokenizer: whitespace and runs', () => {
  it('should let whitespace ride on the token before it, across runs, and stand alone only at the start', () => {
    expect(tokens('  leading space')).toEqual(['  = ', 'leading =leading', 'space=space']);
    expect(tokens([run('shall'), run(' report ', 'b'), run('  monthly')])).toEqual(['shall =shall', 'report   =report', 'monthly=monthly']);
    // Whitespace never rides on whitespace that stands alone.
    expect(tokens([run(' '), run(' x')])).toEqual([' = ', ' = ', 'x=x']);
  });

  it('should keep a reference run as one token, its key with whitespace collapsed', () => {
    expect(tokens([run('see '), run('Clause\n1.2', 'xclause:1.2\u0001', true), run(' and')])).toEqual(['see =see', 'Clause\n1.2 =Clause 1.2', 'and=and']);
  });

  it('should compare exact whitespace and formatting only when asked', () => {
    const keysOf = (exact: boolean, ...texts: Array<StyledRun[]>) => {
      const keys = new TokenKeys();
      const tokenizer = new Tokenizer({ exact, keys });
      return texts.map((runs) => tokenizer.tokenize(runs).map((t) => t.key));
    };
    const [a, b, c] = keysOf(false, [run('shall  report')], [run('shall report')], [run('shall report', 'b')]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const [x, y, z, w] = keysOf(true, [run('shall  report')], [run('shall report')], [run('shall report', 'b')], [run('shall report')]);
    expect([x![0] === y![0], y![0] === z![0], y![1] === z![1]]).toEqual([false, false, false]);
    expect(w).toEqual(y);
  });

  it('should tokenize a text of more pieces than its first tables hold', () => {
    const words = Array.from({ length: 1500 }, (_, k) => `w${k}`);
    const toks = tokens(words.join(' '));
    expect(toks.length).toBe(1500);
    expect(toks[1499]).toBe('w1499=w1499');
    expect(toks[1024]).toBe('w1024 =w1024');
  });
});

describe('wholeRunTokens', () => {
  it('should make one stand-in token a run, a run\'s leading whitespace riding on the token before', () => {
    const toks = wholeRunTokens([run('a'), run('  '), run(' b', 'b'), run(' Clause 1', 'x', true)]);
    expect(toks.map((t) => [t.text, t.key, t.run.styleKey])).toEqual([['a   ', -1, ''], ['b', -1, 'b'], [' Clause 1', -1, 'x']]);
  });

  it('should keep whitespace with nothing before it as a token, which no later whitespace rides on', () => {
    expect(wholeRunTokens([run(' '), run(' y')]).map((t) => t.text)).toEqual([' ', ' y']);
  });
});

describe('Tokenizer.changeWindow', () => {
  const tokenizer = (terms: string[] = []) => new Tokenizer({ exact: false, keys: new TokenKeys(), terms: new TermIndex(terms) });
  const windowOf = (o: StyledRun[], n: StyledRun[], terms: string[] = []) => {
    const w = tokenizer(terms).changeWindow(o, n);
    return { head: shown(w.head), oldMid: shown(w.oldMid), newMid: shown(w.newMid), tail: shown(w.tail) };
  };

  it('should cut at the start of a lower-case word after a space, before and after the change', () => {
    expect(windowOf([run('The DCC shall report monthly to the Panel.')], [run('The DCC shall report quarterly to the Panel.')])).toEqual({
      head: ['The DCC shall report '], oldMid: ['monthly '], newMid: ['quarterly '], tail: ['to the Panel.'],
    });
  });

  it('should not cut before a capital or a digit, which a term, a date or a reference may run into', () => {
    // `pay the Smart ` is the same, but a cut goes before a lower-case word: before `the`.
    expect(windowOf([run('pay the Smart Meter fee')], [run('pay the Smart Grid fee')])).toEqual({ head: ['pay '], oldMid: ['the Smart Meter '], newMid: ['the Smart Grid '], tail: ['fee'] });
    // Only `on ` is before the date, and a text is never cut at its start.
    expect(windowOf([run('on 10 June 2022 at noon')], [run('on 10 July 2022 at noon')])).toEqual({ head: [], oldMid: ['on 10 June 2022 '], newMid: ['on 10 July 2022 '], tail: ['at noon'] });
  });

  it('should not cut before a word that continues a defined term', () => {
    const terms = ['Supply licence'];
    expect(windowOf([run('a Supply licence holder x')], [run('a Supply licence holder y')], terms)).toEqual({ head: ['a Supply licence holder '], oldMid: ['x'], newMid: ['y'], tail: [] });
    expect(windowOf([run('the old Supply licence')], [run('the new Supply licence')], terms)).toEqual({ head: ['the '], oldMid: ['old Supply licence'], newMid: ['new Supply licence'], tail: [] });
    expect(windowOf([run('my Supply licence')], [run('my Supply licence')], terms)).toEqual({ head: ['my Supply licence'], oldMid: [], newMid: [], tail: [] });
  });

  it('should keep whole runs the same on both sides out of the window, and cut in the run that changed', () => {
    const o = [run('Before '), run('bold', 'b'), run(' the old text here '), run('after', 'b')];
    const n = [run('Before '), run('bold', 'b'), run(' the new text here '), run('after', 'b')];
    expect(windowOf(o, n)).toEqual({ head: ['Before ', 'bold/b', ' the '], oldMid: ['old '], newMid: ['new '], tail: ['text here ', 'after/b'] });
  });

  it('should not cut inside a run whose style changed, nor inside a reference or a link', () => {
    expect(windowOf([run('Before '), run('same text', 'b')], [run('Before '), run('same text')])).toEqual({ head: ['Before '], oldMid: ['same text/b'], newMid: ['same text'], tail: [] });
    const link = (text: string): StyledRun => ({ text, style: { href: 'u' }, styleKey: 'hu\u0001', atomic: false });
    // The space that starts ` y` rides on the link's last token: the run stays in the window.
    expect(windowOf([run('x '), link('the old guide'), run(' y')], [run('x '), link('the new guide'), run(' y')])).toEqual({ head: ['x '], oldMid: ['the old guide/hu\u0001', ' y'], newMid: ['the new guide/hu\u0001', ' y'], tail: [] });
  });

  it('should keep a run that starts with whitespace in the window with the run before it', () => {
    // A clean cut after the space that starts the run.
    expect(windowOf([run('a '), run('x', 'b'), run(' z')], [run('a '), run('x', 'b'), run(' y')])).toEqual({ head: ['a ', 'x/b', ' '], oldMid: ['z'], newMid: ['y'], tail: [] });
    // No clean cut in ` Zed`, whose space rides on `x`: the cut goes back before `x`.
    expect(windowOf([run('a '), run('x', 'b'), run(' Zed')], [run('a '), run('x', 'b'), run(' Zap')])).toEqual({ head: ['a '], oldMid: ['x/b', ' Zed'], newMid: ['x/b', ' Zap'], tail: [] });
    expect(windowOf([run('p', 'b'), run(' same')], [run('q', 'b'), run(' same')])).toEqual({ head: [], oldMid: ['p/b', ' same'], newMid: ['q/b', ' same'], tail: [] });
  });
});

describe('inlineRuns and blockRuns, more', () => {
  it('should make no run of empty text in a style of its own', () => {
    expect(shown(inlineRuns([T('a'), { type: 'strong', children: [T('')] }, { type: 'code', value: '' }]))).toEqual(['a']);
  });

  it('should give a heading the runs of its text', () => {
    expect(shown(blockRuns({ type: 'heading', depth: 3, children: [T('Fees and '), { type: 'emphasis', children: [T('charges')] }] }))).toEqual(['Fees and ', 'charges/i']);
  });
});
