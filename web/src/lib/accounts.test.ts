import { describe, expect, it } from "vitest";
import type { AccountRow, AccountScopes } from "../types";
import {
  accountLabel,
  complianceTone,
  credentialText,
  accountsInScope,
  failingText,
  iamTarget,
  inOu,
  lastScanText,
  pickerChoices,
  pickerValue,
  rowAccountLabel,
  scopeFromPickerValue,
  scopeFromQuery,
  scopeParams,
  showsAccountColumn,
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
    // An organization member's provider label already holds both.
    expect(accountLabel({ label: "prod-web (222200000006)", account_id: "222200000006", account_name: "prod-web" })).toBe("prod-web (222200000006)");
    expect(accountLabel({ label: "web", account_id: "222200000006", account_name: "prod-web" })).toBe("web · 222200000006 (prod-web)");
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

describe("what an OU covers on the findings, inventory, scans and IAM pages", () => {
  const org: AccountScopes = {
    accounts: [
      { provider_id: "4", label: "prod-web", account_id: "222200000006", account_name: "prod-web", ou: "Root/Workloads/Prod" },
      { provider_id: "3", label: "prod-api", account_id: "222200000007", account_name: "prod-api", ou: "Root/Workloads/Prod" },
      { provider_id: "5", label: "dev-web", account_id: "222200000010", account_name: "dev-web", ou: "Root/Workloads/Dev" },
      { provider_id: "6", label: "old", account_id: "222200000030", account_name: "old", ou: "Root/WorkloadsOld" },
      { provider_id: "1", label: "keys", account_id: "111122223333", account_name: null, ou: null },
    ],
    ous: [],
  };
  const ids = (s: { provider_id: string; ou: string }) => accountsInScope(org, s).map((a) => a.provider_id);

  it("an OU covers itself and the OUs below it, by whole names as the API does", () => {
    expect(inOu("Root/Workloads/Prod", "Root/Workloads")).toBe(true);
    expect(inOu("Root/Workloads", "Root/Workloads/")).toBe(true);
    expect(inOu("Root/WorkloadsOld", "Root/Workloads")).toBe(false);
    expect(inOu("Root/Work", "Root/Workloads")).toBe(false);
    expect(inOu(null, "Root")).toBe(false);
    expect(inOu("Root/Workloads", "")).toBe(false);
    expect(ids({ provider_id: "", ou: "Root/Workloads" })).toEqual(["4", "3", "5"]);
    expect(ids({ provider_id: "", ou: "Root/Workloads/Prod" })).toEqual(["4", "3"]);
    expect(ids({ provider_id: "", ou: "Root/Sandbox" })).toEqual([]);
    expect(ids({ provider_id: "", ou: "" })).toEqual(["4", "3", "5", "6", "1"]);
    expect(ids({ provider_id: "5", ou: "Root/Workloads" })).toEqual(["5"]);
    expect(ids({ provider_id: "1", ou: "Root/Workloads" })).toEqual([]);
    expect(accountsInScope(null, { provider_id: "", ou: "Root" })).toEqual([]);
  });

  it("rows say whose they are when more than one account is in scope", () => {
    expect(showsAccountColumn(org, { provider_id: "", ou: "" })).toBe(true);
    expect(showsAccountColumn(org, { provider_id: "", ou: "Root/Workloads/Prod" })).toBe(true);
    expect(showsAccountColumn(org, { provider_id: "", ou: "Root/Workloads/Dev" })).toBe(false);
    expect(showsAccountColumn(org, { provider_id: "4", ou: "" })).toBe(false);
    expect(showsAccountColumn({ accounts: [org.accounts[0]], ous: [] }, { provider_id: "", ou: "" })).toBe(false);
    expect(showsAccountColumn(null, { provider_id: "", ou: "" })).toBe(false);
    expect(rowAccountLabel({ provider_id: "4", account: "222200000006" }, org)).toBe("prod-web · 222200000006");
    expect(rowAccountLabel({ provider_id: "99", account: "999999999999" }, org)).toBe("999999999999");
    expect(rowAccountLabel({ provider_id: "99" }, null)).toBe("provider 99");
  });

  it("/iam: one account at a time; an OU asks which of its accounts, sorted by label", () => {
    expect(iamTarget({ provider_id: "5", ou: "" }, org)).toEqual({ kind: "account", provider_id: "5" });
    expect(iamTarget({ provider_id: "5", ou: "Root/Workloads" }, org)).toEqual({ kind: "account", provider_id: "5" });
    const t = iamTarget({ provider_id: "", ou: "Root/Workloads/Prod" }, org);
    expect(t.kind).toBe("choose");
    if (t.kind === "choose") {
      expect(t.ou).toBe("Root/Workloads/Prod");
      expect(t.accounts.map((a) => a.label)).toEqual(["prod-api", "prod-web"]);
    }
    const none = iamTarget({ provider_id: "", ou: "Root/Sandbox" }, org);
    expect(none.kind === "choose" && none.accounts.length).toBe(0);
    expect(iamTarget({ provider_id: "", ou: "" }, org)).toEqual({ kind: "account", provider_id: "4" });
    expect(iamTarget({ provider_id: "", ou: "" }, { accounts: [], ous: [] })).toEqual({ kind: "none" });
    expect(iamTarget({ provider_id: "", ou: "" }, null)).toEqual({ kind: "none" });
  });
});
