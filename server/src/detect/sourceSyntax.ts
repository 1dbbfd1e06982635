/** Comment, string and import syntax per language: what the scanner skips, reads as strings, or ignores as imports. Sources hold no capture groups. */

export interface SourceSyntax {
  /** Regex sources of comments (skipped). */
  comments: readonly string[];
  /** Regex sources of string literals, longest delimiters first. */
  strings: readonly string[];
  /** Regex source of a line that imports names: a framework name there is not a use of it. */
  imports: string;
}

/**
 * A quote preceded by a backslash never opens a string. Inside a string that runs to the end of its line without a
 * closing quote, every quote is escaped: with this rule no later opener on that stretch is tried again, so an
 * unterminated string costs its length once (a line of `"\"\"\"…` was quadratic). Outside strings, `\"` is a regex
 * literal's or a shell line's escaped quote, not a string.
 */
const UNESCAPED = String.raw`(?<!\\)`;
const DOUBLE = String.raw`${UNESCAPED}"(?:[^"\\\n]|\\.)*"`;
const SINGLE = String.raw`${UNESCAPED}'(?:[^'\\\n]|\\.)*'`;
/** A character literal: short, so that Rust lifetimes (`'a`) and Kotlin/Java chars never swallow a line. */
const CHAR = String.raw`'(?:[^'\\\n]|\\[^'\n]{1,8})'`;
/** Unterminated, it runs to the end of the text, where every backtick is escaped: one walk, as for quotes. */
const BACKTICK = String.raw`${UNESCAPED}\x60(?:[^\x60\\]|\\[\s\S])*\x60`;

const VERBATIM = String.raw`@"(?:[^"]|"")*"`;
/** Rust raw strings by their number of hashes (each has its own closer, and fails on its own). */
const RAW = String.raw`r"[^"]*"`;

/**
 * Comments and strings from an opener to the first closer after it: `open[\s\S]*?close`. When one has no closer,
 * no later one of the same kind has one either, so the scanner tries each kind's missing closer once: its lexer reads
 * `open[\s\S]*?(?:close|$)`, and an opener that reaches the end of the text unclosed drops the kind from the lexer
 * for the rest of the text (see `sourceScanner`). Without that, every later opener searched the rest of the text.
 */
interface Delimited { open: string; close: string }
const DELIMITED = new Map<string, Delimited>();
function delimited(open: string, close: string): string {
  const source = `${open}[\\s\\S]*?${close}`;
  DELIMITED.set(source, { open, close });
  return source;
}
const BLOCK_COMMENT = delimited(String.raw`\/\*`, String.raw`\*\/`);
const TRIPLE_DOUBLE = delimited('"""', '"""');
const TRIPLE_SINGLE = delimited("'''", "'''");
const RAW_HASH = delimited('r#"', '"#');
const RAW_HASH2 = delimited('r##"', '"##');
const BEGIN_END = delimited(String.raw`\n=begin\b`, String.raw`\n=end`);
const LINE_COMMENT = String.raw`\/\/[^\n]*`;
const HASH_COMMENT = String.raw`#[^\n]*`;

/**
 * What starts each comment or string that can run over a line break, as a regex source: every match of such a
 * source that holds a line break starts with a match of its opener. The others never hold one (`"…"` stops at the
 * end of the line), which is what lets a filtered scan read only some lines (see `sourceScanner`).
 */
const OPENERS: ReadonlyMap<string, string> = new Map([
  [BLOCK_COMMENT, String.raw`\/\*`],
  [BACKTICK, String.raw`\x60`],
  [TRIPLE_DOUBLE, '"""'],
  [TRIPLE_SINGLE, "'''"],
  [VERBATIM, '@"'],
  [RAW, 'r"'],
  [RAW_HASH, 'r#"'],
  [RAW_HASH2, 'r##"'],
  [BEGIN_END, String.raw`\n=begin`],
]);

const C_LIKE = [LINE_COMMENT, BLOCK_COMMENT];
const JVM: SourceSyntax = { comments: C_LIKE, strings: [TRIPLE_DOUBLE, DOUBLE, CHAR], imports: String.raw`(?:import|package)\b` };

const SYNTAX: Readonly<Record<string, SourceSyntax>> = {
  javascript: { comments: C_LIKE, strings: [BACKTICK, DOUBLE, SINGLE], imports: String.raw`(?:import\b|export\b[^\n]*\bfrom\b)` },
  python: { comments: [HASH_COMMENT], strings: [TRIPLE_DOUBLE, TRIPLE_SINGLE, DOUBLE, SINGLE], imports: String.raw`(?:from|import)\b` },
  java: JVM,
  kotlin: JVM,
  scala: JVM,
  go: { comments: C_LIKE, strings: [BACKTICK, DOUBLE, CHAR], imports: String.raw`import\b` },
  csharp: { comments: C_LIKE, strings: [VERBATIM, DOUBLE, CHAR], imports: String.raw`using\b(?![ \t]*\()` },
  ruby: { comments: [HASH_COMMENT, BEGIN_END], strings: [DOUBLE, SINGLE], imports: String.raw`require(?:_relative)?\b` },
  php: { comments: [...C_LIKE, String.raw`#(?!\[)[^\n]*`], strings: [DOUBLE, SINGLE], imports: String.raw`use\b` },
  rust: { comments: C_LIKE, strings: [RAW, RAW_HASH, RAW_HASH2, DOUBLE, CHAR], imports: String.raw`(?:use|extern)\b` },
  // `'''` heredocs hold docs too (`@moduledoc ~S'''`), with code examples that are not code.
  elixir: { comments: [HASH_COMMENT], strings: [TRIPLE_DOUBLE, TRIPLE_SINGLE, DOUBLE, SINGLE], imports: String.raw`(?:alias|import|require|use)\b` },
  swift: { comments: C_LIKE, strings: [TRIPLE_DOUBLE, DOUBLE], imports: String.raw`import\b` },
};

/** C-like comments and both quotes: a safe reading of a language the detector does not know. */
const FALLBACK: SourceSyntax = { comments: C_LIKE, strings: [DOUBLE, SINGLE], imports: String.raw`(?!)` };

const ALIASES: Readonly<Record<string, string>> = { javascriptreact: 'javascript', typescript: 'javascript', typescriptreact: 'javascript' };

export function syntaxOf(languageId: string): SourceSyntax {
  return SYNTAX[ALIASES[languageId] ?? languageId] ?? FALLBACK;
}

/** The openers of a language's multi-line comments and strings (see `OPENERS`); the other comments and strings are single-line. */
export function multilineOpeners(syntax: SourceSyntax): string[] {
  return [...syntax.comments, ...syntax.strings].flatMap((source) => {
    const opener = OPENERS.get(source);
    return opener === undefined ? [] : [opener];
  });
}

/**
 * The form of a comment or string source the lexer reads: a delimited one also matches from its opener to the end of
 * the text when it has no closer (`mayRunToEnd`); every other source as it is.
 */
export function lexerSource(source: string): string {
  const d = DELIMITED.get(source);
  return d ? `${d.open}[\\s\\S]*?(?:${d.close}|$)` : source;
}

/** The opener of a source that `lexerSource` reads to the end of the text when it has no closer; undefined for the others. */
export function runsToEndFrom(source: string): string | undefined {
  return DELIMITED.get(source)?.open;
}
