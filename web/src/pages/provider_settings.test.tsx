// The account cards of the AWS integration section: an estimated expiry labelled as
// one (issue 9 item 1), the check time after a re-test, and the warning when an
// account is connected again (issue 9 item 9).
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { Provider, TestResult } from "../types";
import { DuplicateWarning } from "./credentials_form";
import { ProviderCard, savedMessage } from "./provider_settings";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"');
// The text of the element with data-testid="ID" (its first line of markup up to the next <dt>).
function field(html: string, testid: string): string {
  const i = html.indexOf(`data-testid="${testid}"`);
  if (i < 0) throw new Error(`no ${testid}`);
  return text(html.slice(html.lastIndexOf("<", i), html.indexOf("<dt>", i) > 0 ? html.indexOf("<dt>", i) : undefined));
}

const NOW = Date.now();
const inHours = (h: number) => new Date(NOW + h * 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z");

function provider(over: Partial<Provider> = {}): Provider {
  return {
    id: "7",
    label: "prod",
    access_key_id_last4: "TEST",
    key_kind: "temporary",
    has_session_token: true,
    expires_at: inHours(8),
    seconds_left: 8 * 3600,
    credential_state: "valid",
    identity: {
      account: "111122223333",
      arn: "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_SecurityAuditor_0123456789abcdef/alice",
      principal_type: "sso_permission_set",
      permission_set: "SecurityAuditor",
      checked_at: "2026-01-01T08:00:00Z",
    },
    schedule_minutes: 0,
    last_scan: null,
    created_at: "2026-01-01T08:00:00Z",
    updated_at: "2026-01-01T08:00:00Z",
    ...over,
  };
}

const card = (p: Provider, initialTest: { result: TestResult; at: Date } | null = null) =>
  renderToString(<ProviderCard provider={p} fetchedAt={NOW} highlight={false} onChanged={() => {}} initialTest={initialTest} />);

describe("an account card's expiry", () => {
  it("an estimate is labelled: ≈ time (estimated), ≈ countdown, and why", () => {
    const html = card(
      provider({
        expires_estimated: true,
        expiry_estimate: { source: "user", max_session_seconds: 8 * 3600, session_hours: 8 },
      }),
    );
    const expiry = field(html, "provider-expiry");
    expect(expiry).toMatch(/^≈ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ \(estimated\) — in ≈ [78]h \d\dm \d\ds/);
    expect(expiry).toContain("The pasted keys carried no expiry, so this is CloudPeek's estimate");
    expect(expiry).toContain("you chose a session of 8 hours, of at most 8 hours these keys allow.");
    expect(expiry).toContain("marks them expired the moment AWS does");
  });

  it("an expiry that was given is shown as it is", () => {
    const expiry = field(card(provider({ expires_estimated: false })), "provider-expiry");
    expect(expiry).not.toContain("≈");
    expect(expiry).not.toContain("estimated");
    expect(expiry).toMatch(/ — in [78]h/);
  });

  it("temporary credentials without any expiry say no reminder can be given, never nothing", () => {
    const expiry = field(card(provider({ expires_at: null, seconds_left: null, credential_state: "unknown" })), "provider-expiry");
    expect(expiry).toContain("unknown: no reminder can be given");
  });
});

describe("add to calendar", () => {
  it("is offered with an expiry whose reminder is ahead, saying when and that the steps are in it", () => {
    const expiry = field(card(provider({ reminder_at: inHours(7.5), renewal_steps: ["Sign in.", "Replace."] })), "provider-expiry");
    expect(expiry).toContain("Add to calendar");
    expect(expiry).toMatch(/\(\.ics: a reminder at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+, 30 min before they expire, with the steps to renew them\)/);
    const est = field(card(provider({ reminder_at: inHours(7.5), expires_estimated: true })), "provider-expiry");
    expect(est).toContain("30 min before the estimated expiry");
  });

  it("is not offered without an expiry, or once the reminders have started", () => {
    expect(field(card(provider({ reminder_at: null })), "provider-expiry")).not.toContain("Add to calendar");
    const soon = provider({ expires_at: inHours(0.25), reminder_at: inHours(-0.25), credential_state: "expiring" });
    expect(field(card(soon), "provider-expiry")).not.toContain("Add to calendar");
    const longTerm = provider({ key_kind: "long_term", has_session_token: false, expires_at: null, reminder_at: null });
    expect(field(card(longTerm), "provider-expiry")).not.toContain("Add to calendar");
  });
});

describe("a re-test of a saved account", () => {
  it("updates the card's Checked time", () => {
    const p = provider();
    const before = card(p);
    expect(before).toContain('datetime="2026-01-01T08:00:00Z"');
    const result: TestResult = { ok: true, identity: { ...p.identity!, checked_at: "2026-01-01T09:30:00Z" }, expires_at: p.expires_at, seconds_left: null };
    const after = card(p, { result, at: new Date("2026-01-01T09:30:01Z") });
    const identity = after.slice(0, after.indexOf('data-testid="provider-test-result"'));
    expect(identity).toContain('datetime="2026-01-01T09:30:00Z"');
    expect(identity).not.toContain('datetime="2026-01-01T08:00:00Z"');
  });
});

describe("after a save", () => {
  it("an estimated expiry is named in the message, so no one takes it for none", () => {
    const msg = savedMessage(provider({ expires_estimated: true }), "created");
    expect(msg).toMatch(/^Saved “prod”\. .* The keys carried no expiry: CloudPeek estimates they expire at ≈ .+ \(estimated\) and reminds you before then\.$/);
    expect(savedMessage(provider(), "replaced")).toBe(
      "Replaced the credentials of “prod”. The secret and token are stored encrypted and are never shown again.",
    );
  });
});

describe("connecting an account that is already connected", () => {
  it("warns, names the connection, and offers to replace its credentials", () => {
    const html = renderToString(<DuplicateWarning account="111122223333" existing={[provider()]} busy={false} onReplace={() => {}} />);
    expect(text(html)).toContain("Account 111122223333 is already connected as “prod”.");
    expect(text(html)).toContain("Saving instead adds another connection to the same account.");
    expect(html.match(/data-testid="duplicate-replace"/g)?.length).toBe(1);
    expect(text(html)).toContain("Replace the credentials of “prod”");
  });

  it("connected twice already: names both, a replace button for each", () => {
    const two = [provider(), provider({ id: "8", label: "sso" })];
    const html = renderToString(<DuplicateWarning account="111122223333" existing={two} busy={false} onReplace={() => {}} />);
    expect(text(html)).toContain("is already connected as “prod” and “sso”.");
    expect(html).toContain('data-provider-id="7"');
    expect(html).toContain('data-provider-id="8"');
    expect(text(html)).toContain("Replace the credentials of “sso”");
  });
});
