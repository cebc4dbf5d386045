// An organization scan's card and the list of batches, rendered: the overall bar
// with its accessible name, the accounts finished / running / queued, summed
// results, one row per account running first, the accounts not scanned with
// their reason (never a result), Cancel all only while something can be cancelled.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { BatchScan, ScanBatch } from "../lib/scan_batch";
import type { Scan } from "../types";
import { BatchList, BatchView, SkippedList } from "./scan_batch";

const text = (html: string) =>
  html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

function member(id: string, label: string, account: string, status: Scan["status"], extra: Partial<BatchScan> = {}): BatchScan {
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
    account_id: account,
    batch_id: "b1",
    ...extra,
  };
}

const P = { calls_done: 40, calls_in_flight: 3, calls_failed: 0, resources: 12, checks_done: 0, checks_total: null, fraction: 0.5 };

function running(): ScanBatch {
  return {
    id: "b1",
    label: "OU Root/Workloads/Prod",
    scope: { ou: "Root/Workloads/Prod" },
    created_at: "2026-12-05T10:00:00Z",
    created_by: "admin",
    regions: ["us-east-1"],
    services: [],
    status: "running",
    accounts: 4,
    by_status: { queued: 1, running: 1, succeeded: 1, partial: 1 },
    progress: 0.62,
    counts: { FAIL: 7, PASS: 20, NOT_ASSESSED: 3, MANUAL: 1 },
    scans: [
      member("11", "prod-api", "222200000005", "succeeded", { counts: { FAIL: 4, PASS: 12 } }),
      member("12", "prod-web", "222200000006", "queued"),
      member("13", "prod-data", "222200000007", "running", { progress: P }),
      member("14", "prod-batch", "222200000008", "partial", { counts: { FAIL: 3, PASS: 8, NOT_ASSESSED: 3 }, reason: "2 calls lost" }),
    ],
    skipped: [
      {
        provider_id: "16",
        label: "sandbox-bob",
        account_id: "222200000016",
        code: "organization_member_unreachable",
        reason: "its audit role CloudPeekAudit is missing or does not trust CloudPeek",
        advice: "Deploy the role CloudPeekAudit in account 222200000016, then choose Discover.",
      },
    ],
  };
}

describe("an organization scan's card", () => {
  it("shows the overall bar with an accessible name, the line, and the summed results", () => {
    const html = renderToString(<BatchView batch={running()} onCancelAll={() => undefined} />);
    const t = text(html);
    expect(html).toMatch(/<progress aria-label="Progress of OU Root\/Workloads\/Prod" max="1" value="0.62"/);
    expect(t).toContain("62% · 2 of 4 accounts finished · 1 running · 1 queued · 1 not scanned");
    expect(t).toContain("Results so far: 7 failing · 20 passing · 3 not assessed · 1 manual (1 account not scanned, not counted)");
    expect(t).toContain("regions: us-east-1 · services: all");
  });

  it("lists one row per account, running then queued then finished, each with its own progress and results", () => {
    const html = renderToString(<BatchView batch={running()} onCancelAll={() => undefined} />);
    const rows = [...html.matchAll(/<tr data-testid="batch-scan-row"[^>]*data-status="([a-z]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => `${m[1]}|${text(m[2]).trim()}`);
    expect(rows).toEqual([
      "running|prod-data · 222200000007 running 50% —",
      "queued|prod-web · 222200000006 queued 0% — waiting for a scan slot",
      "succeeded|prod-api · 222200000005 succeeded 100% 4 fail · 12 pass · 0 not assessed",
      "partial|prod-batch · 222200000008 partial 100% 3 fail · 8 pass · 3 not assessed 2 calls lost",
    ]);
  });

  it("lists an account not scanned with its reason, as a gap and never a result", () => {
    const html = renderToString(<BatchView batch={running()} onCancelAll={() => undefined} />);
    const skipped = /<div data-testid="batch-skipped">([\s\S]*?)<\/div>/.exec(html)![1];
    const t = text(skipped);
    expect(t).toContain("Not scanned (1)");
    expect(t).toContain("sandbox-bob · 222200000016 : its audit role CloudPeekAudit is missing or does not trust CloudPeek");
    expect(t).toContain("Deploy the role CloudPeekAudit in account 222200000016, then choose Discover.");
    expect(t).not.toMatch(/pass|succeeded/i);
    // Not among the scanned rows either.
    expect(html.match(/data-testid="batch-scan-row"/g)).toHaveLength(4);
    expect(renderToString(<SkippedList skipped={[]} />)).toBe("");
  });

  it("offers Cancel all while scans can be cancelled, not once the batch has ended, and says what was cancelled", () => {
    expect(renderToString(<BatchView batch={running()} onCancelAll={() => undefined} />)).toContain('data-testid="batch-cancel-all"');
    const done: ScanBatch = { ...running(), status: "cancelled", by_status: { succeeded: 2, interrupted: 2 } };
    const html = renderToString(<BatchView batch={done} cancelMsg="Cancelled 2 scans of this batch." onCancelAll={() => undefined} />);
    expect(html).not.toContain("batch-cancel-all");
    expect(text(html)).toContain("Cancelled 2 scans of this batch.");
    expect(text(html)).toContain("4 of 4 accounts finished · 2 interrupted or cancelled · 1 not scanned");
    expect(html).toContain('class="badge st-cancelled"');
  });

  it("says the live connection is lost while it reconnects", () => {
    const t = text(renderToString(<BatchView batch={running()} streamError="Lost the live connection; reconnecting…" onCancelAll={() => undefined} />));
    expect(t).toContain("Lost the live connection; reconnecting…");
  });

  it("renders account names and reasons as text", () => {
    const evil = '<img src=x onerror=alert(1)>';
    const b: ScanBatch = {
      ...running(),
      label: evil,
      scans: [member("1", evil, "222200000005", "failed", { reason: evil })],
      skipped: [{ provider_id: "2", label: evil, account_id: null, reason: evil }],
    };
    const html = renderToString(<BatchView batch={b} onCancelAll={() => undefined} />);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/style=/);
  });
});

describe("the list of organization scans", () => {
  it("shows each batch's status, progress and counts, linking to its card", () => {
    const { scans: _drop, ...summary } = running();
    const html = renderToString(<BatchList data={{ total: 1, page: 1, page_size: 20, items: [summary] }} onPage={() => undefined} />);
    expect(html).toContain('href="/scans?batch=b1"');
    expect(html).toMatch(/aria-label="Progress of OU Root\/Workloads\/Prod"/);
    const t = text(html);
    expect(t).toContain("Organization scans");
    expect(t).toContain("2 of 4 accounts finished · 1 running · 1 queued · 1 not scanned");
    expect(t).toContain("7 failing · 20 passing · 3 not assessed · 1 manual");
  });
});
