/** Guards the wire: message framing that the JSON-RPC reader would stall on, and the LSP lifecycle (before `initialize`, after `shutdown`). */
import {
  Disposable,
  ErrorCodes,
  Message,
  type DataCallback,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
} from 'vscode-languageserver';

/** Largest message body accepted; a bigger Content-Length is treated as a broken stream. */
export const MAX_CONTENT_LENGTH = 512 * 1024 * 1024;
/** Largest header block (all lines up to the blank line); real clients send under 100 bytes. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** The blank line that ends a header: CR LF CR LF. */
const BLANK_LINE = [13, 10, 13, 10];

/**
 * Follows the `Content-Length` framing of a byte stream in step with the JSON-RPC reader and says
 * what is wrong as soon as a header is unusable: without Content-Length the reader reports an error
 * and then reads nothing more (a deaf server), and with a negative or absurd length it waits forever.
 * Each byte is looked at once at most: linear in the input.
 */
export class FrameChecker {
  private header: Buffer[] = [];
  private headerBytes = 0;
  /** Bytes of the current body still to come (0 while reading a header). */
  private bodyLeft = 0;
  /** How much of the blank line that ends the header has been seen. */
  private matched = 0;

  /** Feeds the next chunk; returns why the stream is broken, or undefined. */
  push(chunk: Buffer): string | undefined {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= take;
        at += take;
        continue;
      }
      // In a header: byte by byte up to the blank line (headers are a few dozen bytes).
      const start = at;
      const stop = Math.min(chunk.length, start + MAX_HEADER_BYTES + 1 - this.headerBytes);
      while (at < stop && this.matched < BLANK_LINE.length) {
        const b = chunk[at++];
        this.matched = b === BLANK_LINE[this.matched] ? this.matched + 1 : b === BLANK_LINE[0] ? 1 : 0;
      }
      this.headerBytes += at - start;
      this.header.push(chunk.subarray(start, at));
      if (this.matched < BLANK_LINE.length) {
        if (this.headerBytes > MAX_HEADER_BYTES) return `a message header longer than ${MAX_HEADER_BYTES} bytes`;
        continue;
      }
      this.matched = 0;
      const problem = this.readHeader();
      if (problem) return problem;
    }
    return undefined;
  }

  private readHeader(): string | undefined {
    const text = Buffer.concat(this.header).toString('ascii');
    this.header = [];
    this.headerBytes = 0;
    let length: string | undefined;
    for (const line of text.split('\r\n')) {
      if (!line) continue;
      const colon = line.indexOf(':');
      if (colon < 0) return `a message header line without ':' (${quote(line)})`;
      if (line.slice(0, colon).trim().toLowerCase() === 'content-length') length = line.slice(colon + 1).trim();
    }
    if (length === undefined) return 'a message header without Content-Length';
    if (!/^\d+$/.test(length)) return `a Content-Length that is not a non-negative number (${quote(length)})`;
    const n = Number(length);
    if (n > MAX_CONTENT_LENGTH) return `a Content-Length of ${length} bytes, over the ${MAX_CONTENT_LENGTH}-byte limit`;
    this.bodyLeft = n;
    return undefined;
  }
}

function quote(text: string): string {
  const flat = text.replace(/[^\x20-\x7e]/g, '?');
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

export type LifecycleState = 'starting' | 'running' | 'shutdown';

/**
 * A message reader that answers what the LSP lifecycle rules out before any handler sees it:
 * requests before `initialize` get ServerNotInitialized (-32002), requests after `shutdown` get
 * InvalidRequest (-32600), and notifications in those states other than `exit` are dropped.
 */
export class LifecycleReader implements MessageReader {
  state: LifecycleState = 'starting';

  constructor(private readonly inner: MessageReader, private readonly writer: MessageWriter) {}

  get onError() { return this.inner.onError; }
  get onClose() { return this.inner.onClose; }
  get onPartialMessage(): MessageReader['onPartialMessage'] { return this.inner.onPartialMessage; }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }

  private admit(message: Message): boolean {
    if (Message.isResponse(message)) return true;
    const method = (message as RequestMessage).method;
    if (Message.isRequest(message)) {
      if (this.state === 'starting' && method !== 'initialize') return this.refuse(message, ErrorCodes.ServerNotInitialized, 'The server is not initialized yet: send initialize first');
      if (this.state === 'shutdown') return this.refuse(message, ErrorCodes.InvalidRequest, 'The server is shut down: only the exit notification is accepted');
      if (method === 'initialize') this.state = 'running';
      else if (method === 'shutdown') this.state = 'shutdown';
      return true;
    }
    return this.state === 'running' || method === 'exit';
  }

  private refuse(message: RequestMessage, code: number, text: string): false {
    void this.writer.write({ jsonrpc: '2.0', id: message.id, error: { code, message: text } } as Message).catch(() => undefined);
    return false;
  }
}

