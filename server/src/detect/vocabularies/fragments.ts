/** Regex fragments the vocabularies share (sources, composed into `before`/`after` contexts). */

/** A string literal on one line. */
export const STR = String.raw`(?:'[^'\n]*'|"[^"\n]*"|\x60[^\x60\n]*\x60)`;
/*
 * Contexts are lookbehinds tried at every candidate number or string, so every repetition that could run far is
 * bounded: an unbounded one turns a long line of numbers into quadratic work.
 */

/** Call arguments up to the current position: anything but parentheses, line breaks after a comma, nested calls two deep. */
export const ARGS = String.raw`(?:[^()\n]|,[ \t]*\r?\n|\((?:[^()]|\([^()]{0,80}\)){0,120}\)){0,160}`;
/** The body of a `switch`/`when`/`match` up to the current `case`: braces one level deep. */
export const BLOCK_BODY = String.raw`(?:[^{}]|\{[^{}]{0,200}\}){0,1500}?`;
/** Earlier items of a list or object on the way to the current one. */
export const EARLIER_ITEMS = String.raw`[^{}\[\]]{0,300}?`;
/** An identifier that holds a status: `status`, `statusCode`, `status_code`, `httpStatus`, `expectedStatus`, `STATUS_CODE`. */
export const STATUS_ID = String.raw`\b(?:(?:[Hh]ttp|HTTP|[Rr]esponse|resp|[Ee]xpected|[Aa]ctual)_?)?(?:[Ss]tatus|STATUS)(?:_?[Cc]ode|_CODE)?\b`;
/** An identifier whose name says it is a status code: `statusCode`, `status_code`, `StatusCode`, `httpCode`, `response_code`. */
export const STATUS_CODE_ID = String.raw`\b(?:[\w$]*(?:[Ss]tatus_?[Cc]ode|STATUS_CODE)|(?:[Hh]ttp|HTTP|[Rr]esponse|RESPONSE|resp)_?(?:[Cc]ode|CODE))\b`;
/** An expression ending in a status accessor: `res.status`, `w.Code`, `resp.status().as_u16()`, `getStatusCode().value()`. */
export const STATUS_ACCESS = String.raw`(?:${STATUS_ID}|(?:\.|->)\s*(?:code|Code)\b|\bget(?:Status(?:Code)?|ResponseCode)\b|\b(?:response|http)_?[Cc]ode\b)(?:\s*\(\s*\))?(?:\s*\.\s*(?:value|code|as_u16|rawValue)\b(?:\s*\(\s*\))?)?`;
/** An expression (receiver chain) before a status accessor: `res.`, `@response.`, `$response->`, `self.resp[0].`. */
export const RECEIVER = String.raw`(?:[\w$@.\[\]'"]|->){0,80}?`;
/** Equality and assignment operators (not `<=`, `>=`, `=>`). */
export const EQ = String.raw`(?:===?|!==?|=|:)`;
/** The start of a line, before its indentation. */
export const LINE_START = String.raw`(?:^|\n)[ \t]*`;
/** A request path or URL argument: `'/users'`, `"https://…"`, `` `/items/${id}` ``. */
export const PATH_ARG = String.raw`\s*\(\s*[frbFRB]{0,2}['"\x60](?:/|https?:|\$\{)`;
/** A status code in a list of codes. */
export const CODE_ITEM = String.raw`[1-5]\d\d`;
/** The codes of a list before the current one: `[200, ` in `[200, 204]`. */
export const EARLIER_CODES = String.raw`(?:${CODE_ITEM}\s*,\s*){0,20}`;
/** The codes of a list after the current one, and its end: `, 204]` in `[200, 204]`. */
export const LATER_CODES = String.raw`(?:\s*,\s*${CODE_ITEM}){0,20}\s*,?\s*[\])}]`;
