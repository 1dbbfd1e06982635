/**
 * File names that are not UTF-8, carried in ordinary strings. Node decodes such a name with U+FFFD in place of each
 * bad byte, and the string then names no file. Here a bad byte 0xNN becomes the lone surrogate U+DCNN (Python's
 * "surrogateescape"), which no decoded UTF-8 name holds: the string converts back to the exact bytes for the file
 * system (`fsPath`), shows as `\xNN` (the CLI's `terminalSafe`) and percent-encodes as the byte in a URI.
 */
import * as fs from 'fs';
import * as path from 'path';

const ESCAPED_BYTE = /[\uDC80-\uDCFF]/;

/** A name's bytes as a string: UTF-8 where valid, each other byte as U+DC80–U+DCFF. */
export function decodeName(bytes: Buffer): string {
  const plain = bytes.toString('utf8');
  if (!plain.includes('\uFFFD') || Buffer.byteLength(plain) === bytes.length && Buffer.from(plain).equals(bytes)) return plain;
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const n = validSequenceLength(bytes, i);
    if (n) {
      out += bytes.toString('utf8', i, i + n);
      i += n;
    } else {
      out += String.fromCharCode(0xdc00 + bytes[i]);
      i++;
    }
  }
  return out;
}

/** The length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlongs, no surrogates), or 0. */
function validSequenceLength(b: Buffer, i: number): number {
  const lead = b[i];
  if (lead < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const second = lead === 0xe0 ? cont(1, 0xa0) : lead === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return second && cont(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const second = lead === 0xf0 ? cont(1, 0x90) : lead === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return second && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Whether a path holds escaped bytes (then only `fsPath` names the file). */
export function hasRawBytes(p: string): boolean {
  return ESCAPED_BYTE.test(p) && toBytes(p) !== undefined;
}

/** What to hand the file system for a path: the string itself, or its exact bytes when it holds escaped bytes. */
export function fsPath(p: string): string | Buffer {
  return ESCAPED_BYTE.test(p) ? toBytes(p) ?? p : p;
}

/** The bytes of a path with escaped bytes, or undefined when it holds none (a lone surrogate of another origin). */
function toBytes(p: string): Buffer | undefined {
  const parts: Buffer[] = [];
  let start = 0;
  let raw = false;
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    const lone = c >= 0xdc80 && c <= 0xdcff && !(i > 0 && p.charCodeAt(i - 1) >= 0xd800 && p.charCodeAt(i - 1) <= 0xdbff);
    if (!lone) continue;
    parts.push(Buffer.from(p.slice(start, i), 'utf8'), Buffer.of(c - 0xdc00));
    start = i + 1;
    raw = true;
  }
  if (!raw) return undefined;
  parts.push(Buffer.from(p.slice(start), 'utf8'));
  return Buffer.concat(parts);
}

/** A path segment percent-encoded for a URI, escaped bytes as themselves (`%FF`); `encodeURIComponent` throws on them. */
export function encodeUriSegment(segment: string): string {
  const bytes = ESCAPED_BYTE.test(segment) ? toBytes(segment) : undefined;
  if (!bytes) return encodeURIComponent(segment);
  let out = '';
  for (const b of bytes) out += /[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(b)) && b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/**
 * A path as given on a command line, whose bad bytes Node turned into U+FFFD, matched back to the one file it names:
 * each such name is looked up in its folder's raw listing. Undefined when none or several match.
 */
export function recoverArgumentPath(given: string): string | undefined {
  if (!given.includes('\uFFFD')) return undefined;
  const resolved = path.resolve(given);
  const { root } = path.parse(resolved);
  let current = root;
  for (const part of resolved.slice(root.length).split(path.sep).filter(Boolean)) {
    if (!part.includes('\uFFFD')) {
      current = path.join(current, part);
      continue;
    }
    let names: Buffer[];
    try {
      names = fs.readdirSync(fsPath(current), { encoding: 'buffer' });
    } catch {
      return undefined;
    }
    const matches = names.filter((n) => n.toString('utf8') === part);
    if (matches.length !== 1) return undefined;
    current = path.join(current, decodeName(matches[0]));
  }
  return current;
}

/** What the folder walk needs of a listed entry. */
export interface FolderEntry {
  name: string;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

/**
 * A folder's entries. When Node decoded a name with U+FFFD (bytes that are not UTF-8), the folder is listed again as
 * bytes and every name decoded with escaped bytes; in the usual case, one listing and no extra work.
 */
export function readFolderEntries(dir: string): FolderEntry[] {
  const entries = fs.readdirSync(fsPath(dir), { withFileTypes: true });
  if (!entries.some((e) => e.name.includes('\uFFFD'))) return entries;
  const raw = fs.readdirSync(fsPath(dir), { withFileTypes: true, encoding: 'buffer' }) as unknown as (Omit<fs.Dirent, 'name'> & { name: Buffer })[];
  return raw.map((e) => ({ name: decodeName(e.name), isDirectory: () => e.isDirectory(), isFile: () => e.isFile(), isSymbolicLink: () => e.isSymbolicLink() }));
}
