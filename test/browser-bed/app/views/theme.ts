// The theme object Mattermost passes to plugin components (the default "Denim" colours; the
// page's CSS variables in index.html match).
export const THEME: Record<string, string> = {
  type: 'Denim',
  sidebarBg: '#1e325c',
  sidebarText: '#ffffff',
  sidebarHeaderBg: '#192a4d',
  centerChannelBg: '#ffffff',
  centerChannelColor: '#3f4350',
  newMessageSeparator: '#cc8f00',
  linkColor: '#386fe5',
  buttonBg: '#1c58d9',
  buttonColor: '#ffffff',
  errorTextColor: '#d24b4e',
  mentionHighlightBg: '#ffd470',
  mentionHighlightLink: '#1b1d22',
  codeTheme: 'github',
};
