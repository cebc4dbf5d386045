// IAM Identity Center sign-in (docs/api.md "IAM Identity Center"): the API's
// shapes and calls, and the pure parts of the page — the start URL checked as
// the server checks it, the countdown, the account search, the preselection.
import { del, get, post } from "../api";

export interface SsoFlow {
  flow_id: string;
  start_url: string;
  region: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_at: string;
  seconds_left: number;
  interval: number;
}

export interface SsoError {
  code: string;
  kind?: string;
  message: string;
  advice: string;
}

export interface SsoSession {
  id: string;
  start_url: string;
  region: string;
  state: "active" | "ended" | "signed_out";
  access_token_expires_at: string | null;
  ends_at: string | null;
  ended_at: string | null;
  signed_out_at?: string | null;
  signed_out_by?: string | null;
  renews_automatically: boolean;
  providers: string[];
  // Connected permission sets that lack actions CloudPeek needs (since their first probe).
  permission_gaps?: PermissionGap[];
}

export interface PermissionGap {
  provider_id: string;
  account_id: string;
  account_name: string;
  role_name: string;
  missing_actions: string[];
  checks_affected: number;
}

// What a permission set lacked when probed (in this account, else in another).
export interface RoleHint {
  missing_actions: string[];
  checks_affected: number;
  from_account: string;
  probed_at: string;
}

export type SsoPoll =
  | { status: "pending"; seconds_left: number; interval: number; next_poll_in?: number; slowed_down?: boolean }
  | { status: "approved"; session: SsoSession; renewed: string[] }
  | { status: "denied" | "expired" | "failed"; error: SsoError };

// The provider's "sso" object: its portal, account, permission set and the session's end.
export interface ProviderSso {
  session_id: string;
  start_url: string;
  region: string;
  account_id: string;
  account_name: string;
  role_name: string;
  session_state: "active" | "ended";
  signed_out?: boolean;
  session_ends_at: string | null;
  access_token_expires_at: string | null;
  renews_automatically: boolean;
  permissions?: {
    probed_at: string;
    checked: number;
    missing: { action: string; service: string; checks: string[] }[];
  } | null;
}

export interface SsoAccount {
  account_id: string;
  name: string;
  email: string;
  roles: string[];
  preselected_role: string | null;
  connected: { role_name: string; provider_id: string }[];
  role_hints?: Record<string, RoleHint>;
  error?: SsoError;
}

export interface SsoCreated {
  created: string[];
  existing: { account_id: string; role_name: string; provider_id: string }[];
  failed: { account_id: string; role_name: string; error: SsoError }[];
}

export const startSso = (start_url: string, region: string) => post<SsoFlow>("/sso/start", { start_url, region });
export const pollSso = (flowId: string) => post<SsoPoll>(`/sso/flows/${encodeURIComponent(flowId)}/poll`);
export const ssoSessions = () => get<SsoSession[]>("/sso/sessions");
export const ssoAccounts = (sessionId: string) =>
  get<{ session: SsoSession; accounts: SsoAccount[] }>(`/sso/sessions/${encodeURIComponent(sessionId)}/accounts`);
export const signOutSso = (sessionId: string) =>
  post<SsoSession>(`/sso/sessions/${encodeURIComponent(sessionId)}/sign-out`);
export const deleteSsoSession = (sessionId: string, providers: "keep" | "delete") =>
  del<{ deleted: string; providers_deleted: string[]; providers_kept: string[] }>(
    `/sso/sessions/${encodeURIComponent(sessionId)}?providers=${providers}`,
  );
export const createSsoProviders = (sessionId: string, accounts: { account_id: string; role_name: string }[]) =>
  post<SsoCreated>(`/sso/sessions/${encodeURIComponent(sessionId)}/providers`, { accounts });

// The same check the server makes, so a typo is said before anything is sent.
export function startUrlProblem(raw: string): string {
  const url = raw.trim();
  if (!url) return "Give your AWS access portal URL.";
  if (/^http:\/\//i.test(url)) return "The start URL must use https://, not http://.";
  if (!/^https:\/\//i.test(url)) return "The start URL must begin with https:// (e.g. https://my-company.awsapps.com/start).";
  const host = url.slice(8).split(/[/#?]/)[0].toLowerCase();
  if (/^[a-z0-9][a-z0-9-]*\.awsapps\.(com|cn)$/.test(host)) {
    const path = url.slice(8 + host.length).split("#")[0].replace(/\/+$/, "");
    return path === "/start" ? "" : "An awsapps.com portal URL ends in /start (https://<name>.awsapps.com/start).";
  }
  if (/^[a-z0-9][a-z0-9-]*\.portal\.[a-z]{2}(-[a-z]+)+-\d+\.app\.aws$/.test(host)) return "";
  return "This is not an AWS access portal address: expected https://<name>.awsapps.com/start or https://<id>.portal.<region>.app.aws.";
}

export function regionProblem(region: string): string {
  if (!region.trim()) return "Give the region of your IAM Identity Center instance, e.g. us-east-1.";
  return /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region.trim()) ? "" : `'${region.trim()}' is not an AWS region code such as us-east-1.`;
}

// The region a …portal.<region>.app.aws URL names ("" for awsapps.com).
export function regionOfStartUrl(url: string): string {
  return /\.portal\.([a-z]{2}(?:-[a-z]+)+-\d+)\.app\.aws/i.exec(url)?.[1]?.toLowerCase() ?? "";
}

// "9:58" from an ISO end and now.
export function countdown(expiresAt: string, nowMs: number): string {
  const left = Math.max(0, Math.floor((Date.parse(expiresAt) - nowMs) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
}

export function matchesSearch(a: SsoAccount, q: string): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  return [a.account_id, a.name, a.email].some((v) => v.toLowerCase().includes(s));
}

// The starting choice per account: its audit-like permission set, else its only
// one; accounts already connected with that set start unticked.
export interface Pick {
  selected: boolean;
  role: string;
}
export function initialPicks(accounts: SsoAccount[]): Record<string, Pick> {
  const out: Record<string, Pick> = {};
  for (const a of accounts) {
    const role = a.preselected_role ?? (a.roles.length === 1 ? a.roles[0] : "");
    const connected = a.connected.some((c) => c.role_name === role);
    out[a.account_id] = { selected: role !== "" && !connected, role };
  }
  return out;
}

// The request body's list: ticked accounts with a permission set.
export function chosen(picks: Record<string, Pick>): { account_id: string; role_name: string }[] {
  return Object.entries(picks)
    .filter(([, p]) => p.selected && p.role)
    .map(([account_id, p]) => ({ account_id, role_name: p.role }));
}

// The picker's line under a permission set: what it lacked when CloudPeek
// probed it ("" when never probed). accountId: the account being picked for.
export function roleHintText(hint: RoleHint | undefined, accountId: string): string {
  if (!hint) return "";
  const where = hint.from_account === accountId ? "in this account" : `in account ${hint.from_account}`;
  if (!hint.missing_actions.length) return `Has every action CloudPeek probes (checked ${where}).`;
  const n = hint.missing_actions.length;
  const shown = hint.missing_actions.slice(0, 3).join(", ") + (n > 3 ? `, and ${n - 3} more` : "");
  const checks = hint.checks_affected === 1 ? "1 check" : `${hint.checks_affected} checks`;
  return `Lacked ${n} action${n === 1 ? "" : "s"} CloudPeek needs ${where} (${shown}): ${checks} would not be assessed.`;
}

// The sessions list's line for a connected permission set with gaps.
export function gapText(g: PermissionGap): string {
  const n = g.missing_actions.length;
  const checks = g.checks_affected === 1 ? "1 check" : `${g.checks_affected} checks`;
  return `${g.account_name || g.account_id} (${g.role_name}) lacks ${g.missing_actions.join(", ")}: ${checks} cannot be assessed until the permission set allows ${n === 1 ? "it" : "them"}.`;
}
