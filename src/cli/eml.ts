/**
 * Reads one stored e-mail message (RFC 5322 / MIME) into what the classifier checks.
 *
 * mailparser does the MIME work: multipart, quoted-printable, base64, charsets,
 * encoded-word headers; an HTML-only message is turned into text by it. The
 * body checked is the message's text part (or its HTML as text); attachments are
 * not checked.
 */
import { simpleParser, type AddressObject, type EmailAddress } from 'mailparser';
import type { Draft, Recipient } from '../classifier/types.js';

export interface ParsedMessage {
  body: string;
  subject?: string;
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  from?: Recipient;
  date?: Date;
}

/** Thrown for a message that cannot be read as e-mail. The message says why. */
export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError';
}

/**
 * Parses a raw message. Throws MalformedMessageError when the bytes are not a
 * message: empty, or not starting with a header field (`Name: value`).
 * mailparser itself accepts nearly anything, so that check is done here.
 */
export async function parseEml(raw: Uint8Array): Promise<ParsedMessage> {
  const buf = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const problem = headerProblem(buf);
  if (problem) throw new MalformedMessageError(problem);
  let mail;
  try {
    mail = await simpleParser(buf, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (err) {
    throw new MalformedMessageError(`cannot parse message: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    body: normalizeBreaks(mail.text ?? ''),
    subject: mail.subject,
    to: recipients(mail.to),
    cc: recipients(mail.cc),
    bcc: recipients(mail.bcc),
    from: recipients(mail.from)[0],
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : undefined,
  };
}

/**
 * Why these bytes are not a message, or undefined when they start like one.
 * The first line must be a header field: a name of printable ASCII other than
 * `:` (RFC 5322 section 2.2), then `:`.
 */
/** A stored message as the draft the classifier checks: body, subject, recipients, sender, date. */
export async function parseEmlDraft(raw: Uint8Array): Promise<Draft> {
  const parsed = await parseEml(raw);
  const draft: Draft = { body: parsed.body };
  if (parsed.subject !== undefined) draft.subject = parsed.subject;
  if (parsed.to.length) draft.to = parsed.to;
  if (parsed.cc.length) draft.cc = parsed.cc;
  if (parsed.bcc.length) draft.bcc = parsed.bcc;
  if (parsed.from) draft.from = parsed.from;
  if (parsed.date) draft.sentAt = parsed.date;
  return draft;
}

export function headerProblem(buf: Uint8Array): string | undefined {
  let i = 0;
  // A leading UTF-8 byte-order mark is tolerated.
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
  let nameLength = 0;
  for (; i < buf.length && nameLength <= 998; i++) {
    const b = buf[i]!;
    if (b === 0x3a) {
      if (nameLength === 0) return 'malformed message: empty header name on the first line';
      return undefined;
    }
    if (b < 0x21 || b > 0x7e) break;
    nameLength++;
  }
  if (buf.length === 0 || (nameLength === 0 && isBlank(buf))) return 'empty message';
  return 'malformed message: does not start with a header field ("Name: value")';
}

function isBlank(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

/** CRLF and lone CR become LF, as a compose window holds them. */
function normalizeBreaks(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/** Flattens mailparser's address objects (including groups) into recipients. */
export function recipients(value: AddressObject | AddressObject[] | undefined): Recipient[] {
  if (!value) return [];
  const out: Recipient[] = [];
  const visit = (list: EmailAddress[]): void => {
    for (const a of list) {
      if (a.group) visit(a.group);
      else if (a.address) out.push(a.name ? { emailAddress: a.address, displayName: a.name } : a.address);
    }
  };
  for (const obj of Array.isArray(value) ? value : [value]) visit(obj.value);
  return out;
}
