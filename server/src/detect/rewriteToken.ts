/** Rewrites a token to another value in the same spelling: `HttpStatus.FOUND` → `HttpStatus.SEE_OTHER`, `302` → `303`. */
import { HEADER_BY_LOWER, methodFromName } from './httpVocabulary';
import type { HttpToken } from './token';
import { familyNames, type TokenValue } from './vocabulary';
import { FAMILIES } from './vocabularies';

/**
 * The text that replaces `tokenText` (the token's range in the document) to say `target` instead, in the token's
 * family and style; `undefined` when the family has no name for the target (e.g. Django has no 303 response class).
 */
export function rewriteToken(token: HttpToken, tokenText: string, target: number | string): string | undefined {
  const value = targetValue(token.kind, target);
  if (value === undefined) return undefined;
  if (token.confidence !== 'constant') return rewriteLiteral(token, tokenText, value);
  const family = FAMILIES.get(token.family);
  if (!family) return undefined;
  const name = familyNames(family).byValue.get(value);
  const last = /[A-Za-z_$][\w$]*$/.exec(tokenText);
  if (!name || !last) return undefined;
  return tokenText.slice(0, last.index) + name;
}

function targetValue(kind: HttpToken['kind'], target: number | string): TokenValue | undefined {
  switch (kind) {
    case 'status': {
      const code = typeof target === 'number' ? target : /^\s*\d{3}\s*$/.test(target) ? Number(target) : NaN;
      return code >= 100 && code <= 599 ? code : undefined;
    }
    case 'method': return methodFromName(String(target).trim());
    case 'header': return HEADER_BY_LOWER.get(String(target).trim().toLowerCase());
  }
}

/** Digits become digits; a method or header written in lower case stays lower case (`'patch'` → `'put'`). */
function rewriteLiteral(token: HttpToken, tokenText: string, value: TokenValue): string | undefined {
  const text = String(value);
  if (token.kind === 'status') return /^\d{3}$/.test(tokenText) ? text : undefined;
  return tokenText === tokenText.toLowerCase() ? text.toLowerCase() : text;
}
