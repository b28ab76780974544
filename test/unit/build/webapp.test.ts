// The webapp bundle must register itself under the plugin id and lean on the host's React.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import React from 'react';
import { PLUGIN_ID } from '../../../webapp/src/manifest';
import { REPLY_POST_TYPE } from '../../../webapp/src/streaming/post-type';
import { INTERACTIVE_POST_TYPE } from '../../../webapp/src/interactions/post-type';
import { callBuild, ROOT } from './helpers';

const built = callBuild<{ bundle: string; size: number }>('webapp.mjs', 'buildWebapp');

const readManifest = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'plugin.json'), 'utf8')) as { id: string; webapp: { bundle_path: string } };

test('webapp PLUGIN_ID equals plugin.json id', () => {
  const manifest = readManifest();
  expect(PLUGIN_ID).toBe(manifest.id);
});

test('builds to the bundle_path plugin.json declares', () => {
  const manifest = readManifest();
  expect(path.relative(ROOT, built.bundle)).toBe(path.join('webapp', manifest.webapp.bundle_path.replace(/^webapp\//, '')));
});

test('main.js calls window.registerPlugin once with the id and an initializable plugin', async () => {
  const calls: [string, { initialize: (r: unknown, s: unknown) => Promise<void> }][] = [];
  const asked: string[] = [];
  const styles: string[] = [];
  // The host provides React on window before it loads plugin bundles; the page has a document and fetch.
  const window = { registerPlugin: (id: string, p: never) => calls.push([id, p]), React };
  const document = {
    cookie: '',
    getElementById: () => null,
    createElement: () => ({ id: '', textContent: '' }),
    head: { appendChild: (el: { id: string }) => void styles.push(el.id) },
  };
  const fetch = (url: string) => {
    asked.push(url);
    return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ user_id: 'bot' }) });
  };
  vm.runInNewContext(fs.readFileSync(built.bundle, 'utf8'), { window, document, fetch, console, URL });
  expect(calls.map(([id]) => id)).toEqual(['openclaw']);
  const postTypes: string[] = [];
  const adminSettings: string[] = [];
  const wsEvents: string[] = [];
  let reconnectHandlers = 0;
  let notificationHooks = 0;
  const registry = {
    registerDesktopNotificationHook: () => String(++notificationHooks),
    registerPostTypeComponent: (type: string) => String(postTypes.push(type)),
    registerWebSocketEventHandler: (event: string) => void wsEvents.push(event),
    registerReconnectHandler: () => void reconnectHandlers++,
    registerAdminConsoleCustomSetting: (key: string) => void adminSettings.push(key),
  };
  const store = { getState: () => ({ entities: { general: { config: { SiteURL: 'https://chat.example.com/chat' } } } }), dispatch: () => undefined };
  await expect(calls[0][1].initialize(registry, store)).resolves.toBeUndefined();
  expect(postTypes).toEqual([REPLY_POST_TYPE, INTERACTIVE_POST_TYPE]);
  expect(notificationHooks).toBe(1);
  expect(wsEvents).toEqual(['stream_delta', 'stream_status', 'stream_end', 'stream_reset', 'stream_reasoning'].map((e) => `custom_openclaw_${e}`));
  expect(reconnectHandlers).toBe(1);
  expect(styles).toEqual(['openclaw-streaming-style', 'openclaw-interactions-style']);
  // The bot's id comes from our route, under the site's path.
  expect(asked).toEqual(['/chat/plugins/openclaw/api/v1/bot']);
  expect(adminSettings).toEqual(expect.arrayContaining(['GatewayStatus', 'DmPairingRequests', 'GatewayURL', 'GatewayToken']));
});

test('the bundle is small: React and friends come from the host, not from us', () => {
  // 54 KiB with streaming, interactions and the admin console; React alone would be over 130 KiB.
  expect(built.size).toBeLessThan(64 * 1024);
  const config = callBuild<{ externals: Record<string, string> }>(path.join(ROOT, 'webapp', 'webpack.config.mjs'), 'default');
  expect(config.externals).toMatchObject({ react: 'React', 'react-dom': 'ReactDOM', redux: 'Redux', 'react-redux': 'ReactRedux' });
});
