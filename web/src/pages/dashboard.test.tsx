// The dashboard before and after a first scan: no good news before any scan,
// tiles that open exactly the findings they count.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { Dashboard, Provider, Scan } from "../types";
import { DashboardBody, NoScanYet } from "./dashboard";

function provider(id: string, label: string): Provider {
  return {
    id,
    label,
    access_key_id_last4: "TEST",
    key_kind: "temporary",
    has_session_token: true,
    expires_at: null,
    seconds_left: null,
    credential_state: "unknown",
    identity: null,
    schedule_minutes: 0,
    last_scan: null,
    created_at: "2026-11-30T07:00:00Z",
    updated_at: "2026-11-30T07:00:00Z",
  };
}

function dashboard(over: Partial<Dashboard> = {}): Dashboard {
  return {
    accounts_monitored: 1,
    services_in_use: 4,
    security_issues: 22,
    best_practice_improvements: 69,
    by_severity: { critical: 5, high: 17, medium: 40, low: 20, informational: 9 },
    top_failing_checks: [],
    cis_sections: [],
    open_over_time: [
      { date: "2026-11-28", open: 0 },
      { date: "2026-11-29", open: 0 },
      { date: "2026-11-30", open: 91 },
    ],
    last_scan: { id: "1", status: "succeeded", started_at: "2026-11-30T07:00:00Z", finished_at: "2026-11-30T07:01:00Z", duration_s: 60, gaps: [] } as unknown as Scan,
    coverage_gaps: [],
    ...over,
  };
}

// The href of the link <a … data-testid="ID">.
function hrefOf(html: string, testid: string): URL {
  const tag = [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`data-testid="${testid}"`));
  if (!tag) throw new Error(`no link ${testid}`);
  return new URL(/href="([^"]*)"/.exec(tag)![1].replace(/&amp;/g, "&"), "http://h");
}

describe("dashboard before any scan", () => {
  it("says no scan has run and points to connecting an account, with no counts", () => {
    const html = renderToString(<NoScanYet providers={[]} providerId="" />);
    expect(html).toContain("No scan has run yet");
    expect(html).toContain('href="/settings/provider"');
    expect(html).toContain('data-testid="dash-connect"');
    expect(html).not.toContain("Security issues");
    expect(html).not.toContain("Coverage gaps");
    expect(html).not.toMatch(/>0</);
  });

  it("with an account connected, points to starting a scan (of that account when scoped)", () => {
    const all = renderToString(<NoScanYet providers={[provider("3", "prod")]} providerId="" />);
    expect(all).toContain("“prod” is connected");
    expect(all).toContain('href="/scans"');
    const scoped = renderToString(<NoScanYet providers={[provider("3", "prod"), provider("4", "dev")]} providerId="4" />);
    expect(scoped).toContain('href="/scans?provider_id=4"');
    expect(scoped).toContain("“dev”");
  });
});

describe("dashboard after a scan", () => {
  it("tiles open the findings they count: open critical+high, open medium+low+informational", () => {
    const html = renderToString(<DashboardBody d={dashboard()} providerId="" firstScanAt="2026-11-30T07:00:00Z" />);
    const issues = hrefOf(html, "dash-issues");
    expect(issues.pathname).toBe("/findings");
    expect(issues.searchParams.get("severity")).toBe("critical,high");
    expect(issues.searchParams.get("status")).toBe("open");
    const better = hrefOf(html, "dash-improvements");
    expect(better.searchParams.get("severity")).toBe("medium,low,informational");
    expect(better.searchParams.get("status")).toBe("open");
  });

  it("scoped to one account, the tiles are too", () => {
    const html = renderToString(<DashboardBody d={dashboard()} providerId="9" firstScanAt={null} />);
    expect(hrefOf(html, "dash-issues").searchParams.get("provider_id")).toBe("9");
    expect(hrefOf(html, "dash-improvements").searchParams.get("provider_id")).toBe("9");
  });
});
