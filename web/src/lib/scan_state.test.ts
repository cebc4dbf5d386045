import { describe, expect, it } from "vitest";
import type { AreaProgress, Scan } from "../types";
import { areasAtWork, credentialsExpired, gapsByService, isActive, mergeScan, progressFraction, progressLine, scanEnding } from "./scan_state";

const P = { calls_done: 10, calls_in_flight: 2, calls_failed: 0, resources: 5, checks_done: 3, checks_total: 12, fraction: 0 };

function scan(status: Scan["status"], id = "1"): Scan {
  return {
    id,
    provider_id: "1",
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
  };
}

describe("scan progress", () => {
  it("uses the fraction, else checks done over total, clamped", () => {
    expect(progressFraction({ ...P, fraction: 0.5 })).toBe(0.5);
    expect(progressFraction(P)).toBe(0.25);
    expect(progressFraction({ ...P, fraction: 7 })).toBe(1);
    expect(progressFraction({ ...P, fraction: NaN, checks_total: 0 })).toBe(0);
    expect(progressFraction(null)).toBe(0);
  });
  it("says what is happening", () => {
    expect(progressLine(P)).toBe("10 API calls · 2 in flight · 5 resources · 3/12 checks");
    // Issue 9: "23 failed calls" with no explanation, while the scan reported 1 gap.
    const failed = progressLine({ ...P, calls_failed: 23, calls_lost: 1 });
    expect(failed).toContain("1 calls lost (coverage gaps)");
    expect(failed).toContain('22 answered "not configured"');
    expect(failed).not.toContain("23");
    // An ETA once the server can estimate one.
    expect(progressLine({ ...P, eta_seconds: 125 })).toBe("10 API calls · about 2m 05s left · 2 in flight · 5 resources · 3/12 checks");
    expect(progressLine({ ...P, eta_seconds: null })).not.toContain("left");
    // Retries are told apart from failures.
    expect(progressLine({ ...P, calls_failed: 0, calls_retried: 7 })).toBe("10 API calls · 2 in flight · 5 resources · 3/12 checks · 7 retried");
    expect(progressLine(null)).toContain("Waiting");
    // While running the server does not know the total yet: no "null" in the line.
    const running = progressLine({ ...P, checks_total: null });
    expect(running).toBe("10 API calls · 2 in flight · 5 resources · 3 checks evaluated");
    const old = progressLine({ ...P, calls_done: null, calls_failed: null, checks_total: null });
    expect(old).not.toContain("null");
    expect(progressFraction({ ...P, checks_total: null })).toBe(0);
  });
  it("knows active states and never rolls a finished scan back", () => {
    expect(isActive(scan("queued"))).toBe(true);
    expect(isActive(scan("interrupted"))).toBe(false);
    expect(mergeScan(scan("succeeded"), scan("running")).status).toBe("succeeded");
    expect(mergeScan(scan("running"), scan("succeeded")).status).toBe("succeeded");
    // A partial scan (issue 8: ran to its end but could not read everything) is finished too.
    expect(isActive(scan("partial"))).toBe(false);
    expect(mergeScan(scan("partial"), scan("running")).status).toBe("partial");
    expect(mergeScan(scan("running", "1"), scan("running", "2")).id).toBe("2");
  });
  it("says how a finished scan ended: a cancelled one never reads Finished", () => {
    expect(scanEnding({ status: "interrupted", reason: "interrupted: cancelled by admin" })).toBe("Cancelled");
    expect(scanEnding({ status: "interrupted", reason: "interrupted: credentials expired" })).toBe("Interrupted");
    expect(scanEnding({ status: "succeeded", reason: null })).toBe("Finished");
    expect(scanEnding({ status: "partial", reason: "partial: 97.0% of check results assessed; …" })).toBe("Finished (partly read)");
    expect(scanEnding({ status: "failed", reason: "failed: nothing could be assessed; …" })).toBe("Failed");
  });
  it("groups gaps by service", () => {
    const g = (service: string) => ({ service, region: "us-east-1", action: "a", kind: "k", message: "m" });
    expect(gapsByService([g("s3"), g("ec2"), g("s3")])).toEqual([
      ["s3", 2],
      ["ec2", 1],
    ]);
  });
});

describe("work per service and region", () => {
  const area = (name: string, left: number, done = 0, total = 1): AreaProgress => ({
    name, calls_done: 5, calls_failed: 0, calls_lost: 0, tasks_outstanding: left, runs_done: done, runs_total: total,
  });
  it("lists the areas still working, busiest first, and counts the finished ones", () => {
    const r = areasAtWork([area("iam", 0, 1, 1), area("s3", 3), area("ec2", 410, 14, 17), area("kms", 0, 0, 2)]);
    expect(r.busy.map((a) => a.name)).toEqual(["ec2", "s3", "kms"]); // kms: runs not finished, no call queued yet
    expect(r.done).toBe(1);
    expect(r.more).toBe(0);
    const many = areasAtWork(Array.from({ length: 9 }, (_, i) => area(`svc${i}`, i + 1)), 6);
    expect(many.busy).toHaveLength(6);
    expect(many.busy[0].name).toBe("svc8");
    expect(many.more).toBe(3);
    expect(areasAtWork(undefined)).toEqual({ busy: [], more: 0, done: 0 });
  });
});

describe("start scan blocked", () => {
  const now = Date.parse("2026-11-30T07:00:00Z");
  it("when the server says the credentials expired, or their expiry has passed since", () => {
    expect(credentialsExpired({ credential_state: "expired", expires_at: null }, now)).toBe(true);
    expect(credentialsExpired({ credential_state: "expiring", expires_at: "2026-11-30T06:59:59Z" }, now)).toBe(true);
    expect(credentialsExpired({ credential_state: "expiring", expires_at: "2026-11-30T07:05:00Z" }, now)).toBe(false);
    expect(credentialsExpired({ credential_state: "unknown", expires_at: null }, now)).toBe(false);
    expect(credentialsExpired(undefined, now)).toBe(false);
  });
});
