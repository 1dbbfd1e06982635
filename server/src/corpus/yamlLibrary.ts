/**
 * The `yaml` package, loaded on first use. Most runs never need it (the fast reader takes usual front matter, and
 * source files have no YAML), and loading it is a good part of starting the CLI and each of its worker threads.
 * The functions keep the package's own signatures.
 */
import type * as Yaml from 'yaml';

export type { Node, Pair, Scalar, YAMLMap } from 'yaml';

let library: typeof Yaml | undefined;

function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (library ??= require('yaml') as typeof Yaml);
}

export const parseDocument = ((...args: unknown[]) => (yaml().parseDocument as (...a: unknown[]) => unknown)(...args)) as typeof Yaml.parseDocument;
export const parseAllDocuments = ((...args: unknown[]) => (yaml().parseAllDocuments as (...a: unknown[]) => unknown)(...args)) as typeof Yaml.parseAllDocuments;
export const visit = ((...args: unknown[]) => (yaml().visit as (...a: unknown[]) => unknown)(...args)) as typeof Yaml.visit;
export const isAlias = ((node: unknown) => yaml().isAlias(node)) as typeof Yaml.isAlias;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isPair = ((node: unknown) => yaml().isPair(node)) as typeof Yaml.isPair;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
