/** Safe Markdown building: corpus text is untrusted, so it is escaped and links are http(s) only. */
import { isWebUrl } from '../corpus/topicPage';

/**
 * Punctuation that is Markdown syntax anywhere in a line: emphasis, code, links and images (`[`),
 * HTML and autolinks (`<`), strike-through, tables. Other punctuation is escaped only where it acts
 * (see below), so that editors showing hover Markdown as source (Neovim) stay readable.
 */
const INLINE_SYNTAX = /[\\`*_[\]<>|~]/g;
/** At the start of the text: headings, list items, block quotes, thematic breaks. */
const BLOCK_START = /^(#|[-+=]|\d+[.)])/;
/**
 * Autolink triggers: `scheme:`, protocol-relative `//`, `www.` and e-mail addresses (`a@b`). A scheme is tried only
 * from the first letter of a run of scheme characters (no letter before it but digits and `+.-`): tried from every
 * letter, a long word without a colon was read to its end again from each of its letters (quadratic). The matches
 * are the same: a later start in the run would end at the same colon, and a failed first start fails for the rest
 * of the run. The lookbehind reads back only over the digits and `+.-` before a letter.
 */
const AUTOLINK = /(?=[a-z])(?<![a-z][0-9+.-]*)([a-z][a-z0-9+.-]*):(?=\S)|(\/)(?=\/)|([^\s])@|\b(www)\./gi;
/** Control characters and bidirectional overrides: invisible, and able to make text read differently. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
/** Every line ending Markdown renderers know, so that text can never start a block of its own. */
const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/g;

/** Escapes Markdown and HTML so corpus text renders as plain text on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(LINE_BREAK, ' ')
    .trim() // leading spaces would make an indented code block
    .replace(/&/g, '&amp;')
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(AUTOLINK, (m, scheme?: string, slash?: string, user?: string, www?: string) =>
      scheme ? `${scheme}\\:` : slash ? '/\\' : user ? `${user}\\@` : `${www}\\.`)
    .replace(BLOCK_START, (m) => m.replace(/[#\-+=.)]$/, '\\$&'));
}

/**
 * Corpus text for places that show plain text (completion labels and details, symbol names, action titles,
 * quick picks, diagnostic messages): one line, without control characters or bidirectional overrides.
 */
export function plainText(text: string): string {
  return text.replace(INVISIBLE, '').replace(LINE_BREAK, ' ').replace(/[\t\u0085]/g, ' ');
}

/** Text for an editor notification, where `[label](target)` is a live link (`command:` included): no link can form. */
export function notificationText(text: string): string {
  return plainText(text).replace(/\]\s*\(/g, '] (');
}

/** Text as an inline code span: fenced by more backticks than it holds, so that it cannot close early. */
export function inlineCode(text: string): string {
  const flat = text.replace(INVISIBLE, '').replace(LINE_BREAK, ' ');
  // A loop, not `Math.max(...runs)`: a text of 200,000 backtick runs would overflow the stack as arguments.
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end of a span: pad only where a backtick or a space sits at the ends.
  const pad = flat === '' || /^[` ]|[` ]$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
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
