import { describe, expect, it } from "vitest";
import { chosen, countdown, initialPicks, matchesSearch, regionOfStartUrl, regionProblem, startUrlProblem, type SsoAccount } from "./sso";

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
