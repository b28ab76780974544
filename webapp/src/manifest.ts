// Must equal plugin.json's id: Mattermost routes websocket events and stores state by it.
// A unit test (test/unit/build/webapp.test.ts) keeps the two in sync.
export const PLUGIN_ID = 'openclaw';
