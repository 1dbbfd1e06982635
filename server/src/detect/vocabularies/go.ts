/** Go: net/http, gin, echo, chi, fiber, gorilla/mux, httptest. */
import type { Vocabulary } from '../vocabulary';
import { ARGS } from './fragments';

const GO = ['go'];
const CONTEXT_WRITERS = 'JSON|IndentedJSON|SecureJSON|JSONP|PureJSON|AsciiJSON|XML|YAML|TOML|ProtoBuf|String|HTML|Data|DataFromReader|Redirect|NoContent|Blob|Stream|JSONBlob|JSONPretty|XMLBlob|XMLPretty|HTMLBlob|Render|AbortWithStatus|AbortWithStatusJSON|AbortWithError|Status|SendStatus|Negotiate';

export const GO_VOCABULARY: Vocabulary = {
  families: [
    {
      id: 'go-net-http', framework: 'Go net/http', kind: 'status', spelling: 'Status{Pascal}',
      names: {
        200: 'StatusOK', 203: 'StatusNonAuthoritativeInfo', 226: 'StatusIMUsed', 407: 'StatusProxyAuthRequired', 413: 'StatusRequestEntityTooLarge',
        414: 'StatusRequestURITooLong', 416: 'StatusRequestedRangeNotSatisfiable', 418: 'StatusTeapot', 422: 'StatusUnprocessableEntity', 505: 'StatusHTTPVersionNotSupported',
      },
    },
    { id: 'go-http-helper', framework: 'Go net/http', kind: 'status', names: { 404: 'NotFound' } },
    { id: 'go-http-method', framework: 'Go net/http', kind: 'method', spelling: 'Method{Pascal}' },
    { id: 'go-router-pascal', framework: 'chi / gorilla / Go routers', kind: 'method', spelling: '{Pascal}' },
    { id: 'go-http-client', framework: 'Go net/http client', kind: 'method', names: { GET: 'Get', POST: 'Post', HEAD: 'Head' }, aliases: { PostForm: 'POST' } },
    { id: 'go-header-constant', framework: 'fiber / echo', kind: 'header', spelling: 'Header{Pascal}', names: { 'X-Request-ID': 'HeaderXRequestID', 'X-Correlation-ID': 'HeaderXCorrelationID' } },
  ],
  rules: [
    { on: 'name', family: 'go-net-http', languages: GO, qualifier: String.raw`\b(?:http|fiber|fasthttp)\s*\.\s*` },
    { on: 'name', family: 'go-http-helper', languages: GO, qualifier: String.raw`\bhttp\s*\.\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'go-http-method', languages: GO, qualifier: String.raw`\b(?:http|fiber|fasthttp)\s*\.\s*` },
    { on: 'name', family: 'go-router-pascal', languages: GO, before: String.raw`\b\w+\s*\.\s*`, after: String.raw`\s*\(\s*["\x60]/` },
    { on: 'name', family: 'go-http-client', languages: GO, qualifier: String.raw`\bhttp\s*\.\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'go-http-client', languages: GO, before: String.raw`\b\w*[Cc]lient\s*\.\s*`, after: String.raw`\s*\(\s*(?:"https?:|[\w.]*(?:url|URL|Url)\b)` },
    { on: 'name', family: 'go-header-constant', languages: GO, qualifier: String.raw`\b(?:fiber|echo)\s*\.\s*` },

    { on: 'number', languages: GO, anyCode: true, before: String.raw`\bhttp\s*\.\s*(?:Error\s*\(${ARGS},\s*|StatusText\s*\(\s*)` },
    { on: 'number', languages: GO, anyCode: true, codeClass: 3, before: String.raw`\bhttp\s*\.\s*Redirect\s*\(${ARGS},\s*` },
    { on: 'number', languages: GO, anyCode: true, before: String.raw`\b\w+\s*\.\s*(?:${CONTEXT_WRITERS})\s*\(\s*` },
    { on: 'number', languages: GO, anyCode: true, before: String.raw`\b(?:echo|fiber)\s*\.\s*(?:NewHTTPError|NewError)\s*\(\s*` },
    { on: 'string', kind: 'method', languages: GO, before: String.raw`\bHandle(?:Func)?\s*\(\s*`, content: String.raw`(?<v>GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|CONNECT|TRACE) +[\w.-]*/` },
  ],
};
