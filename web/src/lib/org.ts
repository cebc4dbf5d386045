// AWS Organizations (docs/api.md "AWS Organizations"): the API's shapes and
// calls, and the pure parts of the /settings/provider section — the members
// table's search and order, what each role status means and what to do.
import { del, get, patch, post } from "../api";

export type RoleStatus = "ok" | "base" | "missing" | "error" | "unknown" | "suspended";

export interface OrgMemberInfo {
  provider_id: string;
  membership: "active" | "left";
  role_status: RoleStatus;
  role_message: string;
  role_advice: string;
  last_probe_at: string | null;
}

export interface OrgAccount {
  account_id: string;
  name: string;
  email: string;
  status: string; // ACTIVE, SUSPENDED, PENDING_CLOSURE, or LEFT (no longer in the organization)
  ou_path: string;
  management: boolean;
  in_organization: boolean;
  member: OrgMemberInfo | null; // null: not monitored
}

export interface Organization {
  id: string;
  label: string;
  base_provider_id: string | null;
  base_provider_label: string;
  aws_organization_id: string;
  management_account_id: string;
  role_name: string;
  external_id: string;
  monitor: "all" | "chosen";
  last_discovery_at: string | null;
  last_discovery_error: string | null;
  counts: { accounts: number; monitored: number; role_ok: number; role_gaps: number; left: number };
  accounts: OrgAccount[];
  discovery?: { joined: string[]; left: string[]; rejoined: string[] };
}

export interface OrgInstallation {
  external_id: string;
  default_role_name: string;
}

export interface OrgTemplates {
  role_name: string;
  external_id: string;
  trusted_account: string;
  stackset_yaml: string;
  stackset_filename: string;
  terraform: string;
  terraform_filename: string;
}

export const orgInstallation = () => get<OrgInstallation>("/organizations/settings");
export const listOrganizations = () => get<Organization[]>("/organizations");
export const connectOrganization = (body: {
  provider_id: string;
  role_name: string;
  external_id?: string;
  monitor: "all" | "chosen";
}) => post<Organization>("/organizations", body);
export const discoverOrganization = (id: string) => post<Organization>(`/organizations/${encodeURIComponent(id)}/discover`);
export const updateOrganization = (
  id: string,
  body: { role_name?: string; monitor?: "all" | "chosen"; accounts?: string[]; label?: string },
) => patch<Organization>(`/organizations/${encodeURIComponent(id)}`, body);
export const disconnectOrganization = (id: string) => del<unknown>(`/organizations/${encodeURIComponent(id)}`);
export const orgTemplates = (id: string, roleName?: string) =>
  get<OrgTemplates>(
    `/organizations/${encodeURIComponent(id)}/templates${roleName ? `?role_name=${encodeURIComponent(roleName)}` : ""}`,
  );

// IAM's rule for a role name (the server checks it too): 1-64 of letters, digits and +=,.@_-
export function roleNameProblem(name: string): string {
  const n = name.trim();
  if (!n) return "Enter the role name the members have (CloudPeekAudit by default).";
  if (n.length > 64) return "A role name is at most 64 characters.";
  if (!/^[\w+=,.@-]+$/.test(n)) return "A role name has only letters, digits and + = , . @ _ -";
  return "";
}

// Whether the member can be scanned, in words, and the short mark for the table.
export function roleState(a: OrgAccount): { mark: "✓" | "✗" | "–"; text: string; gap: boolean } {
  const m = a.member;
  if (!m) {
    if (a.status === "SUSPENDED" || a.status === "PENDING_CLOSURE")
      return { mark: "–", text: `${a.status.toLowerCase().replace("_", " ")}: not scanned`, gap: false };
    return { mark: "–", text: "not monitored", gap: false };
  }
  if (m.membership === "left") return { mark: "✗", text: "left the organization (history kept)", gap: true };
  switch (m.role_status) {
    case "ok":
      return { mark: "✓", text: "role works", gap: false };
    case "base":
      return { mark: "✓", text: "this provider's own credentials", gap: false };
    case "missing":
      return { mark: "✗", text: "role missing or not trusting CloudPeek", gap: true };
    case "suspended":
      return { mark: "–", text: "suspended: not scanned", gap: false };
    case "unknown":
      return { mark: "–", text: "not checked yet", gap: true };
    default:
      return { mark: "✗", text: "could not be reached", gap: true };
  }
}

// Search over account id, name, OU path and email; case-insensitive.
export function matchesAccount(a: OrgAccount, q: string): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  return [a.account_id, a.name, a.ou_path, a.email].some((v) => v.toLowerCase().includes(s));
}

// Gaps first (they need the user), then by OU path and name.
export function sortAccounts(accounts: OrgAccount[]): OrgAccount[] {
  return [...accounts].sort((a, b) => {
    const ga = roleState(a).gap ? 0 : 1,
      gb = roleState(b).gap ? 0 : 1;
    if (ga !== gb) return ga - gb;
    return a.ou_path.localeCompare(b.ou_path) || a.name.localeCompare(b.name) || a.account_id.localeCompare(b.account_id);
  });
}

// Accounts that can be added as members: ACTIVE, in the organization, not yet monitored.
export function addable(accounts: OrgAccount[]): OrgAccount[] {
  return accounts.filter((a) => a.in_organization && a.status === "ACTIVE" && !a.member);
}

// One line for the summary under the organization's title.
export function orgSummary(o: Organization): string {
  const c = o.counts;
  const parts = [`${c.accounts} account${c.accounts === 1 ? "" : "s"}`, `${c.monitored} monitored`, `${c.role_ok} reachable`];
  if (c.role_gaps) parts.push(`${c.role_gaps} without a working role`);
  if (c.left) parts.push(`${c.left} left the organization`);
  return parts.join(" · ");
}

// A text file download in the browser (the templates).
export function downloadText(filename: string, text: string, type = "text/plain"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
