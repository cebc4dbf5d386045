import { describe, expect, it } from "vitest";
import { formatMonthlyCost, improvementsCostLine } from "./cost";

describe("cost estimates", () => {
  it("formats a monthly estimate, and nothing when there is none", () => {
    expect(formatMonthlyCost(12.4)).toBe("≈ $12.40/month");
    expect(formatMonthlyCost(32.85)).toBe("≈ $32.85/month");
    expect(formatMonthlyCost(0.004)).toBe("≈ $0.004/month");
    expect(formatMonthlyCost(null)).toBe("");
    expect(formatMonthlyCost(undefined)).toBe("");
  });
  it("sums the improvements to save, saying how many have no price", () => {
    expect(improvementsCostLine({ monthly_usd: 118.93, findings: 13, unpriced_findings: 0 })).toBe(
      "≈ $118.93/month to save",
    );
    expect(improvementsCostLine({ monthly_usd: 10, findings: 1, unpriced_findings: 2 })).toBe(
      "≈ $10.00/month to save (2 without a price for their region)",
    );
    expect(improvementsCostLine({ monthly_usd: 0, findings: 0, unpriced_findings: 0 })).toBe("");
    expect(improvementsCostLine(undefined)).toBe("");
  });
});
