import * as assert from 'assert';
import { escapeIcons, groupByCategory, insertionText, isOpenableUrl, notificationText, referenceLinks, topicDetail, topicIcon } from '../../../client/src/topicItems';
import type { TopicSummary } from '../../../server/src/protocol';

const topic = (over: Partial<TopicSummary>): TopicSummary => ({
  id: 'x', name: 'X', category: 'Design', description: 'About x.', uri: 'file:///c/x.md', line: 2, guidelines: [], ...over,
});

describe('client/topicItems', () => {
  it('inserts the status code, method or header; nothing for design topics', () => {
    assert.strictEqual(insertionText(topic({ status: 403 })), '403');
    assert.strictEqual(insertionText(topic({ method: 'PATCH' })), 'PATCH');
    assert.strictEqual(insertionText(topic({ header: 'Retry-After' })), 'Retry-After');
    assert.strictEqual(insertionText(topic({})), undefined);
    assert.deepStrictEqual([topic({ status: 200 }), topic({ method: 'GET' }), topic({ header: 'ETag' }), topic({})].map(topicIcon),
      ['symbol-constant', 'symbol-method', 'symbol-field', 'book']);
  });

  it('groups by category in the order the server ranked', () => {
    const list = [topic({ id: 'a', category: 'B' }), topic({ id: 'b', category: 'A' }), topic({ id: 'c', category: 'B' })];
    assert.deepStrictEqual(groupByCategory(list).map((g) => [g.category, g.topics.map((t) => t.id)]), [['B', ['a', 'c']], ['A', ['b']]]);
  });

  it('shortens the description and names the companies once', () => {
    const g = (company: string) => ({ company, title: 'T', references: [] });
    const detail = topicDetail(topic({ description: 'word '.repeat(60), guidelines: [g('IETF'), g('Zalando'), g('IETF')] }), 40);
    assert.match(detail, /^(word ){7}word… — IETF, Zalando$/);
  });

  it('lists each guideline URL and its references, skipping entries without a link', () => {
    const t = topic({
      guidelines: [
        { company: 'IETF', title: 'RFC 9110', url: 'https://rfc/9110', references: [{ name: '15.5.4', url: 'https://rfc/9110#15.5.4' }, { name: 'no link' }] },
        { company: 'Acme', title: 'Guide', references: [{ name: 'Errors', url: 'https://acme/errors' }] },
      ],
    });
    assert.deepStrictEqual(referenceLinks(t).map((l) => [l.group, l.label, l.whole]), [
      ['IETF — RFC 9110', 'RFC 9110', true],
      ['IETF — RFC 9110', '15.5.4', false],
      ['Acme — Guide', 'Errors', false],
    ]);
  });

  it('opens http(s) URLs only', () => {
    assert.ok(isOpenableUrl('https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4'));
    assert.ok(isOpenableUrl('http://example.com'));
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'command:workbench.action.quit', 'https://', 'not a url', 42, undefined]) {
      assert.ok(!isOpenableUrl(bad), String(bad));
    }
  });
});

describe('client/topicItems: corpus text in quick picks', () => {
  it('shows $(icon) syntax from the corpus as written, not as an icon', () => {
    assert.strictEqual(escapeIcons('Use $(zap) and $(alert~spin) now'), 'Use \\$(zap) and \\$(alert~spin) now');
    assert.strictEqual(escapeIcons('already \\$(zap) escaped, $ (x), $(no space)'), 'already \\$(zap) escaped, $ (x), $(no space)');
  });

  it('escapes in linear time on a long run of openers', () => {
    const text = '$(a'.repeat(50_000);
    assert.strictEqual(escapeIcons(text), text);
  });
});

describe('client/topicItems: corpus text in notifications', () => {
  it('never forms a [label](target) link, and stays on one line', () => {
    assert.strictEqual(notificationText('[quit](command:workbench.action.quit) and [x] (y)'), '[quit] (command:workbench.action.quit) and [x] (y)');
    assert.strictEqual(notificationText('a\nb\u202ec'), 'a b c');
  });
});
