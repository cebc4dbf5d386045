// The dashboard across accounts (GET /accounts): how many are monitored, each
// one's open issues, compliance, last scan and credentials — worst first — and
// CIS across them (a control fails when it fails in any account).
import { useState } from "preact/hooks";
import { qs } from "../api";
import { SeverityBadge, Time } from "../components/ui";
import { type AccountScope, complianceTone, credentialText, failingText, lastScanText, scopeParams, type Tone } from "../lib/accounts";
import { Link } from "../router";
import type { AccountRow, AccountsOverview } from "../types";

const TONE_CLASS: Record<Tone, string> = { ok: "ok-text", warn: "warn", bad: "bad", muted: "muted" };

// The controls failing in the most accounts first; the rest one click away.
const TOP_CONTROLS = 8;

export function AccountsOverviewView({ o, scope }: { o: AccountsOverview; scope: AccountScope }) {
  const [showAll, setShowAll] = useState(false);
  const assessed = o.accounts.filter((a) => a.assessed).length;
  const withIssues = o.accounts.filter((a) => a.security_issues > 0).length;
  const showOu = o.accounts.some((a) => a.ou);
  const failing = o.cis.controls.filter((c) => c.accounts_failing > 0).sort((a, b) => b.accounts_failing - a.accounts_failing);
  const pct = o.cis.compliance.percent;
  const scopeQs = qs(scopeParams(scope));
  return (
    <>
      <div class="tiles" data-testid="accounts-tiles">
        <Link href="/settings/provider" class="tile" data-testid="accounts-monitored">
          <span class="tile-value" data-testid="accounts-monitored-value">
            {o.accounts_monitored}
          </span>
          <span class="tile-label">Accounts monitored{scope.ou ? ` in ${scope.ou}` : ""}</span>
        </Link>
        <Link
          href={`/findings${qs({ severity: "critical,high", status: "open", ...scopeParams(scope) })}`}
          class={`tile ${withIssues ? "bad" : "good"}`}
          data-testid="accounts-with-issues"
        >
          <span class="tile-value">{withIssues}</span>
          <span class="tile-label">with security issues</span>
        </Link>
        <Link href={`/compliance${scopeQs}`} class="tile" data-testid="accounts-cis">
          <span class={`tile-value ${TONE_CLASS[complianceTone(pct)]}`}>{pct === null ? "—" : `${pct}%`}</span>
          <span class="tile-label">CIS v3.0 across accounts</span>
        </Link>
      </div>
      <section class="card" data-testid="accounts-table-card">
        <h2>Accounts, worst first</h2>
        <div class="table-wrap" tabIndex={0}>
          <table class="table" data-testid="accounts-table">
            <thead>
              <tr>
                <th>Account</th>
                {showOu ? <th>OU</th> : null}
                <th class="num">Security issues</th>
                <th class="num">Improvements</th>
                <th class="num">CIS</th>
                <th>Last scan</th>
                <th>Credentials</th>
              </tr>
            </thead>
            <tbody>
              {o.accounts.map((a) => (
                <AccountLine key={a.provider_id} a={a} showOu={showOu} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card" data-testid="accounts-org-cis">
        <h2>CIS AWS Foundations v3.0 across {assessed === 1 ? "1 account" : `${assessed} accounts`}</h2>
        {assessed === 0 ? (
          <p class="muted">No account has been scanned to its end yet: nothing is known, good or bad.</p>
        ) : failing.length === 0 ? (
          <p class="muted">No control fails in any account.</p>
        ) : (
          <div class="table-wrap" tabIndex={0}>
            <table class="table">
              <thead>
                <tr>
                  <th>Control</th>
                  <th>Fails in</th>
                </tr>
              </thead>
              <tbody>
                {(showAll ? failing : failing.slice(0, TOP_CONTROLS)).map((c) => (
                  <tr key={c.id} data-testid="org-cis-control" data-control={c.id} data-failing={c.accounts_failing}>
                    <td>
                      <Link href={`/findings${qs({ control: c.id, status: "open", ...scopeParams(scope) })}`}>
                        <span class="mono">{c.id}</span> {c.title}
                      </Link>
                    </td>
                    <td class="nowrap">{failingText(c.accounts_failing, assessed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {failing.length > TOP_CONTROLS ? (
          <button type="button" class="link-button" onClick={() => setShowAll(!showAll)} data-testid="org-cis-more">
            {showAll ? "Show the most failed only" : `Show all ${failing.length} failing controls`}
          </button>
        ) : null}
        <p class="muted">
          {o.cis.compliance.pass} pass · {o.cis.compliance.fail} fail · {o.cis.compliance.not_assessed} not assessed ·{" "}
          {o.cis.compliance.manual} manual, across the accounts. <Link href={`/compliance${scopeQs}`}>Every control</Link>
        </p>
      </section>
    </>
  );
}

function AccountLine({ a, showOu }: { a: AccountRow; showOu: boolean }) {
  const scan = lastScanText(a.last_scan);
  const cred = credentialText(a.credential);
  const pct = a.compliance.percent;
  const findings = (sev: string) => `/findings${qs({ provider_id: a.provider_id, severity: sev, status: "open" })}`;
  return (
    <tr data-testid="account-row" data-provider-id={a.provider_id} data-label={a.label}>
      <td>
        <Link href={`/?provider_id=${encodeURIComponent(a.provider_id)}`} data-testid="account-link">
          {a.label}
        </Link>
        <div class="muted mono nowrap">
          {a.account_id ?? "account not known yet"}
          {a.account_name && a.account_name !== a.label ? ` · ${a.account_name}` : ""}
        </div>
      </td>
      {showOu ? <td class="mono">{a.ou ?? "—"}</td> : null}
      <td class="num" data-testid="account-issues">
        {a.assessed ? (
          <Link href={findings("critical,high")}>
            {a.by_severity.critical ? (
              <div class="nowrap">
                <SeverityBadge severity="critical" /> {a.by_severity.critical}
              </div>
            ) : null}
            {a.by_severity.high ? (
              <div class="nowrap">
                <SeverityBadge severity="high" /> {a.by_severity.high}
              </div>
            ) : null}
            {a.security_issues === 0 ? <span class="ok-text">0</span> : null}
          </Link>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td class="num">
        {a.assessed ? <Link href={findings("medium,low,informational")}>{a.improvements}</Link> : <span class="muted">—</span>}
      </td>
      <td class={`num ${TONE_CLASS[complianceTone(pct)]}`} data-testid="account-compliance">
        {pct === null ? "—" : `${pct}%`}
      </td>
      <td>
        <span class={TONE_CLASS[scan.tone]} data-testid="account-last-scan">
          {scan.text}
        </span>
        {a.last_scan ? (
          <div class="muted">
            <Time iso={a.last_scan.finished_at ?? a.last_scan.started_at ?? a.last_scan.created_at} />
          </div>
        ) : null}
      </td>
      <td>
        <span class={TONE_CLASS[cred.tone]} data-testid="account-credential">
          {cred.text}
        </span>
        {a.credential.state !== "ended" && (a.credential.sso_session?.ends_at || a.credential.expires_at) ? (
          <div class="muted">
            until <Time iso={a.credential.sso_session?.ends_at ?? a.credential.expires_at} />
          </div>
        ) : null}
      </td>
    </tr>
  );
}
