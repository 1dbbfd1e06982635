#!/usr/bin/env node
// Maintainer script (not run in CI): re-reads a guideline's source repository and reports the atlas links whose
// page or anchor no longer exists there. One source map per guideline in scripts/atlas/sources/<id>.json says which
// repository files hold each published page's anchors, and how the site makes its anchors.
//
//   node scripts/atlas/check-anchors.mjs --git-dir DIR [--rev REV] scripts/atlas/sources/zalando.json …
//   node scripts/atlas/check-anchors.mjs --mirrors /work/.mirror --all
//
// --rev HEAD (the default) checks against the newest fetched revision: what moved since the atlas was written.
// --rev recorded checks against the commit the guideline page says was read: whether the atlas was right then.
// Exit code: 0 every link found, 1 some link not found, 2 bad arguments or a repository that cannot be read.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { anchorsOf } from './anchors.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../..');

function usage(message) {
  if (message) process.stderr.write(`check-anchors: ${message}\n`);
  process.stderr.write('Usage: node scripts/atlas/check-anchors.mjs (--git-dir DIR | --mirrors DIR) [--rev HEAD|recorded|REV] (--all | SOURCE.json…)\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { rev: 'HEAD', sources: [], all: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--git-dir') args.gitDir = argv[++i];
    else if (a === '--mirrors') args.mirrors = argv[++i];
    else if (a === '--rev') args.rev = argv[++i];
    else if (a === '--all') args.all = true;
    else if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else args.sources.push(a);
  }
  if (args.all) {
    const dir = path.join(here, 'sources');
    args.sources.push(...readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f)));
  }
  if (!args.sources.length) usage('no source map given');
  if (!args.gitDir && !args.mirrors) usage('give --git-dir (one repository) or --mirrors (the folder fetch puts repositories in)');
  if (args.gitDir && args.sources.length > 1) usage('--git-dir reads one repository: give one source map, or use --mirrors');
  return args;
}

/** The bare git dir of `github:owner/name` below a mirrors folder (`owner+name…`), if fetched. */
function mirrorOf(mirrors, fetch) {
  const m = /^(?:github:)?([^/]+)\/([^/@:]+)/.exec(fetch ?? '');
  if (!m || !existsSync(mirrors)) return undefined;
  const prefix = `${m[1]}+${m[2]}`.toLowerCase();
  const dir = readdirSync(mirrors).find((d) => d.toLowerCase() === prefix || d.toLowerCase().startsWith(`${prefix}`));
  if (!dir) return undefined;
  const top = path.join(mirrors, dir);
  // The snapshot's git dir is the folder itself or one level below it.
  if (existsSync(path.join(top, 'HEAD'))) return top;
  const inner = readdirSync(top).map((d) => path.join(top, d)).find((d) => existsSync(path.join(d, 'HEAD')));
  return inner;
}

function git(gitDir, ...args) {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every https link of a guideline page: its home, its topic references and its rules. */
function linksOf(page) {
  const links = [];
  const add = (url, where) => { if (typeof url === 'string') links.push({ url, where }); };
  add(page.guideline_url, 'guideline_url');
  for (const [topic, refs] of Object.entries(page.topics ?? {})) {
    for (const r of Array.isArray(refs) ? refs : []) add(r?.url, `topics.${topic}: ${r?.name ?? ''}`);
  }
  for (const r of page.guideline_rules ?? []) add(r?.url, `guideline_rules ${r?.rule ?? ''}`);
  return links;
}

function frontMatter(file) {
  const text = readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  return parseYaml(m[1]);
}

/** `aip/general/{1:4}.md` with capture groups filled in (`{1:4}`: group 1 zero-padded to 4 digits). */
function fill(template, groups) {
  return template.replace(/\{(\d+)(?::(\d+))?\}/g, (_, n, width) => (groups[Number(n)] ?? '').padStart(Number(width ?? 0), '0'));
}

async function loadStyle(name) {
  const own = path.join(here, 'styles', `${name}.mjs`);
  if (existsSync(own)) return (await import(pathToFileURL(own).href)).anchors;
  return (text) => anchorsOf(text, name);
}

async function checkSource(sourceFile, args) {
  const source = JSON.parse(readFileSync(sourceFile, 'utf8'));
  const pageFile = path.join(projectRoot, 'corpus', 'guidelines', `${source.guideline}.md`);
  const page = frontMatter(pageFile);
  const gitDir = args.gitDir ?? mirrorOf(args.mirrors, source.fetch);
  if (!gitDir) {
    process.stderr.write(`${source.guideline}: no fetched repository for ${source.fetch} below ${args.mirrors} (fetch it first)\n`);
    return { checked: 0, missing: 0, unreadable: 1 };
  }
  const rev = args.rev === 'recorded' ? (page.guideline_revision?.commit ?? source.commit) : args.rev;
  let tree;
  try {
    tree = git(gitDir, 'ls-tree', '-r', '--name-only', rev).split('\n').filter(Boolean);
  } catch (e) {
    process.stderr.write(`${source.guideline}: cannot read ${rev} in ${gitDir}: ${e.message.split('\n')[0]}\n`);
    return { checked: 0, missing: 0, unreadable: 1 };
  }
  const newest = git(gitDir, 'log', '-1', '--format=%H %cs', rev).trim();
  const anchorCache = new Map();
  const anchorsIn = async (file, style) => {
    const key = `${style}\0${file}`;
    if (!anchorCache.has(key)) anchorCache.set(key, (await loadStyle(style))(git(gitDir, 'show', `${rev}:${file}`)));
    return anchorCache.get(key);
  };
  let checked = 0;
  let missing = 0;
  const seen = new Set();
  for (const { url, where } of linksOf(page)) {
    if (seen.has(url)) continue;
    seen.add(url);
    checked++;
    const hash = url.indexOf('#');
    const base = hash === -1 ? url : url.slice(0, hash);
    const fragment = hash === -1 ? '' : decodeURIComponent(url.slice(hash + 1));
    const rule = source.pages.find((p) => new RegExp(p.match).test(base));
    if (!rule) {
      if (args.verbose) process.stdout.write(`  ${source.guideline}: not mapped, not checked: ${url}\n`);
      checked--;
      continue;
    }
    const groups = new RegExp(rule.match).exec(base);
    const patterns = rule.files.map((f) => fill(f, groups));
    const files = tree.filter((f) => patterns.some((p) => f === p || picomatch.isMatch(f, p, { dot: true })));
    let problem;
    if (!files.length) problem = `no file ${patterns.join(' or ')}`;
    else if (fragment) {
      let found = false;
      for (const f of files) if ((await anchorsIn(f, rule.anchors ?? 'github')).has(fragment)) { found = true; break; }
      if (!found) problem = `no anchor #${fragment} in ${files.length === 1 ? files[0] : `${files.length} files (${patterns.join(', ')})`}`;
    }
    if (problem) {
      missing++;
      process.stdout.write(`${path.relative(process.cwd(), pageFile)}: ${where}\n  ${url}\n  ${problem}\n`);
    } else if (args.verbose) process.stdout.write(`  ok ${url}\n`);
  }
  process.stdout.write(`${source.guideline}: ${checked - missing}/${checked} links found at ${newest} (${rev === 'HEAD' ? 'newest fetched' : rev})\n`);
  return { checked, missing, unreadable: 0 };
}

const args = parseArgs(process.argv.slice(2));
let failed = 0;
let unreadable = 0;
for (const s of args.sources) {
  const r = await checkSource(s, args);
  failed += r.missing;
  unreadable += r.unreadable;
}
process.exit(unreadable ? 2 : failed ? 1 : 0);
