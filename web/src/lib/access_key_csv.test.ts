import { describe, expect, it } from "vitest";
import { looksLikeAccessKeyCsv, parseAccessKeyCsv } from "./access_key_csv";
import { fileAttempt, fileTooLarge, MAX_CSV_FILE, pasteAttempt } from "./provider_form";

const KEY = "AKIAEXAMPLE000000042";
const KEY2 = "AKIAEXAMPLE000000077";
const TEMP = "ASIAEXAMPLE000000042";
const SECRET = "tEsTsEcReT0/zQxWvU8tRsPqOnMlKjIhGfEdCbA1";
const SECRET2 = "sEcOnDsEcReT1+aBcDeFgHiJkLmNoPqRsTuVwXy";
const PASSWORD = 'Pa55,word"Console!';
const NOW = new Date("2026-01-01T00:00:00Z");

// Today's IAM console: <user>_accessKeys.csv, with a BOM and CRLF as Windows tools save it.
const accessKeysCsv = `\uFEFFAccess key ID,Secret access key\r\n${KEY},${SECRET}\r\n`;
// The older user wizard's credentials.csv: one row per user, a quoted password with a
// comma and a quote, a console-only user.
const userCsv = (second: boolean) =>
  "User name,Password,Access key ID,Secret access key,Console login link\n" +
  `"auditor","Pa55,word""Console!",${KEY},${SECRET},https://111122223333.signin.aws.amazon.com/console\n` +
  "console-only,,,,https://111122223333.signin.aws.amazon.com/console\n" +
  (second ? `robot,,${KEY2},${SECRET2},\n` : "");

function noSecretIn(text: string) {
  expect(text).not.toContain(SECRET.slice(0, 16));
  expect(text).not.toContain(SECRET2.slice(0, 16));
  expect(text).not.toContain("Pa55");
}

describe("access key .csv", () => {
  it("reads today's console download: BOM, CRLF, long-term keys", () => {
    const r = parseAccessKeyCsv(accessKeysCsv);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe("access key file");
    expect(r.value.rows).toHaveLength(1);
    expect(r.value.rows[0].accessKeyId).toBe(KEY);
    expect(r.value.rows[0].secretAccessKey === SECRET).toBe(true);
    expect(r.value.rows[0].line).toBe(2);
    expect(r.value.hasPassword).toBe(false);
  });

  it("reads the older user credentials file: quoted fields, a password skipped, console-only users skipped", () => {
    const r = parseAccessKeyCsv(userCsv(false));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe("user credentials file");
    expect(r.value.rows.map((x) => [x.userName, x.accessKeyId, x.line])).toEqual([["auditor", KEY, 2]]);
    expect(r.value.rows[0].secretAccessKey === SECRET).toBe(true);
    expect(r.value.hasPassword).toBe(true);
    expect(r.value.rowsWithoutKey).toBe(1);
    expect(JSON.stringify(r.value)).not.toContain(PASSWORD);
  });

  it("matches headers by name in any order and case, quoted, with blank lines and a lone CR", () => {
    const r = parseAccessKeyCsv(`\n"Secret Access Key" ,  "ACCESS  KEY ID"\r${SECRET},${KEY}\r\r`);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows[0].accessKeyId).toBe(KEY);
    expect(r.value.rows[0].secretAccessKey === SECRET).toBe(true);
    // A quoted value holding a line break counts its lines: the next row's line is right.
    const q = parseAccessKeyCsv(`User name,Password,Access key ID,Secret access key\na,"two\nlines",${KEY},${SECRET}\nb,,${KEY2},${SECRET2}\n`);
    if (!q.ok) throw new Error(q.error.message);
    expect(q.value.rows.map((x) => x.line)).toEqual([2, 4]);
  });

  it("keeps every key of a file with several, and one of a repeated row", () => {
    const r = parseAccessKeyCsv(userCsv(true));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows.map((x) => `${x.userName} ${x.accessKeyId} ${x.line}`)).toEqual([`auditor ${KEY} 2`, `robot ${KEY2} 4`]);
    const dup = parseAccessKeyCsv(accessKeysCsv + `${KEY},${SECRET}\r\n`);
    expect(dup.ok && dup.value.rows.length).toBe(1);
  });

  it("says what is wrong, naming the line or column, and never the secret or password", () => {
    const cases: [string, string][] = [
      [
        "user,arn,user_creation_time,password_enabled,password_last_used,access_key_1_active\nauditor,arn:aws:iam::111122223333:user/auditor,2024-01-01T00:00:00+00:00,false,N/A,true\n",
        "is the IAM credential report",
      ],
      ["check_id,severity,status\ns3_public,high,FAIL\n", "has no 'Access key ID' and 'Secret access key' columns; it has 'check_id', 'severity', 'status'"],
      [`Access key ID,Secret\n${KEY},${SECRET}\n`, "has no 'Secret access key' column"],
      [`${KEY},${SECRET}\n`, "has no header: its first line (line 1) holds an access key id"],
      [`${SECRET.replace(/[/+]/g, "x")},x\n`, "has no 'Access key ID' and 'Secret access key' columns; it has 'x'"],
      ["Access key ID,Secret access key\n\n", "has the header but no row with an access key"],
      ["User name,Password,Access key ID,Secret access key,Console login link\nalice,Pa55word000000,,,x\n", "lists 1 user but no access key"],
      [`Access key ID,Secret access key\n${TEMP},${SECRET}\n`, "is a temporary key (ASIA…)"],
      [`Access key ID,Secret access key\n${KEY},\n`, `line 2 has the Access key ID ${KEY} but no Secret access key`],
      [`Access key ID,Secret access key\n,${SECRET}\n`, "line 2 has a Secret access key but no Access key ID"],
      [`Access key ID,Secret access key\n${SECRET},${KEY}\n`, "characters, not all A-Z/0-9) on line 2"],
      [`Access key ID,Secret access key\n${KEY},${SECRET}!!\n`, "Secret access key on line 2 is not valid"],
      [`Access key ID,Secret access key\n"${KEY},${SECRET}\n`, "opens a quote on line 2 that is never closed"],
      [`Access key ID,Secret access key\n${KEY},${SECRET},x\n`, "line 2 has 3 values but the header has 2 columns"],
      [`Access key ID,Secret access key\n${KEY},${SECRET}\n${KEY},${SECRET2}\n`, "lines 2 and 3 give the Access key ID"],
      [`Access key ID,Access key ID,Secret access key\n${KEY},${KEY},${SECRET}\n`, "has two 'Access key ID' columns (columns 1 and 2)"],
      ["\r\n\r\n", "is empty"],
    ];
    for (const [text, says] of cases) {
      const r = parseAccessKeyCsv(text, "The file keys.csv");
      expect(r.ok, says).toBe(false);
      if (r.ok) continue;
      expect(r.error.message).toContain("The file keys.csv");
      expect(r.error.message).toContain(says);
      expect(r.error.advice.length).toBeGreaterThan(10);
      noSecretIn(r.error.message + r.error.advice);
    }
  });

  it("tells an access key CSV from a paste by its header", () => {
    expect(looksLikeAccessKeyCsv(accessKeysCsv)).toBe(true);
    expect(looksLikeAccessKeyCsv(`\n\n"User Name","Access Key Id","Secret Access Key"\n`)).toBe(true);
    expect(looksLikeAccessKeyCsv("user,arn,user_creation_time\n")).toBe(true);
    expect(looksLikeAccessKeyCsv(`export AWS_ACCESS_KEY_ID="${KEY}"\n`)).toBe(false);
    expect(looksLikeAccessKeyCsv(`{"AccessKeyId": "${KEY}", "x": 1}`)).toBe(false);
    expect(looksLikeAccessKeyCsv("aws_access_key_id = x, access key id\n")).toBe(false);
  });

  it("survives any bytes", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['"', ",", "\n", "\r", " ", "A", "K", "I", "a", "/", "\uFEFF", "x"];
    for (let i = 0; i < 2000; i++) {
      let t = i % 2 ? "Access key ID,Secret access key\n" : "";
      const n = Math.floor(rnd() * 60);
      for (let j = 0; j < n; j++) t += alphabet[Math.floor(rnd() * alphabet.length)];
      const r = parseAccessKeyCsv(t);
      expect(typeof r.ok).toBe("boolean");
    }
  });
});

describe("the form's access key .csv: pasted, picked or dropped", () => {
  it("fills the fields from a pasted CSV and empties the box", () => {
    const r = pasteAttempt(accessKeysCsv, NOW);
    expect(r.ok).toBe(true);
    if (r.ok !== true) return;
    expect(r.clearBox).toBe(true);
    expect(r.value.accessKeyId).toBe(KEY);
    expect(r.value.sessionToken).toBe("");
    expect(r.value.expiration).toBeNull();
    expect(r.value.format).toBe("the pasted CSV (access key file, line 2)");
  });

  it("asks which key when a file holds several, showing no secret or password", () => {
    const r = fileAttempt("credentials.csv", userCsv(true), NOW);
    expect(r.ok).toBe("choose");
    if (r.ok !== "choose") return;
    expect(r.source).toBe("The file credentials.csv holds 2 access keys: pick the one CloudPeek should use.");
    expect(r.choices.map((c) => c.label)).toEqual([`${KEY} — user auditor, line 2`, `${KEY2} — user robot, line 4`]);
    expect(r.note).toContain("console password, which CloudPeek ignores");
    noSecretIn(r.source + r.choices.map((c) => c.label).join() + r.note);
  });

  it("reads a file by its name or its header, and anything else as a paste", () => {
    const one = fileAttempt("auditor_accessKeys.csv", accessKeysCsv, NOW);
    expect(one.ok === true && one.value.format).toBe("the file auditor_accessKeys.csv (access key file, line 2)");
    const named = fileAttempt("keys.txt", accessKeysCsv, NOW);
    expect(named.ok).toBe(true);
    const portal = fileAttempt("portal.txt", `export AWS_ACCESS_KEY_ID="${KEY}"\nexport AWS_SECRET_ACCESS_KEY="${SECRET}"\n`, NOW);
    expect(portal.ok === true && portal.value.format).toBe("bash");
    const report = fileAttempt("status_reports_2026.csv", "user,arn,user_creation_time,password_enabled\n", NOW);
    expect(report.ok === false && report.message).toContain("The file status_reports_2026.csv is the IAM credential report");
    const notCsv = fileAttempt("notes.csv", "hello\n", NOW);
    expect(notCsv.ok === false && notCsv.message).toContain("is not an AWS access key file");
    const broken = fileAttempt("portal.txt", `export AWS_SECRET_ACCESS_KEY="${SECRET}"\n`, NOW);
    expect(broken.ok === false && broken.message).toMatch(/^In the file portal.txt: /);
    noSecretIn(broken.ok === false ? broken.message : "");
  });

  it("refuses a file over 64 KiB by its size, before reading it", () => {
    expect(fileTooLarge("keys.csv", MAX_CSV_FILE)).toBeNull();
    const r = fileTooLarge("credential-report.csv", 5_000_000);
    expect(r?.ok).toBe(false);
    if (r && r.ok === false) {
      expect(r.message).toBe(
        "The file credential-report.csv is too large: 5,000,000 bytes, at most 65,536 (64 KiB) are read; an access key .csv is under 2 KB.",
      );
      expect(r.advice).toContain("Download .csv file");
    }
  });
});
