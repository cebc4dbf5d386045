// Expiry as the user reads it: an estimated expiry is always labelled as one
// ("≈ 2026-11-30 18:05:00 CET (estimated)"), on account cards, in the banner and in
// countdowns; and the form's panel that says pasted keys carry no expiry, what
// CloudPeek estimates, and lets the user pick the session length.
import { chosenExpiry, defaultSessionHours, estimateSourceText, sessionHourChoices } from "../lib/expiry";
import { formatCountdown } from "../lib/format";
import type { ExpiryEstimate } from "../types";
import { FieldError, Time } from "./ui";

// An expiry time; estimated ones say so around the time itself.
export function ExpiryTime({ iso, estimated, testid }: { iso: string; estimated: boolean; testid?: string }) {
  if (!estimated) return <Time iso={iso} testid={testid} />;
  return (
    <span class="estimated" data-testid={testid ? `${testid}-estimated` : undefined}>
      ≈ <Time iso={iso} testid={testid} /> <span class="muted">(estimated)</span>
    </span>
  );
}

// "in 7h 59m 10s", "in ≈ 7h 59m 10s" for an estimate, "expired".
export function countdownText(left: number | null, expired: boolean, estimated: boolean): string {
  if (expired) return "expired";
  return `in ${estimated ? "≈ " : ""}${formatCountdown(left)}`;
}

// After a successful test of temporary credentials given without an expiry: there
// is always an expiry CloudPeek reminds before, and the user sees which and why.
export function ExpiryEstimatePanel({
  estimate,
  hours,
  onHours,
  now,
  error,
  prefix,
}: {
  estimate: ExpiryEstimate;
  hours: number | null;
  onHours: (h: number) => void;
  now: number;
  error?: string;
  prefix: string;
}) {
  const choices = sessionHourChoices(estimate);
  const chosen = hours !== null && choices.includes(hours) ? hours : defaultSessionHours(estimate);
  const selectId = `${prefix}-session-hours`;
  return (
    <div class="estimate-box" data-testid="expiry-estimate">
      <p>
        <strong>These keys carry no expiry</strong> (the access portal's export lines do not say when the session
        ends), so CloudPeek estimates it and reminds you before the estimate.
      </p>
      <p data-testid="expiry-estimate-latest">
        The session ends at the latest at <ExpiryTime iso={estimate.expires_at} estimated testid="expiry-estimate-time" />
        : <span data-testid="expiry-estimate-source" title={estimate.role_name ?? undefined}>
          {estimateSourceText(estimate)}
        </span>
        .
      </p>
      <div class="field">
        <label>
          Session length, counted from now
          <select
            id={selectId}
            value={String(chosen)}
            onChange={(e) => onHours(Number(e.currentTarget.value))}
            data-testid="session-hours"
          >
            {choices.map((h) => (
              <option key={h} value={String(h)}>
                {h} {h === 1 ? "hour" : "hours"}
              </option>
            ))}
          </select>
        </label>
        <FieldError message={error} testid="field-error-session_hours" />
      </div>
      <p data-testid="expiry-estimate-chosen">
        Saved now, they count as expiring at{" "}
        <ExpiryTime iso={chosenExpiry(estimate, chosen, now)} estimated testid="expiry-estimate-chosen-time" />. The
        reminder comes before then; CloudPeek also asks AWS every few minutes and shows the moment they actually expire.
      </p>
    </div>
  );
}
