// The month-to-date spend card: the largest services as bars with the period and
// currency; NOT ASSESSED with the missing action and a granting policy when Cost
// Explorer refused (never a spend of 0); some accounts left out, named. Also the
// reminder banner for an organization member CloudPeek cannot reach.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ReminderList } from "../components/reminder_banner";
import { notificationText } from "../lib/notify";
import type { Reminder, Spend } from "../types";
import { barPercents, money, periodText, SpendView } from "./dashboard_spend";

const text = (html: string) =>
  html.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

const assessed: Spend = {
  status: "assessed",
  accounts_assessed: 1,
  accounts_not_assessed: [],
  start: "2026-12-01",
  end: "2026-12-06",
  currency: "USD",
  total: 732.3677,
  estimated: true,
  collected_at: "2026-12-05T10:00:00Z",
  services: [
    { service: "Amazon Elastic Compute Cloud - Compute", amount: 412.3871 },
    { service: "Amazon Relational Database Service", amount: 188.05 },
    { service: "Amazon Simple Storage Service", amount: 61.2044 },
  ],
  other: { services: 2, amount: 70.7262 },
};

describe("month-to-date spend", () => {
  it("shows the total, the period and currency, and one bar per top service sized to the largest", () => {
    const html = renderToString(<SpendView spend={assessed} />);
    const t = text(html);
    expect(t).toContain("USD 732.37");
    expect(t).toContain("1–5 Dec 2026, month to date (estimated");
    expect(t).toContain("Amazon Elastic Compute Cloud - Compute");
    expect(t).toContain("USD 412.39");
    expect(t).toContain("Other services (2)");
    const widths = [...html.matchAll(/<rect[^>]*width="(\d+)"[^>]*data-testid="dash-spend-bar"/g)].map((m) => +m[1]);
    expect(widths).toEqual([100, 46, 15, 17]);
    expect(html).not.toContain("NOT ASSESSED");
    expect(html).not.toMatch(/style=/);
  });

  it("says NOT ASSESSED naming the missing action and how to grant it, never a spend of 0", () => {
    const denied: Spend = {
      status: "not_assessed",
      accounts_assessed: 0,
      accounts_not_assessed: [{ provider_id: "1", label: "prod", status: "not_assessed", missing_action: "ce:GetCostAndUsage" }],
      missing_action: "ce:GetCostAndUsage",
      reason: "access_denied: ce:GetCostAndUsage in us-east-1: not authorized",
      how_to_grant: {
        policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ce:GetCostAndUsage", Resource: "*" }] },
        steps: ["Add this statement to the identity CloudPeek uses, beside SecurityAudit."],
      },
    };
    const t = text(renderToString(<SpendView spend={denied} />));
    expect(t).toContain("NOT ASSESSED");
    expect(t).toContain("CloudPeek may not call ce:GetCostAndUsage");
    expect(t).toContain("unknown (not zero)");
    expect(t).toContain('"Action": "ce:GetCostAndUsage"');
    expect(t).toContain("beside SecurityAudit");
    expect(t).not.toMatch(/\b0\.00\b/);
    expect(t).not.toContain("USD");
  });

  it("names the accounts left out of a total", () => {
    const partial: Spend = {
      ...assessed,
      status: "partial",
      accounts_not_assessed: [{ provider_id: "2", label: "dev", status: "not_assessed", missing_action: "ce:GetCostAndUsage" }],
      how_to_grant: { policy: {}, steps: ["Add it."] },
    };
    const t = text(renderToString(<SpendView spend={partial} />));
    expect(t).toContain("USD 732.37");
    expect(t).toContain("Not included: “dev” (needs ce:GetCostAndUsage)");
  });

  it("before a full scan read it, says so", () => {
    const t = text(renderToString(<SpendView spend={{ status: "not_collected", accounts_assessed: 0, accounts_not_assessed: [], reason: "No full scan yet." }} />));
    expect(t).toContain("Not read yet. No full scan yet.");
    expect(t).not.toContain("USD");
  });

  it("formats amounts, periods and bars", () => {
    expect(money(1234.5, "USD")).toBe("USD\u00a01,234.50");
    expect(money(3, null)).toBe("3.00");
    expect(periodText("2026-12-01", "2026-12-02")).toBe("1 Dec 2026");
    expect(periodText("2026-11-01", "2026-12-01")).toBe("1–30 Nov 2026");
    expect(periodText("2026-12-30", "2027-01-02")).toBe("30 Dec 2026 – 1 Jan 2027");
    expect(periodText(undefined, "x")).toBe("this month");
    expect(barPercents([10, 5, 0, 0.001])).toEqual([100, 50, 0, 1]);
    expect(barPercents([0, 0])).toEqual([0, 0]);
  });
});

describe("reminder banner for an organization member without its role", () => {
  const rem: Reminder = {
    provider_id: "9",
    label: "sandbox-bob",
    state: "expired",
    expires_at: "2026-12-05T09:00:00Z",
    seconds_left: -60,
    steps: ["Deploy the role CloudPeekAudit in account 222200000016.", "Choose Discover now there."],
    reason: "organization_member_unreachable",
    headline: "“sandbox-bob” (account 222200000016) is not reachable: its audit role CloudPeekAudit is missing or does not trust CloudPeek",
  };

  it("says the account is not reachable, with the steps, not that credentials expired", () => {
    const html = renderToString(<ReminderList reminders={[rem]} estimated={new Set()} fetchedAt={0} now={0} />);
    const t = text(html);
    expect(t).toContain("is not reachable: its audit role CloudPeekAudit is missing or does not trust CloudPeek");
    expect(t).toContain("Deploy the role CloudPeekAudit in account 222200000016.");
    expect(t).not.toContain("expired");
    expect(t).not.toContain("Renew credentials");
    expect(html).toContain('data-testid="reminder-unreachable"');
    // Other reminders are unchanged.
    const plain = text(renderToString(<ReminderList reminders={[{ ...rem, reason: undefined, headline: undefined }]} estimated={new Set()} fetchedAt={0} now={0} />));
    expect(plain).toContain("The credentials for “sandbox-bob” have expired");
  });

  it("the browser notification says the same", () => {
    const n = notificationText(rem, false);
    expect(n.title).toBe(`CloudPeek: ${rem.headline}`);
    expect(n.title).not.toContain("expired");
  });
});
