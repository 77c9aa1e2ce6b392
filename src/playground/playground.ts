/**
 * The playground page: a simulated compose window (To, Cc, Subject, Body, Send) beside the real
 * task pane (iframe: pane.html), with the Office.js stand-in underneath. Send runs the real
 * launchevent.js (the same file Outlook loads) and shows its Smart Alerts answer in a simulated
 * dialog. Nothing here talks to any server but the page's own origin.
 */
import { PlaygroundMailbox, EVENT_TYPES, parseAddresses } from './office-standin.js';

const mailbox = new PlaygroundMailbox();
const globals = window as unknown as { __stPlayground?: PlaygroundMailbox; Office?: unknown };
globals.__stPlayground = mailbox; // the pane iframe's stand-in reads the same draft
globals.Office = mailbox.createOffice(); // the event runtime (launchevent.js) on this page

const $ = <T extends HTMLElement>(id: string) => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`playground markup lacks #${id}`);
  return node as T;
};
const to = $<HTMLInputElement>('to');
const cc = $<HTMLInputElement>('cc');
const subject = $<HTMLInputElement>('subject');
const body = $<HTMLTextAreaElement>('body');
const form = $<HTMLFormElement>('compose');
const sendStatus = $<HTMLElement>('send-status');
const infobar = $<HTMLElement>('infobar');
const dialog = $<HTMLDialogElement>('alert');
const alertMessage = $<HTMLElement>('alert-message');
const alertButtons = $<HTMLElement>('alert-buttons');
const paneFrame = $<HTMLIFrameElement>('pane');
// The pane's stand-in reads __stPlayground from this page as it starts. With src in the markup the
// pane could start before this deferred script had set it (it did on a loaded machine: a pane with
// no Office object, which never checks anything), so the pane is loaded only now.
let paneLoaded = false;
paneFrame.addEventListener('load', () => (paneLoaded = true), { once: true });
paneFrame.src = 'pane.html';
const version = $<HTMLSelectElement>('mailbox-version');

/** Launch events need a fresh `event` each time; completion may come only once (we check). */
function fire(name: string, onCompleted: (options: Record<string, unknown>) => void = () => undefined): boolean {
  const handler = mailbox.handlers[name];
  if (!handler) return false;
  let completed = false;
  handler({
    type: name,
    completed(options?: Record<string, unknown>) {
      if (completed) {
        console.error(`${name}: event.completed called more than once`);
        return;
      }
      completed = true;
      onCompleted(options ?? {});
    },
  });
  return true;
}

function renderInfobar() {
  infobar.replaceChildren();
  const messages = [...mailbox.notifications.values()];
  infobar.hidden = messages.length === 0;
  for (const m of messages) {
    const line = document.createElement('div');
    line.className = 'infobar__item';
    const text = document.createElement('span');
    text.textContent = m.message;
    line.append(text);
    for (const action of m.actions ?? []) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      b.textContent = action.actionText;
      b.addEventListener('click', () => openPane(String(action.contextData ?? '')));
      line.append(b);
    }
    infobar.append(line);
  }
}

function openPane(context: string) {
  mailbox.initializationContext = context;
  mailbox.fire(EVENT_TYPES.InitializationContextChanged, { type: EVENT_TYPES.InitializationContextChanged, initializationContext: context });
  paneFrame.focus();
}

mailbox.onChange((what) => {
  if (what === 'body' && body.value !== mailbox.state.body) body.value = mailbox.state.body;
  if (what === 'subject' && subject.value !== mailbox.state.subject) subject.value = mailbox.state.subject;
  if (what === 'notifications') renderInfobar();
});

body.addEventListener('input', () => {
  mailbox.state.body = body.value;
});
body.addEventListener('select', () => {
  mailbox.selection = { start: body.selectionStart, end: body.selectionEnd };
});
subject.addEventListener('input', () => {
  mailbox.state.subject = subject.value;
});

let recipientTimer: ReturnType<typeof setTimeout> | undefined;
function recipientsEdited() {
  const next = { to: parseAddresses(to.value), cc: parseAddresses(cc.value) };
  if (next.to.join() === mailbox.state.to.join() && next.cc.join() === mailbox.state.cc.join()) return;
  mailbox.state.to = next.to;
  mailbox.state.cc = next.cc;
  if (recipientTimer) clearTimeout(recipientTimer);
  recipientTimer = setTimeout(() => {
    mailbox.fire(EVENT_TYPES.RecipientsChanged, { type: EVENT_TYPES.RecipientsChanged, changedRecipientFields: { to: true, cc: true, bcc: false } });
    fire('stOnRecipients');
  }, 300);
}
for (const field of [to, cc]) {
  field.addEventListener('change', recipientsEdited);
  field.addEventListener('input', recipientsEdited);
}

version.addEventListener('change', () => {
  mailbox.mailboxVersion = version.value;
});

function showSent(how: string) {
  const headers = [...mailbox.headers].map(([name, value]) => `${name}: ${value}`);
  sendStatus.textContent = `Sent ${how} (simulated: nothing left this page).${headers.length ? ` Internet headers added: ${headers.join('; ')}` : ''}`;
  sendStatus.dataset.state = 'sent';
}

function showAlert(options: Record<string, unknown>) {
  alertMessage.textContent = String(options.errorMessage ?? 'Second Thought is preventing this email from being sent.');
  alertButtons.replaceChildren();
  const add = (label: string, primary: boolean, action: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    if (primary) b.className = 'primary';
    b.addEventListener('click', () => {
      dialog.close();
      action();
    });
    alertButtons.append(b);
  };
  const prompt = options.sendModeOverride === 'promptUser';
  // As Outlook draws it: with a commandId, the second button opens the pane ("Take Action", or cancelLabel).
  if (options.commandId) add(String(options.cancelLabel ?? 'Take Action'), !prompt, () => openPane(String(options.contextData ?? '')));
  else add("Don't Send", !prompt, () => undefined);
  if (prompt) add('Send Anyway', true, () => showSent('anyway'));
  dialog.showModal();
  sendStatus.textContent = 'Not sent.';
  sendStatus.dataset.state = 'held';
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  mailbox.state.body = body.value;
  mailbox.state.subject = subject.value;
  mailbox.state.to = parseAddresses(to.value);
  mailbox.state.cc = parseAddresses(cc.value);
  sendStatus.textContent = 'Checking before sending…';
  sendStatus.dataset.state = 'checking';
  const slow = setTimeout(() => {
    sendStatus.textContent = 'Second Thought is taking longer than expected… (Outlook shows this after 5 seconds)';
  }, 5000);
  const started = fire('stOnSend', (options) => {
    clearTimeout(slow);
    if (options.allowEvent === true) showSent('');
    else showAlert(options);
  });
  if (!started) {
    clearTimeout(slow);
    sendStatus.textContent = 'The send handler is not loaded (launchevent.js).';
    sendStatus.dataset.state = 'error';
  }
});

// Load the production event-runtime bundle, exactly the file Outlook loads, on top of the stand-in.
const script = document.createElement('script');
script.src = new URL('../launchevent.js', location.href).href;
script.addEventListener('load', () => {
  document.body.dataset.handlers = Object.keys(mailbox.handlers).sort().join(' ');
  // The pane and this page share one thread here (in Outlook they are separate runtimes): let the
  // pane start first, then raise OnNewMessageCompose as Outlook does for a new message.
  const compose = () => setTimeout(() => fire('stOnNewCompose'), 300);
  if (paneLoaded) compose();
  else paneFrame.addEventListener('load', compose, { once: true });
});
script.addEventListener('error', () => {
  sendStatus.textContent = 'Could not load launchevent.js.';
});
document.head.append(script);
