// Public surface of the Mattermost test bed. See test/harness/README.md.
export { startTestBed, type TestBed, type StartOptions, type ExtraNode } from './testbed';
export { useTestBed } from './jest';
export { startPostgres, type Postgres } from './postgres';
export { startMattermost, ensureServerBuilt, type MattermostServer } from './mm-server';
export { mattermostConfig } from './mm-config';
export { client, login, bootstrapAdmin, createWorld, DEFAULT_PASSWORD, type LoggedIn, type World } from './clients';
export {
  PLUGIN_ID,
  PluginState,
  uploadBundle,
  installPlugin,
  pluginStatus,
  waitForPluginState,
  pluginProcesses,
} from './plugin';
export { executeCommand, autocomplete, channelPosts, createPost, clickPostAction, submitDialog, rawRequest } from './actions';
export { connectWebSocket, postOf, type EventRecorder, type WsEvent } from './ws';
export { readLog, pluginLog, logMark, type LogLine } from './logs';
export { keepLogs, LOGS_ROOT } from './keep-logs';
export { REPO_ROOT } from './paths';
export { distBundlePath, readDistBundle, repackBundle, wrongArchitectureBundle, badManifestBundle, corruptBundle } from './bundles';
export { waitFor, sleep, freePort, GiveUp } from './net';
export { setPluginSettings, type OpenclawSettings } from './plugin-settings';
export { startPushProxy, type PushProxy, type PushRecord } from './push-proxy';
