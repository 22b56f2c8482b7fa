/**
 * The edges of the word diff's tokenizer (src/diff/tokens.ts), on texts written here: characters
 * the hand scanner leaves to the patterns (surrogate pairs, a digit in a capitalised word,
 * punctuation), where a run of Capitalised words stops, a tokenizer reused from text to text, and
 * where two texts may be cut apart around a change when the change is an insertion, a deletion or
 * a repeated word. Every expected token and cut is written by hand from the text.
 */
import { describe, expect, it } from 'vitest';
import { PLAIN_STYLE, plainRuns, TermIndex, Tokenizer, TokenKeys, type StyledRun } from '../../src/diff/tokens.js';

/** A run with a style key written here (`b`, `i`, ...): the tokenizer reads the key, not the style. */
const run = (text: string, styleKey = '', atomic = false): StyledRun => ({ text, style: PLAIN_STYLE, styleKey, atomic });
/** Runs as `text` with `/key` for a style and `!` for a run kept whole. */
const shown = (runs: readonly StyledRun[]) => runs.map((r) => `${r.text}${r.styleKey ? `/${r.styleKey}` : ''}${r.atomic ? '!' : ''}`);
const tokenizer = (terms: string[] = []) => new Tokenizer({ exact: false, keys: new TokenKeys(), terms: new TermIndex(terms) });

/** Tokens as `shown text=key`, the key being the text the diff compares. */
function tokensWith(t: Tokenizer, runs: StyledRun[]): string[] {
  return t.tokenize(runs).map((tok) => `${tok.text}=${t.keys.key(tok.key)}`);
}
const tokens = (text: string, terms: string[] = []) => tokensWith(tokenizer(terms), plainRuns(text));

function windowOf(o: StyledRun[], n: StyledRun[], terms: string[] = []) {
  const w = tokenizer(terms).changeWindow(o, n);
  return { head: shown(w.head), oldMid: shown(w.oldMid), newMid: shown(w.newMid), tail: shown(w.tail) };
}

describe('Tokenizer: characters the hand scanner leaves to the patterns', () => {
  it('should keep a word with a letter outside the Basic Multilingual Plane whole, also after a hyphen', () => {
    // 𝐀 (U+1D400) and 𐀀 (U+10000, the first pair of surrogates, \uD800\uDC00) are letters.
    expect(tokens('ab𝐀c and co-𝐀b x ab\u{10000}')).toEqual(['ab𝐀c =ab𝐀c', 'and =and', 'co-𝐀b =co-𝐀b', 'x =x', 'ab\u{10000}=ab\u{10000}']);
  });

  it('should keep a capitalised word with a digit whole with the words it joins by a hyphen', () => {
    // `SMETS1` is neither a number nor a reference: the word pattern reads it, and its `-ab`.
    expect(tokens('SMETS1-ab cd and SMETS2-x-y')).toEqual(['SMETS1-ab =SMETS1-ab', 'cd =cd', 'and =and', 'SMETS2-x-y=SMETS2-x-y']);
  });

  it('should keep punctuation a token of its own, also before a word', () => {
    expect(tokens('[abc] {x} ~y')).toEqual(['[=[', 'abc=abc', '] =]', '{={', 'x=x', '} =}', '~=~', 'y=y']);
  });

  it('should read a capital and one digit as a number, which no term runs into', () => {
    // `A0` and `A9` are numbers (as `A12`), each digit at an end of the digits' range.
    expect(tokens('A0 Meter and A9 Meter')).toEqual(['A0 =A0', 'Meter =Meter', 'and =and', 'A9 =A9', 'Meter=Meter']);
  });
});

describe('Tokenizer: where a run of Capitalised words starts and stops', () => {
  it('should join a word that starts with Z, and keep every sentence opener out of a term', () => {
    expect(tokens('Smart Zone x')).toEqual(['Smart Zone =Smart Zone', 'x=x']);
    expect(tokens('Where Smart Meter and Nothing Else Matters')).toEqual(['Where =Where', 'Smart Meter =Smart Meter', 'and =and', 'Nothing =Nothing', 'Else Matters=Else Matters']);
  });

  it('should join words over whitespace only, never over punctuation', () => {
    expect(tokens('Smart,Meter')).toEqual(['Smart=Smart', ',=,', 'Meter=Meter']);
    expect(tokens('Smart Meter,Data x')).toEqual(['Smart Meter=Smart Meter', ',=,', 'Data =Data', 'x=x']);
  });

  it('should not join a number after a term into it', () => {
    expect(tokens('Smart Meter A12 x')).toEqual(['Smart Meter =Smart Meter', 'A12 =A12', 'x=x']);
  });

  it('should join a defined term only when every word of it is there, whole', () => {
    expect(tokens('a Supply licences x', ['Supply licence'])).toEqual(['a =a', 'Supply =Supply', 'licences =licences', 'x=x']);
    // The defined term stops short: the run of capitals is joined instead, all three words.
    expect(tokens('Smart Metering Equipment x', ['Smart Metering System'])).toEqual(['Smart Metering Equipment =Smart Metering Equipment', 'x=x']);
  });

  it('should list the terms of one length in the order of their text, spaces included', () => {
    // By text `Data A Bz` comes before `Data Ab Z` (a space before a letter); their words run together would order them the other way.
    // Given in either order.
    expect(new TermIndex(['Data Ab Z', 'Data A Bz']).candidates('Data', 0, 4)).toEqual([['Data', 'A', 'Bz'], ['Data', 'Ab', 'Z']]);
    expect(new TermIndex(['Data A Bz', 'Data Ab Z']).candidates('Data', 0, 4)).toEqual([['Data', 'A', 'Bz'], ['Data', 'Ab', 'Z']]);
  });
});

describe('Tokenizer: one tokenizer for many texts', () => {
  it('should tokenize a text as a fresh tokenizer would, whatever it tokenized before', () => {
    // Each earlier text leaves a word in the piece tables just past where the next text's pieces end.
    const t = tokenizer(['Supply licence']);
    tokensWith(t, [run('a b c'), run('qwertyu', 'b')]);
    expect(tokensWith(t, [run('x', 'b'), run('licence Supply ')])).toEqual(['x=x', 'licence =licence', 'Supply =Supply']);
    const u = tokenizer();
    tokensWith(u, plainRuns('ab cd Meter'));
    expect(tokensWith(u, plainRuns('Smart Meter '))).toEqual(['Smart Meter =Smart Meter']);
  });
});

describe('Tokenizer.changeWindow: the edges of a change', () => {
  it('should never let the common tail reach back into the common head when a word is repeated', () => {
    expect(windowOf([run('a b c')], [run('a b b c')])).toEqual({ head: ['a b '], oldMid: [], newMid: ['b '], tail: ['c'] });
    expect(windowOf([run('a b b c')], [run('a b c')])).toEqual({ head: ['a b '], oldMid: ['b '], newMid: [], tail: ['c'] });
  });

  it('should cut only where both texts cut cleanly', () => {
    // The same `the Smart ` goes on into `meter` (a word) and into `Meter` (a term): no cut before it.
    expect(windowOf([run('the Smart meter')], [run('the Smart Meter')])).toEqual({ head: [], oldMid: ['the Smart meter'], newMid: ['the Smart Meter'], tail: [] });
    // The same `fee` follows a space in one text only.
    expect(windowOf([run('pay xfee')], [run('pay x fee')])).toEqual({ head: ['pay '], oldMid: ['xfee'], newMid: ['x fee'], tail: [] });
  });

  it('should not cut a text at its end, nor before a non-ASCII letter', () => {
    expect(windowOf([run('pay ')], [run('pay fee')])).toEqual({ head: [], oldMid: ['pay '], newMid: ['pay fee'], tail: [] });
    // `Neuer Ärger` and `Alter Ärger` are each one term: `Ärger` stays with the word before it.
    expect(windowOf([run('a Neuer Ärger')], [run('a Alter Ärger')])).toEqual({ head: [], oldMid: ['a Neuer Ärger'], newMid: ['a Alter Ärger'], tail: [] });
  });

  it('should keep the window at the start when the first run starts with whitespace', () => {
    expect(windowOf([run(' X')], [run(' Y')])).toEqual({ head: [], oldMid: [' X'], newMid: [' Y'], tail: [] });
  });

  it('should go back before a run that starts with whitespace on one side only', () => {
    expect(windowOf([run('a '), run('x', 'b'), run(' Zed')], [run('a '), run('x', 'b'), run('Zap')])).toEqual({ head: ['a '], oldMid: ['x/b', ' Zed'], newMid: ['x/b', 'Zap'], tail: [] });
  });

  it('should keep whole runs after the change out of the window, the run that starts a token included', () => {
    expect(windowOf([run('x'), run('same', 'b')], [run('y'), run('same', 'b')])).toEqual({ head: [], oldMid: ['x'], newMid: ['y'], tail: ['same/b'] });
  });

  it('should give an inserted run to the window alone, the runs after it to the tail', () => {
    expect(windowOf([run('Z')], [run('Q', 'b'), run('Z')])).toEqual({ head: [], oldMid: [], newMid: ['Q/b'], tail: ['Z'] });
    expect(windowOf([run('p q', 'b'), run('Zed', 'i')], [run('p q', 'b'), run('new', 'i'), run('x q', 'b'), run('Zed', 'i')])).toEqual({
      head: ['p q/b'], oldMid: [], newMid: ['new/i', 'x q/b'], tail: ['Zed/i'],
    });
  });

  it('should give a deleted run to the window alone, the runs after it to the tail', () => {
    expect(windowOf([run('p q', 'b'), run('new', 'i'), run('x q', 'b'), run('Zed', 'i')], [run('p q', 'b'), run('Zed', 'i')])).toEqual({
      head: ['p q/b'], oldMid: ['new/i', 'x q/b'], newMid: [], tail: ['Zed/i'],
    });
  });

  it('should not let the tail take the run cut by the head, when runs are inserted or deleted after the cut', () => {
    const o = [run('a b', 'b')];
    const n = [run('a c', 'b'), run('x', 'i'), run('a b', 'b')];
    expect(windowOf(o, n)).toEqual({ head: ['a /b'], oldMid: [], newMid: ['c/b', 'x/i', 'a /b'], tail: ['b/b'] });
    expect(windowOf(n, o)).toEqual({ head: ['a /b'], oldMid: ['c/b', 'x/i', 'a /b'], newMid: [], tail: ['b/b'] });
  });

  it('should find the common tail of a run after the head\'s over the whole of that run', () => {
    const o = [run('p long long x', 'b'), run('q one two three')];
    const n = [run('p long long y', 'b'), run('r one two three')];
    expect(windowOf(o, n)).toEqual({ head: ['p long long /b'], oldMid: ['x/b', 'q '], newMid: ['y/b', 'r '], tail: ['one two three'] });
  });

  it('should not take a reference kept whole and a run of the same text for the same run', () => {
    expect(windowOf([run('Clause 1', 'x', true), run(' old', 'i')], [run('Clause 1', 'x'), run(' new', 'i')])).toEqual({
      head: [], oldMid: ['Clause 1/x!', ' old/i'], newMid: ['Clause 1/x', ' new/i'], tail: [],
    });
  });

  it('should not cut inside a reference whose words are left to the tokenizer', () => {
    const ref = (text: string): StyledRun => ({ text, style: { xref: { scope: 'clause', target: '1' } }, styleKey: 'xclause:1\u0001', atomic: false });
    expect(windowOf([run('x '), ref('the old guide'), run(' y')], [run('x '), ref('the new guide'), run(' y')])).toEqual({
      head: ['x '], oldMid: ['the old guide/xclause:1\u0001', ' y'], newMid: ['the new guide/xclause:1\u0001', ' y'], tail: [],
    });
  });
});

describe('Tokenizer.changeWindow: cuts beside the defined terms', () => {
  const terms = ['Supply licence'];

  it('should cut before a lower-case word the hand scanner reads, hyphenated, with a digit or starting with a', () => {
    expect(windowOf([run('x old annual fee')], [run('x new annual fee')], terms)).toEqual({ head: ['x '], oldMid: ['old '], newMid: ['new '], tail: ['annual fee'] });
    expect(windowOf([run('x old b2b fee')], [run('x new b2b fee')], terms)).toEqual({ head: ['x '], oldMid: ['old '], newMid: ['new '], tail: ['b2b fee'] });
    expect(windowOf([run('we pay co-operative fees')], [run('we owe co-operative fees')], terms)).toEqual({ head: ['we '], oldMid: ['pay '], newMid: ['owe '], tail: ['co-operative fees'] });
    // A private-use character (a paragraph break in a regrouped text) ends the word like any mark.
    expect(windowOf([run('x old end\uE000y')], [run('x new end\uE000y')], terms)).toEqual({ head: ['x '], oldMid: ['old '], newMid: ['new '], tail: ['end\uE000y'] });
  });

  it('should not cut before a word the hand scanner leaves to the pattern (a surrogate in it), as it cannot ask whether the word continues a term', () => {
    expect(windowOf([run('x old ab𝐀')], [run('x new ab𝐀')], terms)).toEqual({ head: ['x '], oldMid: ['old ab𝐀'], newMid: ['new ab𝐀'], tail: [] });
    // Even a surrogate alone, the last one (\uDFFF).
    expect(windowOf([run('x old ab\uDFFF')], [run('x new ab\uDFFF')], terms)).toEqual({ head: ['x '], oldMid: ['old ab\uDFFF'], newMid: ['new ab\uDFFF'], tail: [] });
  });

  it('should cut there when the documents define no term, or the tokenizer is given none', () => {
    expect(windowOf([run('x old ab𝐀')], [run('x new ab𝐀')])).toEqual({ head: ['x '], oldMid: ['old '], newMid: ['new '], tail: ['ab𝐀'] });
    const w = new Tokenizer({ exact: false, keys: new TokenKeys() }).changeWindow([run('x old ab𝐀')], [run('x new ab𝐀')]);
    expect([w.head, w.oldMid, w.newMid, w.tail].map(shown)).toEqual([['x '], ['old '], ['new '], ['ab𝐀']]);
  });
});
