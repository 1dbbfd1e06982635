import * as assert from 'assert';
import { fillOnFirstUse } from '../../../server/src/corpus/lazyRecord';
import { parseCorpusPage } from '../../../server/src/corpus/topicPage';

describe('corpus/fillOnFirstUse', () => {
  it('computes the record once, when first touched, not when its holder is copied', () => {
    let calls = 0;
    const record = fillOnFirstUse((c: number) => {
      calls++;
      return { a: 1, b: { c } };
    }, 2);
    const holder = { record };
    const copy = { ...holder };
    assert.strictEqual(calls, 0);
    assert.strictEqual(copy.record.a, 1);
    assert.strictEqual(calls, 1);
    assert.deepStrictEqual(Object.keys(record), ['a', 'b']);
    assert.deepStrictEqual(record, { a: 1, b: { c: 2 } });
    assert.strictEqual(JSON.stringify(holder), '{"record":{"a":1,"b":{"c":2}}}');
    assert.ok('b' in record && !('z' in record));
    assert.strictEqual(calls, 1);
  });

  it('gives topic pages the same field ranges as computing them at once', () => {
    const text = '---\ntopic_id: t\ntopic_category: C\ntopic_name: N\ntopic_description: >-\n  D\n---\n';
    const t = parseCorpusPage({ path: '/c/t.md', text }).topics[0];
    assert.deepStrictEqual(Object.keys(t.fields), ['topic_id', 'topic_category', 'topic_name', 'topic_description']);
    const start = text.indexOf('>-');
    const end = text.indexOf('D\n') + 1;
    assert.deepStrictEqual(t.fields.topic_description, {
      start: { line: 4, character: start - text.lastIndexOf('\n', start) - 1, offset: start }, end: { line: 5, character: 3, offset: end },
    });
    assert.strictEqual(text.slice(t.fields.topic_name.start.offset, t.fields.topic_name.end.offset), 'N');
  });
});
