// The anchors a published page has, from its source text, the way each site generator makes them.
// Every style also accepts the ids an author writes by hand (HTML id/name, {#id}, [[id]], [#id], anchor:id[], .. _id:).

/** Headings of a source file, as plain text, in document order. */
function headings(text, syntax) {
  const lines = text.split(/\r?\n/);
  const found = [];
  let fence;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (syntax === 'markdown') {
      const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (f) {
        if (!fence) fence = f[1][0];
        else if (f[1][0] === fence) fence = undefined;
        continue;
      }
      if (fence) continue;
      const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (atx) found.push(atx[1]);
      else if (/^\s{0,3}(=+|-+)\s*$/.test(lines[i + 1] ?? '') && line.trim() && !/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) && !/^\s*[-*+]\s/.test(line)) found.push(line.trim());
      // An HTML heading written in Markdown.
      for (const h of line.matchAll(/<h[1-6][^>]*>(.*?)<\/h[1-6]>/gi)) found.push(h[1]);
    } else if (syntax === 'asciidoc') {
      if (/^(----|\.\.\.\.|````)\s*$/.test(line)) { fence = !fence; continue; }
      if (fence) continue;
      const t = /^={1,6}\s+(.*?)\s*$/.exec(line);
      if (t) found.push(t[1]);
    } else if (syntax === 'rst') {
      const under = lines[i + 1] ?? '';
      if (line.trim() && /^([=\-`:'"~^_*+#<>.])\1+\s*$/.test(under) && under.trim().length >= line.trim().length) found.push(line.trim());
    }
  }
  return found;
}

/** Heading text as the reader sees it: links, emphasis, code marks and HTML tags dropped. */
function rendered(heading) {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|[^\w])[*_](\S(?:.*?\S)?)[*_](?=[^\w]|$)/g, '$1$2')
    .replace(/\{#[^}]*\}\s*$/, '')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .trim();
}

/** Adds `slug`, or `slug` + separator + n for the n-th repeat, as the generators do. */
function uniqueAdder(set, separator, first = 1) {
  const counts = new Map();
  return (slug) => {
    if (!slug) return;
    if (!set.has(slug)) { set.add(slug); counts.set(slug, 0); return; }
    let n = Math.max(counts.get(slug) ?? 0, first - 1) + 1;
    while (set.has(`${slug}${separator}${n}`)) n++;
    counts.set(slug, n);
    set.add(`${slug}${separator}${n}`);
  };
}

const SLUGGERS = {
  // github-slugger: lower case, drop what is not a letter, mark, number, connector, space or hyphen; spaces become hyphens.
  github: { syntax: 'markdown', separator: '-', slug: (h) => rendered(h).toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-') },
  // Classic kramdown auto ids: leading non-letters dropped, then only letters, digits, spaces and hyphens. GitHub Pages
  // parses with kramdown's GFM parser, whose ids are GitHub's: use `github` there.
  kramdown: { syntax: 'markdown', separator: '-', slug: (h) => rendered(h).replace(/^[^a-zA-Z]+/, '').replace(/[^a-zA-Z0-9 -]/g, '').replace(/ /g, '-').toLowerCase() || 'section' },
  // Python-Markdown's toc (MkDocs): ASCII-folded, word characters, spaces and hyphens; runs of them become one hyphen.
  mkdocs: { syntax: 'markdown', separator: '_', slug: (h) => rendered(h).normalize('NFKD').replace(/[^\x00-\x7f]/g, '').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[-\s]+/g, '-') },
  // Docutils (Sphinx) section ids: lower case, runs of other characters become one hyphen, no leading digits or hyphens.
  sphinx: { syntax: 'rst', separator: '-', slug: (h) => h.replace(/`([^`]*)`(_+)?/g, '$1').normalize('NFKD').replace(/[^\x00-\x7f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[-0-9]+|-+$/g, '') },
  html: { syntax: 'none', separator: '-', slug: () => '' },
};

/** Asciidoctor auto ids: `_` prefix and separator unless the document sets :idprefix: / :idseparator:. */
function asciidocAnchors(text, set) {
  const prefix = /^:idprefix:[ \t]*(.*)$/m.exec(text)?.[1]?.trim() ?? '_';
  const separator = /^:idseparator:[ \t]*(.*)$/m.exec(text)?.[1]?.trim() ?? '_';
  const add = uniqueAdder(set, '_', 2);
  const esc = separator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const h of headings(text, 'asciidoc')) {
    const plain = h.replace(/<<[^>]*>>/g, '').replace(/\[\[[^\]]*\]\]|\[#[^\]]*\]/g, '').replace(/[`*_+#]/g, '').toLowerCase();
    let id = prefix + plain.replace(/&\w+;|&#\d+;/g, '').replace(/[^\p{L}\p{N}]+/gu, separator || '');
    if (separator) id = id.replace(new RegExp(`${esc}+`, 'g'), separator).replace(new RegExp(`${esc}$`), '');
    add(id);
  }
}

/** Ids written by hand, in any of the common syntaxes. */
function explicitAnchors(text, set) {
  const patterns = [
    /\bid\s*=\s*["']([^"']+)["']/g,
    /<a\b[^>]*\bname\s*=\s*["']([^"']+)["']/gi,
    /\{#([^}\s]+)[^}]*\}/g,
    /\[\[([^\],\]]+)(?:,[^\]]*)?\]\]/g,
    /^\[#([^\],.%\s]+)[^\]]*\]/gm,
    /\banchor:([^[\s]+)\[/g,
    /^\.\. _([^:`]+):/gm,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) set.add(m[1].trim());
  // Sphinx labels are referenced lower case, spaces as hyphens.
  for (const m of text.matchAll(/^\.\. _([^:`]+):/gm)) set.add(m[1].trim().toLowerCase().replace(/\s+/g, '-'));
}

/** The anchors of one source file in a style: `github`, `kramdown`, `mkdocs`, `sphinx`, `asciidoctor` or `html`. */
export function anchorsOf(text, style) {
  const set = new Set();
  explicitAnchors(text, set);
  if (style === 'asciidoctor') {
    asciidocAnchors(text, set);
    return set;
  }
  const slugger = SLUGGERS[style];
  if (!slugger) throw new Error(`unknown anchor style '${style}' (known: ${[...Object.keys(SLUGGERS), 'asciidoctor'].join(', ')}, or scripts/atlas/styles/<name>.mjs)`);
  const add = uniqueAdder(set, slugger.separator);
  for (const h of headings(text, slugger.syntax)) add(slugger.slug(h));
  return set;
}
