/** The anchors of one source file in a style: `github`, `kramdown`, `mkdocs`, `sphinx`, `asciidoctor` or `html`. */
export function anchorsOf(text: string, style: string): Set<string>;
