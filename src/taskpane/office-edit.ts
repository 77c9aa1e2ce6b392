/**
 * Changing the draft, ONLY when the user clicks Replace: the pane never writes to the draft on
 * its own. The finding's words are checked to still be where they were before anything is written.
 */
import type { Finding } from '../classifier/types.js';
import type { ComposeItemLike } from '../outlook/office-types.js';
import { officeCall } from '../outlook/read-draft.js';
import { occurrenceIndex, spliceChecked } from './pane-logic.js';

export type ReplaceOutcome = 'replaced' | 'changed' | 'unsupported';

interface WritableItem extends ComposeItemLike {
  subject: ComposeItemLike['subject'] & { setAsync?(data: string, callback: (r: { status: string }) => void): void };
  body: ComposeItemLike['body'] & { getTypeAsync?(callback: (r: { status: string; value: string }) => void): void };
}

/**
 * Replaces the k-th occurrence of `needle` across the text nodes of an HTML body (inside one
 * text node), leaving all markup as it was. Null when it cannot be found there.
 */
export function replaceInHtml(html: string, needle: string, k: number, replacement: string): string | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    let at = value.indexOf(needle);
    while (at >= 0) {
      if (seen === k) {
        node.nodeValue = value.slice(0, at) + replacement + value.slice(at + needle.length);
        const doctype = html.trimStart().toLowerCase().startsWith('<!doctype') ? '<!DOCTYPE html>\n' : '';
        return doctype + doc.documentElement.outerHTML;
      }
      seen++;
      at = value.indexOf(needle, at + needle.length);
    }
  }
  return null;
}

export function replaceFinding(item: ComposeItemLike | null, f: Finding, replacement: string): Promise<ReplaceOutcome> {
  if (!item) return Promise.resolve('unsupported');
  const w = item as WritableItem;
  if (f.field === 'subject') {
    const setSubject = w.subject.setAsync;
    if (!setSubject) return Promise.resolve('unsupported');
    return officeCall<string>('reading the subject', (cb) => w.subject.getAsync(cb)).then((subject) => {
      const next = spliceChecked(subject, f.start, f.end, f.text, replacement);
      if (next === null) return 'changed' as const;
      return officeCall<void>('writing the subject', (cb) => setSubject.call(w.subject, next, cb as never)).then(() => 'replaced' as const);
    });
  }
  if (f.field && f.field !== 'body') return Promise.resolve('unsupported');
  const setBody = w.body.setAsync;
  if (!setBody) return Promise.resolve('unsupported');
  return officeCall<string>('reading the body', (cb) => w.body.getAsync('text', {}, cb)).then((text) => {
    const nextText = spliceChecked(text, f.start, f.end, f.text, replacement);
    if (nextText === null) return 'changed' as const;
    const bodyType = w.body.getTypeAsync
      ? officeCall<string>('reading the body type', (cb) => w.body.getTypeAsync!(cb as never)).catch(() => 'html')
      : Promise.resolve('text');
    return bodyType.then((type) => {
      if (type !== 'html') {
        return officeCall<void>('writing the body', (cb) => setBody.call(w.body, nextText, { coercionType: 'text' }, cb)).then(() => 'replaced' as const);
      }
      const k = occurrenceIndex(text, f.text, f.start);
      return officeCall<string>('reading the body', (cb) => w.body.getAsync('html', {}, cb)).then((html) => {
        const nextHtml = replaceInHtml(html, f.text, k, replacement);
        if (nextHtml === null) return 'unsupported' as const;
        return officeCall<void>('writing the body', (cb) => setBody.call(w.body, nextHtml, { coercionType: 'html' }, cb)).then(() => 'replaced' as const);
      });
    });
  });
}
