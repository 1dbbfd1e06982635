/** Comment, string and import syntax per language: what the scanner skips, reads as strings, or ignores as imports. Sources hold no capture groups. */

export interface SourceSyntax {
  /** Regex sources of comments (skipped). */
  comments: readonly string[];
  /** Regex sources of string literals, longest delimiters first. */
  strings: readonly string[];
  /** Regex source of a line that imports names: a framework name there is not a use of it. */
  imports: string;
}

const LINE_COMMENT = String.raw`\/\/[^\n]*`;
const BLOCK_COMMENT = String.raw`\/\*[\s\S]*?\*\/`;
const HASH_COMMENT = String.raw`#[^\n]*`;
const DOUBLE = String.raw`"(?:[^"\\\n]|\\.)*"`;
const SINGLE = String.raw`'(?:[^'\\\n]|\\.)*'`;
/** A character literal: short, so that Rust lifetimes (`'a`) and Kotlin/Java chars never swallow a line. */
const CHAR = String.raw`'(?:[^'\\\n]|\\[^'\n]{1,8})'`;
const BACKTICK = String.raw`\x60(?:[^\x60\\]|\\[\s\S])*\x60`;
const TRIPLE_DOUBLE = String.raw`"""[\s\S]*?"""`;
const TRIPLE_SINGLE = String.raw`'''[\s\S]*?'''`;

const VERBATIM = String.raw`@"(?:[^"]|"")*"`;
const RAW = String.raw`r(?:"[^"]*"|#"[\s\S]*?"#|##"[\s\S]*?"##)`;
const BEGIN_END = String.raw`\n=begin\b[\s\S]*?\n=end`;

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
  [RAW, 'r#*"'],
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
  rust: { comments: C_LIKE, strings: [RAW, DOUBLE, CHAR], imports: String.raw`(?:use|extern)\b` },
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
