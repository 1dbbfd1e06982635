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
