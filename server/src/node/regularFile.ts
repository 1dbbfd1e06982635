/** Reading a file named by a user without ever blocking: a FIFO, a socket or a device is refused, not opened for a wait. */
import * as fs from 'fs';

/** `O_NONBLOCK` where the platform has it: opening a FIFO then returns at once instead of waiting for a writer. */
export const NONBLOCKING_READ = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** What kind of file it is, in words, when it is not a regular file or a folder. */
export function specialFileKind(st: fs.Stats): string | undefined {
  if (st.isFile() || st.isDirectory()) return undefined;
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** A file's device and inode, as `stat` gave them when the file was judged (by its real path) fit to read. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

/** What opening a file for reading found: its bytes, or why they were not read. Failing to open throws. */
export type RegularFileRead =
  | { bytes: Buffer }
  | { refused: 'special'; kind: string }
  | { refused: 'too-large'; size: number }
  | { refused: 'replaced' };

/**
 * Opens without blocking and judges the open handle with `fstat` (no race with a file swapped after a `stat`): a
 * folder, FIFO, socket or device is refused unread, so is a file over `maxBytes`. With `identity`, what opens must
 * still be that file: a path checked and then read can have had a folder on it swapped for a link in between, and
 * only the inode ties the two together.
 */
export function readRegularFile(file: string | Buffer, maxBytes: number, identity?: FileIdentity): RegularFileRead {
  const fd = fs.openSync(file, NONBLOCKING_READ);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { refused: 'special', kind: specialFileKind(st) ?? 'a folder' };
    if (identity && (st.dev !== identity.dev || st.ino !== identity.ino)) return { refused: 'replaced' };
    if (st.size > maxBytes) return { refused: 'too-large', size: st.size };
    const buffer = Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, buffer, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: buffer.subarray(0, read) };
  } finally {
    fs.closeSync(fd);
  }
}

/** An error for a path that is not a regular file: its message says what it is instead. */
export class NotRegularFileError extends Error {
  constructor(kind: string) {
    super(`${kind}, not a regular file: refused`);
  }
}

/** The bytes of a regular file of at most `maxBytes`; anything else throws, a FIFO or device with NotRegularFileError. */
export function readRegularFileSync(file: string | Buffer, maxBytes: number): Buffer {
  const read = readRegularFile(file, maxBytes);
  if ('bytes' in read) return read.bytes;
  if (read.refused === 'special') {
    if (read.kind === 'a folder') throw Object.assign(new Error('a folder, not a file'), { code: 'EISDIR' });
    throw new NotRegularFileError(read.kind);
  }
  throw new Error(read.refused === 'too-large' ? `${read.size} bytes, over the ${maxBytes}-byte limit` : 'replaced while read');
}
