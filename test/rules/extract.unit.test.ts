/**
 * Obligations read from the text, at the edges of what makes a subject: which words join a run
 * of Capitalised words and which end it, references and bracketed labels that are no actor, a
 * stem that gives its actor to its sub-paragraphs only when it ends with a colon, and a reference
 * with no place of its own. Every expected actor written by hand.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument } from '../../src/parse/index.js';
import { deriveFromText, obligationsIn } from '../../src/rules/index.js';

const read = (sentence: string) => obligationsIn(sentence).map((o) => [o.modal, o.actor]);
const derive = (body: string) => deriveFromText(parseDocument(`---\nappendix: AK\ntitle: T\nversion: "10.0"\ndesignated_by: d\n---\n\n${body}`, new VFile({ path: 'x.md' })));

describe('rules/extract: the words of a subject', () => {
  it('should take only words that begin with a capital and hold letters, digits, brackets, apostrophes and hyphens', () => {
    expect(read('Each non-DCC Party shall act.')).toEqual([['shall', 'Party']]);
    expect(read('Each Supplier/Network Party shall act.')).toEqual([['shall', 'Party']]);
  });

  it('should join words by "and" only between two Capitalised words', () => {
    // "Ofgem and" is no subject: the second modal keeps the first one's.
    expect(read('The DCC shall inform Ofgem and may publish the report.')).toEqual([
      ['shall', 'DCC'],
      ['may', 'DCC'],
    ]);
    expect(read('Holders of eIDAS and UK Certificates shall renew them.')).toEqual([['shall', 'UK Certificates']]);
  });

  it('should keep a plural subject whole, and cut only a possessive `s`', () => {
    expect(read('The Network Operators shall act.')).toEqual([['shall', 'Network Operators']]);
    expect(read('Sectional Panels shall meet.')).toEqual([['shall', 'Sectional Panels']]);
  });

  it('should take a word that only ends like a reference for a subject, and a bracketed label for none', () => {
    expect(read('Cross-Section Data shall be kept.')).toEqual([['shall', 'Cross-Section Data']]);
    expect(read('Where both apply, (A) and (B) shall be read together.')).toEqual([['shall', null]]);
  });

  it('should end a subject found earlier in the sentence at a word joined by a slash or beginning in lower case', () => {
    expect(read('Where the Panel and Ofgem/Citizens Advice agree, they shall publish.')).toEqual([['shall', 'Panel']]);
    expect(read('Where the Panel and eIDAS rules apply, it shall act.')).toEqual([['shall', 'Panel']]);
    // A run earlier in the sentence goes on past "of" or "and" only: not past a verb to the next name.
    expect(read('Where the Panel asks Ofgem to decide, it shall act.')).toEqual([['shall', 'Panel']]);
  });

  it('should pass over "as the case" only before "may"', () => {
    expect(read('The DCC shall act as the case shall require.')).toEqual([
      ['shall', 'DCC'],
      ['shall', 'DCC'],
    ]);
  });
});

describe('rules/extract: stems and references in a version', () => {
  it('should give a stem\'s actor to its sub-paragraphs only when the stem ends with a colon', () => {
    const derived = derive('## 2 Duties\n\n2.1 This clause binds one party only: the Panel.\n\n(a) may decide.\n\n2.2 The DCC:\n\n(a) shall meet.\n');
    expect(derived.obligations.map((o) => [o.clause.number, o.modal, o.actor])).toEqual([
      ['(a)', 'may', null],
      ['(a)', 'shall', 'DCC'],
    ]);
  });

  it('should place a reference that has no place of its own (an image\'s text) on its clause\'s line', () => {
    // Front matter is lines 1-6; 1.1 is on line 10, its image paragraph on line 12.
    expect(derive('## 1 Duties\n\n1.1 The DCC shall act.\n\n![See Clause 1.1](map.png)\n').xrefs.map((x) => [x.from.number, x.to, x.line])).toEqual([['1.1', '1.1', 10]]);
  });
});
