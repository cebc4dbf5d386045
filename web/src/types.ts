// The shapes of docs/api.md, as the UI reads them.

export type Severity = "critical" | "high" | "medium" | "low" | "informational";
export const SEVERITIES: Severity[] = ["critical", "high", "medium", "low", "informational"];
export type Result = "PASS" | "FAIL" | "NOT_ASSESSED" | "MANUAL";
export const RESULTS: Result[] = ["FAIL", "PASS", "NOT_ASSESSED", "MANUAL"];
export type FindingStatus = "open" | "resolved" | "muted" | "passed" | "not_assessed";
export const FINDING_STATUSES: FindingStatus[] = ["open", "resolved", "muted", "passed", "not_assessed"];

export interface User {
  id: string;
  username: string;
}

export interface Identity {
  account: string;
  arn: string;
  principal_type: string;
  permission_set: string | null;
  checked_at?: string;
}

export interface Provider {
  id: string;
  label: string;
  access_key_id_last4: string;
  key_kind: "temporary" | "long_term";
  has_session_token: boolean;
  expires_at: string | null;
  seconds_left: number | null;
  credential_state: "valid" | "expiring" | "expired" | "unknown";
  identity: Identity | null;
  schedule_minutes: number;
  last_scan: { id: string; status: string; finished_at: string | null } | null;
  created_at: string;
  updated_at: string;
  // Temporary credentials saved without an expiry: expires_at is CloudPeek's estimate
  // (docs/api.md), and these say so and from what.
  expires_estimated?: boolean;
  // Made through an IAM Identity Center sign-in (docs/api.md): renewed by CloudPeek until the session ends.
  sso?: import("./lib/sso").ProviderSso;
  expiry_estimate?: StoredExpiryEstimate | null;
  // When the reminders (banner, webhook) start: expires_at minus the reminder window;
  // null without an expiry. And the steps to renew these credentials.
  reminder_at?: string | null;
  renewal_steps?: string[];
}

export type EstimateSource = "role_max_session" | "session_default" | "default";

// What POST /providers/test estimates for temporary credentials given without an
// expiry: the latest the session can end, and from what.
export interface ExpiryEstimate {
  expires_at: string;
  source: EstimateSource;
  max_session_seconds: number | null;
  role_name: string | null;
}

// The same, as a saved provider carries it: with the session length the user chose.
export interface StoredExpiryEstimate {
  // "user": the session length the user picked (session_hours) decided it.
  source: EstimateSource | "user";
  max_session_seconds: number | null;
  session_hours: number | null;
}

export interface ErrorBody {
  code: string;
  kind?: string;
  message: string;
  advice?: string;
  field?: string;
}

export type TestResult =
  | {
      ok: true;
      identity: Identity;
      expires_at: string | null;
      seconds_left: number | null;
      expiry_estimate?: ExpiryEstimate | null;
    }
  | { ok: false; error: ErrorBody };

export interface Reminder {
  provider_id: string;
  label: string;
  state: "expiring" | "expired";
  expires_at: string | null;
  seconds_left: number | null;
  steps: string[];
  // Not in /reminders today: the banner then looks it up in /providers.
  expires_estimated?: boolean;
  // An organization member CloudPeek cannot reach (role missing or not trusted, suspended,
  // left): not an expiry. The headline says which; the steps say what to do.
  reason?: "organization_member_unreachable";
  headline?: string;
}

export interface Gap {
  service: string;
  region: string;
  action: string;
  kind: string;
  message: string;
}

export interface ScanProgress {
  calls_done: number | null; // null: not known (a scan recorded before live progress)
  calls_in_flight: number;
  calls_failed: number | null;
  resources: number;
  checks_done: number;
  checks_total: number | null; // null while running: evaluations are known only once collection ends
  fraction: number; // work done over work known; never moves back
  calls_lost?: number | null; // failed calls that lost data (the coverage gaps)
  tasks_outstanding?: number | null;
  eta_seconds?: number | null; // null while unknown
  calls_retried?: number | null; // attempts sent again (throttled, 5xx, timeouts): not failures
  by_service?: AreaProgress[]; // while running: work per service, busiest first
  by_region?: AreaProgress[]; // while running: work per region ("global" for IAM, S3 account level...)
}

// A running scan's work in one service (over its regions) or one region (over its services).
export interface AreaProgress {
  name: string;
  calls_done: number;
  calls_failed: number;
  calls_lost: number;
  tasks_outstanding: number; // calls known and not made yet
  runs_done: number; // collectors × regions finished
  runs_total: number;
}

export interface Scan {
  id: string;
  provider_id: string;
  status: "queued" | "running" | "succeeded" | "partial" | "failed" | "interrupted";
  reason: string | null;
  started_at: string | null;
  finished_at: string | null;
  duration_s: number | null;
  regions: string[];
  services: string[];
  identity: Identity | null;
  counts: Partial<Record<Result, number>>;
  gaps: Gap[];
  progress: ScanProgress | null;
  batch_id?: string | null; // the organization scan (scan batch) it is part of
}

export interface Paged<T> {
  total: number;
  page: number;
  page_size: number;
  items: T[];
}

export interface Meta {
  regions: string[];
  services: string[];
  version: string;
}

export interface Dashboard {
  accounts_monitored: number;
  services_in_use: number;
  security_issues: number;
  best_practice_improvements: number;
  by_severity: Partial<Record<Severity, number>>;
  top_failing_checks: { check_id: string; title: string; severity: Severity; count: number }[];
  cis_sections: { section: string; title: string; pass: number; fail: number; manual: number; not_assessed: number }[];
  open_over_time: { date: string; open: number }[];
  last_scan: Scan | null;
  coverage_gaps: Gap[];
  // The open cost hygiene findings' estimates summed (docs/api.md "Dashboard").
  improvements_monthly_cost?: { monthly_usd: number; findings: number; unpriced_findings: number };
}

export interface SpendAccount {
  provider_id: string;
  label: string;
  status: "not_assessed" | "not_collected";
  missing_action?: string;
  reason?: string;
}

// GET /dashboard/spend: month-to-date spend from Cost Explorer (docs/api.md "Month-to-date spend").
export interface Spend {
  // assessed: every account; partial: some (accounts_not_assessed say which and why);
  // not_assessed: Cost Explorer refused (missing_action, how_to_grant); not_collected: no full scan read it.
  status: "assessed" | "partial" | "not_assessed" | "not_collected";
  accounts_assessed: number;
  accounts_not_assessed: SpendAccount[];
  missing_action?: string | null;
  reason?: string;
  how_to_grant?: { policy: unknown; steps: string[] };
  start?: string; // YYYY-MM-DD, first day of the month
  end?: string; // YYYY-MM-DD, exclusive (tomorrow: today's charges so far are in)
  currency?: string | null;
  total?: number;
  estimated?: boolean;
  collected_at?: string;
  services?: { service: string; amount: number }[];
  other?: { services: number; amount: number };
}

export interface Mute {
  reason: string;
  until: string | null;
  by: string;
  at: string;
}

export interface Finding {
  id: string;
  check_id: string;
  title: string;
  severity: Severity;
  service: string;
  region: string;
  account: string;
  resource_type: string;
  resource_arn: string;
  resource_name: string;
  result: Result;
  status: FindingStatus;
  detail: string;
  first_seen: string;
  last_seen: string;
  mute: Mute | null;
  // Cost hygiene checks: the failing resource's estimated cost per month in USD (what fixing it saves).
  monthly_cost_usd?: number | null;
}

export interface FindingDetail extends Finding {
  description?: string;
  risk?: string;
  remediation?: { text?: string; cli?: string; terraform?: string };
  references?: string[];
  cis?: string[];
  fsbp?: string[];
  resource?: { id: string; raw: unknown } | null;
  history?: { at: string; status: string; result: string; detail: string; scan_id: string }[];
}

export interface InventoryRow {
  service: string;
  type: string;
  region: string;
  count: number;
}

export interface ResourceItem {
  id: string;
  arn: string;
  type: string;
  service: string;
  region: string;
  account: string;
  name: string;
  tags: Record<string, string> | { Key: string; Value: string }[] | null;
}

export interface ResourceDetail extends ResourceItem {
  raw: unknown;
  props?: unknown;
  missing?: unknown;
  findings: Finding[];
}

export interface ComplianceControl {
  id: string;
  title: string;
  section: string;
  status: "pass" | "fail" | "manual" | "not_assessed";
  checks: string[];
  reasons: string[];
}

export interface Compliance {
  framework: string;
  sections: { section?: string; id?: string; title: string }[] | string[];
  controls: ComplianceControl[];
}

// ---- IAM analyzer (docs/api.md "IAM analyzer") ----------------------------------------

export type IamNodeType =
  | "user"
  | "role"
  | "root"
  | "saml_provider"
  | "oidc_provider"
  | "external_account"
  | "anyone";

export interface IamPrincipalRef {
  type: IamNodeType;
  name: string;
  arn: string;
  account: string;
  permission_set: string | null;
}

export interface IamScanRef {
  id: string;
  status: string;
  finished_at: string | null;
}

export interface IamPrincipalRow {
  id: string;
  type: "user" | "role" | "root";
  name: string;
  arn: string;
  permission_set: string | null;
  admin: boolean;
  admin_conditional: boolean;
  grants_itself: boolean;
  can_escalate: boolean;
  shortest_path: { summary: string; steps: number; conditional: boolean; end: IamPrincipalRef } | null;
  trusted_from_outside: boolean;
  outside: { principal: IamPrincipalRef; how: string; conditional: boolean }[];
  last_used: string | null;
  groups: string[];
  incomplete: boolean;
}

export interface IamIdentityProvider {
  type: "saml_provider" | "oidc_provider";
  name: string;
  arn: string;
  roles: {
    id: string;
    principal: IamPrincipalRef;
    how: string;
    conditional: boolean;
    conditions: string[];
    statements: string[];
  }[];
}

export interface IamPrincipals {
  provider_id: string;
  account: string;
  scan: IamScanRef;
  principals: IamPrincipalRow[];
  identity_providers: IamIdentityProvider[];
  notes: string[];
  warnings: string[];
}

export interface IamStatementRef {
  policy: string;
  kind: string;
  statement: number | null;
  sid: string;
  text: string;
}

export interface IamGrant {
  action: string;
  resource: string;
  decision: string;
  statements: IamStatementRef[];
  conditions: string[];
  controlled: string[];
}

export interface IamEdge {
  from: IamPrincipalRef;
  to: IamPrincipalRef;
  kind: "assume_role" | "assume_role_with_saml" | "assume_role_with_web_identity" | "escalation";
  rule: { id: string; name: string; reference: string } | null;
  empowers: boolean;
  conditional: boolean;
  detail: string;
  grants: IamGrant[];
  assumptions: string[];
}

export interface IamPath {
  summary: string;
  conditional: boolean;
  end: IamPrincipalRef;
  steps: IamEdge[];
}

export interface IamStatement {
  index: number;
  sid: string;
  effect: "Allow" | "Deny";
  action?: string[];
  not_action?: string[];
  resource?: string[];
  not_resource?: string[];
  principal?: string[];
  not_principal?: string[];
  conditions: string[];
  risky: boolean;
  escalation_actions: string[];
}

export interface IamServicePermissions {
  service: string;
  name: string;
  actions: number;
  allowed: number;
  limited: number;
  conditional: number;
  denied: number;
  access_levels: Record<string, number>;
}

export interface IamPrincipalDetail {
  id: string;
  provider_id: string;
  account: string;
  scan: IamScanRef;
  principal: IamPrincipalRef;
  admin: { level: "no" | "full_access" | "grants_itself"; conditional: boolean; self_grant_rule: string | null };
  escalation_paths: IamPath[];
  can_become_it: IamEdge[];
  can_make_it_admin: IamEdge[];
  trust_policy: IamStatement[] | null;
  policies: { name: string; origin: string; statements: IamStatement[] }[];
  groups: string[];
  instance_profiles: string[];
  notes: string[];
  analysis_notes: string[];
  warnings: string[];
  effective_permissions: { resource: string; catalogue: string; services: IamServicePermissions[] };
}

export interface IamWhoCanEntry {
  principal: IamPrincipalRef;
  decision: "allowed" | "conditional" | "explicit_deny" | "implicit_deny";
  reason: string;
  statements: IamStatementRef[];
  conditions: string[];
}

export interface IamWhoCan {
  account: string;
  action: string;
  resource: string;
  resource_policy: string | null;
  allowed: IamWhoCanEntry[];
  conditional: IamWhoCanEntry[];
  denied: IamWhoCanEntry[];
  notes: string[];
  warnings: string[];
}

// ---- many accounts (docs/api.md "Accounts") ----------------------------------------
export interface AccountChoice {
  provider_id: string;
  label: string;
  account_id: string | null;
  account_name: string | null;
  ou: string | null;
}

export interface AccountScopes {
  accounts: AccountChoice[];
  ous: { path: string; accounts: number }[];
}

export interface AccountCompliance {
  percent: number | null;
  pass: number;
  fail: number;
  not_assessed: number;
  manual: number;
}

export interface AccountRow extends AccountChoice {
  source: "keys" | "sso" | "organization";
  assessed: boolean;
  security_issues: number;
  improvements: number;
  by_severity: Partial<Record<Severity, number>>;
  compliance: AccountCompliance;
  last_scan: {
    id: string;
    status: Scan["status"];
    reason: string | null;
    created_at: string;
    started_at: string | null;
    finished_at: string | null;
    partial: boolean;
    interrupted: boolean;
  } | null;
  last_complete_scan_at: string | null;
  credential: {
    state: "valid" | "expiring" | "expired" | "unknown" | "ended";
    expires_at: string | null;
    seconds_left: number | null;
    sso_session: { start_url: string; ends_at: string | null; ended_at: string | null } | null;
  };
}

export interface AccountsOverview {
  accounts_monitored: number;
  providers: number;
  scope: { provider_id: string | null; ou: string | null };
  ous: { path: string; accounts: number }[];
  accounts: AccountRow[];
  cis: {
    framework: string;
    compliance: AccountCompliance;
    sections: Dashboard["cis_sections"];
    controls: {
      id: string;
      title: string;
      section: string;
      status: "pass" | "fail" | "manual" | "not_assessed";
      accounts_failing: number;
      failing_provider_ids: string[];
    }[];
  };
}
