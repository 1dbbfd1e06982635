/** Python: http.HTTPStatus, DRF / FastAPI / Starlette `status`, Django, Flask, werkzeug, aiohttp, Falcon, requests, httpx. */
import type { Vocabulary } from '../vocabulary';
import { ARGS } from './fragments';

const PY = ['python'];
/** Django's and DRF's request factories (`RequestFactory`, `APIRequestFactory`, pytest-django's `rf`). */
const REQUEST_FACTORY = String.raw`\b(?:self\s*\.\s*)?(?:factory|request_factory|rf|api_rf|api_factory)\s*\.\s*`;
/** The first argument of a test client call: a path, a URL, an f-string, or a variable named for one. */
const PY_PATH_ARG = String.raw`\s*\(\s*(?:[frbFRB]{0,2}['"](?:/|https?:|\{)|reverse(?:_lazy)?\s*\(|(?:self\s*\.\s*)?(?:url|path|endpoint|uri|\w+_(?:url|path|endpoint|uri))\b)`;
const OLD_PHRASES = { 413: 'REQUEST_ENTITY_TOO_LARGE', 414: 'REQUEST_URI_TOO_LONG', 416: 'REQUESTED_RANGE_NOT_SATISFIABLE', 422: 'UNPROCESSABLE_ENTITY' };

/** The entries of a `responses` dict before the current key: values are dicts nested three deep (`{"content": {"image/png": {}}}`). */
const RESPONSES_BODY = String.raw`(?:[^{}]|\{(?:[^{}]|\{(?:[^{}]|\{[^{}]{0,200}\}){0,300}\}){0,600}\}){0,1200}?`;

export const PYTHON: Vocabulary = {
  families: [
    { id: 'python-httpstatus', framework: 'Python http.HTTPStatus', kind: 'status', spelling: '{UPPER}', names: OLD_PHRASES },
    {
      id: 'python-status-module', framework: 'DRF / FastAPI / Starlette status', kind: 'status', spelling: 'HTTP_{code}_{UPPER}',
      names: { 306: 'HTTP_306_RESERVED', 413: 'HTTP_413_REQUEST_ENTITY_TOO_LARGE', 414: 'HTTP_414_REQUEST_URI_TOO_LONG', 416: 'HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE', 422: 'HTTP_422_UNPROCESSABLE_ENTITY' },
    },
    { id: 'falcon-code', framework: 'Falcon', kind: 'status', spelling: 'HTTP_{code}' },
    { id: 'falcon-name', framework: 'Falcon', kind: 'status', spelling: 'HTTP_{UPPER}', names: { 505: 'HTTP_VERSION_NOT_SUPPORTED', 418: 'HTTP_IM_A_TEAPOT' } },
    {
      id: 'requests-codes', framework: 'requests', kind: 'status', spelling: '{snake}',
      names: { 413: 'request_entity_too_large', 414: 'request_uri_too_large', 416: 'requested_range_not_satisfiable', 418: 'im_a_teapot', 422: 'unprocessable_entity' },
      aliases: {
        okay: 200, all_ok: 200, all_okay: 200, all_good: 200, moved: 301, bad: 400, not_allowed: 405, timeout: 408, precondition: 412,
        teapot: 418, i_am_a_teapot: 418, unprocessable: 422, too_many: 429, too_many_requests: 429, server_error: 500, unavailable: 503,
        temporary_moved: 307, resume_incomplete: 308, resume: 308,
      },
    },
    {
      id: 'django-response', framework: 'Django', kind: 'status',
      names: {
        301: 'HttpResponsePermanentRedirect', 302: 'HttpResponseRedirect', 304: 'HttpResponseNotModified', 400: 'HttpResponseBadRequest',
        403: 'HttpResponseForbidden', 404: 'HttpResponseNotFound', 405: 'HttpResponseNotAllowed', 410: 'HttpResponseGone', 500: 'HttpResponseServerError',
      },
      aliases: { Http404: 404 },
    },
    {
      id: 'python-http-exception', framework: 'werkzeug / DRF exceptions', kind: 'status',
      names: {
        400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 406: 'NotAcceptable', 408: 'RequestTimeout',
        409: 'Conflict', 410: 'Gone', 411: 'LengthRequired', 412: 'PreconditionFailed', 413: 'RequestEntityTooLarge', 414: 'RequestURITooLarge',
        415: 'UnsupportedMediaType', 416: 'RequestedRangeNotSatisfiable', 417: 'ExpectationFailed', 418: 'ImATeapot', 422: 'UnprocessableEntity',
        423: 'Locked', 424: 'FailedDependency', 428: 'PreconditionRequired', 429: 'TooManyRequests', 431: 'RequestHeaderFieldsTooLarge',
        451: 'UnavailableForLegalReasons', 500: 'InternalServerError', 501: 'NotImplemented', 502: 'BadGateway', 503: 'ServiceUnavailable',
        504: 'GatewayTimeout', 505: 'HTTPVersionNotSupported',
      },
      aliases: { NotAuthenticated: 401, AuthenticationFailed: 401, PermissionDenied: 403, Throttled: 429, ParseError: 400 },
    },
    {
      id: 'python-http-class', framework: 'aiohttp / Pyramid / WebOb', kind: 'status', spelling: 'HTTP{Pascal}',
      names: { 200: 'HTTPOk', 413: 'HTTPRequestEntityTooLarge', 414: 'HTTPRequestURITooLong', 416: 'HTTPRequestRangeNotSatisfiable', 422: 'HTTPUnprocessableEntity', 505: 'HTTPVersionNotSupported' },
    },
    { id: 'python-route', framework: 'Flask / FastAPI / Starlette / aiohttp routes', kind: 'method', spelling: '{lower}' },
    { id: 'python-http-client', framework: 'requests / httpx / test clients', kind: 'method', spelling: '{lower}' },
    { id: 'aiohttp-add-route', framework: 'aiohttp', kind: 'method', spelling: 'add_{lower}' },
    { id: 'django-view-method', framework: 'Django class-based views / DRF', kind: 'method', spelling: '{lower}' },
    { id: 'django-require-method', framework: 'Django', kind: 'method', spelling: 'require_{UPPER}', aliases: { require_safe: 'GET' } },
    { id: 'httpmethod-enum', framework: 'Python http.HTTPMethod / Vapor HTTPMethod', kind: 'method', spelling: '{UPPER}' },
    { id: 'aiohttp-hdrs-method', framework: 'aiohttp hdrs', kind: 'method', spelling: 'METH_{UPPER}' },
    { id: 'aiohttp-hdrs-header', framework: 'aiohttp hdrs', kind: 'header', spelling: '{UPPER}' },
  ],
  rules: [
    { on: 'name', family: 'python-httpstatus', languages: PY, qualifier: String.raw`\b(?:http\s*\.\s*)?HTTPStatus\s*\.\s*` },
    { on: 'name', family: 'python-status-module', languages: PY, qualifier: String.raw`(?:\b(?:status|starlette\s*\.\s*status|fastapi\s*\.\s*status|rest_framework\s*\.\s*status)\s*\.\s*)?` },
    { on: 'name', family: 'falcon-code', languages: PY, qualifier: String.raw`\bfalcon\s*\.\s*(?:status_codes\s*\.\s*)?` },
    { on: 'name', family: 'falcon-name', languages: PY, qualifier: String.raw`\bfalcon\s*\.\s*(?:status_codes\s*\.\s*)?` },
    { on: 'name', family: 'requests-codes', languages: PY, qualifier: String.raw`\b(?:requests\s*\.\s*)?codes\s*\.\s*`, requires: String.raw`\brequests\b` },
    { on: 'name', family: 'django-response', languages: PY, qualifier: String.raw`(?:\bhttp\s*\.\s*)?` },
    { on: 'name', family: 'python-http-exception', languages: PY, before: String.raw`\braise\s+`, qualifier: String.raw`(?:\b(?:exceptions|werkzeug\s*\.\s*exceptions)\s*\.\s*)?`, requires: String.raw`\b(?:werkzeug|rest_framework|flask|django|quart)\b` },
    { on: 'name', family: 'python-http-class', languages: PY, qualifier: String.raw`(?:\b(?:web|exc|httpexceptions)\s*\.\s*)?`, requires: String.raw`\b(?:aiohttp|pyramid|webob)\b` },
    { on: 'name', family: 'python-route', languages: PY, before: String.raw`@\s*\w+(?:\s*\.\s*\w+)*\s*\.\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'python-http-client', languages: PY, before: String.raw`\b(?:requests|httpx|self\s*\.\s*(?:client|csrf_client|api_client|async_client|admin_client)|self\s*\.\s*app|test_client|aiohttp_client)\s*\.\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'python-http-client', languages: PY, before: String.raw`\b(?:client|session|api_client|async_client|ac|http|admin_client|csrf_client)\s*\.\s*`, after: PY_PATH_ARG },
    { on: 'name', family: 'python-http-client', languages: PY, before: REQUEST_FACTORY, after: PY_PATH_ARG },
    { on: 'name', family: 'python-http-client', languages: PY, before: REQUEST_FACTORY, after: String.raw`\s*\(`, requires: String.raw`\b(?:API)?RequestFactory\b` },
    // Django's test client and request factories take headers as CGI keywords: `client.get(url, HTTP_AUTHORIZATION=token)`.
    { on: 'name', family: 'cgi-header', languages: PY, before: String.raw`[(,]\s*`, after: String.raw`\s*=(?!=)` },
    { on: 'name', family: 'aiohttp-add-route', languages: PY, before: String.raw`\.\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'django-view-method', languages: PY, before: String.raw`\bdef\s+`, after: String.raw`\s*\(\s*self\s*,\s*request\b` },
    { on: 'name', family: 'django-require-method', languages: PY, qualifier: '@' },
    { on: 'name', family: 'httpmethod-enum', languages: PY, qualifier: String.raw`\b(?:http\s*\.\s*)?HTTPMethod\s*\.\s*` },
    { on: 'name', family: 'aiohttp-hdrs-method', languages: PY, qualifier: String.raw`\bhdrs\s*\.\s*` },
    { on: 'name', family: 'aiohttp-hdrs-header', languages: PY, qualifier: String.raw`\bhdrs\s*\.\s*` },

    { on: 'number', languages: ['python', 'php'], anyCode: true, before: String.raw`(?<![\w$.>])abort\s*\(\s*` },
    { on: 'number', languages: PY, anyCode: true, before: String.raw`\b(?:flask|quart|werkzeug\s*\.\s*exceptions)\s*\.\s*abort\s*\(\s*` },
    // Flask's and Bottle's `redirect(location, code)`; Django's `redirect(to, *args)` passes numbers to the URL, so only with them.
    { on: 'number', languages: PY, anyCode: true, codeClass: 3, before: String.raw`(?<![\w.])(?:(?:flask|quart|bottle|werkzeug\s*\.\s*utils)\s*\.\s*)?redirect\s*\(${ARGS},\s*(?:code\s*=\s*)?`, requires: String.raw`\b(?:flask|quart|bottle|werkzeug)\b` },
    // FastAPI's additional responses: `responses={404: {"model": Message}, 418: {"description": "…"}}`.
    { on: 'number', languages: PY, anyCode: true, before: String.raw`\bresponses\s*(?::[^=\n]{0,80})?=\s*\{\s*(?:${RESPONSES_BODY},\s*)?`, after: String.raw`\s*:\s*\{` },
    { on: 'number', languages: PY, anyCode: true, before: String.raw`\b(?:HTTPException|HTTPError|HTTPStatus|StarletteHTTPException)\s*\(\s*(?:status_code\s*=\s*)?` },
    { on: 'number', languages: PY, anyCode: true, before: String.raw`\bmake_response\s*\(${ARGS},\s*` },
    { on: 'number', languages: PY, before: String.raw`\breturn[ \t]+[^\n]{0,200}?,[ \t]*`, after: String.raw`[ \t]*(?:,[^\n]{0,200})?(?:#[^\n]{0,500})?(?:\r?\n|$)`, requires: String.raw`\b(?:flask|quart|bottle|connexion)\b` },
    { on: 'number', languages: PY, anyCode: true, before: String.raw`\.\s*(?:errorhandler|register_error_handler)\s*\(\s*` },
    { on: 'string', kind: 'status', languages: PY, before: String.raw`\bstart_response\s*\(\s*|\bstatus\s*=\s*`, content: String.raw`(?<v>[1-5]\d\d) [A-Za-z]` },
  ],
};
