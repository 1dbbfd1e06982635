/** A company guideline page in the atlas format, shared by the protocol and MCP tests: one section on 403, one checkable rule. */
export const ACME_GUIDELINE = `---
layout: guideline
guideline_id: acme
guideline_title: Acme API Guide
guideline_company: Acme
guideline_url: https://acme.example/guide
topics:
  http-status-403:
    - name: Permissions
      url: https://acme.example/guide#permissions
      rule: '7'
      level: MUST
      asks: Use 403 for a known caller without the right role.
guideline_rules:
  - rule: '9'
    name: No redirects
    level: MUST NOT
    url: https://acme.example/guide#9
    prefer: [303]
    check:
      status_forbidden: [301, 302]
---
`;
