import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { repoRoot, requireShared, sharedPath } from '../../helpers/testEnv';
import { cli } from './cliHarness';

interface TopicJson {
  id: string;
  guidelines: { id: string; company: string; kind: string; followed: boolean; references: { name: string; url?: string; rule?: string; level?: string }[] }[];
}

describe('cli: the atlas and --follow', function () {
  this.timeout(60_000);

  it('topic 403 with no configuration lists eight organisations or more, each with section links', async () => {
    const run = await cli(['topic', '403', '--format', 'json', '--no-config'], { cwd: repoRoot });
    assert.strictEqual(run.code, 0, run.stderr);
    const topic = JSON.parse(run.stdout) as TopicJson;
    const orgs = topic.guidelines.filter((g) => g.kind !== 'standard');
    assert.ok(new Set(orgs.map((g) => g.company)).size >= 8, orgs.map((g) => g.company).join(', '));
    for (const g of orgs) assert.ok(g.references.length > 0 && g.references.every((r) => r.url?.startsWith('https://')), g.id);
    assert.deepStrictEqual(topic.guidelines.slice(-2).map((g) => g.kind), ['standard', 'standard'], 'standards come last');
  });

  it('--follow zalando lists Zalando first, marked, in JSON and in text', async () => {
    const json = JSON.parse((await cli(['topic', '403', '--follow', 'zalando', '--format', 'json', '--no-config'], { cwd: repoRoot })).stdout) as TopicJson;
    assert.deepStrictEqual([json.guidelines[0].id, json.guidelines[0].followed], ['zalando', true]);
    assert.ok(json.guidelines.slice(1).every((g) => !g.followed));
    const text = await cli(['topic', '403', '--follow', 'zalando', '--follow', 'google-aip', '--no-config', '--no-color'], { cwd: repoRoot });
    assert.match(text.stdout, /\nGuidelines \(\d+\)\n {2}★ Zalando — .* \(followed\) {2}https:\/\/opensource\.zalando\.com\/restful-api-guidelines\/\n(?: {4}.*\n)+ {2}★ Google — .* \(followed\)/);
  });

  it('--hide leaves guidelines out, and a follow that names nothing is a warning with a suggestion', async () => {
    const json = JSON.parse((await cli(['topic', '403', '--hide', '*', '--follow', 'zalando', '--format', 'json', '--no-config'], { cwd: repoRoot })).stdout) as TopicJson;
    assert.deepStrictEqual(json.guidelines.filter((g) => g.kind !== 'standard').map((g) => g.id), ['zalando']);
    const typo = await cli(['topic', '403', '--follow', 'zalandoo', '--no-config'], { cwd: repoRoot });
    assert.strictEqual(typo.code, 0);
    assert.match(typo.stderr, /warning: no guideline 'zalandoo' in the loaded corpora to follow \(did you mean 'zalando'\?\)/);
  });

  it('search puts topics of a followed guideline first among equals, and names its organisations', async () => {
    const run = await cli(['search', 'pagination', '--follow', 'zalando', '--format', 'json', '--no-config'], { cwd: repoRoot });
    const hits = JSON.parse(run.stdout) as { id: string; guidelines: { id: string; followed: boolean }[] }[];
    assert.strictEqual(hits[0].id, 'collection-pagination');
    assert.deepStrictEqual([hits[0].guidelines[0].id, hits[0].guidelines[0].followed], ['zalando', true]);
  });

  it('check --follow reports the checkable rules of the followed guideline, in SARIF with the rule and its link', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-guidelines-follow-'));
    try {
      fs.writeFileSync(`${dir}/app.js`, "app.get('/old', (req, res) => res.redirect(302, '/new'));\n");
      const plain = await cli(['check', dir, '--format', 'json', '--no-config'], { cwd: dir });
      assert.deepStrictEqual(JSON.parse(plain.stdout).files.flatMap((f: { items: unknown[] }) => f.items), []);
      const run = await cli(['check', dir, '--follow', 'zalando', '--format', 'sarif', '--no-config'], { cwd: dir });
      const sarif = JSON.parse(run.stdout);
      const result = sarif.runs[0].results[0];
      assert.match(result.ruleId, /^zalando\/\d+$/);
      const rule = sarif.runs[0].tool.driver.rules[result.ruleIndex];
      assert.strictEqual(rule.id, result.ruleId);
      assert.match(rule.helpUri, /^https:\/\/opensource\.zalando\.com\/restful-api-guidelines\/#\d+$/);
      const off = await cli(['check', dir, '--follow', 'zalando', '--rule', `${result.ruleId}=off`, '--rule', 'guideline-rule=off', '--format', 'json', '--no-config'], { cwd: dir });
      assert.deepStrictEqual(JSON.parse(off.stdout).files.flatMap((f: { items: unknown[] }) => f.items), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('guidelines lists the ids to follow with what each covers and the revision read', async () => {
    const run = await cli(['guidelines', '--format', 'json', '--no-config'], { cwd: repoRoot });
    const list = JSON.parse(run.stdout) as { id: string; kind: string; topics: number; revision?: { commit?: string } }[];
    const zalando = list.find((g) => g.id === 'zalando')!;
    assert.ok(zalando.topics >= 30 && /^[0-9a-f]{40}$/.test(zalando.revision!.commit!), JSON.stringify(zalando));
    assert.strictEqual(list.at(-1)!.kind, 'standard');
    const text = await cli(['guidelines', '--follow', 'zalando', '--no-config', '--no-color'], { cwd: repoRoot });
    assert.match(text.stdout, /^Guidelines\n/);
    assert.match(text.stdout, /\n {2}★ zalando +Zalando — /);
  });

  it('topic <id> --format json answers every API Stylebook topic id with that id', async function () {
    requireShared(this);
    const ids = Object.keys(parseYaml(fs.readFileSync(sharedPath('corpora', 'apistylebook-data', 'topics.yaml'), 'utf8')) as object);
    const wrong: string[] = [];
    for (const id of ids) {
      const run = await cli(['topic', id, '--format', 'json', '--no-config'], { cwd: repoRoot });
      if (run.code !== 0 || (JSON.parse(run.stdout) as TopicJson).id !== id) wrong.push(id);
    }
    assert.deepStrictEqual(wrong, []);
    assert.strictEqual(ids.length, 100);
  });
});
