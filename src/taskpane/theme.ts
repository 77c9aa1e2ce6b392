/**
 * Light, dark and high-contrast: the pane is dark (body.dark, whose colours taskpane.css sets)
 * when Outlook's theme is dark, or when the host reports none and the system's colour scheme is;
 * forced colours (Windows high contrast) use system colours in taskpane.css.
 */
import type { OfficeLike } from '../outlook/office-types.js';

/** Relative luminance of a #rrggbb colour, or null. */
export function luminance(hex: string | undefined): number | null {
  if (!hex) return null;
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

export function prefersDark(office: OfficeLike | undefined): boolean {
  const l = luminance(office?.context?.officeTheme?.bodyBackgroundColor);
  if (l !== null) return l < 0.3;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export function applyTheme(office: OfficeLike | undefined): void {
  const dark = prefersDark(office);
  document.body.classList.toggle('dark', dark);
}
