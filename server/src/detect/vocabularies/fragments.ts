/** Regex fragments the vocabularies share (sources, composed into `before`/`after` contexts). */

/** A string literal on one line. */
export const STR = String.raw`(?:'[^'\n]*'|"[^"\n]*"|\x60[^\x60\n]*\x60)`;
/**
 * Call arguments up to the current position: anything but parentheses on the line, line breaks after a comma, and
 * nested calls two deep. Kept to the call's own lines: a lookbehind that may cross any line is slow on every number.
 */
export const ARGS = String.raw`(?:[^()\n]|,[ \t]*\r?\n|\((?:[^()]|\([^()]*\))*\))*`;
/** An identifier that holds a status: `status`, `statusCode`, `status_code`, `httpStatus`, `expectedStatus`, `STATUS_CODE`. */
export const STATUS_ID = String.raw`\b(?:(?:[Hh]ttp|HTTP|[Rr]esponse|resp|[Ee]xpected|[Aa]ctual)_?)?(?:[Ss]tatus|STATUS)(?:_?[Cc]ode|_CODE)?\b`;
/** An identifier whose name says it is a status code: `statusCode`, `status_code`, `StatusCode`, `httpCode`, `response_code`. */
export const STATUS_CODE_ID = String.raw`\b(?:[\w$]*(?:[Ss]tatus_?[Cc]ode|STATUS_CODE)|(?:[Hh]ttp|HTTP|[Rr]esponse|RESPONSE|resp)_?(?:[Cc]ode|CODE))\b`;
/** An expression ending in a status accessor: `res.status`, `w.Code`, `resp.status().as_u16()`, `getStatusCode().value()`. */
export const STATUS_ACCESS = String.raw`(?:${STATUS_ID}|(?:\.|->)\s*(?:code|Code)\b|\bget(?:Status(?:Code)?|ResponseCode)\b|\b(?:response|http)_?[Cc]ode\b)(?:\s*\(\s*\))?(?:\s*\.\s*(?:value|code|as_u16|rawValue)\b(?:\s*\(\s*\))?)?`;
/** An expression (receiver chain) before a status accessor. */
export const RECEIVER = String.raw`[\w$.\[\]'"]*?`;
/** Equality and assignment operators (not `<=`, `>=`, `=>`). */
export const EQ = String.raw`(?:===?|!==?|=|:)`;
/** The start of a line, before its indentation. */
export const LINE_START = String.raw`(?:^|\n)[ \t]*`;
/** A request path or URL argument: `'/users'`, `"https://…"`, `` `/items/${id}` ``. */
export const PATH_ARG = String.raw`\s*\(\s*[frbFRB]{0,2}['"\x60](?:/|https?:|\$\{)`;
