/**
 * The shape of the detector's knowledge: families (how one framework names statuses, methods or headers)
 * and rules (where such a name, number or string counts). Adding a framework is adding rows of these.
 */
import { HTTP_HEADERS, HTTP_METHODS, STATUS_CODES, statusPhrases } from './httpVocabulary';
import { spell, spellsPhrase } from './spelling';
import type { Confidence, TokenKind } from './token';

/** LSP language ids a rule applies to; `'*'` applies everywhere, also to languages the detector does not know. */
export type Languages = readonly string[] | '*';

export const JS = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] as const;
export const JVM = ['java', 'kotlin', 'scala'] as const;

/** One framework's way of naming the values of one kind, e.g. Spring's `HttpStatus.NOT_FOUND`. */
export interface Family {
  /** Stable id, reported as `HttpToken.family` and used to rewrite a token in the same family. */
  id: string;
  framework: string;
  kind: TokenKind;
  /** Template deriving a name from each value's phrases: `{UPPER}`, `Status{Pascal}`, `HTTP_{code}_{UPPER}`, `:{snake}`… */
  spelling?: string;
  /** The framework's own name for a value where it differs from the derived one (or all names, without `spelling`). */
  names?: Readonly<Record<string, string>>;
  /** Further names the framework accepts, name → value: older constants, synonyms. */
  aliases?: Readonly<Record<string, number | string>>;
}

interface RuleBase {
  languages: Languages;
  /** Regex source that must match right before the token (the token's qualifier included). */
  before?: string;
  /** Regex source that must not match right before the token. */
  notBefore?: string;
  /** Regex source that must match right after the token. */
  after?: string;
  /** Regex source that must occur somewhere in the file: the import that makes a short name unambiguous. */
  requires?: string;
}

/** An identifier of a family (`FORBIDDEN`), optionally behind a qualifier that belongs to the token (`HttpStatus.`). */
export interface NameRule extends RuleBase {
  on: 'name';
  family: string;
  /** Regex source for the text right before the name that is part of the token (`HttpStatus\s*\.\s*`). */
  qualifier?: string;
  confidence?: Confidence;
}

/** A three-digit number in a status context: `res.status(403)`, `status_code == 404`. */
export interface NumberRule extends RuleBase {
  on: 'number';
  /** A strong context: any code 100–599 counts, also unregistered ones (so diagnostics can flag them). */
  anyCode?: boolean;
  /** Only codes of this class count (`3` for redirect helpers). */
  codeClass?: number;
}

/** A string literal whose content names a status, method or header in context: `method: 'PATCH'`. */
export interface StringRule extends RuleBase {
  on: 'string';
  kind: TokenKind;
  /** Regex source the content must match from its start; group `v` is the token (default: the whole content is the name). */
  content?: string;
  /** The whole content is a name of this family (of `kind`), read as a constant: CGI's `'HTTP_IF_NONE_MATCH'`. */
  family?: string;
  /** Without `content`: a regex source the name must also match (`-`: hyphenated names only). */
  namePattern?: string;
}

export type Rule = NameRule | NumberRule | StringRule;

export interface Vocabulary {
  families: readonly Family[];
  rules: readonly Rule[];
}

/** Families of the tokens that are written as plain literals: `403`, `'PATCH'`, `"Retry-After"`. */
export const LITERAL_FAMILY: Readonly<Record<TokenKind, string>> = { status: 'status-literal', method: 'method-literal', header: 'header-literal' };

export type TokenValue = number | string;

export interface FamilyNames {
  /** Every name the family recognises, to its value. */
  byName: ReadonlyMap<string, TokenValue>;
  /** The name the family writes for a value (rewrites use it). */
  byValue: ReadonlyMap<TokenValue, string>;
}

/** Each value of a kind with its phrases, most conventional first. */
function valuesOf(kind: TokenKind): [TokenValue, string[]][] {
  switch (kind) {
    case 'status': return STATUS_CODES.map((s) => [s.code, statusPhrases(s)]);
    case 'method': return HTTP_METHODS.map((m) => [m, [m]]);
    case 'header': return HTTP_HEADERS.map((h) => [h, [h]]);
  }
}

function valueOf(kind: TokenKind, key: string | number): TokenValue {
  return kind === 'status' ? Number(key) : String(key);
}

const namesByFamily = new Map<string, FamilyNames>();

/** `buildFamilyNames`, computed once per family. */
export function familyNames(family: Family): FamilyNames {
  let names = namesByFamily.get(family.id);
  if (!names) namesByFamily.set(family.id, (names = buildFamilyNames(family)));
  return names;
}

/** All names of a family: its own names and aliases first, then those its spelling derives from the phrase tables. */
export function buildFamilyNames(family: Family): FamilyNames {
  const byName = new Map<string, TokenValue>();
  const byValue = new Map<TokenValue, string>();
  for (const [key, name] of Object.entries(family.names ?? {})) {
    const value = valueOf(family.kind, key);
    byName.set(name, value);
    byValue.set(value, name);
  }
  for (const [name, value] of Object.entries(family.aliases ?? {})) if (!byName.has(name)) byName.set(name, valueOf(family.kind, value));
  const template = family.spelling;
  if (template) {
    const phrased = spellsPhrase(template);
    for (const [value, phrases] of valuesOf(family.kind)) {
      for (const phrase of phrased ? phrases : ['']) {
        const name = spell(template, family.kind, value, phrase);
        if (!byName.has(name)) byName.set(name, value);
        if (!byValue.has(value)) byValue.set(value, name);
      }
    }
  }
  return { byName, byValue };
}
