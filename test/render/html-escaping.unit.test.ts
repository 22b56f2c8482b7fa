/**
 * The HTML writer's escaping and marks: source text is never markup, redline marks become
 * <ins>/<del> around the run's own formatting, and CSS strings cannot close their <style>.
 * Every expected string is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { columnStyle, cssString, fontFaceCss, runsHtml } from '../../src/render/html/index.js';

describe('render/html: runs', () => {
  it('should escape every markup character of the text and keep line breaks as <br>', () => {
    expect(runsHtml([{ text: `<script>alert("x" & 'y')</script>\`=` }])).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#x27;y&#x27;)&lt;/script&gt;&#x60;&#x3D;');
    expect(runsHtml([{ text: 'one\ntwo\nthree' }])).toBe('one<br>two<br>three');
    expect(runsHtml(null)).toBe('');
    expect(runsHtml(undefined)).toBe('');
    expect(runsHtml([])).toBe('');
  });

  it('should nest code, bold, italic, strike, link and mark in that order, outermost last', () => {
    expect(runsHtml([{ text: 'x', code: true, bold: true, italic: true, strike: true, ref: 'c-1', mark: 'ins' }])).toBe(
      '<ins><a href="#c-1"><s><em><strong><code>x</code></strong></em></s></a></ins>',
    );
    expect(runsHtml([{ text: 'gone', mark: 'del' }, { text: ' kept' }, { text: 'new', mark: 'ins' }])).toBe('<del>gone</del> kept<ins>new</ins>');
    expect(runsHtml([{ text: 'b', bold: true }, { text: 'i', italic: true }, { text: 'c', code: true }, { text: 's', strike: true }])).toBe(
      '<strong>b</strong><em>i</em><code>c</code><s>s</s>',
    );
  });

  it('should link a reference to its clause, else an external link, escaping both', () => {
    expect(runsHtml([{ text: 'Clause 1', ref: 'c-1"><b', href: 'https://example.org' }])).toBe('<a href="#c-1&quot;&gt;&lt;b">Clause 1</a>');
    expect(runsHtml([{ text: 'site', href: 'https://example.org/?a=1&b="2"' }])).toBe('<a href="https://example.org/?a&#x3D;1&amp;b&#x3D;&quot;2&quot;">site</a>');
  });
});

describe('render/html: CSS strings', () => {
  it('should quote text for `content:` with six-digit escapes for quotes, backslashes, markup and controls', () => {
    expect(cssString('Annex A')).toBe('"Annex A"');
    expect(cssString(`"'\\<>&`)).toBe('"\\000022\\000027\\00005c\\00003c\\00003e\\000026"');
    expect(cssString('</style><script>')).toBe('"\\00003c/style\\00003e\\00003cscript\\00003e"');
    expect(cssString('a\u0000b\u001fc\u007fd\u009fe\u2028f\u2029')).toBe('"a\\000000b\\00001fc\\00007fd\\00009fe\\002028f\\002029"');
    expect(cssString('\u00a0é – €')).toBe('"\u00a0é – €"');
  });
});

describe('render/html: columns and fonts', () => {
  it('should pad a block by the number columns up to its indent and hang it by its own', () => {
    const layout = { numberColumns: [1.5, 2.25, 3.125] } as never;
    expect(columnStyle(0, layout)).toBe('--pad: 1.5rem; --hang: 1.5rem');
    expect(columnStyle(1, layout)).toBe('--pad: 3.75rem; --hang: 2.25rem');
    expect(columnStyle(2, layout)).toBe('--pad: 6.88rem; --hang: 3.13rem');
    expect(columnStyle(5, layout)).toBe('--pad: 6.88rem; --hang: 3.13rem');
    expect(columnStyle(0, { numberColumns: [] } as never)).toBe('--pad: 0rem; --hang: 0rem');
  });

  it('should name every shipped font file under the base given', () => {
    const css = fontFaceCss('../../fonts/');
    const rules = css.trim().split('\n');
    expect(rules.length).toBe(4);
    for (const rule of rules) expect(rule).toMatch(/^@font-face \{ font-family: [^;]+; font-weight: \d+; font-style: (normal|italic); font-display: swap; src: local\("[^"]+"\), url\("\.\.\/\.\.\/fonts\/[^"]+\.ttf"\) format\("truetype"\); \}$/);
    expect(css.endsWith('; }\n')).toBe(true);
    expect(new Set(rules.map((r) => /font-weight: (\d+); font-style: (\w+)/.exec(r)!.slice(1).join(' ')))).toEqual(new Set(['400 normal', '400 italic', '700 normal', '700 italic']));
  });
});
