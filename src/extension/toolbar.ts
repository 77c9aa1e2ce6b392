/** What the toolbar icon shows for a tab's status report (pure; test/extension/toolbar.test.ts). */
import type { StatusMessage } from './chrome-api.js';

export const UNAVAILABLE_BADGE = 'off';

export function toolbarState(m: Pick<StatusMessage, 'state' | 'count' | 'detail'>): { text: string; color: string; title: string } {
  if (m.state === 'unavailable') {
    return {
      text: UNAVAILABLE_BADGE,
      color: '#6f6f6f',
      title: `Second Thought: checking is unavailable on this page${m.detail ? ` (${m.detail})` : ''}. Your drafts are not being checked.`,
    };
  }
  if (m.state === 'idle') return { text: '', color: '#0b57d0', title: 'Second Thought: open a compose window to have your draft checked.' };
  const n = Math.max(0, Math.floor(m.count));
  return {
    text: n === 0 ? '' : n > 99 ? '99+' : String(n),
    color: '#b26a00',
    title: n === 0 ? 'Second Thought: nothing to review in your drafts.' : `Second Thought: ${n === 1 ? '1 thing' : `${n} things`} to review in your drafts.`,
  };
}
