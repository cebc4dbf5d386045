// Organization-wide scans (docs/api.md "Scan batches", issue 11 §3): one batch
// is a scan per account of an organization, an OU or a list of providers. The
// API's shapes, and the pure parts of /scans' batch card and list: what the
// "AWS account" select offers, what a start posts, the progress line, the
// per-account order, what a skipped account and a cancel say.
import type { AccountScopes, Provider, Result, Scan } from "../types";
import type { Organization } from "./org";
import { plural } from "./format";
import { progressFraction } from "./scan_state";

export type BatchStatus = "queued" | "running" | "done" | "cancelled";
export type MemberStatus = Scan["status"];

// A scan of the batch: GET /scans/{id}'s scan with whose account it is.
export interface BatchScan extends Scan {
  account_label: string | null; // null: its provider was deleted
  account_id: string | null;
}

// An account the batch did not scan (no working role, suspended, expired credentials…).
export interface BatchSkipped {
  provider_id: string | null;
  label: string;
  account_id: string | null;
  reason: string;
  code?: string; // POST /scans' refusal: organization_member_unreachable, credentials_expired, conflict
  advice?: string; // what to do
  scan_id?: string; // conflict: the scan of it already queued or running
}

export interface ScanBatch {
  id: string;
  label: string;
  scope: unknown;
  created_at: string;
  created_by: string | null;
  regions: string[];
  services: string[];
  status: BatchStatus;
  active?: number; // its scans not ended yet (a cancelled batch's running one may still be stopping)
  accounts: number;
  by_status: Partial<Record<MemberStatus, number>>;
  progress: number;
  counts: Partial<Record<Result, number>>;
  scans?: BatchScan[]; // absent in GET /scan-batches' items
  skipped: BatchSkipped[];
}

// ---- starting one ---------------------------------------------------------------------

// The "AWS account" select's values: a provider's id as it is (a single
// account keeps POST /scans), "org:<organization id>" or "ou:<path>".
export const ORG_PREFIX = "org:";
export const OU_PREFIX = "ou:";

export interface StartChoice {
  value: string;
  label: string;
}

export interface StartChoices {
  accounts: StartChoice[];
  organizations: StartChoice[];
  ous: StartChoice[];
}

const accountsText = (n: number) => plural(n, "account");

// What the select offers: each account; each connected organization and each
// OU with how many accounts the API says it holds.
export function startChoices(
  providers: Provider[] | null,
  organizations: Organization[] | null,
  scopes: AccountScopes | null,
): StartChoices {
  const accounts = (providers ?? []).map((p) => ({
    value: p.id,
    label: `${p.label}${p.identity && !p.label.includes(p.identity.account) ? ` (${p.identity.account})` : ""}`,
  }));
  const orgs = (organizations ?? [])
    .slice()
    .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
    .map((o) => ({ value: ORG_PREFIX + o.id, label: `Whole organization “${o.label}” — ${accountsText(o.counts.monitored)}` }));
  const ous = (scopes?.ous ?? [])
    .filter((o) => o.accounts > 0)
    .slice()
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((o) => ({ value: OU_PREFIX + o.path, label: `OU ${o.path} — ${accountsText(o.accounts)}` }));
  return { accounts, organizations: orgs, ous };
}

export function isBatchChoice(value: string): boolean {
  return value.startsWith(ORG_PREFIX) || value.startsWith(OU_PREFIX);
}

export type StartRequest =
  | { path: "/scans"; body: { provider_id: string; regions?: string[]; services?: string[] } }
  | { path: "/scan-batches"; body: { organization_id?: string; ou?: string; regions?: string[]; services?: string[] } };

// What "Start scan" posts for the chosen value: one scope, regions and services only when chosen.
export function startRequest(value: string, regions: Iterable<string>, services: Iterable<string>): StartRequest {
  const r = [...regions];
  const s = [...services];
  const extra: { regions?: string[]; services?: string[] } = {};
  if (r.length) extra.regions = r;
  if (s.length) extra.services = s;
  if (value.startsWith(ORG_PREFIX)) return { path: "/scan-batches", body: { organization_id: value.slice(ORG_PREFIX.length), ...extra } };
  if (value.startsWith(OU_PREFIX)) return { path: "/scan-batches", body: { ou: value.slice(OU_PREFIX.length), ...extra } };
  return { path: "/scans", body: { provider_id: value, ...extra } };
}

// The accounts a refused start names (422 nothing_to_scan: every account was skipped).
export function skippedOf(err: unknown): BatchSkipped[] {
  const d = (err as { details?: { skipped?: unknown } } | null)?.details;
  const list = d && Array.isArray(d.skipped) ? d.skipped : [];
  return list.filter((x): x is BatchSkipped => !!x && typeof x === "object" && typeof (x as BatchSkipped).reason === "string");
}

// ---- following one --------------------------------------------------------------------

export function isBatchActive(b: Pick<ScanBatch, "status">): boolean {
  return b.status === "queued" || b.status === "running";
}

// Still worth following: queued or running, or cancelled with a scan that has not stopped yet.
export function batchMoving(b: Pick<ScanBatch, "status" | "active" | "by_status">): boolean {
  if (isBatchActive(b)) return true;
  if (typeof b.active === "number") return b.active > 0;
  return (b.by_status.queued ?? 0) + (b.by_status.running ?? 0) > 0;
}

const FINISHED: MemberStatus[] = ["succeeded", "partial", "failed", "interrupted"];

export function finishedCount(b: Pick<ScanBatch, "by_status">): number {
  return FINISHED.reduce((n, st) => n + (b.by_status[st] ?? 0), 0);
}

// "3 of 6 accounts finished · 2 running · 1 queued" (and the accounts not scanned).
export function batchLine(b: Pick<ScanBatch, "by_status" | "accounts" | "skipped" | "status">): string {
  const parts = [`${finishedCount(b)} of ${accountsText(b.accounts)} finished`];
  if (isBatchActive(b) || b.by_status.running || b.by_status.queued) {
    parts.push(`${b.by_status.running ?? 0} running`, `${b.by_status.queued ?? 0} queued`);
  }
  if (b.by_status.failed) parts.push(`${b.by_status.failed} failed`);
  if (b.by_status.interrupted) parts.push(`${b.by_status.interrupted} interrupted or cancelled`);
  if (b.skipped?.length) parts.push(`${b.skipped.length} not scanned`);
  return parts.join(" · ");
}

// 0..1 for the batch's bar: the server's progress, clamped; full once done. A
// cancelled batch is never full (the server counts a cancelled scan as finished):
// its bar is the share of accounts whose scan ran to its end.
export function batchFraction(b: Pick<ScanBatch, "progress" | "status" | "by_status" | "accounts">): number {
  if (b.status === "done") return 1;
  if (b.status === "cancelled" && b.accounts > 0) {
    const ran = (b.by_status.succeeded ?? 0) + (b.by_status.partial ?? 0) + (b.by_status.failed ?? 0);
    return Math.min(1, ran / b.accounts);
  }
  const f = typeof b.progress === "number" && Number.isFinite(b.progress) ? b.progress : 0;
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

// The results of the batch: the server's sums, or the scans' own when it gave none.
export function batchCounts(b: Pick<ScanBatch, "counts" | "scans">): Record<Result, number> {
  const out: Record<Result, number> = { FAIL: 0, PASS: 0, NOT_ASSESSED: 0, MANUAL: 0 };
  const keys = Object.keys(out) as Result[];
  if (b.counts && keys.some((k) => typeof b.counts[k] === "number")) {
    for (const k of keys) out[k] = b.counts[k] ?? 0;
    return out;
  }
  for (const s of b.scans ?? []) for (const k of keys) out[k] += s.counts?.[k] ?? 0;
  return out;
}

export function countsText(c: Partial<Record<Result, number>>): string {
  return `${c.FAIL ?? 0} failing · ${c.PASS ?? 0} passing · ${c.NOT_ASSESSED ?? 0} not assessed · ${c.MANUAL ?? 0} manual`;
}

// Running first (what moves now), then queued, then finished; by account within each.
export function sortBatchScans<T extends Pick<BatchScan, "status" | "account_label" | "account_id" | "id">>(scans: T[]): T[] {
  const rank = (st: string) => (st === "running" ? 0 : st === "queued" ? 1 : 2);
  return [...scans].sort(
    (a, b) =>
      rank(a.status) - rank(b.status) ||
      (a.account_label ?? "").localeCompare(b.account_label ?? "") ||
      (a.account_id ?? "").localeCompare(b.account_id ?? "") ||
      a.id.localeCompare(b.id),
  );
}

// One account's progress in the table: a finished scan reads 100% only when it
// ran to its end; one stopped (failed, cancelled) where it stopped, if known.
export function scanPercent(s: Pick<Scan, "status" | "progress">): string {
  if (s.status === "queued") return "0%";
  if (s.status === "succeeded" || s.status === "partial") return "100%";
  const pct = `${Math.round(progressFraction(s.progress) * 100)}%`;
  if (s.status === "running") return pct;
  return progressFraction(s.progress) > 0 ? pct : "—";
}

// One account's results in the table: none yet while it runs; a scan that failed
// or was cancelled before any result says so rather than "0 fail" (which reads as clean).
export function memberResults(s: Pick<Scan, "status" | "counts">): string {
  if (s.status === "queued" || s.status === "running") return "—";
  const c = s.counts ?? {};
  const any = (["FAIL", "PASS", "NOT_ASSESSED", "MANUAL"] as Result[]).some((k) => (c[k] ?? 0) > 0);
  if (!any && (s.status === "failed" || s.status === "interrupted")) return "no results";
  return `${c.FAIL ?? 0} fail · ${c.PASS ?? 0} pass · ${c.NOT_ASSESSED ?? 0} not assessed`;
}

// "prod-web · 222200000006": the label, then the AWS account id unless the label holds it.
export function memberLabel(a: { account_label?: string | null; label?: string; account_id: string | null }): string {
  const label = a.account_label ?? a.label ?? (a.account_id ? "" : "a deleted account");
  if (!label) return a.account_id ?? "";
  return a.account_id && !label.includes(a.account_id) ? `${label} · ${a.account_id}` : label;
}

// The batch as an event or a poll now says, ignoring another batch's or an
// older state's; a summary without `scans` keeps the per-account rows shown.
export function mergeBatch(current: ScanBatch | null, next: ScanBatch): ScanBatch {
  if (!current || current.id !== next.id) return next;
  if (!isBatchActive(current) && isBatchActive(next)) return current;
  return next.scans ? next : { ...next, scans: current.scans };
}

// What the batch's "Cancel all" did, from POST /scan-batches/{id}/cancel's {"cancelled": n}.
export function cancelledText(n: number): string {
  if (n <= 0) return "Nothing was left to cancel: every scan of this batch had already ended.";
  return `Cancelled ${plural(n, "scan")} of this batch.`;
}

// The label a history row links to its batch by (the list may not hold an old batch).
export function batchLinkLabel(batchId: string, known: Map<string, string>): string {
  return known.get(batchId) ?? `Organization scan ${batchId}`;
}
