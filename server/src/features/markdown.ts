/** Safe Markdown building: corpus text is untrusted, so it is escaped and links are http(s) only. */
import { isWebUrl } from '../corpus/topicPage';

/** Escapes Markdown and HTML so corpus text renders as plain text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
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
