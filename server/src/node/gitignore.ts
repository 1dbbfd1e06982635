/** A .gitignore matcher: nested files, negation, directory-only and anchored patterns, `*`, `?`, `[...]` and `**`. */
import { compileGlob, type CompiledGlob } from '../features/glob';

interface IgnoreRule {
  /** Matched in time linear in the path, whatever the line (`*a*a*a…b` included). */
  pattern: CompiledGlob;
  negated: boolean;
  directoryOnly: boolean;
}

/** The rules of one ignore file, matched against paths relative to the folder holding it. */
export class IgnoreFile {
  private readonly rules: IgnoreRule[];

  /** `base` is the folder the patterns are relative to, as a `/`-separated path ('' for the walk root). */
  constructor(readonly base: string, text: string) {
    this.rules = text.split(/\r?\n/).flatMap((line) => {
      const rule = parseIgnoreLine(line);
      return rule ? [rule] : [];
    });
  }

  get size(): number {
    return this.rules.length;
  }

  /** True (ignored), false (re-included by a `!` pattern) or undefined (no pattern matches); the last match wins. */
  verdict(relativePath: string, isDirectory: boolean): boolean | undefined {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const r = this.rules[i];
      if (r.directoryOnly && !isDirectory) continue;
      if (r.pattern.matches(relativePath)) return !r.negated;
    }
    return undefined;
  }
}

/** Ignore files from the outermost folder inward; deeper files override outer ones, as in git. */
export class IgnoreStack {
  constructor(private readonly files: readonly IgnoreFile[] = []) {}

  /** A stack with one more (deeper) ignore file; files without patterns are dropped. */
  push(file: IgnoreFile): IgnoreStack {
    return file.size ? new IgnoreStack([...this.files, file]) : this;
  }

  /** Whether a path (`/`-separated, relative to the same origin as the files' `base`) is ignored. */
  ignores(path: string, isDirectory: boolean): boolean {
    for (let i = this.files.length - 1; i >= 0; i--) {
      const f = this.files[i];
      const rel = relativeTo(f.base, path);
      if (rel === undefined) continue;
      const v = f.verdict(rel, isDirectory);
      if (v !== undefined) return v;
    }
    return false;
  }
}

function relativeTo(base: string, path: string): string | undefined {
  if (!base) return path;
  return path.startsWith(base + '/') ? path.slice(base.length + 1) : undefined;
}

/** One line of an ignore file as a rule, or undefined for blanks and comments. */
export function parseIgnoreLine(line: string): IgnoreRule | undefined {
  let p = trimTrailingSpace(line);
  if (!p || p.startsWith('#')) return undefined;
  let negated = false;
  if (p.startsWith('!')) {
    negated = true;
    p = p.slice(1);
  } else if (p.startsWith('\\!') || p.startsWith('\\#')) {
    p = p.slice(1);
  }
  let directoryOnly = false;
  if (p.endsWith('/') && !p.endsWith('\\/')) {
    directoryOnly = true;
    p = p.replace(/\/+$/, '');
  }
  if (!p) return undefined;
  // A slash at the start or in the middle anchors the pattern to the ignore file's folder.
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  if (!p) return undefined;
  const pattern = compileGlob(p, 'gitignore', !anchored);
  // Git skips a line it cannot read; so does this.
  if (pattern.error) return undefined;
  return { pattern, negated, directoryOnly };
}

/** Trailing spaces are dropped unless escaped with a backslash (which keeps one). A loop, not `\s+$`: that regex is quadratic on a long run of spaces. */
function trimTrailingSpace(line: string): string {
  let end = line.length;
  while (end > 0 && /\s/.test(line[end - 1])) end--;
  return end < line.length && end > 0 && line[end - 1] === '\\' ? line.slice(0, end + 1) : line.slice(0, end);
}
