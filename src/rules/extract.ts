/**
 * What can be read from the text itself, with no annotation: defined terms, cross-references,
 * obligations (each "shall", "shall not", "must", "may" with its actor and modality), and the
 * durations and dates the text names.
 */
import type { Block, Clause, ClauseDocument } from '../model/types.js';
import { walkClauses } from '../model/text.js';
import { clauseIndex, definedTerms, isDefinitionsTable, xrefsIn } from '../model/query.js';
import { findDates, findDurations, sentences, type DurationUnit } from '../time/index.js';

export interface ClauseRef {
  id: string;
  number: string | null;
}

export type Modality = 'obligation' | 'prohibition' | 'permission';
export type Modal = 'shall' | 'shall not' | 'must' | 'must not' | 'may' | 'may not';

export interface Derived {
  terms: Array<{ term: string; definition: string; clause: ClauseRef; line: number | null }>;
  xrefs: Array<{ from: ClauseRef; scope: 'clause' | 'section' | 'appendix'; to: string; text: string; resolved: boolean | null; line: number | null }>;
  obligations: Array<{ clause: ClauseRef; modal: Modal; modality: Modality; actor: string | null; sentence: string; line: number }>;
  durations: Array<{ clause: ClauseRef; text: string; amount: number; unit: DurationUnit; iso: string | null; line: number }>;
  dates: Array<{ clause: ClauseRef; text: string; date: string; line: number }>;
}


const ref = (c: Clause): ClauseRef => ({ id: c.id, number: c.number });

export function deriveFromText(doc: ClauseDocument): Derived {
  const out: Derived = { terms: [], xrefs: [], obligations: [], durations: [], dates: [] };
  for (const t of definedTerms(doc)) out.terms.push({ term: t.term, definition: t.definition, clause: ref(t.clause), line: t.position?.start.line ?? null });

  const index = clauseIndex(doc);
  // "(a) shall give notice ...": a sub-paragraph's duty belongs to the actor its stem names ("the DCC:").
  const stems = new Map<Clause, string>();
  for (const c of walkClauses(doc.clauses)) {
    const stem = c.content.flatMap((b) => sentences(b)).at(-1)?.text ?? '';
    const actor = /:$/.test(stem) ? subjectBefore(stem.slice(0, -1)) : null;
    for (const child of c.children) if (actor ?? stems.get(c)) stems.set(child, (actor ?? stems.get(c))!);
  }
  for (const c of walkClauses(doc.clauses)) {
    const blocks: Block[] = [...c.content, ...c.tail];
    for (const x of xrefsIn(blocks)) {
      const text = x.children.map((n) => (n.type === 'text' ? n.value : '')).join('');
      out.xrefs.push({ from: ref(c), scope: x.scope, to: x.target, text, resolved: x.scope === 'clause' ? index.has(x.target) : null, line: x.position?.start.line ?? c.position.start.line });
    }
    for (const block of blocks) {
      const definitions = isDefinitionsTable(block);
      for (const s of sentences(block)) {
        // "X means ... that must be met" defines; it imposes nothing.
        if (!definitions) out.obligations.push(...obligationsIn(s.text).map((o) => ({ clause: ref(c), ...o, actor: o.actor ?? stems.get(c) ?? null, sentence: s.text, line: s.line })));
        for (const d of findDurations(s.text)) out.durations.push({ clause: ref(c), text: d.text, amount: d.amount, unit: d.unit, iso: d.iso, line: s.line });
        for (const d of findDates(s.text)) out.dates.push({ clause: ref(c), text: d.text, date: d.date, line: s.line });
      }
    }
  }
  return out;
}

const MODAL = /\b(shall|must|may)(\s+not)?\b/g;
/** "shall mean", "as the case may be": modal words that state no duty or power. */
const NOT_A_DUTY = /^\s+(?:mean|have\s+the\s+meaning|be\s+construed|be\s+interpreted|include|(?:cease\s+to\s+)?have\s+effect|come\s+into\s+(?:force|effect)|take\s+effect)\b/;
const DETERMINERS = new Set(['The', 'the', 'Each', 'each', 'Any', 'any', 'A', 'a', 'An', 'an', 'Every', 'every', 'Such', 'such', 'That', 'that', 'This', 'this', 'Relevant', 'relevant']);
/** Words that open a sentence or a condition, not a subject. */
const OPENERS = new Set(['Where', 'If', 'When', 'Whenever', 'Unless', 'Subject', 'Notwithstanding', 'Save', 'In', 'On', 'Before', 'After', 'Within', 'Until', 'Once', 'For', 'Nothing', 'Without', 'Following', 'Pursuant', 'Upon', 'It', 'They', 'Its', 'Their']);
const ADVERBS = /^(?:also|only|then|thereafter|not|promptly|reasonably|still|each|further|itself|themselves|instead|jointly|either)$|ly$/;

/** The modal verbs of one sentence, each with its actor: the Capitalised subject right before it. */
export function obligationsIn(sentence: string): Array<{ modal: Modal; modality: Modality; actor: string | null }> {
  const out: Array<{ modal: Modal; modality: Modality; actor: string | null }> = [];
  let lastActor: string | null = null;
  MODAL.lastIndex = 0;
  for (let m = MODAL.exec(sentence); m; m = MODAL.exec(sentence)) {
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + m[0].length);
    if (NOT_A_DUTY.test(after) || (m[1] === 'may' && /\bas\s+the\s+case\s*$/i.test(before))) continue;
    const negated = Boolean(m[2]);
    const modal = `${m[1]}${negated ? ' not' : ''}` as Modal;
    const modality: Modality = negated ? 'prohibition' : m[1] === 'may' ? 'permission' : 'obligation';
    // A second modal joined by "and"/"or" shares the subject of the first.
    const actor: string | null = subjectBefore(before) ?? lastActor ?? firstSubject(before);
    lastActor = actor;
    out.push({ modal, modality, actor });
  }
  return out;
}

/** The Capitalised phrase right before a modal verb, past any adverbs ("the DCC shall"). */
function subjectBefore(text: string): string | null {
  const tokens = text.trimEnd().split(/\s+/).filter(Boolean);
  let i = tokens.length - 1;
  while (i >= 0 && ADVERBS.test(tokens[i]!) && !/^[A-Z]/.test(tokens[i]!)) i--;
  return runEndingAt(tokens, i);
}

/**
 * "Where the DCC determines ..., it shall" and "A Supplier Party that has been notified ... may":
 * when no subject stands right before the modal, it is the first Capitalised phrase of the sentence.
 */
function firstSubject(text: string): string | null {
  const tokens = text.trimEnd().split(/\s+/).filter(Boolean);
  for (let j = 0; j < tokens.length; j++) {
    const run = runEndingAt(tokens, lastOfRun(tokens, j));
    if (run) return run;
  }
  return null;
}

/** The Capitalised phrase ending at token `end` ("Secretary of State", "MOC (MDS) Requesting Party"). */
function runEndingAt(tokens: readonly string[], end: number): string | null {
  const words: string[] = [];
  for (let i = end; i >= 0; i--) {
    const t = tokens[i]!;
    const capitalised = /^[A-Z(][\w()'’-]*$/.test(t);
    const connector = (t === 'of' || t === 'and') && words.length > 0 && i > 0 && /^[A-Z]/.test(tokens[i - 1]!);
    if (!capitalised && !connector) break;
    words.unshift(t);
  }
  while (words.length > 0 && (DETERMINERS.has(words[0]!) || OPENERS.has(words[0]!))) words.shift();
  // References ("Clause 8.5", "Section H14", "Paragraphs 3 and 4") name provisions, not actors.
  if (words.length === 0 || /^(Clauses?|Sections?|Appendix|Appendices|Paragraphs?)$/.test(words[0]!)) return null;
  const subject = words.join(' ').replace(/['’]s$/, '');
  return /^[A-Z]/.test(subject) ? subject : null;
}

function lastOfRun(tokens: readonly string[], start: number): number {
  const cap = (t: string | undefined) => t !== undefined && /^[A-Z(][\w()'’-]*$/.test(t);
  let i = start;
  for (;;) {
    if (/[,;:]$/.test(tokens[i]!)) return i;
    if (cap(tokens[i + 1])) i++;
    else if ((tokens[i + 1] === 'of' || tokens[i + 1] === 'and') && cap(tokens[i + 2])) i += 2;
    else return i;
  }
}
