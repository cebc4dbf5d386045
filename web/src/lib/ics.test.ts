import { describe, expect, it } from "vitest";
import { escapeText, expiryReminderEvent, foldLine, icsFileName, icsText, icsTime } from "./ics";
import type { Provider } from "../types";

const NOW = new Date("2026-03-01T10:00:00.123Z");
const STEPS = [
  "Sign in to your AWS access portal (IAM Identity Center).",
  'Open the account and choose "Access keys" beside the SecurityAuditor permission set.',
  'In CloudPeek, open Settings > AWS integration, choose Replace credentials for "prod; eu, main", paste them and Save.',
];

function provider(over: Partial<Provider> = {}): Provider {
  return {
    id: "p1",
    label: "prod; eu, main",
    access_key_id_last4: "MPLE",
    key_kind: "temporary",
    has_session_token: true,
    expires_at: "2026-03-01T18:00:00Z",
    seconds_left: 8 * 3600,
    credential_state: "valid",
    identity: null,
    schedule_minutes: 0,
    last_scan: null,
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    expires_estimated: false,
    reminder_at: "2026-03-01T17:30:00Z",
    renewal_steps: STEPS,
    ...over,
  };
}

// RFC 5545 3.1: unfolding removes every CRLF followed by one space or tab.
const unfold = (t: string) => t.replace(/\r\n[ \t]/g, "");
// A TEXT value back to its text (3.3.11).
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c) => (c === "n" || c === "N" ? "\n" : c));
function property(ics: string, name: string): string {
  const line = unfold(ics)
    .split("\r\n")
    .find((l) => l.startsWith(`${name}:`));
  if (line === undefined) throw new Error(`no ${name}`);
  return line.slice(name.length + 1);
}

describe("iCalendar text", () => {
  it("writes UTC times in the basic form, whole seconds", () => {
    expect(icsTime(new Date("2026-03-01T17:30:05.999Z"))).toBe("20260301T173005Z");
  });

  it("escapes backslash, semicolon, comma and line breaks, and drops control characters", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    expect(escapeText("tab\tstays, bell\u0007 goes")).toBe("tab\tstays\\, bell goes");
    expect(unescape(escapeText('Replace "prod; eu, main" \\ now\nthen'))).toBe('Replace "prod; eu, main" \\ now\nthen');
  });

  it("folds at 75 octets of UTF-8, never inside a character or an escape", () => {
    expect(foldLine("A".repeat(75))).toBe("A".repeat(75));
    const long = "DESCRIPTION:" + "x".repeat(200);
    const folded = foldLine(long);
    for (const l of folded.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(unfold(folded)).toBe(long);
    // Multi-byte characters (3 octets each, and a 4-octet emoji) are never split.
    const wide = "SUMMARY:" + "“prod”…".repeat(20) + "🔑".repeat(10);
    const w = foldLine(wide);
    for (const l of w.split("\r\n")) {
      const bytes = new TextEncoder().encode(l);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe(l);
    }
    expect(unfold(w)).toBe(wide);
    // An escape pair stays on one line.
    const esc = foldLine("X".repeat(74) + "\\,tail");
    expect(esc.split("\r\n")[0]).toBe("X".repeat(74));
    expect(esc.split("\r\n")[1]).toBe(" \\,tail");
  });
});

describe("the expiry reminder event", () => {
  it("starts at the expiry minus the reminder window, ends at the expiry, with CRLF line ends", () => {
    const e = expiryReminderEvent(provider(), NOW, "https://cloudpeek.example.com");
    expect(e).not.toBeNull();
    const ics = icsText(e!);
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = unfold(ics).split("\r\n");
    expect(lines.slice(0, 6)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CloudPeek//Credential expiry reminder//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT"]);
    expect(lines.slice(-3)).toEqual(["END:VEVENT", "END:VCALENDAR", ""]);
    expect(property(ics, "DTSTART")).toBe("20260301T173000Z");
    expect(property(ics, "DTEND")).toBe("20260301T180000Z");
    expect(property(ics, "DTSTAMP")).toBe("20260301T100000Z");
    expect(property(ics, "UID")).toBe("expiry-p1-20260301T180000Z@cloudpeek.example.com");
    expect(property(ics, "URL")).toBe("https://cloudpeek.example.com/settings/provider?provider=p1");
    expect(property(ics, "TRIGGER")).toBe("PT0S");
    for (const l of ics.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
  });

  it("describes the expiry and the renewal steps, escaped, and no secret", () => {
    const ics = icsText(expiryReminderEvent(provider(), NOW, "https://cloudpeek.example.com")!);
    expect(unescape(property(ics, "SUMMARY"))).toBe("Renew the AWS credentials of “prod; eu, main” (CloudPeek)");
    const d = unescape(property(ics, "DESCRIPTION"));
    expect(d).toContain("The AWS credentials of “prod; eu, main” in CloudPeek (access key …MPLE (temporary)) expire at 2026-03-01 18:00:00 UTC.");
    expect(d).toContain("This reminder is 30 minutes before");
    expect(d).toContain(`To renew them:\n1. ${STEPS[0]}\n2. ${STEPS[1]}\n3. ${STEPS[2]}`);
    expect(d).toContain("CloudPeek: https://cloudpeek.example.com/settings/provider?provider=p1");
    expect(property(ics, "SUMMARY")).toContain("prod\\; eu\\, main");
  });

  it("says an estimated expiry is one", () => {
    const ics = icsText(expiryReminderEvent(provider({ expires_estimated: true }), NOW, "http://127.0.0.1:8080")!);
    expect(unescape(property(ics, "SUMMARY"))).toContain(", estimated expiry");
    expect(unescape(property(ics, "DESCRIPTION"))).toContain("at the latest: an estimate");
    expect(property(ics, "UID")).toMatch(/@127\.0\.0\.1$/);
  });

  it("is not offered without an expiry, once expired, or once the reminders have started", () => {
    expect(expiryReminderEvent(provider({ expires_at: null, reminder_at: null, key_kind: "long_term" }), NOW, "")).toBeNull();
    expect(expiryReminderEvent(provider({ expires_at: "2026-03-01T09:00:00Z", reminder_at: "2026-03-01T08:30:00Z" }), NOW, "")).toBeNull();
    expect(expiryReminderEvent(provider({ expires_at: "2026-03-01T10:20:00Z", reminder_at: "2026-03-01T09:50:00Z" }), NOW, "")).toBeNull();
    expect(expiryReminderEvent(provider({ reminder_at: undefined }), NOW, "")).toBeNull();
  });

  it("names the file after the label, safely", () => {
    expect(icsFileName("prod")).toBe("cloudpeek-prod-expiry.ics");
    expect(icsFileName("../<img src=x> prod; eu")).toBe("cloudpeek-img-src-x-prod-eu-expiry.ics");
    expect(icsFileName("“”")).toBe("cloudpeek-provider-expiry.ics");
  });
});
