// Pure helpers for scans: terminal states, the progress line, gap grouping.
import type { AreaProgress, Gap, Provider, Scan, ScanProgress } from "../types";
import { formatDuration } from "./format";

// partial: ran to its end, but some calls failed and results they fed are NOT_ASSESSED.
export const TERMINAL = new Set(["succeeded", "partial", "failed", "interrupted"]);

// Scans of these credentials are refused (409 credentials_expired): expired as the
// server says, or their known expiry has passed since the list was read.
export function credentialsExpired(p: Pick<Provider, "credential_state" | "expires_at"> | undefined, now: number): boolean {
  if (!p) return false;
  if (p.credential_state === "expired") return true;
  const t = p.expires_at ? Date.parse(p.expires_at) : NaN;
  return Number.isFinite(t) && t <= now;
}

// How a finished scan ended, in a word for the user: a cancelled scan never reads "Finished".
export function scanEnding(s: Pick<Scan, "status" | "reason">): string {
  if (s.status === "interrupted") return (s.reason ?? "").includes("cancelled") ? "Cancelled" : "Interrupted";
  if (s.status === "failed") return "Failed";
  if (s.status === "partial") return "Finished (partly read)";
  return "Finished";
}

export function isActive(s: Pick<Scan, "status">): boolean {
  return s.status === "queued" || s.status === "running";
}

// 0..1 from the server's fraction, or checks done / total; clamped.
export function progressFraction(p: ScanProgress | null | undefined): number {
  if (!p) return 0;
  let f = typeof p.fraction === "number" && Number.isFinite(p.fraction) ? p.fraction : 0;
  if (!f && p.checks_total) f = p.checks_done / p.checks_total;
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

export function progressLine(p: ScanProgress | null | undefined): string {
  if (!p) return "Waiting to start…";
  const parts = [
    ...(p.calls_done === null ? [] : [`${p.calls_done} API calls`]),
    `${p.calls_in_flight} in flight`,
    `${p.resources} resources`,
    p.checks_total === null ? `${p.checks_done} checks evaluated` : `${p.checks_done}/${p.checks_total} checks`,
  ];
  if (typeof p.eta_seconds === "number" && p.eta_seconds > 0) parts.splice(1, 0, `about ${formatDuration(p.eta_seconds)} left`);
  // Failed calls explained: those that lost data (coverage gaps, listed when the scan ends)
  // and AWS's "not configured" answers (no bucket policy…), which lose nothing.
  if (p.calls_failed) {
    const lost = Math.min(p.calls_lost ?? 0, p.calls_failed);
    const absent = p.calls_failed - lost;
    if (lost) parts.push(`${lost} calls lost (coverage gaps)`);
    if (absent) parts.push(`${absent} answered "not configured"`);
  }
  // Retries are not failures: most are answered on a later attempt.
  if (p.calls_retried) parts.push(`${p.calls_retried} retried`);
  return parts.join(" · ");
}

// The areas (services or regions) still working, busiest first, then how many are done.
export function areasAtWork(areas: AreaProgress[] | undefined, max = 6): { busy: AreaProgress[]; more: number; done: number } {
  const list = areas ?? [];
  const working = list.filter((a) => a.tasks_outstanding > 0 || a.runs_done < a.runs_total);
  working.sort((a, b) => b.tasks_outstanding - a.tasks_outstanding || a.name.localeCompare(b.name));
  return { busy: working.slice(0, max), more: Math.max(0, working.length - max), done: list.length - working.length };
}

export function gapsByService(gaps: Gap[]): [string, number][] {
  const m = new Map<string, number>();
  for (const g of gaps) m.set(g.service, (m.get(g.service) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

// A scan with `next` merged in, ignoring events for another scan or older than what is shown.
export function mergeScan(current: Scan | null, next: Scan): Scan {
  if (!current || current.id !== next.id) return next;
  if (TERMINAL.has(current.status) && !TERMINAL.has(next.status)) return current;
  return next;
}
