/** The project's `.api-guidelines.json`: the `apiGuidelines.*` settings for the command line. */
import { promises as fs } from 'fs';
// The ESM build: the UMD main hides its modules from the bundler.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import * as path from 'path';
import { LineMap } from '../corpus/lineMap';
import { normalizeSettings, type ApiGuidelinesSettings } from '../settings';
import { UsageError } from './args';

export const CONFIG_FILE_NAME = '.api-guidelines.json';

export const RULE_SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'];

/** What each known key must hold; a key not listed here is reported and ignored. */
const SHAPE: Record<string, Record<string, 'strings' | 'boolean' | 'rules'>> = {
  corpus: { paths: 'strings', builtin: 'boolean' },
  diagnostics: { enable: 'boolean', rules: 'rules', exclude: 'strings', disabledLanguages: 'strings' },
  hover: { enable: 'boolean' },
  guidelines: { follow: 'strings', hide: 'strings' },
};

export interface LoadedConfig {
  file?: string;
  /** The folder relative paths and exclude globs are taken from: the config file's, else the working folder. */
  root: string;
  settings: ApiGuidelinesSettings;
  warnings: string[];
}

/** The config file in `cwd` or its nearest ancestor holding one. */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if ((await fs.stat(candidate)).isFile()) return candidate;
    } catch {
      // none here
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Reads the config (an explicit file, the nearest one, or none); throws UsageError on a broken file. */
export async function loadConfig(cwd: string, explicit: string | undefined, enabled: boolean): Promise<LoadedConfig> {
  const file = explicit ? path.resolve(cwd, explicit) : enabled ? await findConfigFile(cwd) : undefined;
  if (!file) return { root: path.resolve(cwd), settings: normalizeSettings({}), warnings: [] };
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the config file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { settings, warnings } = parseConfig(text, file);
  const root = path.dirname(file);
  settings.corpus.paths = settings.corpus.paths.map((p) => resolveUserPath(root, p));
  return { file, root, settings, warnings };
}

/** Parses and checks the config text (JSON; comments and trailing commas allowed); corpus paths are left as written. */
export function parseConfig(text: string, file: string): { settings: ApiGuidelinesSettings; warnings: string[] } {
  const syntax: ParseError[] = [];
  const source = text.replace(/^\uFEFF/, '');
  const raw: unknown = parseJsonc(source, syntax, { allowTrailingComma: true });
  if (syntax.length) {
    const lines = new LineMap(source);
    throw new UsageError(syntax.map((e) => {
      const pos = lines.pos(e.offset);
      return `${file}:${pos.line + 1}:${pos.character + 1}: invalid JSON: ${printParseErrorCode(e.error)}`;
    }).join('\n'));
  }
  if (!isObject(raw)) throw new UsageError(`${file}: the config must be a JSON object`);
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const [section, value] of Object.entries(raw)) {
    if (section === '$schema') continue;
    const fields = SHAPE[section];
    if (!fields) { warnings.push(`${file}: unknown key '${section}' ignored`); continue; }
    if (!isObject(value)) { errors.push(`'${section}' must be an object`); continue; }
    for (const [key, v] of Object.entries(value)) {
      const kind = fields[key];
      if (!kind) warnings.push(`${file}: unknown key '${section}.${key}' ignored`);
      else if (!fitsKind(v, kind)) errors.push(`'${section}.${key}' must be ${KIND_NAMES[kind]}`);
    }
  }
  if (errors.length) throw new UsageError(errors.map((e) => `${file}: ${e}`).join('\n'));
  return { settings: normalizeSettings(raw), warnings };
}

const KIND_NAMES = {
  strings: 'an array of strings',
  boolean: 'true or false',
  rules: `an object mapping rule ids to one of ${RULE_SEVERITIES.join(', ')}`,
};

function fitsKind(v: unknown, kind: keyof typeof KIND_NAMES): boolean {
  switch (kind) {
    case 'strings': return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'boolean': return typeof v === 'boolean';
    case 'rules': return isObject(v) && Object.values(v).every((s) => RULE_SEVERITIES.includes(s as string));
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** A path from a config file or the command line: `~` is the home folder, relative is from `base`. */
export function resolveUserPath(base: string, p: string): string {
  const expanded = p.replace(/^~(?=$|[\\/])/, process.env.HOME ?? process.env.USERPROFILE ?? '~');
  return path.resolve(base, expanded);
}
