/** What the detector reports: one HTTP status code, method or header found in source text. */

export type TokenKind = 'status' | 'method' | 'header';

/**
 * How the token was recognised, strongest first: a framework constant (`HttpStatus.FORBIDDEN`),
 * an OpenAPI key, a literal in a status/method/header context (`res.status(403)`).
 */
export type Confidence = 'constant' | 'openapi' | 'literal';

export interface HttpToken {
  kind: TokenKind;
  /** Status code as a number for `status`, upper-case method, canonical header name. */
  value: number | string;
  /** Character offsets of the token in the text (end exclusive). */
  start: number;
  end: number;
  confidence: Confidence;
  /** The vocabulary row that matched, e.g. `spring-httpstatus`; used to rewrite constants. */
  family: string;
}

/** Which tokens a caller wants, by kind and value (e.g. only those a diagnostic can be about); others may be left out. */
export type TokenFilter = (kind: TokenKind, value: number | string) => boolean;

/** The token covering `offset`, if any (tokens are sorted by start). */
export function tokenAt(tokens: readonly HttpToken[], offset: number): HttpToken | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (offset < t.start) hi = mid - 1;
    else if (offset > t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}
