/** The YAML tree the corpus readers work on: plain objects, built by the fast reader or copied from a `yaml` document. */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';

/** Start, end, and end including the rest of the line (as `yaml` reports them), in offsets of the parsed text. */
export type YamlRange = [number, number, number];

export interface YamlScalar {
  kind: 'scalar';
  value: unknown;
  range?: YamlRange;
}

export interface YamlMap {
  kind: 'map';
  pairs: YamlPair[];
  range?: YamlRange;
}

export interface YamlSeq {
  kind: 'seq';
  items: YamlNode[];
  range?: YamlRange;
}

export interface YamlAlias {
  kind: 'alias';
  range?: YamlRange;
}

export interface YamlPair {
  key: YamlNode | null;
  value: YamlNode | null;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;

/** Copies a node of a `yaml` document (the full parser's result) into the readers' tree. */
export function toYamlNode(node: unknown): YamlNode | null {
  const range = (node as { range?: YamlRange } | null)?.range;
  if (isScalar(node)) return { kind: 'scalar', value: node.value, range };
  if (isMap(node)) return { kind: 'map', pairs: node.items.map((p) => ({ key: toYamlNode(p.key), value: toYamlNode(p.value) })), range };
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((i) => toYamlNode(i) ?? { kind: 'scalar', value: null }), range };
  if (isAlias(node)) return { kind: 'alias', range };
  return null;
}
