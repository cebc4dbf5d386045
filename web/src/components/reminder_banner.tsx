// The banner on every page: credentials that expire within the reminder window
// or have expired (GET /reminders), with a live countdown and, once expired, the
// exact steps to renew.
import { useEffect } from "preact/hooks";
import { useGet, useNow } from "../hooks";
import { formatCountdown, secondsLeft } from "../lib/format";
import { Time } from "./ui";
import { Link } from "../router";
import type { Reminder } from "../types";

const REFRESH = "cloudpeek:reminders";

// Tells the banner to re-read GET /reminders (after credentials are saved, replaced or deleted).
export function refreshReminders(): void {
  window.dispatchEvent(new Event(REFRESH));
}

export function ReminderBanner({ path }: { path: string }) {
  const r = useGet<Reminder[]>("/reminders", 30_000);
  const now = useNow();
  // Re-check on every navigation too.
  useEffect(() => r.reload(), [path]);
  useEffect(() => {
    window.addEventListener(REFRESH, r.reload);
    return () => window.removeEventListener(REFRESH, r.reload);
  }, [r.reload]);
  if (!r.data || r.data.length === 0) return null;
  return (
    <div class="banners" data-testid="reminder-banner">
      {r.data.map((rem) => {
        const left = secondsLeft(rem.expires_at, rem.seconds_left, r.fetchedAt, now);
        const expired = rem.state === "expired" || (left !== null && left <= 0);
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
              {!expired ? <strong data-testid="reminder-countdown">{formatCountdown(left)}</strong> : null}
              {rem.expires_at ? (
                <span class="muted">
                  {" "}
                  (at <Time iso={rem.expires_at} />)
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
