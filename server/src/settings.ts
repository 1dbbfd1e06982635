/** The `apiGuidelines.*` settings: one type shared by the client, the server and the CLI. */

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

/** Fills whatever a client left out with the defaults; tolerates any shape. */
export function normalizeSettings(raw: unknown): ApiGuidelinesSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const corpus = r.corpus ?? {};
  const diagnostics = r.diagnostics ?? {};
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    corpus: {
      paths: strings(corpus.paths),
      builtin: typeof corpus.builtin === 'boolean' ? corpus.builtin : DEFAULT_SETTINGS.corpus.builtin,
    },
    hover: { enable: r.hover?.enable !== false },
    guidelines: {
      follow: strings(r.guidelines?.follow).map((s) => s.trim()).filter(Boolean),
      hide: strings(r.guidelines?.hide).map((s) => s.trim()).filter(Boolean),
    },
    diagnostics: {
      enable: diagnostics.enable !== false,
      rules: diagnostics.rules && typeof diagnostics.rules === 'object' ? { ...diagnostics.rules } : {},
      disabledLanguages: strings(diagnostics.disabledLanguages),
      exclude: strings(diagnostics.exclude),
    },
  };
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
