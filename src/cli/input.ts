/**
 * Turns file arguments into messages to check: plain text, `.eml`, `.mbox`, or
 * `-` for standard input (plain text).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Draft, Recipient } from '../classifier/types.js';
import { describeFsError } from './errors.js';
import { MalformedMessageError, parseEmlDraft } from './eml.js';
import { DEFAULT_MAX_MESSAGE_BYTES, readMboxFile } from './mbox.js';

export type InputKind = 'text' | 'eml' | 'mbox';

/** `.eml` and `.mbox` by extension (any case); everything else, and `-`, is plain text. */
export function kindOf(path: string): InputKind {
  if (path === '-') return 'text';
  const ext = extname(path).toLowerCase();
  if (ext === '.eml') return 'eml';
  if (ext === '.mbox') return 'mbox';
  return 'text';
}

/** One message to check, or the reason it could not be read. */
export type InputItem =
  | { source: string; draft: Draft; error?: undefined }
  | { source: string; error: string; draft?: undefined };

/** What the command line says about the envelope; wins over the message's own headers. */
export interface Overrides {
  to?: string[];
  cc?: string[];
  from?: string;
  subject?: string;
}

export interface ReadOptions {
  stdin: AsyncIterable<Uint8Array | string>;
  cwd?: string;
  overrides?: Overrides;
  maxMessageBytes?: number;
}

/** Name of standard input in output. */
export const STDIN_SOURCE = '<stdin>';

/**
 * Yields every message of one file argument. Never throws for a bad input:
 * an unreadable file or a malformed message is yielded as an error item, so
 * the caller reports it and goes on with the next.
 */
export async function* readInput(path: string, options: ReadOptions): AsyncGenerator<InputItem> {
  const overrides = options.overrides ?? {};
  const kind = kindOf(path);
  if (path === '-') {
    let bytes: Buffer;
    try {
      bytes = await readAll(options.stdin);
    } catch (err) {
      yield { source: STDIN_SOURCE, error: `cannot read standard input: ${describeFsError(err)}` };
      return;
    }
    yield { source: STDIN_SOURCE, draft: applyOverrides({ body: decodeText(bytes) }, overrides) };
    return;
  }
  const full = resolve(options.cwd ?? process.cwd(), path);
  try {
    const info = await stat(full);
    if (info.isDirectory()) {
      yield { source: path, error: 'is a directory (check takes files; use scan for folders)' };
      return;
    }
  } catch (err) {
    yield { source: path, error: `cannot read: ${describeFsError(err)}` };
    return;
  }

  if (kind === 'mbox') {
    const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    const messages = readMboxFile(full, { maxMessageBytes });
    try {
      for await (const message of messages) {
        const source = `${path}#${message.index}`;
        if (message.truncated) {
          yield { source, error: `message of ${message.size} bytes is over the ${maxMessageBytes}-byte limit: skipped` };
          continue;
        }
        yield await emlItem(source, message.raw, overrides);
      }
    } catch (err) {
      // A read error in the middle of the file: what was read is reported, the rest is lost.
      yield { source: path, error: `cannot read: ${describeFsError(err)}` };
    }
    return;
  }

  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (err) {
    yield { source: path, error: `cannot read: ${describeFsError(err)}` };
    return;
  }
  if (kind === 'eml') {
    yield await emlItem(path, bytes, overrides);
    return;
  }
  yield { source: path, draft: applyOverrides({ body: decodeText(bytes) }, overrides) };
}

async function emlItem(source: string, raw: Buffer, overrides: Overrides): Promise<InputItem> {
  try {
    return { source, draft: applyOverrides(await parseEmlDraft(raw), overrides) };
  } catch (err) {
    if (err instanceof MalformedMessageError || (err instanceof Error && err.name === 'MalformedMessageError')) {
      return { source, error: err.message };
    }
    return { source, error: `cannot parse message: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Flags given on the command line replace the message's own values. */
export function applyOverrides(draft: Draft, overrides: Overrides): Draft {
  const out: Draft = { ...draft };
  if (overrides.to && overrides.to.length) out.to = overrides.to.map(toRecipient);
  if (overrides.cc && overrides.cc.length) out.cc = overrides.cc.map(toRecipient);
  if (overrides.from !== undefined) out.from = toRecipient(overrides.from);
  if (overrides.subject !== undefined) out.subject = overrides.subject;
  return out;
}

/** `Name <addr>` or a bare address. */
export function toRecipient(text: string): Recipient {
  const trimmed = text.trim();
  const lt = trimmed.lastIndexOf('<');
  if (lt > 0 && trimmed.endsWith('>')) {
    const name = trimmed.slice(0, lt).trim().replace(/^"(.*)"$/s, '$1');
    const emailAddress = trimmed.slice(lt + 1, -1).trim();
    return name ? { emailAddress, displayName: name } : emailAddress;
  }
  return trimmed;
}

/**
 * UTF-8 (invalid bytes become U+FFFD), or UTF-16 when the file starts with its byte-order mark
 * (as Windows tools save "Unicode" text); without the mark, line breaks as LF.
 */
export function decodeText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(parts);
}
