import type { Draft } from '../classifier/types.js';
import type { AsyncCallback, ComposeItemLike, EmailAddressLike, RecipientsLike } from './office-types.js';
import { SUCCEEDED } from './office-types.js';

/** Turns an Office callback API into a promise that rejects with the host's error message. */
export function officeCall<T>(what: string, start: (callback: AsyncCallback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result && result.status === SUCCEEDED) resolve(result.value);
        else {
          const detail = result && result.error && (result.error.message || result.error.name);
          reject(new Error(`${what} failed${detail ? `: ${detail}` : ''}`));
        }
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(`${what} failed: ${String(err)}`));
    }
  });
}

function readRecipients(what: string, field: RecipientsLike | undefined): Promise<EmailAddressLike[]> {
  if (!field) return Promise.resolve([]);
  return officeCall<EmailAddressLike[]>(what, (cb) => field.getAsync(cb)).then((list) =>
    (list || []).map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName })),
  );
}

/**
 * Reads what the classifier needs from the item being composed: the body as plain text,
 * the subject and the to/cc/bcc recipients. Any failed read rejects the whole draft, so the
 * caller applies its error policy rather than checking half a message.
 */
export function readDraft(item: ComposeItemLike | null | undefined): Promise<Draft> {
  if (!item) return Promise.reject(new Error('no message is open'));
  return Promise.all([
    officeCall<string>('reading the body', (cb) => item.body.getAsync('text', {}, cb)),
    officeCall<string>('reading the subject', (cb) => item.subject.getAsync(cb)),
    readRecipients('reading To', item.to),
    readRecipients('reading Cc', item.cc),
    readRecipients('reading Bcc', item.bcc),
  ]).then(([body, subject, to, cc, bcc]) => ({
    body: typeof body === 'string' ? body : '',
    subject: typeof subject === 'string' ? subject : '',
    to,
    cc,
    bcc,
  }));
}
