/** How frameworks spell a status, method or header as an identifier: `NOT_FOUND`, `NotFound`, `notFound`, `not_found`. */
import type { TokenKind } from './token';

/** The word cases a spelling template may use, e.g. `Status{Pascal}` or `HTTP_{code}_{UPPER}`. */
const CASES = {
  UPPER: (words: string[]) => words.map((w) => w.toUpperCase()).join('_'),
  Pascal: (words: string[]) => words.map((w) => w[0].toUpperCase() + w.slice(1)).join(''),
  camel: (words: string[]) => words.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : lowerFirstWord(w))).join(''),
  snake: (words: string[]) => words.map((w) => w.toLowerCase()).join('_'),
  lower: (words: string[]) => words.join('').toLowerCase(),
} as const;

/** `OK`, `URI`, `WWW` become `ok`, `uri`, `www`; `ETag` becomes `eTag` (as Swift's NIO spells it). */
function lowerFirstWord(word: string): string {
  return word === word.toUpperCase() ? word.toLowerCase() : word[0].toLowerCase() + word.slice(1);
}

/** The words of a phrase: a status phrase (`I'm a teapot`), a method (`PATCH`) or a header (`X-RateLimit-Limit`). */
export function phraseWords(kind: TokenKind, phrase: string): string[] {
  if (kind === 'method') return [phrase[0].toUpperCase() + phrase.slice(1).toLowerCase()];
  return phrase.replace(/'/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/**
 * Fills a spelling template: `{code}` takes the status code, `{UPPER}` `{Pascal}` `{camel}` `{snake}` `{lower}`
 * take the phrase in that case. `Status{code}{Pascal}` + 404 `Not Found` → `Status404NotFound`.
 */
export function spell(template: string, kind: TokenKind, value: number | string, phrase: string): string {
  const words = phraseWords(kind, phrase);
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    if (slot === 'code') return String(value);
    const toCase = CASES[slot as keyof typeof CASES];
    if (!toCase) throw new Error(`unknown spelling slot {${slot}} in ${template}`);
    return toCase(words);
  });
}

/** Whether a template spells anything from the phrase (`HTTP_{code}` does not: one name per code). */
export function spellsPhrase(template: string): boolean {
  return /\{(?!code\})\w+\}/.test(template);
}
