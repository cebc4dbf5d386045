// The AWS integration form: its fields, filling them from a parsed paste,
// client-side checks before anything is sent, and the request body.
import { dateToLocalInput, localInputToIso } from "./format";
import type { PastedCredentials } from "./paste";

export interface ProviderForm {
  label: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresLocal: string; // datetime-local value, local time; "" for none
}

export type FormField = "label" | "access_key_id" | "secret_access_key" | "session_token" | "expires_at";
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

// Problems the server would reject anyway, shown before sending. Never echoes a secret.
export function validateForm(form: ProviderForm, needLabel: boolean, now: Date = new Date()): FieldErrors {
  const e: FieldErrors = {};
  if (needLabel && !form.label.trim()) e.label = "Give the account a label, e.g. prod or audit.";
  if (form.label.length > 100) e.label = "The label is longer than 100 characters.";
  const key = form.accessKeyId.trim();
  if (!key) e.access_key_id = "The Access Key ID is required.";
  else if (!/^(AKIA|ASIA)[A-Z0-9]{12,124}$/.test(key))
    e.access_key_id = "An Access Key ID is 16-128 upper-case letters and digits starting with AKIA or ASIA.";
  const secret = form.secretAccessKey.trim();
  if (!secret) e.secret_access_key = "The Secret Access Key is required.";
  else if (secret.length < 16 || secret.length > 128 || !/^[A-Za-z0-9/+=]+$/.test(secret))
    e.secret_access_key = `The Secret Access Key is not valid (${secret.length} characters; expected about 40 of letters, digits, '/', '+').`;
  const token = form.sessionToken.trim();
  if (key.startsWith("ASIA") && !token)
    e.session_token = "Temporary keys (ASIA…) need their Session Token from the same set.";
  if (key.startsWith("AKIA") && token)
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
}

export function credentialsBody(form: ProviderForm, withLabel: boolean): CredentialsBody {
  const b: CredentialsBody = {
    access_key_id: form.accessKeyId.trim(),
    secret_access_key: form.secretAccessKey.trim(),
  };
  if (withLabel) b.label = form.label.trim();
  if (form.sessionToken.trim()) b.session_token = form.sessionToken.trim();
  const iso = localInputToIso(form.expiresLocal);
  if (iso) b.expires_at = iso;
  return b;
}

const FIELDS: FormField[] = ["label", "access_key_id", "secret_access_key", "session_token", "expires_at"];

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
