/** Safe Markdown building: corpus text is untrusted, so it is escaped and links are http(s) only. */
import { isWebUrl } from '../corpus/topicPage';

/**
 * ASCII punctuation that starts Markdown syntax (CommonMark and GFM): emphasis, code, links, images,
 * headings, lists, tables, strike-through, block quotes; `:` and `@` so that no text autolinks as
 * `ftp://…`, `mailto:` or an e-mail address.
 */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~>:@]/g;
/** Control characters and bidirectional overrides: invisible, and able to make text read differently. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
/** Every line ending Markdown renderers know, so that text can never start a block of its own. */
const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/g;

/** Escapes Markdown and HTML so corpus text renders as plain text on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .trim() // leading spaces would make an indented code block
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(LINE_BREAK, ' ');
}

/** Text as an inline code span: fenced by more backticks than it holds, so that it cannot close early. */
export function inlineCode(text: string): string {
  const flat = text.replace(INVISIBLE, '').replace(LINE_BREAK, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${flat} ${fence}`;
}

/** A Markdown link to an http(s) URL; anything else becomes plain text. */
export function link(label: string, url: string | undefined): string {
  if (!url || !isWebUrl(url)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${encodeLinkTarget(url)})`;
}

/** Keeps a URL inside the link's parentheses whatever it contains. */
export function encodeLinkTarget(url: string): string {
  return url.replace(/[()<>\s"'\\`]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
