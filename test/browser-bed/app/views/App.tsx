// The page: a sign-in form until there is a session, then the channel view with its sidebar,
// the plugins' root components and the bed's status strip. The channel follows the URL hash.
import { useEffect, useState, type ReactNode } from 'react';
import { selectChannel } from '../data';
import { recordError } from '../record';
import { channelInUrl, resumeSession, signOut } from '../session';
import { BedStatus } from './BedStatus';
import { ChannelView } from './ChannelView';
import { useBedSelector } from './hooks';
import { RootComponents } from './RootComponents';
import { SignIn } from './SignIn';
import { Sidebar } from './Sidebar';

type Phase = 'checking' | 'signed-out' | 'ready';

function useHashChannel(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const follow = (): void => {
      const id = channelInUrl();
      if (id) selectChannel(id).catch((err: unknown) => recordError(`opening channel ${id}: ${String(err)}`));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [enabled]);
}

export function App(): ReactNode {
  const [phase, setPhase] = useState<Phase>('checking');
  const me = useBedSelector((s) => s.entities.users.profiles[s.entities.users.currentUserId]);
  useEffect(() => {
    resumeSession().then(
      (ok) => setPhase(ok ? 'ready' : 'signed-out'),
      (err: unknown) => {
        recordError(`resuming the session: ${String(err)}`);
        setPhase('signed-out');
      },
    );
  }, []);
  useHashChannel(phase === 'ready');

  if (phase === 'checking') return <div className="bed-empty">Loading…</div>;
  if (phase === 'signed-out') return <SignIn onSignedIn={() => setPhase('ready')} />;
  return (
    <div className="bed-app" data-user={me?.username}>
      <header className="bed-top">
        <span>OpenClaw plugin test bed</span>
        <span className="bed-top__user">
          @{me?.username}{' '}
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </span>
      </header>
      <Sidebar />
      <ChannelView />
      <RootComponents />
      <BedStatus />
    </div>
  );
}
