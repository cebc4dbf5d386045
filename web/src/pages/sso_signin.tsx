// "Sign in with IAM Identity Center" on /settings/provider: start URL and
// region → the code and a link to the access portal's page, with a visible
// countdown while CloudPeek polls at the interval AWS asks for → the accounts
// the sign-in reaches (search, select all, a permission set per account or for
// all, the audit-like one preselected) → one provider per account. Tokens
// never reach the browser: the server keeps them sealed.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api";
import { ErrorBox, FieldError, Loading, TableWrap, Time } from "../components/ui";
import { useNow } from "../hooks";
import {
  chosen,
  countdown,
  createSsoProviders,
  deleteSsoSession,
  gapText,
  initialPicks,
  matchesSearch,
  type Pick,
  pollSso,
  regionOfStartUrl,
  regionProblem,
  roleHintText,
  signOutSso,
  type SsoAccount,
  type SsoError,
  type SsoFlow,
  type SsoSession,
  ssoAccounts,
  ssoSessions,
  startSso,
  startUrlProblem,
} from "../lib/sso";

type Stage =
  | { kind: "form" }
  | { kind: "waiting"; flow: SsoFlow; slowedDown: boolean }
  | { kind: "failed"; status: string; error: SsoError }
  | { kind: "accounts"; session: SsoSession; renewed: number };

export function SsoSignIn({ onConnected }: { onConnected: (message: string) => void }) {
  const [startUrl, setStartUrl] = useState("");
  const [region, setRegion] = useState("");
  const [errors, setErrors] = useState<{ start_url?: string; region?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: "form" });
  const [sessions, setSessions] = useState<SsoSession[]>([]);
  const now = useNow(1000);
  const timer = useRef<number | undefined>(undefined);

  const loadSessions = () => ssoSessions().then(setSessions, () => setSessions([]));
  useEffect(() => {
    loadSessions();
    return () => window.clearTimeout(timer.current);
  }, []);

  const poll = (flow: SsoFlow, waitS: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(async () => {
      try {
        const r = await pollSso(flow.flow_id);
        if (r.status === "pending") {
          setStage({ kind: "waiting", flow, slowedDown: !!r.slowed_down });
          poll(flow, r.next_poll_in ?? r.interval);
        } else if (r.status === "approved") {
          setStage({ kind: "accounts", session: r.session, renewed: r.renewed.length });
          loadSessions();
          if (r.renewed.length)
            onConnected(`Signed in again: ${r.renewed.length} connected account${r.renewed.length > 1 ? "s" : ""} renewed.`);
        } else {
          setStage({ kind: "failed", status: r.status, error: r.error });
        }
      } catch (e) {
        setStage({ kind: "failed", status: "failed", error: { code: "network", message: e instanceof Error ? e.message : String(e), advice: e instanceof ApiError ? e.advice : "" } });
      }
    }, Math.max(1, waitS) * 1000);
  };

  const start = async (e?: Event) => {
    e?.preventDefault();
    const errs = { start_url: startUrlProblem(startUrl) || undefined, region: regionProblem(region) || undefined };
    setErrors(errs);
    setError(null);
    if (errs.start_url || errs.region) return;
    setBusy(true);
    try {
      const flow = await startSso(startUrl.trim(), region.trim());
      setStage({ kind: "waiting", flow, slowedDown: false });
      poll(flow, flow.interval);
    } catch (err) {
      if (err instanceof ApiError && (err.field === "start_url" || err.field === "region"))
        setErrors({ [err.field]: err.advice ? `${err.message} ${err.advice}` : err.message });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    window.clearTimeout(timer.current);
    setStage({ kind: "form" });
  };

  return (
    <section class="card" data-testid="sso-signin">
      <h2>Sign in with IAM Identity Center</h2>
      <p class="muted">
        Connect the accounts your AWS access portal gives you, once: CloudPeek renews their credentials itself until
        the IAM Identity Center session ends, and one new sign-in renews them all.
      </p>
      {sessions.length ? (
        <ul class="sso-sessions" data-testid="sso-sessions">
          {sessions.map((s) => (
            <li key={s.id} data-testid={`sso-session-${s.id}`}>
              <strong>{s.start_url}</strong> ({s.region}), {s.providers.length} account{s.providers.length === 1 ? "" : "s"}:{" "}
              {s.state === "signed_out" ? (
                <span class="field-error" data-testid="sso-session-state">
                  signed out{s.signed_out_by ? ` by ${s.signed_out_by}` : ""} — sign in again.
                </span>
              ) : s.state === "ended" ? (
                <span class="field-error" data-testid="sso-session-state">
                  the session has ended — sign in again.
                </span>
              ) : (
                <span data-testid="sso-session-state">
                  active{s.ends_at ? <> until <Time iso={s.ends_at} /></> : null}
                  {s.renews_automatically ? ", renewed automatically" : ""}.
                </span>
              )}{" "}
              {stage.kind === "form" ? (
                <button
                  type="button"
                  class="link-button"
                  data-testid="sso-session-again"
                  onClick={() => {
                    setStartUrl(s.start_url);
                    setRegion(s.region);
                  }}
                >
                  {s.state === "active" ? "Use this portal" : "Sign in again"}
                </button>
              ) : null}{" "}
              <SessionActions session={s} onChanged={(msg) => {
                loadSessions();
                onConnected(msg);
              }} />
              {s.permission_gaps?.length ? (
                <ul class="muted" data-testid="sso-permission-gaps">
                  {s.permission_gaps.map((g) => (
                    <li key={g.provider_id} class="field-error">
                      {gapText(g)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {stage.kind === "form" ? (
        <form onSubmit={start} data-testid="sso-form">
          <label>
            AWS access portal URL
            <input
              type="url"
              value={startUrl}
              placeholder="https://my-company.awsapps.com/start"
              autocomplete="url"
              data-testid="sso-start-url"
              onInput={(e) => {
                const v = (e.currentTarget as HTMLInputElement).value;
                setStartUrl(v);
                const r = regionOfStartUrl(v);
                if (r) setRegion(r);
                setErrors((x) => ({ ...x, start_url: undefined }));
              }}
            />
          </label>
          <FieldError message={errors.start_url} testid="sso-start-url-error" />
          <label>
            IAM Identity Center region
            <input
              value={region}
              placeholder="us-east-1"
              data-testid="sso-region"
              onInput={(e) => {
                setRegion((e.currentTarget as HTMLInputElement).value);
                setErrors((x) => ({ ...x, region: undefined }));
              }}
            />
          </label>
          <FieldError message={errors.region} testid="sso-region-error" />
          <div class="row">
            <button type="submit" class="primary" disabled={busy} data-testid="sso-start">
              {busy ? "Starting…" : "Sign in with IAM Identity Center"}
            </button>
          </div>
          <ErrorBox error={error} testid="sso-error" />
        </form>
      ) : null}

      {stage.kind === "waiting" ? (
        <div data-testid="sso-waiting" aria-live="polite">
          <p>
            Open the AWS access portal's page, check that it shows this code, and choose <strong>Allow</strong>:
          </p>
          <p class="tile-value" data-testid="sso-user-code">
            {stage.flow.user_code}
          </p>
          <div class="row">
            <a
              class="button primary"
              href={stage.flow.verification_uri_complete}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="sso-verify-link"
            >
              Open the sign-in page
            </a>
            <button type="button" onClick={cancel} data-testid="sso-cancel">
              Cancel
            </button>
          </div>
          <p class="muted">
            Waiting for approval… the code is valid for{" "}
            <strong data-testid="sso-countdown">{countdown(stage.flow.expires_at, now)}</strong>
            {stage.slowedDown ? " (IAM Identity Center asked CloudPeek to check less often)" : ""}.
          </p>
        </div>
      ) : null}

      {stage.kind === "failed" ? (
        <div data-testid="sso-failed">
          <div class="error-box" role="alert" data-testid="sso-failed-error">
            <strong>{stage.error.message}</strong>
            {stage.error.advice ? <div class="advice">{stage.error.advice}</div> : null}
          </div>
          <div class="row">
            <button type="button" class="primary" onClick={() => start()} data-testid="sso-retry">
              Start the sign-in again
            </button>
            <button type="button" onClick={cancel}>
              Back
            </button>
          </div>
        </div>
      ) : null}

      {stage.kind === "accounts" ? (
        <AccountPicker
          session={stage.session}
          onDone={(msg) => {
            setStage({ kind: "form" });
            loadSessions();
            onConnected(msg);
          }}
          onCancel={cancel}
        />
      ) : null}
    </section>
  );
}

function AccountPicker({
  session,
  onDone,
  onCancel,
}: {
  session: SsoSession;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [accounts, setAccounts] = useState<SsoAccount[] | null>(null);
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  const [search, setSearch] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ account_id: string; role_name: string; error: SsoError }[]>([]);

  useEffect(() => {
    ssoAccounts(session.id).then(
      (r) => {
        setAccounts(r.accounts);
        setPicks(initialPicks(r.accounts));
      },
      setError,
    );
  }, [session.id]);

  if (error && !accounts) return <ErrorBox error={error} testid="sso-accounts-error" />;
  if (!accounts) return <Loading what="Listing your accounts" />;
  if (!accounts.length)
    return (
      <p data-testid="sso-no-accounts">
        IAM Identity Center assigns no account to you: ask an administrator to assign one with a SecurityAudit
        permission set.
      </p>
    );

  const shown = accounts.filter((a) => matchesSearch(a, search));
  const allRoles = [...new Set(accounts.flatMap((a) => a.roles))].sort();
  const allShownSelected = shown.length > 0 && shown.every((a) => picks[a.account_id]?.selected);
  const list = chosen(picks);
  const setPick = (id: string, p: Partial<Pick>) => setPicks((x) => ({ ...x, [id]: { ...x[id], ...p } }));

  const connect = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await createSsoProviders(session.id, list);
      setFailed(r.failed);
      if (!r.failed.length) {
        const n = r.created.length;
        onDone(
          n
            ? `${n} account${n > 1 ? "s" : ""} connected through IAM Identity Center; their credentials renew themselves.`
            : "Those accounts were already connected.",
        );
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="sso-accounts">
      <p>
        Signed in to <strong>{session.start_url}</strong>. Choose the accounts to monitor and the permission set
        CloudPeek uses in each (read-only ones such as SecurityAudit are enough).
      </p>
      <div class="row">
        <input
          type="search"
          placeholder="Search by name, id or email"
          value={search}
          aria-label="Search accounts"
          data-testid="sso-search"
          onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={allShownSelected}
            data-testid="sso-select-all"
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              setPicks((x) => {
                const next = { ...x };
                for (const a of shown) next[a.account_id] = { ...next[a.account_id], selected: on && !!next[a.account_id].role };
                return next;
              });
            }}
          />{" "}
          Select all{search.trim() ? " shown" : ""}
        </label>
        <label class="check">
          Permission set for all:{" "}
          <select
            data-testid="sso-role-all"
            value=""
            onChange={(e) => {
              const role = (e.currentTarget as HTMLSelectElement).value;
              if (!role) return;
              setPicks((x) => {
                const next = { ...x };
                for (const a of shown) if (a.roles.includes(role)) next[a.account_id] = { ...next[a.account_id], role };
                return next;
              });
            }}
          >
            <option value="">—</option>
            {allRoles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      <TableWrap>
        <table class="table compact" data-testid="sso-account-table">
          <thead>
            <tr>
              <th scope="col">Monitor</th>
              <th scope="col">Account</th>
              <th scope="col">Permission set</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => {
              const p = picks[a.account_id] ?? { selected: false, role: "" };
              const already = a.connected.find((c) => c.role_name === p.role);
              return (
                <tr key={a.account_id} data-testid={`sso-account-${a.account_id}`}>
                  <td>
                    <input
                      type="checkbox"
                      checked={p.selected}
                      disabled={!p.role}
                      aria-label={`Monitor ${a.name || a.account_id}`}
                      data-testid={`sso-pick-${a.account_id}`}
                      onChange={(e) => setPick(a.account_id, { selected: (e.currentTarget as HTMLInputElement).checked })}
                    />
                  </td>
                  <td>
                    <strong>{a.name || a.account_id}</strong>
                    <div class="muted">
                      {a.account_id}
                      {a.email ? ` · ${a.email}` : ""}
                    </div>
                  </td>
                  <td>
                    <select
                      aria-label={`Permission set for ${a.name || a.account_id}`}
                      value={p.role}
                      data-testid={`sso-role-${a.account_id}`}
                      onChange={(e) => {
                        const role = (e.currentTarget as HTMLSelectElement).value;
                        setPick(a.account_id, { role, selected: role !== "" });
                      }}
                    >
                      <option value="">Pick a permission set</option>
                      {a.roles.map((r) => (
                        <option key={r} value={r}>
                          {r}
                          {r === a.preselected_role ? " (suggested)" : ""}
                        </option>
                      ))}
                    </select>
                    {already ? <div class="muted">already connected</div> : null}
                    {p.role && roleHintText(a.role_hints?.[p.role], a.account_id) ? (
                      <div
                        class={a.role_hints?.[p.role]?.missing_actions.length ? "field-error" : "muted"}
                        data-testid={`sso-role-hint-${a.account_id}`}
                      >
                        {roleHintText(a.role_hints?.[p.role], a.account_id)}
                      </div>
                    ) : null}
                    {a.error ? <div class="field-error">{a.error.message}</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {failed.length ? (
        <div class="error-box" role="alert" data-testid="sso-connect-failed">
          <strong>Some accounts could not be connected:</strong>
          <ul>
            {failed.map((f) => (
              <li key={f.account_id + f.role_name}>
                {f.account_id} ({f.role_name}): {f.error.message} {f.error.advice}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorBox error={error} testid="sso-connect-error" />
      <div class="row">
        <button type="button" class="primary" disabled={busy || !list.length} onClick={connect} data-testid="sso-connect">
          {busy ? "Connecting…" : `Connect ${list.length} account${list.length === 1 ? "" : "s"}`}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

// Sign out (tokens forgotten here, accounts kept, one sign-in renews them) and
// delete (the accounts kept with their history, or deleted with it: asked,
// never assumed).
function SessionActions({ session, onChanged }: { session: SsoSession; onChanged: (message: string) => void }) {
  const [asking, setAsking] = useState<"none" | "sign-out" | "delete">("none");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const n = session.providers.length;
  const accounts = `${n} account${n === 1 ? "" : "s"}`;
  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await what());
      setAsking("none");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (asking === "none")
    return (
      <>
        {session.state === "active" ? (
          <button type="button" class="link-button" data-testid="sso-session-sign-out" onClick={() => setAsking("sign-out")}>
            Sign out
          </button>
        ) : null}{" "}
        <button type="button" class="link-button" data-testid="sso-session-delete" onClick={() => setAsking("delete")}>
          Delete…
        </button>
      </>
    );
  return (
    <div class="card" role="group" aria-label="Confirm" data-testid="sso-session-confirm">
      {asking === "sign-out" ? (
        <>
          <p>
            Sign out of {session.start_url}? CloudPeek forgets this sign-in's tokens and the {accounts}' keys; their
            scans stop and wait until someone signs in again, which renews them all.
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={busy}
              data-testid="sso-session-sign-out-confirm"
              onClick={() => run(async () => (await signOutSso(session.id), `Signed out of ${session.start_url}.`))}
            >
              Sign out
            </button>
            <button type="button" onClick={() => setAsking("none")}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            Delete the sign-in to {session.start_url}? Choose what happens to the {accounts} connected through it.
          </p>
          <div class="row">
            <button
              type="button"
              disabled={busy}
              data-testid="sso-session-delete-keep"
              onClick={() =>
                run(async () => {
                  const r = await deleteSsoSession(session.id, "keep");
                  return `Sign-in deleted; ${r.providers_kept.length} account(s) kept with their findings (replace their keys to scan them again).`;
                })
              }
            >
              Delete the sign-in, keep the accounts and their findings
            </button>
            <button
              type="button"
              class="danger"
              disabled={busy}
              data-testid="sso-session-delete-all"
              onClick={() =>
                run(async () => {
                  const r = await deleteSsoSession(session.id, "delete");
                  return `Sign-in deleted with ${r.providers_deleted.length} account(s) and their scans and findings.`;
                })
              }
            >
              Delete the sign-in and the {accounts} with their findings
            </button>
            <button type="button" onClick={() => setAsking("none")}>
              Cancel
            </button>
          </div>
        </>
      )}
      <ErrorBox error={error} testid="sso-session-action-error" />
    </div>
  );
}
