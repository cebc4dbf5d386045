// The compliance page's data (GET /api/v1/compliance, docs/api.md): which
// framework, its sections' counts and pass %, each control with its checks and
// reasons; links to the CSV and printable HTML exports.
import { API, qs } from "../api";
import type { Compliance, ComplianceControl } from "../types";

export interface FrameworkRef {
  id: string;
  name: string;
  version: string;
  controls: number;
}

export interface SectionCounts {
  section: string;
  title: string;
  pass: number;
  fail: number;
  manual: number;
  not_assessed: number;
  percent: number | null;
}

export interface CheckResult {
  check_id: string;
  pass: number;
  fail: number;
  not_assessed: number;
}

export interface FrameworkControl extends ComplianceControl {
  results?: CheckResult[];
}

export interface FrameworkCompliance extends Omit<Compliance, "sections" | "controls"> {
  framework_id?: string;
  source?: { url: string; date: string; note: string };
  frameworks?: FrameworkRef[];
  totals?: Omit<SectionCounts, "section" | "title">;
  sections: SectionCounts[];
  controls: FrameworkControl[];
}

export const DEFAULT_FRAMEWORK = "cis-3.0";

// The API path of the page's data; the default framework is left out of the URL.
// `ou`: the accounts of an organizational unit ("Root/Workloads"), rolled up
// organization-wide (a control fails when it fails in any of them).
export function compliancePath(framework: string, providerId: string, format?: "csv" | "html", ou = ""): string {
  return `/compliance${qs({
    framework: framework && framework !== DEFAULT_FRAMEWORK ? framework : undefined,
    provider_id: providerId || undefined,
    ou: ou || undefined,
    format,
  })}`;
}

// A download link (the session cookie authorizes it; no script needed).
export function exportHref(framework: string, providerId: string, format: "csv" | "html", ou = ""): string {
  return API + compliancePath(framework || DEFAULT_FRAMEWORK, providerId, format, ou);
}

export function percentLabel(p: number | null | undefined): string {
  return p === null || p === undefined ? "–" : `${p}%`;
}

// "1 Identity and Access Management"; FSBP's sections are named by service only.
export function sectionLabel(s: { section: string; title: string }): string {
  if (!s.title || s.title === s.section) return s.section;
  return /^[0-9]/.test(s.section) ? `${s.section}. ${s.title}` : `${s.title} (${s.section})`;
}

// Counts over all controls, for the tiles: from the server's totals, or counted here.
export function totalsOf(c: FrameworkCompliance): Record<ComplianceControl["status"], number> {
  const t: Record<ComplianceControl["status"], number> = { pass: 0, fail: 0, manual: 0, not_assessed: 0 };
  for (const ctl of c.controls) t[ctl.status] = (t[ctl.status] ?? 0) + 1;
  return t;
}
