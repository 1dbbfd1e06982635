/** Rust: the http crate (hyper, axum, reqwest, warp), actix-web, Rocket. */
import type { Vocabulary } from '../vocabulary';
import { ARGS, STATUS_ID } from './fragments';

const RS = ['rust'];
const CRATE = String.raw`(?:\b(?:http|hyper|reqwest|axum|actix_web|warp)\s*::\s*(?:http\s*::\s*)?)?`;
const METHOD_WORDS = 'get|post|put|patch|delete|head|options|trace';

export const RUST: Vocabulary = {
  families: [
    { id: 'rust-http-statuscode', framework: 'http crate', kind: 'status', spelling: '{UPPER}', names: { 413: 'PAYLOAD_TOO_LARGE', 414: 'URI_TOO_LONG', 416: 'RANGE_NOT_SATISFIABLE', 418: 'IM_A_TEAPOT', 422: 'UNPROCESSABLE_ENTITY' } },
    {
      id: 'actix-httpresponse', framework: 'actix-web', kind: 'status', spelling: '{Pascal}',
      names: { 200: 'Ok', 203: 'NonAuthoritativeInformation', 226: 'ImUsed', 413: 'PayloadTooLarge', 414: 'UriTooLong', 416: 'RangeNotSatisfiable', 418: 'ImATeapot', 422: 'UnprocessableEntity', 505: 'VersionNotSupported' },
    },
    {
      id: 'rocket-status', framework: 'Rocket', kind: 'status', spelling: '{Pascal}',
      names: { 200: 'Ok', 203: 'NonAuthoritativeInformation', 226: 'ImUsed', 413: 'PayloadTooLarge', 414: 'UriTooLong', 416: 'RangeNotSatisfiable', 418: 'ImATeapot', 422: 'UnprocessableEntity', 505: 'HttpVersionNotSupported' },
    },
    { id: 'rocket-status-responder', framework: 'Rocket', kind: 'status', names: { 201: 'Created', 202: 'Accepted', 204: 'NoContent', 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict' } },
    { id: 'rust-route', framework: 'actix-web / Rocket / axum / warp / reqwest', kind: 'method', spelling: '{lower}' },
    { id: 'rust-http-method', framework: 'http crate', kind: 'method', spelling: '{UPPER}' },
    { id: 'rust-http-header', framework: 'http crate', kind: 'header', spelling: '{UPPER}' },
  ],
  rules: [
    { on: 'name', family: 'rust-http-statuscode', languages: RS, qualifier: String.raw`${CRATE}StatusCode\s*::\s*` },
    { on: 'name', family: 'actix-httpresponse', languages: RS, qualifier: String.raw`\bHttpResponse\s*::\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'rocket-status', languages: RS, qualifier: String.raw`\b(?:rocket\s*::\s*http\s*::\s*)?Status\s*::\s*` },
    { on: 'name', family: 'rocket-status-responder', languages: RS, qualifier: String.raw`\bstatus\s*::\s*` },
    { on: 'name', family: 'rust-route', languages: RS, before: String.raw`#\s*\[\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'rust-route', languages: RS, qualifier: String.raw`\b(?:web|warp|routing|reqwest)\s*::\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'rust-route', languages: RS, before: String.raw`\.\s*route\s*\(\s*"[^"\n]*"\s*,\s*`, after: String.raw`\s*\(`, requires: String.raw`\baxum\b` },
    { on: 'name', family: 'rust-route', languages: RS, before: String.raw`\b(?:${METHOD_WORDS})\s*\(${ARGS}\)\s*\.\s*`, after: String.raw`\s*\(`, requires: String.raw`\baxum\b` },
    { on: 'name', family: 'rust-route', languages: RS, before: String.raw`\b\w*client\s*\.\s*`, after: String.raw`\s*\(`, requires: String.raw`\breqwest\b` },
    { on: 'name', family: 'rust-http-method', languages: RS, qualifier: String.raw`${CRATE}Method\s*::\s*` },
    { on: 'name', family: 'rust-http-header', languages: RS, qualifier: String.raw`${CRATE}header\s*::\s*` },
    // Constants imported bare (`use http::header::{CONTENT_TYPE, LOCATION};`), where a header name goes: the name of
    // `.header(CONTENT_TYPE, …)`, `headers.get(LOCATION)`, `headers()[ALLOW]`, a `(SET_COOKIE, "…")` pair.
    {
      on: 'name', family: 'rust-http-header', languages: RS,
      before: String.raw`(?:\.\s*(?:header|get|get_all|insert|append|contains_key|remove|entry|try_insert)\s*\(|\b[Hh]eaders?\s*(?:\(\s*\))?\s*\[)\s*&?\s*|(?:[\[,]|^|\n)\s*\(\s*`,
      after: String.raw`\s*[,)\]]`,
      requires: String.raw`\bheader\s*::\s*(?:\{[^}]{0,300}\b[A-Z][A-Z_]*[A-Z]\b|[A-Z][A-Z_]*[A-Z]\b|\*)`,
    },

    { on: 'number', languages: RS, anyCode: true, before: String.raw`\bStatusCode\s*::\s*from_u16\s*\(\s*|\bStatus\s*::\s*(?:from_code|new)\s*\(\s*` },
    { on: 'number', languages: RS, anyCode: true, before: String.raw`${STATUS_ID}\s*\.\s*as_u16\s*\(\s*\)\s*(?:==|!=)\s*` },
  ],
};
