/** PHP: Symfony Response and Request constants, PSR StatusCodeInterface, Laravel routes, helpers and tests, Guzzle. */
import type { Vocabulary } from '../vocabulary';
import { ARGS } from './fragments';

const PHP = ['php'];
const ARRAY_ARGS = String.raw`(?:[^()\[\]\n]|\(${ARGS}\)|\[[^\[\]]{0,200}\]){0,160}`;

export const PHP_VOCABULARY: Vocabulary = {
  families: [
    {
      id: 'symfony-response', framework: 'Symfony HttpFoundation', kind: 'status', spelling: 'HTTP_{UPPER}',
      names: {
        306: 'HTTP_RESERVED', 308: 'HTTP_PERMANENTLY_REDIRECT', 413: 'HTTP_REQUEST_ENTITY_TOO_LARGE', 414: 'HTTP_REQUEST_URI_TOO_LONG',
        416: 'HTTP_REQUESTED_RANGE_NOT_SATISFIABLE', 418: 'HTTP_I_AM_A_TEAPOT', 422: 'HTTP_UNPROCESSABLE_ENTITY', 505: 'HTTP_VERSION_NOT_SUPPORTED',
        506: 'HTTP_VARIANT_ALSO_NEGOTIATES_EXPERIMENTAL',
      },
      aliases: { HTTP_RESERVED_FOR_WEBDAV_ADVANCED_COLLECTIONS_EXPIRED_PROPOSAL: 425 },
    },
    {
      id: 'psr-statuscode', framework: 'PSR-7 StatusCodeInterface', kind: 'status', spelling: 'STATUS_{UPPER}',
      names: { 413: 'STATUS_PAYLOAD_TOO_LARGE', 414: 'STATUS_URI_TOO_LONG', 416: 'STATUS_RANGE_NOT_SATISFIABLE', 418: 'STATUS_IM_A_TEAPOT', 422: 'STATUS_UNPROCESSABLE_ENTITY', 505: 'STATUS_VERSION_NOT_SUPPORTED' },
    },
    { id: 'php-route', framework: 'Laravel / Slim / Lumen routes', kind: 'method', spelling: '{lower}' },
    { id: 'laravel-test-request', framework: 'Laravel tests', kind: 'method', spelling: '{lower}', aliases: { getJson: 'GET', postJson: 'POST', putJson: 'PUT', patchJson: 'PATCH', deleteJson: 'DELETE', optionsJson: 'OPTIONS' } },
    { id: 'php-http-client', framework: 'Guzzle / Laravel Http', kind: 'method', spelling: '{lower}' },
    { id: 'symfony-request-method', framework: 'Symfony HttpFoundation', kind: 'method', spelling: 'METHOD_{UPPER}' },
  ],
  rules: [
    { on: 'name', family: 'symfony-response', languages: PHP, qualifier: String.raw`\b\w*Response\s*::\s*` },
    { on: 'name', family: 'psr-statuscode', languages: PHP, qualifier: String.raw`\b\w+\s*::\s*` },
    { on: 'name', family: 'php-route', languages: PHP, before: String.raw`\bRoute\s*::\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'php-route', languages: PHP, before: String.raw`\$(?:router|app|route|routes|group|r|api)\s*->\s*`, after: String.raw`\s*\(\s*['"]` },
    { on: 'name', family: 'laravel-test-request', languages: PHP, before: String.raw`\$this\s*->\s*`, after: String.raw`\s*\(\s*['"]` },
    { on: 'name', family: 'php-http-client', languages: PHP, before: String.raw`\$\w*(?:client|Client|http|guzzle)\s*->\s*|\bHttp\s*::\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'symfony-request-method', languages: PHP, qualifier: String.raw`\b\w*Request\s*::\s*` },

    { on: 'number', languages: PHP, anyCode: true, before: String.raw`\babort_(?:if|unless)\s*\(${ARGS},\s*|\bhttp_response_code\s*\(\s*` },
    { on: 'number', languages: PHP, anyCode: true, before: String.raw`->\s*(?:setStatusCode|withStatus|assertStatus|setStatus|status)\s*\(\s*` },
    // A status variable or parameter default: `$status = 302`, `function redirect($to, $status = 302)`.
    { on: 'number', languages: PHP, before: String.raw`\$(?:status|statusCode|httpStatus|responseCode)\s*=\s*` },
    { on: 'number', languages: PHP, anyCode: true, before: String.raw`(?:\bresponse\s*\(|->\s*json\s*\(|\bnew\s+\\?(?:\w+\\)*\w*Response\s*\()${ARRAY_ARGS},\s*` },
    { on: 'string', kind: 'status', languages: PHP, before: String.raw`\bheader\s*\(\s*`, content: String.raw`HTTP/\d(?:\.\d)?\s+(?<v>[1-5]\d\d)\b` },
    { on: 'string', kind: 'header', languages: PHP, before: String.raw`\bheader\s*\(\s*`, content: String.raw`(?<v>[A-Za-z][A-Za-z0-9-]*)\s*:` },
    { on: 'string', kind: 'method', languages: PHP, before: String.raw`\bRoute\s*::\s*match\s*\(\s*\[\s*(?:'[^'\n]*'\s*,\s*|"[^"\n]*"\s*,\s*){0,20}` },
    // Requests built in tests: Symfony's `Request::create('/orders', 'POST')`, Laravel's `$this->call('GET', …)` and `$this->json('PATCH', …)`.
    { on: 'string', kind: 'method', languages: PHP, before: String.raw`\bRequest\s*::\s*create\s*\(\s*(?:uri\s*:\s*)?(?:[^,()\n]|\([^()\n]{0,120}\)){1,200}?,\s*(?:method\s*:\s*)?|\$this\s*->\s*(?:call|json)\s*\(\s*(?:method\s*:\s*)?` },
  ],
};
