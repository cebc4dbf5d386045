import { describe, expect, it } from "vitest";
import {
  ANY_STATUS,
  apiParams,
  exportHref,
  findingsParams,
  IMPROVEMENT_SEVERITIES,
  needsCanonicalUrl,
  pageCount,
  parseFindingsQuery,
  SECURITY_ISSUE_SEVERITIES,
  STATUS_VIEWS,
  tileHref,
  withScope,
} from "./filters";

describe("findings query", () => {
  it("reads filters, sort and paging from the URL", () => {
    const q = parseFindingsQuery(
      new URLSearchParams("severity=high&service=s3&q=%20bucket%20&sort=-last_seen&page=3&page_size=100&bogus=1"),
    );
    expect(q.filters).toEqual({ severity: "high", service: "s3", q: "bucket" });
    expect(q.sort).toBe("-last_seen");
    expect(q.page).toBe(3);
    expect(q.pageSize).toBe(100);
  });

  it("falls back to defaults on bad values", () => {
    const q = parseFindingsQuery(new URLSearchParams("sort=drop+table&page=-2&page_size=99999&status="));
    expect(q.sort).toBe("-severity");
    expect(q.page).toBe(1);
    expect(q.pageSize).toBe(500);
    // An empty status is no filter: the page's default, open failures.
    expect(q.filters).toEqual({ status: "open" });
  });

  it("writes only what differs from the defaults, and round-trips", () => {
    const q = parseFindingsQuery(new URLSearchParams("control=2.1.1&status=open&page=2"));
    expect(findingsParams(q).toString()).toBe("status=open&control=2.1.1&page=2");
    expect(parseFindingsQuery(findingsParams(q))).toEqual(q);
  });

  it("export links carry the filter and format, not the page", () => {
    const q = parseFindingsQuery(new URLSearchParams("severity=critical&q=a&b&page=4"));
    expect(exportHref(q, "csv")).toBe("/api/v1/findings/export?severity=critical&q=a&format=csv");
    expect(exportHref(q, "json")).toContain("format=json");
    expect(exportHref(q, "json")).not.toContain("page");
  });

  it("encodes hostile search text", () => {
    const q = parseFindingsQuery(new URLSearchParams());
    q.filters.q = "<img src=x onerror=alert(1)>&x=1";
    const href = exportHref(q, "csv");
    expect(href).not.toContain("<");
    expect(new URL(href, "http://h").searchParams.get("q")).toBe("<img src=x onerror=alert(1)>&x=1");
  });

  it("keeps the result filter in the URL, the API query and the export", () => {
    const q = parseFindingsQuery(new URLSearchParams("result=NOT_ASSESSED,FAIL&status=open"));
    expect(q.filters).toEqual({ result: "NOT_ASSESSED,FAIL", status: "open" });
    expect(findingsParams(q).get("result")).toBe("NOT_ASSESSED,FAIL");
    expect(parseFindingsQuery(findingsParams(q))).toEqual(q);
    expect(new URL(exportHref(q, "json"), "http://h").searchParams.get("result")).toBe("NOT_ASSESSED,FAIL");
  });

  it("page count", () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(101, 50)).toBe(3);
  });
});

describe("the findings page's default: open failures", () => {
  it("opened without a filter (from the menu), lists open findings, and says so in the URL", () => {
    const q = parseFindingsQuery(new URLSearchParams(""));
    expect(q.filters).toEqual({ status: "open" });
    expect(needsCanonicalUrl(new URLSearchParams(""))).toBe(true);
    expect(needsCanonicalUrl(new URLSearchParams("sort=check&page=2"))).toBe(true);
    expect(findingsParams(q).toString()).toBe("status=open");
    expect(apiParams(q).toString()).toBe("status=open");
  });

  it("keeps any filter the URL has, without adding the default", () => {
    expect(needsCanonicalUrl(new URLSearchParams("severity=high"))).toBe(false);
    expect(parseFindingsQuery(new URLSearchParams("severity=high")).filters).toEqual({ severity: "high" });
    expect(parseFindingsQuery(new URLSearchParams("check=s3_x")).filters.status).toBeUndefined();
  });

  it("status=any shows every result: kept in the page URL, not sent to the API or the export", () => {
    const q = parseFindingsQuery(new URLSearchParams("status=any"));
    expect(q.filters).toEqual({ status: ANY_STATUS });
    expect(needsCanonicalUrl(new URLSearchParams("status=any"))).toBe(false);
    expect(findingsParams(q).toString()).toBe("status=any");
    expect(apiParams(q).toString()).toBe("");
    expect(exportHref(q, "csv")).toBe("/api/v1/findings/export?format=csv");
  });

  it("offers the other results one click away", () => {
    expect(STATUS_VIEWS.map((v) => v.status)).toEqual(["open", ANY_STATUS, "muted", "resolved", "passed", "not_assessed"]);
    expect(STATUS_VIEWS[0].label).toBe("Open failures");
  });
});

describe("dashboard tiles", () => {
  it("link to exactly the findings they count: open, by severity group", () => {
    const issues = new URL(tileHref(SECURITY_ISSUE_SEVERITIES), "http://h");
    expect(issues.pathname).toBe("/findings");
    expect(issues.searchParams.get("severity")).toBe("critical,high");
    expect(issues.searchParams.get("status")).toBe("open");
    const better = new URL(tileHref(IMPROVEMENT_SEVERITIES, "7"), "http://h");
    expect(better.searchParams.get("severity")).toBe("medium,low,informational");
    expect(better.searchParams.get("status")).toBe("open");
    expect(better.searchParams.get("provider_id")).toBe("7");
    // The findings page sends the same filter to the API.
    const q = parseFindingsQuery(issues.searchParams);
    expect(apiParams(q).get("severity")).toBe("critical,high");
    expect(apiParams(q).get("status")).toBe("open");
  });
});

describe("the account picker on the findings page", () => {
  it("keeps an OU in the URL, the API query and the export", () => {
    const q = parseFindingsQuery(new URLSearchParams("status=open&ou=Root%2FWorkloads"));
    expect(q.filters).toEqual({ status: "open", ou: "Root/Workloads" });
    expect(apiParams(q).get("ou")).toBe("Root/Workloads");
    expect(new URL(exportHref(q, "csv"), "http://h").searchParams.get("ou")).toBe("Root/Workloads");
    expect(parseFindingsQuery(findingsParams(q))).toEqual(q);
  });

  it("one choice at a time: an OU replaces the account and the other way round; all accounts clears both", () => {
    const f = { status: "open", severity: "high", provider_id: "7" };
    expect(withScope(f, { provider_id: "", ou: "Root/Workloads" })).toEqual({ status: "open", severity: "high", provider_id: undefined, ou: "Root/Workloads" });
    expect(withScope({ ou: "Root" }, { provider_id: "3", ou: "" })).toEqual({ provider_id: "3", ou: undefined });
    const all = withScope(f, { provider_id: "", ou: "" });
    expect(all.provider_id).toBeUndefined();
    expect(all.ou).toBeUndefined();
    expect(all.severity).toBe("high");
    expect(findingsParams({ filters: all, sort: "-severity", page: 1, pageSize: 50 }).toString()).toBe("severity=high&status=open");
  });
});
