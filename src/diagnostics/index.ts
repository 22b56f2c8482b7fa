/**
 * Diagnostics: every content problem is a vfile message with a rule id from this catalogue.
 * Ids never change once released; severity says whether the problem fails a build.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Position } from '../model/types.js';

export type Severity = 'error' | 'warning';

export const catalogue = {
  'not-utf8': { severity: 'error', summary: 'The file is not valid UTF-8 text.' },
  'binary-file': { severity: 'error', summary: 'The file holds binary data, not Markdown.' },
  'empty-file': { severity: 'error', summary: 'The file is empty.' },
  'not-markdown': { severity: 'error', summary: 'The file has no Markdown structure secdoc can read.' },
  'front-matter-missing': { severity: 'error', summary: 'A document under documents/ has no YAML front matter.' },
  'front-matter-malformed': { severity: 'error', summary: 'The front matter is not valid YAML, or a field has the wrong form.' },
  'unknown-appendix': { severity: 'error', summary: 'The appendix letter is not one of the SEC appendices.' },
  'unknown-version': { severity: 'error', summary: 'A version is not of the form MAJOR.MINOR, or names a version that is not held.' },
  'duplicate-version': { severity: 'error', summary: 'Two files hold the same version of one document.' },
  'version-chain': { severity: 'error', summary: 'A version chain skips, loops or forks.' },
  'duplicate-number': { severity: 'error', summary: 'Two clauses in one document carry the same number.' },
  'number-sequence': { severity: 'error', summary: 'Clause numbers are out of sequence.' },
  'xref-unresolved': { severity: 'error', summary: 'A cross-reference names a clause that does not exist in this version.' },
  'term-undefined': { severity: 'error', summary: 'A capitalised term is used but defined neither locally nor in Section A.' },
  'term-unused': { severity: 'warning', summary: 'A locally defined term is never used.' },
  'direction-unknown-version': { severity: 'error', summary: 'A direction designates or annexes a version that is not held.' },
  'direction-unknown': { severity: 'error', summary: 'A version names a direction that is not held.' },
  'date-conflict': { severity: 'error', summary: 'Dates contradict each other (version history, direction, effective dates).' },
  'date-invalid': { severity: 'error', summary: 'A date is not a real calendar date in YYYY-MM-DD form.' },
  'rule-malformed': { severity: 'error', summary: 'A rule block is not valid YAML or lacks a required field.' },
  'rule-duplicate-id': { severity: 'error', summary: 'Two rules in one version share an id.' },
  'rule-unknown-fact': { severity: 'error', summary: 'A rule condition names a fact not declared in facts.yaml.' },
  'rule-clause-missing': { severity: 'error', summary: 'A rule names a clause that does not exist in its version.' },
  'rule-not-followed': { severity: 'error', summary: 'A clause was renumbered but its rule still names the old number.' },
  'renumbered-reference': { severity: 'error', summary: 'A reference carried over from the replaced version names a number that now belongs to another clause.' },
  'renumbered-reference-new': { severity: 'warning', summary: 'A new reference names a number that belonged to another clause in the replaced version.' },
  'number-suffix': { severity: 'error', summary: 'An inserted number skips a suffix letter (18.12 then 18.12B) or writes it in lower case (18.12a).' },
  'duplicate-key': { severity: 'error', summary: 'Two clauses in one version carry the same stable key `{#key}`.' },
  'history-rewritten': { severity: 'error', summary: 'An earlier row of the version-history table differs from the replaced version\'s.' },
  'never-in-force': { severity: 'error', summary: 'A version\'s own expiry falls on or before its effective date, so it is never in force.' },
  'history-unfilled': { severity: 'warning', summary: 'A version-history row left to fill in by `secdoc new`.' },
  'import-not-docx': { severity: 'error', summary: 'The file given to `import` is not a readable Word (.docx) package.' },
  'import-image': { severity: 'warning', summary: 'An image, drawing or embedded object in a Word file is not imported.' },
  'import-text-box': { severity: 'warning', summary: 'A text box in a Word file is not imported; the warning carries its text.' },
  'import-footnote': { severity: 'warning', summary: 'A footnote or endnote in a Word file is not imported; the warning carries its text.' },
  'import-field': { severity: 'warning', summary: 'A Word field (other than a page number) is imported as its displayed text only.' },
  'import-comments': { severity: 'warning', summary: 'Comments in a Word file are not imported.' },
  'import-merged-cells': { severity: 'warning', summary: 'Merged or nested table cells in a Word file cannot be held in a Markdown table.' },
  'import-unmapped': { severity: 'warning', summary: 'Word content with no place in a source (cover page, table of contents, hidden text, equations) is left out; the warning carries its text.' },
  'link-unsafe': { severity: 'warning', summary: 'A link target is not http(s), mailto, relative or a #fragment; it is published as text.' },
  'char-invalid': { severity: 'error', summary: 'A control character or noncharacter (such as U+FFFF) that no published format can hold.' },
  'char-bidi': { severity: 'warning', summary: 'A bidirectional control (such as U+202E) that shows text in another order than it is stored.' },
  'glyph-missing': { severity: 'error', summary: "A character the PDF's fonts cannot show." },
  'nesting-too-deep': { severity: 'error', summary: 'Block quotes, lists or emphasis nested deeper than any document needs.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type RuleId = keyof typeof catalogue;

export const SOURCE = 'secdoc';

/** Report a problem on `file` at `place`, with the catalogue's severity. */
export function report(
  file: VFile,
  ruleId: RuleId,
  reason: string,
  place?: Position | { line: number; column: number },
  cause?: VFileMessage,
): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: SOURCE, cause });
  message.fatal = catalogue[ruleId].severity === 'error' ? true : false;
  return message;
}

/** The file's front matter failed (`front-matter-*`): a check skips it, as its other problems would cascade. */
export function hasBrokenFrontMatter(file: VFile): boolean {
  return file.messages.some((m) => m.fatal && m.ruleId?.startsWith('front-matter'));
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  ruleId: string;
}

/** Flatten the messages of many files into sorted, printable diagnostics. */
export function collect(files: readonly VFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of files) {
    for (const m of file.messages) {
      out.push({
        file: file.path ?? '<input>',
        line: m.line ?? 1,
        column: m.column ?? 1,
        severity: m.fatal ? 'error' : 'warning',
        message: m.reason,
        ruleId: m.ruleId ?? 'unknown',
      });
    }
  }
  return out.sort(
    (a, b) => byCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column || byCodeUnits(a.message, b.message),
  );
}

/** Code-unit order: diagnostics print in the same order whatever the locale. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One line per diagnostic, whatever a file name or message holds. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${escapeControls(d.file)}:${d.line}:${d.column}: ${d.severity} ${escapeControls(d.message)} [${d.ruleId}]`;
}

/** Control and bidi-override characters as escapes (`\n`, `\u202e`): they could forge or reorder lines. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((f) => f.messages.some((m) => m.fatal));
}
