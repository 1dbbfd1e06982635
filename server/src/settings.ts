/** The `apiGuidelines.*` settings: one type shared by the client, the server and the CLI. */
import { globError } from './features/glob';

export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';

export interface ApiGuidelinesSettings {
  corpus: {
    /** Corpus folders, absolute or relative to the workspace folder. */
    paths: string[];
    /** Whether the built-in corpus is loaded (first, so configured folders override it). */
    builtin: boolean;
  };
  hover: { enable: boolean };
  guidelines: {
    /**
     * Guidelines the team follows, by guideline id (or organisation name): listed first and marked in hovers, search and
     * `topic`, and their checkable rules become diagnostics.
     */
    follow: string[];
    /** Guidelines left out of hovers, search and `topic`, by id or organisation; `*` leaves out every guideline not followed (standards stay). */
    hide: string[];
  };
  diagnostics: {
    enable: boolean;
    /** Severity per rule id; a rule left out uses its default. */
    rules: Record<string, RuleSeverity>;
    /** Language ids for which no diagnostics are reported. */
    disabledLanguages: string[];
    /** Glob patterns (relative to the workspace folder) of files never diagnosed. */
    exclude: string[];
  };
}

export const DEFAULT_SETTINGS: ApiGuidelinesSettings = {
  corpus: { paths: [], builtin: true },
  hover: { enable: true },
  guidelines: { follow: [], hide: [] },
  diagnostics: { enable: true, rules: {}, disabledLanguages: [], exclude: [] },
};

/** The ids of the diagnostic rules (features/diagnostics.ts describes them; a test keeps the two lists equal). */
export const RULE_IDS: readonly string[] = ['policy', 'guideline-rule', 'deprecated-status', 'unregistered-status', 'uncovered-status', 'openapi-syntax'];

/** A followed guideline's rule, `zalando/150`: the guideline id and the rule id, each without spaces or slashes. */
const GUIDELINE_RULE_CODE = /^[^\s/]{1,100}\/[^\s/]{1,100}$/;

/** Words accepted for a severity (the settings schema offers the five full ones). */
const SEVERITY_WORDS: ReadonlyMap<string, RuleSeverity> = new Map([
  ['off', 'off'], ['hint', 'hint'], ['info', 'information'], ['information', 'information'], ['warning', 'warning'], ['warn', 'warning'], ['error', 'error'],
]);

/** A severity word (any case) as a severity; undefined for anything else, `constructor` and `__proto__` included. */
export function parseSeverity(value: unknown): RuleSeverity | undefined {
  return typeof value === 'string' ? SEVERITY_WORDS.get(value.toLowerCase()) : undefined;
}

/** Why a rule id cannot be configured, or undefined when it can. */
export function ruleIdProblem(id: string): string | undefined {
  if (RULE_IDS.includes(id) || GUIDELINE_RULE_CODE.test(id)) return undefined;
  return `unknown rule '${shorten(id)}': expected one of ${RULE_IDS.join(', ')}, or a followed guideline's rule such as zalando/150`;
}

/** One bad setting: where (`diagnostics.rules.policy`) and what is wrong. The entry is dropped, the rest kept. */
export interface SettingsProblem {
  path: (string | number)[];
  message: string;
}

/** Fills whatever a client left out with the defaults; tolerates any shape (`validateSettings` says what it dropped). */
export function normalizeSettings(raw: unknown): ApiGuidelinesSettings {
  return validateSettings(raw).settings;
}

/**
 * The settings from what a client or a config file gave: every field checked for its type, every list entry and rule
 * for its value. A bad entry is dropped with a problem and the good ones kept; a missing field gets its default.
 * Only own properties are read, so `__proto__` or `constructor` are ordinary (unknown) names.
 */
export function validateSettings(raw: unknown): { settings: ApiGuidelinesSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const section = (name: string): Record<string, unknown> => {
    const v = own(raw, name);
    if (v === undefined || v === null) return {};
    if (isRecord(v)) return v;
    problems.push({ path: [name], message: 'must be an object' });
    return {};
  };
  const strings = (name: string, field: string): string[] => {
    const v = own(sections[name], field);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      problems.push({ path: [name, field], message: 'must be an array of strings' });
      return [];
    }
    return v.filter((x, i) => {
      if (typeof x === 'string') return true;
      problems.push({ path: [name, field, i], message: 'must be a string' });
      return false;
    });
  };
  const flag = (name: string, field: string, fallback: boolean): boolean => {
    const v = own(sections[name], field);
    if (typeof v === 'boolean') return v;
    if (v !== undefined && v !== null) problems.push({ path: [name, field], message: 'must be true or false' });
    return fallback;
  };
  const sections: Record<string, Record<string, unknown>> = {
    corpus: section('corpus'), hover: section('hover'), guidelines: section('guidelines'), diagnostics: section('diagnostics'),
  };
  const exclude = strings('diagnostics', 'exclude').filter((glob, i) => {
    const error = globError(glob);
    if (error) problems.push({ path: ['diagnostics', 'exclude', i], message: `the glob '${shorten(glob)}' is malformed (${error}) and matches nothing` });
    return !error;
  });
  return {
    settings: {
      corpus: { paths: strings('corpus', 'paths'), builtin: flag('corpus', 'builtin', DEFAULT_SETTINGS.corpus.builtin) },
      hover: { enable: flag('hover', 'enable', true) },
      guidelines: {
        follow: strings('guidelines', 'follow').map((s) => s.trim()).filter(Boolean),
        hide: strings('guidelines', 'hide').map((s) => s.trim()).filter(Boolean),
      },
      diagnostics: {
        enable: flag('diagnostics', 'enable', true),
        rules: validRules(own(sections.diagnostics, 'rules'), problems),
        disabledLanguages: strings('diagnostics', 'disabledLanguages'),
        exclude,
      },
    },
    problems,
  };
}

function validRules(v: unknown, problems: SettingsProblem[]): Record<string, RuleSeverity> {
  const rules: Record<string, RuleSeverity> = {};
  if (v === undefined || v === null) return rules;
  if (!isRecord(v)) {
    problems.push({ path: ['diagnostics', 'rules'], message: 'must be an object mapping rule ids to off, hint, information, warning or error' });
    return rules;
  }
  for (const [id, value] of Object.entries(v)) {
    const idProblem = ruleIdProblem(id);
    const severity = parseSeverity(value);
    if (idProblem) problems.push({ path: ['diagnostics', 'rules', id], message: idProblem });
    else if (!severity) problems.push({ path: ['diagnostics', 'rules', id], message: `${shorten(JSON.stringify(value) ?? String(value))} is no severity: expected off, hint, information, warning or error` });
    // A data property even for a name like `__proto__` (which an id check lets through only inside a code).
    else Object.defineProperty(rules, id, { value: severity, enumerable: true, writable: true, configurable: true });
  }
  return rules;
}

/** `settings`, a place in them, as written: `diagnostics.rules.policy`, `diagnostics.exclude[2]`. */
export function settingsPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** A value as quoted in a message: long ones cut, so a hostile setting cannot flood the output. */
function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function own(o: unknown, key: string): unknown {
  return isRecord(o) && Object.hasOwn(o, key) ? o[key] : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Language ids the server understands (the client's document selector). */
export const SUPPORTED_LANGUAGES = [
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'java', 'kotlin', 'go',
  'csharp', 'ruby', 'php', 'rust', 'elixir', 'swift', 'scala', 'yaml', 'json', 'jsonc', 'http',
] as const;

/**
 * A language id an LSP client may send for corpus pages, which then get the authoring features whatever their path.
 * VS Code sends `markdown`: the extension contributes no language of its own, so Markdown tooling keeps working there.
 */
export const CORPUS_LANGUAGE = 'api-guidelines-corpus';

/** The language id for a file name, for the CLI and for clients that send none. */
export function languageForPath(path: string): string | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  const ext = m?.[1].toLowerCase();
  switch (ext) {
    case 'js': case 'mjs': case 'cjs': return 'javascript';
    case 'jsx': return 'javascriptreact';
    case 'ts': case 'mts': case 'cts': return 'typescript';
    case 'tsx': return 'typescriptreact';
    case 'py': return 'python';
    case 'java': return 'java';
    case 'kt': case 'kts': return 'kotlin';
    case 'go': return 'go';
    case 'cs': return 'csharp';
    case 'rb': case 'rake': return 'ruby';
    case 'php': return 'php';
    case 'rs': return 'rust';
    case 'ex': case 'exs': return 'elixir';
    case 'swift': return 'swift';
    case 'scala': return 'scala';
    case 'yaml': case 'yml': return 'yaml';
    case 'json': return 'json';
    case 'http': case 'rest': return 'http';
    default: return undefined;
  }
}
