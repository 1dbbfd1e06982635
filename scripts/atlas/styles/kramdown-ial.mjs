// IBM Cloud Docs Markdown (ibm-cloud-docs/*): every heading that can be linked carries a kramdown block
// attribute list with an explicit id on the next line, `{: #id}` (note the colon). Those ids are the anchors of
// the published page (https://cloud.ibm.com/docs/<subcollection>?topic=<subcollection>-<page id>#<id>).
// Headings without such a list get no dependable anchor, so only the explicit ids count.
export function anchors(text) {
  const set = new Set();
  for (const m of text.matchAll(/\{:\s*#([\w][\w:.-]*)[^}]*\}/g)) set.add(m[1]);
  return set;
}
