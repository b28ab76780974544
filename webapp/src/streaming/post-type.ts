// The Mattermost post type of the bot's reply posts. Custom post types must start with `custom_`
// (Mattermost's Post.IsValid); the server part creates its reply posts with this type, and the
// webapp renders them with ReplyPost.
export const REPLY_POST_TYPE = 'custom_openclaw_reply';
