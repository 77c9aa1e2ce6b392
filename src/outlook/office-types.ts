/**
 * The slice of Office.js that the add-in uses, as plain structural types.
 *
 * The real `Office` global, office-addin-mock objects in tests and the playground's stand-in
 * (src/playground/office-standin.ts) all satisfy these, so the handler and pane code take an
 * `OfficeLike` parameter instead of reaching for the global. Names and values follow Office.js.
 */

export interface AsyncResultLike<T> {
  status: string; // 'succeeded' | 'failed'
  value: T;
  error?: { name?: string; message?: string; code?: number };
}
export type AsyncCallback<T> = (result: AsyncResultLike<T>) => void;

export interface EmailAddressLike {
  emailAddress: string;
  displayName?: string;
  recipientType?: string;
}

export interface RecipientsLike {
  getAsync(callback: AsyncCallback<EmailAddressLike[]>): void;
}

export interface NotificationMessageDetailsLike {
  type: string;
  message: string;
  icon?: string;
  persistent?: boolean;
  actions?: Array<{ actionType: string; actionText: string; commandId: string; contextData: unknown }>;
}

export interface ComposeItemLike {
  body: {
    getAsync(coercionType: string, options: object, callback: AsyncCallback<string>): void;
    setAsync?(data: string, options: object, callback: AsyncCallback<void>): void;
    setSelectedDataAsync?(data: string, options: object, callback: AsyncCallback<void>): void;
  };
  subject: { getAsync(callback: AsyncCallback<string>): void };
  to: RecipientsLike;
  cc: RecipientsLike;
  bcc?: RecipientsLike;
  notificationMessages?: {
    replaceAsync(key: string, details: NotificationMessageDetailsLike, callback?: AsyncCallback<void>): void;
    removeAsync(key: string, callback?: AsyncCallback<void>): void;
  };
  sessionData?: {
    getAsync(name: string, callback: AsyncCallback<string>): void;
    setAsync(name: string, value: string, callback?: AsyncCallback<void>): void;
  };
  addHandlerAsync?(eventType: string, handler: (args?: unknown) => void, callback?: AsyncCallback<void>): void;
  getInitializationContextAsync?(callback: AsyncCallback<string>): void;
}

export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove?(name: string): void;
  saveAsync(callback?: AsyncCallback<void>): void;
}

export interface OfficeLike {
  context: {
    mailbox: {
      item: ComposeItemLike | null;
      addHandlerAsync?(eventType: string, handler: (args?: unknown) => void, callback?: AsyncCallback<void>): void;
      userProfile?: { emailAddress?: string; displayName?: string };
    };
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    officeTheme?: { bodyBackgroundColor?: string; bodyForegroundColor?: string };
    /** Per-user settings that roam with the mailbox (32 KB for the add-in). Preferences only. */
    roamingSettings?: RoamingSettingsLike;
  };
  onReady?(callback?: (info: { host: unknown; platform: unknown }) => void): Promise<unknown>;
  actions?: { associate(name: string, handler: (event: any) => void): void };
  EventType?: Record<string, string>;
  MailboxEnums?: Record<string, Record<string, string>>;
}

/** The event object Outlook passes to launch-event handlers. */
export interface LaunchEventLike {
  completed(options?: Record<string, unknown>): void;
}

export const SUCCEEDED = 'succeeded';

/** Whether a Mailbox requirement set is available; false when the host cannot tell. */
export function supportsMailbox(office: OfficeLike, version: string): boolean {
  try {
    const req = office.context && office.context.requirements;
    return !!req && req.isSetSupported('Mailbox', version) === true;
  } catch {
    return false;
  }
}
