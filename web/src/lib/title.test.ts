import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
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
      "/iam": "IAM analyzer — CloudPeek",
      "/iam/principals/role%2FAdmin": "IAM principal — CloudPeek",
      "/settings/provider": "AWS integration — CloudPeek",
      "/nowhere": "Not found — CloudPeek",
    };
    for (const [path, title] of Object.entries(titles)) expect(pageTitle(path, true)).toBe(title);
    // No two pages share a title.
    const set = new Set(Object.values(titles));
    expect(set.size).toBe(Object.keys(titles).length);
  });

  it("every page the app routes to has its own title, not \"Not found\"", () => {
    // The routes as app.tsx declares them: `path === "/x"` and `matchPath("/x/:id", path)`.
    const source = readFileSync(new URL("../app.tsx", import.meta.url), "utf8");
    const routes = [...source.matchAll(/path === "([^"]+)"|matchPath\("([^"]+)", path\)/g)].map((m) => m[1] ?? m[2]);
    expect(routes.length).toBeGreaterThan(8);
    for (const route of routes) {
      const path = route.replace(/:[a-z]+/gi, "7");
      expect(pageTitle(path, true), path).not.toBe("Not found — CloudPeek");
    }
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
