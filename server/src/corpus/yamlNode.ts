/** The YAML tree the corpus readers work on: plain objects, built by the fast reader or copied from a `yaml` document. */
import { isAlias, isMap, isScalar, isSeq } from './yamlLibrary';

/** A range as `yaml` reports it: start, end, and end including the rest of the line. */
export type YamlRange = [number, number, number];

/**
 * Where a node stands in the parsed text (offsets; undefined when unknown): its start, its end, and
 * its end including the rest of the line. Fields rather than a `YamlRange` array: one allocation
 * less per node, on a path that reads 10,000 pages.
 */
interface YamlSpan {
  start: number | undefined;
  end: number | undefined;
  lineEnd: number | undefined;
}

export interface YamlScalar extends YamlSpan {
  kind: 'scalar';
  value: unknown;
}

export interface YamlMap extends YamlSpan {
  kind: 'map';
  pairs: YamlPair[];
}

export interface YamlSeq extends YamlSpan {
  kind: 'seq';
  items: YamlNode[];
}

export interface YamlAlias extends YamlSpan {
  kind: 'alias';
}

export interface YamlPair {
  key: YamlNode | null;
  value: YamlNode | null;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;

/** Copies a node of a `yaml` document (the full parser's result) into the readers' tree. */
export function toYamlNode(node: unknown): YamlNode | null {
  const [start, end, lineEnd] = (node as { range?: YamlRange } | null)?.range ?? [];
  const span = { start, end, lineEnd };
  if (isScalar(node)) return { kind: 'scalar', value: node.value, ...span };
  if (isMap(node)) return { kind: 'map', pairs: node.items.map((p) => ({ key: toYamlNode(p.key), value: toYamlNode(p.value) })), ...span };
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((i) => toYamlNode(i) ?? { kind: 'scalar', value: null, start: undefined, end: undefined, lineEnd: undefined }), ...span };
  if (isAlias(node)) return { kind: 'alias', ...span };
  return null;
}
