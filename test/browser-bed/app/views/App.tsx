// The page: a sign-in form until there is a session, then the channel view (or, for system admins,
// a plugin's settings page) with the sidebar, the plugins' root components and the bed's status
// strip. The URL hash picks the channel (#/channels/<id>) or the settings page (#/admin/plugins/<id>).
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
import { SystemConsole } from './admin/SystemConsole';

type Phase = 'checking' | 'signed-out' | 'ready';

/** The plugin whose settings page the URL asks for (#/admin/plugins/<id>), if any. */
const adminPluginInUrl = (hash: string): string | undefined => /^#\/admin\/plugins\/([\w.-]+)/.exec(hash)?.[1];

function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const update = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return hash;
}

function ConsoleLinks(): ReactNode {
  const isAdmin = useBedSelector((s) => s.entities.users.profiles[s.entities.users.currentUserId]?.roles.includes('system_admin') === true);
  const plugins = useBedSelector((s) => s.plugins.plugins);
  if (!isAdmin) return null;
  return Object.keys(plugins).map((id) => (
    <a key={id} className="bed-top__link" href={`#/admin/plugins/${id}`}>
      System Console: {id}
    </a>
  ));
}

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
  const adminPlugin = adminPluginInUrl(useHash());
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
          <ConsoleLinks />
          @{me?.username}{' '}
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </span>
      </header>
      <Sidebar />
      {adminPlugin ? <SystemConsole pluginId={adminPlugin} /> : <ChannelView />}
      <RootComponents />
      <BedStatus />
    </div>
  );
}
