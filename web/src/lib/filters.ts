// The findings page's filters, kept in the page URL (so a filtered view can be
// bookmarked and shared) and passed to GET /findings and /findings/export.

export const FILTER_KEYS = [
  "severity",
  "service",
  "region",
  "account",
  "check",
  "status",
  "result",
  "control",
  "provider_id",
  "ou",
  "q",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const SORTS = ["-severity", "severity", "-last_seen", "last_seen", "check", "resource"] as const;
export type Sort = (typeof SORTS)[number];

export interface FindingsQuery {
  filters: Filters;
  sort: Sort;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 50;

// Opened without any filter (from the menu), the page shows open failures: result
// FAIL and not muted, which the API calls status=open. The default is written into
// the page URL, so the filters show what is listed. `status=any` in the page URL is
// "every status" (the API is sent no status filter then).
export const DEFAULT_STATUS = "open";
export const ANY_STATUS = "any";

// One-click views beside the filters: the status they set (the result filter cleared).
export const STATUS_VIEWS: { status: string; label: string }[] = [
  { status: "open", label: "Open failures" },
  { status: ANY_STATUS, label: "All results" },
  { status: "muted", label: "Muted" },
  { status: "resolved", label: "Resolved" },
  { status: "passed", label: "Passed" },
  { status: "not_assessed", label: "Not assessed" },
];

// What the dashboard's tiles count (docs/api.md): security issues are open findings of
// severity critical or high, best-practice improvements open ones of medium, low or
// informational. GET /findings takes comma-separated severities, so each tile links to
// exactly its set.
export const SECURITY_ISSUE_SEVERITIES = "critical,high";
export const IMPROVEMENT_SEVERITIES = "medium,low,informational";

// The findings page a dashboard tile opens, scoped to one provider when the dashboard is.
export function tileHref(severities: string, providerId = ""): string {
  const u = new URLSearchParams({ severity: severities, status: "open" });
  if (providerId) u.set("provider_id", providerId);
  return `/findings?${u.toString()}`;
}

// The account picker's choice (lib/accounts.ts) in the filters: one account,
// an OU's accounts, or every account (both cleared).
export function withScope(filters: Filters, scope: { provider_id: string; ou: string }): Filters {
  return { ...filters, provider_id: scope.provider_id || undefined, ou: scope.ou || undefined };
}

function intIn(v: string | null, lo: number, hi: number, dflt: number): number {
  if (v === null || !/^\d+$/.test(v)) return dflt;
  const n = Number(v);
  return n < lo ? lo : n > hi ? hi : n;
}

// Page URL query → the findings query; unknown keys and bad values fall back to
// defaults, and no filter at all means open failures (DEFAULT_STATUS).
export function parseFindingsQuery(search: URLSearchParams): FindingsQuery {
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = search.get(k);
    if (v !== null && v.trim() !== "") filters[k] = v.trim();
  }
  if (Object.keys(filters).length === 0) filters.status = DEFAULT_STATUS;
  const s = search.get("sort");
  const sort = (SORTS as readonly string[]).includes(s ?? "") ? (s as Sort) : "-severity";
  return {
    filters,
    sort,
    page: intIn(search.get("page"), 1, 1_000_000, 1),
    pageSize: intIn(search.get("page_size"), 1, 500, DEFAULT_PAGE_SIZE),
  };
}

// Does the page URL lack the filters it shows (so it should be rewritten to name them)?
export function needsCanonicalUrl(search: URLSearchParams): boolean {
  return !FILTER_KEYS.some((k) => (search.get(k) ?? "").trim() !== "");
}

// The findings query → page URL parameters (default sort and paging left out; the
// status always written, so the URL says what is shown).
export function findingsParams(q: FindingsQuery, withPaging = true): URLSearchParams {
  const u = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = q.filters[k];
    if (v) u.set(k, v);
  }
  if (q.sort !== "-severity") u.set("sort", q.sort);
  if (withPaging) {
    if (q.page !== 1) u.set("page", String(q.page));
    if (q.pageSize !== DEFAULT_PAGE_SIZE) u.set("page_size", String(q.pageSize));
  }
  return u;
}

// The findings query → the API's parameters: as the page URL, without status=any.
export function apiParams(q: FindingsQuery, withPaging = true): URLSearchParams {
  const u = findingsParams(q, withPaging);
  if ((u.get("status") ?? "").split(",").includes(ANY_STATUS)) u.delete("status");
  return u;
}

// The export link for the current filter (all pages): /api/v1/findings/export?format=csv&...
export function exportHref(q: FindingsQuery, format: "csv" | "json"): string {
  const u = apiParams(q, false);
  u.set("format", format);
  return `/api/v1/findings/export?${u.toString()}`;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
