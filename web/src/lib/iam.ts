// Pure helpers of the /iam page: principal labels and page links, the table's
// filters, a "Who can…" action check before asking the server, and the layout
// of an escalation path drawn as a graph.
import type { IamEdge, IamPath, IamPrincipalRef, IamPrincipalRow, IamServicePermissions } from "../types";

const TYPE_WORDS: Record<string, string> = {
  user: "user",
  role: "role",
  root: "root user",
  saml_provider: "SAML provider",
  oidc_provider: "OIDC provider",
  external_account: "account",
  anyone: "anyone",
};

// "user dave", "role AWSReservedSSO_Admin_0123 (permission set Admin)", "account 999988887777", "anyone (*)".
export function principalLabel(p: IamPrincipalRef): string {
  if (p.type === "root") return `root user of ${p.account || p.name}`;
  if (p.type === "anyone") return "anyone (*)";
  const base = `${TYPE_WORDS[p.type] ?? p.type} ${p.name}`;
  return p.permission_set ? `${base} (permission set ${p.permission_set})` : base;
}

// The id of the principal's page ("user:dave", "role:Admin", "root"), or null for
// those that have none (identity providers, other accounts, anyone), or that belong
// to another account than `account`.
export function principalId(p: IamPrincipalRef, account?: string): string | null {
  if (account && p.account && p.account !== account) return null;
  if (p.type === "user" || p.type === "role") return `${p.type}:${p.name}`;
  if (p.type === "root") return "root";
  return null;
}

export function principalHref(id: string, providerId: string): string {
  const q = providerId ? `?provider_id=${encodeURIComponent(providerId)}` : "";
  return `/iam/principals/${encodeURIComponent(id)}${q}`;
}

export interface PrincipalFilters {
  type: string; // "", "user", "role", "root"
  admin: string; // "", "yes", "no"
  escalate: string; // "", "yes", "no"
  outside: string; // "", "yes", "no"
  q: string;
}

const yesNo = (want: string, v: boolean) => want === "" || (want === "yes") === v;

// The rows the filters keep, in the table's order: administrators, then those that
// can escalate, then those trusted from outside, then by name.
export function filterPrincipals(rows: IamPrincipalRow[], f: PrincipalFilters): IamPrincipalRow[] {
  const q = f.q.trim().toLowerCase();
  const kept = rows.filter(
    (r) =>
      (f.type === "" || r.type === f.type) &&
      yesNo(f.admin, r.admin) &&
      yesNo(f.escalate, r.can_escalate) &&
      yesNo(f.outside, r.trusted_from_outside) &&
      (q === "" ||
        r.name.toLowerCase().includes(q) ||
        r.arn.toLowerCase().includes(q) ||
        (r.permission_set ?? "").toLowerCase().includes(q)),
  );
  const rank = (r: IamPrincipalRow) => (r.admin ? 0 : r.can_escalate ? 1 : r.trusted_from_outside ? 2 : 3);
  return kept.sort((a, b) => rank(a) - rank(b) || a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
}

// What is wrong with an action typed in the "Who can…" box, before asking the
// server (which checks it against the catalogue and suggests close names).
export function actionProblem(action: string): string | null {
  const a = action.trim();
  if (!a) return "Type an action, e.g. iam:PassRole or s3:GetObject.";
  if (/\s/.test(a)) return "One action, without spaces: service:Action (e.g. iam:PassRole).";
  if (/[*?]/.test(a)) return "One action, not a pattern (e.g. iam:PassRole, not iam:*).";
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/.test(a)) return "Write it as service:Action (e.g. iam:PassRole, s3:GetObject).";
  return null;
}

export function resourceProblem(resource: string): string | null {
  const r = resource.trim();
  if (r === "" || r === "*" || r.startsWith("arn:")) return null;
  return "A resource ARN (arn:aws:…) or nothing for every resource.";
}

// How one step gets there, in a few words: the rule's name, or the kind of assume.
export function stepHow(e: IamEdge): string {
  if (e.rule) return e.rule.name;
  switch (e.kind) {
    case "assume_role":
      return "sts:AssumeRole";
    case "assume_role_with_saml":
      return "sts:AssumeRoleWithSAML";
    case "assume_role_with_web_identity":
      return "sts:AssumeRoleWithWebIdentity";
    default:
      return e.kind;
  }
}

export interface GraphBox {
  label: string;
  full: string; // the whole label (a box shows at most MAX_LABEL characters)
  y: number;
  admin: boolean;
}
export interface GraphArrow {
  label: string;
  full: string;
  y1: number;
  y2: number;
  conditional: boolean;
}
export interface PathGraph {
  width: number;
  height: number;
  boxes: GraphBox[];
  arrows: GraphArrow[];
}

export const BOX_H = 34;
export const GAP = 46;
export const MAX_LABEL = 42;

export function shorten(s: string, max = MAX_LABEL): string {
  return s.length <= max ? s : s.slice(0, max - 1) + "…";
}

// A path drawn top to bottom (it fits a phone as well as a desktop): one box per
// principal it passes through, one arrow per step labelled with the technique,
// ending in "administrator" — a step that makes its target an administrator
// (or the principal itself) leads to that box.
export function pathGraph(path: IamPath, width = 340): PathGraph {
  const boxes: GraphBox[] = [];
  const arrows: GraphArrow[] = [];
  const push = (full: string, admin = false) => {
    boxes.push({ label: shorten(full), full, y: boxes.length * (BOX_H + GAP), admin });
  };
  const arrow = (full: string, conditional: boolean) => {
    const from = boxes[boxes.length - 1];
    arrows.push({
      label: shorten(full, 40),
      full,
      y1: from.y + BOX_H,
      y2: from.y + BOX_H + GAP,
      conditional,
    });
  };
  if (path.steps.length === 0) {
    push(principalLabel(path.end));
    arrow("allowed everything", path.conditional);
    push("administrator", true);
  }
  path.steps.forEach((s, i) => {
    if (i === 0) push(principalLabel(s.from));
    if (s.empowers) {
      const who = s.to.arn === s.from.arn ? "itself" : principalLabel(s.to);
      arrow(`${stepHow(s)}: makes ${who} admin`, s.conditional);
      if (s.to.arn !== s.from.arn) push(principalLabel(s.to), true);
      else push("administrator", true);
    } else {
      arrow(stepHow(s), s.conditional);
      push(principalLabel(s.to));
    }
  });
  // Ends at a principal allowed everything: mark it.
  const last = boxes[boxes.length - 1];
  if (path.steps.length > 0 && !last.admin) last.admin = path.end.arn === path.steps[path.steps.length - 1].to.arn;
  const height = boxes.length ? boxes[boxes.length - 1].y + BOX_H + 2 : 0;
  return { width, height, boxes, arrows };
}

// "12 allowed, 3 on named resources, 1 conditional" for a service's row.
export function permissionSummary(s: IamServicePermissions): string {
  const parts: string[] = [];
  if (s.allowed) parts.push(`${s.allowed} allowed`);
  if (s.limited) parts.push(`${s.limited} on named resources`);
  if (s.conditional) parts.push(`${s.conditional} conditional`);
  if (s.denied) parts.push(`${s.denied} denied`);
  return parts.join(", ") || "none";
}

// Access levels in AWS's order, with counts: "Permissions management 12 · Write 40".
export function accessLevels(levels: Record<string, number>): string {
  const order = ["List", "Read", "Write", "Permissions management", "Tagging"];
  return order
    .filter((l) => levels[l])
    .map((l) => `${l} ${levels[l]}`)
    .join(" · ");
}

// A user's ways in, from the IAM credential report (null: not known; the
// field is null for roles and the root user).
export interface EntryPoints {
  console_password: boolean | null;
  mfa: boolean | null;
  active_access_keys: number | null;
}

export function entryPointsText(e: EntryPoints | null | undefined): string | null {
  if (!e) return null;
  if (e.console_password === null && e.mfa === null && e.active_access_keys === null) return "ways in not known";
  const yn = (b: boolean | null) => (b === null ? "?" : b ? "yes" : "no");
  const keys = e.active_access_keys === null ? "?" : String(e.active_access_keys);
  return `console password ${yn(e.console_password)} · MFA ${yn(e.mfa)} · active keys ${keys}`;
}
