import * as assert from 'assert';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import { NodeCorpusFileSystem } from '../../../server/src/node/nodeFileSystem';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { STATUS_CODES, HTTP_METHODS } from '../../../server/src/detect/httpVocabulary';
import { builtinCorpus } from '../../helpers/testEnv';

describe('corpus: the built-in corpus', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await new CorpusSet(new NodeCorpusFileSystem()).load([builtinCorpus]);
  });

  it('passes validation with zero problems', () => {
    assert.deepStrictEqual(index.problems.map((p) => `${p.file}:${p.range.start.line + 1}: ${p.message}`), []);
  });

  it('has a topic for every registered status code and every method', () => {
    const missing = STATUS_CODES.filter((s) => !index.topicForStatus(s.code)).map((s) => s.code);
    assert.deepStrictEqual(missing, []);
    assert.deepStrictEqual(HTTP_METHODS.filter((m) => !index.topicForMethod(m)), []);
  });

  it('uses the API Stylebook ids and categories for status codes', () => {
    assert.strictEqual(index.topicForStatus(403)!.id, 'http-status-403');
    assert.strictEqual(index.topicForStatus(403)!.category, 'HTTP Status User Error');
    assert.strictEqual(index.topicForStatus(503)!.category, 'HTTP Status Server Error');
    assert.strictEqual(index.topicForStatus(201)!.category, 'HTTP Status Success');
  });

  it('gives every topic a description and at least one well-formed reference', () => {
    for (const t of index.topics.values()) {
      assert.ok(t.description.length >= 80, `${t.id}: description too short`);
      const refs = t.guidelines.flatMap((g) => g.references);
      assert.ok(refs.length >= 1, `${t.id}: no reference`);
      for (const r of refs) {
        assert.ok(r.url, `${t.id}: reference without url`);
        const u = new URL(r.url);
        assert.ok(u.protocol === 'https:' || u.protocol === 'http:', `${t.id}: ${r.url}`);
        assert.ok(!/\s/.test(r.url), `${t.id}: whitespace in ${r.url}`);
        if (u.hostname === 'www.rfc-editor.org') assert.match(u.pathname + u.hash, /^\/rfc\/rfc\d+\.html(#(?:section|appendix)-[0-9A-Z](?:[0-9.]*[0-9])?)?$/, `${t.id}: ${r.url}`);
        if (u.hostname === 'developer.mozilla.org') assert.match(u.pathname, /^\/en-US\/docs\/(Web|Glossary)(\/[A-Za-z0-9_.-]+)*\/?$/, `${t.id}: ${r.url}`);
      }
    }
  });

  it('covers the headers API guidelines discuss', () => {
    for (const h of ['Retry-After', 'Location', 'ETag', 'Cache-Control', 'Authorization', 'Link', 'Access-Control-Allow-Origin']) {
      assert.ok(index.topicForHeader(h), h);
    }
  });
});
