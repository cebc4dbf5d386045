import { describe, expect, it } from "vitest";
import type { AccountRow, AccountScopes } from "../types";
import {
  accountLabel,
  complianceTone,
  credentialText,
  failingText,
  lastScanText,
  pickerChoices,
  pickerValue,
  scopeFromPickerValue,
  scopeFromQuery,
  scopeParams,
  withLiveStatus,
} from "./accounts";

const scopes: AccountScopes = {
  accounts: [
    { provider_id: "3", label: "prod", account_id: "111122223333", account_name: "production", ou: "Root/Workloads/Prod" },
    { provider_id: "1", label: "audit", account_id: "444455556666", account_name: "audit", ou: null },
    { provider_id: "2", label: "dev", account_id: null, account_name: null, ou: "Root/Workloads/Dev" },
  ],
  ous: [
    { path: "Root/Workloads/Dev", accounts: 1 },
    { path: "Root/Workloads/Prod", accounts: 1 },
  ],
};

describe("account scope in the URL and the picker", () => {
  it("reads provider_id and ou, and writes back only what is set", () => {
    const s = scopeFromQuery(new URLSearchParams("provider_id=7&page=2"));
    expect(s).toEqual({ provider_id: "7", ou: "" });
    expect(scopeParams(s)).toEqual({ provider_id: "7" });
    expect(scopeParams({ provider_id: "", ou: "" })).toEqual({});
    expect(scopeParams(scopeFromQuery(new URLSearchParams("ou=Root%2FWorkloads")))).toEqual({ ou: "Root/Workloads" });
  });

  it("round-trips through the picker's value, an OU path with a colon or slash included", () => {
    for (const s of [
      { provider_id: "", ou: "" },
      { provider_id: "12", ou: "" },
      { provider_id: "", ou: "Root/Work:loads" },
    ])
      expect(scopeFromPickerValue(pickerValue(s))).toEqual(s);
  });

  it("groups accounts by OU (accounts without one last), OUs offered only where the page can filter by them", () => {
    const c = pickerChoices(scopes, true);
    expect(c.ous.map((o) => o.value)).toEqual(["ou:Root/Workloads/Dev", "ou:Root/Workloads/Prod"]);
    expect(c.ous[0].label).toBe("OU Root/Workloads/Dev (1 account)");
    expect(c.groups.map((g) => g.label)).toEqual(["Root/Workloads/Dev", "Root/Workloads/Prod", "Accounts"]);
    expect(c.groups[1].options).toEqual([{ value: "p:3", label: "prod · 111122223333 (production)" }]);
    expect(pickerChoices(scopes, false).ous).toEqual([]);
    expect(pickerChoices(null, true)).toEqual({ ous: [], groups: [] });
  });

  it("labels an account by its name, id and AWS name, without repeating it", () => {
    expect(accountLabel({ label: "audit", account_id: "444455556666", account_name: "audit" })).toBe("audit · 444455556666");
    expect(accountLabel({ label: "dev", account_id: null, account_name: null })).toBe("dev");
  });
});

describe("how an account's state reads", () => {
  const scan = (status: NonNullable<AccountRow["last_scan"]>["status"], reason: string | null = null) => ({
    id: "1",
    status,
    reason,
    created_at: "2026-12-01T00:00:00Z",
    started_at: null,
    finished_at: null,
    partial: status === "partial",
    interrupted: status === "interrupted",
  });
  it("never shows a partial, interrupted or missing scan as complete", () => {
    expect(lastScanText(null)).toEqual({ text: "never scanned", tone: "muted" });
    expect(lastScanText(scan("succeeded")).tone).toBe("ok");
    expect(lastScanText(scan("partial"))).toEqual({ text: "partial", tone: "warn" });
    expect(lastScanText(scan("interrupted", "interrupted: credentials expired"))).toEqual({
      text: "interrupted: credentials expired",
      tone: "warn",
    });
    expect(lastScanText(scan("failed")).tone).toBe("bad");
    expect(lastScanText(scan("queued")).text).toBe("queued");
  });

  it("says when the SSO session ended or credentials expired", () => {
    const c = (state: AccountRow["credential"]["state"], sso = false): AccountRow["credential"] => ({
      state,
      expires_at: "2026-12-01T00:00:00Z",
      seconds_left: 10,
      sso_session: sso ? { start_url: "https://x.awsapps.com/start", ends_at: null, ended_at: null } : null,
    });
    expect(credentialText(c("ended", true))).toEqual({ text: "SSO session ended: sign in again", tone: "bad" });
    expect(credentialText(c("expired", true))).toEqual({ text: "SSO session expired", tone: "bad" });
    expect(credentialText(c("expired"))).toEqual({ text: "credentials expired", tone: "bad" });
    expect(credentialText(c("expiring")).tone).toBe("warn");
    expect(credentialText({ ...c("valid"), expires_at: null }).text).toBe("valid, no expiry");
    expect(credentialText(c("unknown")).tone).toBe("muted");
  });

  it("never colours an unknown compliance as good", () => {
    expect(complianceTone(null)).toBe("muted");
    expect(complianceTone(95)).toBe("ok");
    expect(complianceTone(70)).toBe("warn");
    expect(complianceTone(20)).toBe("bad");
  });

  it("counts the accounts a control fails in", () => {
    expect(failingText(0, 3)).toBe("fails in no account");
    expect(failingText(2, 3)).toBe("fails in 2 of 3 accounts");
    expect(failingText(1, 1)).toBe("fails in 1 of 1 account");
  });
});

describe("history rows follow the live scan", () => {
  const row = { id: "5", status: "queued", started_at: null as string | null };
  it("a row read while queued shows running once the live view says so", () => {
    expect(withLiveStatus(row, { id: "5", status: "running", started_at: "2026-12-01T00:00:00Z" })).toEqual({
      id: "5",
      status: "running",
      started_at: "2026-12-01T00:00:00Z",
    });
  });
  it("never for another scan, and never back in time", () => {
    expect(withLiveStatus(row, { id: "6", status: "running", started_at: null })).toBe(row);
    const done = { id: "5", status: "succeeded", started_at: "x" };
    expect(withLiveStatus(done, { id: "5", status: "running", started_at: "x" })).toBe(done);
    expect(withLiveStatus(row, null)).toBe(row);
  });
});
