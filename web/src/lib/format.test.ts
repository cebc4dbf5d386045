import { describe, expect, it } from "vitest";
import {
  dateToLocalInput,
  formatCountdown,
  formatDuration,
  formatTime,
  formatUtc,
  localInputToIso,
  localZoneName,
  percent,
  plural,
  secondsLeft,
  zoneName,
} from "./format";

describe("formatCountdown", () => {
  it("counts down in days, hours, minutes and seconds", () => {
    expect(formatCountdown(3 * 86400 + 5 * 3600 + 7 * 60)).toBe("3d 5h 07m");
    expect(formatCountdown(2 * 3600 + 5 * 60 + 9)).toBe("2h 05m 09s");
    expect(formatCountdown(4 * 60 + 30)).toBe("4m 30s");
    expect(formatCountdown(12.9)).toBe("12s");
  });
  it("says expired at zero or below and no expiry without one", () => {
    expect(formatCountdown(0)).toBe("expired");
    expect(formatCountdown(-5)).toBe("expired");
    expect(formatCountdown(null)).toBe("no expiry");
    expect(formatCountdown(NaN)).toBe("no expiry");
  });
});

describe("formatDuration", () => {
  it("short, minutes and hours", () => {
    expect(formatDuration(2.44)).toBe("2.4s");
    expect(formatDuration(42)).toBe("42s");
    expect(formatDuration(65)).toBe("1m 05s");
    expect(formatDuration(3725)).toBe("1h 02m");
  });
  it("unknown", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(-1)).toBe("—");
  });
});

describe("times", () => {
  it("formats RFC 3339 in a time zone, named, and passes junk through", () => {
    expect(formatTime("2026-11-30T07:00:00Z", "UTC")).toBe("2026-11-30 07:00:00 UTC");
    expect(formatTime("2026-11-30T08:00:00+01:00", "UTC")).toBe("2026-11-30 07:00:00 UTC");
    expect(formatTime("2026-01-15T13:05:00Z", "Europe/Berlin")).toBe("2026-01-15 14:05:00 CET");
    expect(formatTime("2026-07-15T13:05:00Z", "Europe/Berlin")).toBe("2026-07-15 15:05:00 CEST");
    expect(formatTime("2026-01-15T13:05:00Z", "America/New_York")).toBe("2026-01-15 08:05:00 EST");
    // A zone without a well-known abbreviation is named by its offset; the date rolls over.
    expect(formatTime("2026-01-15T20:05:00Z", "Asia/Tokyo")).toBe("2026-01-16 05:05:00 GMT+9");
    expect(formatTime("2026-01-15T00:00:00Z", "America/New_York")).toBe("2026-01-14 19:00:00 EST");
    expect(formatTime("not a time")).toBe("not a time");
    expect(formatTime(null)).toBe("—");
  });

  it("uses the browser's time zone when none is given, UTC on request", () => {
    const here = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const iso of ["2026-01-15T13:05:00Z", "2026-07-15T23:59:59Z"]) {
      expect(formatTime(iso)).toBe(formatTime(iso, here));
      expect(localZoneName(new Date(iso))).toBe(zoneName(new Date(iso), here));
    }
    expect(formatUtc("2026-01-15T14:05:00+01:00")).toBe("2026-01-15 13:05:00 UTC");
    expect(formatUtc("junk")).toBe("junk");
    expect(zoneName(new Date("2026-01-15T13:05:00Z"), "UTC")).toBe("UTC");
  });

  it("seconds left prefers the absolute expiry", () => {
    const now = Date.parse("2026-11-30T07:00:00Z");
    expect(secondsLeft("2026-11-30T07:10:00Z", 5, now - 1000, now)).toBe(600);
    expect(secondsLeft(null, 100, now - 30_000, now)).toBe(70);
    expect(secondsLeft(null, null, now, now)).toBeNull();
  });
  it("round-trips a datetime-local value through UTC", () => {
    const d = new Date(2026, 10, 30, 9, 30, 15);
    const local = dateToLocalInput(d);
    expect(local).toBe("2026-11-30T09:30:15");
    expect(localInputToIso("2026-11-30T09:30")).toBe(new Date(2026, 10, 30, 9, 30).toISOString().replace(/\.\d{3}Z$/, "Z"));
    expect(localInputToIso(local)).toBe(d.toISOString().replace(/\.\d{3}Z$/, "Z"));
    expect(localInputToIso("")).toBeNull();
    expect(localInputToIso("garbage")).toBeNull();
  });
});

describe("counts", () => {
  it("plural and percent", () => {
    expect(plural(1, "finding")).toBe("1 finding");
    expect(plural(3, "finding")).toBe("3 findings");
    expect(percent(1, 4)).toBe("25%");
    expect(percent(1, 0)).toBe("—");
  });
});
