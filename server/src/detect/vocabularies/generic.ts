/** Rules that hold in any language: status contexts, method and header strings, and unmistakable qualified constants. */
import { HTTP_HEADERS } from '../httpVocabulary';
import type { Vocabulary } from '../vocabulary';
import { BLOCK_BODY, EARLIER_CODES, EARLIER_ITEMS, EQ, LATER_CODES, RECEIVER, STATUS_ACCESS, STATUS_CODE_ID, STATUS_ID, STR } from './fragments';

/** Languages whose web servers hand request headers over in CGI variables. */
const CGI = ['python', 'php', 'ruby'];
const ASSERT = String.raw`\b(?:assert\w*|Assert\w*|XCTAssert\w*|require)(?:\s*\.\s*\w+)?\s*!?\s*\(\s*(?:t\s*,\s*)?`;
const STR_OR_NAME = String.raw`(?:${STR}|[\w$.:]+)`;

/** Where a string names a header: `res.setHeader('Location'`, `r.Header.Get("Date")`, `headers: { 'Link': …`. */
const HEADER_CONTEXT = [
  String.raw`(?:\b[\w$]*[Hh]eaders?[\w$]*|\bHEADERS?)\s*(?:\(\s*\)\s*)?(?:(?:\.|->|::)\s*[\w$]+\s*)?[\[(]\s*(?:[\w$.]+\s*,\s*)?(?:[\w$]+\s*[:=]\s*)?`,
  String.raw`\b(?:res|req|ctx|reply|request|response|resp)\s*\.\s*(?:set|get|append|has|remove|header)\s*\(\s*`,
  String.raw`\)\s*\.\s*(?:set|header)\s*\(\s*`,
  String.raw`\bforHTTPHeaderField\s*:\s*`,
  String.raw`\b[Hh]eaders['"]?\s*(?:[:=]|=>)\s*\{\s*(?:${EARLIER_ITEMS},\s*)?`,
  // The headers argument right after a status: `res.writeHead(200, {'Location': …`, Flask's `return body, 201, {'Location': …`.
  String.raw`(?<![\w.])[1-5]\d\d\s*,\s*[{\[]\s*(?:${EARLIER_ITEMS},\s*)?`,
].join('|');

/** A string that is a header name: a known single word (`'Location'`, `"vary"`) or any hyphenated one. */
const HEADER_ITEM = (() => {
  const words = HTTP_HEADERS.filter((h) => !h.includes('-')).flatMap((h) => [h, h.toLowerCase()]);
  const name = String.raw`(?:${[...new Set(words)].join('|')}|[A-Za-z]\w*(?:-\w+)+)`;
  return String.raw`(?:'${name}'|"${name}")`;
})();

/**
 * Where a string that looks like a header is something else: a switch of Express (`app.disable('x-powered-by')`), a JSON
 * field (`@SerialName("user-agent")`, `#[serde(rename = "user-agent")]`), a header value (`HeaderValue::from_static("upgrade")`,
 * Vapor's `static let keepAlive: Self = "keep-alive"`), or an import.
 */
const NOT_A_HEADER = [
  String.raw`(?:\brequire|\bimport|\bfrom|\brequire_relative)\s*\(?\s*`,
  String.raw`\b(?:enable|enabled|disable|disabled)\s*\(\s*|\bapp\s*\.\s*set\s*\(\s*`,
  String.raw`\b(?:SerialName|JsonProperty|JsonPropertyName|JsonAlias|SerializedName|JsonNames|JsonKey)\s*\(\s*(?:(?:value|name)\s*=\s*)?|@Json\s*\(\s*name\s*=\s*|\brename\s*=\s*`,
  String.raw`\bHeaderValue\s*::\s*from_\w+\s*\(\s*&?\s*b?|:\s*Self\s*=\s*`,
].join('|');

/** Where a string names a method: `method: 'PATCH'`, `r.Method == "POST"`, `methods=["GET", "PUT"]`, `.request('DELETE'`. */
const METHOD_CONTEXT = [
  String.raw`(?<![\w$])(?:[Hh]ttp_?[Mm]ethod|HTTPMethod|HTTP_METHOD|[Rr]equest_?[Mm]ethod|REQUEST_METHOD|[Mm]ethod|METHOD)['"]?\]?\s*(?:===?|!==?|=|:|=>)\s*`,
  String.raw`(?:\.|->)\s*(?:method|setRequestMethod|setMethod|isMethod|request)\s*\(\s*`,
  String.raw`\b(?:NewRequest|NewRequestWithContext)\s*\(\s*(?:[\w$.]+\s*,\s*)?`,
  String.raw`\bHttpMethod\s*(?:\.\s*(?:valueOf|resolve|Parse)\s*)?\(\s*`,
  String.raw`(?<![\w$])(?:[\w$]*[Mm]ethods|METHODS|[\w$]*_methods)['"]?\s*(?:[:=]|=>)\s*[\[({]\s*(?:${STR_OR_NAME}\s*,\s*){0,20}`,
  String.raw`\b(?:Methods|api_view|require_http_methods|AllowedMethods|allowedMethods|WithMethods)\s*\(\s*[\[{]?\s*(?:${STR}\s*,\s*){0,20}`,
  String.raw`\bswitch\s*\(?\s*${RECEIVER}(?:[Mm]ethod|METHOD)(?:\s*\(\s*\))?\s*\)?\s*\{${BLOCK_BODY}\bcase\s+(?:${STR}\s*,\s*){0,20}`,
].join('|');

export const GENERIC: Vocabulary = {
  families: [
    { id: 'status-literal', framework: 'literal', kind: 'status' },
    { id: 'method-literal', framework: 'literal', kind: 'method' },
    { id: 'header-literal', framework: 'literal', kind: 'header' },
    { id: 'upper-method-call', framework: 'HTTP client builders', kind: 'method', spelling: '{UPPER}' },
    { id: 'generic-upper-status', framework: 'status enum', kind: 'status', spelling: '{UPPER}' },
    { id: 'generic-pascal-status', framework: 'status enum', kind: 'status', spelling: '{Pascal}' },
    { id: 'cgi-header', framework: 'CGI / WSGI / Rack / PHP server variables', kind: 'header', spelling: 'HTTP_{UPPER}' },
    { id: 'cgi-content-header', framework: 'CGI / WSGI / Rack / PHP server variables', kind: 'header', names: { 'Content-Type': 'CONTENT_TYPE', 'Content-Length': 'CONTENT_LENGTH' } },
  ],
  rules: [
    // Numbers. Strong contexts take any 100–599 code; weak ones only registered codes.
    { on: 'number', languages: '*', anyCode: true, before: String.raw`(?:\.|::|->)\s*(?:status|sendStatus|setStatus|set_status|setStatusCode|set_status_code|withStatus|WriteHeader|writeHead|sendError|send_error|send_response|statusCode|status_code|StatusCode)\s*\(\s*` },
    { on: 'number', languages: '*', anyCode: true, before: String.raw`${STATUS_CODE_ID}['"]?\]?\s*${EQ}\s*` },
    { on: 'number', languages: '*', anyCode: true, before: String.raw`\b(?:res|resp|response|ctx|reply|conn|rsp|httpResponse|(?:this|self)\s*\.\s*response)\s*\.\s*status\s*(?:===?|!==?|=)\s*` },
    { on: 'number', languages: '*', before: String.raw`(?<![\w$])(?:status|Status|STATUS|[Hh]ttp_?[Ss]tatus|HTTP_STATUS|[Rr]esponse_?[Ss]tatus|[Ee]xpected_?[Ss]tatus)['"]?\]?\s*${EQ}\s*` },
    { on: 'number', languages: '*', anyCode: true, before: String.raw`\b(?:get(?:Status(?:Code)?|ResponseCode)|statusCode|status_code|StatusCode)\s*\(\s*\)(?:\s*\.\s*value\s*\(\s*\))?\s*(?:===?|!==?)\s*` },
    { on: 'number', languages: '*', before: String.raw`(?:\.|->)\s*(?:status|code)\s*\(\s*\)(?:\s*\.\s*(?:as_u16|value)\s*\(\s*\))?\s*(?:===?|!==?)\s*` },
    { on: 'number', languages: '*', before: String.raw`(?:\.|->)\s*(?:code|Code)\s*(?:===?|!==?)\s*|[{,]\s*['"]?code['"]?\s*:\s*` },
    { on: 'number', languages: '*', before: String.raw`${STATUS_ACCESS}\s*(?:\|\||\?\?|\bor\b)\s*` },
    { on: 'number', languages: '*', after: String.raw`\s*(?:===?|!==?)\s*${RECEIVER}(?:${STATUS_ID}|\.\s*(?:code|Code)\b|\bget(?:Status(?:Code)?|ResponseCode)\s*\(\s*\))` },
    { on: 'number', languages: '*', anyCode: true, before: String.raw`${ASSERT}(?:\(int\)\s*)?${RECEIVER}${STATUS_ACCESS}\s*,\s*` },
    { on: 'number', languages: '*', anyCode: true, before: ASSERT, after: String.raw`\s*,\s*(?:\(int\)\s*)?${RECEIVER}${STATUS_ACCESS}\s*[,)]` },
    { on: 'number', languages: '*', anyCode: true, before: String.raw`${STATUS_ACCESS}\s*\)\s*(?:\.\s*(?:to|not|be|should|and)\s*){0,4}(?:\.\s*(?:toBe|toEqual|toStrictEqual|equal|equals|eql|isEqualTo|be|eq)\s*\(|\.\s*(?:to|not_to|to_not)\s+(?:eq|be|eql)\s*\(?)\s*` },
    { on: 'number', languages: '*', anyCode: true, before: String.raw`\.\s*(?:have\s*\.\s*status|toHaveStatus(?:Code)?|toHaveHttpStatus|hasStatus(?:Code)?)\s*\(\s*|\bstatus\s*\(\s*\)\s*\.\s*is\s*\(\s*|\bexpectStatus\s*\(\s*\)\s*\.\s*isEqualTo\s*\(\s*` },
    { on: 'number', languages: '*', anyCode: true, before: String.raw`\bswitch\s*\(?\s*(?:\(int\)\s*)?${RECEIVER}${STATUS_ACCESS}\s*\)?\s*\{${BLOCK_BODY}\bcase\s+(?:[1-5]\d\d\s*,\s*){0,20}`, after: String.raw`\s*(?:[:,]|\.\.\.)` },
    { on: 'number', languages: ['kotlin'], anyCode: true, before: String.raw`\bwhen\s*\(\s*${RECEIVER}${STATUS_ACCESS}\s*\)\s*\{${BLOCK_BODY}\n[ \t]*(?:[1-5]\d\d\s*,\s*){0,20}`, after: String.raw`\s*(?:,|->)` },
    // A list of codes and a status: `[429, 503].includes(res.status)`, `expect([200, 204]).toContain(res.status)`,
    // `[301, 308].include?(response.code.to_i)`; `status_code in (200, 204)`, `assertIn(r.status_code, (200, 204))`, `.oneOf([200, 204])`.
    { on: 'number', languages: '*', anyCode: true, before: String.raw`[\[(]\s*${EARLIER_CODES}`, after: String.raw`${LATER_CODES}\s*(?:\)\s*(?:\.\s*(?:to|not|be)\s*){0,3})?\.\s*(?:includes|include\?|contains|toContain|indexOf)\s*\(\s*${RECEIVER}${STATUS_ACCESS}(?:\s*\.\s*to_i)?\s*\)` },
    { on: 'number', languages: '*', anyCode: true, before: String.raw`(?:${STATUS_ACCESS}\s+(?:not\s+|!)?in\b\s*(?:(?:listOf|setOf|arrayOf)\s*)?|\bassert(?:Not)?In\s*\(\s*${RECEIVER}${STATUS_ACCESS}\s*,\s*|${STATUS_ACCESS}\s*\)\s*(?:\.\s*(?:to|be|not|that|is)\s*){0,4}\.\s*(?:oneOf|toBeOneOf|isIn|isOneOf|isNotIn)\s*\(\s*)[\[({]?\s*${EARLIER_CODES}` },
    { on: 'number', languages: ['rust', 'scala'], anyCode: true, before: String.raw`(?:\bmatch\s+${RECEIVER}${STATUS_ACCESS}|${RECEIVER}${STATUS_ACCESS}\s+match)\s*\{${BLOCK_BODY}(?:\n[ \t]*|\bcase\s+)(?:[1-5]\d\d\s*\|\s*){0,20}`, after: String.raw`\s*(?:=>|\|)` },

    // Strings: headers anywhere when hyphenated (no prose is `If-None-Match`), single words in a header context.
    { on: 'string', kind: 'header', languages: '*', namePattern: '-', notBefore: NOT_A_HEADER },
    { on: 'string', kind: 'header', languages: '*', before: HEADER_CONTEXT, notBefore: NOT_A_HEADER },
    // A key of PHP's array `'headers' => ['Accept' => …]`; a list of header names (`allowedHeaders: ['Accept', 'Authorization']`),
    // not of table columns (`headers = ['ID', 'Connection', 'Failed At']`): every item is a header.
    { on: 'string', kind: 'header', languages: '*', before: String.raw`\b[Hh]eaders['"]?\s*(?:[:=]|=>)\s*\[\s*(?:${EARLIER_ITEMS},\s*)?`, after: String.raw`\s*=>` },
    { on: 'string', kind: 'header', languages: '*', before: String.raw`\b[\w$]*(?:[Hh]eaders|HEADERS)['"]?\s*(?:[:=]|=>)\s*\[\s*(?:${HEADER_ITEM}\s*,\s*){0,30}`, after: String.raw`(?:\s*,\s*${HEADER_ITEM}){0,30}\s*,?\s*\]` },
    { on: 'string', kind: 'method', languages: '*', before: METHOD_CONTEXT },

    // CGI names request headers `HTTP_` + upper snake case (WSGI's and Django's `META`, Rack's `env`, PHP's `$_SERVER`):
    // unmistakable as a string; `CONTENT_TYPE` and `CONTENT_LENGTH` go without the prefix, so only as a key of those.
    { on: 'string', kind: 'header', family: 'cgi-header', languages: CGI },
    { on: 'string', kind: 'header', family: 'cgi-content-header', languages: CGI, before: String.raw`(?:\b(?:META|environ|env)|\$_SERVER)\s*(?:\[\s*|\.\s*(?:get|fetch)\s*\(\s*)` },

    // Unmistakable names in any language.
    { on: 'name', family: 'upper-method-call', languages: '*', before: String.raw`(?:\.|->|::)\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'generic-upper-status', languages: '*', qualifier: String.raw`\b(?:HttpStatus|HTTPStatus|StatusCodes)\s*\.\s*` },
    { on: 'name', family: 'generic-pascal-status', languages: '*', qualifier: String.raw`\bHttpStatusCode\s*\.\s*` },
    { on: 'name', family: 'go-net-http', languages: '*', qualifier: String.raw`\bhttp\s*\.\s*` },
    { on: 'name', family: 'python-status-module', languages: '*', qualifier: String.raw`\bstatus\s*\.\s*` },
  ],
};
