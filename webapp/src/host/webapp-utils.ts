// window.WebappUtils.sendDesktopNotificationToMe (Mattermost's plugins/export.ts): an action
// creator the plugin dispatches on the host's store. Looked up at call time; may be missing.
export type DesktopNotificationAction = (
  title: string, body: string, channel: unknown, teamId: string, silent: boolean, soundName: string, url: string,
) => unknown;

declare global {
  interface Window {
    WebappUtils?: { sendDesktopNotificationToMe?: DesktopNotificationAction };
  }
}

export function desktopNotificationAction(): DesktopNotificationAction | undefined {
  const send = window.WebappUtils?.sendDesktopNotificationToMe;
  return typeof send === 'function' ? send : undefined;
}
