// The post type of our interactive posts (approvals, questions, pickers); the server creates
// them with it (server-ts/features/interactions/decided-post.ts declares the same name).
export const INTERACTIVE_POST_TYPE = 'custom_openclaw_choice';
