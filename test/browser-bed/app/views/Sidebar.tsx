// The channels the user is in (links to #/channels/<id>), and a box to open a direct message
// with someone by username, e.g. the plugin's bot "openclaw".
import { useState, type FormEvent, type ReactNode } from 'react';
import { client } from '../client';
import { loadTeamsAndChannels } from '../data';
import { useBedSelector } from './hooks';
import { channelName } from './names';

function OpenDm(): ReactNode {
  const me = useBedSelector((s) => s.entities.users.currentUserId);
  const [name, setName] = useState('openclaw');
  const [error, setError] = useState('');
  const open = (e: FormEvent): void => {
    e.preventDefault();
    setError('');
    const go = async (): Promise<void> => {
      const other = await client.getUserByUsername(name.trim().replace(/^@/, ''));
      const dm = await client.createDirectChannel([me, other.id]);
      await loadTeamsAndChannels();
      window.location.hash = `#/channels/${dm.id}`;
    };
    go().catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  return (
    <form className="bed-open-dm" onSubmit={open}>
      <label htmlFor="bed-dm-user">Direct message</label>
      <input id="bed-dm-user" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit">Open</button>
      {error && <div className="bed-error">{error}</div>}
    </form>
  );
}

export function Sidebar(): ReactNode {
  const channels = useBedSelector((s) => s.entities.channels.channels);
  const current = useBedSelector((s) => s.entities.channels.currentChannelId);
  const profiles = useBedSelector((s) => s.entities.users.profiles);
  const me = useBedSelector((s) => s.entities.users.currentUserId);
  const named = Object.values(channels)
    .filter((c) => c.delete_at === 0)
    .map((c) => ({ c, name: channelName(c, profiles, me), dm: c.type === 'D' || c.type === 'G' }))
    .sort((a, b) => Number(a.dm) - Number(b.dm) || a.name.localeCompare(b.name));
  return (
    <nav className="bed-sidebar">
      {named.map(({ c, name }) => (
        <a key={c.id} href={`#/channels/${c.id}`} className={c.id === current ? 'bed-channel bed-channel--current' : 'bed-channel'} data-channel-id={c.id}>
          {c.type === 'O' || c.type === 'P' ? '# ' : ''}
          {name}
          {c.type === 'P' && <span className="bed-tag">private</span>}
        </a>
      ))}
      <OpenDm />
    </nav>
  );
}
