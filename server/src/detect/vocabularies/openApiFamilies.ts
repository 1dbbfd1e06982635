/** Families of tokens found by document structure rather than by rules: OpenAPI documents and `.http` request files. */
import type { Family } from '../vocabulary';

export const OPENAPI_FAMILIES: readonly Family[] = [
  { id: 'openapi-response', framework: 'OpenAPI', kind: 'status' },
  { id: 'openapi-operation', framework: 'OpenAPI', kind: 'method' },
  { id: 'openapi-header', framework: 'OpenAPI', kind: 'header' },
  { id: 'http-request-line', framework: 'HTTP request file', kind: 'method' },
  { id: 'http-header-line', framework: 'HTTP request file', kind: 'header' },
];
