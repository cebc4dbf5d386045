// Browser notifications for the reminders, while a CloudPeek tab is open and the
// user has allowed them: each reminder (a provider's credentials expiring, then
// expired) is announced once per tab session. They say what the banner says, never
// a secret.
import { formatTime } from "./format";
import type { Reminder } from "../types";

// One announcement per provider, state and expiry: new credentials (another expiry)
// or the step from expiring to expired are announced again.
export function reminderKey(r: Reminder): string {
  return `${r.provider_id}|${r.state}|${r.expires_at ?? ""}`;
}

export function toAnnounce(reminders: readonly Reminder[], announced: ReadonlySet<string>): Reminder[] {
  return reminders.filter((r) => !announced.has(reminderKey(r)));
}

export function notificationText(r: Reminder, estimated: boolean): { title: string; body: string } {
  const at = r.expires_at ? ` (at ${estimated ? "≈ " : ""}${formatTime(r.expires_at)}${estimated ? ", estimated" : ""})` : "";
  if (r.reason === "organization_member_unreachable" && r.headline) {
    return {
      title: `CloudPeek: ${r.headline}`,
      body: "Its scans are blocked until CloudPeek can reach it. Open Settings > AWS integration for the steps.",
    };
  }
  if (r.state === "expired") {
    return {
      title: `CloudPeek: the credentials for “${r.label}” have expired`,
      body: `New scans are blocked until they are renewed${at}. Open Settings > AWS integration to replace them.`,
    };
  }
  return {
    title: `CloudPeek: the credentials for “${r.label}” expire soon`,
    body: `They expire${at}. Open Settings > AWS integration to replace them before then.`,
  };
}

const STORE = "cloudpeek:announced";

// What this tab has announced (sessionStorage: a reload does not announce again).
export function loadAnnounced(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(STORE) ?? "[]") as string[]);
  } catch {
    return new Set();
  }
}

export function saveAnnounced(s: ReadonlySet<string>): void {
  try {
    sessionStorage.setItem(STORE, JSON.stringify([...s].slice(-200)));
  } catch {
    /* storage full or disabled: announcing again is the lesser harm */
  }
}

export const notificationsSupported = () => typeof window !== "undefined" && "Notification" in window;
