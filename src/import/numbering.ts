/**
 * Paragraph styles and list numbering as Word computes them: a paragraph's list comes from its
 * own w:numPr or from its style (following w:basedOn), each w:num points to an w:abstractNum whose
 * levels give start, format and text (`%1.%2`, `(%3)`); instances of one abstract list count on
 * together, a w:lvlOverride restarts a level at the instance's first paragraph, and a level
 * restarts when a higher one is used (or as w:lvlRestart says).
 */
import { child, elements, isOn, valueOf, type XElement } from './xml.js';

export interface ParagraphStyle {
  id: string;
  name: string;
  basedOn: string | null;
  pPr: XElement | undefined;
  rPr: XElement | undefined;
}

/** Paragraph and character styles of styles.xml, with their basedOn chains resolved on demand. */
export class Styles {
  private readonly byId = new Map<string, ParagraphStyle>();
  readonly defaultParagraph: string | null;

  constructor(styles: XElement | null) {
    let fallback: string | null = null;
    for (const s of styles ? elements(styles, 'w:style') : []) {
      const id = s.attributes['w:styleId'];
      if (!id) continue;
      this.byId.set(id, {
        id,
        name: valueOf(s, 'w:name') ?? id,
        basedOn: valueOf(s, 'w:basedOn') ?? null,
        pPr: child(s, 'w:pPr'),
        rPr: child(s, 'w:rPr'),
      });
      const isDefault = s.attributes['w:default'] === '1' || s.attributes['w:default'] === 'true';
      if (s.attributes['w:type'] === 'paragraph' && isDefault) fallback = id;
    }
    this.defaultParagraph = fallback;
  }

  get(id: string | null | undefined): ParagraphStyle | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** The style and its ancestors, nearest first (a loop in basedOn stops the chain). */
  chain(id: string | null | undefined): ParagraphStyle[] {
    const out: ParagraphStyle[] = [];
    const seen = new Set<string>();
    let at = this.get(id ?? this.defaultParagraph);
    while (at && !seen.has(at.id)) {
      seen.add(at.id);
      out.push(at);
      at = this.get(at.basedOn);
    }
    return out;
  }

  /** The first value a style chain gives for a paragraph property. */
  paragraphProperty<T>(id: string | null | undefined, read: (pPr: XElement) => T | undefined): T | undefined {
    for (const s of this.chain(id)) {
      const v = s.pPr ? read(s.pPr) : undefined;
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Bold or italic from a character style chain (w:rStyle). */
  runProperty(id: string | null | undefined, name: 'w:b' | 'w:i' | 'w:strike'): boolean | undefined {
    const seen = new Set<string>();
    let at = this.get(id);
    while (at && !seen.has(at.id)) {
      seen.add(at.id);
      const v = isOn(child(at.rPr, name));
      if (v !== undefined) return v;
      at = this.get(at.basedOn);
    }
    return undefined;
  }
}

interface Level {
  start: number;
  format: string;
  text: string;
  /** 1-based level after whose use this one restarts; 0 never; undefined: any higher level. */
  restart: number | undefined;
  /** Legal numbering: every level shown in decimal. */
  legal: boolean;
  style: string | null;
}

interface AbstractList {
  id: string;
  levels: Array<Level | undefined>;
  /** w:numStyleLink: the levels live in the list a numbering style names. */
  styleLink: string | null;
}

interface ListInstance {
  abstractId: string;
  /** Level overrides: a restart value, or a whole replacement level. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

const FORMATS = new Set(['decimal', 'decimalZero', 'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'bullet', 'none']);

export interface ListNumber {
  /** The label as Word shows it (`7.2`, `(a)`, `•`); empty for format `none`. */
  text: string;
  bullet: boolean;
  /** A number format secdoc does not know, shown as decimal (reported by the caller). */
  unknownFormat: string | null;
}

export class Numbering {
  private readonly abstracts = new Map<string, AbstractList>();
  private readonly instances = new Map<string, ListInstance>();
  /** Counters per abstract list, by level. */
  private readonly counters = new Map<string, Array<number | undefined>>();
  /** Instances whose first paragraph has been counted. */
  private readonly started = new Set<string>();

  constructor(
    numbering: XElement | null,
    private readonly styles: Styles,
  ) {
    if (!numbering) return;
    for (const a of elements(numbering, 'w:abstractNum')) {
      const id = a.attributes['w:abstractNumId'];
      if (id === undefined) continue;
      const levels: Array<Level | undefined> = [];
      for (const l of elements(a, 'w:lvl')) levels[Number(l.attributes['w:ilvl'] ?? 0)] = levelOf(l);
      this.abstracts.set(id, { id, levels, styleLink: valueOf(a, 'w:numStyleLink') ?? null });
    }
    for (const n of elements(numbering, 'w:num')) {
      const id = n.attributes['w:numId'];
      const abstractId = valueOf(n, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of elements(n, 'w:lvlOverride')) {
        const start = valueOf(o, 'w:startOverride');
        const lvl = child(o, 'w:lvl');
        overrides.set(Number(o.attributes['w:ilvl'] ?? 0), { ...(start !== undefined ? { start: Number(start) } : {}), ...(lvl ? { level: levelOf(lvl) } : {}) });
      }
      this.instances.set(id, { abstractId, overrides });
    }
  }

  /**
   * The list of a paragraph (its own w:numPr, else its style's) and its level. A level comes from
   * the paragraph, else the style, else the list level that names the style, else 0.
   */
  listOf(pPr: XElement | undefined, styleId: string | null): { numId: string; level: number } | null {
    const own = child(pPr, 'w:numPr');
    const numId = valueOf(own, 'w:numId') ?? this.styles.paragraphProperty(styleId, (p) => valueOf(child(p, 'w:numPr'), 'w:numId'));
    if (numId === undefined || numId === '0' || !this.instances.has(numId)) return null;
    const ilvl = valueOf(own, 'w:ilvl') ?? this.styles.paragraphProperty(styleId, (p) => valueOf(child(p, 'w:numPr'), 'w:ilvl'));
    if (ilvl !== undefined) return { numId, level: Number(ilvl) };
    const abstract = this.abstractOf(numId);
    const byStyle = abstract?.levels.findIndex((l) => l?.style !== null && l?.style === styleId) ?? -1;
    return { numId, level: byStyle >= 0 ? byStyle : 0 };
  }

  /** Count one paragraph of list `numId` at `level` and give its label. */
  next(numId: string, level: number): ListNumber | null {
    const instance = this.instances.get(numId);
    const abstract = this.abstractOf(numId);
    if (!instance || !abstract) return null;
    const levelAt = (i: number): Level | undefined => instance.overrides.get(i)?.level ?? abstract.levels[i];
    const startAt = (i: number): number => instance.overrides.get(i)?.start ?? levelAt(i)?.start ?? 1;
    const lvl = levelAt(level);
    if (!lvl) return null;
    // Instances of one abstract list count together. An instance that overrides a start value
    // restarts those levels at its first paragraph; later paragraphs of any instance count on.
    let values = this.counters.get(abstract.id);
    if (!values) this.counters.set(abstract.id, (values = []));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [i, o] of instance.overrides) if (o.start !== undefined || o.level !== undefined) values[i] = undefined;
    }
    if (lvl.format !== 'bullet' && lvl.format !== 'none') values[level] = values[level] === undefined ? startAt(level) : values[level]! + 1;
    // A level the list skipped counts as used at its start value: after 1, (a) at level 3, the
    // next level-2 paragraph is 1.2 (as Word and LibreOffice show it).
    for (let higher = 0; higher < level; higher++) if (values[higher] === undefined && levelAt(higher)) values[higher] = startAt(higher);
    for (let deeper = level + 1; deeper < 9; deeper++) {
      const restart = levelAt(deeper)?.restart ?? deeper;
      if (level < restart) values[deeper] = undefined;
    }
    if (lvl.format === 'bullet') return { text: lvl.text, bullet: true, unknownFormat: null };
    let unknownFormat: string | null = null;
    const text = lvl.text.replace(/%([1-9])/g, (_, n: string) => {
      const i = Number(n) - 1;
      const at = levelAt(i);
      const format = lvl.legal && i !== level ? 'decimal' : (at?.format ?? 'decimal');
      if (!FORMATS.has(format)) unknownFormat = format;
      return formatNumber(values![i] ?? startAt(i), format);
    });
    return { text, bullet: false, unknownFormat };
  }

  private abstractOf(numId: string): AbstractList | undefined {
    const instance = this.instances.get(numId);
    let abstract = instance ? this.abstracts.get(instance.abstractId) : undefined;
    // A list that only links to a numbering style is the style's own list: its levels and counters.
    if (abstract?.styleLink) {
      const linked = this.styles.paragraphProperty(abstract.styleLink, (p) => valueOf(child(p, 'w:numPr'), 'w:numId'));
      const target = linked !== undefined ? this.instances.get(linked) : undefined;
      const resolved = target ? this.abstracts.get(target.abstractId) : undefined;
      if (resolved) abstract = resolved;
    }
    return abstract;
  }
}

function levelOf(l: XElement): Level {
  const restart = valueOf(l, 'w:lvlRestart');
  return {
    start: Number(valueOf(l, 'w:start') ?? 1),
    format: valueOf(l, 'w:numFmt') ?? 'decimal',
    text: valueOf(l, 'w:lvlText') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: isOn(child(l, 'w:isLgl')) ?? false,
    style: valueOf(l, 'w:pStyle') ?? null,
  };
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

/** Word's letters: a-z, then aa-zz, aaa-zzz (the letter repeated, not base 26). */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}
