/** `.http` / `.rest` request files (VS Code REST Client, JetBrains HTTP Client): request lines and their header lines. */
import { HEADER_BY_LOWER, methodFromName } from './httpVocabulary';
import type { HttpToken } from './token';
import { isWhitespace } from './whitespace';

/** Read at a line's first non-blank character (sticky); neither reads past the line. */
const REQUEST_LINE = /([A-Z]+)[ \t]+\S/y;
const HEADER_LINE = /([A-Za-z0-9-]+)[ \t]*:/y;

const HASH = 0x23;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const AMPERSAND = 0x26;
const CR = 0x0d;

export function findRequestFileTokens(text: string): HttpToken[] {
  const tokens: HttpToken[] = [];
  let inHeaders = false;
  for (let offset = 0; offset < text.length;) {
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    const lineOffset = offset;
    offset = end + 1;
    // The line without one trailing `\r`, from its first non-blank character.
    if (end > lineOffset && text.charCodeAt(end - 1) === CR) end--;
    let at = lineOffset;
    while (at < end && isWhitespace(text.charCodeAt(at))) at++;
    if (at >= end) {
      inHeaders = false;
      continue;
    }
    const first = text.charCodeAt(at);
    if (first === HASH || (first === SLASH && at + 1 < end && text.charCodeAt(at + 1) === SLASH)) {
      if (first === HASH && at + 2 < end && text.charCodeAt(at + 1) === HASH && text.charCodeAt(at + 2) === HASH) inHeaders = false;
      continue;
    }
    REQUEST_LINE.lastIndex = at;
    const request = REQUEST_LINE.exec(text);
    const method = request && methodFromName(request[1]);
    if (method && request[1] === method) {
      tokens.push({ kind: 'method', value: method, start: at, end: at + method.length, confidence: 'literal', family: 'http-request-line' });
      inHeaders = true;
      continue;
    }
    if (!inHeaders || first === QUESTION || first === AMPERSAND) continue;
    HEADER_LINE.lastIndex = at;
    const header = HEADER_LINE.exec(text);
    const name = header && HEADER_BY_LOWER.get(header[1].toLowerCase());
    if (name) tokens.push({ kind: 'header', value: name, start: at, end: at + header[1].length, confidence: 'literal', family: 'http-header-line' });
  }
  return tokens;
}
