/**
 * OnNewMessageCompose and OnMessageRecipientsChanged: keep the writer informed with the pane
 * closed, through the item's notification bar ("Second Thought: 2 things to review before
 * sending", with an Open button that shows the pane where the host supports it).
 *
 * These events never block anything; they still complete exactly once (watchdog included), since
 * an event runtime that never completes is only torn down after minutes.
 */
import { formatNotification } from './alert-message.js';
import type { LaunchEventLike, NotificationMessageDetailsLike, OfficeLike } from './office-types.js';
import { SUCCEEDED } from './office-types.js';
import { readDraft } from './read-draft.js';
import type { HandlerDeps } from './send-handler.js';
import { onceCompleter, PANE_COMMAND_ID } from './send-handler.js';

export const NOTIFICATION_KEY = 'secondThoughtSummary';
/** Image resid from manifest.xml used as the info bar icon. */
export const NOTIFICATION_ICON = 'St.Icon16';

function enumValue(office: OfficeLike, group: string, name: string, fallback: string): string {
  const enums = office.MailboxEnums as Record<string, Record<string, string>> | undefined;
  return (enums && enums[group] && enums[group][name]) || fallback;
}

/** Shows, replaces or removes the summary bar. Resolves whatever the host says (never rejects). */
export function showSummary(office: OfficeLike, message: string | null): Promise<void> {
  const item = office.context.mailbox.item;
  const bar = item && item.notificationMessages;
  if (!bar) return Promise.resolve();
  return new Promise<void>((resolve) => {
    try {
      if (message === null) {
        bar.removeAsync(NOTIFICATION_KEY, () => resolve());
        return;
      }
      const insight: NotificationMessageDetailsLike = {
        type: enumValue(office, 'ItemNotificationMessageType', 'InsightMessage', 'insightMessage'),
        message,
        icon: NOTIFICATION_ICON,
        actions: [
          {
            actionType: enumValue(office, 'ActionType', 'ShowTaskPane', 'showTaskPane'),
            actionText: 'Open',
            commandId: PANE_COMMAND_ID,
            contextData: JSON.stringify({ from: 'notification' }),
          },
        ],
      };
      const informational: NotificationMessageDetailsLike = {
        type: enumValue(office, 'ItemNotificationMessageType', 'InformationalMessage', 'informationalMessage'),
        message,
        icon: NOTIFICATION_ICON,
        persistent: false,
      };
      // Insight messages (with the Open button) are newer; fall back to a plain informational bar.
      bar.replaceAsync(NOTIFICATION_KEY, insight, (res) => {
        if (res && res.status === SUCCEEDED) return resolve();
        bar.replaceAsync(NOTIFICATION_KEY, informational, () => resolve());
      });
    } catch {
      resolve();
    }
  });
}

/** Checks the draft as it stands and updates the info bar; completes the event exactly once. */
export function onComposeChange(event: LaunchEventLike, deps: HandlerDeps): Promise<string | null> {
  const log = deps.log ?? ((m: string) => console.warn(`[Second Thought] ${m}`));
  const completer = onceCompleter(event, log);
  const watchdog = setTimeout(() => completer.complete({}), deps.watchdogMs ?? 3500);
  return Promise.resolve()
    .then(() => deps.getPolicy())
    .then((load) => Promise.all([readDraft(deps.office.context.mailbox.item), deps.getClassifier(load.policy)]))
    .then(([draft, classifier]) => {
      const message = formatNotification(classifier.classify(draft));
      return showSummary(deps.office, message).then(() => message);
    })
    .catch((err) => {
      log(`compose check failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    })
    .then((message) => {
      clearTimeout(watchdog);
      completer.complete({});
      return message;
    });
}
