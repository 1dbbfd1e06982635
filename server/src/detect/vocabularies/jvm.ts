/** Java, Kotlin and Scala: Spring, Servlet, JAX-RS, HttpURLConnection, MockMvc, Micronaut, Ktor, Play, Akka HTTP, http4s. */
import { JVM, type Vocabulary } from '../vocabulary';
import { LINE_START } from './fragments';

const JK = ['java', 'kotlin'];
const KT = ['kotlin'];
const SCALA = ['scala'];
const CLASSIC_413_416 = { 413: 'REQUEST_ENTITY_TOO_LARGE', 414: 'REQUEST_URI_TOO_LONG', 416: 'REQUESTED_RANGE_NOT_SATISFIABLE' };
const NEW_OR_THROW = String.raw`\b(?:new|throw)\s+`;

export const JVM_VOCABULARY: Vocabulary = {
  families: [
    {
      id: 'spring-httpstatus', framework: 'Spring', kind: 'status', spelling: '{UPPER}',
      names: { 103: 'EARLY_HINTS', 413: 'PAYLOAD_TOO_LARGE', 414: 'URI_TOO_LONG', 416: 'REQUESTED_RANGE_NOT_SATISFIABLE', 418: 'I_AM_A_TEAPOT', 422: 'UNPROCESSABLE_ENTITY' },
      aliases: { CHECKPOINT: 103, MOVED_TEMPORARILY: 302, INSUFFICIENT_SPACE_ON_RESOURCE: 419, METHOD_FAILURE: 420, DESTINATION_LOCKED: 421, BANDWIDTH_LIMIT_EXCEEDED: 509 },
    },
    {
      id: 'servlet-sc', framework: 'Servlet / Apache HttpComponents', kind: 'status', spelling: 'SC_{UPPER}',
      names: { 302: 'SC_MOVED_TEMPORARILY', 413: 'SC_REQUEST_ENTITY_TOO_LARGE', 414: 'SC_REQUEST_URI_TOO_LONG', 416: 'SC_REQUESTED_RANGE_NOT_SATISFIABLE', 422: 'SC_UNPROCESSABLE_ENTITY' },
      aliases: { SC_INSUFFICIENT_SPACE_ON_RESOURCE: 419, SC_METHOD_FAILURE: 420 },
    },
    {
      id: 'java-httpurlconnection', framework: 'java.net.HttpURLConnection', kind: 'status',
      names: {
        200: 'HTTP_OK', 201: 'HTTP_CREATED', 202: 'HTTP_ACCEPTED', 203: 'HTTP_NOT_AUTHORITATIVE', 204: 'HTTP_NO_CONTENT', 205: 'HTTP_RESET', 206: 'HTTP_PARTIAL',
        300: 'HTTP_MULT_CHOICE', 301: 'HTTP_MOVED_PERM', 302: 'HTTP_MOVED_TEMP', 303: 'HTTP_SEE_OTHER', 304: 'HTTP_NOT_MODIFIED', 305: 'HTTP_USE_PROXY',
        400: 'HTTP_BAD_REQUEST', 401: 'HTTP_UNAUTHORIZED', 402: 'HTTP_PAYMENT_REQUIRED', 403: 'HTTP_FORBIDDEN', 404: 'HTTP_NOT_FOUND', 405: 'HTTP_BAD_METHOD',
        406: 'HTTP_NOT_ACCEPTABLE', 407: 'HTTP_PROXY_AUTH', 408: 'HTTP_CLIENT_TIMEOUT', 409: 'HTTP_CONFLICT', 410: 'HTTP_GONE', 411: 'HTTP_LENGTH_REQUIRED',
        412: 'HTTP_PRECON_FAILED', 413: 'HTTP_ENTITY_TOO_LARGE', 414: 'HTTP_REQ_TOO_LONG', 415: 'HTTP_UNSUPPORTED_TYPE', 500: 'HTTP_INTERNAL_ERROR',
        501: 'HTTP_NOT_IMPLEMENTED', 502: 'HTTP_BAD_GATEWAY', 503: 'HTTP_UNAVAILABLE', 504: 'HTTP_GATEWAY_TIMEOUT', 505: 'HTTP_VERSION',
      },
      aliases: { HTTP_SERVER_ERROR: 500 },
    },
    { id: 'jaxrs-status', framework: 'JAX-RS Response.Status', kind: 'status', spelling: '{UPPER}', names: CLASSIC_413_416 },
    {
      id: 'jaxrs-response-helper', framework: 'JAX-RS Response', kind: 'status',
      names: { 200: 'ok', 201: 'created', 202: 'accepted', 204: 'noContent', 303: 'seeOther', 304: 'notModified', 307: 'temporaryRedirect', 406: 'notAcceptable', 500: 'serverError' },
    },
    {
      id: 'spring-responseentity-helper', framework: 'Spring ResponseEntity', kind: 'status',
      names: { 200: 'ok', 201: 'created', 202: 'accepted', 204: 'noContent', 400: 'badRequest', 404: 'notFound', 422: 'unprocessableEntity', 500: 'internalServerError' },
    },
    {
      id: 'jaxrs-exception', framework: 'JAX-RS', kind: 'status',
      names: {
        400: 'BadRequestException', 401: 'NotAuthorizedException', 403: 'ForbiddenException', 404: 'NotFoundException', 405: 'NotAllowedException',
        406: 'NotAcceptableException', 415: 'NotSupportedException', 500: 'InternalServerErrorException', 503: 'ServiceUnavailableException',
      },
    },
    {
      id: 'spring-status-matcher', framework: 'Spring MockMvc / WebTestClient', kind: 'status', spelling: 'is{Pascal}',
      names: { 200: 'isOk', 203: 'isNonAuthoritativeInformation', 226: 'isImUsed', 413: 'isPayloadTooLarge', 414: 'isUriTooLong', 416: 'isRequestedRangeNotSatisfiable', 418: 'isIAmATeapot', 422: 'isUnprocessableEntity', 505: 'isHttpVersionNotSupported' },
    },
    {
      id: 'ktor-httpstatuscode', framework: 'Ktor', kind: 'status', spelling: '{Pascal}',
      names: { 200: 'OK', 203: 'NonAuthoritativeInformation', 306: 'SwitchProxy', 413: 'PayloadTooLarge', 414: 'RequestURITooLong', 416: 'RequestedRangeNotSatisfiable', 422: 'UnprocessableEntity', 431: 'RequestHeaderFieldTooLarge', 505: 'VersionNotSupported' },
    },
    {
      id: 'akka-statuscodes', framework: 'Akka HTTP / Pekko HTTP', kind: 'status', spelling: '{Pascal}',
      names: { 200: 'OK', 203: 'NonAuthoritativeInformation', 413: 'PayloadTooLarge', 414: 'UriTooLong', 416: 'RangeNotSatisfiable', 418: 'ImATeapot', 422: 'UnprocessableEntity', 505: 'HTTPVersionNotSupported' },
      aliases: { RequestEntityTooLarge: 413, RequestUriTooLong: 414, RequestedRangeNotSatisfiable: 416, EnhanceYourCalm: 420, UnprocessableContent: 422 },
    },
    {
      id: 'play-results', framework: 'Play / http4s', kind: 'status',
      names: {
        200: 'Ok', 201: 'Created', 202: 'Accepted', 203: 'NonAuthoritativeInformation', 204: 'NoContent', 205: 'ResetContent', 206: 'PartialContent',
        207: 'MultiStatus', 301: 'MovedPermanently', 302: 'Found', 303: 'SeeOther', 304: 'NotModified', 307: 'TemporaryRedirect', 308: 'PermanentRedirect',
        400: 'BadRequest', 401: 'Unauthorized', 402: 'PaymentRequired', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 406: 'NotAcceptable',
        408: 'RequestTimeout', 409: 'Conflict', 410: 'Gone', 412: 'PreconditionFailed', 413: 'EntityTooLarge', 414: 'UriTooLong', 415: 'UnsupportedMediaType',
        417: 'ExpectationFailed', 418: 'ImATeapot', 422: 'UnprocessableEntity', 423: 'Locked', 424: 'FailedDependency', 428: 'PreconditionRequired',
        429: 'TooManyRequests', 431: 'RequestHeaderFieldsTooLarge', 500: 'InternalServerError', 501: 'NotImplemented', 502: 'BadGateway',
        503: 'ServiceUnavailable', 504: 'GatewayTimeout', 505: 'HttpVersionNotSupported', 507: 'InsufficientStorage', 511: 'NetworkAuthenticationRequired',
      },
    },
    // Exceptions whose status the framework fixes: Spring Security's ExceptionTranslationFilter answers an access denial
    // with 403 (an authentication failure goes to an entry point that may redirect, so those are not here); Spring MVC
    // and WebFlux answer their own exceptions as their ErrorResponse says.
    {
      id: 'spring-security-exception', framework: 'Spring Security', kind: 'status', names: { 403: 'AccessDeniedException' },
      aliases: { AuthorizationDeniedException: 403, CsrfException: 403, InvalidCsrfTokenException: 403, MissingCsrfTokenException: 403 },
    },
    {
      id: 'spring-web-exception', framework: 'Spring MVC / WebFlux', kind: 'status',
      names: {
        400: 'MissingServletRequestParameterException', 404: 'NoHandlerFoundException', 405: 'HttpRequestMethodNotSupportedException',
        406: 'HttpMediaTypeNotAcceptableException', 415: 'HttpMediaTypeNotSupportedException', 503: 'AsyncRequestTimeoutException',
      },
      aliases: {
        MissingServletRequestPartException: 400, ServerWebInputException: 400, NoResourceFoundException: 404, MethodNotAllowedException: 405,
        NotAcceptableStatusException: 406, UnsupportedMediaTypeStatusException: 415,
      },
    },
    { id: 'spring-mapping', framework: 'Spring', kind: 'method', spelling: '{Pascal}Mapping' },
    { id: 'spring-requestmethod', framework: 'Spring', kind: 'method', spelling: '{UPPER}' },
    { id: 'jaxrs-method-annotation', framework: 'JAX-RS / Retrofit', kind: 'method', spelling: '{UPPER}' },
    { id: 'micronaut-route', framework: 'Micronaut', kind: 'method', spelling: '{Pascal}' },
    { id: 'servlet-do', framework: 'Servlet', kind: 'method', spelling: 'do{Pascal}' },
    { id: 'webclient-method', framework: 'Spring WebClient / WebTestClient', kind: 'method', spelling: '{lower}' },
    { id: 'ktor-route', framework: 'Ktor', kind: 'method', spelling: '{lower}' },
    // Ktor's HttpClient has a function for each of these and none for CONNECT or TRACE (a WebSocket client's `connect()` is not one).
    { id: 'ktor-client-method', framework: 'Ktor client', kind: 'method', names: { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete', HEAD: 'head', OPTIONS: 'options' } },
    { id: 'restassured-method', framework: 'REST Assured', kind: 'method', spelling: '{lower}' },
    { id: 'ktor-httpmethod', framework: 'Ktor', kind: 'method', spelling: '{Pascal}' },
    { id: 'http4s-dsl-method', framework: 'http4s', kind: 'method', spelling: '{UPPER}' },
    { id: 'akka-directive', framework: 'Akka HTTP / Pekko HTTP', kind: 'method', spelling: '{lower}' },
    { id: 'java-httpheaders', framework: 'Spring / JAX-RS / Guava / Netty HttpHeaders', kind: 'header', spelling: '{UPPER}' },
    { id: 'ktor-httpheaders', framework: 'Ktor', kind: 'header', spelling: '{Pascal}', names: { 'X-Request-ID': 'XRequestId', 'X-Correlation-ID': 'XCorrelationId', 'X-HTTP-Method-Override': 'XHttpMethodOverride' } },
  ],
  rules: [
    { on: 'name', family: 'spring-httpstatus', languages: JK, qualifier: String.raw`\bHttpStatus\s*\.\s*` },
    { on: 'name', family: 'servlet-sc', languages: JVM, qualifier: String.raw`(?:\b\w+\s*\.\s*)?` },
    { on: 'name', family: 'java-httpurlconnection', languages: JVM, qualifier: String.raw`\bHttpURLConnection\s*\.\s*` },
    { on: 'name', family: 'jaxrs-status', languages: JVM, qualifier: String.raw`\bResponse\s*\.\s*Status\s*\.\s*` },
    { on: 'name', family: 'jaxrs-status', languages: JVM, qualifier: String.raw`\bStatus\s*\.\s*`, notBefore: String.raw`\.\s*`, requires: String.raw`\bws\.rs\.core\.Response|\borg\.http4k\b|\bplay\.mvc\b` },
    { on: 'name', family: 'jaxrs-response-helper', languages: JVM, qualifier: String.raw`\bResponse\s*\.\s*`, after: String.raw`\s*\(`, requires: String.raw`\bws\.rs\b` },
    { on: 'name', family: 'spring-responseentity-helper', languages: JK, qualifier: String.raw`\bResponseEntity\s*\.\s*(?:<[^<>()]*>\s*)?`, after: String.raw`\s*\(` },
    { on: 'name', family: 'jaxrs-exception', languages: JVM, before: NEW_OR_THROW, requires: String.raw`\bws\.rs\b` },
    { on: 'name', family: 'spring-security-exception', languages: JK, before: NEW_OR_THROW, requires: String.raw`\borg\.springframework\.security\.(?:access|authorization|web\.csrf)\.` },
    { on: 'name', family: 'spring-web-exception', languages: JK, before: NEW_OR_THROW, requires: String.raw`\borg\.springframework\.web\.` },
    { on: 'name', family: 'spring-status-matcher', languages: JK, before: String.raw`\b(?:status|expectStatus)\s*\(\s*\)\s*\.\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'ktor-httpstatuscode', languages: KT, qualifier: String.raw`\bHttpStatusCode\s*\.\s*` },
    { on: 'name', family: 'akka-statuscodes', languages: SCALA, qualifier: String.raw`\bStatusCodes\s*\.\s*` },
    { on: 'name', family: 'play-results', languages: SCALA, qualifier: String.raw`(?:\bResults\s*\.\s*)?`, notBefore: String.raw`\.\s*`, after: String.raw`\s*(?:\(|$|[\n;,)}])`, requires: String.raw`\bplay\.api\.mvc\b|\borg\.http4s\b` },

    { on: 'name', family: 'spring-mapping', languages: JK, qualifier: '@' },
    { on: 'name', family: 'spring-requestmethod', languages: JK, qualifier: String.raw`\b(?:RequestMethod|HttpMethod)\s*\.\s*` },
    { on: 'name', family: 'jaxrs-method-annotation', languages: JVM, qualifier: '@' },
    { on: 'name', family: 'micronaut-route', languages: JK, qualifier: '@', requires: String.raw`\bio\.micronaut\.http\b` },
    { on: 'name', family: 'servlet-do', languages: JVM, after: String.raw`\s*\(`, requires: String.raw`\bHttpServlet\b` },
    { on: 'name', family: 'webclient-method', languages: JK, before: String.raw`\.\s*`, after: String.raw`\s*\(\s*\)\s*\.\s*(?:uri|retrieve|exchange|body|bodyValue|contentType|accept|header|headers)\b` },
    // A route block, not kotlinx.html's `head { title(…) }` (whose first child is a head element).
    { on: 'name', family: 'ktor-route', languages: KT, before: String.raw`(?:${LINE_START}|[{;]\s*)`, after: String.raw`\s*(?:\(\s*"|\{(?!\s*(?:title|meta|link|script|style|base|styleLink)\b))`, requires: String.raw`\bio\.ktor\b` },
    { on: 'name', family: 'ktor-client-method', languages: KT, before: String.raw`\b\w*[Cc]lient\s*\.\s*`, after: String.raw`\s*(?:<[^<>()]*>\s*)?\(`, requires: String.raw`\bio\.ktor\b` },
    // REST Assured's `given()…when().delete("/orders/1")` (a backquoted `when` in Kotlin, or its extensions' `When { delete(…) }`).
    { on: 'name', family: 'restassured-method', languages: JK, before: String.raw`(?<![\w$])\x60?when\x60?\s*\(\s*\)\s*\.\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'restassured-method', languages: KT, before: String.raw`\bWhen\s*\{\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'ktor-httpmethod', languages: KT, qualifier: String.raw`\bHttpMethod\s*\.\s*` },
    { on: 'name', family: 'http4s-dsl-method', languages: SCALA, before: String.raw`\bcase\s+(?:\w+\s*@\s*)?`, after: String.raw`\s*->`, requires: String.raw`\borg\.http4s\b` },
    { on: 'name', family: 'akka-directive', languages: SCALA, before: String.raw`(?:${LINE_START}|[{(~]\s*)`, after: String.raw`\s*\{`, requires: String.raw`\b(?:akka|pekko)\.http\b` },
    { on: 'name', family: 'java-httpheaders', languages: JVM, qualifier: String.raw`\b(?:HttpHeaders|HttpHeaderNames|HttpHeaderNames\w*)\s*\.\s*` },
    { on: 'name', family: 'ktor-httpheaders', languages: KT, qualifier: String.raw`\bHttpHeaders\s*\.\s*` },

    { on: 'number', languages: JVM, anyCode: true, before: String.raw`\b(?:HttpStatus|HttpStatusCode)\s*\.\s*(?:valueOf|resolve)\s*\(\s*` },
    { on: 'number', languages: JVM, anyCode: true, before: String.raw`@ApiResponse\s*\([^()]{0,200}?\bcode\s*=\s*` },
    { on: 'number', languages: KT, anyCode: true, before: String.raw`\bHttpStatusCode\s*(?:\.\s*fromValue\s*)?\(\s*` },
    // REST Assured's Kotlin extensions: `Then { statusCode(204) }`.
    { on: 'number', languages: KT, anyCode: true, before: String.raw`(?<![\w$.])statusCode\s*\(\s*`, requires: String.raw`\bio\.restassured\b` },
    { on: 'number', languages: SCALA, anyCode: true, before: String.raw`(?<![\w$.])Status\s*\(\s*`, requires: String.raw`\bplay\.api\.mvc\b|\borg\.http4s\b` },
    { on: 'string', kind: 'status', languages: JVM, before: String.raw`\bresponseCode\s*=\s*`, content: String.raw`(?<v>[1-5]\d\d)$` },
  ],
};
