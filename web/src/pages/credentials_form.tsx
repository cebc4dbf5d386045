// The credentials form of the AWS integration section: a paste box parsed in
// the browser (the paste itself is never sent anywhere), the fields, Test
// connection, and Save (create) or Replace (rotate). Secrets live only in this
// form's state until sent and are cleared after a save.
//
// Temporary keys pasted without an expiry get CloudPeek's estimate and a session
// length the user picks (sent as session_hours); connecting an account that is
// already connected offers to replace that provider's credentials instead.
import { useState } from "preact/hooks";
import { ApiError, post, put } from "../api";
import { ExpiryEstimatePanel } from "../components/expiry";
import { ErrorBox, FieldError, Time } from "../components/ui";
import { useNow } from "../hooks";
import { defaultSessionHours, estimateOf } from "../lib/expiry";
import { formatCountdown, formatTime, localZoneName } from "../lib/format";
import {
  applyPaste,
  connectedAs,
  type CsvChoice,
  credentialsBody,
  csvRowCredentials,
  EMPTY_FORM,
  type FieldErrors,
  fileAttempt,
  fileTooLarge,
  type FormField,
  formFieldOf,
  keyKind,
  lengthError,
  pasteAttempt,
  type PasteOutcome,
  type ProviderForm,
  validateForm,
} from "../lib/provider_form";
import type { PastedCredentials } from "../lib/paste";
import type { ErrorBody, Provider, TestResult } from "../types";
import { IdentityView } from "./identity_view";

export function CredentialsForm({
  mode,
  provider,
  existing = [],
  onSaved,
  onCancel,
}: {
  mode: "create" | "replace";
  provider?: Provider;
  // The providers already saved: a test that finds one of their accounts warns.
  existing?: readonly Provider[];
  // `replaced`: the credentials went to an existing provider (`p`) rather than a new one.
  onSaved: (p: Provider, how: "created" | "replaced") => void;
  onCancel?: () => void;
}) {
  const [form, setForm] = useState<ProviderForm>({ ...EMPTY_FORM });
  const [paste, setPaste] = useState("");
  const [pasteInfo, setPasteInfo] = useState<string>("");
  const [pasteError, setPasteError] = useState<{ message: string; advice: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [test, setTest] = useState<TestResult | null>(null);
  const [busy, setBusy] = useState<"" | "test" | "save">("");
  const [sessionHours, setSessionHours] = useState<number | null>(null);
  // A .csv with several keys: which to use (no secret is shown; dropped once one is picked).
  const [choices, setChoices] = useState<{ source: string; where: string; format: string; list: CsvChoice[]; note?: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const now = useNow(15_000);
  const withLabel = mode === "create";
  const prefix = mode === "create" ? "new" : `replace-${provider?.id}`;

  // New input in a field replaces that field's old error (from an earlier test or
  // save) with what can be said now: a value longer than the field takes.
  const set = (k: keyof ProviderForm, field: FormField) => (e: Event) => {
    const v = (e.currentTarget as HTMLInputElement).value;
    setForm((f) => ({ ...f, [k]: v }));
    setFieldErrors((errs) => {
      const { [field]: _old, ...rest } = errs;
      const tooLong = lengthError(field, v);
      return tooLong ? { ...rest, [field]: tooLong } : rest;
    });
    setFormError(null);
    // The label is not part of the credentials: the test still holds for them.
    if (k !== "label") forgetTest();
  };

  const forgetTest = () => {
    setTest(null);
    setSessionHours(null);
  };

  // The outcome of a paste, a picked file or a dropped one: the fields filled, a
  // choice between the keys of a .csv, or an error. Whatever the outcome, a secret
  // seen in the box does not stay readable there.
  const showOutcome = (r: PasteOutcome) => {
    if (r.clearBox) setPaste("");
    // A new paste starts over: errors from an earlier attempt or test no longer apply.
    setFieldErrors({});
    setFormError(null);
    setChoices(null);
    if (r.ok === false) {
      setPasteError({ message: r.message, advice: r.advice });
      setPasteInfo("");
      return;
    }
    setPasteError(null);
    if (r.ok === "choose") {
      setChoices({ source: r.source, where: r.where, format: r.format, list: r.choices, note: r.note });
      setPasteInfo("");
      return;
    }
    fill(r.value, r.note);
  };

  const fill = (value: PastedCredentials, note?: string) => {
    setForm((f) => applyPaste(f, value));
    forgetTest();
    const kind = value.sessionToken ? "temporary credentials" : "long-term keys";
    const exp = value.expiration ? `, expiring ${formatTime(value.expiration.toISOString())}` : "";
    setPasteInfo(`Filled from ${value.format}: ${kind} ${value.accessKeyId}${exp}.${note ? ` ${note}` : ""}`);
  };

  const fillFromPaste = (text: string) => showOutcome(pasteAttempt(text));

  // A file picked or dropped: refused by its size before it is read.
  const readFile = async (file: File) => {
    const big = fileTooLarge(file.name, file.size);
    if (big) return showOutcome(big);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return showOutcome({
        ok: false,
        message: `The file ${file.name} could not be read.`,
        advice: "Choose it again, or open it and paste its text into the box.",
        clearBox: false,
      });
    }
    showOutcome(fileAttempt(file.name, text));
  };

  const onDrop = (e: DragEvent) => {
    const files = e.dataTransfer?.files;
    if (!files || files.length === 0) return; // dropped text: the box takes it as a paste
    e.preventDefault();
    setDragging(false);
    if (files.length > 1) {
      showOutcome({
        ok: false,
        message: `${files.length} files were dropped: drop the one access key .csv.`,
        advice: "The IAM console's file is named <user>_accessKeys.csv (or credentials.csv from the older wizard).",
        clearBox: false,
      });
      return;
    }
    void readFile(files[0]);
  };

  const showServerError = (err: ErrorBody | ApiError) => {
    const field = formFieldOf(err.field);
    const text = err.advice ? `${err.message} ${err.advice}` : err.message;
    if (field) setFieldErrors({ [field]: text });
    else setFormError(err instanceof ApiError ? err : new ApiError(422, err));
  };

  const check = (): boolean => {
    const e = validateForm(form, withLabel);
    setFieldErrors(e);
    setFormError(null);
    return Object.keys(e).length === 0;
  };

  // Asks the server to try the credentials; the answer is shown, and returned.
  const runTest = async (): Promise<TestResult | null> => {
    setTest(null);
    setSessionHours(null);
    try {
      const r = await post<TestResult>("/providers/test", credentialsBody(form, false));
      setTest(r);
      if (!r.ok) showServerError(r.error);
      const est = estimateOf(r);
      if (est) setSessionHours(defaultSessionHours(est));
      return r;
    } catch (err) {
      if (err instanceof ApiError) showServerError(err);
      else setFormError(err);
      return null;
    }
  };

  const testConnection = async () => {
    const e = validateForm(form, false);
    setFieldErrors(e);
    setFormError(null);
    if (Object.keys(e).length) return;
    setBusy("test");
    try {
      await runTest();
    } finally {
      setBusy("");
    }
  };

  const estimate = estimateOf(test);
  // The account these credentials reach is connected already (as another provider).
  const duplicates = mode === "create" && test && test.ok ? connectedAs(existing, test.identity.account) : [];

  const send = async (target: Provider | null) => {
    const body = credentialsBody(form, withLabel && !target, estimate ? sessionHours : null);
    const p = target
      ? await put<Provider>(`/providers/${encodeURIComponent(target.id)}/credentials`, body)
      : await post<Provider>("/providers", body);
    setForm({ ...EMPTY_FORM });
    forgetTest();
    setPasteInfo("");
    setChoices(null);
    onSaved(p, target ? "replaced" : "created");
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!check()) return;
    setBusy("save");
    try {
      if (mode === "create" && !(test && test.ok)) {
        // Untested: test first, so connecting an account that is already connected
        // is said before a second provider for it exists.
        const r = await runTest();
        if (!r || !r.ok || connectedAs(existing, r.identity.account).length > 0) return;
      }
      await send(mode === "create" ? null : provider!);
    } catch (err) {
      if (err instanceof ApiError) showServerError(err);
      else setFormError(err);
    } finally {
      setBusy("");
    }
  };

  const replaceDuplicate = async (target: Provider) => {
    setBusy("save");
    try {
      await send(target);
    } catch (err) {
      if (err instanceof ApiError) showServerError(err);
      else setFormError(err);
    } finally {
      setBusy("");
    }
  };

  const kind = keyKind(form.accessKeyId.trim());
  return (
    <form class="cred-form" onSubmit={save} data-testid={`${prefix}-form`} autocomplete="off">
      <div
        class={`drop-zone${dragging ? " dragging" : ""}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          if (e.dataTransfer?.types.includes("Files")) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label>
          Paste from the AWS access portal or the CLI, or the access key .csv
          <textarea
            rows={4}
            spellcheck={false}
            autocomplete="off"
            placeholder={'export AWS_ACCESS_KEY_ID="ASIA…"\nexport AWS_SECRET_ACCESS_KEY="…"\nexport AWS_SESSION_TOKEN="…"'}
            value={paste}
            onInput={(e) => {
              const v = e.currentTarget.value;
              setPaste(v);
              // What was said about an earlier paste is stale now.
              setPasteError(null);
              setPasteInfo("");
              const how = (e as InputEvent).inputType;
              if (how === "insertFromPaste" || how === "insertFromDrop") fillFromPaste(v);
            }}
            data-testid="paste-box"
          />
        </label>
        <p class="hint">
          Takes bash <code>export</code> lines, PowerShell <code>$Env:</code> lines, Windows <code>set</code> lines, a
          credentials file <code>[profile]</code> block, the JSON of <code>aws sts get-session-token</code>,{" "}
          <code>assume-role</code> or <code>aws configure export-credentials</code>, or the access key{" "}
          <code>.csv</code> the IAM console downloads (drop it here). It is read here in your browser and only the
          fields below are sent.
        </p>
        <div class="row">
          <button type="button" onClick={() => fillFromPaste(paste)} data-testid="paste-fill">
            Fill fields from paste
          </button>
          <label class="file-pick">
            <span>Or choose the access key .csv</span>
            <input
              type="file"
              accept=".csv,text/csv"
              data-testid="csv-file"
              onChange={(e) => {
                const input = e.currentTarget;
                const file = input.files?.[0];
                // The picker keeps only the name; cleared so the same file can be picked again.
                input.value = "";
                if (file) void readFile(file);
              }}
            />
          </label>
        </div>
        {pasteInfo ? (
          <p class="ok-text" role="status" data-testid="paste-info">
            {pasteInfo}
          </p>
        ) : null}
      </div>
      {pasteError ? (
        <div class="error-box" role="alert" data-testid="paste-error">
          <strong>{pasteError.message}</strong>
          <div class="advice">{pasteError.advice}</div>
        </div>
      ) : null}
      {choices ? (
        <fieldset class="csv-choices" data-testid="csv-choices">
          <legend>{choices.source}</legend>
          {choices.note ? <p class="hint">{choices.note}</p> : null}
          <div class="row">
            {choices.list.map((c) => (
              <button
                key={c.row.accessKeyId}
                type="button"
                data-testid="csv-choice"
                onClick={() => {
                  const note = choices.note;
                  setChoices(null);
                  fill(csvRowCredentials(c.row, choices.where, choices.format), note);
                }}
              >
                Use {c.label}
              </button>
            ))}
            <button type="button" class="link-button" onClick={() => setChoices(null)} data-testid="csv-choice-cancel">
              None of these
            </button>
          </div>
        </fieldset>
      ) : null}

      <div class="grid2">
        {withLabel ? (
          <div class="field">
            <label>
              Label
              <input value={form.label} onInput={set("label", "label")} placeholder="prod" data-testid="field-label" />
            </label>
            <FieldError message={fieldErrors.label} testid="field-error-label" />
          </div>
        ) : null}
        <div class="field">
          <label>
            Access Key ID
            <input
              value={form.accessKeyId}
              onInput={set("accessKeyId", "access_key_id")}
              spellcheck={false}
              autocomplete="off"
              placeholder="ASIA… or AKIA…"
              data-testid="field-access-key-id"
            />
          </label>
          {kind !== "unknown" ? (
            <span class="hint" data-testid="key-kind">
              {kind === "temporary" ? "Temporary key (needs its session token)" : "Long-term IAM user key"}
            </span>
          ) : null}
          <FieldError message={fieldErrors.access_key_id} testid="field-error-access_key_id" />
        </div>
        <div class="field">
          <label>
            Secret Access Key
            <input
              type="password"
              value={form.secretAccessKey}
              onInput={set("secretAccessKey", "secret_access_key")}
              autocomplete="new-password"
              spellcheck={false}
              data-testid="field-secret-access-key"
            />
          </label>
          <FieldError message={fieldErrors.secret_access_key} testid="field-error-secret_access_key" />
        </div>
        <div class="field">
          <label>
            Session Token <span class="muted">(optional: for temporary credentials; none for IAM user keys)</span>
            <input
              type="password"
              value={form.sessionToken}
              onInput={set("sessionToken", "session_token")}
              autocomplete="new-password"
              spellcheck={false}
              data-testid="field-session-token"
            />
          </label>
          <FieldError message={fieldErrors.session_token} testid="field-error-session_token" />
        </div>
        <div class="field">
          <label>
            Expires{" "}
            <span class="muted" data-testid="expires-zone">
              (optional, in your time zone, {localZoneName()})
            </span>
            <input
              type="datetime-local"
              step={1}
              value={form.expiresLocal}
              onInput={set("expiresLocal", "expires_at")}
              data-testid="field-expires-at"
            />
          </label>
          <FieldError message={fieldErrors.expires_at} testid="field-error-expires_at" />
          {kind === "temporary" && !form.expiresLocal && !estimate ? (
            <span class="hint" data-testid="expires-hint">
              Empty is fine: the portal's export lines carry no expiry. CloudPeek then estimates it from the role's
              longest session and reminds you before; test the connection to see the estimate and pick the session
              length.
            </span>
          ) : null}
        </div>
      </div>

      <ErrorBox error={formError} testid="form-error" />

      {test && test.ok ? (
        <div class="test-ok" data-testid="test-result">
          <strong>Connected.</strong>
          <IdentityView identity={test.identity} />
          {test.expires_at ? (
            <p>
              Expires <Time iso={test.expires_at} /> (in {formatCountdown(test.seconds_left)}).
            </p>
          ) : null}
        </div>
      ) : null}
      {estimate ? (
        <ExpiryEstimatePanel
          estimate={estimate}
          hours={sessionHours}
          onHours={(h) => {
            setSessionHours(h);
            setFieldErrors(({ session_hours: _old, ...rest }) => rest);
          }}
          now={now}
          error={fieldErrors.session_hours}
          prefix={prefix}
        />
      ) : null}
      {duplicates.length > 0 ? (
        <DuplicateWarning
          account={test && test.ok ? test.identity.account : ""}
          existing={duplicates}
          busy={busy !== ""}
          onReplace={replaceDuplicate}
        />
      ) : null}
      {test && !test.ok ? (
        <div class="error-box" data-testid="test-failed">
          <strong>Test failed{test.error.kind ? ` (${test.error.kind.replace(/_/g, " ")})` : ""}.</strong>
          {formFieldOf(test.error.field) ? <div>See the message beside the field.</div> : null}
        </div>
      ) : null}

      <div class="row">
        <button type="button" onClick={testConnection} disabled={busy !== ""} data-testid="test-connection">
          {busy === "test" ? "Testing…" : "Test connection"}
        </button>
        <button type="submit" class="primary" disabled={busy !== ""} data-testid={mode === "create" ? "save-provider" : "save-replace"}>
          {busy === "save" ? "Saving…" : mode === "create" ? (duplicates.length ? "Save as another connection" : "Save") : "Replace credentials"}
        </button>
        {onCancel ? (
          <button type="button" class="link-button" onClick={onCancel} data-testid="cancel-form">
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

// The tested credentials reach an account that is connected already: replacing that
// provider's credentials keeps one connection (its scans, findings and schedule);
// saving anyway makes another connection to the same account.
export function DuplicateWarning({
  account,
  existing,
  busy,
  onReplace,
}: {
  account: string;
  existing: readonly Provider[];
  busy: boolean;
  onReplace: (p: Provider) => void;
}) {
  const names = existing.map((p) => `“${p.label}”`);
  const as = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return (
    <div class="warn-box" role="alert" data-testid="duplicate-warning">
      <p>
        <strong>
          Account {account} is already connected as {as}.
        </strong>{" "}
        Replace {existing.length === 1 ? "its credentials" : "the credentials of one of them"} with these to keep one
        connection, with its scans, findings and schedule. Saving instead adds another connection to the same account.
      </p>
      <div class="row">
        {existing.map((p) => (
          <button
            key={p.id}
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => onReplace(p)}
            data-testid="duplicate-replace"
            data-provider-id={p.id}
          >
            Replace the credentials of “{p.label}”
          </button>
        ))}
      </div>
    </div>
  );
}
