/** Ruby: Rails and Rack status symbols, Sinatra, RSpec and Minitest matchers, Net::HTTP, Faraday / HTTParty. */
import type { Vocabulary } from '../vocabulary';
import { LINE_START } from './fragments';

const RB = ['ruby'];
/** Where a Rails / Rack status (symbol or number) is expected. */
const STATUS_ARGUMENT = String.raw`\bstatus:\s*|:status\s*=>\s*|['"]status['"]\s*=>\s*|(?<![.\w])head\s*\(?\s*|\bhave_http_status\s*\(\s*|\bassert_response\s*\(?\s*|\bSYMBOL_TO_STATUS_CODE\s*(?:\.\s*fetch\s*\(|\[)\s*|\bstatus_code\s*\(\s*`;

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
  ],
  rules: [
    { on: 'name', family: 'rack-symbol', languages: RB, qualifier: ':', before: STATUS_ARGUMENT },
    { on: 'name', family: 'ruby-route-dsl', languages: RB, before: LINE_START, after: String.raw`[ \t]*\(?[ \t]*(?:['"]|\w+_(?:path|url)\b)` },
    { on: 'name', family: 'ruby-nethttp', languages: RB, qualifier: String.raw`\bNet\s*::\s*HTTP\s*::\s*` },
    { on: 'name', family: 'rails-request-predicate', languages: RB, before: String.raw`\brequest\s*\.\s*`, after: String.raw`\?` },
    { on: 'name', family: 'ruby-method-symbol', languages: RB, qualifier: ':', before: String.raw`\bvia:\s*(?:\[[^\]\n]{0,80}?)?|:via\s*=>\s*(?:\[[^\]\n]{0,80}?)?|\bmethod:\s*|:method\s*=>\s*` },
    { on: 'name', family: 'ruby-http-client', languages: RB, before: String.raw`\b(?:HTTParty|RestClient|Faraday|HTTP|Typhoeus|Excon)\s*\.\s*` },
    { on: 'name', family: 'ruby-http-client', languages: RB, before: String.raw`\b(?:conn|connection|faraday|client|http)\s*\.\s*`, after: String.raw`\s*\(?\s*['"](?:/|https?:)` },

    { on: 'number', languages: RB, anyCode: true, before: String.raw`(?<![.\w])head\s*\(?\s*|\bhave_http_status\s*\(\s*|\bassert_response\s*\(?\s*|\bHTTP_STATUS_CODES\s*\[\s*` },
    { on: 'number', languages: RB, anyCode: true, before: String.raw`${LINE_START}(?:halt|status)[ \t]*\(?[ \t]*` },
    { on: 'number', languages: RB, anyCode: true, before: String.raw`${LINE_START}error[ \t]+`, after: String.raw`[ \t]+do\b` },
    { on: 'number', languages: ['ruby', 'php'], before: String.raw`:status\s*=>\s*|['"]status(?:_?[Cc]ode|Code)?['"]\s*=>\s*` },
    { on: 'string', kind: 'status', languages: RB, before: String.raw`\.\s*code\s*(?:==|!=)\s*`, content: String.raw`(?<v>[1-5]\d\d)$` },
  ],
};
