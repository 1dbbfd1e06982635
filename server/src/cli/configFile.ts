/** The project's `.api-guidelines.json`: the `apiGuidelines.*` settings for the command line. */
import { promises as fs } from 'fs';
// The ESM build: the UMD main hides its modules from the bundler.
import { createScanner, findNodeAtLocation, parseTree, printParseErrorCode, SyntaxKind, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import * as path from 'path';
import { LineMap } from '../corpus/lineMap';
import { readRegularFileSync } from '../node/regularFile';
import { normalizeSettings, settingsPath, validateSettings, type ApiGuidelinesSettings } from '../settings';
import { UsageError } from './args';

export const CONFIG_FILE_NAME = '.api-guidelines.json';

/** The settings nest three levels deep; a file nested far deeper is refused before parsing, which recurses. */
export const MAX_CONFIG_DEPTH = 32;
/** A config file holds a few lines; a larger one is refused unread. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

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
    // Never a blocking open: a FIFO named by --config would wait for a writer forever.
    text = readRegularFileSync(file, MAX_CONFIG_BYTES).toString('utf8');
  } catch (e) {
    throw new UsageError(`cannot read the config file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { settings, warnings } = parseConfig(text, file);
  const root = path.dirname(file);
  settings.corpus.paths = settings.corpus.paths.map((p) => resolveUserPath(root, p));
  return { file, root, settings, warnings };
}

/**
 * Parses and checks the config text (JSON; comments and trailing commas allowed); corpus paths are left as written.
 * Broken JSON is a UsageError; a bad setting is a warning with its line and column, and is dropped (the rest apply).
 */
export function parseConfig(text: string, file: string): { settings: ApiGuidelinesSettings; warnings: string[] } {
  const source = text.replace(/^\uFEFF/, '');
  const lines = new LineMap(source);
  const at = (offset: number) => {
    const pos = lines.pos(offset);
    return `${file}:${pos.line + 1}:${pos.character + 1}`;
  };
  const deep = tooDeepAt(source);
  if (deep !== undefined) throw new UsageError(`${at(deep)}: nested deeper than ${MAX_CONFIG_DEPTH} levels; the settings need three`);
  const syntax: ParseError[] = [];
  const tree = parseTree(source, syntax, { allowTrailingComma: true });
  if (syntax.length) throw new UsageError(syntax.map((e) => `${at(e.offset)}: invalid JSON: ${printParseErrorCode(e.error)}`).join('\n'));
  if (!tree || tree.type !== 'object') throw new UsageError(`${file}: the config must be a JSON object`);
  const warnings: string[] = [];
  for (const [key, value] of properties(tree)) {
    if (key.value === '$schema') continue;
    const fields = Object.hasOwn(SHAPE, key.value) ? SHAPE[key.value] : undefined;
    if (!fields) { warnings.push(`${at(key.offset)}: unknown key '${key.value}' ignored`); continue; }
    if (value.type !== 'object') continue;
    for (const [field] of properties(value)) {
      if (!Object.hasOwn(fields, field.value)) warnings.push(`${at(field.offset)}: unknown key '${key.value}.${field.value}' ignored`);
    }
  }
  const { settings, problems } = validateSettings(jsonValue(tree));
  for (const p of problems) {
    const node = findNodeAtLocation(tree, p.path);
    // A rule's problem points at its name, a value's at the value.
    const where = node && p.path[1] === 'rules' && p.path.length === 3 && node.parent?.children?.[0] ? node.parent.children[0] : node;
    warnings.push(`${where ? at(where.offset) : file}: '${settingsPath(p.path)}' ${p.message}; ignored`);
  }
  return { settings, warnings };
}

/** The offset of the first bracket nested deeper than MAX_CONFIG_DEPTH, read with the JSON scanner (no recursion). */
function tooDeepAt(source: string): number | undefined {
  const scanner = createScanner(source, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_CONFIG_DEPTH) return scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) depth--;
  }
  return undefined;
}

/** An object node's properties as [name node, value node]. */
function properties(node: JsonNode): [JsonNode, JsonNode][] {
  return (node.children ?? []).flatMap((p) => (p.children?.length === 2 ? [[p.children[0], p.children[1]] as [JsonNode, JsonNode]] : []));
}

/** The value of a node; object keys become own data properties, so `__proto__` is a key like any other. */
function jsonValue(node: JsonNode): unknown {
  if (node.type === 'array') return (node.children ?? []).map(jsonValue);
  if (node.type !== 'object') return node.value;
  const o: Record<string, unknown> = {};
  for (const [key, value] of properties(node)) {
    Object.defineProperty(o, key.value, { value: jsonValue(value), enumerable: true, writable: true, configurable: true });
  }
  return o;
}

/** A path from a config file or the command line: `~` is the home folder, relative is from `base`. */
export function resolveUserPath(base: string, p: string): string {
  const expanded = p.replace(/^~(?=$|[\\/])/, process.env.HOME ?? process.env.USERPROFILE ?? '~');
  return path.resolve(base, expanded);
}
