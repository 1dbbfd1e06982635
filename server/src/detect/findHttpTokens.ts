/** Finds HTTP status codes, methods and headers in source text: one scanner over the vocabulary tables. */
import { STATUS_CODES } from './httpVocabulary';
import type { HttpToken } from './token';

/** Lower-case letters and digits only: `NOT_FOUND`, `NotFound` and `not_found` all become `notfound`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const STATUS_BY_NAME = new Map<string, number>();
for (const s of STATUS_CODES) {
  for (const phrase of [s.phrase, ...(s.aliases ?? [])]) {
    const key = normalizeName(phrase.replace(/'/g, ''));
    if (!STATUS_BY_NAME.has(key)) STATUS_BY_NAME.set(key, s.code);
  }
}

export function statusFromName(name: string): number | undefined {
  return STATUS_BY_NAME.get(normalizeName(name));
}

/** Qualified constant families: qualifier text, then a name the status table knows. */
const STATUS_CONSTANT = /\b(HttpStatus|HTTPStatus|HttpStatusCode|StatusCodes|ReasonPhrases)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)|\bhttp\.Status([A-Z][A-Za-z]*)\b|\bstatus\.HTTP_([1-5]\d\d)_[A-Z_]+\b/g;

/** A bare number is a status code only right after one of these. */
const LITERAL_CONTEXT = /(?:\.(?:status|sendStatus|code|writeHead|WriteHeader)\s*\(\s*|\b(?:status|statusCode|status_code)\s*(?:===?|!==?|=|:)\s*)$/;

/** All tokens in `text`, sorted by start offset. `languageId` selects the vocabularies. */
export function findHttpTokens(text: string, _languageId: string): HttpToken[] {
  const tokens: HttpToken[] = [];
  for (const m of text.matchAll(STATUS_CONSTANT)) {
    const code = m[4] ? Number(m[4]) : statusFromName(m[2] ?? m[3] ?? '');
    if (code === undefined) continue;
    tokens.push({ kind: 'status', value: code, start: m.index!, end: m.index! + m[0].length, confidence: 'constant', family: m[1] ?? 'go-net-http' });
  }
  for (const m of text.matchAll(/\b[1-5]\d\d\b/g)) {
    const before = text.slice(Math.max(0, m.index! - 40), m.index!);
    if (!LITERAL_CONTEXT.test(before)) continue;
    tokens.push({ kind: 'status', value: Number(m[0]), start: m.index!, end: m.index! + 3, confidence: 'literal', family: 'literal' });
  }
  return tokens.sort((a, b) => a.start - b.start);
}
