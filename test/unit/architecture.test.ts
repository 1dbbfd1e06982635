import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers/testEnv';

/** The pure core must run without an editor, an LSP runtime or disk access (STYLE.md). */
const PURE = ['server/src/corpus', 'server/src/detect', 'server/src/features'];
const FORBIDDEN = /^(vscode|vscode-languageserver(\/.*)?|vscode-languageclient(\/.*)?|fs|fs\/promises|node:fs|node:fs\/promises|child_process|node:child_process|net|node:net|http|https|node:http|node:https)$/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('keeps the pure core free of editor, LSP runtime, disk and network imports', () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const dir of PURE) {
      for (const file of sources(path.join(repoRoot, dir))) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
          checked++;
          const typeOnly = !!m[1];
          const spec = m[2] ?? m[3];
          if (!typeOnly && FORBIDDEN.test(spec)) offenders.push(`${path.relative(repoRoot, file)} imports ${spec}`);
        }
      }
    }
    assert.ok(checked > 10, `only ${checked} imports seen`);
    assert.deepStrictEqual(offenders, []);
  });
});
