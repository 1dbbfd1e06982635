import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import type { Guideline } from '../../../server/src/corpus/model';
import { parse as parseYaml } from 'yaml';
import { NodeCorpusFileSystem } from '../../../server/src/node/nodeFileSystem';
import { builtinCorpus, repoRoot, requireShared, sharedPath } from '../../helpers/testEnv';

/** Standards bodies and references: what the atlas adds is everything else. */
const STANDARDS_BODIES = new Set(['IETF', 'IANA', 'WHATWG', 'W3C', 'Mozilla', 'ISO', 'OpenAPI Initiative']);

/**
 * Topics no public guideline of the atlas has a section on (rare or retired codes, and headers only standards
 * discuss). The test fails when one of them gains a guideline: then it leaves this list.
 */
const STANDARDS_ONLY = new Set([
  'http-status-100', 'http-status-101', 'http-status-102', 'http-status-103', 'http-status-203', 'http-status-205', 'http-status-208',
  'http-status-226', 'http-status-300', 'http-status-305', 'http-status-306', 'http-status-407', 'http-status-408', 'http-status-411',
  'http-status-413', 'http-status-414', 'http-status-416', 'http-status-417', 'http-status-418', 'http-status-421', 'http-status-423',
  'http-status-424', 'http-status-425', 'http-status-426', 'http-status-431', 'http-status-451', 'http-status-502', 'http-status-504',
  'http-status-505', 'http-status-506', 'http-status-507', 'http-status-508', 'http-status-510', 'http-status-511',
  'http-methods-connect', 'http-methods-trace',
]);

const isStandard = (g: { kind?: string; company: string }) => g.kind === 'standard' || STANDARDS_BODIES.has(g.company);

/** Every URL a corpus page holds, with where it stands. */
function urlsOf(file: string): { url: string; where: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  const front = parseYaml(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]) as Record<string, unknown>;
  const found: { url: string; where: string }[] = [];
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'url' || k.endsWith('_url') || k === 'repository') && typeof v === 'string') found.push({ url: v, where: `${where}.${k}` });
        else walk(v, `${where}.${k}`);
      }
    }
  };
  walk(front, path.basename(file));
  return found;
}

describe('corpus: the atlas of public API guidelines in the built-in corpus', () => {
  let index: CorpusIndex;
  let atlas: Guideline[];
  before(async () => {
    index = await new CorpusSet(new NodeCorpusFileSystem()).load([builtinCorpus]);
    atlas = [...index.guidelines.values()].filter((g) => !isStandard(g));
  });

  it('has at least 15 guidelines of organisations beyond the standards bodies', () => {
    assert.ok(atlas.length >= 15, atlas.map((g) => g.id).join(', '));
    assert.ok(new Set(atlas.map((g) => g.company)).size >= 12);
  });

  it('records for every guideline the revision read (date, repository, commit) and a one-line summary', () => {
    for (const g of atlas) {
      assert.ok(g.summary && g.summary.length <= 200 && !g.summary.includes('\n'), `${g.id}: summary`);
      assert.ok(g.revision?.date && /^\d{4}-\d{2}-\d{2}$/.test(g.revision.date), `${g.id}: revision date`);
      assert.ok(g.revision.repository && /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/?$/.test(g.revision.repository), `${g.id}: repository ${g.revision.repository}`);
      assert.ok(g.revision.commit && /^[0-9a-f]{40}$/.test(g.revision.commit), `${g.id}: commit`);
      assert.ok(g.url && g.url.startsWith('https://'), `${g.id}: home ${g.url}`);
      // Each has a source map for the maintainer's anchor check (scripts/atlas/check-anchors.mjs).
      const source = JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts', 'atlas', 'sources', `${g.id}.json`), 'utf8'));
      assert.strictEqual(source.guideline, g.id);
      assert.strictEqual(source.commit, g.revision.commit, `${g.id}: the source map and the page name the same commit`);
    }
  });

  it('links only well-formed https URLs, anchors included', () => {
    const bad: string[] = [];
    for (const dir of ['topics', 'guidelines']) {
      for (const name of fs.readdirSync(path.join(builtinCorpus, dir))) {
        for (const { url, where } of urlsOf(path.join(builtinCorpus, dir, name))) {
          let u: URL | undefined;
          try { u = new URL(url); } catch { /* reported below */ }
          const ok = u && u.protocol === 'https:' && u.hostname.includes('.') && !/\s/.test(url) && u.href.replace(/\/$/, '') === url.replace(/\/$/, '') && u.hash !== '#';
          if (!ok) bad.push(`${where}: ${url}`);
        }
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('gives each reference of a guideline a section title, and at most one short line of what it asks', () => {
    for (const t of index.topics.values()) {
      for (const g of t.guidelines) {
        for (const r of g.references) {
          assert.ok(r.name.trim().length > 0 && r.url, `${t.id} ${g.guidelineId}`);
          if (r.asks !== undefined) {
            assert.ok(r.asks.length <= 140 && !r.asks.includes('\n'), `${t.id} ${g.guidelineId}: asks is one short line (${r.asks.length})`);
            assert.notStrictEqual(r.asks.toLowerCase(), r.name.toLowerCase(), `${t.id} ${g.guidelineId}: asks says more than the title`);
          }
        }
      }
    }
  });

  it('gives every topic a guideline beyond the standards, except the few only standards discuss', () => {
    const uncovered = [...index.topics.values()].filter((t) => !t.guidelines.some((g) => !isStandard(g))).map((t) => t.id);
    assert.deepStrictEqual(uncovered.filter((id) => !STANDARDS_ONLY.has(id)), [], 'topics with no company guideline');
    assert.deepStrictEqual([...STANDARDS_ONLY].filter((id) => !uncovered.includes(id)), [], 'covered now: take them off STANDARDS_ONLY');
  });

  it('shows eight organisations or more for 403, a superset of the API Stylebook\'s four', () => {
    const orgs = new Set(index.topicForStatus(403)!.guidelines.filter((g) => !isStandard(g)).map((g) => g.company));
    assert.ok(orgs.size >= 8, [...orgs].join(', '));
    for (const o of ['Zalando', 'Microsoft', 'Google', 'Cloud Foundry', 'Heroku']) assert.ok(orgs.has(o), `${o} in ${[...orgs].join(', ')}`);
    assert.ok([...orgs].some((o) => o.startsWith('Haufe')), 'Haufe');
  });

  it('has a topic for every topic id of the API Stylebook', function () {
    requireShared(this);
    const ids = Object.keys(parseYaml(fs.readFileSync(sharedPath('corpora', 'apistylebook-data', 'topics.yaml'), 'utf8')) as object);
    assert.strictEqual(ids.length, 100);
    assert.deepStrictEqual(ids.filter((id) => !index.topics.has(id)), []);
  });

  it('writes checkable rules only for guidelines that state them, each with its id, level and link', () => {
    const rules = atlas.flatMap((g) => (g.rules ?? []).map((r) => ({ g, r })));
    assert.ok(rules.length >= 3, `${rules.length} rules`);
    for (const { g, r } of rules) {
      assert.ok(r.url?.startsWith('https://'), `${g.id}/${r.id}: url`);
      const refs = [...index.topics.values()].flatMap((t) => t.guidelines.filter((e) => e.guidelineId === g.id).flatMap((e) => e.references));
      assert.ok(refs.some((ref) => ref.url === r.url || (r.id && ref.rule === r.id)), `${g.id}/${r.id}: the rule is also a section some topic links`);
    }
  });
});
