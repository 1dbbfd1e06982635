// Realistic-looking service code in several languages, for the scan and check benchmarks.
// Each language is a table of block templates: HTTP handlers (with status codes, methods
// and headers as frameworks spell them) mixed with plain logic that has none.

const RESOURCES = ['user', 'order', 'invoice', 'account', 'payment', 'product', 'cart', 'shipment', 'customer',
  'session', 'report', 'subscription', 'ticket', 'warehouse', 'coupon', 'refund', 'review', 'webhook', 'tenant', 'device'];
const FIELDS = ['id', 'name', 'email', 'status', 'total', 'currency', 'createdAt', 'updatedAt', 'owner', 'quantity',
  'price', 'region', 'version', 'etag', 'notes', 'priority', 'dueDate', 'tags', 'score', 'limit'];
const VERBS = ['load', 'validate', 'normalize', 'compute', 'merge', 'resolve', 'apply', 'collect', 'render', 'parse'];
const ERRORS = [[400, 'BAD_REQUEST', 'BadRequest', 'bad_request'], [401, 'UNAUTHORIZED', 'Unauthorized', 'unauthorized'],
  [403, 'FORBIDDEN', 'Forbidden', 'forbidden'], [404, 'NOT_FOUND', 'NotFound', 'not_found'], [409, 'CONFLICT', 'Conflict', 'conflict'],
  [412, 'PRECONDITION_FAILED', 'PreconditionFailed', 'precondition_failed'], [422, 'UNPROCESSABLE_ENTITY', 'UnprocessableEntity', 'unprocessable_entity'],
  [429, 'TOO_MANY_REQUESTS', 'TooManyRequests', 'too_many_requests'], [500, 'INTERNAL_SERVER_ERROR', 'InternalServerError', 'internal_server_error'],
  [503, 'SERVICE_UNAVAILABLE', 'ServiceUnavailable', 'service_unavailable'], [302, 'FOUND', 'Found', 'found']];
/** Rare in real code, and what diagnostics report: unregistered (499) and unused (418) codes. */
const RARE_ERRORS = [[499, 'CLIENT_CLOSED_REQUEST', 'ClientClosedRequest', 'client_closed_request'], [418, 'I_AM_A_TEAPOT', 'Teapot', 'im_a_teapot']];
const SUCCESS = [[200, 'OK', 'OK', 'ok'], [201, 'CREATED', 'Created', 'created'], [202, 'ACCEPTED', 'Accepted', 'accepted'], [204, 'NO_CONTENT', 'NoContent', 'no_content']];
const HEADERS = ['Retry-After', 'Location', 'ETag', 'Cache-Control', 'Content-Type', 'Link', 'WWW-Authenticate', 'Vary', 'X-Request-Id'];
const COMMENTS = [
  'Keep this in sync with the billing service; it reads the same table.',
  'The upstream API sometimes returns an empty body, so we guard against it here.',
  'Retries are bounded: the caller already retries on its side.',
  'This path is hot during the nightly export, avoid allocations in the loop.',
  'Legacy clients still send the old field name; accept both until v3.',
  'Sorted by creation time so pagination cursors stay stable.',
];

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const snake = (s) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** One file of `bytes` characters or a little more, in `lang`. */
export function generateSource(r, lang, bytes) {
  const t = LANGUAGES[lang];
  const parts = [t.header(r)];
  let size = parts[0].length;
  while (size < bytes) {
    const block = (r.chance(0.45) ? t.handler : r.chance(0.5) ? t.logic : t.model)(r);
    parts.push(block);
    size += block.length;
  }
  parts.push(t.footer ?? '');
  return parts.join('\n');
}

function ctx(r) {
  const res = r.pick(RESOURCES);
  return { res, Res: cap(res), field: r.pick(FIELDS), field2: r.pick(FIELDS), verb: r.pick(VERBS), err: r.chance(0.02) ? r.pick(RARE_ERRORS) : r.pick(ERRORS), ok: r.pick(SUCCESS),
    header: r.pick(HEADERS), comment: r.pick(COMMENTS), n: r.int(2, 900), limit: r.pick([100, 200, 250, 500, 1000]) };
}

const LANGUAGES = {
  ts: {
    header: (r) => `import express, { Request, Response, NextFunction } from 'express';\nimport { StatusCodes } from 'http-status-codes';\nimport { db } from '../db';\nimport { logger } from '../logger';\n\nconst router = express.Router();\nconst PAGE_SIZE = ${r.pick([20, 50, 100])};\n`,
    handler: (r) => {
      const c = ctx(r);
      return `
// ${c.comment}
router.${r.pick(['get', 'post', 'put', 'delete', 'patch'])}('/${c.res}s/:id', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const ${c.res} = await db.${c.res}s.findById(req.params.id);
    if (!${c.res}) {
      return res.status(${c.err[0]}).json({ error: '${c.err[3]}', message: '${c.Res} not found' });
    }
    if (req.headers['if-match'] && req.headers['if-match'] !== ${c.res}.etag) {
      return res.status(StatusCodes.${c.err[1]}).end();
    }
    res.set('${c.header}', String(${c.res}.${c.field}));
    res.status(${c.ok[0]}).json(${c.res});
  } catch (e) {
    logger.error({ err: e, id: req.params.id }, 'failed to ${c.verb} ${c.res}');
    next(e);
  }
});
`;
    },
    logic: (r) => {
      const c = ctx(r);
      return `
/** ${c.comment} */
export function ${c.verb}${c.Res}${cap(c.field)}(items: Array<Record<string, unknown>>, limit = ${c.limit}): number {
  let total = 0;
  for (const item of items.slice(0, limit)) {
    const value = Number(item['${c.field}'] ?? 0);
    if (Number.isNaN(value)) continue;
    total += value > ${c.n} ? ${c.n} : value;
  }
  return Math.round(total * 100) / 100;
}
`;
    },
    model: (r) => {
      const c = ctx(r);
      return `
export interface ${c.Res}${cap(c.verb)}Options {
  ${c.field}: string;
  ${c.field2}?: number;
  timeoutMs: number; // default ${c.n}
  retries: number;
}
`;
    },
    footer: 'export default router;\n',
  },
  java: {
    header: (r) => `package com.example.${r.pick(RESOURCES)}.api;\n\nimport org.springframework.http.HttpHeaders;\nimport org.springframework.http.HttpStatus;\nimport org.springframework.http.ResponseEntity;\nimport org.springframework.web.bind.annotation.*;\nimport java.util.*;\n\n@RestController\n@RequestMapping("/api/v1")\npublic class ${cap(r.pick(RESOURCES))}Controller {\n`,
    handler: (r) => {
      const c = ctx(r);
      return `
    // ${c.comment}
    @${r.pick(['Get', 'Post', 'Put', 'Delete'])}Mapping("/${c.res}s/{id}")
    public ResponseEntity<${c.Res}Dto> ${c.verb}${c.Res}(@PathVariable String id) {
        Optional<${c.Res}> found = repository.findById(id);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.${c.err[1]}).build();
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set("${c.header}", found.get().get${cap(c.field)}().toString());
        return new ResponseEntity<>(mapper.toDto(found.get()), headers, HttpStatus.${c.ok[1]});
    }
`;
    },
    logic: (r) => {
      const c = ctx(r);
      return `
    /** ${c.comment} */
    private static int ${c.verb}${cap(c.field)}(List<${c.Res}> items) {
        int total = 0;
        for (${c.Res} item : items) {
            if (item.get${cap(c.field)}() == null) continue;
            total += Math.min(item.get${cap(c.field)}().hashCode() % ${c.n}, ${c.limit});
        }
        return total;
    }
`;
    },
    model: (r) => {
      const c = ctx(r);
      return `
    public record ${c.Res}${cap(c.verb)}Request(String ${c.field}, Integer ${c.field2}, int timeoutMs) {
        public ${c.Res}${cap(c.verb)}Request {
            Objects.requireNonNull(${c.field}, "${c.field} is required");
        }
    }
`;
    },
    footer: '}\n',
  },
  py: {
    header: (r) => `from http import HTTPStatus\n\nfrom fastapi import APIRouter, HTTPException, Response, status\n\nfrom .db import session\nfrom .models import ${cap(r.pick(RESOURCES))}\n\nrouter = APIRouter(prefix="/api/v1")\nPAGE_SIZE = ${r.pick([20, 50, 100])}\n`,
    handler: (r) => {
      const c = ctx(r);
      return `

# ${c.comment}
@router.${r.pick(['get', 'post', 'put', 'delete'])}("/${c.res}s/{item_id}", status_code=${c.ok[0]})
async def ${c.verb}_${c.res}(item_id: str, response: Response):
    ${c.res} = await session.get(${c.Res}, item_id)
    if ${c.res} is None:
        raise HTTPException(status_code=status.HTTP_${c.err[0]}_${c.err[1]}, detail="${c.res} not found")
    if ${c.res}.locked:
        return Response(status_code=HTTPStatus.${c.err[1]})
    response.headers["${c.header}"] = str(${c.res}.${snake(c.field)})
    return ${c.res}
`;
    },
    logic: (r) => {
      const c = ctx(r);
      return `

def ${c.verb}_${snake(c.field)}(items, limit=${c.limit}):
    """${c.comment}"""
    total = 0
    for item in items[:limit]:
        value = item.get("${snake(c.field)}") or 0
        if value > ${c.n}:
            value = ${c.n}
        total += value
    return round(total, 2)
`;
    },
    model: (r) => {
      const c = ctx(r);
      return `

class ${c.Res}${cap(c.verb)}Options:
    ${snake(c.field)}: str
    ${snake(c.field2)}: int | None = None
    timeout_ms: int = ${c.n}
`;
    },
  },
  go: {
    header: (r) => `package ${r.pick(RESOURCES)}\n\nimport (\n\t"encoding/json"\n\t"net/http"\n\t"strconv"\n)\n\nconst pageSize = ${r.pick([20, 50, 100])}\n`,
    handler: (r) => {
      const c = ctx(r);
      return `
// ${c.Res}${cap(c.verb)} handles /${c.res}s/{id}. ${c.comment}
func (s *Server) ${c.Res}${cap(c.verb)}(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.Method${r.pick(['Get', 'Post', 'Put', 'Delete'])} {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	item, err := s.store.Find${c.Res}(r.Context(), r.PathValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.Status${c.err[2]})
		return
	}
	w.Header().Set("${c.header}", strconv.Itoa(item.${cap(c.field)}))
	w.WriteHeader(http.Status${c.ok[2]})
	_ = json.NewEncoder(w).Encode(item)
}
`;
    },
    logic: (r) => {
      const c = ctx(r);
      return `
// ${c.verb}${cap(c.field)} caps each value. ${c.comment}
func ${c.verb}${cap(c.field)}(items []${c.Res}, limit int) int {
	total := 0
	for i, item := range items {
		if i >= limit {
			break
		}
		total += min(item.${cap(c.field)}, ${c.n})
	}
	return total
}
`;
    },
    model: (r) => {
      const c = ctx(r);
      return `
type ${c.Res}${cap(c.verb)}Options struct {
	${cap(c.field)} string \`json:"${c.field}"\`
	${cap(c.field2)} int    \`json:"${c.field2},omitempty"\`
	TimeoutMs int \`json:"timeoutMs"\` // default ${c.n}
}
`;
    },
  },
  rb: {
    header: (r) => `# frozen_string_literal: true\n\nclass ${cap(r.pick(RESOURCES))}sController < ApplicationController\n  before_action :authenticate!\n`,
    handler: (r) => {
      const c = ctx(r);
      return `
  # ${c.comment}
  def ${c.verb}
    @${c.res} = ${c.Res}.find_by(id: params[:id])
    return head :${c.err[3]} if @${c.res}.nil?
    if @${c.res}.stale?
      render json: { error: '${c.err[3]}' }, status: ${c.err[0]}
      return
    end
    response.set_header('${c.header}', @${c.res}.${snake(c.field)}.to_s)
    render json: @${c.res}, status: :${c.ok[3]}
  end
`;
    },
    logic: (r) => {
      const c = ctx(r);
      return `
  private

  def ${c.verb}_${snake(c.field)}(items, limit = ${c.limit})
    # ${c.comment}
    items.first(limit).sum { |item| [item.${snake(c.field)}.to_i, ${c.n}].min }
  end
`;
    },
    model: (r) => {
      const c = ctx(r);
      return `
  ${c.Res.toUpperCase()}_${c.verb.toUpperCase()}_TIMEOUT = ${c.n}
  ${c.Res.toUpperCase()}_FIELDS = %i[${snake(c.field)} ${snake(c.field2)}].freeze
`;
    },
    footer: 'end\n',
  },
};

export const SOURCE_LANGUAGES = Object.keys(LANGUAGES);
