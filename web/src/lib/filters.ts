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

function intIn(v: string | null, lo: number, hi: number, dflt: number): number {
  if (v === null || !/^\d+$/.test(v)) return dflt;
  const n = Number(v);
  return n < lo ? lo : n > hi ? hi : n;
}

// Page URL query → the findings query; unknown keys and bad values fall back to defaults.
export function parseFindingsQuery(search: URLSearchParams): FindingsQuery {
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = search.get(k);
    if (v !== null && v.trim() !== "") filters[k] = v.trim();
  }
  const s = search.get("sort");
  const sort = (SORTS as readonly string[]).includes(s ?? "") ? (s as Sort) : "-severity";
  return {
    filters,
    sort,
    page: intIn(search.get("page"), 1, 1_000_000, 1),
    pageSize: intIn(search.get("page_size"), 1, 500, DEFAULT_PAGE_SIZE),
  };
}

// The findings query → URL parameters (defaults left out), for the page URL and the API.
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

// The export link for the current filter (all pages): /api/v1/findings/export?format=csv&...
export function exportHref(q: FindingsQuery, format: "csv" | "json"): string {
  const u = findingsParams(q, false);
  u.set("format", format);
  return `/api/v1/findings/export?${u.toString()}`;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
