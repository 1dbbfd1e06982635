import * as assert from 'assert';
import * as fs from 'fs';
import { parseCorpusPage } from '../../../server/src/corpus/topicPage';
import { requireShared, sharedPath } from '../../helpers/testEnv';

const page = (front: string, body = '') => `---\n${front}\n---\n${body}`;
const TOPIC = `layout: topic
topic_id: http-status-403
topic_category: HTTP Status User Error
topic_name: 403 Forbidden
topic_description: Refused.`;

describe('corpus/topicPage', () => {
  it('parses the seed page into its 4 guidelines and their references', function () {
    requireShared(this);
    const dir = sharedPath('seeds');
    const file = fs.readdirSync(dir).map((n) => `${dir}/${n}`)[0];
    const parsed = parseCorpusPage({ path: file, text: fs.readFileSync(file, 'utf8') });
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.topics.length, 1);
    const t = parsed.topics[0];
    assert.strictEqual(t.id, 'http-status-403');
    assert.strictEqual(t.status, 403);
    assert.strictEqual(t.name, '403 Forbidden');
    assert.strictEqual(t.category, 'HTTP Status User Error');
    assert.match(t.description, /refusing to respond/);
    assert.deepStrictEqual(t.guidelines.map((g) => g.company), ['Cloud Foundry', 'Haufe', 'Heroku', 'Zalando']);
    assert.deepStrictEqual(t.guidelines.map((g) => g.references.length), [1, 1, 2, 1]);
    assert.deepStrictEqual(t.guidelines[0].references[0], { name: 'Client Errors', url: 'https://github.com/cloudfoundry/cc-api-v3-style-guide#client-errors' });
    assert.strictEqual(t.range.start.line, 5, 'topic_id value is on line 6');
  });

  it('remembers the line of each field', () => {
    const t = parseCorpusPage({ path: 'a.md', text: page(TOPIC) }).topics[0];
    assert.strictEqual(t.fields.topic_name.start.line, 4);
    assert.strictEqual(t.fields.topic_description.start.line, 5);
  });

  it('handles a BOM and CRLF line ends', () => {
    const text = '\ufeff' + page(TOPIC, 'Body').replace(/\n/g, '\r\n');
    const parsed = parseCorpusPage({ path: 'a.md', text });
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.topics[0].body, 'Body');
    assert.strictEqual(parsed.topics[0].fields.topic_name.start.line, 4);
  });

  it('reports malformed YAML with file, line and column', () => {
    const parsed = parseCorpusPage({ path: 'bad.md', text: page(`${TOPIC}\nguidelines: [unclosed`) });
    assert.strictEqual(parsed.topics.length, 0);
    const p = parsed.problems[0];
    assert.strictEqual(p.file, 'bad.md');
    assert.strictEqual(p.code, 'yaml-syntax');
    assert.strictEqual(p.severity, 'error');
    assert.ok(p.range.start.line >= 6, `line ${p.range.start.line}`);
  });

  it('reports missing required fields at the page', () => {
    const parsed = parseCorpusPage({ path: 'a.md', text: page('layout: topic\ntopic_id: x\ntopic_name: X') });
    assert.deepStrictEqual(parsed.problems.map((p) => p.code), ['missing-field', 'missing-field']);
    assert.match(parsed.problems[0].message, /topic_category/);
    assert.match(parsed.problems[1].message, /topic_description/);
    assert.strictEqual(parsed.topics.length, 0);
  });

  it('reports wrong types', () => {
    const parsed = parseCorpusPage({ path: 'a.md', text: page(`${TOPIC.replace('topic_name: 403 Forbidden', 'topic_name: [a, b]')}\nguidelines: yes`) });
    assert.deepStrictEqual(parsed.problems.map((p) => [p.code, p.range.start.line]), [['wrong-type', 4], ['wrong-type', 6]]);
  });

  it('reads a references mapping as one reference and says so', () => {
    const text = page(`${TOPIC}\nguidelines:\n  - guideline_id: g\n    guideline_title: G\n    guideline_company: C\n    references:\n      name: Only one\n      url: https://example.com/a`);
    const parsed = parseCorpusPage({ path: 'a.md', text });
    assert.deepStrictEqual(parsed.problems.map((p) => [p.code, p.severity, p.range.start.line]), [['expected-list', 'warning', 11]]);
    assert.deepStrictEqual(parsed.topics[0].guidelines[0].references, [{ name: 'Only one', url: 'https://example.com/a' }]);
  });

  it('accepts only http(s) URLs', () => {
    const text = page(`${TOPIC}\nguidelines:\n  - guideline_id: g\n    guideline_title: G\n    guideline_company: C\n    references:\n      - name: Bad\n        url: 'javascript:alert(1)'\n      - name: Cmd\n        url: 'command:workbench.action.quit'`);
    const parsed = parseCorpusPage({ path: 'a.md', text });
    assert.deepStrictEqual(parsed.problems.map((p) => p.code), ['invalid-url', 'invalid-url']);
    assert.deepStrictEqual(parsed.topics[0].guidelines[0].references, [{ name: 'Bad', url: undefined }, { name: 'Cmd', url: undefined }]);
  });

  it('reports a page without front matter and an unclosed one', () => {
    assert.strictEqual(parseCorpusPage({ path: 'a.md', text: '# Title' }).problems[0].code, 'no-front-matter');
    assert.strictEqual(parseCorpusPage({ path: 'a.md', text: '---\ntopic_id: x\n' }).problems[0].code, 'front-matter-unclosed');
  });

  it('reads policies', () => {
    const text = page(`${TOPIC.replace(/403/g, '302')}\ntopic_policy:\n  severity: error\n  message: Use 303 or 307.\n  prefer: [303, 307]`);
    const t = parseCorpusPage({ path: 'a.md', text }).topics[0];
    assert.deepStrictEqual({ ...t.policy, range: undefined }, { severity: 'error', message: 'Use 303 or 307.', prefer: ['303', '307'], range: undefined });
    const bad = parseCorpusPage({ path: 'a.md', text: page(`${TOPIC}\ntopic_policy:\n  severity: loud`) });
    assert.deepStrictEqual(bad.problems.map((p) => p.code), ['invalid-value']);
  });

  it('reads guideline pages', () => {
    const parsed = parseCorpusPage({ path: 'g.md', text: page("layout: guideline\nguideline_id: rfc9110\nguideline_title: 'RFC 9110'\nguideline_company: IETF\nguideline_url: https://www.rfc-editor.org/rfc/rfc9110.html", 'About it.') });
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.guidelines[0].id, 'rfc9110');
    assert.strictEqual(parsed.guidelines[0].description, 'About it.');
  });
});

describe('corpus/topicPage: front matter variants', () => {
  it('reads a `---yaml` opening delimiter through gray-matter, with the right lines', () => {
    const text = `---yaml\n${TOPIC}\n---\nBody`;
    const parsed = parseCorpusPage({ path: 'a.md', text });
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.topics[0].id, 'http-status-403');
    assert.strictEqual(parsed.topics[0].fields.topic_name.start.line, 4);
    assert.strictEqual(parsed.topics[0].body, 'Body');
  });

  it('does not take `----` or `--- text` for front matter', () => {
    assert.strictEqual(parseCorpusPage({ path: 'a.md', text: `----\n${TOPIC}\n---\n` }).problems[0].code, 'no-front-matter');
    assert.strictEqual(parseCorpusPage({ path: 'a.md', text: `--- title\n${TOPIC}\n---\n` }).problems[0].code, 'no-front-matter');
  });
});
