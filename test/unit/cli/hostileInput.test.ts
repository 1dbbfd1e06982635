import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { workersFor } from '../../../server/src/cli/checkFiles';
import { terminalSafe } from '../../../server/src/cli/terminalStyle';
import { decodeName, fsPath } from '../../../server/src/node/rawPath';
import { cli, scratch } from './cliHarness';

/** Raw control characters a terminal would act on: ESC, BEL, CSI/OSC introducers, C1. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

const HOSTILE_PAGE = [
  '---',
  'topic_id: http-status-299',
  'topic_name: "299 Evil \\e]52;c;ZXZpbA==\\a\\e[2J"',
  'topic_category: "HTTP Status \\e[1A"',
  'topic_description: "Clears \\e[2J the screen \\e]0;title\\a"',
  'topic_status: 299',
  'guidelines:',
  '  - guideline_id: evil',
  '    guideline_title: "Evil \\e[31m"',
  '    company: "Evil \\e]8;;http://x\\a"',
  '    guideline_url: https://example.com/evil',
  '---',
  'Body with \x1b[2J and \x1b]52;c;ZXZpbA==\x07 in it.',
  '',
].join('\n');

const HOSTILE_GUIDELINE = [
  '---',
  'guideline_id: evil',
  'guideline_title: "Evil \\e[31m"',
  'guideline_company: "Evil \\e]8;;http://x\\a"',
  "guideline_url: 'https://example.com/evil'",
  'guideline_summary: "Rewrites \\r the line"',
  '---',
  '',
].join('\n');

describe('cli: hostile input', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  describe('special files', function () {
    before(function () {
      if (process.platform === 'win32') this.skip();
    });

    it('refuses a FIFO named on the command line without opening it, and checks the other files', async () => {
      const s = scratch({ 'ok.js': 'res.status(305);\n' });
      cleanup = s.cleanup;
      execFileSync('mkfifo', [path.join(s.dir, 'p.js')]);
      const alone = await cli(['check', 'p.js'], { cwd: s.dir });
      assert.strictEqual(alone.code, 2);
      assert.match(alone.stderr, /^api-guidelines: skipped p\.js: a FIFO \(named pipe\), not a regular file: not read\n/);
      const both = await cli(['check', 'p.js', 'ok.js', '--format', 'compact'], { cwd: s.dir });
      assert.strictEqual(both.code, 0, both.stderr);
      assert.match(both.stdout, /^ok\.js:1:12: warning: /);
    });

    it('refuses a FIFO given as --config', async () => {
      const s = scratch({ 'ok.js': '' });
      cleanup = s.cleanup;
      execFileSync('mkfifo', [path.join(s.dir, 'p.json')]);
      const run = await cli(['check', '--config', 'p.json'], { cwd: s.dir });
      assert.strictEqual(run.code, 2);
      assert.match(run.stderr, /cannot read the config file .*p\.json: a FIFO \(named pipe\), not a regular file: refused\n/);
    });
  });

  describe('globs', () => {
    it('matches ReDoS globs and ignore lines against long names in bounded time', async () => {
      const long = `${'a'.repeat(200)}.js`;
      const s = scratch({ [long]: 'res.status(305);\n', 'b.js': 'res.status(305);\n', '.gitignore': '*a*a*a*a*a*a*a*a*a*ab\n' });
      cleanup = s.cleanup;
      fs.mkdirSync(path.join(s.dir, '.git'));
      const run = await cli(['check', '.', '--exclude', '**a**a**a**a**a**a**a**a**a**ab', '--format', 'compact'], { cwd: s.dir });
      assert.strictEqual(run.code, 0, run.stderr);
      assert.deepStrictEqual(run.stdout.split('\n').filter((l) => l.includes(':1:12:')).map((l) => l.split(':')[0]), [long, 'b.js']);
    });

    it('warns once about a malformed --exclude glob and keeps every other glob and finding', async () => {
      const s = scratch({ 'vendor/x.js': 'res.status(305);\n', 'src/a.js': 'res.status(305);\n' });
      cleanup = s.cleanup;
      const run = await cli(['check', '.', '--exclude', '{a', '--exclude', '[z-a]', '--exclude', 'vendor', '--format', 'compact'], { cwd: s.dir });
      assert.strictEqual(run.code, 0);
      assert.deepStrictEqual(run.stderr.split('\n').filter(Boolean), [
        "api-guidelines: warning: --exclude '{a' is malformed ('{' at column 1 is never closed) and matches nothing; ignored",
        "api-guidelines: warning: --exclude '[z-a]' is malformed (the range 'z-a' runs backwards) and matches nothing; ignored",
      ]);
      assert.match(run.stdout, /^src\/a\.js:1:12: warning: /);
      assert.ok(!run.stdout.includes('vendor'));
    });
  });

  describe('file names', () => {
    it('finds and reads names that are not UTF-8, walked or named, and shows their bytes escaped', async function () {
      if (process.platform !== 'linux') this.skip();
      const s = scratch({});
      cleanup = s.cleanup;
      fs.writeFileSync(Buffer.concat([Buffer.from(`${s.dir}/a`), Buffer.of(0xff), Buffer.from('b.js')]), 'res.status(305);\n');
      const walked = await cli(['check', '.', '--format', 'compact'], { cwd: s.dir });
      assert.strictEqual(walked.code, 0, walked.stderr);
      assert.match(walked.stdout, /^a\\xffb\.js:1:12: warning: /);
      // Node hands such an argument over with U+FFFD for the byte.
      const named = await cli(['check', 'a\uFFFDb.js', '--format', 'sarif'], { cwd: s.dir });
      assert.strictEqual(named.code, 0, named.stderr);
      const sarif = JSON.parse(named.stdout);
      assert.strictEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'a%FFb.js');
      const json = JSON.parse((await cli(['check', '.', '--format', 'json'], { cwd: s.dir })).stdout);
      assert.strictEqual(json.files[0].path, 'a\uDCFFb.js');
    });

    it('keeps each finding on one line when a file name holds a newline or an escape sequence', async function () {
      if (process.platform === 'win32') this.skip();
      const s = scratch({ 'a\nb.js': 'res.status(305);\n', 'c\x1b[2Jd.js': 'res.status(305);\n' });
      cleanup = s.cleanup;
      const compact = await cli(['check', '.', '--format', 'compact'], { cwd: s.dir });
      const lines = compact.stdout.split('\n').filter(Boolean);
      assert.deepStrictEqual(lines.slice(0, 2).map((l) => l.replace(/: warning: .*/, '')), ['a\\nb.js:1:12', 'c\\x1b[2Jd.js:1:12']);
      assert.strictEqual(lines.length, 3, 'two findings and the summary');
      const text = await cli(['check', '.'], { cwd: s.dir });
      assert.ok(!RAW_CONTROL.test(text.stdout), JSON.stringify(text.stdout));
      const github = await cli(['check', '.', '--format', 'github'], { cwd: s.dir });
      assert.match(github.stdout, /file=a%0Ab\.js,/);
      assert.ok(!RAW_CONTROL.test(github.stdout.replace(/\n/g, '')), JSON.stringify(github.stdout));
      const json = JSON.parse((await cli(['check', '.', '--format', 'json'], { cwd: s.dir })).stdout);
      assert.deepStrictEqual(json.files.map((f: { path: string }) => f.path), ['a\nb.js', 'c\x1b[2Jd.js']);
    });
  });

  describe('corpus text', () => {
    it('prints no raw control character in topic, search and guidelines, and keeps JSON exact', async () => {
      const s = scratch({ 'guides/http-status-299.md': HOSTILE_PAGE, 'guides/evil.md': HOSTILE_GUIDELINE });
      cleanup = s.cleanup;
      for (const argv of [['topic', '299'], ['search', 'evil'], ['guidelines']]) {
        const run = await cli([...argv, '--corpus', 'guides', '--no-builtin'], { cwd: s.dir });
        assert.strictEqual(run.code, 0, `${argv.join(' ')}: ${run.stderr}`);
        assert.ok(!RAW_CONTROL.test(run.stdout), `${argv.join(' ')}: ${JSON.stringify(run.stdout)}`);
        assert.ok(run.stdout.includes('\\x1b'), `${argv.join(' ')} shows the escapes`);
      }
      const topic = await cli(['topic', '299', '--corpus', 'guides', '--no-builtin'], { cwd: s.dir });
      assert.match(topic.stdout, /^299 Evil \\x1b\]52;c;ZXZpbA==\\x07\\x1b\[2J\n/);
      assert.match(topic.stdout, /Body with \\x1b\[2J and \\x1b\]52;c;ZXZpbA==\\x07 in it\./);
      const json = JSON.parse((await cli(['topic', '299', '--corpus', 'guides', '--no-builtin', '--format', 'json'], { cwd: s.dir })).stdout);
      assert.strictEqual(json.name, '299 Evil \x1b]52;c;ZXZpbA==\x07\x1b[2J');
    });

    it('escapes what a terminal acts on and nothing else', () => {
      assert.strictEqual(terminalSafe('a\tb ü → ✓ 😀'), 'a\tb ü → ✓ 😀');
      assert.strictEqual(terminalSafe('a\nb\r\x1b\x07\x7f\x9b\u202e'), 'a\\nb\\r\\x1b\\x07\\x7f\\x9b\\u202e');
      assert.strictEqual(terminalSafe('line 1\r\nline 2\x1b', true), 'line 1\nline 2\\x1b');
      assert.strictEqual(terminalSafe('a\uDCFFb\uD800'), 'a\\xffb\\ud800');
    });
  });

  describe('limits', () => {
    it('caps --jobs at the CPUs (and runs no more workers than files)', () => {
      assert.strictEqual(workersFor(1000, 4), 3);
      assert.strictEqual(workersFor(undefined, 4), 3);
      assert.strictEqual(workersFor(2, 4), 1);
      assert.strictEqual(workersFor(1, 4), 0);
    });

    it('rejects a rule level named like an Object property', async () => {
      const run = await cli(['check', '.', '--rule', 'policy=constructor']);
      assert.strictEqual(run.code, 2);
      assert.match(run.stderr, /invalid level 'constructor' for rule 'policy'/);
    });

    it('carries non-UTF-8 bytes through a string and back', () => {
      const bytes = Buffer.from([0x61, 0xff, 0xc3, 0xa9, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80, 0x80]);
      const name = decodeName(bytes);
      assert.strictEqual(name, 'a\uDCFFé\uDCED\uDCA0\uDC80😀\uDC80');
      assert.ok((fsPath(name) as Buffer).equals(bytes));
      assert.strictEqual(fsPath('plain é'), 'plain é');
    });
  });
});
