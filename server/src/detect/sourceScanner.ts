/**
 * The scanner for source code: one regex pass per file finds comments (skipped), string literals, three-digit
 * numbers and the names the language's families know; each candidate is then checked against its rules.
 */
import { HEADER_BY_LOWER, HTTP_HEADERS, HTTP_METHODS, STATUS_BY_CODE, STATUS_CODES, methodFromName } from './httpVocabulary';
import { lastCharsOf, lastWordsOf, START } from './regexTail';
import { lexerSource, multilineOpeners, runsToEndFrom, syntaxOf, type SourceSyntax } from './sourceSyntax';
import type { HttpToken, TokenFilter, TokenKind } from './token';
import { LITERAL_FAMILY, familyNames, type Family, type NameRule, type NumberRule, type Rule, type StringRule, type TokenValue } from './vocabulary';
import { FAMILIES, RULES } from './vocabularies';

interface Contexts {
  before?: RegExp;
  notBefore?: RegExp;
  after?: RegExp;
  /** Index into the scan's memo of file-level requirements. */
  requires?: number;
}

interface CompiledName extends Contexts { rule: NameRule; kind: TokenKind; qualifier?: RegExp; value: TokenValue }
interface CompiledNumber extends Contexts { rule: NumberRule; lastChars?: ReadonlySet<string> }
interface NumberMatcher { rules: CompiledNumber[]; any: RegExp }
interface CompiledString extends Contexts {
  rule: StringRule;
  content?: RegExp;
  namePattern?: RegExp;
  /** A family's names (`family` rules), and their lengths and first characters: most strings are rejected on those. */
  names?: ReadonlyMap<string, TokenValue>;
  nameShapes?: ReadonlySet<number>;
}

/** What a language's rules compile to, whatever the scan wants: shared by its scanners. */
interface LanguageRules {
  syntax: SourceSyntax;
  names: ReadonlyMap<string, CompiledName[]>;
  /** Characters that start a comment or string and can end a word (Rust's `r"…"`): names ending in one shape the lexing. */
  prefixes: ReadonlySet<string>;
  numbers: CompiledNumber[];
  /** Matchers by code category and the character before the number (built when first needed). */
  numberMatchers: Map<number, NumberMatcher | undefined>;
  numberMatchersBySource: Map<string, NumberMatcher>;
  strings: CompiledString[];
  hasContentRules: boolean;
  importLine: RegExp;
  requirements: RegExp[];
}

/** A comment or string source of the lexer, in the lexer's order (comments, then strings). */
interface Construct {
  string: boolean;
  /** The source as written, sticky: what a match that reached the end of the text really is. */
  full: RegExp;
  /** For sources read to the end of the text when unclosed (`runsToEndFrom`): their opener (sticky) and their bit in `Scan.dead`. */
  open?: RegExp;
  bit: number;
}

interface LanguageScanner extends LanguageRules {
  /** Groups: 1 a comment, 2 a string, 3 a number, 4 the guard before a guarded name; none: a name. */
  lexer: RegExp;
  constructs: readonly Construct[];
  /** The lexer without some constructs (by their bits): those known unclosed in the rest of a text. Built when first needed. */
  lexerWithout(dead: number): RegExp;
  /** The last characters of the guards a guarded name needs before it (whitespace aside), and those names. */
  guardChars: ReadonlySet<number>;
  guarded: ReadonlySet<string>;
  /**
   * A filtered scanner's triggers: regexes whose matches include every place a wanted token can start or contain,
   * and every opener of a multi-line comment or string. Only lines with a trigger are lexed (`Scan.runTriggered`).
   */
  triggers?: RegExp[];
}

const rulesByLanguage = new Map<string, LanguageRules>();
const scanners = new Map<string, LanguageScanner>();

/** The tokens of a source file in a programming language, sorted by offset. */
export function scanSource(text: string, languageId: string, wanted?: TokenFilter): HttpToken[] {
  return new Scan(text, scannerFor(languageId, wanted), wanted).run();
}

function scannerFor(languageId: string, wanted: TokenFilter | undefined): LanguageScanner {
  if (wanted) return wantedScanner(languageId, wanted);
  let scanner = scanners.get(languageId);
  if (!scanner) scanners.set(languageId, (scanner = compileLexer(rulesOf(languageId))));
  return scanner;
}

function rulesOf(languageId: string): LanguageRules {
  let rules = rulesByLanguage.get(languageId);
  if (!rules) rulesByLanguage.set(languageId, (rules = compileRules(languageId)));
  return rules;
}

/** Scanners for a filter, by language: a caller keeps its filter, so each is built once (`check` builds one per thread and language). */
const scannersByFilter = new WeakMap<TokenFilter, Map<string, LanguageScanner>>();
/** The same by what the filter wants, for callers that make a new filter wanting the same values (most recent kept). */
const scannersByWanted = new Map<string, LanguageScanner>();
const MAX_SCANNERS_BY_WANTED = 64;

/**
 * A scanner whose lexer looks only for the numbers and names of wanted values (and, as always, comments and
 * strings): the rest of the text goes by at the speed of a comment-and-string lexer, which is most of the gain of
 * a filter. Comments and strings are found exactly as by the full lexer, so are the wanted tokens (see `wantedValues`).
 */
function wantedScanner(languageId: string, wanted: TokenFilter): LanguageScanner {
  let byLanguage = scannersByFilter.get(wanted);
  if (!byLanguage) scannersByFilter.set(wanted, (byLanguage = new Map()));
  let scanner = byLanguage.get(languageId);
  if (scanner) return scanner;
  const values = wantedValues(languageId, wanted);
  const key = `${languageId}\n${values.codes.join(',')}\n${values.names.join(',')}\n${values.words.join(',')}`;
  scanner = scannersByWanted.get(key);
  if (scanner) scannersByWanted.delete(key);
  else scanner = compileLexer(compileRules(languageId, new Set(values.names)), values);
  scannersByWanted.set(key, scanner);
  if (scannersByWanted.size > MAX_SCANNERS_BY_WANTED) scannersByWanted.delete(scannersByWanted.keys().next().value!);
  byLanguage.set(languageId, scanner);
  return scanner;
}

/**
 * What a filter wants of a language. The lexer looks for the names with a rule of a wanted value (the others are
 * dropped by `Scan.name` anyway), and for those ending in a character that can start a string or comment. A name is
 * a word, and nothing the lexer finds starts inside a word, except such a prefixed string (`FOOr"…"` is `FOOr` then
 * `"…"`, not a raw string): without those names, what remains is lexed exactly as before.
 */
function wantedValues(languageId: string, wanted: TokenFilter): WantedValues {
  const codes: number[] = [];
  for (let code = 100; code < 600; code++) if (wanted('status', code)) codes.push(code);
  const prefixes = prefixesOf(syntaxOf(languageId));
  const names: string[] = [];
  const wantedNames: string[] = [];
  for (const family of nameFamilies(languageId)) {
    for (const [name, value] of familyNames(family).byName) {
      const isWanted = wanted(family.kind, value);
      if (isWanted) wantedNames.push(name);
      if (isWanted || prefixes.has(name[name.length - 1])) names.push(name);
    }
  }
  // A string that is a family's name holds that name: a trigger, though not a name for the lexer.
  for (const family of stringFamilies(languageId)) {
    for (const [name, value] of familyNames(family).byName) if (wanted(family.kind, value)) wantedNames.push(name);
  }
  const words = [...HTTP_METHODS.filter((m) => wanted('method', m)), ...HTTP_HEADERS.filter((h) => wanted('header', h))];
  return { codes, names: [...new Set(names)].sort(), wantedNames: [...new Set(wantedNames)], words };
}

/** The families whose names a language's rules look for. */
function nameFamilies(languageId: string): Family[] {
  const families = new Set<Family>();
  for (const rule of RULES) if (rule.on === 'name' && appliesTo(rule, languageId)) families.add(FAMILIES.get(rule.family)!);
  return [...families];
}

/** The families whose names a language's string rules read (`'HTTP_IF_NONE_MATCH'`). */
function stringFamilies(languageId: string): Family[] {
  const families = new Set<Family>();
  for (const rule of RULES) if (rule.on === 'string' && rule.family && appliesTo(rule, languageId)) families.add(FAMILIES.get(rule.family)!);
  return [...families];
}

/** Characters that start a comment or string and can end a word (Rust's `r"…"`). */
function prefixesOf(syntax: SourceSyntax): Set<string> {
  return new Set([...syntax.comments, ...syntax.strings].map((source) => /^\w/.exec(source)?.[0]).filter((c) => c !== undefined));
}

function appliesTo(rule: Rule, languageId: string): boolean {
  return rule.languages === '*' || rule.languages.includes(languageId);
}

/**
 * Compiled regexes by flags and source, shared by every language's scanner (the rules for all languages are the
 * same text): each is compiled once per process. Sticky ones are positioned before every use, so sharing is safe.
 */
const compiled = new Map<string, RegExp>();
function regex(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) compiled.set(key, (re = new RegExp(source, flags)));
  return re;
}
const sticky = (source: string) => regex(source, 'y');

/** A rule for every language is compiled once per language: what ends its contexts is read once. */
function cached(read: (source: string) => Set<string> | undefined): (source: string) => Set<string> | undefined {
  const results = new Map<string, Set<string> | undefined>();
  return (source) => {
    if (!results.has(source)) results.set(source, read(source));
    return results.get(source);
  };
}
const lastCharsOfCached = cached(lastCharsOf);
const lastWordsOfCached = cached(lastWordsOf);

/** A language's rules compiled; with `only`, just those names (a filtered scanner needs few of the thousands). */
function compileRules(languageId: string, only?: ReadonlySet<string>): LanguageRules {
  const syntax = syntaxOf(languageId);
  const requirements: RegExp[] = [];
  const requirementIndex = new Map<string, number>();
  const contexts = (rule: Rule): Contexts => {
    let requires: number | undefined;
    if (rule.requires) {
      requires = requirementIndex.get(rule.requires);
      if (requires === undefined) {
        requires = requirements.push(regex(rule.requires)) - 1;
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
    if (rule.on === 'number') numbers.push({ rule, ...contexts(rule), lastChars: rule.before ? charsBeforeNumber(rule.before) : undefined });
    else if (rule.on === 'string') {
      const content = rule.content ? regex(`^(?:${rule.content})`) : undefined;
      const names = rule.family ? familyNames(FAMILIES.get(rule.family)!).byName : undefined;
      const nameShapes = names && new Set([...names.keys()].map((n) => shapeOf(n.length, n.charCodeAt(0))));
      strings.push({ rule, ...contexts(rule), content, namePattern: rule.namePattern ? regex(rule.namePattern) : undefined, names, nameShapes });
    } else {
      const family = FAMILIES.get(rule.family)!;
      const shared = { rule, kind: family.kind, ...contexts(rule), qualifier: rule.qualifier ? sticky(`(?<=(${rule.qualifier}))`) : undefined };
      for (const [name, value] of familyNames(family).byName) {
        if (only && !only.has(name)) continue;
        let list = names.get(name);
        if (!list) names.set(name, (list = []));
        list.push({ ...shared, value });
      }
    }
  }
  return {
    syntax,
    names,
    prefixes: prefixesOf(syntax),
    numbers,
    numberMatchers: new Map(),
    numberMatchersBySource: new Map(),
    strings,
    hasContentRules: strings.some((c) => c.content || c.names),
    importLine: sticky(`[ \\t]*(?:${syntax.imports})`),
    requirements,
  };
}

/**
 * The lexer of a language: comments, strings, three-digit numbers and names. With `only`, just the codes and
 * names given (a filter's; `wantedScanner`): the same matches, less those the scan would drop.
 */
function compileLexer(rules: LanguageRules, only?: WantedValues): LanguageScanner {
  const { syntax } = rules;
  const numbers = only ? (only.codes.length ? only.codes.join('|') : '(?!)') : String.raw`[1-5]\d\d`;
  const { free, guarded, guard } = splitNames(only ? only.names : [...rules.names.keys()], rules);
  const constructs: Construct[] = [];
  let bits = 0;
  for (const [string, sources] of [[false, syntax.comments], [true, syntax.strings]] as const) {
    for (const source of sources) {
      const open = runsToEndFrom(source);
      constructs.push({ string, full: sticky(source), open: open === undefined ? undefined : sticky(open), bit: open === undefined ? 0 : 1 << bits++ });
    }
  }
  const rest = [String.raw`(?<![\w$.])(${numbers})(?![\w.])`];
  // `\b` is cheaper than a lookbehind here; a name glued to a `$` is not worth the cost.
  if (free.length) rest.push(String.raw`\b(?:${nameAlternation(free)})\b`);
  if (guarded.length) rest.push(String.raw`(${guardPattern(guard)}\s*)\b(?:${nameAlternation(guarded)})\b`);
  const lexers = new Map<number, RegExp>();
  const lexerWithout = (dead: number): RegExp => {
    let lexer = lexers.get(dead);
    if (!lexer) {
      const sources = [...syntax.comments, ...syntax.strings];
      const group = (string: boolean) => {
        const alive = sources.filter((_, i) => constructs[i].string === string && !(constructs[i].bit & dead)).map(lexerSource);
        return `(${alive.length ? alive.join('|') : '(?!)'})`;
      };
      lexers.set(dead, (lexer = new RegExp([group(false), group(true), ...rest].join('|'), 'g')));
    }
    return lexer;
  };
  return {
    ...rules,
    lexer: lexerWithout(0),
    constructs,
    lexerWithout,
    guardChars: new Set([...guard].filter((g) => g !== START).map((g) => g.charCodeAt(g.length - 1))),
    guarded: new Set(guarded),
    triggers: only && triggersFor(rules, only),
  };
}

/** What a filter wants, as the lexer and the triggers need it. */
interface WantedValues {
  codes: readonly number[];
  /** Names with a rule of a wanted value, and those ending in a string prefix (see `wantedValues`). */
  names: readonly string[];
  /** Only those with a rule of a wanted value. */
  wantedNames: readonly string[];
  /** Wanted methods and headers, which strings can hold in any case. */
  words: readonly string[];
}

/**
 * The triggers of a filtered scanner. A wanted token holds its value's text: a code's digits (in a number or a
 * string; no digit on either side), a wanted name, or a method or header in a string (in any case; Unicode case
 * folding covers the Kelvin sign that lower-cases to `k`). The multi-line openers are triggers too.
 */
function triggersFor(rules: LanguageRules, only: WantedValues): RegExp[] {
  // Nothing wanted, nothing to find: no line needs lexing.
  if (!only.codes.length && !only.wantedNames.length && !only.words.length) return [];
  const exact: string[] = multilineOpeners(rules.syntax);
  if (only.codes.length) exact.push(`(?<![0-9])(?:${only.codes.join('|')})(?![0-9])`);
  if (only.wantedNames.length) exact.push(nameAlternation([...only.wantedNames]));
  const triggers = [new RegExp(exact.join('|'), 'g')];
  if (only.words.length) triggers.push(new RegExp(only.words.map(escapeRegex).join('|'), 'giu'));
  return triggers;
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * A regex alternation of names, longest first. Every name is a word (`[A-Za-z_]\w*`) between `\b`s, so at most one
 * can match at a place and the order never changes a result; irregexp runs this as fast as a prefix trie and compiles it faster.
 */
function nameAlternation(names: string[]): string {
  return names.map((n) => n.replace(/[$]/g, '\\$')).sort((a, b) => b.length - a.length).join('|');
}

/**
 * Names whose every rule needs one of a few characters or words right before them (`.` of `HttpStatus.`, `@`, `::`,
 * `new`, a line start), give or take whitespace, are looked for only there, with that guard: trying every name at
 * every word costs the lexer most of its time.
 * A name not tried is a word the lexer steps through, and no comment, string, number or name can start inside a word,
 * except a prefixed string (Rust's `r"…"`) right after a name that ends in its prefix: such names are tried everywhere.
 */
function splitNames(candidates: readonly string[], rules: LanguageRules): { free: string[]; guarded: string[]; guard: Set<string> } {
  const { names, prefixes } = rules;
  const free: string[] = [];
  const guarded: string[] = [];
  const guard = new Set<string>();
  for (const name of candidates) {
    const needs = names.get(name)!.map(charsBeforeName);
    if (!/^[A-Za-z_]\w*$/.test(name) || prefixes.has(name[name.length - 1]) || needs.some((c) => !c)) free.push(name);
    else {
      guarded.push(name);
      for (const chars of needs) for (const c of chars!) guard.add(c);
    }
  }
  // Names tried at every word cost by how many letters they start with more than by how many they are, and guards
  // that come at every line cost too: measured per language, guards only pay while both stay few.
  const cost = new Set(free.map((n) => n[0])).size + (guard.has('\n') || guard.has(START) ? 1 : 0);
  if (cost > MAX_GUARD_COST) return { free: [...candidates], guarded: [], guard: new Set() };
  return { free, guarded, guard };
}

const MAX_GUARD_COST = 2;

/** What comes before a guarded name, whitespace aside: the start of the text, one of some characters, or one of some words. */
function guardPattern(guard: ReadonlySet<string>): string {
  const chars = [...guard].filter((g) => g.length === 1 && g !== '\n').sort().map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const words = [...guard].filter((g) => g.length > 1).sort();
  // A line break guards only as the first of a run of blank lines: the guard and the blanks after it are read once
  // per run, not once per line of it (which, on thousands of blank lines, took seconds). The first one is also where
  // the leftmost match would start, so the matches are the same.
  const lineBreak = guard.has('\n') ? [String.raw`(?<!\n[^\S\n]*)\n`] : [];
  const parts = [...(guard.has(START) ? ['^'] : []), ...(chars.length ? [`[${chars.join('')}]`] : []), ...lineBreak, ...words];
  return `(?:${parts.join('|')})`;
}

/**
 * What `numberMatcher` compares with the character before a number. It skips line breaks and sees nothing at the
 * start of the text: a context that may end in a line break, or match there, says nothing.
 */
function charsBeforeNumber(before: string): ReadonlySet<string> | undefined {
  const chars = lastCharsOfCached(before);
  return chars?.has('\n') || chars?.has(START) ? undefined : chars;
}

/** The characters or words one of which ends the text before a name (whitespace aside) for the rule to hold; `undefined`: any. */
function charsBeforeName(c: CompiledName): ReadonlySet<string> | undefined {
  // The qualifier ends right before the name; only without one is `before` checked there.
  if (c.rule.qualifier !== undefined) return lastWordsOfCached(c.rule.qualifier);
  return c.rule.before === undefined ? undefined : lastWordsOfCached(c.rule.before);
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
  /** The line the last import check looked at (names come in order, so each line is read once). */
  private importLineStart = -1;
  private importLineEnd = -1;
  private importLine = false;
  /** The constructs (bits) found unclosed: none of them closes in the rest of the text, and the lexer reads them no more. */
  private dead = 0;
  private lexer: RegExp;

  /** Without a filter every token is reported; with one, a candidate of no wanted value is not even checked. */
  constructor(private readonly text: string, private readonly scanner: LanguageScanner, private readonly wanted?: TokenFilter) {
    this.lexer = scanner.lexer;
  }

  run(): HttpToken[] {
    if (this.scanner.triggers) this.runTriggered(this.scanner.triggers);
    else {
      this.lexer.lastIndex = 0;
      while (this.next());
    }
    return this.tokens;
  }

  /** Reads the lexer's next match, if any; false at the end of the text. */
  private next(): boolean {
    let lexer = this.lexer;
    const m = lexer.exec(this.text);
    if (!m) return false;
    if ((m[1] !== undefined || m[2] !== undefined) && lexer.lastIndex === this.text.length && this.scanner.constructs.some((c) => c.bit & ~this.dead)) {
      // Maybe an opener read to the end because it has no closer: what really starts there, by the sources as written.
      const found = this.closedAt(m.index);
      lexer = this.lexer;
      if (!found) {
        // No comment or string here after all: the lexer, without the unclosed ones, reads this place again.
        lexer.lastIndex = m.index;
        return true;
      }
      lexer.lastIndex = found.end;
      if (found.string) this.string(m.index, found.end);
    } else if (m[1] === undefined) {
      if (m[2] !== undefined) this.string(m.index, lexer.lastIndex);
      else if (m[3] !== undefined) this.number(m.index);
      else if (m[4] !== undefined) this.name(m.index + m[4].length, m[0].slice(m[4].length));
      else this.name(m.index, m[0]);
    }
    if (this.scanner.guardChars.has(this.text.charCodeAt(lexer.lastIndex - 1))) this.guardedNamesAfter(lexer);
    return true;
  }

  /**
   * The comment or string that starts at `start`, tried in the lexer's order as written (closed). An opener read to
   * the end unclosed has no closer after it, nor has any later one of its kind: that kind is dropped from the lexer
   * for the rest of the text, so that no later opener searches the rest of the text again.
   */
  private closedAt(start: number): { string: boolean; end: number } | undefined {
    const { text } = this;
    let found: { string: boolean; end: number } | undefined;
    let dead = this.dead;
    for (const c of this.scanner.constructs) {
      if (c.bit & dead) continue;
      c.full.lastIndex = start;
      if (c.full.test(text)) {
        found = { string: c.string, end: c.full.lastIndex };
        break;
      }
      if (c.open && at(c.open, text, start)) dead |= c.bit;
    }
    if (dead !== this.dead) this.lexer = this.scanner.lexerWithout((this.dead = dead));
    return found;
  }

  /**
   * Lexes only around triggers, with the same matches as lexing the whole text: a match that runs over a line
   * break starts with a multi-line opener, or is a guarded name whose guard ends the last non-blank text before it
   * (`HttpStatus.` + line break + `NOT_FOUND`), and both openers and wanted names are triggers. So from where the
   * lexer stopped (`from`, between two matches) up to the line of the next trigger, no match runs over a line start,
   * and the lexer can go on from the start of the last non-blank line before the trigger's line as if it had read all
   * the lines between. It stops after a match that reaches the end of the trigger's line.
   */
  private runTriggered(triggers: readonly RegExp[]): void {
    const { text } = this;
    // Where each trigger regex matched last (-1: not yet searched, or past `from` by then: searched again).
    const found = triggers.map(() => -1);
    let from = 0;
    for (;;) {
      let at = text.length;
      for (let i = 0; i < triggers.length; i++) {
        if (found[i] < from) {
          const re = triggers[i];
          re.lastIndex = from;
          found[i] = re.exec(text)?.index ?? text.length;
        }
        if (found[i] < at) at = found[i];
      }
      if (at >= text.length) return;
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      let before = lineStartOf(text, at) - 1;
      while (before >= from && isSpace(text.charCodeAt(before))) before--;
      this.lexer.lastIndex = before < from ? from : Math.max(from, lineStartOf(text, before));
      do if (!this.next()) return;
      while (this.lexer.lastIndex < end);
      from = this.lexer.lastIndex;
    }
  }

  /**
   * The lexer looks for a guarded name together with its guard; when a match of its own ended with the end of a
   * guard, a guarded name right after it (whitespace aside) is its next match, read here.
   */
  private guardedNamesAfter(lexer: RegExp): void {
    const { text, scanner } = this;
    do {
      WORD_AFTER_SPACE.lastIndex = lexer.lastIndex;
      const m = WORD_AFTER_SPACE.exec(text);
      if (!m || !scanner.guarded.has(m[2])) return;
      this.name(WORD_AFTER_SPACE.lastIndex - m[2].length, m[2]);
      lexer.lastIndex = WORD_AFTER_SPACE.lastIndex;
    } while (scanner.guardChars.has(text.charCodeAt(lexer.lastIndex - 1)));
  }

  /** Local contexts first (cheap), the file-level requirement last (one search of the file, remembered). */
  private holds(c: Contexts, start: number, end: number): boolean {
    return this.holdsLocally(c, start, end) && (c.requires === undefined || this.requirementMet(c.requires));
  }

  private holdsLocally(c: Contexts, start: number, end: number): boolean {
    const text = this.text;
    if (c.after && !at(c.after, text, end)) return false;
    if (c.before && !at(c.before, text, start)) return false;
    return !c.notBefore || at(c.notBefore, text, start);
  }

  private requirementMet(index: number): boolean {
    return (this.met[index] ??= this.scanner.requirements[index].test(this.text));
  }

  private add(kind: TokenKind, value: TokenValue, start: number, end: number, confidence: HttpToken['confidence'], family: string): void {
    this.tokens.push({ kind, value, start, end, confidence, family });
  }

  private name(start: number, word: string): void {
    const end = start + word.length;
    const rules = this.scanner.names.get(word)!;
    const wanted = this.wanted;
    if (wanted && !rules.some((c) => wanted(c.kind, c.value))) return;
    let imported: boolean | undefined;
    for (const c of rules) {
      let from = start;
      if (c.qualifier) {
        c.qualifier.lastIndex = start;
        const q = c.qualifier.exec(this.text);
        if (!q) continue;
        from -= q[1].length;
      }
      if (!this.holds(c, from, end)) continue;
      imported ??= this.onImportLine(start);
      // The first rule that holds decides, wanted or not.
      if (!imported && (!wanted || wanted(c.kind, c.value))) this.add(c.kind, c.value, from, end, c.rule.confidence ?? 'constant', c.rule.family);
      return;
    }
  }

  private onImportLine(offset: number): boolean {
    if (offset >= this.importLineStart && offset <= this.importLineEnd) return this.importLine;
    const text = this.text;
    const re = this.scanner.importLine;
    re.lastIndex = this.importLineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const newline = text.indexOf('\n', offset);
    this.importLineEnd = newline < 0 ? text.length : newline;
    return (this.importLine = re.test(text));
  }

  private number(start: number): void {
    const text = this.text;
    const code = (text.charCodeAt(start) - 48) * 100 + (text.charCodeAt(start + 1) - 48) * 10 + text.charCodeAt(start + 2) - 48;
    if (this.wanted && !this.wanted('status', code)) return;
    let before = start - 1;
    for (let c = text.charCodeAt(before); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(--before));
    const matcher = numberMatcher(this.scanner, code, before >= 0 ? text.charCodeAt(before) : -1);
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

  /** A string literal from `start` to `end`: its content may name a method, header or status, or hold one (content rules). */
  private string(start: number, end: number): void {
    const text = this.text;
    const n = end - start;
    if (n < 4 || n > MAX_STRING + 8) return;
    // Prefixes: C# verbatim `@"…"`, Rust raw `r#"…"#`; triple quotes in Python, Kotlin, Swift, Elixir.
    let open = 0;
    for (let c = text.charCodeAt(start); c === AT || c === LOWER_R || c === HASH; c = text.charCodeAt(start + ++open));
    const hashes = open - (text.charCodeAt(start) === LOWER_R ? 1 : 0);
    const q = text.charCodeAt(start + open);
    const quote = n >= open + 6 && text.charCodeAt(start + open + 1) === q && text.charCodeAt(start + open + 2) === q ? 3 : 1;
    const from = start + open + quote;
    const length = n - open - 2 * quote - hashes;
    const scanner = this.scanner;
    if (length < 2 || length > MAX_STRING || (length > MAX_NAME && !scanner.hasContentRules)) return;
    const mayBeNamed = length <= MAX_NAME && mayNameSomething(length, text.charCodeAt(from));
    if (!mayBeNamed && !scanner.hasContentRules) return;
    let content: string | undefined;
    let named: Partial<Record<TokenKind, TokenValue>> | undefined;
    if (mayBeNamed) named = NAMED_STRINGS.get((content = text.slice(from, from + length)).toLowerCase());
    const wanted = this.wanted;
    if (wanted && !scanner.hasContentRules && !(named && isWanted(named, wanted))) return;
    for (const c of scanner.strings) {
      const kind = c.rule.kind;
      let tokenStart = from;
      let tokenLength = length;
      let value: TokenValue | undefined;
      if (c.names) {
        if (!c.nameShapes!.has(shapeOf(length, text.charCodeAt(from))) || !this.holdsLocally(c, start, end)) continue;
        value = c.names.get((content ??= text.slice(from, from + length)));
        if (value === undefined || (c.requires !== undefined && !this.requirementMet(c.requires))) continue;
        if (!wanted || wanted(kind, value)) this.add(kind, value, from, from + length, 'constant', c.rule.family!);
        return;
      } else if (c.content) {
        // The surroundings first: they reject most strings without reading the content.
        if (!this.holdsLocally(c, start, end)) continue;
        const m = c.content.exec((content ??= text.slice(from, from + length)));
        if (!m) continue;
        const v = m.groups?.v ?? m[0];
        tokenStart = from + m[0].indexOf(v);
        tokenLength = v.length;
        value = valueOfText(kind, v);
        if (value === undefined || (c.requires !== undefined && !this.requirementMet(c.requires))) continue;
      } else {
        value = named?.[kind];
        if (value === undefined || (c.namePattern && !c.namePattern.test(content!)) || !this.holds(c, start, end)) continue;
      }
      // The first rule that gives a value and holds decides, wanted or not.
      if (!wanted || wanted(kind, value)) this.add(kind, value, tokenStart, tokenStart + tokenLength, 'literal', LITERAL_FAMILY[kind]);
      return;
    }
  }
}

function isWanted(named: Partial<Record<TokenKind, TokenValue>>, wanted: TokenFilter): boolean {
  for (const kind in named) if (wanted(kind as TokenKind, named[kind as TokenKind]!)) return true;
  return false;
}

/** Whether a character is whitespace to regexes (`\\s`). */
function isSpace(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 128 && SPACE.test(String.fromCharCode(c));
}
const SPACE = /\s/;

function lineStartOf(text: string, offset: number): number {
  return offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
}

/** Whitespace, then a whole word: a name candidate. */
const WORD_AFTER_SPACE = /(\s*)\b([A-Za-z_]\w*)\b/y;

const AT = 0x40;
const LOWER_R = 0x72;
const HASH = 0x23;
/** U+212A KELVIN SIGN: the one non-ASCII character whose lower case is ASCII (`k`). */
const KELVIN = 0x212a;

/** Lengths and lower-case first characters of the named strings: most strings are rejected on these two numbers. */
const NAMED_SHAPES: ReadonlySet<number> = new Set([...NAMED_STRINGS.keys()].map((k) => shapeOf(k.length, k.charCodeAt(0))));

function shapeOf(length: number, first: number): number {
  return length * 128 + first;
}

/** Whether a string of `length` characters starting with `first` can, lower-cased, be one of the named strings. */
function mayNameSomething(length: number, first: number): boolean {
  if (first >= 0x41 && first <= 0x5a) first += 0x20;
  else if (first === KELVIN) first = 0x6b;
  else if (first >= 128) return false;
  return NAMED_SHAPES.has(shapeOf(length, first));
}

/**
 * The rules that can read `code` after the character `previous`: those that accept the code (registered or
 * any, its class) and whose context can end in that character, as one sticky regex whose empty groups mark the rule.
 */
function numberMatcher(scanner: LanguageRules, code: number, previousCode: number): NumberMatcher | undefined {
  const registered = STATUS_BY_CODE.has(code);
  const cls = Math.floor(code / 100);
  const key = ((cls * 2 + (registered ? 1 : 0)) << 17) + previousCode + 1;
  if (scanner.numberMatchers.has(key)) return scanner.numberMatchers.get(key);
  const previous = previousCode < 0 ? '' : String.fromCharCode(previousCode);
  const rules = scanner.numbers.filter(({ rule, lastChars }) =>
    (rule.anyCode || registered) && (rule.codeClass === undefined || rule.codeClass === cls) && (!lastChars || lastChars.has(previous)));
  let matcher: NumberMatcher | undefined;
  if (rules.length) {
    // The lookahead first: it is cheap, and it spares the lookbehind when it fails.
    const source = rules.map(({ rule }) => `${rule.after ? String.raw`(?=\d{3}(?:${rule.after}))` : ''}${rule.before ? `(?<=${rule.before})` : ''}()`).join('|');
    // Many keys select the same rules: one compiled regex (and one rules array) each.
    matcher = scanner.numberMatchersBySource.get(source);
    if (!matcher) scanner.numberMatchersBySource.set(source, (matcher = { rules, any: sticky(source) }));
  }
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
