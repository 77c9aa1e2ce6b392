/**
 * The few Chrome extension APIs the extension uses, typed here (no @types/chrome dependency).
 * `chromeApi()` is undefined outside an extension (tests, a plain page).
 */
import type { StorageAreaLike } from './settings.js';

export interface StatusMessage {
  type: 'second-thought/status';
  /** ok: compose windows are being checked; idle: none open; unavailable: Gmail's compose was not recognized. */
  state: 'ok' | 'idle' | 'unavailable';
  /** Findings in the compose windows of this tab. */
  count: number;
  detail?: string;
}

export interface ChromeLike {
  storage?: {
    managed?: StorageAreaLike;
    sync?: StorageAreaLike;
    local?: StorageAreaLike;
    onChanged?: { addListener(fn: (changes: Record<string, unknown>, area: string) => void): void };
  };
  runtime?: {
    id?: string;
    sendMessage?(message: unknown): Promise<unknown> | void;
    onMessage?: { addListener(fn: (message: unknown, sender: { tab?: { id?: number } }) => void): void };
  };
  action?: {
    setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
    setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void> | void;
    setTitle(details: { tabId?: number; title: string }): Promise<void> | void;
  };
}

export function chromeApi(): ChromeLike | undefined {
  const c = (globalThis as { chrome?: ChromeLike }).chrome;
  return c && c.runtime && c.runtime.id ? c : undefined;
}
