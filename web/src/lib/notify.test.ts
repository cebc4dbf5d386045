import { describe, expect, it } from "vitest";
import { notificationText, reminderKey, toAnnounce } from "./notify";
import type { Reminder } from "../types";

const rem = (over: Partial<Reminder> = {}): Reminder => ({
  provider_id: "7",
  label: "prod",
  state: "expiring",
  expires_at: "2026-03-01T18:00:00Z",
  seconds_left: 1200,
  steps: ["Sign in to your AWS access portal."],
  ...over,
});

describe("browser notifications for reminders", () => {
  it("announce each reminder once, again for new credentials or once expired", () => {
    const announced = new Set([reminderKey(rem())]);
    expect(toAnnounce([rem()], announced)).toEqual([]);
    expect(toAnnounce([rem({ state: "expired" })], announced)).toHaveLength(1);
    expect(toAnnounce([rem({ expires_at: "2026-03-02T18:00:00Z" })], announced)).toHaveLength(1);
    expect(toAnnounce([rem({ provider_id: "8" })], announced)).toHaveLength(1);
  });

  it("say what the banner says, an estimate as one", () => {
    const soon = notificationText(rem(), false);
    expect(soon.title).toBe("CloudPeek: the credentials for “prod” expire soon");
    expect(soon.body).toMatch(/^They expire \(at 2026-03-01 \d\d:\d\d:00 \S+\)\. Open Settings > AWS integration/);
    expect(notificationText(rem(), true).body).toMatch(/\(at ≈ .+, estimated\)/);
    const gone = notificationText(rem({ state: "expired" }), false);
    expect(gone.title).toBe("CloudPeek: the credentials for “prod” have expired");
    expect(gone.body).toContain("New scans are blocked until they are renewed");
  });
});
