// The message box: Enter sends, Shift+Enter starts a new line. A message starting with "/" runs as
// a slash command (after the plugins' slash command hooks, like Mattermost), otherwise it is posted.
import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { client } from '../client';
import { runSlashCommandHooks } from '../plugins/hooks';
import { store } from '../store/store';

async function send(channelId: string, text: string): Promise<void> {
  if (!text.startsWith('/')) {
    await client.createPost({ channel_id: channelId, message: text });
    return;
  }
  const teamId = store.getState().entities.teams.currentTeamId;
  const hooked = await runSlashCommandHooks(text, { channel_id: channelId, team_id: teamId, root_id: '' });
  if (hooked) await client.executeCommand(hooked.message, hooked.args);
}

export function Composer({ channelId }: { channelId: string }): ReactNode {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const submit = (e?: FormEvent): void => {
    e?.preventDefault();
    const message = text.trim();
    if (!message) return;
    setError('');
    send(channelId, message).then(
      () => setText(''),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && !e.shiftKey) submit(e);
  };
  return (
    <form className="bed-composer" onSubmit={submit}>
      <textarea id="bed-message" rows={2} value={text} placeholder="Write a message, or /oc_help" onChange={(e) => setText(e.target.value)} onKeyDown={onKey} />
      <button type="submit">Send</button>
      {error && <div className="bed-error">{error}</div>}
    </form>
  );
}
