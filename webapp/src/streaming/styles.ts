// The few styles inline styles cannot express (the blinking cursor after the last block of text),
// added once to the page. Colours come from Mattermost's theme variables, so every theme fits.
import { addStyleSheet } from '../host/style-sheet';

const STYLE_ID = 'openclaw-streaming-style';

const CSS = `
@keyframes openclaw-blink { from { opacity: 0.48; } to { opacity: 0.12; } }
.openclaw-reply--streaming .openclaw-reply__body > :last-child::after,
.openclaw-reply__cursor-only::after {
  content: ''; display: inline-block; width: 7px; height: 16px; margin-left: 3px; vertical-align: text-bottom;
  background: rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.48);
  animation: openclaw-blink 500ms ease-in-out infinite alternate;
}
.openclaw-reply__reasoning { font-size: 13px; opacity: 0.72; margin-bottom: 6px; }
.openclaw-reply__reasoning > summary { cursor: pointer; font-size: 12px; }
.openclaw-reply__reasoning-text {
  white-space: pre-wrap; margin: 4px 0 0; padding-left: 8px;
  border-left: 2px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.24);
}
.openclaw-reply__status { font-size: 12px; opacity: 0.72; margin-top: 4px; }
.openclaw-reply__note { font-size: 12px; font-style: italic; opacity: 0.72; margin-top: 4px; }
.openclaw-reply__stop {
  margin-top: 6px; padding: 2px 10px; font-size: 12px; border-radius: 4px; cursor: pointer;
  border: 1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.24);
  background: transparent; color: inherit;
}
.openclaw-reply__stop:disabled { opacity: 0.5; cursor: default; }
`;

export const addStyles = (doc: Document = document): void => addStyleSheet(STYLE_ID, CSS, doc);
