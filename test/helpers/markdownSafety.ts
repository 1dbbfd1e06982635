/**
 * Reads hover Markdown the way an editor would and lists what in it would be active: raw HTML, images
 * and links. The parser is markdown-it with HTML and linkify on (the most permissive setting an editor
 * could use) and its own link filter off, so that every link the text makes shows up here.
 */
interface MdToken {
  type: string;
  content: string;
  markup: string;
  attrGet(name: string): string | null;
  children: MdToken[] | null;
}
interface MarkdownIt {
  parse(src: string, env: object): MdToken[];
  render(src: string): string;
  validateLink: (url: string) => boolean;
}
const createMarkdownIt = require('markdown-it') as (options: object) => MarkdownIt;

const md = createMarkdownIt({ html: true, linkify: true });
md.validateLink = () => true;

export interface ActiveContent {
  kind: 'html' | 'image' | 'link';
  detail: string;
}

function walk(tokens: MdToken[], visit: (t: MdToken) => void): void {
  for (const t of tokens) {
    visit(t);
    if (t.children) walk(t.children, visit);
  }
}

/** Every link target in the Markdown, as the renderer reads it. */
export function linkTargets(markdown: string): string[] {
  const hrefs: string[] = [];
  walk(md.parse(markdown, {}), (t) => {
    if (t.type === 'link_open') hrefs.push(t.attrGet('href') ?? '');
  });
  return hrefs;
}

/** HTML, images, and links whose target `allowed` refuses. Empty when the Markdown is inert. */
export function activeContent(markdown: string, allowed: (href: string) => boolean): ActiveContent[] {
  const found: ActiveContent[] = [];
  walk(md.parse(markdown, {}), (t) => {
    if (t.type === 'html_block' || t.type === 'html_inline') found.push({ kind: 'html', detail: t.content });
    else if (t.type === 'image') found.push({ kind: 'image', detail: t.attrGet('src') ?? '' });
    else if (t.type === 'link_open' && !allowed(t.attrGet('href') ?? '')) found.push({ kind: 'link', detail: `${t.markup} ${t.attrGet('href')}` });
  });
  return found;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text a reader sees once the Markdown is rendered (tags dropped, entities decoded, whitespace collapsed). */
export function renderedText(markdown: string): string {
  return md.render(markdown)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ENTITIES[e])
    .replace(/\s+/g, ' ')
    .trim();
}

/** Link targets an API Guidelines hover may have: http(s) pages, plus what the caller trusts. */
export function webOr(...trusted: string[]): (href: string) => boolean {
  return (href) => /^https?:\/\/[^\s]+$/i.test(href) || trusted.includes(href);
}

/** Corpus text written to do harm once rendered in an editor's hover. */
export const HOSTILE = [
  '[quit](command:workbench.action.quit)',
  '<img src=x onerror=alert(1)>',
  '![pixel](https://evil.example/track.png)',
  '<script>alert(1)</script>',
  '<!-- hidden --> <a href="command:workbench.action.quit">click</a>',
  '[js](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)',
  '<command:workbench.action.quit> <javascript:alert(1)> <https://evil.example>',
  '`code` ``` fenced ``` and a lone `',
  'line one\n# Heading\n\n[ref]: command:workbench.action.quit\n\n[ref]',
  'carriage\r- item\r===\r    indented code',
  '&lt;img src=x onerror=alert(1)&gt; &#x3C;b&#x3E; &amp;',
  'mail me@evil.example, ftp://evil.example, mailto:me@evil.example, www.evil.example',
  '| a | b |\n|---|---|\n| c | d |',
  '**bold** _em_ ~~strike~~ \\[escaped\\] \\',
  '$(zap) {{template}} ${expr} <%= erb %>',
  'bidi \u202eevil\u202c, nul \u0000 and bell \u0007',
  '1. ordered\n2) also\n> quote\n---\n***',
];

/** What a reader should see of a hostile string: the same text on one line. */
export function asPlainText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
}
