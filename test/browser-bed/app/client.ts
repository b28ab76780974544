// The page's REST client: @mattermost/client's Client4 on the page's own origin (the bed's
// server proxies /api/v4 to Mattermost). Cookies carry the session, and Client4 adds
// X-Requested-With and the X-CSRF-Token header from the MMCSRF cookie, as in the real client.
import { Client4 } from '@mattermost/client';

export const client = new Client4();
client.setUrl(window.location.origin);
