/** Finds HTTP status codes, methods and headers in a document: source code, OpenAPI documents and `.http` files. */
import { findRequestFileTokens } from './httpRequestFile';
import { findOpenApiTokens } from './openApi';
import { scanSource } from './sourceScanner';
import type { HttpToken, TokenFilter } from './token';

export { normalizeName, statusFromName } from './httpVocabulary';

/**
 * All tokens in `text`, sorted by start offset. `languageId` (an LSP language id) selects the vocabularies.
 * With `wanted`, only tokens of wanted values are returned, and the rest is found faster; the others are unchanged.
 */
export function findHttpTokens(text: string, languageId: string, wanted?: TokenFilter): HttpToken[] {
  switch (languageId) {
    case 'yaml':
    case 'json':
    case 'jsonc':
      return only(findOpenApiTokens(text, languageId), wanted);
    case 'http':
      return only([...findRequestFileTokens(text), ...findScriptTokens(text)].sort((a, b) => a.start - b.start), wanted);
    default:
      return scanSource(text, languageId, wanted).sort((a, b) => a.start - b.start);
  }
}

function only(tokens: HttpToken[], wanted: TokenFilter | undefined): HttpToken[] {
  return wanted ? tokens.filter((t) => wanted(t.kind, t.value)) : tokens;
}

/** The JavaScript of `.http` response handlers (`> {% client.assert(response.status === 200) %}`). */
function findScriptTokens(text: string): HttpToken[] {
  const tokens: HttpToken[] = [];
  // By hand, not `/\{%([\s\S]*?)%\}/g`: that searched the rest of the text again from every unclosed `{%`.
  for (let open = text.indexOf('{%'); open >= 0; open = text.indexOf('{%', open)) {
    const close = text.indexOf('%}', open + 2);
    // No `%}` after this `{%`, so none after any later one either.
    if (close < 0) break;
    const offset = open + 2;
    for (const t of scanSource(text.slice(offset, close), 'javascript')) tokens.push({ ...t, start: t.start + offset, end: t.end + offset });
    open = close + 2;
  }
  return tokens;
}
