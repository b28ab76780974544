// The component Mattermost renders for our interactive posts. A post of our bot shows its
// message, then either its buttons (pending) or our confirmation (decided); the sentence the
// server appended to post.message for other clients is not repeated. Any other author's post
// of our type is its plain message: buttons only ever come from the bot.
import { useEffect, useReducer, type ComponentType, type ReactNode } from 'react';
import type { BotIdentity } from '../bot/bot-identity';
import { Markdown, PlainText } from '../host/markdown';
import type { PostTypeProps } from '../host/post-type-registry';
import { ActionButtons } from './action-buttons';
import { Confirmation } from './confirmation';
import { attachmentsOf, decisionOf } from './wire';

export interface InteractiveContext {
  bot: BotIdentity;
  press: (postId: string, actionId: string) => Promise<void>;
}

function withoutLine(message: string, line: string): string {
  const suffix = `\n\n${line}`;
  return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}

export function makeInteractivePost(ctx: InteractiveContext): ComponentType<PostTypeProps> {
  return function InteractivePost({ post }: PostTypeProps): ReactNode {
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    useEffect(() => ctx.bot.subscribe(rerender), []);
    const trusted = ctx.bot.userId !== undefined && post.user_id === ctx.bot.userId;
    if (!trusted) {
      return <div className="openclaw-interactive" data-post-id={post.id} data-state="untrusted"><PlainText text={post.message} /></div>;
    }
    const decision = decisionOf(post.props);
    const attachments = attachmentsOf(post.props);
    return (
      <div className="openclaw-interactive" data-post-id={post.id} data-state={decision ? 'decided' : 'pending'}>
        <Markdown postId={post.id} text={decision ? withoutLine(post.message, decision.line) : post.message} />
        {decision ? <Confirmation decision={decision} /> : attachments.length > 0 && <ActionButtons postId={post.id} attachments={attachments} press={ctx.press} />}
      </div>
    );
  };
}
