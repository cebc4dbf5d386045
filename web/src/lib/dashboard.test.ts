import { describe, expect, it } from "vitest";
import { trendFromFirstScan } from "./dashboard";

const days = (opens: number[]) => opens.map((open, i) => ({ date: `2026-11-${String(i + 1).padStart(2, "0")}`, open }));

describe("open findings trend", () => {
  it("starts at the first scan, not with the window's zero days before it", () => {
    const t = trendFromFirstScan(days([0, 0, 0, 12, 10, 10]), "2026-11-04T09:00:00Z");
    expect(t.map((p) => p.date)).toEqual(["2026-11-04", "2026-11-05", "2026-11-06"]);
  });

  it("keeps a real zero: a first scan that found nothing open", () => {
    const t = trendFromFirstScan(days([0, 0, 0, 0, 3]), "2026-11-03T23:30:00Z");
    expect(t.map((p) => p.open)).toEqual([0, 0, 3]);
  });

  it("starts at the first open day when that is before the oldest scan still listed", () => {
    expect(trendFromFirstScan(days([0, 5, 5, 4]), "2026-11-04T00:00:00Z").map((p) => p.date)).toEqual([
      "2026-11-02",
      "2026-11-03",
      "2026-11-04",
    ]);
  });

  it("a first scan before the window: every day", () => {
    expect(trendFromFirstScan(days([1, 2]), "2026-10-01T00:00:00Z")).toHaveLength(2);
  });

  it("nothing to draw without a scan", () => {
    expect(trendFromFirstScan(days([0, 0, 0]), null)).toEqual([]);
  });
});
