import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import { rewriteToken } from '../../../server/src/detect/rewriteToken';
import type { HttpToken } from '../../../server/src/detect/token';
import { languageForPath } from '../../../server/src/settings';
import { repoRoot } from '../../helpers/testEnv';
import { parseLabels } from './fixtureMarkers';

/** Detects `text` and rewrites its only token to `target`. */
function rewrite(languageId: string, text: string, target: number | string): string | undefined {
  const [token, ...rest] = findHttpTokens(text, languageId);
  assert.ok(token && !rest.length, `expected one token in ${text}`);
  const out = rewriteToken(token, text.slice(token.start, token.end), target);
  return out === undefined ? undefined : text.slice(0, token.start) + out + text.slice(token.end);
}

describe('detect/rewriteToken', () => {
  it('rewrites a constant within its family, keeping the qualifier', () => {
    assert.strictEqual(rewrite('java', 'ResponseEntity.status(HttpStatus.FOUND)', 303), 'ResponseEntity.status(HttpStatus.SEE_OTHER)');
    assert.strictEqual(rewrite('go', 'w.WriteHeader(http.StatusFound)', 303), 'w.WriteHeader(http.StatusSeeOther)');
    assert.strictEqual(rewrite('go', 'w.WriteHeader(http.StatusFound)', 422), 'w.WriteHeader(http.StatusUnprocessableEntity)');
    assert.strictEqual(rewrite('python', 'Response(status=status.HTTP_302_FOUND)', '307'), 'Response(status=status.HTTP_307_TEMPORARY_REDIRECT)');
    assert.strictEqual(rewrite('csharp', 'return StatusCode(StatusCodes.Status302Found);', 200), 'return StatusCode(StatusCodes.Status200OK);');
    assert.strictEqual(rewrite('csharp', 'if (r.StatusCode == HttpStatusCode.Redirect) {}', 303), 'if (r.StatusCode == HttpStatusCode.SeeOther) {}');
    assert.strictEqual(rewrite('ruby', 'redirect_to root_path, status: :found', 303), 'redirect_to root_path, status: :see_other');
    assert.strictEqual(rewrite('elixir', 'conn |> put_status(:found)', 413), 'conn |> put_status(:request_entity_too_large)');
    assert.strictEqual(rewrite('swift', 'throw Abort(.found)', 303), 'throw Abort(.seeOther)');
    assert.strictEqual(rewrite('rust', 'Ok(StatusCode::FOUND)', 418), 'Ok(StatusCode::IM_A_TEAPOT)');
  });

  it('rewrites literals digit for digit and keeps the case of method and header strings', () => {
    assert.strictEqual(rewrite('javascript', 'res.status(302)', 303), 'res.status(303)');
    assert.strictEqual(rewrite('javascript', "fetch(u, { method: 'put' })", 'PATCH'), "fetch(u, { method: 'patch' })");
    assert.strictEqual(rewrite('javascript', "fetch(u, { method: 'PUT' })", 'patch'), "fetch(u, { method: 'PATCH' })");
    assert.strictEqual(rewrite('javascript', "res.set('x-request-id', id)", 'X-Correlation-ID'), "res.set('x-correlation-id', id)");
    assert.strictEqual(rewrite('yaml', "openapi: 3.0.0\npaths:\n  /a:\n    put:\n      summary: x\n", 'PATCH'), "openapi: 3.0.0\npaths:\n  /a:\n    patch:\n      summary: x\n");
  });

  it('rewrites methods and headers in their family', () => {
    assert.strictEqual(rewrite('java', '@PutMapping("/x")', 'PATCH'), '@PatchMapping("/x")');
    assert.strictEqual(rewrite('javascript', "router.put('/x', h)", 'PATCH'), "router.patch('/x', h)");
    assert.strictEqual(rewrite('csharp', '[HttpPut]', 'PATCH'), '[HttpPatch]');
    assert.strictEqual(rewrite('kotlin', 'call.response.header(HttpHeaders.ContentLocation, u)', 'Location'), 'call.response.header(HttpHeaders.Location, u)');
  });

  it('answers undefined when the family has no name for the target, or the target is no value', () => {
    assert.strictEqual(rewrite('python', 'return HttpResponseRedirect("/")', 303), undefined);
    assert.strictEqual(rewrite('python', 'return HttpResponseRedirect("/")', 301), 'return HttpResponsePermanentRedirect("/")');
    assert.strictEqual(rewrite('java', 'HttpStatus.FOUND', 999), undefined);
    assert.strictEqual(rewrite('java', 'HttpStatus.FOUND', 'soon'), undefined);
    assert.strictEqual(rewrite('javascript', "fetch(u, { method: 'PUT' })", 'FETCH'), undefined);
  });

  it('writes what the detector reads back, for every constant and status in the labelled fixtures', () => {
    const dir = path.join(repoRoot, 'test', 'fixtures', 'detect');
    const targets: Record<HttpToken['kind'], (number | string)[]> = { status: [200, 303, 404, 422, 503], method: ['PATCH', 'DELETE'], header: ['Location', 'ETag'] };
    let checked = 0;
    for (const name of fs.readdirSync(dir).filter((f) => languageForPath(f))) {
      const language = languageForPath(name)!;
      const { text } = parseLabels(fs.readFileSync(path.join(dir, name), 'utf8'));
      // A header literal may be a hyphenated name, readable anywhere, while its replacement is a single word that needs context.
      for (const token of findHttpTokens(text, language).filter((t) => t.confidence === 'constant' || t.kind === 'status')) {
        // Some literal contexts take one class only (`res.redirect(301, …)`): literals move within their class.
        const sameClass = (t: number | string) => token.confidence === 'constant' || String(t)[0] === String(token.value)[0];
        for (const target of targets[token.kind].filter(sameClass)) {
          const out = rewriteToken(token, text.slice(token.start, token.end), target);
          if (out === undefined) continue;
          const again = findHttpTokens(text.slice(0, token.start) + out + text.slice(token.end), language).find((t) => t.start === token.start);
          assert.ok(again, `${name}: ${out} is not detected`);
          assert.strictEqual(again.value, target, `${name}: ${out}`);
          assert.strictEqual(again.end, token.start + out.length, `${name}: ${out} range`);
          checked++;
        }
      }
    }
    assert.ok(checked > 500, `only ${checked} rewrites checked`);
  });
});
