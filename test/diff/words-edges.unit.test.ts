/**
 * The word diff's edges (src/diff/words.ts), on runs written here: words kept in another order,
 * the bound as Myers and the one-sided words share it, scratch marks past the first key ids and
 * between calls, texts cut at anchors, the clean-up's lengths, spaces at the ends of a change,
 * links and references, and a window that must give way to the whole texts. Every expected
 * segment is written by hand.
 */
import { describe, expect, it } from 'vitest';
import { plainRuns, TermIndex, Tokenizer, TokenKeys, type StyledRun } from '../../src/diff/tokens.js';
import { WordDiff } from '../../src/diff/words.js';

/** A word diff whose key table already holds `seen` (in order), as later texts of a long comparison find it. */
const words = (maxEditLength = 1000, exact = false, seen: readonly string[] = []) => {
  const keys = new TokenKeys();
  for (const k of seen) keys.idOf(k);
  return new WordDiff(new Tokenizer({ exact, keys, terms: new TermIndex([]) }), maxEditLength);
};
const diff = (o: string, n: string, maxEditLength = 1000) => words(maxEditLength).diff(plainRuns(o), plainRuns(n));
const segs = (o: string, n: string, maxEditLength = 1000) => diff(o, n, maxEditLength).segments.map((s) => `${s.op}:${s.text}`);
const bold = (text: string): StyledRun => ({ text, style: { bold: true }, styleKey: 'b', atomic: false });
const link = (text: string, href = 'u'): StyledRun => ({ text, style: { href }, styleKey: `h${href}\u0001`, atomic: false });
const ref = (text: string, target: string): StyledRun => ({ text, style: { xref: { scope: 'clause', target } }, styleKey: `xclause:${target}\u0001`, atomic: true });
const xref = (target: string) => ({ xref: { scope: 'clause' as const, target } });

describe('WordDiff: words both texts have', () => {
  it('should keep the words both texts have in another order as unchanged text where they still line up', () => {
    expect(diff('the supplier shall notify the customer', 'the customer shall notify the supplier')).toEqual({
      segments: [
        { op: 'equal', text: 'the ' },
        { op: 'delete', text: 'supplier' },
        { op: 'insert', text: 'customer' },
        { op: 'equal', text: ' shall notify the ' },
        { op: 'delete', text: 'customer' },
        { op: 'insert', text: 'supplier' },
      ],
      changed: true,
      replacedWhole: false,
    });
  });

  it('should never show two different words as unchanged, when words swap places', () => {
    // `monthly` and `rent` change places: at most one of them lines up, and the clean-up folds it.
    expect(segs('Old monthly rent', 'New rent monthly')).toEqual(['delete:Old monthly rent', 'insert:New rent monthly']);
    // A word moves across two others: those two stay unchanged, and the word is deleted and inserted.
    expect(diff('Old fee is promptly paid monthly', 'New fee is paid monthly promptly').segments).toEqual([
      { op: 'delete', text: 'Old' },
      { op: 'insert', text: 'New' },
      { op: 'equal', text: ' fee is ' },
      { op: 'delete', text: 'promptly ' },
      { op: 'equal', text: 'paid monthly ', old: 'paid monthly' },
      { op: 'insert', text: 'promptly' },
    ]);
    expect(diff('Old fee is paid monthly promptly', 'New fee is promptly paid monthly').segments).toEqual([
      { op: 'delete', text: 'Old' },
      { op: 'insert', text: 'New' },
      { op: 'equal', text: ' fee is ' },
      { op: 'insert', text: 'promptly ' },
      { op: 'equal', text: 'paid monthly', old: 'paid monthly ' },
      { op: 'delete', text: 'promptly' },
    ]);
  });

  it('should never call a pure addition or deletion past the bound a whole replacement', () => {
    expect(diff('The fee', 'The fee is due monthly', 1)).toEqual({
      segments: [{ op: 'equal', text: 'The fee ', old: 'The fee' }, { op: 'insert', text: 'is due monthly' }],
      changed: true,
      replacedWhole: false,
    });
    expect(diff('The fee is due monthly', 'The fee', 1)).toEqual({
      segments: [{ op: 'equal', text: 'The fee', old: 'The fee ' }, { op: 'delete', text: 'is due monthly' }],
      changed: true,
      replacedWhole: false,
    });
  });

  it('should count the words only one side has against the bound, then give Myers what is left of it', () => {
    // One word only in the new text (`promptly`), and four steps for Myers: five in all.
    const o = 'the supplier shall notify the customer';
    const n = 'the customer shall notify the supplier promptly';
    expect(diff(o, n, 5)).toEqual({
      segments: [
        { op: 'equal', text: 'the ' },
        { op: 'delete', text: 'supplier' },
        { op: 'insert', text: 'customer' },
        { op: 'equal', text: ' shall notify the ' },
        { op: 'delete', text: 'customer' },
        { op: 'insert', text: 'supplier promptly' },
      ],
      changed: true,
      replacedWhole: false,
    });
    expect(diff(o, n, 4)).toEqual({
      segments: [
        { op: 'equal', text: 'the ' },
        { op: 'delete', text: 'supplier shall notify the customer' },
        { op: 'insert', text: 'customer shall notify the supplier promptly' },
      ],
      changed: true,
      replacedWhole: true,
    });
    // Four words with no equal on the other side, none in common: past a bound of 3, within 4.
    expect(diff('annual fee', 'quarterly levy', 3).replacedWhole).toBe(true);
    expect(diff('annual fee', 'quarterly levy', 4).replacedWhole).toBe(false);
  });

  it('should forget which words one diff saw before the next, on both sides', () => {
    const w = words(2);
    // Four words with no equal on the other side each time, past a bound of 2: every diff is
    // replaced whole, also when the words of the diff before come back on the other side.
    expect(w.diff(plainRuns('annual fee'), plainRuns('quarterly levy')).replacedWhole).toBe(true);
    expect(w.diff(plainRuns('quarterly levy'), plainRuns('monthly charge')).replacedWhole).toBe(true);
    expect(w.diff(plainRuns('weekly rate'), plainRuns('annual fee')).replacedWhole).toBe(true);
  });

  it('should keep its scratch memory bounded over many diffs', () => {
    // A comparison runs thousands of word diffs on one WordDiff: its table of marks grows only
    // with the key ids, never with the number of diffs.
    const w = words();
    const before = process.memoryUsage().arrayBuffers;
    for (let k = 0; k < 14; k++) expect(w.diff(plainRuns('annual fee'), plainRuns('quarterly levy')).changed).toBe(true);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 << 20);
  });

  it('should pair words whose key ids lie past the first thousand and past twice that', () => {
    // A long comparison has seen many words before: the ids of this text's words start high.
    // `a` and `b` (both texts) take the largest ids, `x` (old only) one below, `y` (new only) was seen first.
    for (const before of [1021, 2045]) {
      const seen = ['y', ...Array.from({ length: before }, (_, k) => `seen${k}`)];
      expect(words(1000, false, seen).diff(plainRuns('x a b'), plainRuns('a b y')).segments).toEqual([
        { op: 'delete', text: 'x ' },
        { op: 'equal', text: 'a b ', old: 'a b' },
        { op: 'insert', text: 'y' },
      ]);
    }
  });
});

describe('WordDiff: long texts cut at anchors', () => {
  /** 64 words between `The DCC ` and ` end`: eight of them changed, the first and last among them. */
  const sixtyFour = (side: 'old' | 'new', count = 64) =>
    `The DCC ${Array.from({ length: count }, (_, k) => {
      if (k !== 0 && k !== count - 1 && k % 9 !== 0) return `w${k}`;
      const first = k === 0 || k === count - 1 ? (side === 'old' ? 'W' : 'V') : side === 'old' ? 'w' : 'v';
      return `${first}${k}`;
    }).join(' ')} end`;

  it('should cut a text at its anchors only past 4096 pairs of tokens, counted after the common head', () => {
    // 64 by 64 changed tokens (`The DCC ` is trimmed as common, as a capital cannot start a cut):
    // not cut, so the 16 one-sided words pass the bound of 5 and the middle is replaced whole.
    const whole = diff(sixtyFour('old'), sixtyFour('new'), 5);
    expect(whole.replacedWhole).toBe(true);
    expect(whole.segments.map((s) => s.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(whole.segments[0]!.text).toBe('The DCC ');
    // 65 by 65: cut at the unchanged words, each piece within the bound (`w63` and `W64` are next to each other).
    const cut = diff(sixtyFour('old', 65), sixtyFour('new', 65), 5);
    expect(cut.replacedWhole).toBe(false);
    expect(cut.segments.filter((s) => s.op !== 'equal').map((s) => `${s.op}:${s.text}`)).toEqual(
      ['W0', 'w9', 'w18', 'w27', 'w36', 'w45', 'w54', 'w63 W64'].flatMap((w) => [`delete:${w}`, `insert:${w.replace('W', 'V').replace('w', 'v')}`]),
    );
  });

  it('should diff a long text with no word found once on each side whole', () => {
    // 71 tokens a side, every word but `c` and `d` repeated: no anchor.
    const ab = Array.from({ length: 35 }, () => 'a b').join(' ');
    expect(diff(`${ab} c`, `d ${ab}`).segments).toEqual([
      { op: 'insert', text: 'd ' },
      { op: 'equal', text: ab, old: `${ab} ` },
      { op: 'delete', text: 'c' },
    ]);
  });

  it('should take as anchors only words found exactly once on each side', () => {
    // `x` twice in the old text and once in the new: not an anchor, so it pairs where Myers pairs it.
    const ab = Array.from({ length: 35 }, () => 'a b').join(' ');
    expect(diff(`x ${ab} x`, `y x ${ab}`).segments).toEqual([
      { op: 'insert', text: 'y ' },
      { op: 'equal', text: `x ${ab}`, old: `x ${ab} ` },
      { op: 'delete', text: 'x' },
    ]);
    expect(diff(`x ${ab} x`, `${ab} x y`).segments).toEqual([
      { op: 'delete', text: 'x ' },
      { op: 'equal', text: `${ab} x `, old: `${ab} x` },
      { op: 'insert', text: 'y' },
    ]);
  });
});

describe('WordDiff: the common head and tail inside the window', () => {
  it('should replace only the changed middle past the bound, where the common words start with a capital or a digit', () => {
    // No clean cut before `X` or `5`: the common words reach the diff, which trims them itself.
    expect(diff('5 6 X', '5 6 W', 1)).toEqual({ segments: [{ op: 'equal', text: '5 6 ' }, { op: 'delete', text: 'X' }, { op: 'insert', text: 'W' }], changed: true, replacedWhole: true });
    expect(diff('X 5 6', 'W 5 6', 1)).toEqual({ segments: [{ op: 'delete', text: 'X' }, { op: 'insert', text: 'W' }, { op: 'equal', text: ' 5 6' }], changed: true, replacedWhole: true });
  });

  it('should give a word added next to its twin before a paragraph break the place a whole diff gives it', () => {
    expect(diff('a b\n\nc', 'a b b\n\nc').segments).toEqual([{ op: 'equal', text: 'a b ', old: 'a b\n\n' }, { op: 'insert', text: 'b\n\n' }, { op: 'equal', text: 'c' }]);
    expect(diff('a b b\n\nc', 'a b\n\nc').segments).toEqual([{ op: 'equal', text: 'a b\n\n', old: 'a b ' }, { op: 'delete', text: 'b\n\n' }, { op: 'equal', text: 'c' }]);
  });

  it('should give a word added after a full stop the place a whole diff gives it, where both windows hold words', () => {
    // The windows are `Paid.` + line break against `Paid.of` + space and line break: the first all
    // matches the second, and `of` after it pairs with the `of` that follows in the old text.
    expect(diff('Paid.\nof\n\nnote', 'Paid.of \nof\n\nnote').segments).toEqual([
      { op: 'equal', text: 'Paid.of \n', old: 'Paid.\nof\n\n' },
      { op: 'insert', text: 'of\n\n' },
      { op: 'equal', text: 'note' },
    ]);
  });

  it('should diff a change before more unchanged runs than it has tokens', () => {
    const runs = (first: string) => [...plainRuns(`${first} `), bold('a'), ...plainRuns(' b '), bold('c'), ...plainRuns(' d')];
    expect(words().diff(runs('old'), runs('new')).segments).toEqual([
      { op: 'delete', text: 'old' },
      { op: 'insert', text: 'new' },
      { op: 'equal', text: ' ' },
      { op: 'equal', text: 'a ', bold: true },
      { op: 'equal', text: 'b ' },
      { op: 'equal', text: 'c ', bold: true },
      { op: 'equal', text: 'd' },
    ]);
  });

  it('should tell formatting apart when asked, even in runs of the same text', () => {
    expect(words(1000, true).diff([bold('due')], plainRuns('due'))).toEqual({ segments: [{ op: 'delete', text: 'due', bold: true }, { op: 'insert', text: 'due' }], changed: true, replacedWhole: false });
  });
});

describe('WordDiff: the clean-up for reading', () => {
  it('should fold a word between two deletions into them', () => {
    expect(segs('promptly pay in full', 'pay')).toEqual(['delete:promptly pay in full', 'insert:pay']);
  });

  it('should fold an equality only when the changes on both sides are at least as long as it', () => {
    // ` monthly ` is longer than `a`/`the` before it: kept, however long the change after it.
    expect(segs('a monthly report was sent', 'the monthly statement is published')).toEqual(['delete:a', 'insert:the', 'equal: monthly ', 'delete:report was sent', 'insert:statement is published']);
    // `two ` (4) against `one `/`six ` (4) before it: folded at equal length, on either side.
    expect(segs('one two three four', 'six two seven four')).toEqual(['delete:one two three', 'insert:six two seven', 'equal: four']);
    expect(segs('one two tri four', 'fifty two six four')).toEqual(['delete:one two tri', 'insert:fifty two six', 'equal: four']);
    // A change that only deletes is as long as what it deletes.
    expect(segs('one two three four', 'two seven four')).toEqual(['delete:one two three', 'insert:two seven', 'equal: four']);
  });

  it('should fold again with what a fold made, before and after it', () => {
    // `d ` folds first (`c`/`y` and `eeeee`/`zzzzz` around it); then ` bb ` is shorter than the joined change.
    expect(segs('aaaa bb c d eeeee', 'xxxx bb y d zzzzz')).toEqual(['delete:aaaa bb c d eeeee', 'insert:xxxx bb y d zzzzz']);
    // `b` folds into `aaaaaaa`..`ccccccc`, whose deletion (18 characters) then takes in the 15 of the `d`s.
    const long = 'aaaaaaa b ccccccc dddddddddddddd eeeeeeeeeeeeeee';
    const short = 'x b y dddddddddddddd z';
    expect(segs(long, short)).toEqual([`delete:${long}`, `insert:${short}`]);
    expect(segs(short, long)).toEqual([`delete:${short}`, `insert:${long}`]);
  });
});

describe('WordDiff: spaces at the ends of a change', () => {
  it('should keep a trailing space inside a change when only one side has it', () => {
    expect(segs('paid monthly', 'paid quarterly ')).toEqual(['equal:paid ', 'delete:monthly', 'insert:quarterly ']);
    expect(segs('paid monthly ', 'paid quarterly')).toEqual(['equal:paid ', 'delete:monthly ', 'insert:quarterly']);
  });

  it('should keep spaces that are a whole token inside the change', () => {
    expect(diff('  X', 'Y X').segments).toEqual([{ op: 'delete', text: '  ' }, { op: 'insert', text: 'Y ' }, { op: 'equal', text: 'X' }]);
    expect(diff('Y X', '  X').segments).toEqual([{ op: 'delete', text: 'Y ' }, { op: 'insert', text: '  ' }, { op: 'equal', text: 'X' }]);
  });
});

describe('WordDiff: links and references', () => {
  it('should give the space after a reference back to plain text', () => {
    const runs = (last: string) => [...plainRuns('See '), ref('Clause 2', '2'), ...plainRuns(` and the ${last}`)];
    expect(words().diff(runs('fee'), runs('levy')).segments).toEqual([
      { op: 'equal', text: 'See ' },
      { op: 'equal', text: 'Clause 2', ...xref('2') },
      { op: 'equal', text: ' and the ' },
      { op: 'delete', text: 'fee' },
      { op: 'insert', text: 'levy' },
    ]);
  });

  it('should keep a link made of spaces alone whole', () => {
    expect(words().diff([link(' the guide')], [link(' a guide')]).segments).toEqual([
      { op: 'equal', text: ' ', href: 'u' },
      { op: 'delete', text: 'the', href: 'u' },
      { op: 'insert', text: 'a', href: 'u' },
      { op: 'equal', text: ' ' },
      { op: 'equal', text: 'guide', href: 'u' },
    ]);
  });

  it('should mark a link whose number changed at the number, as a reference', () => {
    expect(words().diff([link('Clause 3')], [link('Clause 4')]).segments).toEqual([
      { op: 'equal', text: 'Clause ', href: 'u' },
      { op: 'delete', text: '3', href: 'u' },
      { op: 'insert', text: '4', href: 'u' },
    ]);
  });

  it('should split only a deleted reference followed by an inserted one', () => {
    expect(words().diff([ref('Clause 1', '1')], [ref('Clause 1', '1'), ref('Clause 2', '2')]).segments).toEqual([
      { op: 'equal', text: 'Clause 1', ...xref('1') },
      { op: 'insert', text: 'Clause 2', ...xref('2') },
    ]);
    expect(words().diff([ref('Clause 1', '1'), ref('Clause 2', '2')], [ref('Clause 2', '2')]).segments).toEqual([
      { op: 'delete', text: 'Clause 1', ...xref('1') },
      { op: 'equal', text: 'Clause 2', ...xref('2') },
    ]);
  });

  it('should not split a link when the words they share are all of one side', () => {
    // With formatting shown, a link of a no-break space against one that goes on: nothing is left to mark on one side.
    expect(words(1000, true).diff([link('\u00a0')], [link('\u00a0 x')]).segments).toEqual([
      { op: 'delete', text: '\u00a0', href: 'u' },
      { op: 'insert', text: '\u00a0 x', href: 'u' },
    ]);
    expect(words(1000, true).diff([link('\u00a0 x')], [link('\u00a0')]).segments).toEqual([
      { op: 'delete', text: '\u00a0 x', href: 'u' },
      { op: 'insert', text: '\u00a0', href: 'u' },
    ]);
  });
});
