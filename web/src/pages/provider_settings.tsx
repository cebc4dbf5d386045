// /settings/provider — the AWS integration section: connected accounts with
// their state and a countdown to expiry, test, permissions probe, replace
// (rotate), rename, schedule, delete, the audit trail; the form to connect an
// account; guidance; reminder settings.
import { useEffect, useState } from "preact/hooks";
import { del, get, patch, post, put } from "../api";
import { refreshReminders } from "../components/reminder_banner";
import { countdownText, ExpiryTime } from "../components/expiry";
import { Card, ErrorBox, FieldError, Loading, TableWrap, Time } from "../components/ui";
import { useGet, useNow } from "../hooks";
import { isEstimated, storedEstimateText } from "../lib/expiry";
import { expiryReminderEvent, icsFileName, icsText } from "../lib/ics";
import { notificationsSupported } from "../lib/notify";
import { formatTime, secondsLeft } from "../lib/format";
import { withRetest } from "../lib/provider_form";
import { ApiError } from "../api";
import type { Provider, TestResult } from "../types";
import { CredentialsForm } from "./credentials_form";
import { IdentityView } from "./identity_view";
import { ScanConcurrencySettings } from "./scans_concurrency";
import { OrgMemberNote, OrgSection } from "./settings_org";
import { SsoSignIn } from "./sso_signin";

export function ProviderSettingsPage({ query }: { query: URLSearchParams }) {
  const providers = useGet<Provider[]>("/providers");
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string>("");
  const focus = query.get("provider");

  const list = providers.data ?? [];
  const showForm = adding || (providers.data !== null && list.length === 0);

  return (
    <div class="page" data-testid="page-settings-provider">
      <h1>
        <span class="crumb">Settings ›</span> AWS integration
      </h1>
      <Guidance />
      {saved ? (
        <p class="ok-text" role="status" data-testid="provider-saved">
          {saved}
        </p>
      ) : null}
      {providers.loading && !providers.data ? <Loading /> : null}
      <ErrorBox error={providers.error} />
      <div data-testid="provider-list">
        {list.map((p) => (
          <ProviderCard
            key={p.id}
            provider={p}
            fetchedAt={providers.fetchedAt}
            highlight={focus === p.id}
            onChanged={(msg) => {
              setSaved(msg);
              providers.reload();
              refreshReminders();
            }}
            onTested={() => {
              // The check time, and the state (a failed test may find them expired), are the server's now.
              providers.reload();
              refreshReminders();
            }}
          />
        ))}
      </div>
      <SsoSignIn
        onConnected={(msg) => {
          setSaved(msg);
          providers.reload();
          refreshReminders();
        }}
      />
      <OrgSection
        providers={list}
        onChanged={(msg) => {
          setSaved(msg);
          providers.reload();
          refreshReminders();
        }}
      />
      {showForm ? (
        <Card title="Connect an AWS account" testid="connect-account">
          <CredentialsForm
            mode="create"
            existing={list}
            onSaved={(p, how) => {
              setAdding(false);
              setSaved(savedMessage(p, how));
              providers.reload();
              refreshReminders();
            }}
            onCancel={list.length ? () => setAdding(false) : undefined}
          />
        </Card>
      ) : (
        <button type="button" class="primary" onClick={() => setAdding(true)} data-testid="add-provider">
          Connect another AWS account
        </button>
      )}
      {/* A new reminder window moves every card's reminder (and its calendar event). */}
      <ReminderSettings onSaved={providers.reload} />
      <ScanConcurrencySettings />
    </div>
  );
}

// What the page says after a save: which provider, secrets never shown again, and for
// an estimated expiry, the estimate, so no one takes it for "no reminder".
export function savedMessage(p: Provider, how: "created" | "replaced"): string {
  const what = how === "replaced" ? `Replaced the credentials of “${p.label}”.` : `Saved “${p.label}”.`;
  const estimate = isEstimated(p)
    ? ` The keys carried no expiry: CloudPeek estimates they expire at ≈ ${formatTime(p.expires_at)} (estimated) and reminds you before then.`
    : "";
  return `${what} The secret and token are stored encrypted and are never shown again.${estimate}`;
}

function Guidance() {
  return (
    <details class="card guidance" open data-testid="guidance">
      <summary>Which credentials to use</summary>
      <ul>
        <li>
          From the AWS access portal (IAM Identity Center / SSO): choose the account, then <em>Access keys</em>, and
          paste the whole block below. These session credentials last 1–12 hours, as the permission set's session
          duration says; CloudPeek reminds you before they expire.
        </li>
        <li>
          Grant read-only audit access: the <strong>SecurityAuditor</strong> permission set, or the AWS managed{" "}
          <strong>SecurityAudit</strong> policy (add <strong>ViewOnlyAccess</strong> for a fuller inventory).
        </li>
        <li>
          For long-term automation: a dedicated IAM user with only SecurityAudit (long-term AKIA… keys, no token), or
          better, a role assumed with <code>aws sts assume-role</code> and an <strong>external id</strong>.
        </li>
        <li>Never use the root user's keys. CloudPeek only reads; it never changes your account.</li>
      </ul>
    </details>
  );
}

export function ProviderCard({
  provider: saved,
  fetchedAt,
  highlight,
  onChanged,
  onTested = () => {},
  initialTest = null,
}: {
  provider: Provider;
  fetchedAt: number;
  highlight: boolean;
  onChanged: (msg: string) => void;
  onTested?: () => void;
  // For tests: the card as it is after a re-test.
  initialTest?: { result: TestResult; at: Date } | null;
}) {
  const now = useNow();
  const [mode, setMode] = useState<"" | "replace" | "edit" | "delete">(highlight && saved.credential_state === "expired" ? "replace" : "");
  const [tested, setTested] = useState<{ result: TestResult; at: Date } | null>(initialTest);
  const test = tested?.result ?? null;
  const setTest = (r: TestResult | null) => setTested(r ? { result: r, at: new Date() } : null);
  // A re-test's identity and check time show at once; the list re-read follows.
  const p = withRetest(saved, test, tested?.at ?? new Date());
  const estimated = isEstimated(p);
  const [probe, setProbe] = useState<{ checked: number; denied: { action: string; service: string }[] } | null>(null);
  const [busy, setBusy] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [audit, setAudit] = useState<{ at: string; user: string; action: string }[] | null>(null);
  const left = secondsLeft(p.expires_at, p.seconds_left, fetchedAt, now);
  const expired = p.credential_state === "expired" || (left !== null && left <= 0);
  const id = encodeURIComponent(p.id);

  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy("");
    }
  };

  return (
    <section class={`card provider ${highlight ? "highlight" : ""}`} data-testid={`provider-${p.id}`}>
      <header class="provider-head">
        <h2 data-testid="provider-label">{p.label}</h2>
        <span class={`badge cred-${p.credential_state}`} data-testid="provider-state">
          {expired ? "expired" : p.credential_state}
        </span>
      </header>
      <dl class="kv">
        <dt>Access key</dt>
        <dd class="mono" data-testid="provider-key">
          …{p.access_key_id_last4} ({p.key_kind === "temporary" ? "temporary" : "long-term"}
          {p.has_session_token ? ", with session token" : ""})
        </dd>
        <dt>Secret and token</dt>
        <dd class="muted">stored encrypted, never shown</dd>
        <dt>Expires</dt>
        <dd data-testid="provider-expiry">
          {p.expires_at ? (
            <>
              <ExpiryTime iso={p.expires_at} estimated={estimated} testid="provider-expiry-time" /> —{" "}
              <strong class={expired ? "bad" : left !== null && left < 1800 ? "warn" : ""} data-testid="provider-countdown">
                {countdownText(left, expired, estimated)}
              </strong>
              <CalendarLink provider={p} now={now} />
              {estimated ? (
                <div class="hint" data-testid="provider-expiry-estimate">
                  {storedEstimateText(p.expiry_estimate)} CloudPeek also asks AWS every few minutes and marks them
                  expired the moment AWS does.
                </div>
              ) : null}
            </>
          ) : p.key_kind === "temporary" ? (
            <span class="warn" data-testid="provider-expiry-unknown">
              unknown: no reminder can be given. Replace the credentials so CloudPeek can estimate it.
            </span>
          ) : (
            "no expiry (long-term keys)"
          )}
        </dd>
        {p.sso ? (
          <>
            <dt>IAM Identity Center</dt>
            <dd data-testid="provider-sso">
              {p.sso.role_name} via {p.sso.start_url}:{" "}
              {p.sso.session_state === "ended" ? (
                <strong class="bad">the session has ended; sign in again below.</strong>
              ) : (
                <>
                  renewed automatically{p.sso.session_ends_at ? <>, session until <Time iso={p.sso.session_ends_at} /></> : null}
                </>
              )}
            </dd>
          </>
        ) : null}
        <OrgMemberNote provider={p} />
        <dt>Scheduled scans</dt>
        <dd>{p.schedule_minutes > 0 ? `every ${p.schedule_minutes} minutes` : "on demand only"}</dd>
        <dt>Last scan</dt>
        <dd>
          {p.last_scan ? (
            <>
              {p.last_scan.status}, <Time iso={p.last_scan.finished_at} />
            </>
          ) : (
            "never"
          )}
        </dd>
      </dl>
      {p.identity ? <IdentityView identity={p.identity} /> : null}
      {expired ? (
        <p class="error-box" data-testid="provider-expired-note">
          These credentials have expired, so scans are blocked until they are replaced: the renewal steps are at the
          top of the page.
        </p>
      ) : null}

      <div class="row">
        <button
          type="button"
          disabled={!!busy}
          data-testid="provider-test"
          onClick={() =>
            run("test", async () => {
              try {
                setTest(await post<TestResult>("/providers/test", { provider_id: p.id }));
              } finally {
                onTested();
              }
            })
          }
        >
          {busy === "test" ? "Testing…" : "Test connection"}
        </button>
        <button
          type="button"
          disabled={!!busy}
          data-testid="provider-probe"
          onClick={() =>
            run("probe", async () => {
              setProbe(await post(`/providers/${id}/probe`));
            })
          }
        >
          {busy === "probe" ? "Checking permissions…" : "Check permissions"}
        </button>
        <button type="button" onClick={() => setMode(mode === "replace" ? "" : "replace")} data-testid="provider-replace">
          Replace credentials
        </button>
        <button type="button" onClick={() => setMode(mode === "edit" ? "" : "edit")} data-testid="provider-edit">
          Rename / schedule
        </button>
        <button
          type="button"
          onClick={() =>
            run("audit", async () => {
              setAudit(audit ? null : await get(`/providers/${id}/audit`));
            })
          }
          data-testid="provider-audit"
        >
          {audit ? "Hide history" : "Change history"}
        </button>
        <button type="button" class="danger" onClick={() => setMode("delete")} data-testid="provider-delete">
          Delete
        </button>
      </div>
      <ErrorBox error={error} />

      {test && test.ok ? (
        <div class="test-ok" data-testid="provider-test-result">
          <strong>Connected.</strong>
          <IdentityView identity={test.identity} />
        </div>
      ) : null}
      {test && !test.ok ? (
        <div class="error-box" data-testid="provider-test-failed">
          <strong>{test.error.message}</strong>
          {test.error.advice ? <div class="advice">{testAdvice(test.error)}</div> : null}
        </div>
      ) : null}

      {probe ? (
        <div class="probe" data-testid="probe-result">
          {probe.denied.length === 0 ? (
            <p class="ok-text">All {probe.checked} read actions CloudPeek uses are allowed.</p>
          ) : (
            <>
              <p class="warn">
                {probe.denied.length} of {probe.checked} read actions CloudPeek uses are denied; the checks that need
                them will show as not assessed. Attach the SecurityAudit policy to fix this.
              </p>
              <ul class="mono" data-testid="probe-denied">
                {probe.denied.map((d) => (
                  <li key={d.action}>{d.action}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}

      {audit ? (
        <TableWrap>
          <table class="table" data-testid="provider-audit-log">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((a, i) => (
                <tr key={i}>
                  <td>
                    <Time iso={a.at} />
                  </td>
                  <td>{a.user}</td>
                  <td>{a.action.replace(/_/g, " ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}

      {mode === "replace" ? (
        <div class="subcard">
          <h3>Replace or rotate the credentials of “{p.label}”</h3>
          <CredentialsForm
            mode="replace"
            provider={p}
            onSaved={(np) => {
              setMode("");
              setTest(null);
              onChanged(savedMessage({ ...np, label: p.label }, "replaced"));
            }}
            onCancel={() => setMode("")}
          />
        </div>
      ) : null}
      {mode === "edit" ? <EditProvider provider={p} onDone={(msg) => { setMode(""); if (msg) onChanged(msg); }} /> : null}
      {mode === "delete" ? (
        <div class="subcard danger-zone" data-testid="delete-confirm">
          <p>
            Delete “{p.label}”? Its stored credentials, scans and findings are deleted too. This cannot be undone.
          </p>
          <button
            type="button"
            class="danger"
            disabled={!!busy}
            data-testid="delete-confirm-yes"
            onClick={() =>
              run("delete", async () => {
                await del(`/providers/${id}`);
                onChanged(`Deleted “${p.label}”.`);
              })
            }
          >
            Yes, delete
          </button>
          <button type="button" class="link-button" onClick={() => setMode("")}>
            Keep it
          </button>
        </div>
      ) : null}
    </section>
  );
}

// "Add to calendar": an .ics event when CloudPeek's reminders start (the expiry minus
// the reminder window), made here in the browser, with the renewal steps. Not offered
// without an expiry, or once the reminders have started (the banner counts down then).
function CalendarLink({ provider, now }: { provider: Provider; now: number }) {
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const event = expiryReminderEvent(provider, new Date(now), origin);
  if (!event) return null;
  const minutes = Math.round((event.end.getTime() - event.start.getTime()) / 60_000);
  const download = () => {
    // Made at the click, so DTSTAMP is now and the steps are the latest read.
    const fresh = expiryReminderEvent(provider, new Date(), origin) ?? event;
    const url = URL.createObjectURL(new Blob([icsText(fresh)], { type: "text/calendar;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = icsFileName(provider.label);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div class="calendar-link">
      <button type="button" class="link-button" onClick={download} data-testid="provider-calendar">
        Add to calendar
      </button>{" "}
      <span class="hint">
        (.ics: a reminder at <Time iso={provider.reminder_at ?? null} />, {minutes} min before{" "}
        {isEstimated(provider) ? "the estimated expiry" : "they expire"}, with the steps to renew them)
      </span>
    </div>
  );
}

// Expired credentials: what to do is the renewal steps, which the banner at the top
// of the page lists; they are not repeated in another words here.
export function testAdvice(e: { kind?: string; code?: string; advice?: string }): string {
  if (e.kind === "expired_token" || e.code === "credentials_expired") return "The renewal steps are at the top of the page.";
  return e.advice ?? "";
}

function EditProvider({ provider, onDone }: { provider: Provider; onDone: (msg: string) => void }) {
  const [label, setLabel] = useState(provider.label);
  const [schedule, setSchedule] = useState(String(provider.schedule_minutes || 0));
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    const minutes = Number(schedule);
    if (!Number.isInteger(minutes) || minutes < 0) {
      setFieldError({ field: "schedule_minutes", message: "Minutes between scans: 0 (off) or a whole number." });
      return;
    }
    if (!label.trim()) {
      setFieldError({ field: "label", message: "The label cannot be empty." });
      return;
    }
    try {
      await patch(`/providers/${encodeURIComponent(provider.id)}`, { label: label.trim(), schedule_minutes: minutes });
      onDone(`Updated “${label.trim()}”.`);
    } catch (err) {
      if (err instanceof ApiError && err.field) setFieldError({ field: err.field, message: err.message });
      else setError(err);
    }
  };
  return (
    <form class="subcard" onSubmit={save} data-testid="edit-provider-form">
      <label>
        Label
        <input value={label} onInput={(e) => setLabel(e.currentTarget.value)} data-testid="edit-label" />
      </label>
      <FieldError message={fieldError?.field === "label" ? fieldError.message : ""} testid="edit-label-error" />
      <label>
        Scan every (minutes, 0 = on demand only)
        <input
          type="number"
          min={0}
          value={schedule}
          onInput={(e) => setSchedule(e.currentTarget.value)}
          data-testid="edit-schedule"
        />
      </label>
      <FieldError
        message={fieldError?.field === "schedule_minutes" ? fieldError.message : ""}
        testid="edit-schedule-error"
      />
      <ErrorBox error={error} />
      <div class="row">
        <button type="submit" class="primary" data-testid="edit-save">
          Save
        </button>
        <button type="button" class="link-button" onClick={() => onDone("")}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ReminderSettings({ onSaved }: { onSaved: () => void }) {
  const s = useGet<{ reminder_window_minutes: number; webhook_url: string | null }>("/settings");
  const [windowMin, setWindowMin] = useState("30");
  const [webhook, setWebhook] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (s.data) {
      setWindowMin(String(s.data.reminder_window_minutes));
      setWebhook(s.data.webhook_url ?? "");
    }
  }, [s.data]);
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    try {
      await put("/settings", {
        reminder_window_minutes: Number(windowMin),
        webhook_url: webhook.trim() ? webhook.trim() : null,
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <details class="card">
      <summary>Reminders</summary>
      <form onSubmit={save} data-testid="reminder-settings">
        <label>
          Remind me this many minutes before credentials expire
          <input
            type="number"
            min={1}
            value={windowMin}
            onInput={(e) => setWindowMin(e.currentTarget.value)}
            data-testid="settings-window"
          />
        </label>
        <FieldError message={error?.field === "reminder_window_minutes" ? error.message : ""} testid="settings-window-error" />
        <label>
          Webhook (optional; called before expiry and when a scan finds new critical or high findings)
          <input
            type="url"
            placeholder="https://hooks.example.com/…"
            value={webhook}
            onInput={(e) => setWebhook(e.currentTarget.value)}
            data-testid="settings-webhook"
          />
        </label>
        <FieldError message={error?.field === "webhook_url" ? error.message : ""} testid="settings-webhook-error" />
        {error && !error.field ? <ErrorBox error={error} /> : null}
        <BrowserNotifications />
        <div class="row">
          <button type="submit" data-testid="settings-save">
            Save reminder settings
          </button>
          {saved ? <span class="ok-text">Saved.</span> : null}
        </div>
      </form>
    </details>
  );
}

// Optional: the reminders as browser notifications too, while a CloudPeek tab is open.
// The browser asks the user; this says what it answered.
function BrowserNotifications() {
  const [permission, setPermission] = useState(notificationsSupported() ? Notification.permission : "unsupported");
  if (permission === "unsupported") return null;
  return (
    <p class="hint" data-testid="settings-notifications">
      {permission === "granted" ? (
        "Browser notifications are on: while a CloudPeek tab is open, each reminder also shows as a notification."
      ) : permission === "denied" ? (
        "Browser notifications are blocked for this site; allow them in the browser's site settings to get the reminders as notifications too."
      ) : (
        <>
          <button
            type="button"
            class="link-button"
            data-testid="settings-notifications-enable"
            onClick={async () => setPermission(await Notification.requestPermission())}
          >
            Also notify me in this browser
          </button>{" "}
          (while a CloudPeek tab is open)
        </>
      )}
    </p>
  );
}
