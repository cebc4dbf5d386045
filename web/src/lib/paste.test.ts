// The browser's paste parser over every format the AWS access portal and the
// CLI give, and its errors — the same cases as aws/credentials/paste_test.cc.
// Secrets are compared with `=== ` inside expect(bool) so a failure never prints them.
import { describe, expect, it } from "vitest";
import { parsePastedCredentials, parseTimestamp, type PasteResult } from "./paste";

const KEY = "ASIAFAKEKEY0000TEST";
const LONG_KEY = "AKIAFAKEKEY0000TEST";
const SECRET = "fakeSecret/fakeSecret+fakeSecret0000TEST";
const TOKEN = "FakeSessionToken//FakeSessionToken+FakeSessionToken==";
const NOW = new Date("2026-01-01T00:00:00Z");

function expectFull(r: PasteResult, key = KEY) {
  if (!r.ok) throw new Error("parse failed: " + r.error.message);
  expect(r.value.accessKeyId).toBe(key);
  expect(r.value.secretAccessKey === SECRET).toBe(true);
  if (key === KEY) expect(r.value.sessionToken === TOKEN).toBe(true);
  return r.value;
}

function expectError(r: PasteResult) {
  if (r.ok) throw new Error("expected an error");
  const text = r.error.message + " " + r.error.advice;
  expect(text.includes(SECRET)).toBe(false);
  expect(text.includes(TOKEN)).toBe(false);
  return r.error;
}

describe("paste formats", () => {
  it("bash export lines with double, single and no quotes", () => {
    for (const q of ['"', "'", ""]) {
      const text = `export AWS_ACCESS_KEY_ID=${q}${KEY}${q}\nexport AWS_SECRET_ACCESS_KEY=${q}${SECRET}${q}\nexport AWS_SESSION_TOKEN=${q}${TOKEN}${q}\n`;
      expect(expectFull(parsePastedCredentials(text, NOW)).format).toBe("bash");
    }
  });

  it("the portal's block with CRLF, blank lines, comments and surrounding text", () => {
    const text =
      `Option 1: Set AWS environment variables\r\n\r\n# copied\r\nexport AWS_ACCESS_KEY_ID="${KEY}"\r\n` +
      `export AWS_SECRET_ACCESS_KEY="${SECRET}"\r\n\r\nexport AWS_SESSION_TOKEN="${TOKEN}"\r\n` +
      "export AWS_REGION=eu-west-1 # home\r\nthanks!\r\n";
    expect(expectFull(parsePastedCredentials(text, NOW)).region).toBe("eu-west-1");
  });

  it("PowerShell $Env: lines in any case", () => {
    const text = `$Env:AWS_ACCESS_KEY_ID="${KEY}"\n$env:AWS_SECRET_ACCESS_KEY = "${SECRET}"\n$ENV:AWS_SESSION_TOKEN="${TOKEN}"\n`;
    expect(expectFull(parsePastedCredentials(text, NOW)).format).toBe("powershell");
  });

  it("Windows set lines, including set \"NAME=value\"", () => {
    const text = `set AWS_ACCESS_KEY_ID=${KEY}\r\nSET AWS_SECRET_ACCESS_KEY=${SECRET}\r\nset "AWS_SESSION_TOKEN=${TOKEN}"\r\n`;
    expect(expectFull(parsePastedCredentials(text, NOW)).format).toBe("windows");
  });

  it("a credentials file [profile] block", () => {
    const text = `[123456789012_AdministratorAccess]\naws_access_key_id=${KEY}\naws_secret_access_key = ${SECRET}\naws_session_token=${TOKEN}\n`;
    expect(expectFull(parsePastedCredentials(text, NOW)).format).toBe("credentials file");
  });

  it("sts get-session-token / assume-role JSON with Expiration", () => {
    const text =
      `$ aws sts get-session-token\n{\n  "Credentials": {\n    "AccessKeyId": "${KEY}",\n` +
      `    "SecretAccessKey": "${SECRET}",\n    "SessionToken": "${TOKEN}",\n` +
      `    "Expiration": "2026-01-01T12:00:00+00:00"\n  },\n  "AssumedRoleUser": {}\n}\n`;
    const v = expectFull(parsePastedCredentials(text, NOW));
    expect(v.expiration?.toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(v.format).toBe("json");
  });

  it("aws configure export-credentials JSON", () => {
    const text = `{"Version": 1, "AccessKeyId": "${KEY}", "SecretAccessKey": "${SECRET}", "SessionToken": "${TOKEN}", "Expiration": "2026-01-01T01:00:00Z"}`;
    const v = expectFull(parsePastedCredentials(text, NOW));
    expect(v.expiration!.getTime() - NOW.getTime()).toBe(3600 * 1000);
  });

  it("the portal's roleCredentials JSON with expiration in milliseconds", () => {
    const ms = NOW.getTime() + 8 * 3600 * 1000;
    const text = `{"roleCredentials": {"accessKeyId": "${KEY}", "secretAccessKey": "${SECRET}", "sessionToken": "${TOKEN}", "expiration": ${ms}}}`;
    const v = expectFull(parsePastedCredentials(text, NOW));
    expect(v.expiration!.getTime()).toBe(ms);
  });

  it("AWS_CREDENTIAL_EXPIRATION in export lines sets the expiry", () => {
    const text = `export AWS_ACCESS_KEY_ID=${KEY}\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\nexport AWS_SESSION_TOKEN=${TOKEN}\nexport AWS_CREDENTIAL_EXPIRATION=2026-01-01T02:00:00Z\n`;
    expect(expectFull(parsePastedCredentials(text, NOW)).expiration!.toISOString()).toBe("2026-01-01T02:00:00.000Z");
  });

  it("long-term keys without a token", () => {
    const v = expectFull(
      parsePastedCredentials(`AWS_ACCESS_KEY_ID=${LONG_KEY}\nAWS_SECRET_ACCESS_KEY=${SECRET}`, NOW),
      LONG_KEY,
    );
    expect(v.sessionToken).toBe("");
    expect(v.expiration).toBeNull();
  });

  it("a UTF-8 byte order mark at the start", () => {
    expectFull(
      parsePastedCredentials(`\uFEFFexport AWS_ACCESS_KEY_ID=${KEY}\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\nexport AWS_SESSION_TOKEN=${TOKEN}`, NOW),
    );
  });
});

describe("paste errors", () => {
  it("names the missing secret", () => {
    const e = expectError(
      parsePastedCredentials(`export AWS_ACCESS_KEY_ID=${KEY}\nexport AWS_SESSION_TOKEN=${TOKEN}`, NOW),
    );
    expect(e.message).toBe("Found AWS_ACCESS_KEY_ID and AWS_SESSION_TOKEN but no AWS_SECRET_ACCESS_KEY.");
  });

  it("names the missing key id", () => {
    const e = expectError(parsePastedCredentials(`export AWS_SECRET_ACCESS_KEY=${SECRET}`, NOW));
    expect(e.message).toBe("Found AWS_SECRET_ACCESS_KEY but no AWS_ACCESS_KEY_ID.");
  });

  it("nothing found, with the formats it takes as advice", () => {
    const e = expectError(parsePastedCredentials("hello world\n", NOW));
    expect(e.kind).toBe("invalid");
    expect(e.message).toContain("No AWS credentials");
    expect(e.advice).toContain("PowerShell");
  });

  it("shows a bad key id only when it looks like one", () => {
    let e = expectError(parsePastedCredentials(`AWS_ACCESS_KEY_ID=XYZ\nAWS_SECRET_ACCESS_KEY=${SECRET}`, NOW));
    expect(e.message).toContain("'XYZ' is not 16-128");
    // The secret pasted as the key id is never echoed.
    e = expectError(parsePastedCredentials(`AWS_ACCESS_KEY_ID=${SECRET}\nAWS_SECRET_ACCESS_KEY=${SECRET}`, NOW));
    expect(e.message).toContain("characters, not all A-Z/0-9");
  });

  it("a session token with a long-term key id", () => {
    const e = expectError(
      parsePastedCredentials(`AWS_ACCESS_KEY_ID=${LONG_KEY}\nAWS_SECRET_ACCESS_KEY=${SECRET}\nAWS_SESSION_TOKEN=${TOKEN}`, NOW),
    );
    expect(e.message).toContain("session token was pasted with the long-term");
  });

  it("a temporary key id without a token", () => {
    const e = expectError(parsePastedCredentials(`AWS_ACCESS_KEY_ID=${KEY}\nAWS_SECRET_ACCESS_KEY=${SECRET}`, NOW));
    expect(e.message).toContain("no AWS_SESSION_TOKEN");
  });

  it("conflicting duplicates fail, the same value twice is fine", () => {
    const base = `export AWS_ACCESS_KEY_ID=${KEY}\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\nexport AWS_SESSION_TOKEN=${TOKEN}\n`;
    expectFull(parsePastedCredentials(base + `$Env:AWS_ACCESS_KEY_ID="${KEY}"\n`, NOW));
    const e = expectError(
      parsePastedCredentials(base + "export AWS_SECRET_ACCESS_KEY=otherFakeSecret0000000000000000000000000\n", NOW),
    );
    expect(e.message).toContain("two different values for AWS_SECRET_ACCESS_KEY, on line 2 and line 4");
    expect(e.message.includes("otherFakeSecret")).toBe(false);
  });

  it("an unclosed quote", () => {
    const e = expectError(
      parsePastedCredentials(`export AWS_SECRET_ACCESS_KEY="${SECRET}\nexport AWS_ACCESS_KEY_ID=${KEY}`, NOW),
    );
    expect(e.message).toContain("not closed");
  });

  it("a space inside a bare value", () => {
    const e = expectError(parsePastedCredentials(`AWS_ACCESS_KEY_ID=${KEY} X\nAWS_SECRET_ACCESS_KEY=${SECRET}`, NOW));
    expect(e.message).toContain("has a space inside its value");
  });

  it("an invalid secret names its length, not its value", () => {
    const e = expectError(parsePastedCredentials(`AWS_ACCESS_KEY_ID=${LONG_KEY}\nAWS_SECRET_ACCESS_KEY=short`, NOW));
    expect(e.message).toContain("secret access key is not valid");
    expect(e.message).toContain("got 5 characters");
    expect(e.message.includes("short")).toBe(false);
  });

  it("expired credentials and an unreadable expiration", () => {
    const base = `AWS_ACCESS_KEY_ID=${KEY}\nAWS_SECRET_ACCESS_KEY=${SECRET}\nAWS_SESSION_TOKEN=${TOKEN}`;
    let e = expectError(parsePastedCredentials(base + "\nAWS_CREDENTIAL_EXPIRATION=2025-12-31T23:00:00Z", NOW));
    expect(e.kind).toBe("expired");
    expect(e.message).toBe("These credentials expired at 2025-12-31T23:00:00Z.");
    e = expectError(parsePastedCredentials(base + "\nAWS_CREDENTIAL_EXPIRATION=tomorrow", NOW));
    expect(e.message).toContain("'tomorrow' is not an ISO 8601");
  });

  it("JSON cut off mid-way", () => {
    const e = expectError(
      parsePastedCredentials(`{"Credentials": {"AccessKeyId": "${KEY}", "SecretAccessKey": "${SECRET}" }`, NOW),
    );
    expect(e.kind).toBe("invalid");
  });

  it("JSON with a non-string value", () => {
    const e = expectError(parsePastedCredentials(`{"AccessKeyId": 12, "SecretAccessKey": "${SECRET}"}`, NOW));
    expect(e.message).toBe('"AccessKeyId" in the pasted JSON is not a string.');
  });

  it("arbitrary bytes do not throw", () => {
    let junk = "";
    for (let i = 0; i < 4096; ++i) junk += String.fromCharCode((i * 7919) & 0xff);
    for (const t of [junk, "{".repeat(10000), "\0\0=\"", "", "export =", "[", "$env:", "set \""]) {
      expect(() => parsePastedCredentials(t, NOW)).not.toThrow();
    }
  });
});

describe("parseTimestamp", () => {
  it("reads the forms AWS tools print", () => {
    expect(parseTimestamp("2026-01-01T12:00:00Z")?.toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(parseTimestamp("2026-01-01T12:00:00.250Z")?.toISOString()).toBe("2026-01-01T12:00:00.250Z");
    expect(parseTimestamp("2026-01-01T12:00:00+02:00")?.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(parseTimestamp("2026-01-01T12:00:00-0130")?.toISOString()).toBe("2026-01-01T13:30:00.000Z");
    expect(parseTimestamp("20260101T120000Z")?.toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(parseTimestamp("Thu, 01 Jan 2026 12:00:00 GMT")?.toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(parseTimestamp("1767268800")?.toISOString()).toBe("2026-01-01T12:00:00.000Z");
  });
  it("rejects the rest", () => {
    for (const s of ["tomorrow", "2026-02-31T00:00:00Z", "9337-01-01T00:00:00Z", "2026-01-01", "1e99", ""]) {
      expect(parseTimestamp(s)).toBeNull();
    }
  });
});
