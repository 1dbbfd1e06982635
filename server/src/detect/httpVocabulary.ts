/** The HTTP vocabulary as data: registered status codes with their phrase variants, methods and header names. */

export type RegistryState = 'active' | 'deprecated' | 'unused';

export interface StatusCodeInfo {
  code: number;
  /** The IANA registry's reason phrase. */
  phrase: string;
  state: RegistryState;
  /** Older phrases that constants are still named after (`REQUEST_ENTITY_TOO_LARGE`); one framework's own names live in its family. */
  aliases?: string[];
  /** The phrase most frameworks name their constant after, when it is not the registry's (413, 422, 418, 306). */
  constantPhrase?: string;
}

/** The IANA HTTP Status Code Registry (RFC 9110 and the RFCs that add codes). */
export const STATUS_CODES: readonly StatusCodeInfo[] = [
  { code: 100, phrase: 'Continue', state: 'active' },
  { code: 101, phrase: 'Switching Protocols', state: 'active' },
  { code: 102, phrase: 'Processing', state: 'active' },
  { code: 103, phrase: 'Early Hints', state: 'active' },
  { code: 200, phrase: 'OK', state: 'active' },
  { code: 201, phrase: 'Created', state: 'active' },
  { code: 202, phrase: 'Accepted', state: 'active' },
  { code: 203, phrase: 'Non-Authoritative Information', state: 'active', aliases: ['Non Authoritative Info', 'Non Authoritative'] },
  { code: 204, phrase: 'No Content', state: 'active' },
  { code: 205, phrase: 'Reset Content', state: 'active' },
  { code: 206, phrase: 'Partial Content', state: 'active' },
  { code: 207, phrase: 'Multi-Status', state: 'active' },
  { code: 208, phrase: 'Already Reported', state: 'active' },
  { code: 226, phrase: 'IM Used', state: 'active' },
  { code: 300, phrase: 'Multiple Choices', state: 'active' },
  { code: 301, phrase: 'Moved Permanently', state: 'active' },
  { code: 302, phrase: 'Found', state: 'active', aliases: ['Moved Temporarily'] },
  { code: 303, phrase: 'See Other', state: 'active' },
  { code: 304, phrase: 'Not Modified', state: 'active' },
  { code: 305, phrase: 'Use Proxy', state: 'deprecated' },
  { code: 306, phrase: '(Unused)', state: 'unused', aliases: ['Switch Proxy'], constantPhrase: 'Switch Proxy' },
  { code: 307, phrase: 'Temporary Redirect', state: 'active' },
  { code: 308, phrase: 'Permanent Redirect', state: 'active' },
  { code: 400, phrase: 'Bad Request', state: 'active' },
  { code: 401, phrase: 'Unauthorized', state: 'active' },
  { code: 402, phrase: 'Payment Required', state: 'active' },
  { code: 403, phrase: 'Forbidden', state: 'active' },
  { code: 404, phrase: 'Not Found', state: 'active' },
  { code: 405, phrase: 'Method Not Allowed', state: 'active' },
  { code: 406, phrase: 'Not Acceptable', state: 'active' },
  { code: 407, phrase: 'Proxy Authentication Required', state: 'active', aliases: ['Proxy Auth Required'] },
  { code: 408, phrase: 'Request Timeout', state: 'active', aliases: ['Request Time Out'] },
  { code: 409, phrase: 'Conflict', state: 'active' },
  { code: 410, phrase: 'Gone', state: 'active' },
  { code: 411, phrase: 'Length Required', state: 'active' },
  { code: 412, phrase: 'Precondition Failed', state: 'active' },
  { code: 413, phrase: 'Content Too Large', state: 'active', aliases: ['Payload Too Large', 'Request Entity Too Large', 'Request Too Large'], constantPhrase: 'Payload Too Large' },
  { code: 414, phrase: 'URI Too Long', state: 'active', aliases: ['Request URI Too Long', 'Request-URI Too Long', 'Request Uri Too Long', 'Uri Too Long', 'Request URI Too Large'] },
  { code: 415, phrase: 'Unsupported Media Type', state: 'active' },
  { code: 416, phrase: 'Range Not Satisfiable', state: 'active', aliases: ['Requested Range Not Satisfiable', 'Request Range Not Satisfiable'] },
  { code: 417, phrase: 'Expectation Failed', state: 'active' },
  { code: 418, phrase: '(Unused)', state: 'unused', aliases: ["I'm a teapot", 'I Am A Teapot'], constantPhrase: "I'm a teapot" },
  { code: 421, phrase: 'Misdirected Request', state: 'active' },
  { code: 422, phrase: 'Unprocessable Content', state: 'active', aliases: ['Unprocessable Entity'], constantPhrase: 'Unprocessable Entity' },
  { code: 423, phrase: 'Locked', state: 'active' },
  { code: 424, phrase: 'Failed Dependency', state: 'active' },
  { code: 425, phrase: 'Too Early', state: 'active' },
  { code: 426, phrase: 'Upgrade Required', state: 'active' },
  { code: 428, phrase: 'Precondition Required', state: 'active' },
  { code: 429, phrase: 'Too Many Requests', state: 'active' },
  { code: 431, phrase: 'Request Header Fields Too Large', state: 'active' },
  { code: 451, phrase: 'Unavailable For Legal Reasons', state: 'active' },
  { code: 500, phrase: 'Internal Server Error', state: 'active' },
  { code: 501, phrase: 'Not Implemented', state: 'active' },
  { code: 502, phrase: 'Bad Gateway', state: 'active' },
  { code: 503, phrase: 'Service Unavailable', state: 'active' },
  { code: 504, phrase: 'Gateway Timeout', state: 'active', aliases: ['Gateway Time Out'] },
  { code: 505, phrase: 'HTTP Version Not Supported', state: 'active', aliases: ['Http Version Not Supported', 'Version Not Supported'] },
  { code: 506, phrase: 'Variant Also Negotiates', state: 'active' },
  { code: 507, phrase: 'Insufficient Storage', state: 'active' },
  { code: 508, phrase: 'Loop Detected', state: 'active' },
  { code: 510, phrase: 'Not Extended', state: 'active' },
  { code: 511, phrase: 'Network Authentication Required', state: 'active' },
];

export const STATUS_BY_CODE: ReadonlyMap<number, StatusCodeInfo> = new Map(STATUS_CODES.map((s) => [s.code, s]));

/** The display phrase: '418 (Unused)' reads better as the phrase frameworks use. */
export function statusPhrase(code: number): string | undefined {
  return STATUS_BY_CODE.get(code)?.phrase;
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Header names API guidelines talk about, in canonical case (IANA field names plus the common `X-` ones). */
export const HTTP_HEADERS: readonly string[] = [
  'Accept', 'Accept-CH', 'Accept-Charset', 'Accept-Encoding', 'Accept-Language', 'Accept-Patch', 'Accept-Post', 'Accept-Ranges',
  'Access-Control-Allow-Credentials', 'Access-Control-Allow-Headers', 'Access-Control-Allow-Methods',
  'Access-Control-Allow-Origin', 'Access-Control-Expose-Headers', 'Access-Control-Max-Age',
  'Access-Control-Request-Headers', 'Access-Control-Request-Method',
  'Age', 'Allow', 'Alt-Svc', 'Authentication-Info', 'Authorization', 'Cache-Control', 'Clear-Site-Data', 'Connection',
  'Content-Digest', 'Content-Disposition', 'Content-Encoding', 'Content-Language', 'Content-Length', 'Content-Location',
  'Content-Range', 'Content-Security-Policy', 'Content-Security-Policy-Report-Only', 'Content-Type',
  'Cookie', 'Cross-Origin-Embedder-Policy', 'Cross-Origin-Opener-Policy', 'Cross-Origin-Resource-Policy',
  'Date', 'Deprecation', 'Digest', 'Early-Data', 'ETag', 'Expect', 'Expires', 'Forwarded', 'From', 'Host',
  'Idempotency-Key', 'If-Match', 'If-Modified-Since', 'If-None-Match', 'If-Range', 'If-Unmodified-Since', 'Keep-Alive',
  'Last-Modified', 'Link', 'Location', 'Max-Forwards', 'Origin', 'Permissions-Policy', 'Pragma', 'Prefer',
  'Preference-Applied', 'Priority', 'Proxy-Authenticate', 'Proxy-Authorization', 'Range', 'RateLimit', 'RateLimit-Limit',
  'RateLimit-Policy', 'RateLimit-Remaining', 'RateLimit-Reset', 'Referer', 'Referrer-Policy', 'Repr-Digest', 'Retry-After',
  'Server', 'Server-Timing', 'Set-Cookie', 'Strict-Transport-Security', 'Sunset', 'TE', 'Timing-Allow-Origin',
  'Traceparent', 'Tracestate', 'Trailer', 'Transfer-Encoding', 'Upgrade', 'User-Agent', 'Vary', 'Via', 'Want-Digest',
  'Warning', 'WWW-Authenticate',
  'X-Api-Key', 'X-Content-Type-Options', 'X-Correlation-ID', 'X-CSRF-Token', 'X-Forwarded-For', 'X-Forwarded-Host',
  'X-Forwarded-Port', 'X-Forwarded-Proto', 'X-Frame-Options', 'X-HTTP-Method-Override', 'X-Powered-By',
  'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'X-Real-IP', 'X-Request-ID', 'X-Requested-With',
  'X-Total-Count', 'X-XSS-Protection',
];

export const HEADER_BY_LOWER: ReadonlyMap<string, string> = new Map(HTTP_HEADERS.map((h) => [h.toLowerCase(), h]));

/** Lower-case letters and digits only: `NOT_FOUND`, `NotFound` and `not_found` all become `notfound`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Every phrase and older phrase of a status code, normalized, to its code. */
export const STATUS_BY_NAME: ReadonlyMap<string, number> = (() => {
  const byName = new Map<string, number>();
  for (const s of STATUS_CODES) {
    for (const phrase of statusPhrases(s)) {
      const key = normalizeName(phrase);
      if (!byName.has(key)) byName.set(key, s.code);
    }
  }
  return byName;
})();

/** A code's phrases, most conventional constant name first, without the registry's `(Unused)` placeholder. */
export function statusPhrases(info: StatusCodeInfo): string[] {
  const all = [info.constantPhrase, info.phrase, ...(info.aliases ?? [])].filter((p): p is string => !!p && !p.startsWith('('));
  return [...new Set(all)];
}

/** The code a reason phrase or constant name stands for: `Not Found`, `NOT_FOUND`, `notFound` → 404. */
export function statusFromName(name: string): number | undefined {
  return STATUS_BY_NAME.get(normalizeName(name));
}

/** The method a name stands for, upper-case: `patch` → `PATCH`. */
export function methodFromName(name: string): string | undefined {
  const upper = name.toUpperCase();
  return (HTTP_METHODS as readonly string[]).includes(upper) ? upper : undefined;
}

const HEADER_BY_NORMALIZED: ReadonlyMap<string, string> = new Map(HTTP_HEADERS.map((h) => [normalizeName(h), h]));

/** The canonical header a name stands for: `content-type`, `CONTENT_TYPE`, `ContentType` → `Content-Type`. */
export function headerFromName(name: string): string | undefined {
  return HEADER_BY_LOWER.get(name.toLowerCase()) ?? HEADER_BY_NORMALIZED.get(normalizeName(name));
}
