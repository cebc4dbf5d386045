import { describe, expect, it } from "vitest";
import { parsePastedCredentials } from "./paste";
import { applyPaste, credentialsBody, EMPTY_FORM, formFieldOf, keyKind, validateForm } from "./provider_form";

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
