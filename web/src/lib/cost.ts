// Cost hygiene estimates (issue 12 §3): what a failing resource costs per
// month, from the AWS Price List data the server ships; absent when the
// check prices nothing or no price was known for the region.
export function formatMonthlyCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return "";
  const amount = usd > 0 && usd < 0.01 ? usd.toFixed(3) : usd.toFixed(2);
  return `≈ $${amount}/month`;
}

// The dashboard's line under best-practice improvements: "≈ $123.45/month to save".
export function improvementsCostLine(c: { monthly_usd: number; findings: number; unpriced_findings: number } | undefined): string {
  if (!c || c.findings + c.unpriced_findings === 0) return "";
  let line = `${formatMonthlyCost(c.monthly_usd)} to save`;
  if (c.unpriced_findings > 0) line += ` (${c.unpriced_findings} without a price for their region)`;
  return line;
}
