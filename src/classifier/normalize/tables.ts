/**
 * Character tables for normalization. Data only; the control flow is in fold.ts.
 */

/**
 * Letters from other scripts that look like Latin letters and are used to dodge
 * filters (Cyrillic, Greek, a few symbols). NFKD already handles fullwidth forms,
 * mathematical alphanumerics and ligatures; this table covers what it does not.
 */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ӏ: 'l', ү: 'y', һ̄: 'h',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ω: 'w', ς: 's', σ: 'o', μ: 'u', ϲ: 'c',
  // Latin look-alikes NFKD leaves alone
  ı: 'i', ȷ: 'j', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ŋ: 'n', ɑ: 'a',
  ƅ: 'b', ɩ: 'i', ʋ: 'u', ꭵ: 'i',
};

/** Digits and symbols that stand in for letters inside a word (sh1t, @ss, a$$, sh!t). */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', '$': 's', '!': 'i', '|': 'i', '+': 't', '€': 'e', '£': 'l',
};

/**
 * Code points that render as nothing and are dropped entirely (they never split a word):
 * zero-width space/joiners, word joiner, BOM, soft hyphen, bidi controls, variation selectors,
 * Mongolian vowel separator, combining grapheme joiner, invisible math operators.
 */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}
