/** All vocabularies, language-specific ones first: where two rules claim the same name, the first one wins. */
import type { Family, Rule, Vocabulary } from '../vocabulary';
import { DOTNET } from './dotnet';
import { ELIXIR } from './elixir';
import { GENERIC } from './generic';
import { GO_VOCABULARY } from './go';
import { JVM_VOCABULARY } from './jvm';
import { NODE } from './node';
import { PHP_VOCABULARY } from './php';
import { PYTHON } from './python';
import { RUBY } from './ruby';
import { RUST } from './rust';
import { SWIFT_VOCABULARY } from './swift';
import { OPENAPI_FAMILIES } from './openApiFamilies';

export const VOCABULARIES: readonly Vocabulary[] = [
  NODE, PYTHON, JVM_VOCABULARY, GO_VOCABULARY, DOTNET, RUBY, PHP_VOCABULARY, RUST, ELIXIR, SWIFT_VOCABULARY, GENERIC, { families: OPENAPI_FAMILIES, rules: [] },
];

export const RULES: readonly Rule[] = VOCABULARIES.flatMap((v) => v.rules);

export const FAMILIES: ReadonlyMap<string, Family> = (() => {
  const byId = new Map<string, Family>();
  for (const f of VOCABULARIES.flatMap((v) => v.families)) {
    if (byId.has(f.id)) throw new Error(`duplicate family id ${f.id}`);
    byId.set(f.id, f);
  }
  for (const r of RULES) {
    const family = r.on === 'number' ? undefined : r.family;
    if (family !== undefined && !byId.has(family)) throw new Error(`rule refers to unknown family ${family}`);
    if (r.on === 'string' && family !== undefined && byId.get(family)!.kind !== r.kind) throw new Error(`string rule of kind ${r.kind} reads family ${family}`);
  }
  return byId;
})();
