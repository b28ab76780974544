// Button and confirmation styles, in Mattermost's theme variables so every theme fits; added
// once to the page (inline styles cannot express :hover and :disabled).
import { addStyleSheet } from '../host/style-sheet';

const STYLE_ID = 'openclaw-interactions-style';

const CSS = `
.openclaw-actions__attachment { margin-top: 6px; padding-left: 10px; border-left: 3px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.16); }
.openclaw-actions__text { font-size: 13px; opacity: 0.8; }
.openclaw-actions__buttons { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
.openclaw-actions__button {
  padding: 6px 14px; font-size: 13px; font-weight: 600; border-radius: 4px; cursor: pointer;
  border: 1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.24);
  background: var(--center-channel-bg, #fff); color: var(--button-bg, #1c58d9);
}
.openclaw-actions__button--primary, .openclaw-actions__button--good, .openclaw-actions__button--success {
  background: var(--button-bg, #1c58d9); border-color: var(--button-bg, #1c58d9); color: var(--button-color, #fff);
}
.openclaw-actions__button--danger { color: var(--error-text, #d24b4e); border-color: var(--error-text, #d24b4e); }
.openclaw-actions__button--warning { color: var(--away-indicator, #ffbc1f); border-color: var(--away-indicator, #ffbc1f); }
.openclaw-actions__button:hover:not(:disabled) { filter: brightness(0.94); }
.openclaw-actions__button:disabled { opacity: 0.5; cursor: default; }
.openclaw-actions__error { margin-top: 4px; font-size: 12px; color: var(--error-text, #d24b4e); }
.openclaw-decision {
  display: inline-flex; align-items: baseline; gap: 2px; margin-top: 6px; padding: 4px 10px; border-radius: 4px; font-size: 13px;
  background: rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.06);
}
.openclaw-decision__mark { font-weight: 700; margin-right: 6px; }
.openclaw-decision--positive .openclaw-decision__mark { color: var(--online-indicator, #06d6a0); }
.openclaw-decision--negative .openclaw-decision__mark { color: var(--error-text, #d24b4e); }
.openclaw-decision--neutral { opacity: 0.8; }
.openclaw-decision__time { opacity: 0.64; }
`;

export const addStyles = (doc: Document = document): void => addStyleSheet(STYLE_ID, CSS, doc);
