import { describe, expect, it } from "vitest";
import { addable, matchesAccount, orgSummary, roleNameProblem, roleState, sortAccounts, type OrgAccount, type Organization } from "./org";

const acct = (id: string, name: string, ou: string, member: Partial<OrgAccount["member"]> | null, status = "ACTIVE"): OrgAccount => ({
  account_id: id,
  name,
  email: `aws+${name}@example.com`,
  status,
  ou_path: ou,
  management: false,
  in_organization: status !== "LEFT",
  member: member
    ? { provider_id: "1", membership: "active", role_status: "ok", role_message: "", role_advice: "", last_probe_at: null, ...member }
    : null,
});

describe("organization role name", () => {
  it("accepts IAM role names and says what is wrong otherwise", () => {
    expect(roleNameProblem("CloudPeekAudit")).toBe("");
    expect(roleNameProblem("audit+ro=1,x.y@z_w-v")).toBe("");
    expect(roleNameProblem("")).toMatch(/CloudPeekAudit/);
    expect(roleNameProblem("has space")).toMatch(/letters, digits/);
    expect(roleNameProblem("r".repeat(65))).toMatch(/64/);
  });
});

describe("organization members", () => {
  const ok = acct("222200000002", "log-archive", "Root/Security", { role_status: "ok" });
  const missing = acct("222200000016", "sandbox-bob", "Root/Sandbox", { role_status: "missing", role_message: "AccessDenied" });
  const base = acct("111111111111", "management", "Root", { role_status: "base" });
  const left = acct("222200000099", "gone", "Root/Sandbox", { membership: "left" }, "LEFT");
  const suspended = acct("222200000019", "legacy-closed", "Root/Suspended", null, "SUSPENDED");
  const unmonitored = acct("222200000003", "network", "Root/Infrastructure", null);

  it("marks a working role ✓ and a missing one ✗ as a gap, never as fine", () => {
    expect(roleState(ok)).toEqual({ mark: "✓", text: "role works", gap: false });
    expect(roleState(base).mark).toBe("✓");
    expect(roleState(missing)).toMatchObject({ mark: "✗", gap: true });
    expect(roleState(acct("1", "e", "Root", { role_status: "error" }))).toMatchObject({ mark: "✗", gap: true });
    expect(roleState(acct("1", "u", "Root", { role_status: "unknown" }))).toMatchObject({ mark: "–", gap: true });
    expect(roleState(left)).toMatchObject({ mark: "✗", text: expect.stringMatching(/left the organization/), gap: true });
    expect(roleState(suspended)).toMatchObject({ text: "suspended: not scanned", gap: false });
    expect(roleState(unmonitored).text).toBe("not monitored");
  });

  it("lists gaps first, then by OU path and name", () => {
    const order = sortAccounts([ok, unmonitored, base, missing, left]).map((a) => a.name);
    expect(order).toEqual(["gone", "sandbox-bob", "management", "network", "log-archive"]);
  });

  it("searches id, name, OU path and email", () => {
    expect(matchesAccount(missing, "sandbox")).toBe(true);
    expect(matchesAccount(missing, "ROOT/SAND")).toBe(true);
    expect(matchesAccount(missing, "0016")).toBe(true);
    expect(matchesAccount(missing, "aws+sandbox-bob")).toBe(true);
    expect(matchesAccount(missing, "prod")).toBe(false);
    expect(matchesAccount(missing, "  ")).toBe(true);
  });

  it("offers only ACTIVE accounts in the organization that are not monitored yet", () => {
    expect(addable([ok, missing, base, left, suspended, unmonitored]).map((a) => a.account_id)).toEqual(["222200000003"]);
  });

  it("summarises counts, naming gaps and leavers only when there are some", () => {
    const o = { counts: { accounts: 21, monitored: 20, role_ok: 18, role_gaps: 2, left: 0 } } as Organization;
    expect(orgSummary(o)).toBe("21 accounts · 20 monitored · 18 reachable · 2 without a working role");
    o.counts = { accounts: 1, monitored: 1, role_ok: 1, role_gaps: 0, left: 1 };
    expect(orgSummary(o)).toBe("1 account · 1 monitored · 1 reachable · 1 left the organization");
  });
});
