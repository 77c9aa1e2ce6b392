import { HOMOGLYPHS, LEET, isInvisible } from './tables.js';

/** How a code point takes part in a word. */
export const enum Kind {
  /** Renders as nothing: dropped without splitting the word. */
  Invisible,
  /** A combining mark: dropped (accents). */
  Mark,
  Letter,
  Digit,
  /** A symbol that may stand for a letter inside a word (`@`, `$`, `!`, `|`, `+`). */
  Leet,
  /** `*`: masks a letter (`f*ck`). */
  Mask,
  Apostrophe,
  Space,
  /** A line break. */
  Newline,
  /** Sentence-ending punctuation: `.`, `!`, `?` and their look-alikes. */
  Stop,
  Other,
}

export interface Folded {
  kind: Kind;
  /** Lowercase Latin letters or digits this code point stands for ('' when none). */
  text: string;
}

const cache = new Map<number, Folded>();
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const NUMBER = /\p{Nd}/u;
const SPACE = /\s/u;
const COMBINING = /\p{M}/gu;

/**
 * Folds one code point: case, compatibility forms (NFKD: fullwidth, ligatures,
 * mathematical letters), accents and look-alike letters from other scripts.
 * Results are cached per code point, so the cost per character is a map lookup.
 */
export function fold(cp: number): Folded {
  if (cp < 128) return ASCII[cp]!;
  let f = cache.get(cp);
  if (f === undefined) {
    f = compute(cp);
    cache.set(cp, f);
  }
  return f;
}

/** ASCII, folded once: an array index instead of a map lookup for most characters of most mail. */
const ASCII: readonly Folded[] = Array.from({ length: 128 }, (_, cp) => compute(cp));

function compute(cp: number): Folded {
  if (isInvisible(cp)) return { kind: Kind.Invisible, text: '' };
  const ch = String.fromCodePoint(cp);
  if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029' || ch === '\u0085') return { kind: Kind.Newline, text: '' };
  if (ch === "'" || ch === '\u2019' || ch === '\u2018' || ch === '\u02bc' || ch === '`' || ch === '\u00b4' || ch === '\uff07') {
    return { kind: Kind.Apostrophe, text: '' };
  }
  if (ch === '*' || ch === '\uff0a' || ch === '\u2217') return { kind: Kind.Mask, text: '*' };
  if (ch === '.' || ch === '?' || ch === '\u3002' || ch === '\uff0e' || ch === '\uff1f' || ch === '\u2026') {
    return { kind: Kind.Stop, text: '' };
  }
  const homoglyph = HOMOGLYPHS[ch] ?? HOMOGLYPHS[ch.toLowerCase()];
  if (homoglyph !== undefined) return { kind: Kind.Letter, text: homoglyph };
  // Compatibility decomposition turns fullwidth and styled letters into plain ones.
  const plain = ch.normalize('NFKD').replace(COMBINING, '').toLowerCase();
  if (plain.length > 0 && plain !== ch) {
    let out = '';
    for (const c of plain) out += HOMOGLYPHS[c] ?? c;
    if (/^[a-z]+$/.test(out)) return { kind: Kind.Letter, text: out };
    if (/^[0-9]$/.test(out)) return { kind: Kind.Digit, text: out };
    if (out.length === 1 && out !== ch) return compute(out.codePointAt(0)!);
  }
  if (/[a-z]/.test(plain) && plain.length === 1) return { kind: Kind.Letter, text: plain };
  if (/[0-9]/.test(ch)) return { kind: Kind.Digit, text: ch };
  if (ch === '!' || ch === '\uff01' || ch === '\u01c3') return { kind: Kind.Stop, text: '!' };
  if (LEET[ch] !== undefined) return { kind: Kind.Leet, text: ch };
  if (MARK.test(ch)) return { kind: Kind.Mark, text: '' };
  if (LETTER.test(ch)) return { kind: Kind.Letter, text: ch.toLowerCase() };
  if (NUMBER.test(ch)) return { kind: Kind.Digit, text: ch };
  if (SPACE.test(ch)) return { kind: Kind.Space, text: '' };
  return { kind: Kind.Other, text: '' };
}

/** What a leet symbol or digit stands for inside a word that has letters. */
export function leet(ch: string): string {
  return LEET[ch] ?? ch;
}
