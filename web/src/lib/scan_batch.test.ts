import { describe, expect, it } from "vitest";
import type { AccountScopes, Provider, Scan } from "../types";
import type { Organization } from "./org";
import {
  batchCounts,
  batchFraction,
  batchLine,
  batchMoving,
  batchLinkLabel,
  cancelledText,
  finishedCount,
  isBatchChoice,
  memberLabel,
  memberResults,
  mergeBatch,
  scanPercent,
  skippedOf,
  sortBatchScans,
  startChoices,
  startRequest,
  type BatchScan,
  type ScanBatch,
} from "./scan_batch";

function provider(id: string, label: string, account: string | null): Provider {
  return { id, label, identity: account ? { account } : null } as unknown as Provider;
}

function org(id: string, label: string, monitored: number): Organization {
  return { id, label, counts: { accounts: monitored + 2, monitored, role_ok: monitored - 1, role_gaps: 1, left: 0 } } as unknown as Organization;
}

function member(id: string, label: string, status: Scan["status"], extra: Partial<BatchScan> = {}): BatchScan {
  return {
    id,
    provider_id: `p${id}`,
    status,
    reason: null,
    started_at: null,
    finished_at: null,
    duration_s: null,
    regions: [],
    services: [],
    identity: null,
    counts: {},
    gaps: [],
    progress: null,
    account_label: label,
    account_id: `2222000000${id.padStart(2, "0")}`,
    ...extra,
  };
}

function batch(extra: Partial<ScanBatch> = {}): ScanBatch {
  return {
    id: "b1",
    label: "OU Root/Workloads",
    scope: { ou: "Root/Workloads" },
    created_at: "2026-12-05T10:00:00Z",
    created_by: "admin",
    regions: [],
    services: [],
    status: "running",
    accounts: 6,
    by_status: { queued: 1, running: 2, succeeded: 2, partial: 1, failed: 0, interrupted: 0 },
    progress: 0.55,
    counts: { FAIL: 10, PASS: 30, NOT_ASSESSED: 2, MANUAL: 1 },
    skipped: [],
    ...extra,
  };
}

describe("starting an organization scan", () => {
  const scopes: AccountScopes = {
    accounts: [],
    ous: [
      { path: "Root/Workloads", accounts: 6 },
      { path: "Root", accounts: 19 },
      { path: "Root/Sandbox", accounts: 1 },
      { path: "Root/Empty", accounts: 0 },
    ],
  };

  it("offers each organization and OU with the API's account counts, accounts as before", () => {
    const c = startChoices([provider("1", "management", "111111111111"), provider("2", "prod-web (222200000006)", "222200000006")], [org("o1", "acme", 19)], scopes);
    expect(c.accounts).toEqual([
      { value: "1", label: "management (111111111111)" },
      { value: "2", label: "prod-web (222200000006)" },
    ]);
    expect(c.organizations).toEqual([{ value: "org:o1", label: "Whole organization “acme” — 19 accounts" }]);
    // Sorted by path; an OU with no monitored account is not offered (a batch of it scans nothing).
    expect(c.ous.map((o) => o.label)).toEqual(["OU Root — 19 accounts", "OU Root/Sandbox — 1 account", "OU Root/Workloads — 6 accounts"]);
    expect(c.ous[2].value).toBe("ou:Root/Workloads");
  });

  it("offers no group when nothing is loaded", () => {
    expect(startChoices(null, null, null)).toEqual({ accounts: [], organizations: [], ous: [] });
  });

  it("posts /scan-batches with exactly one scope for an organization or OU, /scans for one account", () => {
    expect(startRequest("org:o1", [], [])).toEqual({ path: "/scan-batches", body: { organization_id: "o1" } });
    expect(startRequest("ou:Root/Workloads", new Set(["us-east-1"]), new Set(["s3"]))).toEqual({
      path: "/scan-batches",
      body: { ou: "Root/Workloads", regions: ["us-east-1"], services: ["s3"] },
    });
    expect(startRequest("7", ["eu-west-1"], [])).toEqual({ path: "/scans", body: { provider_id: "7", regions: ["eu-west-1"] } });
    expect(isBatchChoice("org:o1") && isBatchChoice("ou:Root")).toBe(true);
    expect(isBatchChoice("7")).toBe(false);
  });
});

describe("following a batch", () => {
  it("says how many accounts finished, run and wait", () => {
    const b = batch();
    expect(finishedCount(b)).toBe(3);
    expect(batchLine(b)).toBe("3 of 6 accounts finished · 2 running · 1 queued");
  });

  it("names failed, cancelled and skipped accounts, never hides them", () => {
    const b = batch({
      status: "cancelled",
      accounts: 5,
      by_status: { queued: 0, running: 0, succeeded: 2, partial: 0, failed: 1, interrupted: 2 },
      skipped: [{ provider_id: "9", label: "sandbox-bob", account_id: "222200000016", reason: "role missing" }],
    });
    expect(batchLine(b)).toBe("5 of 5 accounts finished · 1 failed · 2 interrupted or cancelled · 1 not scanned");
  });

  it("follows a batch until its last scan has stopped, cancelled or not", () => {
    expect(batchMoving(batch())).toBe(true);
    expect(batchMoving(batch({ status: "queued" }))).toBe(true);
    // Cancel all asked: the batch says cancelled while its running scan is still stopping.
    expect(batchMoving(batch({ status: "cancelled", active: 1 }))).toBe(true);
    expect(batchMoving(batch({ status: "cancelled", active: 0 }))).toBe(false);
    expect(batchMoving(batch({ status: "cancelled", by_status: { running: 1 } }))).toBe(true);
    expect(batchMoving(batch({ status: "done", by_status: { succeeded: 3 } }))).toBe(false);
  });

  it("fills the bar only when done, clamps the server's fraction", () => {
    expect(batchFraction(batch({ progress: 0.25 }))).toBe(0.25);
    expect(batchFraction(batch({ progress: 3 }))).toBe(1);
    expect(batchFraction(batch({ progress: NaN }))).toBe(0);
    expect(batchFraction(batch({ status: "done", progress: 0.9 }))).toBe(1);
    // Cancelled: the server's 1.0 counts cancelled scans as finished; the bar shows the accounts that ran to their end.
    expect(batchFraction(batch({ status: "cancelled", progress: 1, accounts: 4, by_status: { succeeded: 1, partial: 1, interrupted: 2 } }))).toBe(0.5);
  });

  it("sums results from the server, else from the scans", () => {
    expect(batchCounts(batch())).toEqual({ FAIL: 10, PASS: 30, NOT_ASSESSED: 2, MANUAL: 1 });
    const scans = [member("1", "a", "succeeded", { counts: { FAIL: 2, PASS: 5 } }), member("2", "b", "partial", { counts: { FAIL: 1, NOT_ASSESSED: 4 } })];
    expect(batchCounts(batch({ counts: {}, scans }))).toEqual({ FAIL: 3, PASS: 5, NOT_ASSESSED: 4, MANUAL: 0 });
  });

  it("orders accounts running, queued, then finished, by label within each", () => {
    const rows = sortBatchScans([
      member("1", "zeta", "succeeded"),
      member("2", "beta", "queued"),
      member("3", "gamma", "running"),
      member("4", "alpha", "failed"),
      member("5", "alpha", "running"),
      member("6", "delta", "queued"),
    ]);
    expect(rows.map((r) => `${r.status}:${r.account_label}`)).toEqual([
      "running:alpha",
      "running:gamma",
      "queued:beta",
      "queued:delta",
      "failed:alpha",
      "succeeded:zeta",
    ]);
  });

  it("shows a scan's own progress; 100% only for one that ran to its end", () => {
    const P = { calls_done: 1, calls_in_flight: 0, calls_failed: 0, resources: 0, checks_done: 0, checks_total: null, fraction: 0.426 };
    expect(scanPercent(member("1", "a", "running", { progress: P }))).toBe("43%");
    expect(scanPercent(member("1", "a", "queued"))).toBe("0%");
    expect(scanPercent(member("1", "a", "partial", { progress: { ...P, fraction: 0.9 } }))).toBe("100%");
    expect(scanPercent(member("1", "a", "interrupted", { progress: P }))).toBe("43%");
    expect(scanPercent(member("1", "a", "failed"))).toBe("—");
    expect(scanPercent(member("1", "a", "interrupted"))).toBe("—");
    expect(scanPercent(member("1", "a", "running"))).toBe("0%");
  });

  it("never shows a scan without results as 0 failing", () => {
    expect(memberResults(member("1", "a", "running"))).toBe("—");
    expect(memberResults(member("1", "a", "interrupted"))).toBe("no results");
    expect(memberResults(member("1", "a", "failed"))).toBe("no results");
    expect(memberResults(member("1", "a", "succeeded"))).toBe("0 fail · 0 pass · 0 not assessed");
    expect(memberResults(member("1", "a", "interrupted", { counts: { FAIL: 2, PASS: 1 } }))).toBe("2 fail · 1 pass · 0 not assessed");
  });

  it("names an account once: label and id unless the label holds the id", () => {
    expect(memberLabel({ account_label: "prod-web", account_id: "222200000006" })).toBe("prod-web · 222200000006");
    expect(memberLabel({ account_label: "prod-web (222200000006)", account_id: "222200000006" })).toBe("prod-web (222200000006)");
    expect(memberLabel({ label: "sandbox-bob", account_id: null })).toBe("sandbox-bob");
    // A provider deleted since: its account id, or that it was deleted.
    expect(memberLabel({ account_label: null, account_id: "222200000007" })).toBe("222200000007");
    expect(memberLabel({ account_label: null, account_id: null })).toBe("a deleted account");
    expect(sortBatchScans([member("1", "b", "succeeded"), member("2", "a", "succeeded", { account_label: null })]).map((s) => s.id)).toEqual(["2", "1"]);
  });

  it("merges events: another batch replaces, an older running state never undoes the end, a summary keeps the rows", () => {
    const rows = [member("1", "a", "running")];
    const cur = batch({ scans: rows });
    const summary = batch({ progress: 0.7, scans: undefined });
    expect(mergeBatch(cur, summary).scans).toBe(rows);
    expect(mergeBatch(cur, summary).progress).toBe(0.7);
    const done = batch({ status: "done", scans: rows });
    expect(mergeBatch(done, batch({ status: "running" }))).toBe(done);
    const other = batch({ id: "b2" });
    expect(mergeBatch(cur, other)).toBe(other);
    expect(mergeBatch(null, cur)).toBe(cur);
  });

  it("says how many scans Cancel all cancelled", () => {
    expect(cancelledText(4)).toBe("Cancelled 4 scans of this batch.");
    expect(cancelledText(1)).toBe("Cancelled 1 scan of this batch.");
    expect(cancelledText(0)).toContain("Nothing was left to cancel");
  });

  it("links a history row to its batch by label, or by id when the list no longer holds it", () => {
    const known = new Map([["b1", "Whole organization “acme”"]]);
    expect(batchLinkLabel("b1", known)).toBe("Whole organization “acme”");
    expect(batchLinkLabel("b9", known)).toBe("Organization scan b9");
  });
});

describe("a start every account of which was skipped", () => {
  it("reads the skipped accounts beside the error, and nothing from another error", () => {
    const bob = { provider_id: "9", label: "sandbox-bob", account_id: "222200000016", reason: "its audit role is missing" };
    expect(skippedOf({ details: { error: { code: "nothing_to_scan" }, skipped: [bob, null, { label: "x" }] } })).toEqual([bob]);
    expect(skippedOf({ details: { error: { code: "invalid" } } })).toEqual([]);
    expect(skippedOf(new Error("network"))).toEqual([]);
    expect(skippedOf(null)).toEqual([]);
  });
});
