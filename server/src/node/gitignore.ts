/** A .gitignore matcher: nested files, negation, directory-only and anchored patterns, `*`, `?`, `[...]` and `**`. */

interface IgnoreRule {
  regex: RegExp;
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
      if (r.regex.test(relativePath)) return !r.negated;
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
  // Trailing spaces are dropped unless escaped with a backslash.
  let p = line.replace(/(?<!\\)\s+$/, '');
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
  const body = p.split('/').map((seg, i, segs) => {
    const last = i === segs.length - 1;
    if (seg === '**') return last ? '.*' : '(?:[^/]+/)*';
    return segmentToRegex(seg) + (last ? '' : '/');
  }).join('');
  return { regex: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}$`), negated, directoryOnly };
}

/** One path segment of a glob: `*` and `?` never cross `/`; `[...]` is a character class. */
function segmentToRegex(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') {
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '\\' && i + 1 < seg.length) {
      out += escapeRegex(seg[++i]);
    } else if (c === '[') {
      const cls = characterClass(seg, i);
      if (cls) {
        out += cls.regex;
        i = cls.end;
      } else {
        out += '\\[';
      }
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

/** A `[...]` class starting at `start`, or undefined when it is not closed (then `[` is literal). */
function characterClass(seg: string, start: number): { regex: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (seg[i] === '!' || seg[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  // A `]` right after the opening bracket is a member, not the end.
  if (seg[i] === ']') {
    body += '\\]';
    i++;
  }
  for (; i < seg.length; i++) {
    const c = seg[i];
    if (c === ']') return { regex: `[${negate ? '^/' : ''}${body}]`, end: i };
    if (c === '\\' && i + 1 < seg.length) body += escapeClassChar(seg[++i]);
    else if (c === '-') body += '-';
    else body += escapeClassChar(c);
  }
  return undefined;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function escapeClassChar(c: string): string {
  return /[\]\\^[-]/.test(c) ? `\\${c}` : c;
}
