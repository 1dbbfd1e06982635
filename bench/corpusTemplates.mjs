// A large company corpus: topic pages in the API Stylebook page format, with guideline pages they cite.

const AREAS = ['Payments', 'Identity', 'Catalog', 'Search', 'Messaging', 'Billing', 'Shipping', 'Analytics', 'Storage', 'Platform'];
const SUBJECTS = ['pagination', 'idempotency keys', 'error payloads', 'field naming', 'versioning', 'rate limits', 'long-running operations',
  'filtering', 'sorting', 'partial responses', 'bulk operations', 'webhooks', 'caching', 'conditional requests', 'deprecation', 'timestamps',
  'money amounts', 'enumerations', 'nullable fields', 'resource identifiers'];
const SENTENCES = [
  'Clients must be able to rely on the same behaviour across every service of the platform.',
  'The rule exists because several integrations broke when two teams chose different conventions.',
  'Prefer the standard HTTP mechanism over a custom header or a field in the payload.',
  'Document the behaviour in the OpenAPI description and give one example per response.',
  'Reviewers check this during the API design review; exceptions need an architecture decision record.',
  'When in doubt, follow what the public APIs of the major cloud providers do.',
  'Breaking this rule in an existing API requires a new major version.',
  'The gateway enforces part of this rule, but services must not depend on it.',
];
const STATUS = [200, 201, 202, 204, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 406, 409, 410, 412, 415, 422, 428, 429, 500, 502, 503, 504];
const HEADERS = ['Retry-After', 'Location', 'ETag', 'Cache-Control', 'Link', 'Idempotency-Key', 'Prefer', 'Deprecation', 'Sunset', 'RateLimit-Policy'];

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export const GUIDELINE_COUNT = 40;

export function guidelinePage(r, i) {
  const area = AREAS[i % AREAS.length];
  return `---
layout: guideline
title: '${area} API Guidelines v${1 + (i % 4)}'
guideline_id: acme-${slug(area)}-${i}
guideline_title: '${area} API Guidelines v${1 + (i % 4)}'
guideline_company: Acme ${area}
guideline_url: 'https://guidelines.acme.example/${slug(area)}/v${1 + (i % 4)}'
guideline_date: 20${10 + (i % 14)}-0${1 + (i % 9)}-1${i % 10}
---
${r.pick(SENTENCES)} ${r.pick(SENTENCES)}
`;
}

/** One topic page; ids are unique, about one in eight pages maps a status code or header. */
export function topicPage(r, i) {
  const area = r.pick(AREAS);
  const subject = r.pick(SUBJECTS);
  const id = `acme-${slug(area)}-${slug(subject)}-${i}`;
  const name = `${area}: ${subject} (${i})`;
  const lines = ['---', 'layout: topic', `title: '${name}'`, `topic_id: ${id}`, `topic_category: ${area} API Design`, `topic_name: '${name}'`,
    `topic_description: '${r.pick(SENTENCES)} ${r.pick(SENTENCES)}'`];
  if (r.chance(0.06)) lines.push(`topic_status: ${r.pick(STATUS)}`);
  else if (r.chance(0.06)) lines.push(`topic_header: ${r.pick(HEADERS)}`);
  if (r.chance(0.1)) {
    lines.push('topic_policy:', `  severity: ${r.pick(['warning', 'information', 'hint', 'error'])}`, `  message: ${r.pick(SENTENCES)}`, `  prefer: [${r.pick(STATUS)}, ${r.pick(STATUS)}]`);
  }
  lines.push('guidelines:');
  for (let g = r.int(1, 4); g > 0; g--) {
    const gi = r.int(0, GUIDELINE_COUNT - 1);
    const gArea = AREAS[gi % AREAS.length];
    lines.push(`  - guideline_id: acme-${slug(gArea)}-${gi}`);
    if (r.chance(0.5)) {
      lines.push(`    guideline_title: '${gArea} API Guidelines v${1 + (gi % 4)}'`, `    guideline_company: Acme ${gArea}`,
        `    guideline_url: 'https://guidelines.acme.example/${slug(gArea)}/v${1 + (gi % 4)}'`, `    guideline_date: 2021-0${1 + (gi % 9)}-15`);
    }
    lines.push('    references:');
    for (let n = r.int(1, 3); n > 0; n--) {
      const section = `${r.int(1, 12)}.${r.int(1, 20)}`;
      lines.push(`      - name: ${section} ${cap(subject)}`, `        url: 'https://guidelines.acme.example/${slug(gArea)}#section-${section}'`);
    }
  }
  lines.push('---', `## ${cap(subject)} in ${area}`, '');
  for (let p = r.int(1, 3); p > 0; p--) lines.push(`${r.pick(SENTENCES)} ${r.pick(SENTENCES)} ${r.pick(SENTENCES)}`, '');
  return { id, text: lines.join('\n') };
}

function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}
