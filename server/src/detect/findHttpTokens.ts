/** Finds HTTP status codes, methods and headers in a document: source code, OpenAPI documents and `.http` files. */
import { findRequestFileTokens } from './httpRequestFile';
import { findOpenApiTokens } from './openApi';
import { scanSource } from './sourceScanner';
import type { HttpToken } from './token';

export { normalizeName, statusFromName } from './httpVocabulary';

/** All tokens in `text`, sorted by start offset. `languageId` (an LSP language id) selects the vocabularies. */
export function findHttpTokens(text: string, languageId: string): HttpToken[] {
  switch (languageId) {
    case 'yaml':
    case 'json':
    case 'jsonc':
      return findOpenApiTokens(text, languageId);
    case 'http':
      return [...findRequestFileTokens(text), ...findScriptTokens(text)].sort((a, b) => a.start - b.start);
    default:
      return scanSource(text, languageId).sort((a, b) => a.start - b.start);
  }
}

/** The JavaScript of `.http` response handlers (`> {% client.assert(response.status === 200) %}`). */
function findScriptTokens(text: string): HttpToken[] {
  const tokens: HttpToken[] = [];
  for (const m of text.matchAll(/\{%([\s\S]*?)%\}/g)) {
    const offset = m.index! + 2;
    for (const t of scanSource(m[1], 'javascript')) tokens.push({ ...t, start: t.start + offset, end: t.end + offset });
  }
  return tokens;
}
