/**
 * The scanner for source code: one regex pass per file finds comments (skipped), string literals, three-digit
 * numbers and the names the language's families know; each candidate is then checked against its rules.
 */
import { HEADER_BY_LOWER, HTTP_HEADERS, HTTP_METHODS, STATUS_BY_CODE, STATUS_CODES, methodFromName } from './httpVocabulary';
import { lastCharsOf } from './regexTail';
import { syntaxOf } from './sourceSyntax';
import type { HttpToken, TokenKind } from './token';
import { LITERAL_FAMILY, buildFamilyNames, type NameRule, type NumberRule, type Rule, type StringRule, type TokenValue } from './vocabulary';
import { FAMILIES, RULES } from './vocabularies';

interface Contexts {
  before?: RegExp;
  notBefore?: RegExp;
  after?: RegExp;
  /** Index into the scan's memo of file-level requirements. */
  requires?: number;
}

interface CompiledName extends Contexts { rule: NameRule; kind: TokenKind; qualifier?: RegExp; value: TokenValue }
interface CompiledNumber extends Contexts { rule: NumberRule; lastChars?: Set<string> }
interface NumberMatcher { rules: CompiledNumber[]; any: RegExp }
interface CompiledString extends Contexts { rule: StringRule; content?: RegExp; namePattern?: RegExp }

interface LanguageScanner {
  lexer: RegExp;
  names: Map<string, CompiledName[]>;
  numbers: CompiledNumber[];
  /** Matchers by code category and the character before the number (built when first needed). */
  numberMatchers: Map<string, NumberMatcher | undefined>;
  strings: CompiledString[];
  hasContentRules: boolean;
  importLine: RegExp;
  requirements: RegExp[];
}

const scanners = new Map<string, LanguageScanner>();

/** The tokens of a source file in a programming language, sorted by offset. */
export function scanSource(text: string, languageId: string): HttpToken[] {
  let scanner = scanners.get(languageId);
  if (!scanner) scanners.set(languageId, (scanner = compileScanner(languageId)));
  return new Scan(text, scanner).run();
}

function appliesTo(rule: Rule, languageId: string): boolean {
  return rule.languages === '*' || rule.languages.includes(languageId);
}

const sticky = (source: string) => new RegExp(source, 'y');

function compileScanner(languageId: string): LanguageScanner {
  const syntax = syntaxOf(languageId);
  const requirements: RegExp[] = [];
  const requirementIndex = new Map<string, number>();
  const contexts = (rule: Rule): Contexts => {
    let requires: number | undefined;
    if (rule.requires) {
      requires = requirementIndex.get(rule.requires);
      if (requires === undefined) {
        requires = requirements.push(new RegExp(rule.requires)) - 1;
        requirementIndex.set(rule.requires, requires);
      }
    }
    return {
      before: rule.before ? sticky(`(?<=${rule.before})`) : undefined,
      notBefore: rule.notBefore ? sticky(`(?<!${rule.notBefore})`) : undefined,
      after: rule.after ? sticky(`(?:${rule.after})`) : undefined,
      requires,
    };
  };
  const names = new Map<string, CompiledName[]>();
  const numbers: CompiledNumber[] = [];
  const strings: CompiledString[] = [];
  for (const rule of RULES) {
    if (!appliesTo(rule, languageId)) continue;
    if (rule.on === 'number') numbers.push({ rule, ...contexts(rule), lastChars: rule.before ? lastCharsOf(rule.before) : undefined });
    else if (rule.on === 'string') {
      const content = rule.content ? new RegExp(`^(?:${rule.content})`) : undefined;
      strings.push({ rule, ...contexts(rule), content, namePattern: rule.namePattern ? new RegExp(rule.namePattern) : undefined });
    } else {
      const family = FAMILIES.get(rule.family)!;
      const shared = { rule, kind: family.kind, ...contexts(rule), qualifier: rule.qualifier ? sticky(`(?<=(${rule.qualifier}))`) : undefined };
      for (const [name, value] of buildFamilyNames(family).byName) {
        let list = names.get(name);
        if (!list) names.set(name, (list = []));
        list.push({ ...shared, value });
      }
    }
  }
  const alternatives = [`(${syntax.comments.join('|')})`, `(${syntax.strings.join('|')})`, String.raw`(?<![\w$.])([1-5]\d\d)(?![\w.])`];
  // `\b` is cheaper than a lookbehind here; a name glued to a `$` is not worth the cost.
  if (names.size) alternatives.push(String.raw`\b(?:${wordTrie([...names.keys()])})\b`);
  return {
    lexer: new RegExp(alternatives.join('|'), 'g'),
    names,
    numbers,
    numberMatchers: new Map(),
    strings,
    hasContentRules: strings.some((c) => c.content),
    importLine: sticky(`[ \\t]*(?:${syntax.imports})`),
    requirements,
  };
}

/** A regex alternation of words, factored by shared prefixes so the engine does not retry each word. */
function wordTrie(words: string[]): string {
  interface Node { end?: boolean; next: Map<string, Node> }
  const root: Node = { next: new Map() };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const branches = [...node.next].map(([ch, child]) => ch.replace(/[$]/g, '\\$') + emit(child));
    if (!branches.length) return '';
    const group = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    return node.end ? `(?:${group})?` : group;
  };
  return emit(root);
}

/** Longer strings are prose or URLs; only content rules (`'Location: /x'`, `"GET /items/"`) read up to this length. */
const MAX_STRING = 80;
/** The longest method or header name: longer strings cannot be one. */
const MAX_NAME = Math.max(...HTTP_HEADERS.map((h) => h.length));

/** Strings that are exactly a method, header or status, by lower-case content. */
const NAMED_STRINGS: ReadonlyMap<string, Partial<Record<TokenKind, TokenValue>>> = (() => {
  const map = new Map<string, Partial<Record<TokenKind, TokenValue>>>();
  for (const m of HTTP_METHODS) map.set(m.toLowerCase(), { method: m });
  for (const h of HTTP_HEADERS) map.set(h.toLowerCase(), { ...map.get(h.toLowerCase()), header: h });
  for (const c of STATUS_CODES) map.set(String(c.code), { status: c.code });
  return map;
})();

class Scan {
  private readonly tokens: HttpToken[] = [];
  private readonly met: (boolean | undefined)[] = [];

  constructor(private readonly text: string, private readonly scanner: LanguageScanner) {}

  run(): HttpToken[] {
    const { text, scanner } = this;
    const lexer = scanner.lexer;
    lexer.lastIndex = 0;
    for (let m = lexer.exec(text); m; m = lexer.exec(text)) {
      if (m[1] !== undefined) continue;
      if (m[2] !== undefined) this.string(m.index, m[2]);
      else if (m[3] !== undefined) this.number(m.index);
      else this.name(m.index, m[0]);
    }
    return this.tokens;
  }

  /** Local contexts first (cheap), the file-level requirement last (one search of the file, remembered). */
  private holds(c: Contexts, start: number, end: number): boolean {
    const text = this.text;
    if (c.after && !at(c.after, text, end)) return false;
    if (c.before && !at(c.before, text, start)) return false;
    if (c.notBefore && !at(c.notBefore, text, start)) return false;
    return c.requires === undefined || this.requirementMet(c.requires);
  }

  private requirementMet(index: number): boolean {
    return (this.met[index] ??= this.scanner.requirements[index].test(this.text));
  }

  private add(kind: TokenKind, value: TokenValue, start: number, end: number, confidence: HttpToken['confidence'], family: string): void {
    this.tokens.push({ kind, value, start, end, confidence, family });
  }

  private name(start: number, word: string): void {
    const end = start + word.length;
    let imported: boolean | undefined;
    for (const c of this.scanner.names.get(word)!) {
      let from = start;
      if (c.qualifier) {
        c.qualifier.lastIndex = start;
        const q = c.qualifier.exec(this.text);
        if (!q) continue;
        from -= q[1].length;
      }
      if (!this.holds(c, from, end)) continue;
      imported ??= this.onImportLine(start);
      if (imported) return;
      this.add(c.kind, c.value, from, end, c.rule.confidence ?? 'constant', c.rule.family);
      return;
    }
  }

  private onImportLine(offset: number): boolean {
    const re = this.scanner.importLine;
    re.lastIndex = this.text.lastIndexOf('\n', offset - 1) + 1;
    return re.test(this.text);
  }

  private number(start: number): void {
    const text = this.text;
    const code = Number(text.slice(start, start + 3));
    let before = start - 1;
    while (before >= 0 && WHITESPACE.has(text[before])) before--;
    const matcher = numberMatcher(this.scanner, code, before >= 0 ? text[before] : '');
    if (!matcher) return;
    matcher.any.lastIndex = start;
    const m = matcher.any.exec(text);
    if (!m) return;
    // The first rule whose context holds decides, unless its file-level requirement fails: then a later one may.
    const first = m.indexOf('', 1) - 1;
    for (let i = first; i < matcher.rules.length; i++) {
      const c = matcher.rules[i];
      const held = i === first ? c.requires === undefined || this.requirementMet(c.requires) : this.holds(c, start, start + 3);
      if (!held) continue;
      this.add('status', code, start, start + 3, 'literal', LITERAL_FAMILY.status);
      return;
    }
  }

  private string(start: number, literal: string): void {
    const n = literal.length;
    if (n < 4 || n > MAX_STRING + 8) return;
    // Prefixes: C# verbatim `@"…"`, Rust raw `r#"…"#`; triple quotes in Python, Kotlin, Swift, Elixir.
    let open = 0;
    while (literal[open] === '@' || literal[open] === 'r' || literal[open] === '#') open++;
    const hashes = open - (literal[0] === 'r' ? 1 : 0);
    const q = literal[open];
    const quote = n >= open + 6 && literal[open + 1] === q && literal[open + 2] === q ? 3 : 1;
    const from = start + open + quote;
    const length = n - open - 2 * quote - hashes;
    if (length < 2 || length > MAX_STRING || (length > MAX_NAME && !this.scanner.hasContentRules)) return;
    const content = this.text.slice(from, from + length);
    const named = length <= MAX_NAME ? NAMED_STRINGS.get(content.toLowerCase()) : undefined;
    for (const c of this.scanner.strings) {
      const kind = c.rule.kind;
      let tokenStart = from;
      let tokenLength = length;
      let value: TokenValue | undefined;
      if (c.content) {
        const m = c.content.exec(content);
        if (!m) continue;
        const v = m.groups?.v ?? m[0];
        tokenStart = from + m[0].indexOf(v);
        tokenLength = v.length;
        value = valueOfText(kind, v);
      } else {
        value = named?.[kind];
        if (value !== undefined && c.namePattern && !c.namePattern.test(content)) continue;
      }
      if (value === undefined || !this.holds(c, start, start + n)) continue;
      this.add(kind, value, tokenStart, tokenStart + tokenLength, 'literal', LITERAL_FAMILY[kind]);
      return;
    }
  }
}

const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

/**
 * The rules that can read `code` after the character `previous`: those that accept the code (registered or
 * any, its class) and whose context can end in that character, as one sticky regex whose empty groups mark the rule.
 */
function numberMatcher(scanner: LanguageScanner, code: number, previous: string): NumberMatcher | undefined {
  const registered = STATUS_BY_CODE.has(code);
  const cls = Math.floor(code / 100);
  const key = `${cls}${registered ? 'r' : 'u'}${previous}`;
  if (scanner.numberMatchers.has(key)) return scanner.numberMatchers.get(key);
  const rules = scanner.numbers.filter(({ rule, lastChars }) =>
    (rule.anyCode || registered) && (rule.codeClass === undefined || rule.codeClass === cls) && (!lastChars || lastChars.has(previous)));
  // The lookahead first: it is cheap, and it spares the lookbehind when it fails.
  const any = sticky(rules.map(({ rule }) => `${rule.after ? String.raw`(?=\d{3}(?:${rule.after}))` : ''}${rule.before ? `(?<=${rule.before})` : ''}()`).join('|'));
  const matcher = rules.length ? { rules, any } : undefined;
  scanner.numberMatchers.set(key, matcher);
  return matcher;
}

function at(re: RegExp, text: string, offset: number): boolean {
  re.lastIndex = offset;
  return re.test(text);
}

/** The value a literal's text names, if it names one of the kind: `'patch'` → `PATCH`, `"content-type"` → `Content-Type`. */
function valueOfText(kind: TokenKind, text: string): TokenValue | undefined {
  switch (kind) {
    case 'status': return /^[1-5]\d\d$/.test(text) ? Number(text) : undefined;
    case 'method': return methodFromName(text);
    case 'header': return HEADER_BY_LOWER.get(text.toLowerCase());
  }
}
