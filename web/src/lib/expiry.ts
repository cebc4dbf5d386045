// Expiry that is never unknown (issue 9 item 1): the AWS access portal's export
// lines carry no expiry, so for temporary credentials saved without one the server
// estimates the latest the session can end (docs/api.md, POST /providers/test
// expiry_estimate) and the user picks the session length. These say in words where
// an estimate comes from, which session lengths to offer, and which to preselect.
import type { EstimateSource, ExpiryEstimate, Provider, StoredExpiryEstimate, TestResult } from "../types";

// AWS's limits on a role's MaxSessionDuration, and CloudPeek's select: 1 to 12 hours.
export const MIN_SESSION_HOURS = 1;
export const MAX_SESSION_HOURS = 12;
// GetSessionToken and GetFederationToken sessions last 12 hours unless asked otherwise.
const SESSION_DEFAULT_SECONDS = 12 * 3600;

// 28800 → "8 hours", 3600 → "1 hour", 5400 → "1 h 30 min".
export function formatSpan(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (m === 0) return `${h} ${h === 1 ? "hour" : "hours"}`;
  if (h === 0) return `${m} min`;
  return `${h} h ${m} min`;
}

// 28800 → "8 h", 5400 → "1 h 30 min".
function shortSpan(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return m === 0 ? `${h} h` : h === 0 ? `${m} min` : `${h} h ${m} min`;
}

// An IAM Identity Center role's name is AWSReservedSSO_<set>_<hash>: the hash says
// nothing to a reader, so it is cut ("AWSReservedSSO_SecurityAuditor_…").
export function shortRoleName(name: string): string {
  const m = /^(AWSReservedSSO_.+_)[0-9a-f]{8,}$/i.exec(name);
  return m ? `${m[1]}…` : name;
}

// The longest the session can last, when known: the role's MaxSessionDuration, or
// the 12 hours of a GetSessionToken/federation session. Unknown (GetRole could not
// be read): null.
export function knownMaxSeconds(e: { source: EstimateSource; max_session_seconds: number | null }): number | null {
  if (e.max_session_seconds !== null && e.max_session_seconds !== undefined && e.max_session_seconds > 0)
    return e.max_session_seconds;
  if (e.source === "session_default") return SESSION_DEFAULT_SECONDS;
  return null;
}

// Where the estimate comes from, in words: "at most 8 h: the role
// AWSReservedSSO_SecurityAuditor_… allows sessions of up to 8 hours".
export function estimateSourceText(e: {
  source: EstimateSource;
  max_session_seconds: number | null;
  role_name?: string | null;
}): string {
  const max = knownMaxSeconds(e);
  switch (e.source) {
    case "role_max_session": {
      const role = e.role_name ? `the role ${shortRoleName(e.role_name)}` : "the role";
      return max
        ? `at most ${shortSpan(max)}: ${role} allows sessions of up to ${formatSpan(max)}`
        : `at most the session length ${role} allows`;
    }
    case "session_default":
      return `at most ${shortSpan(max ?? SESSION_DEFAULT_SECONDS)}: sessions from GetSessionToken or a federation token last ${formatSpan(max ?? SESSION_DEFAULT_SECONDS)} unless a shorter one was asked for`;
    default:
      return "1 h, to be safe: the role's longest session (iam:GetRole) could not be read, and 1 hour is the shortest a role allows by default";
  }
}

// The session lengths to offer: 1 to 12 hours, and no more than the known maximum.
export function sessionHourChoices(e: { source: EstimateSource; max_session_seconds: number | null }): number[] {
  const max = knownMaxSeconds(e);
  const top = max === null ? MAX_SESSION_HOURS : Math.min(MAX_SESSION_HOURS, Math.max(MIN_SESSION_HOURS, Math.floor(max / 3600)));
  return Array.from({ length: top - MIN_SESSION_HOURS + 1 }, (_, i) => i + MIN_SESSION_HOURS);
}

// The preselected length: the known maximum rounded down to whole hours (capped at
// 12); 1 hour when it is unknown, the safe side (a reminder too early, never too late).
export function defaultSessionHours(e: { source: EstimateSource; max_session_seconds: number | null }): number {
  const max = knownMaxSeconds(e);
  if (max === null) return MIN_SESSION_HOURS;
  return Math.min(MAX_SESSION_HOURS, Math.max(MIN_SESSION_HOURS, Math.floor(max / 3600)));
}

// When the credentials count as expiring if saved now with `hours`: now + hours, but
// never past the known maximum (the server caps it the same way).
export function chosenExpiry(e: { source: EstimateSource; max_session_seconds: number | null }, hours: number, now: number): string {
  const max = knownMaxSeconds(e);
  const seconds = max === null ? hours * 3600 : Math.min(hours * 3600, max);
  return new Date(now + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

// The test answer's estimate, when there is one to ask about: a successful test of
// temporary credentials given without an expiry.
export function estimateOf(test: TestResult | null): ExpiryEstimate | null {
  if (!test || !test.ok || test.expires_at) return null;
  return test.expiry_estimate ?? null;
}

// Is a saved provider's expiry CloudPeek's estimate?
export function isEstimated(p: Pick<Provider, "expires_estimated" | "expires_at">): boolean {
  return !!p.expires_at && p.expires_estimated === true;
}

// A saved provider's estimate in words, for its card: what was chosen and why it is an estimate.
export function storedEstimateText(e: StoredExpiryEstimate | null | undefined): string {
  const why = "The pasted keys carried no expiry, so this is CloudPeek's estimate";
  if (!e) return `${why}.`;
  const hours = e.session_hours ? `${e.session_hours} ${e.session_hours === 1 ? "hour" : "hours"}` : "";
  if (e.source === "user") {
    const max = e.max_session_seconds ? `, of at most ${formatSpan(e.max_session_seconds)} these keys allow` : "";
    return hours ? `${why}: you chose a session of ${hours}${max}.` : `${why}.`;
  }
  const chosen = hours ? `; you chose a session of ${hours}` : "";
  return `${why} — ${estimateSourceText({ source: e.source, max_session_seconds: e.max_session_seconds })}${chosen}.`;
}
