import { describe, expect, it } from "vitest";
import { compliancePath, exportHref, percentLabel, sectionLabel, totalsOf, type FrameworkCompliance } from "./compliance";

describe("compliance paths", () => {
  it("leaves the default framework out and keeps the account", () => {
    expect(compliancePath("cis-3.0", "")).toBe("/compliance");
    expect(compliancePath("aws-fsbp", "")).toBe("/compliance?framework=aws-fsbp");
    expect(compliancePath("aws-fsbp", "p1")).toBe("/compliance?framework=aws-fsbp&provider_id=p1");
    // An OU's accounts, and its export: the same scope.
    expect(compliancePath("pci-dss-4.0", "", undefined, "Root/Workloads")).toBe("/compliance?framework=pci-dss-4.0&ou=Root%2FWorkloads");
    expect(exportHref("aws-fsbp", "", "csv", "Root/Workloads")).toBe("/api/v1/compliance?framework=aws-fsbp&ou=Root%2FWorkloads&format=csv");
  });
  it("exports are API downloads with the format", () => {
    expect(exportHref("aws-fsbp", "", "csv")).toBe("/api/v1/compliance?framework=aws-fsbp&format=csv");
    expect(exportHref("", "p 1", "html")).toBe("/api/v1/compliance?provider_id=p+1&format=html");
  });
});

describe("compliance labels", () => {
  it("percent or a dash when nothing is assessable", () => {
    expect(percentLabel(0)).toBe("0%");
    expect(percentLabel(87)).toBe("87%");
    expect(percentLabel(null)).toBe("–");
    expect(percentLabel(undefined)).toBe("–");
  });
  it("numbered sections read '1. Title', service sections 'Title (ID)'", () => {
    expect(sectionLabel({ section: "1", title: "Identity and Access Management" })).toBe("1. Identity and Access Management");
    expect(sectionLabel({ section: "S3", title: "Amazon S3" })).toBe("Amazon S3 (S3)");
    expect(sectionLabel({ section: "AC", title: "" })).toBe("AC");
  });
  it("counts each status once per control", () => {
    const c = {
      framework: "x",
      sections: [],
      controls: [
        { id: "1", title: "", section: "1", status: "pass", checks: [], reasons: [] },
        { id: "2", title: "", section: "1", status: "fail", checks: [], reasons: [] },
        { id: "3", title: "", section: "1", status: "fail", checks: [], reasons: [] },
        { id: "4", title: "", section: "1", status: "not_assessed", checks: [], reasons: [] },
      ],
    } as FrameworkCompliance;
    expect(totalsOf(c)).toEqual({ pass: 1, fail: 2, manual: 0, not_assessed: 1 });
  });
});
