/** JavaScript and TypeScript: Express, Koa, Fastify, hapi, NestJS, http-status-codes, http-errors, fetch, axios, SvelteKit. */
import { JS, type Vocabulary } from '../vocabulary';
import { ARGS, EARLIER_ITEMS, PATH_ARG, STR } from './fragments';

const ROUTER = String.raw`\b(?:app|router|api|server|fastify|routes?|r|hono|[\w$]*(?:Router|Routes|App|Api|Server)|[\w$]*(?:router|app|api|server))\s*\.\s*`;
const HTTP_CLIENT = String.raw`\b(?:axios|ky|got|superagent|\$http|this\s*\.\s*http(?:Client)?|httpClient|HttpClient|(?:(?:request|supertest)(?:\s*\.\s*agent)?|chai\s*\.\s*request)\s*\(${ARGS}\)(?:\s*\.\s*\w+\s*\(${ARGS}\)){0,8})\s*\.\s*`;

export const NODE: Vocabulary = {
  families: [
    {
      id: 'nest-httpstatus', framework: 'NestJS', kind: 'status', spelling: '{UPPER}',
      names: { 103: 'EARLYHINTS', 300: 'AMBIGUOUS', 413: 'PAYLOAD_TOO_LARGE', 414: 'URI_TOO_LONG', 416: 'REQUESTED_RANGE_NOT_SATISFIABLE', 418: 'I_AM_A_TEAPOT', 421: 'MISDIRECTED', 422: 'UNPROCESSABLE_ENTITY' },
    },
    {
      id: 'http-status-codes', framework: 'http-status-codes', kind: 'status', spelling: '{UPPER}',
      names: { 302: 'MOVED_TEMPORARILY', 413: 'REQUEST_TOO_LONG', 414: 'REQUEST_URI_TOO_LONG', 416: 'REQUESTED_RANGE_NOT_SATISFIABLE', 418: 'IM_A_TEAPOT', 419: 'INSUFFICIENT_SPACE_ON_RESOURCE', 420: 'METHOD_FAILURE', 422: 'UNPROCESSABLE_ENTITY' },
    },
    { id: 'http-status', framework: 'http-status', kind: 'status', spelling: '{UPPER}', names: { 413: 'REQUEST_ENTITY_TOO_LARGE', 414: 'REQUEST_URI_TOO_LONG', 416: 'REQUESTED_RANGE_NOT_SATISFIABLE', 418: 'IM_A_TEAPOT', 422: 'UNPROCESSABLE_ENTITY' } },
    {
      id: 'ts-httpstatuscode', framework: 'Angular / axios HttpStatusCode', kind: 'status', spelling: '{Pascal}',
      names: { 200: 'Ok', 203: 'NonAuthoritativeInformation', 226: 'ImUsed', 413: 'PayloadTooLarge', 414: 'UriTooLong', 416: 'RangeNotSatisfiable', 418: 'ImATeapot', 422: 'UnprocessableEntity', 505: 'HttpVersionNotSupported' },
    },
    {
      id: 'nest-exception', framework: 'NestJS', kind: 'status',
      names: {
        400: 'BadRequestException', 401: 'UnauthorizedException', 403: 'ForbiddenException', 404: 'NotFoundException', 405: 'MethodNotAllowedException',
        406: 'NotAcceptableException', 408: 'RequestTimeoutException', 409: 'ConflictException', 410: 'GoneException', 412: 'PreconditionFailedException',
        413: 'PayloadTooLargeException', 415: 'UnsupportedMediaTypeException', 418: 'ImATeapotException', 421: 'MisdirectedException',
        422: 'UnprocessableEntityException', 500: 'InternalServerErrorException', 501: 'NotImplementedException', 502: 'BadGatewayException',
        503: 'ServiceUnavailableException', 504: 'GatewayTimeoutException', 505: 'HttpVersionNotSupportedException',
      },
    },
    {
      id: 'boom', framework: 'hapi Boom', kind: 'status',
      names: {
        400: 'badRequest', 401: 'unauthorized', 402: 'paymentRequired', 403: 'forbidden', 404: 'notFound', 405: 'methodNotAllowed', 406: 'notAcceptable',
        407: 'proxyAuthRequired', 408: 'clientTimeout', 409: 'conflict', 410: 'resourceGone', 411: 'lengthRequired', 412: 'preconditionFailed',
        413: 'entityTooLarge', 414: 'uriTooLong', 415: 'unsupportedMediaType', 416: 'rangeNotSatisfiable', 417: 'expectationFailed', 418: 'teapot',
        422: 'badData', 423: 'locked', 424: 'failedDependency', 425: 'tooEarly', 428: 'preconditionRequired', 429: 'tooManyRequests', 451: 'illegal',
        500: 'badImplementation', 501: 'notImplemented', 502: 'badGateway', 503: 'serverUnavailable', 504: 'gatewayTimeout',
      },
      aliases: { internal: 500 },
    },
    { id: 'http-errors', framework: 'http-errors', kind: 'status', spelling: '{Pascal}', names: { 413: 'PayloadTooLarge', 414: 'URITooLong', 416: 'RangeNotSatisfiable', 418: 'ImATeapot', 422: 'UnprocessableEntity', 505: 'HTTPVersionNotSupported' } },
    { id: 'node-http2-status', framework: 'Node http2', kind: 'status', spelling: 'HTTP_STATUS_{UPPER}', names: { 413: 'HTTP_STATUS_PAYLOAD_TOO_LARGE', 418: 'HTTP_STATUS_TEAPOT', 422: 'HTTP_STATUS_UNPROCESSABLE_ENTITY' } },
    { id: 'node-http2-header', framework: 'Node http2', kind: 'header', spelling: 'HTTP2_HEADER_{UPPER}' },
    { id: 'node-http2-method', framework: 'Node http2', kind: 'method', spelling: 'HTTP2_METHOD_{UPPER}' },
    { id: 'node-route', framework: 'Express / Koa / Fastify / Hono', kind: 'method', spelling: '{lower}' },
    { id: 'node-http-client', framework: 'axios / fetch clients / supertest', kind: 'method', spelling: '{lower}' },
    { id: 'nest-route', framework: 'NestJS', kind: 'method', spelling: '{Pascal}' },
  ],
  rules: [
    { on: 'name', family: 'nest-httpstatus', languages: JS, qualifier: String.raw`\bHttpStatus\s*\.\s*` },
    { on: 'name', family: 'http-status-codes', languages: JS, qualifier: String.raw`\b(?:StatusCodes|ReasonPhrases)\s*\.\s*` },
    { on: 'name', family: 'http-status', languages: JS, qualifier: String.raw`\b(?:httpStatus|httpStatusCodes|status)\s*\.\s*`, requires: String.raw`['"]http-status['"]` },
    { on: 'name', family: 'ts-httpstatuscode', languages: JS, qualifier: String.raw`\bHttpStatusCode\s*\.\s*` },
    { on: 'name', family: 'nest-exception', languages: JS, before: String.raw`\bnew\s+` },
    { on: 'name', family: 'boom', languages: JS, qualifier: String.raw`\bBoom\s*\.\s*` },
    { on: 'name', family: 'http-errors', languages: JS, qualifier: String.raw`\b(?:createError|createHttpError|httpErrors|HttpErrors)\s*\.\s*` },
    { on: 'name', family: 'node-http2-status', languages: JS },
    { on: 'name', family: 'node-http2-header', languages: JS },
    { on: 'name', family: 'node-http2-method', languages: JS },
    { on: 'name', family: 'node-route', languages: JS, before: ROUTER, after: PATH_ARG },
    { on: 'name', family: 'node-route', languages: JS, before: String.raw`\.\s*route\s*\(\s*${STR}\s*\)(?:\s*\.\s*\w+\s*\(${ARGS}\)){0,8}\s*\.\s*`, after: String.raw`\s*\(` },
    { on: 'name', family: 'node-http-client', languages: JS, before: HTTP_CLIENT, after: String.raw`\s*(?:<[^<>()]*>\s*)?\(` },
    { on: 'name', family: 'node-http-client', languages: JS, before: String.raw`\b(?:client|api|http|https|agent|instance|fetcher|[\w$]*Client|[\w$]*Api)\s*\.\s*`, after: String.raw`\s*(?:<[^<>()]*>)?${PATH_ARG}` },
    { on: 'name', family: 'nest-route', languages: JS, qualifier: '@', after: String.raw`\s*\(`, requires: String.raw`@nestjs/|routing-controllers|tsoa|@Controller\b` },

    { on: 'number', languages: JS, anyCode: true, before: String.raw`\b(?:reply|res|response|h\s*\.\s*response\s*\(${ARGS}\))\s*\.\s*code\s*\(\s*` },
    { on: 'number', languages: JS, before: String.raw`\.\s*code\s*\(\s*` },
    { on: 'number', languages: JS, anyCode: true, before: String.raw`\b(?:ctx|this)\s*\.\s*throw\s*\(\s*|\bctx\s*\.\s*assert\s*\(${ARGS},\s*` },
    { on: 'number', languages: JS, anyCode: true, codeClass: 3, before: String.raw`\.\s*redirect\s*\(\s*`, after: String.raw`\s*,` },
    { on: 'number', languages: JS, anyCode: true, codeClass: 3, before: String.raw`\b[\w$]*Response\s*\.\s*redirect\s*\(${ARGS},\s*` },
    { on: 'number', languages: JS, anyCode: true, before: String.raw`\b(?:createError|createHttpError|httpErrors|HttpError)\s*\(\s*` },
    { on: 'number', languages: JS, anyCode: true, before: String.raw`\bHttpException\s*\(\s*(?:${STR}|[\w$.]+|\{[^{}]{0,300}\})\s*,\s*` },
    { on: 'number', languages: JS, anyCode: true, before: String.raw`@HttpCode\s*\(\s*` },
    { on: 'number', languages: JS, anyCode: true, codeClass: 3, before: String.raw`@Redirect\s*\(\s*${STR}\s*,\s*` },
    { on: 'number', languages: JS, anyCode: true, before: String.raw`(?<![\w$.])error\s*\(\s*`, requires: String.raw`@sveltejs/kit` },
    { on: 'number', languages: JS, anyCode: true, codeClass: 3, before: String.raw`(?<![\w$.])redirect\s*\(\s*`, requires: String.raw`@sveltejs/kit` },
    { on: 'number', languages: JS, anyCode: true, before: String.raw`\bSTATUS_CODES\s*\[\s*` },
    { on: 'number', languages: JS, before: String.raw`\.\s*expect\s*\(\s*`, requires: String.raw`supertest|chai-http` },
    { on: 'number', languages: JS, anyCode: true, before: String.raw`\b(?:new\s+Response|Response\s*\.\s*json|NextResponse\s*\.\s*json|json)\s*\(${ARGS}\{${EARLIER_ITEMS}\bstatus\s*:\s*` },
    { on: 'string', kind: 'method', languages: JS, before: String.raw`\.\s*open\s*\(\s*` },
    // supertest's header assertion: `.expect('Location', /\/orders\/\d+/)`.
    { on: 'string', kind: 'header', languages: JS, before: String.raw`\.\s*expect\s*\(\s*`, after: String.raw`\s*,`, requires: String.raw`supertest|chai-http` },
  ],
};
