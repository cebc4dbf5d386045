// The .csv file the AWS console downloads for an IAM user's access key, read in
// the browser (the file is never sent anywhere). Two header forms exist:
//   Access key ID,Secret access key                                  (IAM console today: <user>_accessKeys.csv)
//   User name,Password,Access key ID,Secret access key,Console login link   (the older user wizard's
//                                                                    credentials.csv: one row per user created)
// Headers are matched by name, case- and space-insensitively (as `aws configure
// import --csv` does); a UTF-8 BOM, CRLF or LF, RFC 4180 quoted fields and blank
// lines are fine. Rows without a key (a console-only user) are skipped. These are
// long-term AKIA… keys: no session token, no expiry.
//
// Errors name the line and column and never contain a secret access key or a
// console password. The same rules as the C++ parser (aws/credentials/access_key_csv.cc).

export interface AccessKeyCsvRow {
  line: number; // 1-based line of the file where the row starts
  userName: string; // "" when there is no User name column (or the cell is not a valid IAM user name)
  accessKeyId: string;
  secretAccessKey: string;
}

export interface AccessKeyCsv {
  rows: AccessKeyCsvRow[]; // at least one; identical rows appear once
  format: "access key file" | "user credentials file";
  hasPassword: boolean; // some row carries a console password (ignored, never shown)
  rowsWithoutKey: number; // console-only users skipped
}

export class AccessKeyCsvError extends Error {
  readonly advice: string;
  constructor(message: string, advice: string = CSV_ADVICE) {
    super(message);
    this.advice = advice;
  }
}

export type AccessKeyCsvResult = { ok: true; value: AccessKeyCsv } | { ok: false; error: AccessKeyCsvError };

export const CSV_ADVICE =
  "Use the .csv the IAM console offers when the access key is created (Users > the user > Security credentials > " +
  "Create access key > Download .csv file), unedited. The secret cannot be downloaded again: if that file is lost, " +
  "create a new access key.";

const isBlank = (c: string) => c === " " || c === "\t";
function trim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isBlank(s[a])) a++;
  while (b > a && isBlank(s[b - 1])) b--;
  return s.slice(a, b);
}

interface CsvRecord {
  line: number;
  fields: string[];
}

class CsvFail {
  constructor(readonly error: AccessKeyCsvError) {}
}

// RFC 4180 records: ',' between fields, CRLF, LF or CR between records, "..." around
// a field that holds commas, quotes ("") or line breaks. Unquoted fields are trimmed.
function splitRecords(text: string, source: string): CsvRecord[] | CsvFail {
  const out: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const r: CsvRecord = { line, fields: [] };
    let field = "";
    let quoted = false;
    for (;;) {
      if (i >= n) break;
      const c = text[i];
      if (c === '"' && !quoted && trim(field) === "") {
        quoted = true;
        field = "";
        const opened = line;
        i++;
        for (;;) {
          if (i >= n) return new CsvFail(new AccessKeyCsvError(`${source} opens a quote on line ${opened} that is never closed.`));
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (text[i] === "\n") line++;
          field += text[i++];
        }
        continue;
      }
      if (c === ",") {
        r.fields.push(quoted ? field : trim(field));
        field = "";
        quoted = false;
        i++;
        continue;
      }
      if (c === "\n" || c === "\r") {
        i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        break;
      }
      if (!(quoted && isBlank(c))) field += c;
      i++;
    }
    r.fields.push(quoted ? field : trim(field));
    if (r.fields.some((f) => f !== "")) out.push(r);
  }
  return out;
}

// "Access Key Id" → "access key id".
function headerName(s: string): string {
  return trim(s).split(/[ \t]+/).filter(Boolean).join(" ").replace(/[A-Z]/g, (c) => c.toLowerCase());
}

// A header cell that may be repeated in a message: short and plainly a column name,
// not a run of the characters keys and secrets are made of (a file without its header).
const showableName = (s: string) =>
  s.length > 0 && s.length <= 40 && /^[A-Za-z0-9 _\-().]+$/.test(s) && !(s.length >= 16 && /^[A-Za-z0-9]+$/.test(s));

function columnsText(header: string[]): string {
  const shown = header.filter(showableName);
  if (shown.length === 0) return `${header.length} column${header.length === 1 ? "" : "s"}`;
  return shown.slice(0, 8).map((h) => `'${h}'`).join(", ") + (shown.length > 8 ? ", …" : "");
}

const base64ish = (s: string) => /^[A-Za-z0-9/+=]*$/.test(s);
const keyChars = (k: string) => k.length > 0 && k.length <= 128 && /^[A-Z0-9]+$/.test(k);
const iamUserName = (s: string) => /^[A-Za-z0-9+=,.@_-]{1,64}$/.test(s);

function stripBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function firstLine(text: string): string {
  for (const l of stripBom(text).split(/\r\n|\r|\n/)) if (trim(l) !== "") return l;
  return "";
}

// Does `text` start (after a BOM and blank lines) with a CSV header an access-key file
// or another IAM CSV has? Then it is parsed as CSV rather than as a paste.
export function looksLikeAccessKeyCsv(text: string): boolean {
  const l = headerName(firstLine(text));
  if (!l.includes(",") || l.includes("=")) return false;
  return l.includes("access key id") || l.startsWith("user,arn,");
}

// `source` names the input in messages, e.g. "The file keys.csv" or "The pasted CSV".
export function parseAccessKeyCsv(input: string, source = "The CSV"): AccessKeyCsvResult {
  const fail = (message: string, advice?: string): AccessKeyCsvResult => ({
    ok: false,
    error: new AccessKeyCsvError(message, advice),
  });
  const records = splitRecords(stripBom(input), source);
  if (records instanceof CsvFail) return { ok: false, error: records.error };
  if (records.length === 0) return fail(`${source} is empty.`);

  const head = records[0];
  const names = head.fields.map(headerName);
  const column = (name: string): number | null => {
    const i = names.indexOf(name);
    return i < 0 ? null : i;
  };
  if (column("arn") !== null && (column("access_key_1_active") !== null || column("password_enabled") !== null)) {
    return fail(
      `${source} is the IAM credential report: it lists users and when their keys were used, never the secret access keys.`,
      "Use instead the .csv the IAM console offers when an access key is created (Users > the user > Security " +
        "credentials > Create access key > Download .csv file).",
    );
  }
  const keyCol = column("access key id");
  const secretCol = column("secret access key");
  if (keyCol === null || secretCol === null) {
    if (head.fields.some((f) => /^A[KS]IA[A-Z0-9]{12,124}$/.test(trim(f)))) {
      return fail(
        `${source} has no header: its first line (line ${head.line}) holds an access key id where the header 'Access key ID,Secret access key' belongs.`,
      );
    }
    const missing =
      keyCol === null && secretCol === null
        ? "'Access key ID' and 'Secret access key' columns"
        : keyCol === null
          ? "'Access key ID' column"
          : "'Secret access key' column";
    return fail(
      `${source} is not an AWS access key file: its header (line ${head.line}) has no ${missing}; it has ${columnsText(head.fields)}.`,
    );
  }
  for (const c of [keyCol, secretCol]) {
    const j = names.indexOf(names[c], c + 1);
    const first = names.indexOf(names[c]);
    if (j >= 0 || first !== c) {
      const a = Math.min(first, c);
      const b = j >= 0 ? j : c;
      const shown = showableName(head.fields[c]) ? head.fields[c] : names[c];
      return fail(`${source} has two '${shown}' columns (columns ${a + 1} and ${b + 1}).`);
    }
  }
  const userCol = column("user name");
  const passwordCol = column("password");

  const out: AccessKeyCsv = {
    rows: [],
    format: userCol !== null || passwordCol !== null || column("console login link") !== null ? "user credentials file" : "access key file",
    hasPassword: false,
    rowsWithoutKey: 0,
  };
  for (const rec of records.slice(1)) {
    if (rec.fields.length > names.length && rec.fields.slice(names.length).some((f) => f !== "")) {
      return fail(
        `${source}: line ${rec.line} has ${rec.fields.length} values but the header has ${names.length} columns (is a value with a comma not in quotes?).`,
      );
    }
    const cell = (c: number | null) => (c !== null && c < rec.fields.length ? trim(rec.fields[c]) : "");
    const key = cell(keyCol);
    const secret = cell(secretCol);
    if (cell(passwordCol) !== "") out.hasPassword = true;
    if (key === "" && secret === "") {
      out.rowsWithoutKey++; // a user with console access only
      continue;
    }
    if (key === "") return fail(`${source}: line ${rec.line} has a Secret access key but no Access key ID.`);
    const chars = keyChars(key);
    const temporary = key.startsWith("ASIA");
    if (!chars || key.length < 16 || !(temporary || key.startsWith("AKIA"))) {
      // Echo the id only if it looks like one: a secret in the wrong column must not be shown.
      const shown = chars ? `'${key}'` : `(${key.length} characters, not all A-Z/0-9)`;
      return fail(
        `${source}: the Access key ID ${shown} on line ${rec.line} is not 16-128 upper-case letters and digits starting with AKIA.`,
      );
    }
    if (temporary) {
      return fail(
        `${source}: the Access key ID ${key} on line ${rec.line} is a temporary key (ASIA…), which needs its session token, and a CSV carries none.`,
        "Paste the access portal's export lines (with AWS_SESSION_TOKEN) instead, or use a long-term key's .csv.",
      );
    }
    if (secret === "") return fail(`${source}: line ${rec.line} has the Access key ID ${key} but no Secret access key.`);
    if (secret.length < 16 || secret.length > 128 || !base64ish(secret)) {
      return fail(
        `${source}: the Secret access key on line ${rec.line} is not valid: expected about 40 characters of letters, digits, '/', '+' ` +
          `(got ${secret.length} characters${base64ish(secret) ? "" : ", some of them other"}).`,
      );
    }
    const seen = out.rows.find((r) => r.accessKeyId === key);
    if (seen) {
      if (seen.secretAccessKey !== secret) {
        return fail(`${source}: lines ${seen.line} and ${rec.line} give the Access key ID ${key} with different secrets.`);
      }
      continue;
    }
    const user = cell(userCol);
    out.rows.push({ line: rec.line, userName: iamUserName(user) ? user : "", accessKeyId: key, secretAccessKey: secret });
  }
  if (out.rows.length === 0) {
    if (out.rowsWithoutKey > 0) {
      const n = out.rowsWithoutKey;
      return fail(
        `${source} lists ${n} user${n === 1 ? "" : "s"} but no access key: ${n === 1 ? "it has" : "they have"} console access only.`,
        "Create an access key for the user (Users > the user > Security credentials > Create access key) and use the .csv offered then.",
      );
    }
    return fail(`${source} has the header but no row with an access key.`);
  }
  return { ok: true, value: out };
}
