// Guards the UI's source against what the CSP or XSS safety forbid: raw HTML
// injection, inline style attributes, eval-like calls, javascript: URLs.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

const SRC = join(__dirname, "..");
const FORBIDDEN: [string, RegExp][] = [
  ["dangerouslySetInnerHTML", /dangerouslySetInnerHTML/],
  ["innerHTML/outerHTML", /\.(inner|outer)HTML\b/],
  ["insertAdjacentHTML", /insertAdjacentHTML/],
  ["document.write", /document\.write/],
  ["eval", /\beval\s*\(|new Function\s*\(/],
  ["inline style prop", /\sstyle=\{/],
  ["javascript: URL", /javascript:/i],
];

describe("source policy", () => {
  const files = sources(SRC);
  it("finds the sources", () => {
    expect(files.length).toBeGreaterThan(10);
  });
  for (const [what, re] of FORBIDDEN) {
    it(`no ${what}`, () => {
      const hits = files.filter((f) => re.test(readFileSync(f, "utf8")));
      expect(hits).toEqual([]);
    });
  }
  it("index.html has no inline script or style", () => {
    const html = readFileSync(join(SRC, "..", "index.html"), "utf8");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style=/);
  });
});
