/** Arbitraries for the property tests: real corpus pages and the ways a page gets broken. */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusProblem, ParsedFile } from '../../../server/src/corpus/model';

export interface PageFile {
  path: string;
  text: string;
}

/** The Markdown pages of a folder, sorted by name. */
export function readPages(dir: string): PageFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort()
    .map((n) => named({ path: path.join(dir, n), text: fs.readFileSync(path.join(dir, n), 'utf8') }, n));
}

/** Counterexamples print the name, not the whole page or the function. */
function named<T extends object>(value: T, name: string): T {
  return Object.assign(value, { [fc.toStringMethod]: () => name });
}

/** A named text transformation; the name shows in a counterexample. */
export interface Mutation {
  name: string;
  apply: (text: string) => string;
}

const FIELDS = [
  'layout', 'topic_id', 'topic_category', 'topic_name', 'topic_description', 'topic_status', 'topic_method',
  'topic_header', 'topic_policy', 'severity', 'prefer', 'guidelines', 'guideline_id', 'guideline_title',
  'guideline_company', 'guideline_url', 'guideline_date', 'references', 'name', 'url',
];

/** YAML values of every type, plus broken ones. */
const WRONG_VALUES = [
  '[1, 2, 3]', '{a: b, c: [d]}', '42', '-1.5e300', 'null', '~', 'true', "''", '""', '!!binary aGVsbG8=',
  '2024-02-30', '&anchor [*anchor]', '*nowhere', '"unterminated', "'unterminated", '[unclosed', '{unclosed',
  '|', '>-', '- a', ': :', '? complex', '!custom-tag x', '0x1F', '.nan', '403', 'http-status-403',
  'javascript:alert(1)', 'command:workbench.action.quit', '<img src=x onerror=alert(1)>',
];

function replaceField(text: string, key: string, value: string, nth: number): string {
  const re = new RegExp(`^([ \\t]*(?:- )?${key}:)[^\\n\\r]*`, 'gm');
  let i = 0;
  let hits = 0;
  text.replace(re, () => String(hits++));
  if (hits === 0) return text;
  const target = nth % hits;
  return text.replace(re, (line, head: string) => (i++ === target ? `${head} ${value}` : line));
}

/** Inserts `insert` right after the opening `---` line (or at the start when there is none). */
function insertField(text: string, insert: string): string {
  const at = text.indexOf('\n');
  return at === -1 ? insert + '\n' + text : text.slice(0, at + 1) + insert + '\n' + text.slice(at + 1);
}

function atRatio(text: string, ratio: number): number {
  return Math.min(text.length, Math.floor(ratio * text.length));
}

function mutationOf(name: string, apply: (text: string) => string): Mutation {
  return named({ name, apply }, name);
}

const ratio = fc.double({ min: 0, max: 1, noNaN: true });

const truncate = ratio.map((r) => mutationOf(`truncate@${r.toFixed(3)}`, (t) => t.slice(0, atRatio(t, r))));

const wrongType = fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...WRONG_VALUES), fc.nat(20)).map(([key, value, nth]) => mutationOf(`${key}[${nth}] := ${value}`, (t) => replaceField(t, key, value, nth)));

const removeField = fc.tuple(fc.constantFrom(...FIELDS), fc.nat(20)).map(([key, nth]) => mutationOf(`remove ${key}[${nth}]`, (t) => replaceField(t, key, '', nth).replace(new RegExp(`^[ \\t]*(?:- )?${key}: $\\r?\\n?`, 'm'), '')));

/** Deep nesting as flow collections, block mappings or block lists, as a field or replacing one. */
const deepNesting = fc.tuple(fc.integer({ min: 10, max: 5000 }), fc.constantFrom('flow-list', 'flow-map', 'block-map', 'block-list'), fc.constantFrom(...FIELDS))
  .map(([depth, shape, key]) => mutationOf(`nest ${shape} x${depth} in ${key}`, (t) => {
    const d = shape.startsWith('block') ? Math.min(depth, 300) : depth;
    let value: string;
    switch (shape) {
      case 'flow-list': value = '['.repeat(d) + 'x' + ']'.repeat(d); break;
      case 'flow-map': value = '{a: '.repeat(d) + 'x' + '}'.repeat(d); break;
      case 'block-map': value = Array.from({ length: d }, (_, i) => `\n${'  '.repeat(i + 1)}k${i}:`).join('') + ' x'; break;
      default: value = Array.from({ length: d }, (_, i) => `\n${'  '.repeat(i + 1)}-`).join('') + ' x';
    }
    return t.includes(`${key}:`) ? replaceField(t, key, value, 0) : insertField(t, `${key}: ${value}`);
  }));

/** Strings of 10-30 KB, or 0.3-1.5 MB (past the YAML limit, under the 2 MB file limit), in a field, the body or a key. */
const hugeSize = fc.oneof(fc.integer({ min: 10_000, max: 30_000 }), fc.integer({ min: 300_000, max: 1_500_000 }));
const hugeString = fc.tuple(hugeSize, fc.constantFrom('x', 'é', '🚀', ' ', '\\', "'", '"', '#', 'a: '), fc.constantFrom('field', 'quoted', 'body', 'key'), fc.constantFrom(...FIELDS))
  .map(([size, unit, where, key]) => mutationOf(`huge ${where} ${key} ${size}x${JSON.stringify(unit)}`, (t) => {
    const s = unit.repeat(Math.ceil(size / unit.length));
    switch (where) {
      case 'field': return replaceField(t, key, s, 0);
      case 'quoted': return replaceField(t, key, JSON.stringify(s), 0);
      case 'body': return t + '\n' + s;
      default: return insertField(t, `${s}: x`);
    }
  }));

/** Bytes read as Latin-1 (what a binary file looks like once decoded), NULs, U+FFFD and lone surrogates. */
const binary = fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 2000 }), ratio, fc.boolean())
  .map(([bytes, r, replace]) => mutationOf(`binary ${bytes.length} bytes @${r.toFixed(3)}${replace ? ' (whole file)' : ''}`, (t) => {
    const junk = Buffer.from(bytes).toString('latin1') + '\u0000\ufffd\ud800\udfff';
    if (replace) return junk;
    const at = atRatio(t, r);
    return t.slice(0, at) + junk + t.slice(at);
  }));

const lineEnds = fc.constantFrom(
  mutationOf('BOM', (t) => '\ufeff' + t),
  mutationOf('double BOM', (t) => '\ufeff\ufeff' + t),
  mutationOf('CRLF', (t) => t.replace(/\r?\n/g, '\r\n')),
  mutationOf('CR only', (t) => t.replace(/\r?\n/g, '\r')),
  mutationOf('mixed line ends', (t) => t.replace(/\n/g, (_m, i: number) => (i % 3 ? '\r\n' : '\n'))),
  mutationOf('tabs for indentation', (t) => t.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2))),
  mutationOf('no front matter', (t) => t.replace(/^---/, '')),
  mutationOf('no closing delimiter', (t) => t.replace(/\n---\s*(\n|$)/, '\n')),
  mutationOf('empty', () => ''),
  mutationOf('front matter only delimiters', () => '---\n---\n'),
  mutationOf('alias bomb', (t) => insertField(t, 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]')),
  mutationOf('duplicate keys', (t) => insertField(t, 'topic_id: dup\ntopic_id: dup')),
  mutationOf('second document', (t) => insertField(t, '...\n---\nmore: doc')),
);

const lineEdit = fc.tuple(fc.constantFrom('delete', 'duplicate', 'swap', 'indent', 'dedent'), fc.nat(200)).map(([op, n]) => mutationOf(`${op} line ${n}`, (t) => {
  const lines = t.split('\n');
  const i = n % lines.length;
  switch (op) {
    case 'delete': lines.splice(i, 1); break;
    case 'duplicate': lines.splice(i, 0, lines[i]); break;
    case 'swap': if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]]; break;
    case 'indent': lines[i] = '   ' + lines[i]; break;
    default: lines[i] = lines[i].trimStart();
  }
  return lines.join('\n');
}));

const arbitraryInsert = fc.tuple(fc.string({ unit: 'binary', maxLength: 40 }), ratio).map(([s, r]) => mutationOf(`insert ${JSON.stringify(s)} @${r.toFixed(3)}`, (t) => {
  const at = atRatio(t, r);
  return t.slice(0, at) + s + t.slice(at);
}));

/** One mutation of any kind; huge strings are rare so that a run stays fast. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: truncate, weight: 3 },
  { arbitrary: wrongType, weight: 5 },
  { arbitrary: removeField, weight: 2 },
  { arbitrary: deepNesting, weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: binary, weight: 2 },
  { arbitrary: lineEnds, weight: 3 },
  { arbitrary: lineEdit, weight: 3 },
  { arbitrary: arbitraryInsert, weight: 3 },
);

/** One to three mutations applied in order. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

export function applyAll(text: string, ms: Mutation[]): string {
  return ms.reduce((t, m) => m.apply(t), text);
}

/** Text that looks enough like a page to get past the first checks. */
export const pageLikeText = fc.tuple(
  fc.constantFrom('', '\ufeff'),
  fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...FIELDS.map((f) => `${f}: `)), fc.constantFrom(...WRONG_VALUES), fc.constantFrom('\n', '\r\n', '  ', '- ', '---\n')), { maxLength: 40 }),
  fc.constantFrom('\n---\n', '\r\n---\r\n', '\n---', ''),
  fc.string({ maxLength: 50 }),
).map(([bom, parts, close, body]) => `${bom}---\n${parts.join('')}${close}${body}`);

/** Checks the shape of a parse result; returns what is wrong (empty when fine). */
export function checkParsed(parsed: ParsedFile, file: string, text: string): string[] {
  const errors: string[] = [];
  if (parsed.file !== file) errors.push(`file is ${parsed.file}`);
  for (const p of parsed.problems) errors.push(...checkProblem(p, file, text));
  for (const t of [...parsed.topics, ...parsed.guidelines]) {
    if (typeof t.id !== 'string' || t.id === '') errors.push(`empty id in ${JSON.stringify(t).slice(0, 80)}`);
    if (t.file !== file) errors.push(`entry file ${t.file}`);
  }
  for (const t of parsed.topics) {
    for (const k of ['category', 'name', 'description'] as const) if (typeof t[k] !== 'string') errors.push(`topic ${k} is ${typeof t[k]}`);
    if (!Array.isArray(t.guidelines)) errors.push('guidelines is not a list');
    for (const g of t.guidelines) for (const r of g.references) if (typeof r.name !== 'string') errors.push('reference name is not text');
  }
  return errors;
}

/** A problem names its file, has a severity, a code, a bounded message and a range inside the text. */
export function checkProblem(p: CorpusProblem, file: string, text: string): string[] {
  const errors: string[] = [];
  const lineCount = text.split('\n').length;
  if (p.file !== file) errors.push(`problem file ${p.file}`);
  if (!['error', 'warning', 'information', 'hint'].includes(p.severity)) errors.push(`severity ${p.severity}`);
  if (!p.code || !p.message) errors.push('problem without code or message');
  if (p.message.length > MAX_MESSAGE) errors.push(`message of ${p.message.length} characters`);
  const { start, end } = p.range;
  if (start.offset > end.offset) errors.push('range ends before it starts');
  if (end.offset > text.length) errors.push(`range ends at ${end.offset} > ${text.length}`);
  if (start.line < 0 || end.line >= lineCount) errors.push(`line ${end.line} outside ${lineCount} lines`);
  return errors;
}

/** Diagnostics stay readable even when a page holds a megabyte in one field. */
export const MAX_MESSAGE = 1000;

/** Runs per property; PROPERTY_RUNS=10 multiplies them for a longer hunt. */
export function runs(n: number): { numRuns: number } {
  return { numRuns: Math.max(1, Math.round(n * Number(process.env.PROPERTY_RUNS ?? 1))) };
}
