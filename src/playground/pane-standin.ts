/**
 * Playground only (pane.html): gives the real task pane bundle, which runs next in this iframe,
 * an Office-like object over the playground's simulated compose window in the parent page.
 */
import type { PlaygroundMailbox } from './office-standin.js';

const host = (() => {
  try {
    return window.parent !== window ? (window.parent as unknown as { __stPlayground?: PlaygroundMailbox }).__stPlayground : undefined;
  } catch {
    return undefined;
  }
})();

if (host) (window as unknown as { Office: unknown }).Office = host.createOffice();
