// Anchors of the Belgif REST guide (belgif/rest-guide), published as one page built from index.adoc and the
// chapter files it includes.
// - Section ids: index.adoc sets `:idprefix:` (empty) and `:idseparator: -` for the whole book, so chapter files
//   get ids like `list-of-status-codes`, not `_list_of_status_codes`. The attributes are appended after the text:
//   anchors.mjs reads `:idprefix:\s*(.*)$`, whose `\s*` would run on into the next line if one followed.
// - Rule ids: the guide's `rule` block extension (asciidoc-extensions/.../RuleBlock.java) gives `[rule, stat-codes]`
//   the id `rule-stat-codes`.
import { anchorsOf } from '../anchors.mjs';

export function anchors(text) {
  const set = anchorsOf(`:idseparator: -\n${text}\n:idprefix:`, 'asciidoctor');
  for (const m of text.matchAll(/^\[rule\s*,\s*([^,\]\s]+)/gm)) set.add(`rule-${m[1]}`);
  return set;
}
