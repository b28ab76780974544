// The streaming contract shared with the webapp (webapp/src/streaming/post-type.ts declares
// the same names): the reply post's type and props, and the plugin WebSocket events.

/** Mobile and other clients that do not know it render `post.message` as Markdown (see README). */
export const REPLY_POST_TYPE = 'custom_openclaw_reply';

export const PROP_STATE = 'openclaw_state';
export const PROP_REQUESTER = 'openclaw_requester';
/** The delta seq that `post.message` covers at that write. */
export const PROP_SEQ = 'openclaw_seq';

export type StreamState = 'streaming' | 'done' | 'stopped' | 'error';

/** Event names as published; the browser sees `custom_openclaw_<name>`. */
export const WS_DELTA = 'stream_delta';
export const WS_STATUS = 'stream_status';
export const WS_END = 'stream_end';
export const WS_RESET = 'stream_reset';
/** `{post_id, from, text}`: reasoning text starting at offset `from` (shown only with `/reasoning on|stream`). */
export const WS_REASONING = 'stream_reasoning';

/** The final post's reasoning (never in `post.message`), at most REASONING_CAP characters. */
export const PROP_REASONING = 'openclaw_reasoning';
export const REASONING_CAP = 16_000;
