/** Swift: Vapor and SwiftNIO (HTTPStatus, HTTPResponseStatus, HTTPMethod, header names), URLSession. */
import type { Vocabulary } from '../vocabulary';

const SWIFT = ['swift'];
/** Where a bare method case is an HTTP method: a route (`app.on(.PATCH, …)`), a request (`method: .post`), a test request (`app.test(.GET, "todos")`). */
const METHOD_CASE = String.raw`\bon\s*\(\s*|\bmethod\s*(?:==|!=|=|:)\s*|\.\s*(?:test|sendRequest)\s*\(\s*(?:method\s*:\s*)?`;

export const SWIFT_VOCABULARY: Vocabulary = {
  families: [
    {
      id: 'swift-httpstatus', framework: 'Vapor / SwiftNIO', kind: 'status', spelling: '{camel}',
      names: { 203: 'nonAuthoritativeInformation', 226: 'imUsed', 413: 'payloadTooLarge', 414: 'uriTooLong', 416: 'rangeNotSatisfiable', 418: 'imATeapot', 422: 'unprocessableEntity', 505: 'httpVersionNotSupported' },
    },
    { id: 'vapor-route', framework: 'Vapor', kind: 'method', spelling: '{lower}' },
    { id: 'swift-http-types-method', framework: 'Swift HTTP Types (Vapor 5)', kind: 'method', spelling: '{lower}' },
    { id: 'swift-header-name', framework: 'Vapor / SwiftNIO', kind: 'header', spelling: '{camel}' },
  ],
  rules: [
    { on: 'name', family: 'swift-httpstatus', languages: SWIFT, qualifier: String.raw`\b(?:HTTPStatus|HTTPResponseStatus)\s*\.\s*` },
    { on: 'name', family: 'swift-httpstatus', languages: SWIFT, qualifier: String.raw`\.`, before: String.raw`\bAbort\s*\(\s*|\bstatus\s*:\s*|\bstatus\s*(?:==|!=|=)\s*|\bXCTAssertEqual\s*\(\s*[\w.]*status\s*,\s*` },
    { on: 'name', family: 'httpmethod-enum', languages: SWIFT, qualifier: String.raw`\bHTTPMethod\s*\.\s*` },
    { on: 'name', family: 'httpmethod-enum', languages: SWIFT, qualifier: String.raw`\.`, before: METHOD_CASE },
    { on: 'name', family: 'swift-http-types-method', languages: SWIFT, qualifier: String.raw`\bHTTPRequest\s*\.\s*Method\s*\.\s*` },
    { on: 'name', family: 'swift-http-types-method', languages: SWIFT, qualifier: String.raw`\.`, before: METHOD_CASE },
    { on: 'name', family: 'vapor-route', languages: SWIFT, before: String.raw`\.\s*`, after: String.raw`\s*\(\s*(?:"[^"\n]{0,80}"\s*,\s*){0,8}(?:use\s*:|"[^"\n]*"\s*\)\s*\{)`, requires: String.raw`\bimport\s+Vapor\b` },
    { on: 'name', family: 'swift-header-name', languages: SWIFT, qualifier: String.raw`\bHTTPHeaders\s*\.\s*Name\s*\.\s*` },
    { on: 'name', family: 'swift-header-name', languages: SWIFT, qualifier: String.raw`\.`, before: String.raw`\bheaders\s*\[\s*|\bheaders\s*\.\s*\w+\s*\(\s*name\s*:\s*` },

    { on: 'number', languages: SWIFT, anyCode: true, before: String.raw`\bHTTP(?:Response)?Status\s*\(\s*statusCode\s*:\s*|\.\s*custom\s*\(\s*code\s*:\s*` },
  ],
};
