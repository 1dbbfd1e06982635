import * as assert from 'assert';
import * as fc from 'fast-check';
import type { Topic } from '../../../server/src/corpus/model';
import { isWebUrl } from '../../../server/src/corpus/topicPage';
import { renderTopic } from '../../../server/src/features/hoverContent';
import { escapeMarkdown } from '../../../server/src/features/markdown';
import { HOSTILE, activeContent, asPlainText, linkTargets, renderedText, webOr } from '../../helpers/markdownSafety';
import { runs } from './corpusArbitraries';

/** Markdown and HTML syntax, URL schemes and odd characters, glued to arbitrary text. */
const SYNTAX = ['[', ']', '(', ')', '![', '](', '<', '>', '</', '/>', '`', '```', '*', '_', '~~', '#', '- ', '1. ', '> ', '|', '\\', '&', '&lt;', '&#x3C;',
  ':', '@', '//', 'command:', 'javascript:', 'data:', 'file:', 'mailto:', 'https://', 'www.', '.example', 'onerror=', '"', "'", '=',
  '\n', '\r', '\r\n', '\n\n', '    ', '\t', '\u2028', '\u202e', '\u0000', '$(', '{{', '<!--', '-->'];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.array(fc.oneof({ arbitrary: fc.constantFrom(...SYNTAX), weight: 3 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 1 }), { maxLength: 30 }).map((p) => p.join('')),
);

/** Mostly valid web URLs, some hostile ones: the corpus reader rejects those, the renderer must too. */
const url = fc.option(fc.oneof({ arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }), weight: 3 }, { arbitrary: hostileText, weight: 1 }));

const topic = fc.record({
  name: hostileText, category: hostileText, description: hostileText,
  policy: fc.option(fc.record({ message: fc.option(hostileText, { nil: undefined }), prefer: fc.array(hostileText, { maxLength: 3 }) }), { nil: undefined }),
  guidelines: fc.array(fc.record({
    title: hostileText, company: hostileText, url,
    references: fc.array(fc.record({ name: hostileText, url }), { maxLength: 3 }),
  }), { maxLength: 4 }),
}).map((t): Topic => {
  const range = { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 0, offset: 0 } };
  return {
    id: 't', name: t.name, category: t.category, description: t.description, file: '/c/t.md', range, fields: {}, root: 0,
    policy: t.policy && { severity: 'warning', message: t.policy.message, prefer: t.policy.prefer, range },
    guidelines: t.guidelines.map((g, i) => ({
      guidelineId: `g${i}`, title: g.title, company: g.company, url: g.url ?? undefined, range,
      references: g.references.map((r) => ({ name: r.name, url: r.url ?? undefined })),
    })),
  };
});

describe('property: hover Markdown from untrusted corpus text', function () {
  this.timeout(120_000);

  it('escapes any text into inert Markdown that renders as the same text', () => {
    fc.assert(fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 200 })), (s) => {
      const md = escapeMarkdown(s);
      assert.deepStrictEqual(activeContent(md, () => false), []);
      assert.strictEqual(renderedText(md), asPlainText(s));
    }), runs(3000));
  });

  it('renders any topic with http(s) links only: one per web URL, plus the search command when asked', () => {
    fc.assert(fc.property(topic, fc.boolean(), (t, commandLinks) => {
      const md = renderTopic(t, { searchCommand: commandLinks ? 'apiGuidelines.searchTopics' : undefined });
      assert.deepStrictEqual(activeContent(md, webOr(...(commandLinks ? ['command:apiGuidelines.searchTopics'] : []))), []);
      const web = t.guidelines.flatMap((g) => [g.url, ...g.references.map((r) => r.url)]).filter((u) => u !== undefined && isWebUrl(u));
      assert.strictEqual(linkTargets(md).length, web.length + (commandLinks ? 1 : 0));
    }), runs(1500));
  });
});
