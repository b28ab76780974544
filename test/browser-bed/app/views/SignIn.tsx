// The sign-in form: username (or email) and password → Client4.login, which sets the session
// cookies the rest of the page and the WebSocket use.
import { useState, type FormEvent, type ReactNode } from 'react';
import { signIn } from '../session';

export function SignIn({ onSignedIn }: { onSignedIn: () => void }): ReactNode {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    setError('');
    signIn(username, password).then(onSignedIn, (err: unknown) => {
      setBusy(false);
      setError(err instanceof Error ? err.message : String(err));
    });
  };
  return (
    <form className="bed-sign-in" onSubmit={submit}>
      <h1>OpenClaw plugin test bed</h1>
      <p>Sign in to the Mattermost server behind this page. The page loads the server's enabled webapp plugins as the Mattermost web client does.</p>
      <label htmlFor="bed-username">Username</label>
      <input id="bed-username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      <label htmlFor="bed-password">Password</label>
      <input id="bed-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <button id="bed-sign-in" type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {error && <div className="bed-error">{error}</div>}
    </form>
  );
}
