// What people paste from the AWS access portal or the CLI, turned into form
// fields, entirely in the browser (the paste is never sent anywhere): bash
// `export AWS_...=` lines (quotes single, double or none), PowerShell
// `$Env:AWS_...="..."`, Windows `set AWS_...=...`, a credentials file
// [profile] block, and the JSON of `aws sts get-session-token`,
// `aws sts assume-role` ({"Credentials": {...}}), `aws configure
// export-credentials` ({"Version": 1, ...}) and the portal's
// `roleCredentials`. Other text around is ignored. Error messages name what is
// missing or malformed and never contain the secret or the token.
// The same rules as the C++ parser (aws/credentials/paste.cc).

export interface PastedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string; // "" when none (long-term keys)
  expiration: Date | null;
  region: string;
  format: string; // "bash", "powershell", "windows", "credentials file", "json" (comma-joined if mixed)
}

export type PasteKind = "invalid" | "expired";

export class PasteError extends Error {
  readonly kind: PasteKind;
  readonly advice: string;
  constructor(kind: PasteKind, message: string, advice: string) {
    super(message);
    this.kind = kind;
    this.advice = advice;
  }
}

export type PasteResult = { ok: true; value: PastedCredentials } | { ok: false; error: PasteError };

const enum F {
  KeyId,
  Secret,
  Token,
  Expiration,
  Region,
}
const ENV_NAME = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_CREDENTIAL_EXPIRATION",
  "AWS_REGION",
];

const COPY_AGAIN =
  'Copy the credentials again from the AWS access portal ("Access keys") or the CLI, and paste all of the lines.';

interface Found {
  value: string;
  line: number;
  set: boolean;
}

class State {
  f: Found[] = [0, 1, 2, 3, 4].map(() => ({ value: "", line: 0, set: false }));
  formats: string[] = [];
  error: PasteError | null = null;

  fail(msg: string): void {
    if (!this.error) this.error = new PasteError("invalid", msg, COPY_AGAIN);
  }
  format(name: string): void {
    if (!this.formats.includes(name)) this.formats.push(name);
  }
  set(field: F, value: string, line: number): void {
    const x = this.f[field];
    if (x.set && x.value !== value) {
      let what = ENV_NAME[field];
      // Not secret: may be shown.
      if (field === F.KeyId || field === F.Region || field === F.Expiration) what += ` ('${x.value}' and '${value}')`;
      this.fail(
        `The paste gives two different values for ${what}, on line ${x.line} and line ${line}. Paste one set of credentials.`,
      );
      return;
    }
    this.f[field] = { value, line, set: true };
  }
}

const isSpace = (c: string) => c === " " || c === "\t" || c === "\r" || c === "\v" || c === "\f";
function trim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s[a])) a++;
  while (b > a && isSpace(s[b - 1])) b--;
  return s.slice(a, b);
}
const iequals = (a: string, b: string) => a.length === b.length && a.toUpperCase() === b.toUpperCase();
const istarts = (s: string, prefix: string) =>
  s.length >= prefix.length && iequals(s.slice(0, prefix.length), prefix);

function envField(name: string): F | null {
  if (iequals(name, "AWS_ACCESS_KEY_ID")) return F.KeyId;
  if (iequals(name, "AWS_SECRET_ACCESS_KEY")) return F.Secret;
  if (iequals(name, "AWS_SESSION_TOKEN") || iequals(name, "AWS_SECURITY_TOKEN")) return F.Token;
  if (iequals(name, "AWS_CREDENTIAL_EXPIRATION")) return F.Expiration;
  if (iequals(name, "AWS_REGION") || iequals(name, "AWS_DEFAULT_REGION")) return F.Region;
  return null;
}

function fileField(name: string): F | null {
  if (iequals(name, "aws_access_key_id")) return F.KeyId;
  if (iequals(name, "aws_secret_access_key")) return F.Secret;
  if (iequals(name, "aws_session_token") || iequals(name, "aws_security_token")) return F.Token;
  if (iequals(name, "region")) return F.Region;
  return null;
}

// A value after '=': "..." or '...' (then anything after, e.g. ';' or a comment, is ignored), or bare.
function valueOf(raw: string, field: F, line: number, st: State): string | null {
  let v = trim(raw);
  if (v.length > 0 && (v[0] === '"' || v[0] === "'")) {
    const q = v[0];
    const close = v.indexOf(q, 1);
    if (close < 0) {
      st.fail(
        `${ENV_NAME[field]} on line ${line} opens a ${q === '"' ? "double" : "single"} quote that is not closed (a value must be on one line).`,
      );
      return null;
    }
    return v.slice(1, close);
  }
  while (v.endsWith(";")) v = v.slice(0, -1);
  for (let i = 1; i < v.length; ++i) {
    if (v[i] === "#" && isSpace(v[i - 1])) {
      v = trim(v.slice(0, i));
      break;
    }
  }
  v = trim(v);
  for (const c of v) {
    if (isSpace(c)) {
      st.fail(`${ENV_NAME[field]} on line ${line} has a space inside its value.`);
      return null;
    }
  }
  return v;
}

function parseLine(rawLine: string, n: number, st: State): void {
  const line = trim(rawLine);
  if (
    line === "" ||
    line[0] === "#" ||
    line.startsWith("//") ||
    line.startsWith("::") ||
    istarts(line, "REM ")
  )
    return;
  if (line[0] === "[") {
    if (line.includes("]")) st.format("credentials file");
    return;
  }
  let format = "bash";
  let rest = line;
  if (istarts(rest, "export ")) {
    rest = trim(rest.slice(7));
  } else if (istarts(rest, "$env:")) {
    rest = rest.slice(5);
    format = "powershell";
  } else if (istarts(rest, "set ")) {
    rest = trim(rest.slice(4));
    format = "windows";
    if (rest.startsWith('"')) {
      // set "NAME=value"
      rest = rest.slice(1);
      const close = rest.lastIndexOf('"');
      if (close >= 0) rest = rest.slice(0, close);
    }
  }
  const eq = rest.indexOf("=");
  if (eq < 0) return; // not an assignment: surrounding text
  const name = trim(rest.slice(0, eq));
  // Lower-case names are the credentials file's (aws_access_key_id = ...).
  const lowerCase = name.length > 0 && name[0] >= "a" && name[0] <= "z";
  let field = lowerCase ? fileField(name) : envField(name);
  if (field !== null && lowerCase) format = "credentials file";
  if (field === null && !lowerCase) {
    field = fileField(name);
    if (field !== null) format = "credentials file";
  }
  if (field === null && lowerCase) field = envField(name);
  if (field === null) return;
  const v = valueOf(rest.slice(eq + 1), field, n, st);
  if (v === null) return;
  st.format(format);
  st.set(field, v, n);
}

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function parseJson(text: string, st: State): void {
  const open = text.indexOf("{");
  const close = text.lastIndexOf("}");
  if (open < 0 || close < 0 || close < open) return;
  let doc: unknown;
  try {
    doc = JSON.parse(text.slice(open, close + 1));
  } catch {
    doc = undefined;
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    if (text.includes("AccessKeyId")) {
      st.fail("The paste looks like JSON with AccessKeyId but is not valid JSON (was part of it cut off?).");
    }
    return;
  }
  let c = doc as Record<string, unknown>;
  let portal = false;
  const creds = c["Credentials"];
  const roleCreds = c["roleCredentials"];
  if (creds !== null && typeof creds === "object" && !Array.isArray(creds)) {
    c = creds as Record<string, unknown>;
  } else if (roleCreds !== null && typeof roleCreds === "object" && !Array.isArray(roleCreds)) {
    c = roleCreds as Record<string, unknown>;
    portal = true;
  }
  const str = (k: string, f: F) => {
    if (!Object.prototype.hasOwnProperty.call(c, k)) return;
    const v = c[k];
    if (typeof v !== "string") {
      if (!(f === F.Expiration && typeof v === "number")) {
        st.fail(`"${k}" in the pasted JSON is not a string.`);
        return;
      }
      if (!(v > 0 && v < 1e15)) {
        st.fail(`"${k}" in the pasted JSON is not a valid time.`);
        return;
      }
      st.set(f, isoSeconds(Math.trunc(portal ? v / 1000 : v)), 0);
      return;
    }
    st.set(f, v, 0);
  };
  if (portal) {
    str("accessKeyId", F.KeyId);
    str("secretAccessKey", F.Secret);
    str("sessionToken", F.Token);
    str("expiration", F.Expiration);
  } else {
    str("AccessKeyId", F.KeyId);
    str("SecretAccessKey", F.Secret);
    str("SessionToken", F.Token);
    str("Expiration", F.Expiration);
  }
  if (st.f[F.KeyId].set || st.f[F.Secret].set) st.format("json");
}

const base64ish = (s: string) => /^[A-Za-z0-9/+=]*$/.test(s);

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// ISO 8601 / RFC 3339 with optional fraction and Z or ±hh:mm, the compact
// 20150830T123600Z, an HTTP date, or epoch seconds. Years 1900..2200 only.
export function parseTimestamp(text: string): Date | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|z|[+-]\d{2}:?\d{2})$/.exec(s);
  if (!m) {
    const c = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
    if (c) m = [c[0], c[1], c[2], c[3], c[4], c[5], c[6], undefined, "Z"] as unknown as RegExpExecArray;
  }
  if (m) {
    const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(m![i]));
    if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return null;
    let ms = Date.UTC(y, mo - 1, d, h, mi, se);
    if (new Date(ms).getUTCDate() !== d) return null; // 31 February
    if (m[7]) ms += Math.floor(Number("0" + m[7]) * 1000);
    const tz = m[8];
    if (tz !== "Z" && tz !== "z") {
      const sign = tz[0] === "-" ? -1 : 1;
      const digits = tz.slice(1).replace(":", "");
      ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
    }
    return new Date(ms);
  }
  const http = /^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(s);
  if (http) {
    const mo = MONTHS.indexOf(http[2].toLowerCase());
    const y = Number(http[3]);
    if (mo < 0 || y < 1900 || y > 2200) return null;
    return new Date(Date.UTC(y, mo, Number(http[1]), Number(http[4]), Number(http[5]), Number(http[6])));
  }
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    const v = Number(s);
    if (Math.abs(v) < 9e9) return new Date(v * 1000);
  }
  return null;
}

function isoNoMillis(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function list(v: string[]): string {
  return v.map((x, i) => (i === 0 ? "" : i + 1 === v.length ? " and " : ", ") + x).join("");
}

export function parsePastedCredentials(input: string, now: Date = new Date()): PasteResult {
  const st = new State();
  let text = input;
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const lines = text.split("\n");
  lines.forEach((l, i) => parseLine(l, i + 1, st));
  parseJson(text, st);
  const fail = (msg: string): PasteResult => {
    st.fail(msg);
    return { ok: false, error: st.error! };
  };
  if (st.error) return { ok: false, error: st.error };

  const f = st.f;
  if (!f[F.KeyId].set && !f[F.Secret].set && !f[F.Token].set) {
    return {
      ok: false,
      error: new PasteError(
        "invalid",
        "No AWS credentials found in the pasted text.",
        'Paste lines like `export AWS_ACCESS_KEY_ID=...` (bash), `$Env:AWS_ACCESS_KEY_ID="..."` (PowerShell), ' +
          "`set AWS_ACCESS_KEY_ID=...` (Windows), a [profile] block with aws_access_key_id = ..., or the JSON " +
          "printed by `aws sts get-session-token`, `aws sts assume-role` or `aws configure export-credentials`.",
      ),
    };
  }
  const have: string[] = [];
  const missing: string[] = [];
  for (const x of [F.KeyId, F.Secret, F.Token]) (f[x].set ? have : missing).push(ENV_NAME[x]);
  if (!f[F.KeyId].set || !f[F.Secret].set) {
    const need: string[] = [];
    if (!f[F.KeyId].set) need.push(ENV_NAME[F.KeyId]);
    if (!f[F.Secret].set) need.push(ENV_NAME[F.Secret]);
    return fail(`Found ${list(have)} but no ${list(need)}.`);
  }
  const key = f[F.KeyId].value;
  const keyChars = key.length > 0 && key.length <= 128 && /^[A-Z0-9]+$/.test(key);
  const temporary = key.startsWith("ASIA");
  if (!keyChars || key.length < 16 || !(temporary || key.startsWith("AKIA"))) {
    // Echo the id only if it looks like one: a secret pasted into the wrong place must not be shown.
    const shown = keyChars ? `'${key}'` : `(${key.length} characters, not all A-Z/0-9)`;
    return fail(
      `The access key id ${shown} is not 16-128 upper-case letters and digits starting with AKIA (long-term) or ASIA (temporary).`,
    );
  }
  const secret = f[F.Secret].value;
  if (secret.length < 16 || secret.length > 128 || !base64ish(secret)) {
    return fail(
      "The secret access key is not valid: expected about 40 characters of letters, digits, '/', '+' " +
        `(got ${secret.length} characters${base64ish(secret) ? "" : ", some of them other"}).`,
    );
  }
  if (f[F.Token].set) {
    const token = f[F.Token].value;
    if (token.length < 16 || !base64ish(token)) {
      return fail(
        "The session token is not valid: expected a long run of letters, digits, '/', '+', '=' " +
          `(got ${token.length} characters${base64ish(token) ? "" : ", some of them other"}).`,
      );
    }
    if (!temporary) {
      return fail(
        `A session token was pasted with the long-term access key id ${key} (AKIA…); temporary credentials have an ASIA… key id. Paste the three values of one set.`,
      );
    }
  } else if (temporary) {
    return fail(`The access key id ${key} is temporary (ASIA…) but no AWS_SESSION_TOKEN was pasted.`);
  }

  let expiration: Date | null = null;
  if (f[F.Expiration].set) {
    const t = parseTimestamp(f[F.Expiration].value);
    if (!t) return fail(`The expiration '${f[F.Expiration].value}' is not an ISO 8601 time.`);
    if (t.getTime() <= now.getTime()) {
      return {
        ok: false,
        error: new PasteError(
          "expired",
          `These credentials expired at ${isoNoMillis(t)}.`,
          "Sign in to your AWS access portal again and copy new credentials.",
        ),
      };
    }
    expiration = t;
  }
  return {
    ok: true,
    value: {
      accessKeyId: key,
      secretAccessKey: secret,
      sessionToken: f[F.Token].set ? f[F.Token].value : "",
      expiration,
      region: f[F.Region].value,
      format: st.formats.join(", "),
    },
  };
}
