/**
 * A corpus folder's parse results, saved by the build for the built-in corpus and used when every file still has the
 * text it was parsed from: reading 1.6 MB of YAML front matter is most of a cold start, reading its JSON a third of it.
 */
import { LineMap } from './lineMap';
import type { ParsedFile, SourceRange } from './model';

export const SNAPSHOT_VERSION = 1;

/** One file of a snapshot: where it is below the root, a fingerprint of its text, and what parsing it gave. */
interface SnapshotFile {
  path: string;
  hash: string;
  parsed: unknown;
}

export interface CorpusSnapshot {
  version: number;
  files: SnapshotFile[];
}

/** Length and 32-bit FNV-1a of the text: tells an edited file from the one parsed (a fingerprint, not a defence). */
export function textFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(36)}`;
}

function isRange(v: unknown): v is SourceRange {
  const r = v as SourceRange;
  return !!r && typeof r === 'object' && typeof r.start?.offset === 'number' && typeof r.end?.offset === 'number' && typeof r.start.line === 'number';
}

/**
 * A snapshot of parsed files (relative paths, texts and parse results). Files with problems are left out: a folder
 * they belong to is parsed again, so every problem is reported as parsing reports it.
 */
export function makeSnapshot(files: { path: string; text: string; parsed: ParsedFile }[]): CorpusSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    files: files.filter((f) => f.parsed.problems.length === 0).map((f) => {
      const { guidelines } = f.parsed;
      const plain = {
        ...f.parsed,
        // A reference to the page's own guideline, by position: JSON would copy it for every topic.
        topicReferences: f.parsed.topicReferences?.map((tr) => ({ ...tr, guideline: guidelines.indexOf(tr.guideline) })),
      };
      const parsed: unknown = JSON.parse(JSON.stringify(plain, (key, value) => {
        if (key === 'file' || key === 'fields') return undefined;
        if (isRange(value)) return { $r: [value.start.offset, value.end.offset] };
        return value;
      }));
      return { path: f.path, hash: textFingerprint(f.text), parsed };
    }),
  };
}

/**
 * The parse results of a folder's files from a snapshot, when the snapshot has exactly these files with exactly these
 * texts; undefined otherwise (the caller parses). `root` is the corpus root's index, `file` the absolute path of each.
 */
export function filesFromSnapshot(
  snapshot: unknown,
  files: readonly { path: string; file: string; text: string }[],
  root: number,
): ParsedFile[] | undefined {
  const s = snapshot as CorpusSnapshot | undefined;
  if (!s || s.version !== SNAPSHOT_VERSION || !Array.isArray(s.files) || s.files.length !== files.length) return undefined;
  const byPath = new Map(s.files.map((f) => [f.path, f]));
  for (const f of files) {
    const saved = byPath.get(f.path);
    if (!saved || saved.hash !== textFingerprint(f.text)) return undefined;
  }
  return files.map((f) => revive(byPath.get(f.path)!.parsed, f.file, f.text, root));
}

/** Puts back what the snapshot left out: ranges (from offsets), file paths, the corpus root, shared guideline objects. */
function revive(saved: unknown, file: string, text: string, root: number): ParsedFile {
  let lines: LineMap | undefined;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const r = o.$r as [number, number] | undefined;
    if (r) return (lines ??= new LineMap(text)).range(r[0], r[1]);
    for (const k of Object.keys(o)) o[k] = walk(o[k]);
    return o;
  };
  const parsed = walk(saved) as ParsedFile & { topicReferences?: { guideline: unknown }[] };
  parsed.file = file;
  for (const t of parsed.topics) Object.assign(t, { file, root, fields: {} });
  for (const g of parsed.guidelines) g.file = file;
  for (const tr of parsed.topicReferences ?? []) tr.guideline = parsed.guidelines[tr.guideline as unknown as number];
  return parsed;
}
