/** ANSI styling for terminals, off when the output is not one (or NO_COLOR / --no-color says so). */

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  underline(s: string): string;
}

const CODES: Record<keyof Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  green: [32, 39],
  underline: [4, 24],
};

export function makeStyle(enabled: boolean): Style {
  const style = {} as Style;
  for (const [name, [open, close]] of Object.entries(CODES) as [keyof Style, [number, number]][]) {
    style[name] = enabled ? (s) => `\x1b[${open}m${s}\x1b[${close}m` : (s) => s;
  }
  return style;
}

/** Color by the usual conventions: --color / --no-color, then NO_COLOR, FORCE_COLOR, then whether it is a terminal. */
export function wantsColor(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return !!isTTY && env.TERM !== 'dumb';
}

/**
 * Characters a terminal would act on, not show: C0 controls (tab kept; newline kept when `multiline`), DEL, C1
 * controls, line and paragraph separators, bidirectional overrides, lone surrogates. Corpus text and file names are
 * untrusted: an ESC or OSC sequence in them could clear the screen, rewrite lines or set the clipboard.
 */
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_BUT_NEWLINE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text safe to print: each unsafe character as an escape (`\n`, `\r`, `\x1b`, `\u202e`); a byte of a file name that
 * is not UTF-8 (carried as U+DC80–U+DCFF) as `\xff`. With `multiline`, newlines stay (and `\r\n` becomes `\n`).
 */
export function terminalSafe(text: string, multiline = false): string {
  const source = multiline ? text.replace(/\r\n/g, '\n') : text;
  return source.replace(multiline ? UNSAFE_BUT_NEWLINE : UNSAFE, escapeChar);
}

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  if (code >= 0xdc80 && code <= 0xdcff) return `\\x${(code - 0xdc00).toString(16)}`;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
