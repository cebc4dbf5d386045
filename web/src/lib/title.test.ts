import { describe, expect, it } from "vitest";
import { pageTitle } from "./title";

describe("document titles", () => {
  it("name each page", () => {
    const titles = {
      "/": "Dashboard — CloudPeek",
      "/findings": "Findings — CloudPeek",
      "/findings/42": "Finding — CloudPeek",
      "/inventory": "Inventory — CloudPeek",
      "/inventory/7": "Resource — CloudPeek",
      "/scans": "Scans — CloudPeek",
      "/compliance": "Compliance — CloudPeek",
      "/settings/provider": "AWS integration — CloudPeek",
      "/nowhere": "Not found — CloudPeek",
    };
    for (const [path, title] of Object.entries(titles)) expect(pageTitle(path, true)).toBe(title);
    // No two pages share a title.
    const set = new Set(Object.values(titles));
    expect(set.size).toBe(Object.keys(titles).length);
  });

  it("signed out: the sign-in and setup pages", () => {
    expect(pageTitle("/findings", false)).toBe("Sign in — CloudPeek");
    expect(pageTitle("/login", false)).toBe("Sign in — CloudPeek");
    expect(pageTitle("/setup", false)).toBe("Set up — CloudPeek");
  });
});

describe("one name for the settings section", () => {
  it("the menu and the page say what the renewal steps say: Settings > AWS integration", async () => {
    const { NAV } = await import("../app");
    // server/scheduler.cc's renewal steps: "In CloudPeek, open Settings > AWS integration, …"
    const [menu, section] = "Settings > AWS integration".split(" > ");
    expect(NAV.find((n) => n.href === "/settings/provider")?.label).toBe(menu);
    expect(pageTitle("/settings/provider", true)).toBe(`${section} — CloudPeek`);
    expect(NAV.map((n) => n.label)).not.toContain("AWS accounts");
  });
});
