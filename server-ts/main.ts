// Entry point of the plugin executable. The host gives us 3 s to print the go-plugin
// handshake, so this file only checks the cookie, opens the listener, prints the line,
// and then loads the rest of the runtime (lazy require keeps start-up cheap).
import { startPluginProcess } from './mattermost/plugin/process';
import type * as PluginModule from './plugin';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: an import would load the whole runtime before the handshake
startPluginProcess(() => (require('./plugin') as typeof PluginModule).createPlugin);
