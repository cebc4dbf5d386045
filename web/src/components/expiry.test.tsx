// An estimated expiry is labelled as one wherever it shows, and the form's panel
// after a test of pasted keys says they carry no expiry, what CloudPeek estimates
// and from what, and offers the session length (issue 9 item 1).
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { ExpiryEstimate, Provider, Reminder } from "../types";
import { countdownText, ExpiryEstimatePanel, ExpiryTime } from "./expiry";
import { estimatedIds, ReminderList, shownReminders } from "./reminder_banner";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"');

function options(html: string) {
  return [...html.matchAll(/<option([^>]*)>([^<]*)<\/option>/g)].map(([, attrs, t]) => ({
    value: /value="([^"]*)"/.exec(attrs)?.[1] ?? "",
    selected: /\bselected\b/.test(attrs),
    text: t,
  }));
}

const SSO: ExpiryEstimate = {
  expires_at: "2026-11-30T17:05:00Z",
  source: "role_max_session",
  max_session_seconds: 8 * 3600,
  role_name: "AWSReservedSSO_SecurityAuditor_0123456789abcdef",
};
const NOW = Date.parse("2026-11-30T09:05:00Z");

describe("an expiry time", () => {
  it("an estimate reads ≈ … (estimated), the time in the user's zone with UTC on hover", () => {
    const html = renderToString(<ExpiryTime iso="2026-11-30T17:05:00Z" estimated testid="t" />);
    expect(text(html)).toMatch(/^≈ 2026-11-30 \d\d:05:00 \S+ \(estimated\)$/);
    expect(html).toContain('datetime="2026-11-30T17:05:00Z"');
    expect(html).toContain('title="2026-11-30 17:05:00 UTC"');
  });

  it("an expiry the user or AWS gave is not marked", () => {
    const html = renderToString(<ExpiryTime iso="2026-11-30T17:05:00Z" estimated={false} />);
    expect(text(html)).not.toContain("≈");
    expect(text(html)).not.toContain("estimated");
  });

  it("countdowns to an estimate say ≈", () => {
    expect(countdownText(3600, false, true)).toBe("in ≈ 1h 00m 00s");
    expect(countdownText(3600, false, false)).toBe("in 1h 00m 00s");
    expect(countdownText(0, true, true)).toBe("expired");
  });
});

describe("the estimate after testing pasted keys", () => {
  const panel = (est: ExpiryEstimate, hours: number | null) =>
    renderToString(<ExpiryEstimatePanel estimate={est} hours={hours} onHours={() => {}} now={NOW} prefix="new" />);

  it("says the keys carry no expiry and that CloudPeek reminds before the estimate", () => {
    const t = text(panel(SSO, 8));
    expect(t).toContain("These keys carry no expiry");
    expect(t).toContain("reminds you before the estimate");
    expect(t).toContain("CloudPeek also asks AWS every few minutes");
  });

  it("shows the estimate, labelled, with its source in words", () => {
    const html = panel(SSO, 8);
    expect(html).toContain('datetime="2026-11-30T17:05:00Z"');
    expect(text(html)).toMatch(
      /at the latest at ≈ 2026-11-30 \d\d:05:00 \S+ \(estimated\): at most 8 h: the role AWSReservedSSO_SecurityAuditor_… allows sessions of up to 8 hours\./,
    );
    // The whole role name on hover.
    expect(html).toContain('title="AWSReservedSSO_SecurityAuditor_0123456789abcdef"');
  });

  it("offers 1 hour up to the role's maximum, the maximum preselected", () => {
    const opts = options(panel(SSO, null));
    expect(opts.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(opts[0].text).toBe("1 hour");
    expect(opts.filter((o) => o.selected).map((o) => o.value)).toEqual(["8"]);
  });

  it("a chosen length shows when the credentials count as expiring, labelled as an estimate", () => {
    const html = panel(SSO, 3);
    expect(options(html).filter((o) => o.selected).map((o) => o.value)).toEqual(["3"]);
    expect(html).toContain('datetime="2026-11-30T12:05:00Z"');
    expect(text(html)).toMatch(/count as expiring at ≈ 2026-11-30 \d\d:05:00 \S+ \(estimated\)/);
  });

  it("GetRole unreadable: 1 to 12 hours, 1 preselected, the safe side said", () => {
    const html = panel({ ...SSO, source: "default", max_session_seconds: null, role_name: null }, null);
    const opts = options(html);
    expect(opts.length).toBe(12);
    expect(opts.filter((o) => o.selected).map((o) => o.value)).toEqual(["1"]);
    expect(text(html)).toContain("1 h, to be safe");
  });

  it("a server error about the length shows beside the select", () => {
    const html = renderToString(
      <ExpiryEstimatePanel estimate={SSO} hours={8} onHours={() => {}} now={NOW} prefix="new" error="session_hours must be 1 to 12" />,
    );
    expect(html).toContain('data-testid="field-error-session_hours"');
  });
});

describe("the banner", () => {
  const rem = (id: string, over: Partial<Reminder> = {}): Reminder => ({
    provider_id: id,
    label: `acct-${id}`,
    state: "expiring",
    expires_at: new Date(NOW + 20 * 60_000).toISOString(),
    seconds_left: 1200,
    steps: [],
    ...over,
  });

  it("labels an estimated expiry, from /reminders or else from the providers", () => {
    const providers = [{ id: "1", expires_estimated: true }, { id: "2", expires_estimated: false }] as Provider[];
    expect([...estimatedIds([rem("1"), rem("2")], providers)]).toEqual(["1"]);
    expect([...estimatedIds([rem("2", { expires_estimated: true })], providers)]).toEqual(["2"]);
    expect([...estimatedIds([rem("1")], null)]).toEqual([]);
    const html = renderToString(<ReminderList reminders={[rem("1"), rem("2")]} estimated={new Set(["1"])} fetchedAt={NOW} now={NOW} />);
    const [one, two] = html.split('data-testid="reminder-expiring"').slice(1).map(text);
    expect(one).toContain("expire in ≈ 20m 00s");
    expect(one).toMatch(/\(at ≈ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ \(estimated\)\)/);
    expect(two).toContain("expire in 20m 00s");
    expect(two).not.toContain("estimated");
  });

  it("never shows an expiry unlabelled while it is not yet known whether it is estimated", () => {
    const providers = [{ id: "1", expires_estimated: true }] as Provider[];
    // The providers not read yet, or read before "2" was saved: "2" waits.
    expect(shownReminders([rem("1"), rem("2")], null, false)).toEqual([]);
    expect(shownReminders([rem("1"), rem("2")], providers, false).map((r) => r.provider_id)).toEqual(["1"]);
    // /reminders says so itself: nothing to wait for.
    expect(shownReminders([rem("2", { expires_estimated: false })], null, false).length).toBe(1);
    // The providers cannot be read: the reminder is shown all the same.
    expect(shownReminders([rem("2")], null, true).length).toBe(1);
  });
});
