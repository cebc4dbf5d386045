// "Add to calendar" for a provider whose credentials expire: an iCalendar file
// (RFC 5545) with one event, made in the browser. The event starts when CloudPeek's
// own reminders start (the expiry minus the reminder window, the server's
// `reminder_at`), ends at the expiry, and alarms at its start; its description has
// the steps to renew the credentials (the server's `renewal_steps`, the same the
// banner shows). Nothing secret is in it: the key is named by its last four
// characters, as the page names it.
import { formatUtc } from "./format";
import type { Provider } from "../types";

export interface CalendarEvent {
  uid: string; // stable per provider and expiry: importing it again updates rather than duplicates
  stamp: Date; // DTSTAMP: when the file was made
  start: Date; // DTSTART
  end: Date; // DTEND
  summary: string;
  description: string;
  url?: string;
}

// 20260101T083000Z: a UTC date-time (RFC 5545 3.3.5, form #2), whole seconds.
export function icsTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

// TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line
// breaks as \n, other control characters (not allowed in TEXT) dropped.
export function escapeText(s: string): string {
  return s
    .replace(/\r\n|\r/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\\;,\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

const encoder = new TextEncoder();

// One content line folded (RFC 5545 3.1): no physical line longer than 75 octets of
// UTF-8 (the leading space of a continuation counts), never inside a character and
// never between a backslash and the character it escapes.
export function foldLine(line: string): string {
  const units = line.match(/\\.|[\s\S]/gu) ?? [];
  const out: string[] = [];
  let cur = "";
  let octets = 0;
  for (const u of units) {
    const n = encoder.encode(u).length;
    if (octets + n > 75) {
      out.push(cur);
      cur = " ";
      octets = 1;
    }
    cur += u;
    octets += n;
  }
  out.push(cur);
  return out.join("\r\n");
}

// The whole file: CRLF after every line, the last included.
export function icsText(e: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//CloudPeek//Credential expiry reminder//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${icsTime(e.stamp)}`,
    `DTSTART:${icsTime(e.start)}`,
    `DTEND:${icsTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.url ? [`URL:${e.url}`] : []),
    // A reminder, not a meeting: the time stays free.
    "TRANSP:TRANSPARENT",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "TRIGGER:PT0S",
    `DESCRIPTION:${escapeText(e.summary)}`,
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

// The event for a provider, or null when there is nothing to remind of: no expiry
// (long-term keys, or temporary ones of unknown expiry), already expired, or the
// reminder moment already passed (the banner is showing then).
export function expiryReminderEvent(
  p: Pick<
    Provider,
    "id" | "label" | "access_key_id_last4" | "key_kind" | "expires_at" | "expires_estimated" | "reminder_at" | "renewal_steps"
  >,
  now: Date,
  origin: string, // "https://cloudpeek.example.com": the page link and the UID's domain
): CalendarEvent | null {
  if (!p.expires_at || !p.reminder_at) return null;
  const end = new Date(p.expires_at);
  const start = new Date(p.reminder_at);
  if (Number.isNaN(end.getTime()) || Number.isNaN(start.getTime())) return null;
  if (start.getTime() <= now.getTime() || end.getTime() <= now.getTime()) return null;
  const estimated = !!p.expires_estimated;
  const minutes = Math.round((end.getTime() - start.getTime()) / 60_000);
  const key = `…${p.access_key_id_last4} (${p.key_kind === "temporary" ? "temporary" : "long-term"})`;
  const steps = p.renewal_steps ?? [];
  const url = `${origin}/settings/provider?provider=${encodeURIComponent(p.id)}`;
  const description = [
    `The AWS credentials of “${p.label}” in CloudPeek (access key ${key}) expire at ${formatUtc(p.expires_at)}` +
      (estimated ? " at the latest: an estimate, as these keys carry no expiry of their own." : "."),
    `This reminder is ${minutes} minutes before, when CloudPeek's own reminders start.`,
    ...(steps.length ? ["", "To renew them:", ...steps.map((s, i) => `${i + 1}. ${s}`)] : []),
    "",
    `CloudPeek: ${url}`,
  ].join("\n");
  let host = "cloudpeek";
  try {
    host = new URL(origin).hostname || host;
  } catch {
    /* a bare name will do */
  }
  return {
    uid: `expiry-${p.id}-${icsTime(end)}@${host}`,
    stamp: now,
    start,
    end,
    summary: `Renew the AWS credentials of “${p.label}” (CloudPeek)${estimated ? ", estimated expiry" : ""}`,
    description,
    url,
  };
}

// "cloudpeek-prod-expiry.ics": letters, digits, '-' and '_' of the label only.
export function icsFileName(label: string): string {
  const safe = label.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  return `cloudpeek-${safe || "provider"}-expiry.ics`;
}
