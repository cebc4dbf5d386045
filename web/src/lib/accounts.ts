// Which accounts a page shows, and how an account's state reads (docs/api.md
// "Accounts"). One convention for every page: the URL keeps provider_id (one
// account) or ou (an AWS Organizations OU and those below it); neither means
// every account. The account picker's value encodes the same in one string.
import type { AccountChoice, AccountRow, AccountScopes } from "../types";

export interface AccountScope {
  provider_id: string;
  ou: string;
}

export const ALL_ACCOUNTS: AccountScope = { provider_id: "", ou: "" };

export function scopeFromQuery(query: URLSearchParams): AccountScope {
  return { provider_id: query.get("provider_id") ?? "", ou: query.get("ou") ?? "" };
}

// The query parameters of a scope, for qs(): empty ones are left out.
export function scopeParams(scope: AccountScope): { provider_id?: string; ou?: string } {
  const out: { provider_id?: string; ou?: string } = {};
  if (scope.provider_id) out.provider_id = scope.provider_id;
  if (scope.ou) out.ou = scope.ou;
  return out;
}

// The picker's <select> value: "" (all), "p:<provider id>" or "ou:<path>".
export function pickerValue(scope: AccountScope): string {
  if (scope.provider_id) return `p:${scope.provider_id}`;
  if (scope.ou) return `ou:${scope.ou}`;
  return "";
}

export function scopeFromPickerValue(value: string): AccountScope {
  if (value.startsWith("p:")) return { provider_id: value.slice(2), ou: "" };
  if (value.startsWith("ou:")) return { provider_id: "", ou: value.slice(3) };
  return { ...ALL_ACCOUNTS };
}

// "prod · 111122223333 (production)": what the user named it, then AWS's id and name.
// What the label already says is not repeated: an organization member's
// provider is labelled "prod-web (222200000006)" → "prod-web (222200000006)".
export function accountLabel(a: Pick<AccountChoice, "label" | "account_id" | "account_name">): string {
  const id = a.account_id && !a.label.includes(a.account_id) ? ` · ${a.account_id}` : "";
  const name = a.account_name && !a.label.includes(a.account_name) ? ` (${a.account_name})` : "";
  return `${a.label}${id}${name}`;
}

export interface PickerGroup {
  label: string; // the OU path, or "Accounts" for those in none
  options: { value: string; label: string }[];
}

// The picker's choices: OUs first (when any account has one and the page can
// filter by OU), then the accounts grouped by OU, each group sorted by label.
export function pickerChoices(
  scopes: AccountScopes | null,
  allowOu: boolean,
): { ous: { value: string; label: string }[]; groups: PickerGroup[] } {
  if (!scopes) return { ous: [], groups: [] };
  const ous = allowOu
    ? scopes.ous.map((o) => ({ value: `ou:${o.path}`, label: `OU ${o.path} (${o.accounts} account${o.accounts === 1 ? "" : "s"})` }))
    : [];
  const byOu = new Map<string, AccountChoice[]>();
  for (const a of scopes.accounts) {
    const key = a.ou ?? "";
    if (!byOu.has(key)) byOu.set(key, []);
    byOu.get(key)!.push(a);
  }
  const keys = [...byOu.keys()].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)));
  const groups = keys.map((k) => ({
    label: k || "Accounts",
    options: byOu
      .get(k)!
      .slice()
      .sort((a, b) => a.label.localeCompare(b.label) || a.provider_id.localeCompare(b.provider_id))
      .map((a) => ({ value: `p:${a.provider_id}`, label: accountLabel(a) })),
  }));
  return { ous, groups };
}

// Is an account whose OU path is `path` in the OU `ou`: that OU or one below it
// ("Root/Workloads" covers "Root/Workloads/Prod", not "Root/WorkloadsOld"), as
// the API decides; a trailing "/" is ignored.
export function inOu(path: string | null | undefined, ou: string): boolean {
  const o = ou.trim().replace(/\/+$/, "");
  if (!path || !o) return false;
  return path === o || path.startsWith(`${o}/`);
}

// The picker's accounts that a scope covers (every one when it names none).
export function accountsInScope(scopes: AccountScopes | null, scope: AccountScope): AccountChoice[] {
  if (!scopes) return [];
  return scopes.accounts.filter(
    (a) => (!scope.provider_id || a.provider_id === scope.provider_id) && (!scope.ou || inOu(a.ou, scope.ou)),
  );
}

// Rows of several accounts in one list say whose each is: when the scope is
// not one account and more than one account is in it.
export function showsAccountColumn(scopes: AccountScopes | null, scope: AccountScope): boolean {
  return !scope.provider_id && accountsInScope(scopes, scope).length > 1;
}

// The account a row (finding, resource, scan) belongs to, as the picker names
// it; a provider the list does not know (deleted) by its AWS account id.
export function rowAccountLabel(row: { provider_id?: string; account?: string }, scopes: AccountScopes | null): string {
  const a = scopes?.accounts.find((x) => x.provider_id === row.provider_id);
  if (a) return accountLabel(a);
  if (row.account) return row.account;
  return row.provider_id ? `provider ${row.provider_id}` : "unknown account";
}

// /iam analyses one account at a time: the account in the URL; for an OU, the
// accounts in it to choose from (never all of them merged); with neither, the
// first account (the page opens on something).
export type IamTarget = { kind: "account"; provider_id: string } | { kind: "choose"; ou: string; accounts: AccountChoice[] } | { kind: "none" };

export function iamTarget(scope: AccountScope, scopes: AccountScopes | null): IamTarget {
  if (scope.provider_id) return { kind: "account", provider_id: scope.provider_id };
  if (scope.ou) {
    const accounts = accountsInScope(scopes, scope)
      .slice()
      .sort((a, b) => a.label.localeCompare(b.label) || a.provider_id.localeCompare(b.provider_id));
    return { kind: "choose", ou: scope.ou, accounts };
  }
  const first = scopes?.accounts[0];
  return first ? { kind: "account", provider_id: first.provider_id } : { kind: "none" };
}

export type Tone = "ok" | "warn" | "bad" | "muted";

// The last scan as a word and a tone: a partial or interrupted scan says so.
export function lastScanText(s: AccountRow["last_scan"]): { text: string; tone: Tone } {
  if (!s) return { text: "never scanned", tone: "muted" };
  switch (s.status) {
    case "succeeded":
      return { text: "complete", tone: "ok" };
    case "partial":
      return { text: "partial", tone: "warn" };
    case "interrupted":
      return { text: s.reason ? s.reason.replace(/^interrupted: /, "interrupted: ") : "interrupted", tone: "warn" };
    case "failed":
      return { text: "failed", tone: "bad" };
    case "queued":
      return { text: "queued", tone: "muted" };
    case "running":
      return { text: "running", tone: "muted" };
  }
  return { text: s.status, tone: "muted" };
}

// The credentials (or the IAM Identity Center session behind them).
export function credentialText(c: AccountRow["credential"]): { text: string; tone: Tone } {
  const sso = c.sso_session ? "SSO session " : "";
  switch (c.state) {
    case "ended":
      return { text: "SSO session ended: sign in again", tone: "bad" };
    case "expired":
      return { text: `${sso || "credentials "}expired`, tone: "bad" };
    case "expiring":
      return { text: `${sso || "credentials "}expiring soon`, tone: "warn" };
    case "valid":
      return { text: c.expires_at ? `${sso || "credentials "}valid` : "valid, no expiry", tone: "ok" };
    default:
      return { text: "not checked yet", tone: "muted" };
  }
}

// A compliance figure's tone: unknown is never shown as good.
export function complianceTone(percent: number | null): Tone {
  if (percent === null) return "muted";
  if (percent >= 90) return "ok";
  if (percent >= 60) return "warn";
  return "bad";
}

// "fails in 2 of 3 accounts"
export function failingText(failing: number, assessed: number): string {
  if (failing === 0) return "fails in no account";
  return `fails in ${failing} of ${assessed} account${assessed === 1 ? "" : "s"}`;
}

// What a queued scan waits for (server/scheduler.h).
export const QUEUED_TEXT =
  "Queued: it starts when a scan slot is free (Settings › Scans at once) and no other scan of the same AWS account runs.";

// A history row as the live view knows it: the list was read when the scan
// was queued, the live stream has said since that it runs (or has ended).
export function withLiveStatus<T extends { id: string; status: string; started_at: string | null }>(row: T, live: T | null): T {
  if (!live || live.id !== row.id || live.status === row.status) return row;
  const order = ["queued", "running"];
  const rank = (st: string) => (order.includes(st) ? order.indexOf(st) : 2);
  if (rank(live.status) < rank(row.status)) return row; // never back in time
  return { ...row, status: live.status, started_at: live.started_at ?? row.started_at };
}
