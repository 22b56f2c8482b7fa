/**
 * Defined terms: which runs of Capitalised words are candidate terms, which must be defined (in
 * the version's definitions table or Section A), and which defined terms are never used. Every
 * expected phrase, message and place is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { capitalisedPhrases, checkTerms } from '../../src/check/terms.js';
import { SECTION_A_FILE } from '../../src/corpus/index.js';
import { counts, direction, memoryCorpus, messagesSince, version } from '../memory-corpus.js';

const D1 = direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }']);
const phrases = (text: string) => capitalisedPhrases(text).map((c) => [c.phrase, c.index]);

describe('check/terms: candidate phrases', () => {
  it('should find runs of two or more Capitalised words, with lower-case connectors inside, and where each starts', () => {
    expect(phrases('The Supplier Party shall notify the Secretary of State and the Panel.')).toEqual([
      ['Supplier Party', 4],
      // `and` and `the` are connectors inside a run, as in `Secretary of State`.
      ['Secretary of State and the Panel', 36],
    ]);
    expect(phrases('A Smart Metering Equipment Technical Specification applies.')).toEqual([['Smart Metering Equipment Technical Specification', 2]]);
  });

  it('should not take sentence openers, clause words or dates at the edges, nor connectors at the end', () => {
    expect(phrases('Where Testing Participant fails')).toEqual([['Testing Participant', 6]]);
    expect(phrases('Clause Nine applies')).toEqual([]);
    expect(phrases('on Monday June the Panel')).toEqual([]);
    expect(phrases('Testing Participant Monday')).toEqual([['Testing Participant', 0]]);
    expect(phrases('June Working Day')).toEqual([['Working Day', 5]]);
    expect(phrases('Bank of England and')).toEqual([['Bank of England', 0]]);
    expect(phrases('Department for Energy of')).toEqual([['Department for Energy', 0]]);
  });

  it('should end a run at anything but one space: punctuation, two spaces, a line break, a lower-case word', () => {
    expect(phrases('Supplier Party, Network Party')).toEqual([
      ['Supplier Party', 0],
      ['Network Party', 16],
    ]);
    expect(phrases('Supplier  Party')).toEqual([]);
    expect(phrases('Supplier\nParty')).toEqual([]);
    expect(phrases('Supplier nominated Party Code')).toEqual([['Party Code', 19]]);
    expect(phrases('Supplier of Party')).toEqual([['Supplier of Party', 0]]);
    expect(phrases("DCC's Self-Service Interface")).toEqual([["DCC's Self-Service Interface", 0]]);
  });

  it('should take a word as Capitalised only by its first letter', () => {
    expect(phrases('the eSIM Card and iPhone Store')).toEqual([]);
  });

  it('should find a phrase at its own place when the same words come earlier in another case', () => {
    expect(phrases('the supplier party or the Supplier Party')).toEqual([['Supplier Party', 26]]);
    expect(phrases('Supplier Party. Supplier Party.')).toEqual([
      ['Supplier Party', 0],
      ['Supplier Party', 16],
    ]);
  });
});

/** The term problems of one version with `body`, Section A declaring `sectionA`. */
function termProblems(body: string, sectionA: string[] = []): Array<[string, string, string, string]> {
  const files: Record<string, string> = { 'd/first.md': D1, 'aa/v1.md': version('AA', '1.0', 'first', body) };
  if (sectionA.length > 0) files[SECTION_A_FILE] = sectionA.map((t) => `- ${t}\n`).join('');
  const { corpus, fileOf } = memoryCorpus(files);
  const before = counts(corpus);
  for (const doc of [...corpus.versions, ...corpus.directions]) checkTerms(doc, fileOf(doc), corpus);
  return messagesSince(corpus, before);
}

const DEFINITIONS = '## 1 Definitions\n\n1.1 In this Document:\n\n| Term | Meaning |\n| --- | --- |\n| Test Window | means the period of a test. |\n| Energy Supply | means supply. |\n| Meter Asset | means a meter. |\n';

describe('check/terms: undefined and unused terms', () => {
  it('should accept defined terms as written, in the plural, singular and possessive, and Section A terms', () => {
    // Front matter lines 1-7; DEFINITIONS is lines 9-17; the next clause is line 19.
    const body = `${DEFINITIONS}\n## 2 Use\n\n2.1 Each Test Window, both Test Windows, the Test Window's end and the Test Window’s start; the Energy Supplies; the Meter Assets; a Working Day.\n`;
    expect(termProblems(body, ['Working Day'])).toEqual([]);
  });

  it('should report an undefined term where it is written, and a defined term never used at its definition', () => {
    const body = `${DEFINITIONS}\n## 2 Use\n\n2.1 The Test Window and the Energy Supply apply to each Widget Register.\n`;
    expect(termProblems(body)).toEqual([
      ['aa/v1.md', 'term-undefined', '21:57', 'Unexpected undefined term `Widget Register`, expected it in the definitions table or in Section A'],
      ['aa/v1.md', 'term-unused', '17:3', 'Unexpected unused defined term `Meter Asset`, expected it to be used in the text or removed'],
    ]);
  });

  it('should read terms in emphasis, lists, quotes and tables, and in text after a clause\'s sub-paragraphs', () => {
    const body = [
      '## 1 Intro',
      '1.1 A *Widget Register* entry.',
      '1.2 The list:',
      '(a) first; and',
      '(b) second.',
      '| Column | Note |\n| --- | --- |\n| Gadget Store | x |',
      '## 2 More',
      '2.1 Lists and quotes:',
      '- an item for the Sprocket Index\n- and **the _Cog Table_**',
      '> the Lever List here',
    ].join('\n\n');
    expect(termProblems(`${body}\n`).map(([, rule, at, reason]) => [rule, at, reason.replace(/, expected.*/, '')])).toEqual([
      ['term-undefined', '11:8', 'Unexpected undefined term `Widget Register`'],
      ['term-undefined', '21:3', 'Unexpected undefined term `Gadget Store`'],
      ['term-undefined', '27:19', 'Unexpected undefined term `Sprocket Index`'],
      ['term-undefined', '28:14', 'Unexpected undefined term `Cog Table`'],
      ['term-undefined', '30:7', 'Unexpected undefined term `Lever List`'],
    ]);
  });

  it('should let acronyms and codes stand alone, but not open an undefined term', () => {
    const body = '## 1 Intro\n\n1.1 The DCC and SMETS1 and MPxN and DCC SMETS2 apply; the SMETS1 Installation does not.\n';
    expect(termProblems(body)).toEqual([
      ['aa/v1.md', 'term-undefined', '11:59', 'Unexpected undefined term `SMETS1 Installation`, expected it in the definitions table or in Section A'],
    ]);
  });

  it('should accept a known term inside a longer run, and name only the loose words around it', () => {
    const body = `${DEFINITIONS}\n## 2 Use\n\n2.1 The Meter Asset Energy Supply and the Test Window Gadget Store Sprocket.\n`;
    expect(termProblems(body).filter(([, rule]) => rule === 'term-undefined')).toEqual([
      ['aa/v1.md', 'term-undefined', '21:55', 'Unexpected undefined term `Gadget Store Sprocket`, expected it in the definitions table or in Section A'],
    ]);
  });

  it('should not read the term column of a definitions table as a use, but its meanings are read', () => {
    const body = '## 1 Definitions\n\n1.1 In this Document:\n\n| Term | Meaning |\n| --- | --- |\n| Test Window | means a period, as for the Widget Register. |\n';
    expect(termProblems(body)).toEqual([
      ['aa/v1.md', 'term-undefined', '15:44', 'Unexpected undefined term `Widget Register`, expected it in the definitions table or in Section A'],
      ['aa/v1.md', 'term-unused', '15:3', 'Unexpected unused defined term `Test Window`, expected it to be used in the text or removed'],
    ]);
    // A table headed otherwise is read whole.
    expect(termProblems('## 1 Intro\n\n1.1 See:\n\n| Name | Meaning |\n| --- | --- |\n| Test Window | x |\n')).toEqual([
      ['aa/v1.md', 'term-undefined', '15:3', 'Unexpected undefined term `Test Window`, expected it in the definitions table or in Section A'],
    ]);
  });

  it('should know a term in the plural and singular forms English gives its last word', () => {
    const table = ['Smart Switch', 'Gateway Relay', 'Annual Royalty', 'Data Layer', 'User Systems', 'Energy Supplies', 'Backup Diesels', 'Network Access'];
    const body = `## 1 Definitions\n\n1.1 In this Document:\n\n| Term | Meaning |\n| --- | --- |\n${table.map((t) => `| ${t} | means x. |\n`).join('')}\n## 2 Use\n\n2.1 The Smart Switches, Gateway Relays, Annual Royalties and Data Layers; each User System, Energy Supply and Backup Diesel; the Network Access, not Network Acces.\n`;
    // Front matter lines 1-7; the table's rows are lines 15-22; the use is line 26.
    expect(termProblems(body)).toEqual([
      ['aa/v1.md', 'term-undefined', '26:150', 'Unexpected undefined term `Network Acces`, expected it in the definitions table or in Section A'],
    ]);
  });

  it('should take known terms longest first from the left, so a term overlapping the one taken is not used there', () => {
    const table = '## 1 Definitions\n\n1.1 In this Document:\n\n| Term | Meaning |\n| --- | --- |\n| Smart Meter | means a meter. |\n| Meter Operator | means a person. |\n';
    // `Smart Meter` is taken, then `Operator` is one loose word after a known term: no problem,
    // and `Meter Operator` is never used. A known acronym followed by one loose word is the same.
    expect(termProblems(`${table}\n## 2 Use\n\n2.1 The Smart Meter Operator acts, as the DCC Gateway does.\n`, ['DCC'])).toEqual([
      ['aa/v1.md', 'term-unused', '16:3', 'Unexpected unused defined term `Meter Operator`, expected it to be used in the text or removed'],
    ]);
  });

  it('should name only the loose words of an undefined term, not an acronym or code after them, and let such words end a term', () => {
    expect(termProblems('## 1 Intro\n\n1.1 The Gadget Store DCC acts; the Meter DCC and the Meter Type2 stand.\n')).toEqual([
      ['aa/v1.md', 'term-undefined', '11:9', 'Unexpected undefined term `Gadget Store`, expected it in the definitions table or in Section A'],
    ]);
  });

  it('should not let a word with lower case stand alone as an acronym: a plural acronym or a code ending in capitals', () => {
    // `MPANs` and `MeterID` are not all capitals and digits, so with the word before them they make a term to define.
    expect(termProblems('## 1 Intro\n\n1.1 The Import MPANs and each Gas MeterID.\n')).toEqual([
      ['aa/v1.md', 'term-undefined', '11:9', 'Unexpected undefined term `Import MPANs`, expected it in the definitions table or in Section A'],
      ['aa/v1.md', 'term-undefined', '11:31', 'Unexpected undefined term `Gas MeterID`, expected it in the definitions table or in Section A'],
    ]);
  });

  it('should read struck-out text and image descriptions, but not code, and read a definitions-headed table in a list or quote as text', () => {
    const body = [
      '## 1 Intro',
      '1.1 A ~~Cog Table~~ entry, `Gadget Store` code and ![Lever List](x.png) image.',
      '- ![Crank Book](y.png)',
      '```\nWidget Register\n```',
      '1.2 Listed:',
      '- a table:\n\n  | Term | Meaning |\n  | --- | --- |\n  | Sprocket Index | means x. |',
      '> | Term | Meaning |\n> | --- | --- |\n> | Flange Ledger | means x. |',
    ].join('\n\n');
    expect(termProblems(`${body}\n`)).toEqual([
      ['aa/v1.md', 'term-undefined', '11:9', 'Unexpected undefined term `Cog Table`, expected it in the definitions table or in Section A'],
      // An image's description is placed as if written where the image is.
      ['aa/v1.md', 'term-undefined', '11:52', 'Unexpected undefined term `Lever List`, expected it in the definitions table or in Section A'],
      // Alone in its paragraph it has no place of its own: the paragraph's is given.
      ['aa/v1.md', 'term-undefined', '13:3', 'Unexpected undefined term `Crank Book`, expected it in the definitions table or in Section A'],
      ['aa/v1.md', 'term-undefined', '25:5', 'Unexpected undefined term `Sprocket Index`, expected it in the definitions table or in Section A'],
      ['aa/v1.md', 'term-undefined', '29:5', 'Unexpected undefined term `Flange Ledger`, expected it in the definitions table or in Section A'],
    ]);
  });

  it('should read a definitions table after a clause\'s sub-paragraphs as definitions', () => {
    const body = '## 1 Definitions\n\n1.1 In this Document:\n\n(a) terms are as below.\n\n| Term | Meaning |\n| --- | --- |\n| Lever List | means a list. |\n';
    expect(termProblems(body)).toEqual([
      ['aa/v1.md', 'term-unused', '17:3', 'Unexpected unused defined term `Lever List`, expected it to be used in the text or removed'],
    ]);
  });

  it('should check versions only, not directions', () => {
    const { corpus, fileOf } = memoryCorpus({ 'd/first.md': direction('first', '2021-12-01', '2022-01-01', ['{ document: AA, version: "1.0" }'], '## 1 Direction\n\n1.1 The Gadget Store is directed.\n') });
    const before = counts(corpus);
    for (const d of corpus.directions) checkTerms(d, fileOf(d), corpus);
    expect(messagesSince(corpus, before)).toEqual([]);
  });
});
