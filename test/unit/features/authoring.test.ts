import * as assert from 'assert';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import { completeCorpusPage, defineCorpusPage, frontMatterRegion, hoverCorpusPage, linkCorpusPage } from '../../../server/src/features/authoring';
import { caret } from '../../helpers/testEnv';
import { MemoryFileSystem } from '../../helpers/memoryFileSystem';

const guidelinePage = '---\nlayout: guideline\nguideline_id: acme\nguideline_title: Acme API Guide\nguideline_company: Acme\nguideline_url: https://acme.example/api\n---\nHow Acme builds APIs.\n\nSecond paragraph.\n';
const topicPage = (id: string, category: string, gid: string) =>
  `---\ntopic_id: ${id}\ntopic_category: ${category}\ntopic_name: ${id}\ntopic_description: About ${id}.\nguidelines:\n  - guideline_id: ${gid}\n    references:\n      - name: Ref\n        url: https://acme.example/${id}\n---\n`;

async function loadIndex(): Promise<CorpusIndex> {
  const fs = new MemoryFileSystem({
    '/c/guidelines/acme.md': guidelinePage,
    '/c/topics/http-status-403.md': topicPage('http-status-403', 'HTTP Status User Error', 'acme'),
    '/c/topics/http-status-404.md': topicPage('http-status-404', 'HTTP Status User Error', 'acme'),
    '/c/topics/versioning.md': topicPage('versioning', 'Design', 'acme'),
    '/c/topics/inline.md': topicPage('inline', 'Design', 'zeta').replace('    references:', '    guideline_title: Zeta Rules\n    guideline_company: Zeta\n    references:'),
  });
  const index = await new CorpusSet(fs).load(['/c']);
  assert.deepStrictEqual(index.problems, []);
  return index;
}

function complete(index: CorpusIndex, marked: string) {
  const { text, offset } = caret(marked);
  return completeCorpusPage(text, offset, index);
}

/** Markdown without its escapes, so that assertions do not depend on which characters get escaped. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1');

const labels = (r: ReturnType<typeof complete>) => r?.items.map((i) => i.label);

describe('features/authoring', () => {
  let index: CorpusIndex;
  before(async () => { index = await loadIndex(); });

  it('finds the front matter, closed or not', () => {
    assert.deepStrictEqual(frontMatterRegion('---\na: 1\n---\nbody'), { start: 4, end: 9, closed: true });
    assert.deepStrictEqual(frontMatterRegion('---\na: 1\n'), { start: 4, end: 9, closed: false });
    assert.strictEqual(frontMatterRegion('# Title\n---\n'), undefined);
  });

  it('completes top-level topic fields, required first, without the ones present', () => {
    const r = complete(index, '---\nlayout: topic\ntopic_id: x\ntop|\n---\n');
    assert.ok(r);
    assert.deepStrictEqual(labels(r)!.slice(0, 3), ['topic_category', 'topic_name', 'topic_description']);
    assert.ok(!labels(r)!.includes('topic_id'));
    assert.ok(!labels(r)!.includes('layout'));
    assert.ok(labels(r)!.includes('guidelines'));
    assert.ok(!labels(r)!.includes('guideline_company'), 'guideline fields belong to guideline pages');
    const text = '---\nlayout: topic\ntopic_id: x\ntop';
    assert.deepStrictEqual([r.from, r.to], [text.length - 3, text.length]);
    assert.strictEqual(r.items[0].insertText, 'topic_category: ');
  });

  it('completes guideline page fields when the layout says so', () => {
    const r = complete(index, '---\nlayout: guideline\n|\n---\n');
    assert.deepStrictEqual(labels(r)!.slice(0, 3), ['guideline_id', 'guideline_title', 'guideline_company']);
    assert.ok(!labels(r)!.includes('topic_id'));
  });

  it('completes the fields of a guideline entry and of a reference by indentation', () => {
    const entry = complete(index, '---\ntopic_id: x\nguidelines:\n  - guideline_id: acme\n    |\n---\n');
    assert.ok(labels(entry)!.includes('references'));
    assert.ok(labels(entry)!.includes('guideline_title'));
    assert.ok(!labels(entry)!.includes('guideline_id'), 'already in this entry');
    const next = complete(index, '---\ntopic_id: x\nguidelines:\n  - guideline_id: acme\n    references: []\n  - |\n---\n');
    assert.strictEqual(labels(next)![0], 'guideline_id', 'a new entry starts empty');
    const ref = complete(index, '---\ntopic_id: x\nguidelines:\n  - guideline_id: acme\n    references:\n      - name: A\n        u|\n---\n');
    assert.deepStrictEqual(labels(ref), ['url', 'rule', 'level', 'asks']);
    const policy = complete(index, '---\ntopic_id: x\ntopic_policy:\n  sev|\n---\n');
    assert.deepStrictEqual(labels(policy), ['severity', 'message', 'prefer']);
  });

  it('completes guideline ids known to the index, with their title and company', () => {
    const r = complete(index, '---\ntopic_id: x\nguidelines:\n  - guideline_id: ac|\n---\n');
    assert.deepStrictEqual(labels(r), ['acme', 'zeta']);
    assert.strictEqual(r!.items[0].detail, 'Acme — Acme API Guide');
    assert.strictEqual(r!.items[1].detail, 'Zeta — Zeta Rules');
    const text = '---\ntopic_id: x\nguidelines:\n  - guideline_id: ac';
    assert.deepStrictEqual([r!.from, r!.to], [text.length - 2, text.length]);
  });

  it('completes categories, layouts and severities', () => {
    const cats = complete(index, '---\ntopic_category: |\n---\n');
    assert.deepStrictEqual(labels(cats), ['Design', 'HTTP Status User Error']);
    assert.strictEqual(cats!.items[0].detail, '2 topics');
    assert.deepStrictEqual(labels(complete(index, '---\nlayout: |\n---\n')), ['topic', 'guideline']);
    assert.deepStrictEqual(labels(complete(index, "---\ntopic_policy:\n  severity: 'w|\n---\n")), ['error', 'warning', 'information', 'hint']);
  });

  it('offers nothing inside block text, in the body, or after free text', () => {
    assert.strictEqual(complete(index, '---\ntopic_description: >-\n  The server und|\n---\n'), undefined);
    assert.strictEqual(complete(index, '---\ntopic_id: x\n---\nSome bo|dy'), undefined);
    assert.strictEqual(complete(index, '---\ntopic_name: 403 Forb|\n---\n'), undefined);
  });

  it('offers page skeletons in an empty page', () => {
    const r = complete(index, '|');
    assert.deepStrictEqual(labels(r), ['topic page', 'guideline page']);
    assert.ok(r!.items.every((i) => i.snippet && i.insertText.startsWith('---\nlayout: ')));
    assert.strictEqual(complete(index, '# Notes\n|'), undefined);
  });

  it('hovers a guideline id with the guideline, and field names with their documentation', () => {
    const { text, offset } = caret(topicPage('t', 'Design', 'acme').replace('guideline_id: acme', 'guideline_id: ac|me'));
    const h = hoverCorpusPage(text, offset, index, { fileLink: (f, l) => `file://${f}#L${l + 1}` });
    assert.ok(h);
    assert.strictEqual(text.slice(h.start, h.end), 'acme');
    assert.match(plain(h.markdown), /^### Acme API Guide/);
    assert.match(plain(h.markdown), /\*Acme\* · \[guideline page\]\(file:\/\/\/c\/guidelines\/acme\.md#L3\)/);
    assert.match(plain(h.markdown), /How Acme builds APIs\./);
    assert.doesNotMatch(h.markdown, /Second paragraph/);
    assert.match(plain(h.markdown), /Cited by 3 topics/);

    const unknown = caret("---\ntopic_id: t\nguidelines:\n  - guideline_id: 'no|pe'\n---\n");
    const u = hoverCorpusPage(unknown.text, unknown.offset, index)!;
    assert.match(plain(u.markdown), /Unknown guideline id/);
    assert.strictEqual(unknown.text.slice(u.start, u.end), 'nope');

    const key = caret('---\ntopic_sta|tus: 403\n---\n');
    assert.match(plain(hoverCorpusPage(key.text, key.offset, index)!.markdown), /^\*\*topic_status\*\* \(optional\)/);
    const body = caret('---\ntopic_id: t\n---\nguideline_id: ac|me\n');
    assert.strictEqual(hoverCorpusPage(body.text, body.offset, index), undefined);
  });

  it('hovers and defines `prefer` entries as topics', () => {
    const { text, offset } = caret('---\ntopic_id: t\ntopic_policy:\n  prefer: [40|4, versioning]\n---\n');
    assert.match(plain(hoverCorpusPage(text, offset, index)!.markdown), /^### http-status-404/);
    assert.deepStrictEqual(defineCorpusPage(text, offset, index)?.file, '/c/topics/http-status-404.md');
  });

  it('defines a guideline id as its guideline page', () => {
    const { text, offset } = caret('---\ntopic_id: t\nguidelines:\n  - guideline_id: a|cme\n---\n');
    const d = defineCorpusPage(text, offset, index);
    assert.strictEqual(d?.file, '/c/guidelines/acme.md');
    assert.strictEqual(d?.range.start.line, 2);
  });

  it('links reference URLs, guideline ids and preferred topics', () => {
    const text = "---\ntopic_id: t\ntopic_policy:\n  prefer: [versioning]\nguidelines:\n  - guideline_id: acme\n    guideline_url: 'https://acme.example/api'\n    references:\n      - name: Ref\n        url: https://acme.example/r#x\n      - name: Bad\n        url: javascript:alert(1)\n  - guideline_id: nope\n---\n[body](https://not.linked.here)\n";
    const links = linkCorpusPage(text, index, { fileLink: (f, l) => `file://${f}#L${l + 1}` });
    assert.deepStrictEqual(links.map((l) => [text.slice(l.start, l.end), l.target]), [
      ['versioning', 'file:///c/topics/versioning.md#L2'],
      ['acme', 'file:///c/guidelines/acme.md#L3'],
      ['https://acme.example/api', 'https://acme.example/api'],
      ['https://acme.example/r#x', 'https://acme.example/r#x'],
    ]);
  });

  describe('guideline pages with topics and rules', () => {
    const head = '---\nlayout: guideline\nguideline_id: acme2\nguideline_title: T\nguideline_company: C\n';

    it('completes the atlas fields of a guideline page', () => {
      const r = labels(complete(index, `${head}guideline_|\n---\n`))!;
      for (const f of ['guideline_summary', 'guideline_revision', 'guideline_rules', 'guideline_kind']) assert.ok(r.includes(f), f);
      assert.deepStrictEqual(labels(complete(index, `${head}guideline_revision:\n  |\n---\n`)), ['date', 'repository', 'commit']);
      assert.deepStrictEqual(labels(complete(index, `${head}guideline_kind: |\n---\n`)), ['standard', 'guideline']);
    });

    it('offers topic ids under topics:, and reference fields with levels under a topic id', () => {
      const ids = labels(complete(index, `${head}topics:\n  http-status-403:\n    - name: x\n  |\n---\n`))!;
      assert.deepStrictEqual(ids, ['http-status-404', 'inline', 'versioning'], 'topics already listed are left out');
      const fields = labels(complete(index, `${head}topics:\n  http-status-403:\n    - name: x\n      |\n---\n`))!;
      assert.deepStrictEqual(fields, ['url', 'rule', 'level', 'asks']);
      const levels = labels(complete(index, `${head}topics:\n  http-status-403:\n    - name: x\n      level: |\n---\n`))!;
      assert.ok(levels.includes('MUST NOT') && levels.includes('SHOULD'));
    });

    it('completes rule and check fields', () => {
      assert.deepStrictEqual(labels(complete(index, `${head}guideline_rules:\n  - rule: '1'\n    |\n---\n`))!.slice(0, 2), ['name', 'check']);
      assert.ok(labels(complete(index, `${head}guideline_rules:\n  - rule: '1'\n    check:\n      |\n---\n`))!.includes('status_allowed'));
    });

    it('hovers and links a topic id under topics: to its topic', () => {
      const text = `${head}topics:\n  http-status-403:\n    - name: x\n      url: https://acme.example/x\n---\n`;
      const at = text.indexOf('http-status-403') + 3;
      assert.match(plain(hoverCorpusPage(text, at, index)!.markdown), /^### http-status-403/);
      assert.strictEqual(defineCorpusPage(text, at, index)!.file, '/c/topics/http-status-403.md');
      const links = linkCorpusPage(text, index, { fileLink: (f, l) => `file://${f}#L${l + 1}` });
      assert.ok(links.some((l) => l.target === 'file:///c/topics/http-status-403.md#L2' && text.slice(l.start, l.end) === 'http-status-403'), JSON.stringify(links));
    });
  });
});
