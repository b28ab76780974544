// The props of an interactive post, checked before use: anyone can create a post of our type
// with any props (only our bot's posts are rendered with buttons at all, see interactive-post),
// and a newer or broken server may write shapes we do not know: those render as plain text.
import * as z from 'zod/mini';

export const outcomes = ['allow-once', 'allow-always', 'deny', 'expired', 'answered', 'cancelled', 'selected'] as const;
export type Outcome = (typeof outcomes)[number];

export const decision = z.object({
  line: z.string(),
  outcome: z.enum(outcomes),
  label: z.string().check(z.maxLength(400)),
  by: z.optional(z.string().check(z.maxLength(200))),
  at: z.number(),
});
export type Decision = z.infer<typeof decision>;

const action = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.maxLength(200)),
  style: z.optional(z.string()),
});
export type Action = z.infer<typeof action>;

const attachment = z.object({
  text: z.optional(z.string()),
  actions: z.optional(z.array(action).check(z.maxLength(25))),
});
export type Attachment = z.infer<typeof attachment>;

export const DECISION_PROP = 'openclaw_decision';

const record = z.record(z.string(), z.unknown());
const propOf = (props: unknown, key: string): unknown => {
  const parsed = record.safeParse(props);
  return parsed.success ? parsed.data[key] : undefined;
};

/** The decision, when the post has a well-formed one. */
export function decisionOf(props: unknown): Decision | undefined {
  const parsed = decision.safeParse(propOf(props, DECISION_PROP));
  return parsed.success ? parsed.data : undefined;
}

/** The attachments with their buttons; a malformed list counts as none. */
export function attachmentsOf(props: unknown): Attachment[] {
  const parsed = z.array(attachment).check(z.maxLength(20)).safeParse(propOf(props, 'attachments') ?? []);
  return parsed.success ? parsed.data : [];
}
