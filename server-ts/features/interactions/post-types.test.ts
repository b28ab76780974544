import { REPLY_POST_TYPE } from '../streaming/post-type';
import { INTERACTIVE_POST_TYPE } from './decided-post';
import { INTERACTIVE_POST_TYPE as WEBAPP_INTERACTIVE } from '../../../webapp/src/interactions/post-type';
import { REPLY_POST_TYPE as WEBAPP_REPLY } from '../../../webapp/src/streaming/post-type';

// Posts.Type is varchar(26) in Mattermost's database: a longer type fails every CreatePost
// ("value too long for type character varying(26)"), which only a real server shows.
test('our post types fit Mattermost\'s column, start with custom_, and match the webapp\'s', () => {
  for (const type of [REPLY_POST_TYPE, INTERACTIVE_POST_TYPE]) {
    expect(type.length).toBeLessThanOrEqual(26);
    expect(type.startsWith('custom_')).toBe(true);
  }
  expect(WEBAPP_INTERACTIVE).toBe(INTERACTIVE_POST_TYPE);
  expect(WEBAPP_REPLY).toBe(REPLY_POST_TYPE);
});
