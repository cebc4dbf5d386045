// The AWS integration form: its fields, filling them from a parsed paste,
// client-side checks before anything is sent, and the request body.
import { dateToLocalInput, localInputToIso } from "./format";
import { type AccessKeyCsvRow, looksLikeAccessKeyCsv, parseAccessKeyCsv } from "./access_key_csv";
import { parsePastedCredentials, type PastedCredentials } from "./paste";
import type { Provider, TestResult } from "../types";

export interface ProviderForm {
  label: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresLocal: string; // datetime-local value, local time; "" for none
}

export type FormField = "label" | "access_key_id" | "secret_access_key" | "session_token" | "expires_at" | "session_hours";
export type FieldErrors = Partial<Record<FormField, string>>;

export const EMPTY_FORM: ProviderForm = {
  label: "",
  accessKeyId: "",
  secretAccessKey: "",
  sessionToken: "",
  expiresLocal: "",
};

export function applyPaste(form: ProviderForm, p: PastedCredentials): ProviderForm {
  return {
    ...form,
    accessKeyId: p.accessKeyId,
    secretAccessKey: p.secretAccessKey,
    sessionToken: p.sessionToken,
    expiresLocal: p.expiration ? dateToLocalInput(p.expiration) : "",
  };
}

// The longest value each field takes, as the server checks them (server/api_providers.cc,
// read_credentials: key id 16-128, secret up to 256, token up to 8192; label 100), so
// an overlong value is named beside its field before anything is sent. AWS's own: key
// ids up to 128 characters, secrets 40, session tokens a few KB.
export const MAX_LENGTH = {
  label: 100,
  access_key_id: 128,
  secret_access_key: 256,
  session_token: 8192,
} as const;

// The paste box: a session token at its limit with the key id, secret, expiry and the
// export lines around them is under 9,000 characters; twice that is plenty.
export const MAX_PASTE = 16384;

const FIELD_NAMES: Record<keyof typeof MAX_LENGTH, string> = {
  label: "The label",
  access_key_id: "The Access Key ID",
  secret_access_key: "The Secret Access Key",
  session_token: "The Session Token",
};

const count = (n: number) => n.toLocaleString("en-US");

// "The Session Token is too long: …" when `value` is longer than its field takes; "" otherwise.
export function lengthError(field: FormField, value: string): string {
  if (!(field in MAX_LENGTH)) return "";
  const max = MAX_LENGTH[field as keyof typeof MAX_LENGTH];
  const n = value.trim().length;
  if (n <= max) return "";
  const usual =
    field === "secret_access_key"
      ? " (AWS secret access keys have 40)"
      : field === "session_token"
        ? " (AWS session tokens are a few KB)"
        : "";
  return `${FIELD_NAMES[field as keyof typeof MAX_LENGTH]} is too long: ${count(n)} characters, at most ${count(max)} are accepted${usual}.`;
}

// Problems the server would reject anyway, shown before sending. Never echoes a secret.
export function validateForm(form: ProviderForm, needLabel: boolean, now: Date = new Date()): FieldErrors {
  const e: FieldErrors = {};
  if (needLabel && !form.label.trim()) e.label = "Give the account a label, e.g. prod or audit.";
  if (form.label.length > 100) e.label = "The label is longer than 100 characters.";
  const key = form.accessKeyId.trim();
  if (!key) e.access_key_id = "The Access Key ID is required.";
  else if (lengthError("access_key_id", key)) e.access_key_id = lengthError("access_key_id", key);
  else if (!/^(AKIA|ASIA)[A-Z0-9]{12,124}$/.test(key))
    e.access_key_id = "An Access Key ID is 16-128 upper-case letters and digits starting with AKIA or ASIA.";
  const secret = form.secretAccessKey.trim();
  if (!secret) e.secret_access_key = "The Secret Access Key is required.";
  else if (lengthError("secret_access_key", secret)) e.secret_access_key = lengthError("secret_access_key", secret);
  else if (secret.length < 16 || !/^[A-Za-z0-9/+=]+$/.test(secret))
    e.secret_access_key = `The Secret Access Key is not valid (${secret.length} characters; expected about 40 of letters, digits, '/', '+').`;
  const token = form.sessionToken.trim();
  if (lengthError("session_token", token)) e.session_token = lengthError("session_token", token);
  else if (key.startsWith("ASIA") && !token)
    e.session_token = "Temporary keys (ASIA…) need their Session Token from the same set.";
  else if (key.startsWith("AKIA") && token)
    e.session_token = "A Session Token goes with a temporary key (ASIA…), not a long-term AKIA… key.";
  if (form.expiresLocal) {
    const iso = localInputToIso(form.expiresLocal);
    if (!iso) e.expires_at = "The expiry is not a date and time.";
    else if (Date.parse(iso) <= now.getTime()) e.expires_at = "This expiry is in the past: these credentials have expired.";
  }
  return e;
}

export interface CredentialsBody {
  label?: string;
  access_key_id: string;
  secret_access_key: string;
  session_token?: string;
  expires_at?: string;
  session_hours?: number;
}

// `sessionHours`: the session length the user chose for temporary credentials given
// without an expiry (the server then stores now + that, capped at the role's maximum).
// It is sent only then: an expiry the user gave, or long-term keys, need none.
export function credentialsBody(form: ProviderForm, withLabel: boolean, sessionHours?: number | null): CredentialsBody {
  const b: CredentialsBody = {
    access_key_id: form.accessKeyId.trim(),
    secret_access_key: form.secretAccessKey.trim(),
  };
  if (withLabel) b.label = form.label.trim();
  if (form.sessionToken.trim()) b.session_token = form.sessionToken.trim();
  const iso = localInputToIso(form.expiresLocal);
  if (iso) b.expires_at = iso;
  else if (b.session_token && sessionHours && Number.isInteger(sessionHours) && sessionHours >= 1 && sessionHours <= 12)
    b.session_hours = sessionHours;
  return b;
}

// The saved providers that already connect `account` (other than `exceptId`):
// connecting it again would scan the same account twice, so the form offers to
// replace one of theirs instead.
export function connectedAs(
  providers: readonly Provider[],
  account: string | null | undefined,
  exceptId?: string,
): Provider[] {
  if (!account) return [];
  return providers.filter((p) => p.id !== exceptId && p.identity?.account === account);
}

// A saved provider as its card shows it after a re-test: the identity the test saw,
// checked then. The later of the two checks wins (the list may have been re-read since).
export function withRetest(p: Provider, test: TestResult | null, testedAt: Date): Provider {
  if (!test || !test.ok) return p;
  const checked = test.identity.checked_at ?? testedAt.toISOString().replace(/\.\d{3}Z$/, "Z");
  const before = p.identity?.checked_at ? Date.parse(p.identity.checked_at) : NaN;
  if (!Number.isNaN(before) && before >= Date.parse(checked)) return p;
  return { ...p, identity: { ...test.identity, checked_at: checked } };
}

const FIELDS: FormField[] = ["label", "access_key_id", "secret_access_key", "session_token", "expires_at", "session_hours"];

// The server's error.field → one of the form's fields (unknown ones go to the form as a whole).
export function formFieldOf(apiField: string | undefined | null): FormField | null {
  if (!apiField) return null;
  const f = apiField.replace(/^credentials\./, "") as FormField;
  return FIELDS.includes(f) ? f : null;
}

export function keyKind(accessKeyId: string): "temporary" | "long_term" | "unknown" {
  if (accessKeyId.startsWith("ASIA")) return "temporary";
  if (accessKeyId.startsWith("AKIA")) return "long_term";
  return "unknown";
}

// Could this text hold a secret: a secret or token named, or a long run of the
// characters secrets and tokens are made of? Then the paste box is emptied after a
// parse attempt, whether or not it succeeded, so the secret does not stay readable.
export function mayHoldSecret(text: string): boolean {
  return /secret|token/i.test(text) || /[A-Za-z0-9/+=]{30,}/.test(text);
}

// What the user is asked when an access key .csv holds several keys (the older
// user wizard's credentials.csv has one row per user created): which one. No secret
// is shown; the rows stay in the form's memory until one is picked or the form resets.
export interface CsvChoice {
  row: AccessKeyCsvRow;
  label: string; // "AKIA…0042 — user auditor, line 2"
}

export type PasteOutcome =
  | { ok: true; value: PastedCredentials; clearBox: true; note?: string }
  | { ok: false; message: string; advice: string; clearBox: boolean }
  | { ok: "choose"; choices: CsvChoice[]; source: string; where: string; format: string; clearBox: true; note?: string };

// An access key .csv file: it is refused by its size before it is read. The IAM
// console's file is under 200 bytes; the older one with ten users is under 2 KB.
export const MAX_CSV_FILE = 64 * 1024;

// A file name as messages show it: the last 80 characters at most.
function shownName(name: string): string {
  const n = name.replace(/[\u0000-\u001f\u007f]/g, "");
  return n.length > 80 ? `…${n.slice(-79)}` : n;
}

// The file picked or dropped, by its size alone: an error, or null to go on reading it.
export function fileTooLarge(name: string, size: number): PasteOutcome | null {
  if (size <= MAX_CSV_FILE) return null;
  return {
    ok: false,
    message: `The file ${shownName(name)} is too large: ${count(size)} bytes, at most ${count(MAX_CSV_FILE)} (64 KiB) are read; an access key .csv is under 2 KB.`,
    advice: "Choose the .csv the IAM console downloaded for the access key (Download .csv file), not another export.",
    clearBox: false,
  };
}

// One CSV, pasted or from a file: one key fills the form; several ask which one.
function csvAttempt(text: string, source: string, where: string): PasteOutcome {
  const r = parseAccessKeyCsv(text, source);
  if (!r.ok) return { ok: false, message: r.error.message, advice: r.error.advice, clearBox: mayHoldSecret(text) };
  const csv = r.value;
  const note = csv.hasPassword
    ? "It also holds a console password, which CloudPeek ignores: keep the file somewhere safe, or delete it."
    : undefined;
  if (csv.rows.length > 1) {
    return {
      ok: "choose",
      source: `${source} holds ${csv.rows.length} access keys: pick the one CloudPeek should use.`,
      where,
      format: csv.format,
      choices: csv.rows.map((row) => ({
        row,
        label: `${row.accessKeyId}${row.userName ? ` — user ${row.userName}` : ""}, line ${row.line}`,
      })),
      clearBox: true,
      note,
    };
  }
  return { ok: true, value: csvRowCredentials(csv.rows[0], where, csv.format), clearBox: true, note };
}

// A row of an access key .csv as the form takes it: long-term keys, no token, no expiry.
export function csvRowCredentials(row: AccessKeyCsvRow, where: string, format = "access key file"): PastedCredentials {
  return {
    accessKeyId: row.accessKeyId,
    secretAccessKey: row.secretAccessKey,
    sessionToken: "",
    expiration: null,
    region: "",
    format: `${where} (${format}, line ${row.line})`,
  };
}

// A file picked or dropped, once read: an access key .csv (by its name or its header),
// or else what the paste box takes (a saved portal paste).
export function fileAttempt(name: string, text: string, now: Date = new Date()): PasteOutcome {
  const shown = shownName(name);
  if (/\.csv$/i.test(name) || looksLikeAccessKeyCsv(text)) return csvAttempt(text, `The file ${shown}`, `the file ${shown}`);
  const r = pasteAttempt(text, now);
  if (r.ok === false) return { ...r, message: `In the file ${shown}: ${r.message}` };
  return r;
}

// One press of "Fill fields from paste" (or a paste into the box): the size checked
// first, then parsed in the browser, then each value against what its field takes.
export function pasteAttempt(text: string, now: Date = new Date()): PasteOutcome {
  const advice = "Paste the credentials from the AWS access portal.";
  if (!text.trim()) return { ok: false, message: "The paste box is empty.", advice, clearBox: false };
  if (text.length > MAX_PASTE) {
    return {
      ok: false,
      message: `The paste is too long: ${count(text.length)} characters, at most ${count(MAX_PASTE)} are read (credentials take under 9,000).`,
      advice: "Paste only the lines or the JSON that hold the credentials.",
      clearBox: true,
    };
  }
  const clearBox = mayHoldSecret(text);
  if (looksLikeAccessKeyCsv(text)) return csvAttempt(text, "The pasted CSV", "the pasted CSV");
  const r = parsePastedCredentials(text, now);
  if (!r.ok) return { ok: false, message: r.error.message, advice: r.error.advice, clearBox };
  const tooLong =
    lengthError("access_key_id", r.value.accessKeyId) ||
    lengthError("secret_access_key", r.value.secretAccessKey) ||
    lengthError("session_token", r.value.sessionToken);
  if (tooLong) {
    return { ok: false, message: tooLong, advice: "Copy the credentials again: one set, nothing added.", clearBox: true };
  }
  return { ok: true, value: r.value, clearBox: true };
}
