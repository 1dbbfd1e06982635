/**
 * Glob and ignore patterns compiled to an automaton that reads a path once, left to right: matching costs time linear
 * in the path (times the pattern's size at worst), whatever the pattern. A backtracking regular expression takes
 * exponential time on `**a**a**a…b` or `*a*a*a…b`.
 *
 * Two dialects: `exclude` (the `diagnostics.exclude` settings and `check --exclude`: `**`, `*`, `?`, `{a,b}`,
 * `[...]`, `\` read as a path separator) and `gitignore` (one line of an ignore file, already stripped of its
 * `!`, trailing `/` and anchoring by the caller: `*`, `?`, `[...]`, `\` escapes, `**` as a whole segment).
 * Both read POSIX classes such as `[[:alpha:]]`; `*`, `?` and classes never match `/`.
 */

/** Longer patterns are refused: a path is at most a few thousand characters, and no real pattern comes near. */
export const MAX_GLOB_LENGTH = 4096;
/** Automaton states kept per pattern; past this the cache starts over (the match stays linear, only slower). */
const MAX_CACHED_STATES = 256;
/**
 * States kept by all patterns together (about 600 bytes each): a hostile ignore file of 100,000 lines must not hold
 * gigabytes. Past this, a pattern that needs a new state drops its own cache first.
 */
export const MAX_LIVE_STATES = 65_536;
let liveStates = 0;
/** Gives back the states of a pattern that is no longer used. */
const released = new FinalizationRegistry<{ states: number }>((held) => { liveStates -= held.states; });
const SLASH = 0x2f;

type CharTest = (code: number) => boolean;

/** What a pattern is made of, before it becomes an automaton. */
type GlobNode =
  /** One character: `lit` is its code when it is a literal. */
  | { t: 'char'; test: CharTest; lit?: number }
  /** `*`: any run of characters within one name. */
  | { t: 'star' }
  /** `**` not alone in its segment (exclude dialect), or a final `/**` (gitignore): anything, `/` included. */
  | { t: 'any' }
  /** `**​/` at the start or in the middle: zero or more whole folders (`(?:[^/]+/)*`); `loose` also allows empty names. */
  | { t: 'folders'; loose: boolean }
  | { t: 'alt'; branches: GlobNode[][] };

export type GlobDialect = 'exclude' | 'gitignore';

/** A compiled pattern; `error` says why a malformed one matches nothing. */
export interface CompiledGlob {
  /** Whether the whole path matches. */
  matches(path: string): boolean;
  /** Whether the path, or one of the folders on its way (`a`, `a/b` for `a/b/c`), matches. */
  matchesSelfOrParent(path: string): boolean;
  error?: string;
  /** Characters read plus automaton states visited so far: an operation count for the growth tests. */
  readonly work: number;
}

const NOTHING: CompiledGlob = { matches: () => false, matchesSelfOrParent: () => false, work: 0 };

/**
 * Compiles one pattern. In the `exclude` dialect, a pattern without `/` matches a name at any depth; `unanchored`
 * does the same for `gitignore` patterns (the caller decides, as git does, from where the slashes are).
 */
export function compileGlob(pattern: string, dialect: GlobDialect, unanchored = false): CompiledGlob {
  if (pattern.length > MAX_GLOB_LENGTH) return { ...NOTHING, error: `longer than ${MAX_GLOB_LENGTH} characters` };
  const parsed = dialect === 'exclude' ? parseExcludeGlob(pattern) : parseGitignoreGlob(pattern, unanchored);
  if ('error' in parsed) return { ...NOTHING, error: parsed.error };
  return simpleGlob(parsed.nodes) ?? new GlobAutomaton(parsed.nodes);
}

/** Automaton states held by all compiled patterns (bounded by MAX_LIVE_STATES, give or take one per pattern). */
export function liveGlobStates(): number {
  return liveStates;
}

/** Why an exclude glob is malformed, or undefined when it is fine. */
export function globError(pattern: string): string | undefined {
  return compileGlob(pattern, 'exclude').error;
}

// ---------------------------------------------------------------------------------------------------------------------
// Parsing

type Parsed = { nodes: GlobNode[] } | { error: string };

function parseExcludeGlob(glob: string): Parsed {
  let g = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  const anywhere = !g.includes('/');
  g = g.replace(/^\/+/, '');
  // One stack of open braces: each holds its branches, the last being the one being read.
  const stack: GlobNode[][][] = [[[]]];
  const current = () => { const top = stack[stack.length - 1]; return top[top.length - 1]; };
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      while (g[i + 1] === '*') i++;
      if (g[i + 1] === '/') {
        current().push({ t: 'folders', loose: true });
        i++;
      } else {
        current().push({ t: 'any' });
      }
    } else if (c === '*') current().push({ t: 'star' });
    else if (c === '?') current().push({ t: 'char', test: notSlash });
    else if (c === '{') stack.push([[]]);
    else if (c === '}' && stack.length > 1) {
      const branches = stack.pop()!;
      current().push({ t: 'alt', branches });
    } else if (c === ',' && stack.length > 1) stack[stack.length - 1].push([]);
    else if (c === '[') {
      const cls = parseClass(g, i, false);
      if ('error' in cls) return cls;
      if (cls.end < 0) current().push(literal(c));
      else {
        current().push({ t: 'char', test: cls.test });
        i = cls.end;
      }
    } else current().push(literal(c));
  }
  if (stack.length > 1) return { error: `'{' at column ${g.lastIndexOf('{') + 1} is never closed` };
  const nodes = stack[0][0];
  return { nodes: anywhere ? [{ t: 'folders', loose: true }, ...nodes] : nodes };
}

function parseGitignoreGlob(pattern: string, unanchored: boolean): Parsed {
  const nodes: GlobNode[] = unanchored ? [{ t: 'folders', loose: true }] : [];
  const segments = pattern.split('/');
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    const last = s === segments.length - 1;
    if (seg === '**') {
      nodes.push(last ? { t: 'any' } : { t: 'folders', loose: false });
      continue;
    }
    for (let i = 0; i < seg.length; i++) {
      const c = seg[i];
      if (c === '*') {
        while (seg[i + 1] === '*') i++;
        nodes.push({ t: 'star' });
      } else if (c === '?') nodes.push({ t: 'char', test: notSlash });
      else if (c === '\\' && i + 1 < seg.length) nodes.push(literal(seg[++i]));
      else if (c === '[') {
        const cls = parseClass(seg, i, true);
        if ('error' in cls) return cls;
        if (cls.end < 0) nodes.push(literal(c));
        else {
          nodes.push({ t: 'char', test: cls.test });
          i = cls.end;
        }
      } else nodes.push(literal(c));
    }
    if (!last) nodes.push(literal('/'));
  }
  return { nodes };
}

const POSIX_CLASSES: Readonly<Record<string, CharTest>> = {
  alnum: (c) => isDigit(c) || isUpper(c) || isLower(c),
  alpha: (c) => isUpper(c) || isLower(c),
  blank: (c) => c === 0x20 || c === 0x09,
  cntrl: (c) => c < 0x20 || c === 0x7f,
  digit: isDigit,
  graph: (c) => c > 0x20 && c < 0x7f,
  lower: isLower,
  print: (c) => c >= 0x20 && c < 0x7f,
  punct: (c) => c > 0x20 && c < 0x7f && !isDigit(c) && !isUpper(c) && !isLower(c),
  space: (c) => c === 0x20 || (c >= 0x09 && c <= 0x0d),
  upper: isUpper,
  xdigit: (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66),
};

/**
 * A `[...]` class starting at `start`: its test and the index of its `]`, or `end: -1` when it is never closed
 * (then `[` is an ordinary character). `!` or `^` first negates; `]` first is a member; `a-z` is a range;
 * `[:alpha:]` a POSIX class. A reversed range (`z-a`) is an error in the exclude dialect and matches nothing in
 * ignore files, as in git.
 */
function parseClass(text: string, start: number, escapes: boolean): { test: CharTest; end: number } | { error: string } {
  let i = start + 1;
  const negate = text[i] === '!' || text[i] === '^';
  if (negate) i++;
  const members: CharTest[] = [];
  const first = i;
  for (; i < text.length; i++) {
    let c = text[i];
    if (c === ']' && i > first) {
      const test: CharTest = (code) => code !== SLASH && members.some((m) => m(code)) !== negate;
      return { test, end: i };
    }
    if (c === '[' && text[i + 1] === ':') {
      const close = text.indexOf(':]', i + 2);
      if (close > 0) {
        const name = text.slice(i + 2, close);
        const named = Object.hasOwn(POSIX_CLASSES, name) ? POSIX_CLASSES[name] : undefined;
        if (!named) return { error: `unknown character class '[:${name}:]'` };
        members.push(named);
        i = close + 1;
        continue;
      }
    }
    if (escapes && c === '\\' && i + 1 < text.length) c = text[++i];
    const low = c.charCodeAt(0);
    if (text[i + 1] === '-' && i + 2 < text.length && text[i + 2] !== ']') {
      let hiChar = text[i + 2];
      i += 2;
      if (escapes && hiChar === '\\' && i + 1 < text.length) hiChar = text[++i];
      const high = hiChar.charCodeAt(0);
      if (high < low) {
        if (!escapes) return { error: `the range '${c}-${hiChar}' runs backwards` };
        continue;
      }
      members.push((code) => code >= low && code <= high);
    } else {
      members.push((code) => code === low);
    }
  }
  return { test: notSlash, end: -1 };
}

function literal(c: string): GlobNode {
  const code = c.charCodeAt(0);
  return { t: 'char', test: (x) => x === code, lit: code };
}

function notSlash(c: number): boolean {
  return c !== SLASH;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

// ---------------------------------------------------------------------------------------------------------------------
// The common shapes (`name`, `dir/name`, `*.ext`, anywhere or anchored) as string comparisons: most ignore lines are
// one of them, and a comparison is several times faster than walking the automaton.

function simpleGlob(nodes: readonly GlobNode[]): CompiledGlob | undefined {
  const anywhere = nodes[0]?.t === 'folders' && nodes[0].loose;
  const rest = anywhere ? nodes.slice(1) : nodes;
  const star = rest[0]?.t === 'star';
  const tail = star ? rest.slice(1) : rest;
  if (!tail.length || !tail.every((n) => n.t === 'char' && n.lit !== undefined)) return undefined;
  const text = String.fromCharCode(...tail.map((n) => (n as { lit: number }).lit));
  if ((anywhere || star) && text.includes('/')) return undefined;
  // Whether one name (or, anchored without a star, the path from its start) matches.
  const name = star ? (n: string) => n.endsWith(text) : (n: string) => n === text;
  return new SimpleGlob(anywhere, star, text, name);
}

class SimpleGlob implements CompiledGlob {
  work = 0;

  constructor(private readonly anywhere: boolean, private readonly star: boolean, private readonly text: string, private readonly name: (n: string) => boolean) {}

  matches(path: string): boolean {
    this.work += path.length;
    if (this.anywhere) return this.name(path.slice(path.lastIndexOf('/') + 1));
    if (this.star) return !path.includes('/') && this.name(path);
    return path === this.text;
  }

  matchesSelfOrParent(path: string): boolean {
    this.work += path.length;
    if (this.anywhere) return path.split('/').some(this.name);
    if (this.star) return this.name(path.split('/', 1)[0]);
    return path === this.text || (path.startsWith(this.text) && path.charCodeAt(this.text.length) === SLASH);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The automaton: a Thompson NFA, read as a DFA whose states are built on demand and cached.

const MATCH = 0;
const CONSUME = 1;
const SPLIT = 2;

interface NfaState {
  kind: typeof MATCH | typeof CONSUME | typeof SPLIT;
  test?: CharTest;
  next: number;
  /** SPLIT's second way. */
  alt: number;
}

interface DfaState {
  /** The NFA states that consume a character, sorted. */
  states: number[];
  accepting: boolean;
  /** Next state per ASCII code (-1 not computed yet); other codes in `other`. */
  ascii: Int32Array;
  other: Map<number, number>;
}

class GlobAutomaton implements CompiledGlob {
  private readonly nfa: NfaState[] = [{ kind: MATCH, next: -1, alt: -1 }];
  private readonly start: number;
  private dfa: DfaState[] = [];
  private byKey = new Map<string, number>();
  private initial = -1;
  /** This pattern's share of `liveStates`. */
  private readonly held = { states: 0 };
  work = 0;

  constructor(nodes: readonly GlobNode[]) {
    this.start = this.sequence(nodes, 0);
    released.register(this, this.held);
  }

  matches(path: string): boolean {
    return this.run(path, false);
  }

  matchesSelfOrParent(path: string): boolean {
    return this.run(path, true);
  }

  /** Reads the path once; with `parents`, an accepting state just before a `/` is a match too. */
  private run(path: string, parents: boolean): boolean {
    if (this.initial < 0 || this.dfa.length > MAX_CACHED_STATES) this.reset();
    let state = this.initial;
    for (let i = 0; i < path.length; i++) {
      const code = path.charCodeAt(i);
      this.work++;
      if (parents && code === SLASH && i > 0 && this.dfa[state].accepting) return true;
      state = this.step(state, code);
      // Nothing left to read with and no match: no later character can change that.
      if (this.dfa[state].states.length === 0 && !this.dfa[state].accepting) return false;
    }
    return this.dfa[state].accepting;
  }

  private reset(): void {
    this.clear();
    this.initial = this.intern(this.closure([this.start]));
  }

  private clear(): void {
    liveStates -= this.held.states;
    this.held.states = 0;
    this.dfa = [];
    this.byKey = new Map();
    this.initial = -1;
  }

  private step(from: number, code: number): number {
    const s = this.dfa[from];
    const cached = code < 128 ? s.ascii[code] : (s.other.get(code) ?? -1);
    if (cached >= 0) return cached;
    const targets: number[] = [];
    this.work += s.states.length;
    for (const n of s.states) if (this.nfa[n].test!(code)) targets.push(this.nfa[n].next);
    // A full cache starts over from here (the next run rebuilds the initial state): memory stays bounded, the match linear.
    if (this.dfa.length > MAX_CACHED_STATES || liveStates >= MAX_LIVE_STATES) {
      this.clear();
      return this.intern(this.closure(targets));
    }
    const to = this.intern(this.closure(targets));
    if (code < 128) s.ascii[code] = to;
    else s.other.set(code, to);
    return to;
  }

  /** The consuming states reachable from `from` without reading, and whether the match state is one of them. */
  private closure(from: readonly number[]): { states: number[]; accepting: boolean } {
    const seen = new Set<number>();
    const states: number[] = [];
    let accepting = false;
    const todo = [...from];
    while (todo.length) {
      const n = todo.pop()!;
      this.work++;
      if (seen.has(n)) continue;
      seen.add(n);
      const st = this.nfa[n];
      if (st.kind === MATCH) accepting = true;
      else if (st.kind === CONSUME) states.push(n);
      else todo.push(st.next, st.alt);
    }
    states.sort((a, b) => a - b);
    return { states, accepting };
  }

  private intern(set: { states: number[]; accepting: boolean }): number {
    const key = `${set.accepting ? 'a' : ''}${set.states.join(',')}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.dfa.push({ ...set, ascii: new Int32Array(128).fill(-1), other: new Map() }) - 1;
      this.byKey.set(key, id);
      this.held.states++;
      liveStates++;
    }
    return id;
  }

  private add(state: NfaState): number {
    return this.nfa.push(state) - 1;
  }

  /** Builds the nodes back to front: each knows the state that follows it. */
  private sequence(nodes: readonly GlobNode[], next: number): number {
    for (let i = nodes.length - 1; i >= 0; i--) next = this.node(nodes[i], next);
    return next;
  }

  private node(node: GlobNode, next: number): number {
    switch (node.t) {
      case 'char':
        return this.add({ kind: CONSUME, test: node.test, next, alt: -1 });
      case 'star':
      case 'any': {
        // loop: either leave, or read one more character and come back.
        const loop = this.add({ kind: SPLIT, next, alt: -1 });
        this.nfa[loop].alt = this.add({ kind: CONSUME, test: node.t === 'star' ? notSlash : anyChar, next: loop, alt: -1 });
        return loop;
      }
      case 'folders': {
        // (?:[^/]+/)* — or, loose, (?:.*/)? — zero or more names each closed by a slash.
        const loop = this.add({ kind: SPLIT, next, alt: -1 });
        const slash = this.add({ kind: CONSUME, test: (c) => c === SLASH, next: loop, alt: -1 });
        if (node.loose) {
          const inner = this.add({ kind: SPLIT, next: slash, alt: -1 });
          this.nfa[inner].alt = this.add({ kind: CONSUME, test: anyChar, next: inner, alt: -1 });
          this.nfa[loop].alt = inner;
        } else {
          const more = this.add({ kind: SPLIT, next: slash, alt: -1 });
          const name = this.add({ kind: CONSUME, test: notSlash, next: more, alt: -1 });
          this.nfa[more].alt = name;
          this.nfa[loop].alt = name;
        }
        return loop;
      }
      case 'alt': {
        let entry = -1;
        for (let b = node.branches.length - 1; b >= 0; b--) {
          const start = this.sequence(node.branches[b], next);
          entry = entry < 0 ? start : this.add({ kind: SPLIT, next: start, alt: entry });
        }
        return entry;
      }
    }
  }
}

function anyChar(): boolean {
  return true;
}
