// Expiry that is never unknown (issue 9 item 1): where an estimate comes from, in
// words; the session lengths offered and the one preselected.
import { describe, expect, it } from "vitest";
import type { ExpiryEstimate, TestResult } from "../types";
import {
  chosenExpiry,
  defaultSessionHours,
  estimateOf,
  estimateSourceText,
  formatSpan,
  isEstimated,
  sessionHourChoices,
  shortRoleName,
  storedEstimateText,
} from "./expiry";

const SSO_ROLE = "AWSReservedSSO_SecurityAuditor_0123456789abcdef";
const role = (seconds: number | null, source: ExpiryEstimate["source"] = "role_max_session"): ExpiryEstimate => ({
  expires_at: "2026-11-30T17:05:00Z",
  source,
  max_session_seconds: seconds,
  role_name: source === "role_max_session" ? SSO_ROLE : null,
});
const identity = { account: "111122223333", arn: "arn:aws:sts::111122223333:assumed-role/x/y", principal_type: "assumed_role", permission_set: null };

describe("where an estimate comes from", () => {
  it("a permission-set role: at most its MaxSessionDuration, the role named without its hash", () => {
    expect(estimateSourceText(role(8 * 3600))).toBe(
      "at most 8 h: the role AWSReservedSSO_SecurityAuditor_… allows sessions of up to 8 hours",
    );
    expect(estimateSourceText(role(3600))).toBe(
      "at most 1 h: the role AWSReservedSSO_SecurityAuditor_… allows sessions of up to 1 hour",
    );
    expect(estimateSourceText(role(5400))).toContain("up to 1 h 30 min");
    expect(estimateSourceText({ ...role(7200), role_name: "AuditRole" })).toContain("the role AuditRole allows");
  });

  it("GetSessionToken or federation: the 12-hour default; GetRole unreadable: 1 hour, said to be the safe side", () => {
    expect(estimateSourceText(role(null, "session_default"))).toMatch(/^at most 12 h: sessions from GetSessionToken or a federation token last 12 hours/);
    expect(estimateSourceText(role(null, "default"))).toMatch(/^1 h, to be safe: .*iam:GetRole.* could not be read/);
  });

  it("spans and role names read as words", () => {
    expect(formatSpan(43200)).toBe("12 hours");
    expect(formatSpan(3600)).toBe("1 hour");
    expect(formatSpan(900)).toBe("15 min");
    expect(shortRoleName(SSO_ROLE)).toBe("AWSReservedSSO_SecurityAuditor_…");
    expect(shortRoleName("AWSReservedSSO_Read_Only_Access_abcdef0123456789")).toBe("AWSReservedSSO_Read_Only_Access_…");
    expect(shortRoleName("AuditRole")).toBe("AuditRole");
  });
});

describe("session length", () => {
  it("offers 1 hour up to the role's maximum, whole hours, never past 12", () => {
    expect(sessionHourChoices(role(8 * 3600))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(sessionHourChoices(role(5400))).toEqual([1]);
    expect(sessionHourChoices(role(3600))).toEqual([1]);
    expect(sessionHourChoices(role(43200))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("offers 1 to 12 hours when the maximum is unknown", () => {
    expect(sessionHourChoices(role(null, "default"))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("preselects the maximum rounded down, capped at 12; 1 hour when unknown", () => {
    expect(defaultSessionHours(role(8 * 3600))).toBe(8);
    expect(defaultSessionHours(role(8 * 3600 + 1800))).toBe(8);
    expect(defaultSessionHours(role(5400))).toBe(1);
    expect(defaultSessionHours(role(129600))).toBe(12);
    expect(defaultSessionHours(role(null, "default"))).toBe(1);
    expect(defaultSessionHours(role(null, "session_default"))).toBe(12);
  });

  it("the chosen length counts from now, capped at the known maximum", () => {
    const now = Date.parse("2026-11-30T09:00:00Z");
    expect(chosenExpiry(role(8 * 3600), 3, now)).toBe("2026-11-30T12:00:00Z");
    expect(chosenExpiry(role(5400), 2, now)).toBe("2026-11-30T10:30:00Z");
    expect(chosenExpiry(role(null, "default"), 12, now)).toBe("2026-11-30T21:00:00Z");
  });
});

describe("when there is an estimate to show", () => {
  it("only after a successful test of credentials given without an expiry", () => {
    const est = role(8 * 3600);
    const ok: TestResult = { ok: true, identity, expires_at: null, seconds_left: null, expiry_estimate: est };
    expect(estimateOf(ok)).toEqual(est);
    expect(estimateOf({ ...ok, expires_at: "2026-11-30T10:00:00Z", expiry_estimate: null })).toBeNull();
    expect(estimateOf({ ok: true, identity, expires_at: null, seconds_left: null })).toBeNull();
    expect(estimateOf({ ok: false, error: { code: "x", message: "y" } })).toBeNull();
    expect(estimateOf(null)).toBeNull();
  });

  it("a saved provider's expiry is an estimate only when the server says so", () => {
    expect(isEstimated({ expires_at: "2026-11-30T17:05:00Z", expires_estimated: true })).toBe(true);
    expect(isEstimated({ expires_at: "2026-11-30T17:05:00Z", expires_estimated: false })).toBe(false);
    expect(isEstimated({ expires_at: "2026-11-30T17:05:00Z" })).toBe(false);
    expect(isEstimated({ expires_at: null, expires_estimated: true })).toBe(false);
  });

  it("a saved estimate says why and what the user chose", () => {
    expect(storedEstimateText({ source: "role_max_session", max_session_seconds: 28800, session_hours: 6 })).toBe(
      "The pasted keys carried no expiry, so this is CloudPeek's estimate — at most 8 h: the role allows sessions of up to 8 hours; you chose a session of 6 hours.",
    );
    expect(storedEstimateText({ source: "user", max_session_seconds: 28800, session_hours: 1 })).toBe(
      "The pasted keys carried no expiry, so this is CloudPeek's estimate: you chose a session of 1 hour, of at most 8 hours these keys allow.",
    );
    expect(storedEstimateText({ source: "user", max_session_seconds: null, session_hours: 3 })).toBe(
      "The pasted keys carried no expiry, so this is CloudPeek's estimate: you chose a session of 3 hours.",
    );
    expect(storedEstimateText({ source: "default", max_session_seconds: null, session_hours: null })).toMatch(
      /estimate — 1 h, to be safe: /,
    );
    expect(storedEstimateText(null)).toBe("The pasted keys carried no expiry, so this is CloudPeek's estimate.");
  });
});
