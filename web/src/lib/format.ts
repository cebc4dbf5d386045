// Pure formatting helpers: countdowns, durations, times, counts.

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

// Seconds left → "2h 05m 09s", "4m 30s", "12s"; "expired" at or below zero.
export function formatCountdown(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "no expiry";
  if (seconds <= 0) return "expired";
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}d ${h}h ${pad2(m)}m`;
  if (h > 0) return `${h}h ${pad2(m)}m ${pad2(sec)}s`;
  if (m > 0) return `${m}m ${pad2(sec)}s`;
  return `${sec}s`;
}

// A scan's duration in seconds → "1m 05s", "2.4s", "1h 02m".
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "—";
  if (seconds < 10) return `${Math.round(seconds * 10) / 10}s`;
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h ${pad2(m)}m`;
  if (m > 0) return `${m}m ${pad2(s % 60)}s`;
  return `${s}s`;
}

// The short name of a time zone at an instant: "CET", "EST", "UTC", else "GMT+9".
// Intl names zones by locale (en-US knows EST but calls Berlin "GMT+1"; en-GB the
// reverse), so take the first that gives letters rather than an offset.
export function zoneName(d: Date, timeZone?: string): string {
  let fallback = "";
  for (const locale of ["en-US", "en-GB"]) {
    try {
      const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
        .formatToParts(d)
        .find((p) => p.type === "timeZoneName")?.value;
      if (!name) continue;
      if (!/^(GMT|UTC)[+-]/.test(name)) return name;
      fallback ||= name;
    } catch {
      /* an unknown zone: fall through to the offset */
    }
  }
  return fallback || "UTC";
}

// An instant's wall-clock fields in a time zone (the browser's when none is given).
function wallClock(d: Date, timeZone?: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const out: Record<string, string> = {};
  for (const p of parts) out[p.type] = p.value;
  return out;
}

// An RFC 3339 time → "2026-11-30 08:00:00 CET": the browser's time zone, named, so a
// user reads their own clock; formatUtc gives the UTC form (titles, exports, logs).
export function formatTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const w = wallClock(d, timeZone);
  return `${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute}:${w.second} ${zoneName(d, timeZone)}`;
}

// An RFC 3339 time → "2026-11-30 07:00:00 UTC" (what logs, exports and AWS show).
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, " UTC");
}

// The zone a datetime-local input means (the browser's), for its label: "CET".
export function localZoneName(now: Date = new Date(), timeZone?: string): string {
  return zoneName(now, timeZone);
}

// Seconds left at `now` from an absolute expiry (preferred) or a server-given count taken at `fetchedAt`.
export function secondsLeft(
  expiresAt: string | null | undefined,
  serverSecondsLeft: number | null | undefined,
  fetchedAt: number,
  now: number,
): number | null {
  if (expiresAt) {
    const t = Date.parse(expiresAt);
    if (!Number.isNaN(t)) return Math.floor((t - now) / 1000);
  }
  if (serverSecondsLeft === null || serverSecondsLeft === undefined) return null;
  return Math.floor(serverSecondsLeft - (now - fetchedAt) / 1000);
}

// A datetime-local input value ("2026-11-30T09:30", local time) → RFC 3339 UTC, or null when empty/invalid.
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// A Date → the datetime-local input value in local time, to the second ("2026-11-30T09:30:15"):
// a pasted expiry must not move earlier by being cut to the minute.
export function dateToLocalInput(d: Date): string {
  return (
    `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}` +
    `T${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`
  );
}

export function plural(n: number, one: string, many = one + "s"): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function percent(part: number, total: number): string {
  if (!total) return "—";
  return `${Math.round((part / total) * 100)}%`;
}
