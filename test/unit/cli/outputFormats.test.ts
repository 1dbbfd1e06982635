import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { escapeData, escapeProperty, renderGithubAnnotations } from '../../../server/src/cli/formats/githubAnnotations';
import { renderSarif } from '../../../server/src/cli/formats/sarif';
import { renderStylish } from '../../../server/src/cli/formats/stylish';
import { renderCompact } from '../../../server/src/cli/formats/compact';
import { renderJson } from '../../../server/src/cli/formats/json';
import type { Report } from '../../../server/src/cli/report';
import { makeStyle } from '../../../server/src/cli/terminalStyle';
import { repoRoot } from '../../helpers/testEnv';

const root = path.resolve('/work/project');
const plain = makeStyle(false);

function sample(): Report {
  return {
    root,
    files: [
      {
        path: 'src/app.js', absolute: path.join(root, 'src', 'app.js'), items: [
          { rule: 'unregistered-status', severity: 'warning', message: '499 is not registered.', line: 3, column: 14, endLine: 3, endColumn: 17, href: 'https://example.com/499' },
          { rule: 'policy', severity: 'error', message: '302 Found: use 303, or 307.\nSee the guide: 100% sure', line: 12, column: 5, endLine: 12, endColumn: 8, topicId: 'http-status-302', prefer: ['303', '307'] },
        ],
      },
      { path: 'dir with space/#x.go', absolute: path.join(root, 'dir with space', '#x.go'), items: [{ rule: 'uncovered-status', severity: 'information', message: 'No topic.', line: 1, column: 1, endLine: 1, endColumn: 4 }] },
    ],
    notes: [{ path: 'big.json', message: '3 MB is over the 2 MB limit' }],
    rules: [
      { id: 'policy', severity: 'warning', description: 'Corpus policy.' },
      { id: 'unregistered-status', severity: 'warning', description: 'Unregistered.', helpUri: 'https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml' },
      { id: 'uncovered-status', severity: 'information', description: 'Uncovered.', helpUri: 'https://example.com/uncovered', enabled: false },
    ],
    checked: 7,
  };
}

/** Renders the report as SARIF and checks it against the schema; returns the parsed log. */
function validSarif(report: Report, version = '1.2.3'): any {
  const validate = sarifValidator();
  const log: unknown = JSON.parse(renderSarif(report, { name: 'api-guidelines', version }));
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  return log;
}

function sarifValidator() {
  const schemaFile = path.join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
}

describe('cli: output formats', () => {
  it('text: groups by file, aligns columns, adds rule ids and links, sums up', () => {
    const out = renderStylish(sample(), plain);
    const lines = out.split('\n');
    assert.strictEqual(lines[0], 'src/app.js');
    assert.match(lines[1], /^ {2}3:14 {2}warning {2}499 is not registered\. +unregistered-status {2}https:\/\/example\.com\/499$/);
    assert.match(lines[2], /^ {2}12:5 {2}error {4}302 Found: use 303, or 307\. See the guide: 100% sure {2}policy$/);
    assert.ok(lines.includes('dir with space/#x.go'));
    assert.match(out, /✖ 3 problems \(1 error, 1 warning, 1 info\) in 7 files\n$/);
    assert.strictEqual(renderStylish({ ...sample(), files: [] }, plain), '✔ No problems in 7 files\n');
    assert.match(renderStylish(sample(), makeStyle(true)), /\x1b\[31merror/);
  });

  it('compact: one file:line:col line per finding', () => {
    const lines = renderCompact(sample(), plain).split('\n');
    assert.strictEqual(lines[0], 'src/app.js:3:14: warning: 499 is not registered. [unregistered-status]');
    assert.strictEqual(lines[2], 'dir with space/#x.go:1:1: information: No topic. [uncovered-status]');
  });

  it('json: files with findings, notes and a summary', () => {
    const doc = JSON.parse(renderJson(sample()));
    assert.strictEqual(doc.version, 1);
    assert.deepStrictEqual(doc.files.map((f: { path: string }) => f.path), ['src/app.js', 'dir with space/#x.go']);
    assert.deepStrictEqual(doc.files[0].findings[1].prefer, ['303', '307']);
    assert.deepStrictEqual(doc.summary, { checked: 7, error: 1, warning: 1, information: 1, hint: 0 });
    assert.deepStrictEqual(doc.notes, [{ path: 'big.json', message: '3 MB is over the 2 MB limit' }]);
  });

  it('github: workflow commands with escaped properties and messages', () => {
    assert.strictEqual(escapeData('a%b\r\nc'), 'a%25b%0D%0Ac');
    assert.strictEqual(escapeProperty('x:y,z%'), 'x%3Ay%2Cz%25');
    const lines = renderGithubAnnotations(sample()).trimEnd().split('\n');
    assert.deepStrictEqual(lines, [
      '::warning file=src/app.js,line=3,col=14,endLine=3,endColumn=17,title=api-guidelines%3A unregistered-status::499 is not registered. (https://example.com/499)',
      '::error file=src/app.js,line=12,col=5,endLine=12,endColumn=8,title=api-guidelines%3A policy::302 Found: use 303, or 307.%0ASee the guide: 100%25 sure',
      '::notice file=dir with space/#x.go,line=1,col=1,endLine=1,endColumn=4,title=api-guidelines%3A uncovered-status::No topic.',
    ]);
    assert.strictEqual(renderGithubAnnotations({ ...sample(), files: [] }), '');
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with rules, help URIs, levels and relative locations', () => {
    const log = validSarif(sample());
    const run = log.runs[0];
    assert.strictEqual(log.version, '2.1.0');
    assert.deepStrictEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), ['policy', 'unregistered-status', 'uncovered-status']);
    assert.strictEqual(run.tool.driver.rules[1].helpUri, 'https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml');
    assert.deepStrictEqual(run.tool.driver.rules[2].defaultConfiguration, { level: 'note', enabled: false });
    assert.deepStrictEqual(run.results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level]),
      [['unregistered-status', 1, 'warning'], ['policy', 0, 'error'], ['uncovered-status', 2, 'note']]);
    assert.deepStrictEqual(run.results[2].locations[0].physicalLocation, {
      artifactLocation: { uri: 'dir%20with%20space/%23x.go', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 4 },
    });
    assert.deepStrictEqual(run.results[1].properties, { topicId: 'http-status-302', prefer: ['303', '307'] });
    assert.strictEqual(run.originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'), true);
    assert.strictEqual(run.invocations[0].toolExecutionNotifications[0].message.text, '3 MB is over the 2 MB limit');
  });

  it('sarif: adds rules it meets that the table lacks, uses file URIs outside the root, and still validates', () => {
    const report = sample();
    report.rules = [];
    report.files[0].absolute = path.resolve('/elsewhere/app.js');
    const log = validSarif(report);
    assert.deepStrictEqual(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id), ['unregistered-status', 'policy', 'uncovered-status']);
    assert.match(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/\/.*elsewhere\/app\.js$/);
  });

  it('sarif: the schema check does catch a broken log', () => {
    const validate = sarifValidator();
    const log = JSON.parse(renderSarif(sample(), { name: 'api-guidelines', version: '1.2.3' }));
    log.runs[0].results[0].level = 'severe';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.strictEqual(validate(log), false);
    assert.strictEqual(validate.errors?.length, 2);
  });
});
