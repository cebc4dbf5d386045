// Sign in (POST /login); the CSRF token before login comes from GET /session.
import { useEffect, useState } from "preact/hooks";
import { ApiError, get, post } from "../api";
import { ErrorBox } from "../components/ui";
import type { User } from "../types";

export function LoginPage({ onDone }: { onDone: (u: User) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [needsSetup, setNeedsSetup] = useState(false);

  useEffect(() => {
    // Sets the pre-session CSRF token (the answer is 401 but carries it).
    get("/session", { quiet401: true }).catch(() => undefined);
    get<{ needs_setup: boolean }>("/setup", { quiet401: true }).then(
      (s) => setNeedsSetup(!!s.needs_setup),
      () => undefined,
    );
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await get("/session", { quiet401: true }).catch(() => undefined);
      const r = await post<{ user: User }>("/login", { username, password }, { quiet401: true });
      setPassword("");
      onDone(r.user);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.status === 401) setPassword("");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="auth-page">
      <form class="card auth-card" onSubmit={submit} data-testid="login-form">
        <h1>Sign in to CloudPeek</h1>
        {needsSetup ? (
          <p class="notice" data-testid="needs-setup">
            No account exists yet. Open the one-time setup link that <code>cloudpeek serve</code> printed when it
            started.
          </p>
        ) : null}
        <label>
          Username
          <input
            name="username"
            autocomplete="username"
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
            required
            data-testid="login-username"
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
            data-testid="login-password"
          />
        </label>
        <ErrorBox error={error} testid="login-error" />
        <button type="submit" class="primary" disabled={busy} data-testid="login-submit">
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </div>
  );
}
