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

/** An error for a path that is not a regular file: its message says what it is instead. */
export class NotRegularFileError extends Error {
  constructor(kind: string) {
    super(`${kind}, not a regular file: refused`);
  }
}

/**
 * The bytes of a regular file of at most `maxBytes`. Opened without blocking and checked with `fstat` on the open
 * handle (no race with a file swapped after a `stat`); anything else throws, a FIFO or device with NotRegularFileError.
 */
export function readRegularFileSync(file: string | Buffer, maxBytes: number): Buffer {
  const fd = fs.openSync(file, NONBLOCKING_READ);
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('a folder, not a file'), { code: 'EISDIR' });
    const kind = specialFileKind(st);
    if (kind) throw new NotRegularFileError(kind);
    if (st.size > maxBytes) throw new Error(`${st.size} bytes, over the ${maxBytes}-byte limit`);
    const buffer = Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, buffer, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}
