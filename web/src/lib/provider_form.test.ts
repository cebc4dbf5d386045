import { describe, expect, it } from "vitest";
import { parsePastedCredentials } from "./paste";
import type { Provider, TestResult } from "../types";
import {
  applyPaste,
  connectedAs,
  credentialsBody,
  EMPTY_FORM,
  formFieldOf,
  keyKind,
  lengthError,
  MAX_LENGTH,
  MAX_PASTE,
  mayHoldSecret,
  pasteAttempt,
  validateForm,
  withRetest,
} from "./provider_form";

const KEY = "ASIAFAKEKEY0000TEST";
const SECRET = "fakeSecret/fakeSecret+fakeSecret0000TEST";
const TOKEN = "FakeSessionToken//FakeSessionToken+FakeSessionToken==";
const NOW = new Date("2026-01-01T00:00:00Z");

describe("provider form", () => {
  it("is filled from a paste, expiry included, and becomes the request body", () => {
    const r = parsePastedCredentials(
      `{"Credentials": {"AccessKeyId": "${KEY}", "SecretAccessKey": "${SECRET}", "SessionToken": "${TOKEN}", "Expiration": "2026-01-01T08:00:00Z"}}`,
      NOW,
    );
    if (!r.ok) throw new Error(r.error.message);
    const form = applyPaste({ ...EMPTY_FORM, label: " prod " }, r.value);
    expect(validateForm(form, true, NOW)).toEqual({});
    const body = credentialsBody(form, true);
    expect(body.label).toBe("prod");
    expect(body.access_key_id).toBe(KEY);
    expect(body.secret_access_key === SECRET).toBe(true);
    expect(body.session_token === TOKEN).toBe(true);
    expect(body.expires_at).toBe("2026-01-01T08:00:00Z");
    // Seconds survive the form (an expiry cut to the minute would come earlier).
    const r2 = parsePastedCredentials(
      `{"AccessKeyId": "${KEY}", "SecretAccessKey": "${SECRET}", "SessionToken": "${TOKEN}", "Expiration": "2026-01-01T00:00:42Z"}`,
      NOW,
    );
    if (!r2.ok) throw new Error(r2.error.message);
    expect(credentialsBody(applyPaste(EMPTY_FORM, r2.value), false).expires_at).toBe("2026-01-01T00:00:42Z");
  });

  it("leaves optional fields out of the body", () => {
    const body = credentialsBody({ ...EMPTY_FORM, accessKeyId: "AKIAFAKEKEY0000TEST", secretAccessKey: SECRET }, false);
    expect(body).toEqual({ access_key_id: "AKIAFAKEKEY0000TEST", secret_access_key: SECRET });
  });

  it("names each problem beside its field, never echoing the secret", () => {
    let e = validateForm(EMPTY_FORM, true, NOW);
    expect(Object.keys(e).sort()).toEqual(["access_key_id", "label", "secret_access_key"]);
    e = validateForm({ ...EMPTY_FORM, label: "x", accessKeyId: KEY, secretAccessKey: "bad secret!" }, true, NOW);
    expect(e.session_token).toContain("Temporary keys");
    expect(e.secret_access_key).toContain("11 characters");
    expect(e.secret_access_key).not.toContain("bad secret");
    e = validateForm(
      { ...EMPTY_FORM, accessKeyId: "AKIAFAKEKEY0000TEST", secretAccessKey: SECRET, sessionToken: TOKEN },
      false,
      NOW,
    );
    expect(e.session_token).toContain("long-term");
    e = validateForm(
      { ...EMPTY_FORM, accessKeyId: "akia", secretAccessKey: SECRET, expiresLocal: "2025-01-01T00:00" },
      false,
      NOW,
    );
    expect(e.access_key_id).toContain("AKIA or ASIA");
    expect(e.expires_at).toContain("in the past");
  });

  it("maps the server's error field to the form", () => {
    expect(formFieldOf("secret_access_key")).toBe("secret_access_key");
    expect(formFieldOf("credentials.session_token")).toBe("session_token");
    expect(formFieldOf("provider_id")).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });

  it("tells key kinds apart", () => {
    expect(keyKind(KEY)).toBe("temporary");
    expect(keyKind("AKIAFAKEKEY0000TEST")).toBe("long_term");
    expect(keyKind("")).toBe("unknown");
  });
});

describe("lengths, checked where the user types", () => {
  it("takes what the server takes: key id 128, secret 256, token 8192", () => {
    expect(MAX_LENGTH).toEqual({ label: 100, access_key_id: 128, secret_access_key: 256, session_token: 8192 });
    expect(lengthError("access_key_id", "A".repeat(128))).toBe("");
    expect(lengthError("secret_access_key", "s".repeat(256))).toBe("");
    expect(lengthError("session_token", "t".repeat(8192))).toBe("");
    expect(lengthError("expires_at", "x".repeat(10_000))).toBe("");
  });

  it("names the field that is too long, with its length, never its value", () => {
    const key = lengthError("access_key_id", "A".repeat(129));
    expect(key).toContain("Access Key ID is too long");
    expect(key).toContain("129 characters");
    const secret = lengthError("secret_access_key", "s".repeat(300));
    expect(secret).toContain("Secret Access Key is too long");
    expect(secret).toContain("at most 256");
    expect(secret).not.toContain("sss");
    const token = lengthError("session_token", "t".repeat(1_000_000));
    expect(token).toContain("Session Token is too long: 1,000,000 characters, at most 8,192");
    expect(token).not.toContain("ttt");
  });

  it("stops the form before a request: each too-long field has its own message", () => {
    const e = validateForm(
      {
        ...EMPTY_FORM,
        accessKeyId: "ASIA" + "A".repeat(200),
        secretAccessKey: "s".repeat(257),
        sessionToken: "t".repeat(9000),
      },
      false,
      NOW,
    );
    expect(e.access_key_id).toContain("Access Key ID is too long");
    expect(e.secret_access_key).toContain("Secret Access Key is too long");
    expect(e.session_token).toContain("Session Token is too long");
    // A 200-character secret is long but accepted, as by the server.
    expect(validateForm({ ...EMPTY_FORM, accessKeyId: "AKIAFAKEKEY0000TEST", secretAccessKey: "s".repeat(200) }, false, NOW)).toEqual({});
  });
});

describe("a paste attempt", () => {
  const lines = (token: string) =>
    `export AWS_ACCESS_KEY_ID="${KEY}"\nexport AWS_SECRET_ACCESS_KEY="${SECRET}"\nexport AWS_SESSION_TOKEN="${token}"\n`;

  it("fills the fields and empties the box", () => {
    const r = pasteAttempt(lines(TOKEN), NOW);
    expect(r.ok).toBe(true);
    expect(r.clearBox).toBe(true);
  });

  it("empties the box when it failed but saw a secret", () => {
    // The key id and token, no secret: the parse fails, the token was in the box.
    const r = pasteAttempt(`export AWS_ACCESS_KEY_ID="${KEY}"\nexport AWS_SESSION_TOKEN="${TOKEN}"`, NOW);
    expect(r.ok).toBe(false);
    expect(r.clearBox).toBe(true);
    if (!r.ok) expect(r.message).toContain("no AWS_SECRET_ACCESS_KEY");
    // A bare secret-like string with nothing around it.
    expect(pasteAttempt(SECRET, NOW).clearBox).toBe(true);
    // A malformed line that names the secret.
    expect(pasteAttempt(`export AWS_SECRET_ACCESS_KEY="${SECRET}`, NOW).clearBox).toBe(true);
  });

  it("leaves text that holds no secret, so it can be corrected", () => {
    expect(mayHoldSecret("hello")).toBe(false);
    const r = pasteAttempt(`export AWS_ACCESS_KEY_ID="${KEY}"`, NOW);
    expect(r.ok).toBe(false);
    expect(r.clearBox).toBe(false);
    expect(pasteAttempt("   ", NOW)).toEqual({ ok: false, message: "The paste box is empty.", advice: expect.any(String), clearBox: false });
  });

  it("refuses a paste too large to be credentials before parsing it, and empties the box", () => {
    const r = pasteAttempt(lines("A".repeat(1_000_000)), NOW);
    expect(r.ok).toBe(false);
    expect(r.clearBox).toBe(true);
    if (!r.ok) expect(r.message).toContain("The paste is too long");
    expect(MAX_PASTE).toBeGreaterThan(8192 + 128 + 256 + 200);
  });

  it("names a pasted session token longer than the server takes", () => {
    const r = pasteAttempt(lines("A".repeat(9000)), NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("Session Token is too long: 9,000 characters");
      expect(r.clearBox).toBe(true);
    }
  });
});

describe("session length sent for temporary keys without an expiry (issue 9 item 1)", () => {
  const temp = { ...EMPTY_FORM, accessKeyId: KEY, secretAccessKey: SECRET, sessionToken: TOKEN };

  it("goes with the credentials as session_hours", () => {
    expect(credentialsBody(temp, false, 8).session_hours).toBe(8);
    expect(credentialsBody(temp, false, 1).session_hours).toBe(1);
    expect(credentialsBody(temp, false, 12).session_hours).toBe(12);
  });

  it("is not sent when none was chosen, out of 1-12, with an expiry given, or for long-term keys", () => {
    expect("session_hours" in credentialsBody(temp, false)).toBe(false);
    expect("session_hours" in credentialsBody(temp, false, null)).toBe(false);
    expect("session_hours" in credentialsBody(temp, false, 0)).toBe(false);
    expect("session_hours" in credentialsBody(temp, false, 13)).toBe(false);
    expect("session_hours" in credentialsBody(temp, false, 2.5)).toBe(false);
    const withExpiry = credentialsBody({ ...temp, expiresLocal: "2026-01-01T08:00:00" }, false, 8);
    expect(withExpiry.expires_at).toBeTruthy();
    expect("session_hours" in withExpiry).toBe(false);
    const longTerm = credentialsBody({ ...EMPTY_FORM, accessKeyId: "AKIAFAKEKEY0000TEST", secretAccessKey: SECRET }, false, 8);
    expect("session_hours" in longTerm).toBe(false);
  });

  it("a server error about it goes beside its select", () => {
    expect(formFieldOf("session_hours")).toBe("session_hours");
  });
});

function saved(id: string, account: string | null, checkedAt = "2026-01-01T00:00:00Z"): Provider {
  return {
    id,
    label: `acct-${id}`,
    access_key_id_last4: "TEST",
    key_kind: "temporary",
    has_session_token: true,
    expires_at: null,
    seconds_left: null,
    credential_state: "valid",
    identity: account
      ? { account, arn: `arn:aws:iam::${account}:user/auditor`, principal_type: "iam_user", permission_set: null, checked_at: checkedAt }
      : null,
    schedule_minutes: 0,
    last_scan: null,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  };
}

describe("an account that is already connected (issue 9 item 9)", () => {
  const list = [saved("1", "111122223333"), saved("2", "444455556666"), saved("3", null)];

  it("is found by the tested identity's account", () => {
    expect(connectedAs(list, "444455556666").map((p) => p.id)).toEqual(["2"]);
    expect(connectedAs([...list, saved("4", "444455556666")], "444455556666").map((p) => p.id)).toEqual(["2", "4"]);
    expect(connectedAs(list, "999999999999")).toEqual([]);
    expect(connectedAs(list, null)).toEqual([]);
    expect(connectedAs(list, "")).toEqual([]);
    expect(connectedAs([], "111122223333")).toEqual([]);
  });

  it("is not the provider whose credentials are being replaced", () => {
    expect(connectedAs(list, "111122223333", "1")).toEqual([]);
  });
});

describe("a re-test of a saved account (issue 9 item 9)", () => {
  const p = saved("1", "111122223333", "2026-01-01T00:00:00Z");
  const ok = (checked?: string): TestResult => ({
    ok: true,
    identity: { account: "111122223333", arn: "arn:aws:iam::111122223333:user/auditor", principal_type: "iam_user", permission_set: null, checked_at: checked },
    expires_at: null,
    seconds_left: null,
  });

  it("shows the time of the test as the card's check time", () => {
    expect(withRetest(p, ok("2026-01-01T02:00:00Z"), new Date("2026-01-01T02:00:05Z")).identity?.checked_at).toBe("2026-01-01T02:00:00Z");
    // The answer without a check time: the time the answer came.
    expect(withRetest(p, ok(), new Date("2026-01-01T03:00:00Z")).identity?.checked_at).toBe("2026-01-01T03:00:00Z");
  });

  it("keeps a later check from the re-read list, and ignores a failed test", () => {
    const later = saved("1", "111122223333", "2026-01-01T05:00:00Z");
    expect(withRetest(later, ok("2026-01-01T02:00:00Z"), new Date()).identity?.checked_at).toBe("2026-01-01T05:00:00Z");
    expect(withRetest(p, { ok: false, error: { code: "x", message: "y" } }, new Date())).toBe(p);
    expect(withRetest(p, null, new Date())).toBe(p);
  });
});
