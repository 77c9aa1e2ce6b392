/**
 * A streaming mbox reader.
 *
 * Reads the file in chunks and yields one message at a time, so memory holds
 * at most one message (bounded by `maxMessageBytes`) plus one chunk, whatever
 * the size of the file: `scan` walks mboxes of a gigabyte and more with it.
 *
 * Format (mboxrd, read leniently so mboxo and mboxcl files work too):
 * - a message starts at a line beginning with `From ` (the "envelope" line,
 *   e.g. `From alice@example.com Mon Nov 23 10:00:00 2026`), at the start of the
 *   file or right after a line break; the envelope line is not part of the message;
 * - a body line that begins with one or more `>` followed by `From ` had one `>`
 *   added when it was stored; it is removed again (`>From ` -> `From `,
 *   `>>From ` -> `>From `);
 * - the line break just before the next envelope line (or the end of the file)
 *   belongs to the separator, not to the message, and is dropped: a message
 *   stored as `From …\n` + body + `\n` reads back as exactly its body;
 * - bytes before the first envelope line (a file that does not start with
 *   `From `) are yielded as a message of their own when they are not blank, so a
 *   lone message saved with an `.mbox` name is still read.
 *
 * Line ends may be LF or CRLF. The reader works on bytes: it never decodes, so
 * every message reaches the MIME parser exactly as stored.
 * Linear: each byte is looked at a bounded number of times (the scan for line
 * breaks is `Buffer.indexOf`), and a message is copied once when it is yielded.
 */
import { createReadStream } from 'node:fs';

export interface MboxMessage {
  /** 1-based position of the message in the file. */
  index: number;
  /** The envelope (`From ...`) line without its line break; '' for bytes before the first envelope. */
  envelope: string;
  /** The stored message, `>From ` unescaped. Cut at `maxMessageBytes` when `truncated`. */
  raw: Buffer;
  /** True when the message was longer than `maxMessageBytes`; `raw` holds its beginning only. */
  truncated: boolean;
  /** Length in bytes of the message as stored (after unescaping), including any part not kept. */
  size: number;
  /** Byte offset in the file of the message's envelope line (or 0 for leading bytes). */
  offset: number;
}

export interface MboxOptions {
  /** Longest message kept in memory; the rest of a longer message is skipped. Default 64 MiB. */
  maxMessageBytes?: number;
  /** Longest envelope line kept; the rest is skipped. Default 1000. */
  maxEnvelopeBytes?: number;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM = Buffer.from('From ', 'latin1');
/** Most bytes carried from one chunk to the next while deciding whether a line is `>…>From `. */
const MAX_PENDING = 4096;

/** Reads an mbox file from disk in chunks of `chunkSize` bytes. */
export function readMboxFile(
  path: string,
  options: MboxOptions & { chunkSize?: number } = {},
): AsyncGenerator<MboxMessage> {
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 256 * 1024 });
  return readMbox(stream, options);
}

/**
 * Splits a byte stream into mbox messages. Chunks may break anywhere: inside an
 * envelope line, between a line break and `From `, inside `>From `, between CR and LF.
 */
export async function* readMbox(
  source: AsyncIterable<Uint8Array | string>,
  options: MboxOptions = {},
): AsyncGenerator<MboxMessage> {
  const splitter = new MboxSplitter(options);
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    yield* splitter.push(bytes);
  }
  yield* splitter.end();
}

/**
 * The push-style state machine under `readMbox`, usable without async iteration.
 * `push` returns the messages completed by a chunk; `end` returns the last one.
 */
export class MboxSplitter {
  private readonly maxMessageBytes: number;
  private readonly maxEnvelopeBytes: number;

  /** Undecided bytes at the start of a line (a prefix of `>…>From `), carried to the next chunk. */
  private pending: Buffer = Buffer.alloc(0);
  /** True when the next byte starts a line. */
  private atLineStart = true;
  /** True while skipping the rest of an envelope line. */
  private inEnvelope = false;

  /** Parts of the current message, and whether there is a current message at all. */
  private parts: Buffer[] = [];
  private kept = 0;
  private size = 0;
  private started = false;
  private envelopeParts: Buffer[] = [];
  private envelopeKept = 0;
  private index = 0;
  private messageOffset = 0;
  /** Bytes of the file consumed before the current chunk (for `offset`). */
  private consumed = 0;
  /** The last line break of the message so far (1 = LF, 2 = CRLF), dropped if an envelope follows. */
  private trailingBreak = 0;

  constructor(options: MboxOptions = {}) {
    this.maxMessageBytes = Math.max(0, options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES);
    this.maxEnvelopeBytes = Math.max(0, options.maxEnvelopeBytes ?? 1000);
  }

  /** Feeds one chunk; returns the messages it completed, in order. */
  push(chunk: Uint8Array): MboxMessage[] {
    const out: MboxMessage[] = [];
    const carried = this.pending.length;
    const data: Buffer =
      carried > 0
        ? Buffer.concat([this.pending, chunk])
        : Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.pending = Buffer.alloc(0);
    // Offsets in the file of data[0]: the carried bytes were not counted as consumed.
    const base = this.consumed - carried;
    this.consumed += chunk.byteLength;

    let pos = 0;
    /** Start of the run of message bytes not yet appended. */
    let segStart = 0;
    const end = data.length;

    while (pos < end) {
      if (this.inEnvelope) {
        const nl = data.indexOf(LF, pos);
        const stop = nl === -1 ? end : nl;
        this.addEnvelope(data.subarray(pos, stop));
        if (nl === -1) {
          pos = end;
          segStart = end;
          break;
        }
        this.inEnvelope = false;
        this.atLineStart = true;
        pos = nl + 1;
        segStart = pos;
        continue;
      }

      if (this.atLineStart) {
        // Count a run of '>' then look for "From ".
        let k = pos;
        while (k < end && data[k] === GT) k++;
        let matched = 0;
        while (matched < FROM.length && k + matched < end && data[k + matched] === FROM[matched]) matched++;
        if (matched < FROM.length && k + matched === end && end - pos <= MAX_PENDING) {
          // Ran out of bytes while everything still fits the pattern: decide with the next chunk.
          // (A run of '>' longer than MAX_PENDING is taken as content, so carrying stays cheap.)
          this.append(data.subarray(segStart, pos));
          this.pending = Buffer.from(data.subarray(pos));
          this.atLineStart = true;
          return out;
        }
        this.atLineStart = false;
        if (matched === FROM.length) {
          if (k === pos) {
            // An envelope line: the message so far ends here.
            this.append(data.subarray(segStart, pos));
            const done = this.finish(true);
            if (done) out.push(done);
            this.begin(base + pos);
            this.inEnvelope = true;
            pos += FROM.length;
            segStart = pos;
            continue;
          }
          // ">From " (any number of '>'): drop one '>'.
          this.append(data.subarray(segStart, pos));
          pos += 1;
          segStart = pos;
        }
      }

      const nl = data.indexOf(LF, pos);
      if (nl === -1) {
        pos = end;
        break;
      }
      pos = nl + 1;
      this.atLineStart = true;
    }
    this.append(data.subarray(segStart, pos));
    return out;
  }

  /** Ends the stream; returns the last message, if any. */
  end(): MboxMessage[] {
    const out: MboxMessage[] = [];
    if (this.pending.length > 0) {
      // Undecided bytes at the very end: a partial line that is plain content.
      const rest = this.pending;
      this.pending = Buffer.alloc(0);
      this.append(rest);
    }
    const done = this.finish(false);
    if (done) out.push(done);
    return out;
  }

  private begin(offset: number): void {
    this.started = true;
    this.parts = [];
    this.kept = 0;
    this.size = 0;
    this.trailingBreak = 0;
    this.envelopeParts = [];
    this.envelopeKept = 0;
    this.messageOffset = offset;
  }

  private append(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.size += bytes.length;
    // Remember how the content ends, to drop the separator's line break if an envelope follows.
    const last = bytes[bytes.length - 1];
    if (last === LF) {
      const prev = bytes.length >= 2 ? bytes[bytes.length - 2] : this.lastKeptByte(1);
      this.trailingBreak = prev === CR ? 2 : 1;
    } else {
      this.trailingBreak = 0;
    }
    const room = this.maxMessageBytes - this.kept;
    if (room <= 0) return;
    // Copy: the chunk's memory is reused by the stream.
    const piece = Buffer.from(bytes.length > room ? bytes.subarray(0, room) : bytes);
    this.parts.push(piece);
    this.kept += piece.length;
  }

  /** The byte `back` positions before the end of the kept content (for a CR in a previous part). */
  private lastKeptByte(back: number): number | undefined {
    for (let p = this.parts.length - 1; p >= 0; p--) {
      const part = this.parts[p]!;
      if (part.length >= back) return part[part.length - back];
      back -= part.length;
    }
    return undefined;
  }

  private addEnvelope(bytes: Buffer): void {
    const room = this.maxEnvelopeBytes - this.envelopeKept;
    if (room <= 0 || bytes.length === 0) return;
    const piece = Buffer.from(bytes.length > room ? bytes.subarray(0, room) : bytes);
    this.envelopeParts.push(piece);
    this.envelopeKept += piece.length;
  }

  private finish(beforeEnvelope: boolean): MboxMessage | undefined {
    let raw = Buffer.concat(this.parts, this.kept);
    let size = this.size;
    const truncated = this.size > this.kept;
    if (this.trailingBreak > 0 && (beforeEnvelope || this.started)) {
      // The line break before an envelope line (or the end of the file) is the separator's.
      size -= this.trailingBreak;
      if (!truncated) raw = raw.subarray(0, Math.max(0, raw.length - this.trailingBreak));
    }
    const envelope = Buffer.concat(this.envelopeParts).toString('latin1').replace(/\r$/, '');
    const hadMessage = this.started;
    this.parts = [];
    this.kept = 0;
    this.size = 0;
    if (!hadMessage) {
      // Bytes before the first envelope line: a message only if not blank.
      if (isBlank(raw)) return undefined;
      this.started = true;
    }
    this.index++;
    return {
      index: this.index,
      envelope: hadMessage ? envelope : '',
      raw,
      truncated,
      size,
      offset: hadMessage ? this.messageOffset : 0,
    };
  }
}

function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== LF && b !== CR) return false;
  }
  return true;
}
