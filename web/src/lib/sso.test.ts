import { describe, expect, it } from "vitest";
import {
  chosen,
  countdown,
  gapText,
  initialPicks,
  matchesSearch,
  regionOfStartUrl,
  regionProblem,
  roleHintText,
  startUrlProblem,
  type SsoAccount,
} from "./sso";

const acct = (id: string, name: string, roles: string[], preselected: string | null, connected: string[] = []): SsoAccount => ({
  account_id: id,
  name,
  email: `${name}@example.com`,
  roles,
  preselected_role: preselected,
  connected: connected.map((r) => ({ role_name: r, provider_id: "9" })),
});

describe("sso start URL and region", () => {
  it("accepts the portal forms the server accepts", () => {
    for (const u of [
      "https://my-company.awsapps.com/start",
      "https://d-1234567890.awsapps.com/start/",
      "https://d-1234567890.awsapps.com/start/#/",
      "https://ssoins-1234567890abcdef.portal.us-east-1.app.aws",
      "https://d-906789.portal.eu-central-1.app.aws/#/",
    ])
      expect(startUrlProblem(u)).toBe("");
  });
  it("names what is wrong", () => {
    expect(startUrlProblem("")).toMatch(/Give your AWS access portal URL/);
    expect(startUrlProblem("http://x.awsapps.com/start")).toMatch(/not http/);
    expect(startUrlProblem("x.awsapps.com/start")).toMatch(/begin with https/);
    expect(startUrlProblem("https://x.awsapps.com/")).toMatch(/ends in \/start/);
    expect(startUrlProblem("https://evil.example.com/start")).toMatch(/not an AWS access portal/);
    expect(regionProblem("eu-west-1")).toBe("");
    expect(regionProblem("Ireland")).toMatch(/not an AWS region code/);
    expect(regionOfStartUrl("https://ssoins-1.portal.eu-west-2.app.aws")).toBe("eu-west-2");
    expect(regionOfStartUrl("https://x.awsapps.com/start")).toBe("");
  });
});

describe("sso countdown, search and picks", () => {
  it("counts down to the code's end, never below zero", () => {
    const end = "2026-12-05T06:10:00Z";
    expect(countdown(end, Date.parse("2026-12-05T06:00:02Z"))).toBe("9:58");
    expect(countdown(end, Date.parse("2026-12-05T07:00:00Z"))).toBe("0:00");
  });
  it("searches id, name and email", () => {
    const a = acct("111122223333", "audit-target", ["SecurityAuditor"], "SecurityAuditor");
    expect(matchesSearch(a, "AUDIT")).toBe(true);
    expect(matchesSearch(a, "1111")).toBe(true);
    expect(matchesSearch(a, "prod")).toBe(false);
    expect(matchesSearch(a, " ")).toBe(true);
  });
  it("preselects the audit set, the only set, and leaves connected ones unticked", () => {
    const picks = initialPicks([
      acct("111122223333", "a", ["AdministratorAccess", "SecurityAuditor"], "SecurityAuditor"),
      acct("222233334444", "b", ["Billing"], null),
      acct("333344445555", "c", ["AdministratorAccess", "PowerUser"], null),
      acct("444455556666", "d", ["ReadOnlyAccess"], "ReadOnlyAccess", ["ReadOnlyAccess"]),
    ]);
    expect(picks["111122223333"]).toEqual({ selected: true, role: "SecurityAuditor" });
    expect(picks["222233334444"]).toEqual({ selected: true, role: "Billing" });
    expect(picks["333344445555"]).toEqual({ selected: false, role: "" });
    expect(picks["444455556666"].selected).toBe(false);
    expect(chosen(picks)).toEqual([
      { account_id: "111122223333", role_name: "SecurityAuditor" },
      { account_id: "222233334444", role_name: "Billing" },
    ]);
  });
});

describe("what a permission set lacks", () => {
  const hint = (missing: string[], from: string, checks = 4) => ({
    missing_actions: missing,
    checks_affected: checks,
    from_account: from,
    probed_at: "2026-12-05T08:00:00Z",
  });
  it("says nothing before a probe", () => {
    expect(roleHintText(undefined, "111122223333")).toBe("");
  });
  it("names the actions, the checks and where it was probed", () => {
    expect(roleHintText(hint(["kms:ListKeys", "guardduty:ListDetectors"], "444455556666"), "444455556666")).toBe(
      "Lacked 2 actions CloudPeek needs in this account (kms:ListKeys, guardduty:ListDetectors): 4 checks would not be assessed.",
    );
    expect(roleHintText(hint(["sns:ListTopics"], "111122223333", 1), "444455556666")).toBe(
      "Lacked 1 action CloudPeek needs in account 111122223333 (sns:ListTopics): 1 check would not be assessed.",
    );
    expect(roleHintText(hint(["a:A", "b:B", "c:C", "d:D", "e:E"], "1"), "2")).toMatch(/\(a:A, b:B, c:C, and 2 more\)/);
    expect(roleHintText(hint([], "1", 0), "1")).toBe("Has every action CloudPeek probes (checked in this account).");
  });
  it("lists a connected set's gaps", () => {
    expect(
      gapText({
        provider_id: "2",
        account_id: "444455556666",
        account_name: "production",
        role_name: "ReadOnlyAccess",
        missing_actions: ["kms:ListKeys"],
        checks_affected: 3,
      }),
    ).toBe("production (ReadOnlyAccess) lacks kms:ListKeys: 3 checks cannot be assessed until the permission set allows it.");
  });
});
