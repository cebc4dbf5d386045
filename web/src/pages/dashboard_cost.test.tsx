// The best-practice improvements tile says what fixing them saves per month
// (the open cost hygiene findings' estimates, GET /dashboard), and nothing
// when no cost finding is open or the server sent no sum.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { Dashboard, Scan } from "../types";
import { DashboardBody } from "./dashboard";

function dashboard(over: Partial<Dashboard> = {}): Dashboard {
  return {
    accounts_monitored: 1,
    services_in_use: 4,
    security_issues: 2,
    best_practice_improvements: 15,
    by_severity: { high: 2, low: 13, informational: 2 },
    top_failing_checks: [],
    cis_sections: [],
    open_over_time: [{ date: "2026-12-05", open: 17 }],
    last_scan: { id: "1", status: "succeeded", started_at: "2026-12-05T07:00:00Z", finished_at: "2026-12-05T07:01:00Z", duration_s: 60, gaps: [] } as unknown as Scan,
    coverage_gaps: [],
    ...over,
  };
}

describe("dashboard: cost to save", () => {
  it("shows the improvements' monthly estimate, and which have no price", () => {
    const html = renderToString(
      <DashboardBody
        d={dashboard({ improvements_monthly_cost: { monthly_usd: 118.501, findings: 13, unpriced_findings: 1 } })}
        providerId=""
        firstScanAt={null}
      />,
    );
    expect(html).toContain('data-testid="dash-improvements-note"');
    expect(html).toContain("≈ $118.50/month to save (1 without a price for their region)");
  });

  it("says nothing about cost when none is open or the server sent no sum", () => {
    for (const d of [dashboard(), dashboard({ improvements_monthly_cost: { monthly_usd: 0, findings: 0, unpriced_findings: 0 } })]) {
      const html = renderToString(<DashboardBody d={d} providerId="" firstScanAt={null} />);
      expect(html).not.toContain("dash-improvements-note");
      expect(html).not.toContain("/month");
    }
  });
});
