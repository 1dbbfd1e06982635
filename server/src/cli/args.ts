/** Command-line options as data: one parser and one help renderer for every command. */

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}

export interface OptionSpec {
  name: string;
  short?: string;
  /** `flag` takes no value; `value` takes one (the last wins); `list` may be repeated. */
  kind: 'flag' | 'value' | 'list';
  /** Placeholder shown in help, e.g. `DIR`. */
  arg?: string;
  /** Allowed values, checked by the parser. */
  choices?: readonly string[];
  help: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional arguments as shown in the usage line, e.g. `[paths…]`. */
  positionals: string;
  /** Longer text under the usage line: what the command does, exit codes. */
  details: string;
  options: readonly OptionSpec[];
  examples: readonly string[];
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  lists: Map<string, string[]>;
  positionals: string[];
}

/** Parses `--name value`, `--name=value`, `-x value`, repeated lists and `--` (end of options). */
export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const parsed: ParsedArgs = { flags: new Set(), values: new Map(), lists: new Map(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const key = eq >= 0 ? arg.slice(0, eq) : arg;
    const option = spec.options.find((o) => `--${o.name}` === key || (o.short && `-${o.short}` === key));
    if (!option) throw new UsageError(`unknown option '${key}'${suggest(key, spec.options.map((o) => `--${o.name}`))}`);
    if (option.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`option '--${option.name}' takes no value`);
      parsed.flags.add(option.name);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`option '--${option.name}' needs a value${option.arg ? ` (${option.arg})` : ''}`);
    if (option.choices && !option.choices.includes(value)) {
      throw new UsageError(`invalid value '${value}' for '--${option.name}': expected one of ${option.choices.join(', ')}`);
    }
    if (option.kind === 'value') parsed.values.set(option.name, value);
    else parsed.lists.set(option.name, [...(parsed.lists.get(option.name) ?? []), value]);
  }
  return parsed;
}

/** ` (did you mean '--format'?)` when a known name is one or two edits away. */
export function suggest(given: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(given, k);
    if (d < bestDistance) { best = k; bestDistance = d; }
  }
  return best ? ` (did you mean '${best}'?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** The `--help` text of one command. */
export function renderCommandHelp(program: string, spec: CommandSpec): string {
  const lines = [`Usage: ${program} ${spec.name}${spec.positionals ? ` ${spec.positionals}` : ''} [options]`, '', spec.summary];
  if (spec.details) lines.push('', spec.details);
  const labels = spec.options.map((o) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.arg ? ` ${o.arg}` : ''}`);
  const width = Math.max(...labels.map((l) => l.length));
  lines.push('', 'Options:');
  spec.options.forEach((o, i) => {
    const choices = o.choices ? ` [${o.choices.join('|')}]` : '';
    lines.push(`  ${labels[i].padEnd(width)}  ${o.help}${choices}`);
  });
  if (spec.examples.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return lines.join('\n') + '\n';
}
