// Inline styles on the host theme's CSS variables (with fallbacks for pages without them), so
// the panels look at home in Mattermost's System Console in light and dark themes.
import type { CSSProperties } from 'react';

export const STATE_COLORS: Record<string, string> = {
  connected: 'var(--online-indicator, #06d6a0)',
  'pairing-required': 'var(--away-indicator, #ffbc1f)',
  connecting: 'var(--button-bg, #1c58d9)',
  error: 'var(--error-text, #d24b4e)',
  disabled: 'rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.48)',
};

export const panel: CSSProperties = {
  border: '1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.16)',
  borderRadius: 8,
  padding: '16px 20px',
  margin: '0 0 24px',
  background: 'var(--center-channel-bg, #fff)',
  color: 'var(--center-channel-color, #3f4350)',
  fontSize: 14,
  lineHeight: '20px',
};

export const muted: CSSProperties = { color: 'rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.64)', fontSize: 12 };

export const button: CSSProperties = {
  border: '1px solid var(--button-bg, #1c58d9)',
  background: 'transparent',
  color: 'var(--button-bg, #1c58d9)',
  borderRadius: 4,
  padding: '6px 14px',
  fontWeight: 600,
  fontSize: 13,
  cursor: 'pointer',
  marginRight: 8,
};

export const primaryButton: CSSProperties = { ...button, background: 'var(--button-bg, #1c58d9)', color: 'var(--button-color, #fff)' };
export const dangerButton: CSSProperties = { ...button, borderColor: 'var(--error-text, #d24b4e)', color: 'var(--error-text, #d24b4e)' };
export const dangerFilled: CSSProperties = { ...dangerButton, background: 'var(--error-text, #d24b4e)', color: '#fff' };

export const code: CSSProperties = {
  fontFamily: 'Menlo, Consolas, monospace',
  fontSize: 13,
  background: 'rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.08)',
  borderRadius: 4,
  padding: '6px 10px',
  display: 'inline-block',
  userSelect: 'all',
};

export const input: CSSProperties = { width: '100%', maxWidth: 480, padding: '6px 10px', fontSize: 14, boxSizing: 'border-box' };

export function note(ok: boolean): CSSProperties {
  return { marginTop: 10, padding: '8px 12px', borderRadius: 4, borderLeft: `4px solid ${ok ? STATE_COLORS.connected : STATE_COLORS.error}`,
    background: 'rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.04)' };
}
