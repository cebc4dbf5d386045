// First run: the one-time link from `cloudpeek serve` (/setup?token=...) creates the admin account.
import { useEffect, useState } from "preact/hooks";
import { get, post } from "../api";
import { ErrorBox, FieldError } from "../components/ui";
import { Link } from "../router";
import type { User } from "../types";
import { ApiError } from "../api";

export const MIN_PASSWORD = 12;

export function SetupPage({ token, onDone, signedIn }: { token: string; onDone: (u: User) => void; signedIn: boolean }) {
  const [needsSetup, setNeedsSetup] = useState<boolean | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [username, setUsername] = useState("admin");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    get<{ needs_setup: boolean }>("/setup", { quiet401: true }).then(
      (s) => setNeedsSetup(!!s.needs_setup),
      (e) => setLoadError(e),
    );
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const fe: Record<string, string> = {};
    if (!username.trim()) fe.username = "Choose a username.";
    if (password.length < MIN_PASSWORD) fe.password = `The password needs at least ${MIN_PASSWORD} characters.`;
    else if (password !== confirm) fe.confirm = "The two passwords differ.";
    setFieldErrors(fe);
    if (Object.keys(fe).length) return;
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ user: User }>("/setup", { token, username: username.trim(), password }, { quiet401: true });
      setPassword("");
      setConfirm("");
      onDone(r.user);
    } catch (err) {
      if (err instanceof ApiError && err.field) setFieldErrors({ [err.field]: err.message });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (loadError) return <ErrorBox error={loadError} />;
  if (needsSetup === null) return <p class="muted center">Loading…</p>;
  if (!needsSetup) {
    return (
      <div class="auth-page">
        <section class="card auth-card" data-testid="setup-done">
          <h1>CloudPeek is already set up</h1>
          <p>The setup link works once, and an administrator account exists.</p>
          <Link href={signedIn ? "/" : "/login"}>{signedIn ? "Go to the dashboard" : "Sign in"}</Link>
        </section>
      </div>
    );
  }
  return (
    <div class="auth-page">
      <form class="card auth-card" onSubmit={submit} data-testid="setup-form">
        <h1>Welcome to CloudPeek</h1>
        <p>Create the administrator account. This link works once.</p>
        {!token ? (
          <p class="notice" data-testid="setup-no-token">
            This address has no setup token: open the full link that <code>cloudpeek serve</code> printed.
          </p>
        ) : null}
        <label>
          Username
          <input
            value={username}
            autocomplete="username"
            onInput={(e) => setUsername(e.currentTarget.value)}
            data-testid="setup-username"
          />
        </label>
        <FieldError message={fieldErrors.username} testid="setup-username-error" />
        <label>
          Password (at least {MIN_PASSWORD} characters)
          <input
            type="password"
            autocomplete="new-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            data-testid="setup-password"
          />
        </label>
        <FieldError message={fieldErrors.password} testid="setup-password-error" />
        <label>
          Repeat the password
          <input
            type="password"
            autocomplete="new-password"
            value={confirm}
            onInput={(e) => setConfirm(e.currentTarget.value)}
            data-testid="setup-confirm"
          />
        </label>
        <FieldError message={fieldErrors.confirm} testid="setup-confirm-error" />
        <ErrorBox error={error} testid="setup-error" />
        <button type="submit" class="primary" disabled={busy || !token} data-testid="setup-submit">
          {busy ? "Creating…" : "Create account"}
        </button>
      </form>
    </div>
  );
}
