// The globals Mattermost's webapp puts on window for plugins (plugins/export.ts and
// plugins/index.ts), typed for the bed. A cast rather than `declare global`: our own webapp
// declares some of the same names for its side, and both live in one TypeScript program.
import type { FormatTextOptions } from './post-utils/format-text';
import type { ReactNode } from 'react';

export interface WebappPlugin {
  initialize?: (registry: object, store: object) => unknown;
  uninitialize?: () => void;
}

export interface HostWindow {
  React: unknown;
  ReactDOM: unknown;
  Redux: unknown;
  ReactRedux: unknown;
  PostUtils: {
    formatText(text: string, options?: FormatTextOptions): string;
    messageHtmlToComponent(html: string, options?: unknown): ReactNode;
  };
  WebappUtils: {
    sendDesktopNotificationToMe(title: string, body: string, channel: { id?: string } | undefined, teamId: string, silent: boolean, soundName: string, url: string): () => void;
  };
  plugins: Record<string, WebappPlugin>;
  registerPlugin(id: string, plugin: WebappPlugin): void;
}

export const hostWindow = window as unknown as HostWindow;
