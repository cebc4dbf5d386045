// The banner on every page: credentials that expire within the reminder window
// or have expired (GET /reminders), with a live countdown and, once expired, the
// exact steps to renew. An estimated expiry (pasted keys carry none) is labelled as one.
import { useEffect } from "preact/hooks";
import { useGet, useNow } from "../hooks";
import { secondsLeft } from "../lib/format";
import { loadAnnounced, notificationsSupported, notificationText, reminderKey, saveAnnounced, toAnnounce } from "../lib/notify";
import { countdownText, ExpiryTime } from "./expiry";
import { Link, navigate } from "../router";
import type { Provider, Reminder } from "../types";

const REFRESH = "cloudpeek:reminders";

// Tells the banner to re-read GET /reminders (after credentials are saved, replaced or deleted).
export function refreshReminders(): void {
  window.dispatchEvent(new Event(REFRESH));
}

// Which reminders' expiry is an estimate: /reminders may say so itself; when it does
// not, the providers' `expires_estimated` does.
export function estimatedIds(reminders: readonly Reminder[], providers: readonly Provider[] | null): Set<string> {
  const out = new Set<string>();
  for (const rem of reminders) {
    const p = providers?.find((x) => x.id === rem.provider_id);
    if (rem.expires_estimated ?? p?.expires_estimated) out.add(rem.provider_id);
  }
  return out;
}

// The reminders that can be shown now: an estimate must never show unlabelled, so one
// whose provider is not (yet) in the list read waits for it, unless that read failed.
export function shownReminders(
  reminders: readonly Reminder[],
  providers: readonly Provider[] | null,
  providersFailed: boolean,
): Reminder[] {
  if (providersFailed) return [...reminders];
  return reminders.filter((rem) => rem.expires_estimated !== undefined || !!providers?.some((p) => p.id === rem.provider_id));
}

export function ReminderBanner({ path }: { path: string }) {
  const r = useGet<Reminder[]>("/reminders", 30_000);
  const now = useNow();
  // /reminders does not say whether an expiry is estimated: read the providers then.
  const lookup = !!r.data && r.data.some((x) => x.expires_estimated === undefined);
  const providers = useGet<Provider[]>(lookup ? "/providers" : null);
  // Re-check on every navigation too.
  useEffect(() => r.reload(), [path]);
  useEffect(() => {
    if (lookup) providers.reload();
  }, [r.fetchedAt]);
  useEffect(() => {
    window.addEventListener(REFRESH, r.reload);
    return () => window.removeEventListener(REFRESH, r.reload);
  }, [r.reload]);
  const shown = r.data ? shownReminders(r.data, providers.data, !!providers.error) : [];
  // Also as a browser notification, when the user allowed them (Settings > Reminders).
  useEffect(() => {
    if (shown.length === 0 || !notificationsSupported() || Notification.permission !== "granted") return;
    const announced = loadAnnounced();
    const estimated = estimatedIds(shown, providers.data);
    for (const rem of toAnnounce(shown, announced)) {
      const { title, body } = notificationText(rem, estimated.has(rem.provider_id));
      try {
        const n = new Notification(title, { body, tag: reminderKey(rem) });
        n.onclick = () => {
          window.focus();
          navigate(`/settings/provider?provider=${encodeURIComponent(rem.provider_id)}`);
        };
      } catch {
        /* some browsers allow notifications only from a service worker: the banner remains */
      }
      announced.add(reminderKey(rem));
    }
    saveAnnounced(announced);
  }, [shown.map(reminderKey).join(",")]);
  if (shown.length === 0) return null;
  return <ReminderList reminders={shown} estimated={estimatedIds(shown, providers.data)} fetchedAt={r.fetchedAt} now={now} />;
}

export function ReminderList({
  reminders,
  estimated,
  fetchedAt,
  now,
}: {
  reminders: readonly Reminder[];
  estimated: Set<string>;
  fetchedAt: number;
  now: number;
}) {
  return (
    <div class="banners" data-testid="reminder-banner">
      {reminders.map((rem) => {
        const left = secondsLeft(rem.expires_at, rem.seconds_left, fetchedAt, now);
        const expired = rem.state === "expired" || (left !== null && left <= 0);
        const guess = estimated.has(rem.provider_id);
        // An organization member without a working role: its stored keys are a placeholder
        // whose "expiry" means nothing; what blocks it is the role, and the steps say how.
        const unreachable = rem.reason === "organization_member_unreachable" && !!rem.headline;
        if (unreachable) {
          return (
            <div key={rem.provider_id} class="banner banner-expired" role="alert" data-testid="reminder-unreachable">
              <div>
                <strong>{rem.headline}</strong>
                <span>. Its scans are blocked until CloudPeek can reach it.</span>
              </div>
              {rem.steps.length > 0 ? (
                <ol class="steps" data-testid="reminder-steps">
                  {rem.steps.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ol>
              ) : null}
              <Link href={`/settings/provider?provider=${encodeURIComponent(rem.provider_id)}`} data-testid="reminder-renew">
                Open the account's settings
              </Link>
            </div>
          );
        }
        return (
          <div
            key={rem.provider_id}
            class={expired ? "banner banner-expired" : "banner banner-expiring"}
            role="alert"
            data-testid={expired ? "reminder-expired" : "reminder-expiring"}
          >
            <div>
              <strong>
                {expired
                  ? `The credentials for “${rem.label}” have expired`
                  : `The credentials for “${rem.label}” expire in `}
              </strong>
              {!expired ? (
                <strong data-testid="reminder-countdown">{countdownText(left, false, guess).replace(/^in /, "")}</strong>
              ) : null}
              {rem.expires_at ? (
                <span class="muted">
                  {" "}
                  (at <ExpiryTime iso={rem.expires_at} estimated={guess} testid="reminder-time" />)
                </span>
              ) : null}
              {expired ? <span>. New scans are blocked until they are renewed.</span> : null}
            </div>
            {expired && rem.steps.length > 0 ? (
              <ol class="steps" data-testid="reminder-steps">
                {rem.steps.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
            ) : null}
            <Link href={`/settings/provider?provider=${encodeURIComponent(rem.provider_id)}`} data-testid="reminder-renew">
              {expired ? "Renew credentials" : "Replace credentials now"}
            </Link>
          </div>
        );
      })}
    </div>
  );
}
