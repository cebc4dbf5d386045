// WCAG AA contrast (4.5:1 for normal text) of the colours styles.css gives muted
// text and badges, read from the stylesheet itself.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("./styles.css", import.meta.url), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

const vars = new Map<string, string>();
for (const m of css.matchAll(/(--[a-z-]+):\s*([^;]+);/g)) vars.set(m[1], m[2].trim());
const resolve = (v: string): string => v.replace(/var\((--[a-z-]+)\)/g, (_, n) => vars.get(n) ?? n).trim();

// Every rule: selectors → declarations.
const rules: { selectors: string[]; decl: Map<string, string> }[] = [];
for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
  const decl = new Map<string, string>();
  for (const d of m[2].split(";")) {
    const i = d.indexOf(":");
    if (i > 0) decl.set(d.slice(0, i).trim(), resolve(d.slice(i + 1)));
  }
  rules.push({ selectors: m[1].split(",").map((s) => s.trim()), decl });
}

function luminance(hex: string): number {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  const f = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const badge = rules.find((r) => r.selectors.includes(".badge"))!.decl;

describe("contrast", () => {
  it("muted text on every background it sits on", () => {
    const muted = vars.get("--muted")!;
    // page, cards, error and expired banners, expiring banner, notices, test-ok, selected rows
    for (const bg of [vars.get("--bg")!, vars.get("--card")!, "#fef2f2", "#fffbeb", "#eff6ff", "#f0fdf4"]) {
      expect(contrast(muted, bg), `muted ${muted} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("every badge: severity, status and credential state", () => {
    const badges = rules.filter((r) => r.selectors.some((s) => /^\.(sev|st|cred)-[a-z_]+$/.test(s)) && r.decl.has("background"));
    expect(badges.length).toBeGreaterThanOrEqual(8);
    for (const r of badges) {
      const bg = r.decl.get("background")!;
      const fg = r.decl.get("color") ?? badge.get("color")!;
      expect(contrast(fg, bg), `${r.selectors.join(", ")}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("coloured text: warnings, errors, success", () => {
    for (const v of ["--warn", "--bad", "--good", "--brand"]) {
      expect(contrast(vars.get(v)!, vars.get("--card")!), v).toBeGreaterThanOrEqual(4.5);
      expect(contrast(vars.get(v)!, vars.get("--bg")!), v).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("small screens", () => {
  it("tables scroll in their own box and the two-column grid fits a phone", () => {
    expect(rules.find((r) => r.selectors.includes(".table-wrap"))?.decl.get("overflow-x")).toBe("auto");
    expect(rules.find((r) => r.selectors.includes(".grid2"))?.decl.get("grid-template-columns")).toContain("min(");
    expect(css).toMatch(/@media \(max-width: 760px\)/);
  });
});
