/** Ruby: Rails and Rack status symbols, Sinatra, RSpec and Minitest matchers, Net::HTTP, Faraday / HTTParty. */
import type { Vocabulary } from '../vocabulary';
import { LINE_START, RECEIVER, STATUS_ACCESS } from './fragments';

const RB = ['ruby'];
/** Where a Rails / Rack status (symbol or number) is expected. */
const STATUS_ARGUMENT = String.raw`\bstatus:\s*|:status\s*=>\s*|['"]status['"]\s*=>\s*|(?<![.\w])head\s*\(?\s*|\bhave_http_status\s*\(\s*|\bassert_response\s*\(?\s*|\bSYMBOL_TO_STATUS_CODE\s*(?:\.\s*fetch\s*\(|\[)\s*|\bstatus_code\s*\(\s*`;

/** Minitest's `assert_equal 404, status`, with or without parentheses. */
const ASSERT_EQUAL = String.raw`\bassert_equal[ \t]*\(?[ \t]*`;
/**
 * What a Minitest assertion compares a status with: `status`, `@response.status`, `last_response.status`,
 * `@response.code.to_i`, or the status of a Rack response array (`response[0]`, `response.first`).
 */
const STATUS_SECOND = String.raw`\s*,\s*(?:${RECEIVER}${STATUS_ACCESS}(?:\s*\.\s*to_i)?|@?\w*response\s*(?:\[\s*0\s*\]|\.\s*first\b))\s*(?:[,)#]|\r?\n|$)`;
/** The same for a status string, tried after every string so kept short: `code` (Rack's, Net::HTTP's) is the one that is a string. */
const CODE_SECOND = String.raw`\s*,\s*@?[\w.]{0,60}?\.code\b`;
/** The rest of a Rack response `[status, headers, body]` after the status: a hash (`#{…}` inside) or a headers object, then the body. */
const RACK_HEADERS_AND_BODY = String.raw`\s*,\s*(?:\{(?:[^{}]|\{[^{}]{0,200}\}){0,400}\}|@?\w*(?:headers|Headers|HEADERS)\b|Rack::Headers\s*(?:\.\s*new|\[)[^\n]{0,200}?)\s*,`;

export const RUBY: Vocabulary = {
  families: [
    {
      id: 'rack-symbol', framework: 'Rails / Rack', kind: 'status', spelling: '{snake}',
      names: { 413: 'payload_too_large', 414: 'uri_too_long', 416: 'range_not_satisfiable', 418: 'im_a_teapot', 422: 'unprocessable_entity' },
      aliases: { content_too_large: 413, request_entity_too_large: 413, request_uri_too_long: 414, requested_range_not_satisfiable: 416, unprocessable_content: 422, i_m_a_teapot: 418 },
    },
    { id: 'ruby-route-dsl', framework: 'Rails routes / Sinatra / request specs', kind: 'method', spelling: '{lower}' },
    { id: 'ruby-nethttp', framework: 'Net::HTTP', kind: 'method', spelling: '{Pascal}' },
    { id: 'rails-request-predicate', framework: 'Rails', kind: 'method', spelling: '{lower}' },
    { id: 'ruby-method-symbol', framework: 'Rails', kind: 'method', spelling: '{lower}' },
    { id: 'ruby-http-client', framework: 'Faraday / HTTParty / RestClient', kind: 'method', spelling: '{lower}' },
    {
      id: 'rack-header-constant', framework: 'Rack', kind: 'header',
      names: { 'Cache-Control': 'CACHE_CONTROL', 'Content-Length': 'CONTENT_LENGTH', 'Content-Type': 'CONTENT_TYPE', ETag: 'ETAG', Expires: 'EXPIRES', 'Set-Cookie': 'SET_COOKIE', 'Transfer-Encoding': 'TRANSFER_ENCODING' },
    },
    { id: 'rack-method-constant', framework: 'Rack', kind: 'method', spelling: '{UPPER}' },
  ],
  rules: [
    { on: 'name', family: 'rack-symbol', languages: RB, qualifier: ':', before: STATUS_ARGUMENT },
    // A route or a request spec's request, not a controller's `head "404 AWOL"` (a status line: paths have no spaces).
    { on: 'name', family: 'ruby-route-dsl', languages: RB, before: LINE_START, after: String.raw`[ \t]*\(?[ \t]*(?:['"](?![1-5]\d\d )|\w+_(?:path|url)\b)` },
    { on: 'name', family: 'ruby-nethttp', languages: RB, qualifier: String.raw`\bNet\s*::\s*HTTP\s*::\s*` },
    { on: 'name', family: 'rails-request-predicate', languages: RB, before: String.raw`\brequest\s*\.\s*`, after: String.raw`\?` },
    { on: 'name', family: 'ruby-method-symbol', languages: RB, qualifier: ':', before: String.raw`\bvia:\s*(?:\[[^\]\n]{0,80}?)?|:via\s*=>\s*(?:\[[^\]\n]{0,80}?)?|\bmethod:\s*|:method\s*=>\s*` },
    { on: 'name', family: 'ruby-http-client', languages: RB, before: String.raw`\b(?:HTTParty|RestClient|Faraday|HTTP|Typhoeus|Excon)\s*\.\s*` },
    { on: 'name', family: 'ruby-http-client', languages: RB, before: String.raw`\b(?:conn|connection|faraday|client|http)\s*\.\s*`, after: String.raw`\s*\(?\s*['"](?:/|https?:)` },

    { on: 'name', family: 'rack-header-constant', languages: RB, qualifier: String.raw`\bRack\s*::\s*` },
    { on: 'name', family: 'rack-method-constant', languages: RB, qualifier: String.raw`\bRack\s*::\s*` },

    { on: 'number', languages: RB, anyCode: true, before: String.raw`(?<![.\w])head\s*\(?\s*|\bhave_http_status\s*\(\s*|\bassert_response\s*\(?\s*|\bHTTP_STATUS_CODES\s*\[\s*` },
    { on: 'number', languages: RB, anyCode: true, before: ASSERT_EQUAL, after: STATUS_SECOND },
    // A Rack response: `[200, { "content-type" => "text/plain" }, ["OK"]]`. Registered codes only: other triplets of a
    // number, a hash and a third thing exist (ImageMagick arguments `[123, { "-write": … }, path]`).
    { on: 'number', languages: RB, before: String.raw`(?<![\w\]])\[\s*`, after: RACK_HEADERS_AND_BODY },
    { on: 'number', languages: RB, anyCode: true, before: String.raw`${LINE_START}(?:halt|status)[ \t]*\(?[ \t]*` },
    { on: 'number', languages: RB, anyCode: true, before: String.raw`${LINE_START}error[ \t]+`, after: String.raw`[ \t]+do\b` },
    { on: 'number', languages: ['ruby', 'php'], before: String.raw`:status\s*=>\s*|['"]status(?:_?[Cc]ode|Code)?['"]\s*=>\s*` },
    { on: 'string', kind: 'status', languages: RB, before: String.raw`\.\s*code\s*(?:==|!=)\s*`, content: String.raw`(?<v>[1-5]\d\d)$` },
    { on: 'string', kind: 'status', languages: RB, before: ASSERT_EQUAL, after: CODE_SECOND, content: String.raw`(?<v>[1-5]\d\d)$` },
    // Rails takes a status line too: `render plain: "gone", status: "410 Gone"`, `head "404 AWOL"`, `response.status = "200 OK"`;
    // with its phrase only, as `status: "123"` is as often a column's value.
    { on: 'string', kind: 'status', languages: RB, before: String.raw`\bstatus:\s*|:status\s*=>\s*|(?<![.\w])head\s*\(?\s*|\.\s*status\s*=\s*`, content: String.raw`(?<v>[1-5]\d\d) [A-Za-z][^\n]*$` },
  ],
};
