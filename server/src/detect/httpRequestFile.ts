/** `.http` / `.rest` request files (VS Code REST Client, JetBrains HTTP Client): request lines and their header lines. */
import { HEADER_BY_LOWER, methodFromName } from './httpVocabulary';
import type { HttpToken } from './token';

const REQUEST_LINE = /^([A-Z]+)[ \t]+\S/;
const HEADER_LINE = /^([A-Za-z0-9-]+)[ \t]*:/;

export function findRequestFileTokens(text: string): HttpToken[] {
  const tokens: HttpToken[] = [];
  let inHeaders = false;
  for (let offset = 0; offset < text.length;) {
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    const line = text.slice(offset, end).replace(/\r$/, '');
    const lineOffset = offset;
    offset = end + 1;
    const trimmed = line.trimStart();
    const column = line.length - trimmed.length;
    if (/^(?:#|\/\/)/.test(trimmed)) {
      if (trimmed.startsWith('###')) inHeaders = false;
      continue;
    }
    if (!trimmed) {
      inHeaders = false;
      continue;
    }
    const request = REQUEST_LINE.exec(trimmed);
    const method = request && methodFromName(request[1]);
    if (method && request[1] === method) {
      tokens.push({ kind: 'method', value: method, start: lineOffset + column, end: lineOffset + column + method.length, confidence: 'literal', family: 'http-request-line' });
      inHeaders = true;
      continue;
    }
    if (!inHeaders || /^[?&]/.test(trimmed)) continue;
    const header = HEADER_LINE.exec(trimmed);
    const name = header && HEADER_BY_LOWER.get(header[1].toLowerCase());
    if (name) tokens.push({ kind: 'header', value: name, start: lineOffset + column, end: lineOffset + column + header[1].length, confidence: 'literal', family: 'http-header-line' });
  }
  return tokens;
}
