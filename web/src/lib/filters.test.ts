import { describe, expect, it } from "vitest";
import { exportHref, findingsParams, pageCount, parseFindingsQuery } from "./filters";

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
    expect(q.filters).toEqual({});
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
