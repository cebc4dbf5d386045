import { describe, expect, it } from "vitest";
import type { IamEdge, IamPath, IamPrincipalRef, IamPrincipalRow } from "../types";
import {
  accessLevels,
  actionProblem,
  entryPointsText,
  filterPrincipals,
  pathGraph,
  permissionSummary,
  principalHref,
  principalId,
  principalLabel,
  resourceProblem,
  shorten,
} from "./iam";

const ref = (type: IamPrincipalRef["type"], name: string, account = "111122223333"): IamPrincipalRef => ({
  type,
  name,
  arn: type === "root" ? `arn:aws:iam::${account}:root` : `arn:aws:iam::${account}:${type}/${name}`,
  account,
  permission_set: null,
});

const row = (type: IamPrincipalRow["type"], name: string, patch: Partial<IamPrincipalRow> = {}): IamPrincipalRow => ({
  id: type === "root" ? "root" : `${type}:${name}`,
  type,
  name,
  arn: ref(type, name).arn,
  permission_set: null,
  admin: false,
  admin_conditional: false,
  grants_itself: false,
  can_escalate: false,
  shortest_path: null,
  trusted_from_outside: false,
  outside: [],
  last_used: null,
  groups: [],
  incomplete: false,
  ...patch,
});

const edge = (from: IamPrincipalRef, to: IamPrincipalRef, patch: Partial<IamEdge> = {}): IamEdge => ({
  from,
  to,
  kind: "escalation",
  rule: null,
  empowers: false,
  conditional: false,
  detail: "",
  grants: [],
  assumptions: [],
  ...patch,
});

describe("principal labels and page ids", () => {
  it("names each kind as the CLI does", () => {
    expect(principalLabel(ref("user", "dave"))).toBe("user dave");
    expect(principalLabel(ref("root", "111122223333"))).toBe("root user of 111122223333");
    expect(principalLabel({ ...ref("role", "AWSReservedSSO_Admin_0a1b"), permission_set: "Admin" })).toBe(
      "role AWSReservedSSO_Admin_0a1b (permission set Admin)",
    );
    expect(principalLabel({ ...ref("external_account", "999988887777"), arn: "arn:aws:iam::999988887777:root" })).toBe(
      "account 999988887777",
    );
    expect(principalLabel({ ...ref("anyone", "*"), arn: "*" })).toBe("anyone (*)");
  });

  it("only the account's users, roles and root have a page", () => {
    expect(principalId(ref("user", "dave"))).toBe("user:dave");
    expect(principalId(ref("role", "Admin"))).toBe("role:Admin");
    expect(principalId(ref("root", "111122223333"))).toBe("root");
    expect(principalId(ref("oidc_provider", "token.actions.githubusercontent.com"))).toBeNull();
    expect(principalId(ref("external_account", "999988887777"))).toBeNull();
    expect(principalId(ref("role", "Other", "999988887777"), "111122223333")).toBeNull();
  });

  it("links keep the provider and encode the id", () => {
    expect(principalHref("user:dave", "7")).toBe("/iam/principals/user%3Adave?provider_id=7");
    expect(principalHref("role:a+b@c", "")).toBe("/iam/principals/role%3Aa%2Bb%40c");
  });
});

describe("the principals table's filters", () => {
  const rows = [
    row("user", "carol"),
    row("user", "dave", { can_escalate: true }),
    row("role", "vendor-role", { admin: true, trusted_from_outside: true }),
    row("user", "bob", { admin: true }),
    row("role", "public-role", { trusted_from_outside: true }),
    row("root", "111122223333"),
    row("role", "AWSReservedSSO_ReadOnly_0a1b", { permission_set: "ReadOnly" }),
  ];
  const none = { type: "", admin: "", escalate: "", outside: "", q: "" };

  it("keeps every row without filters, administrators first, then escalations, then outside trust", () => {
    const names = filterPrincipals(rows, none).map((r) => r.name);
    expect(names.slice(0, 4)).toEqual(["vendor-role", "bob", "dave", "public-role"]);
    expect(names).toHaveLength(rows.length);
  });

  it("filters by type, admin, escalation, outside trust and text", () => {
    expect(filterPrincipals(rows, { ...none, type: "role" }).every((r) => r.type === "role")).toBe(true);
    expect(filterPrincipals(rows, { ...none, admin: "yes" }).map((r) => r.name).sort()).toEqual(["bob", "vendor-role"]);
    expect(filterPrincipals(rows, { ...none, admin: "no" }).some((r) => r.admin)).toBe(false);
    expect(filterPrincipals(rows, { ...none, escalate: "yes" }).map((r) => r.name)).toEqual(["dave"]);
    expect(filterPrincipals(rows, { ...none, outside: "yes", admin: "no" }).map((r) => r.name)).toEqual(["public-role"]);
    expect(filterPrincipals(rows, { ...none, q: "  VENDOR " }).map((r) => r.name)).toEqual(["vendor-role"]);
    expect(filterPrincipals(rows, { ...none, q: "readonly" }).map((r) => r.name)).toEqual(["AWSReservedSSO_ReadOnly_0a1b"]);
    expect(filterPrincipals(rows, { ...none, q: "role/public" }).map((r) => r.name)).toEqual(["public-role"]);
    expect(filterPrincipals(rows, { ...none, type: "user", admin: "yes", q: "dave" })).toEqual([]);
  });
});

describe("the Who can… box", () => {
  it("asks the server only for one service:Action", () => {
    expect(actionProblem("iam:PassRole")).toBeNull();
    expect(actionProblem(" s3:GetObject ")).toBeNull();
    expect(actionProblem("")).toMatch(/Type an action/);
    expect(actionProblem("iam:*")).toMatch(/not a pattern/);
    expect(actionProblem("PassRole")).toMatch(/service:Action/);
    expect(actionProblem("iam:Pass Role")).toMatch(/without spaces/);
  });
  it("takes an ARN or nothing as the resource", () => {
    expect(resourceProblem("")).toBeNull();
    expect(resourceProblem("*")).toBeNull();
    expect(resourceProblem("arn:aws:s3:::bucket/key")).toBeNull();
    expect(resourceProblem("my-bucket")).toMatch(/ARN/);
  });
});

describe("an escalation path drawn as a graph", () => {
  const dave = ref("user", "dave");
  const dev = ref("role", "dev");
  const admin = ref("role", "lambda-admin");

  it("a principal that gives itself everything: itself, then administrator", () => {
    const p: IamPath = {
      summary: "",
      conditional: false,
      end: dave,
      steps: [edge(dave, dave, { empowers: true, rule: { id: "iam-attach-user-policy", name: "iam:AttachUserPolicy", reference: "" } })],
    };
    const g = pathGraph(p);
    expect(g.boxes.map((b) => b.full)).toEqual(["user dave", "administrator"]);
    expect(g.boxes.map((b) => b.admin)).toEqual([false, true]);
    expect(g.arrows).toHaveLength(1);
    expect(g.arrows[0].full).toBe("iam:AttachUserPolicy: makes itself admin");
    // Each arrow joins the box above to the one below.
    expect(g.arrows[0].y1).toBe(g.boxes[0].y + 34);
    expect(g.arrows[0].y2).toBe(g.boxes[1].y);
    expect(g.height).toBeGreaterThan(g.boxes[1].y);
  });

  it("assume a role, then pass an administrator role: each step one arrow, the end marked", () => {
    const p: IamPath = {
      summary: "",
      conditional: true,
      end: admin,
      steps: [
        edge(dave, dev, { kind: "assume_role" }),
        edge(dev, admin, { conditional: true, rule: { id: "passrole-lambda", name: "iam:PassRole + lambda:CreateFunction", reference: "" } }),
      ],
    };
    const g = pathGraph(p);
    expect(g.boxes.map((b) => b.full)).toEqual(["user dave", "role dev", "role lambda-admin"]);
    expect(g.boxes[2].admin).toBe(true);
    expect(g.arrows.map((a) => a.full)).toEqual(["sts:AssumeRole", "iam:PassRole + lambda:CreateFunction"]);
    expect(g.arrows.map((a) => a.conditional)).toEqual([false, true]);
  });

  it("an administrator already: one arrow to administrator", () => {
    const g = pathGraph({ summary: "", conditional: false, end: dave, steps: [] });
    expect(g.boxes.map((b) => b.full)).toEqual(["user dave", "administrator"]);
  });

  it("shortens long labels but keeps the whole text", () => {
    const long = "role " + "x".repeat(80);
    expect(shorten(long)).toHaveLength(42);
    expect(shorten(long).endsWith("…")).toBe(true);
    const g = pathGraph({ summary: "", conditional: false, end: ref("role", "x".repeat(80)), steps: [] });
    expect(g.boxes[0].full).toBe(long);
    expect(g.boxes[0].label.length).toBeLessThanOrEqual(42);
  });
});

describe("effective permissions in words", () => {
  it("counts and access levels in AWS's order", () => {
    const s = { service: "iam", name: "AWS IAM", actions: 200, allowed: 3, limited: 2, conditional: 1, denied: 4, access_levels: { Write: 2, "Permissions management": 3, List: 1 } };
    expect(permissionSummary(s)).toBe("3 allowed, 2 on named resources, 1 conditional, 4 denied");
    expect(permissionSummary({ ...s, allowed: 0, limited: 0, conditional: 0, denied: 0 })).toBe("none");
    expect(accessLevels(s.access_levels)).toBe("List 1 · Write 2 · Permissions management 3");
  });
});

describe("entryPointsText", () => {
  it("says a user's ways in, and when they are not known", () => {
    expect(entryPointsText({ console_password: true, mfa: false, active_access_keys: 2 })).toBe(
      "console password yes · MFA no · active keys 2",
    );
    expect(entryPointsText({ console_password: null, mfa: null, active_access_keys: null })).toBe("ways in not known");
    expect(entryPointsText(null)).toBeNull();
  });
});
