// / — the posture at a glance: accounts, services, improvements and issues;
// findings by severity; top failing checks; CIS v3.0 per section; open findings
// over time; the last scan and its coverage gaps.
import { qs } from "../api";
import { OpenOverTimeChart, SeverityChart } from "../components/charts";
import { ProviderSelect } from "../components/provider_select";
import { ErrorBox, Loading, SeverityBadge, StatusBadge } from "../components/ui";
import { useGet } from "../hooks";
import { formatDuration, formatTime } from "../lib/format";
import { Link, navigate } from "../router";
import { SEVERITIES, type Dashboard } from "../types";
import { GapsTable } from "./scans";

export function DashboardPage({ query }: { query: URLSearchParams }) {
  const providerId = query.get("provider_id") ?? "";
  const d = useGet<Dashboard>(`/dashboard${qs({ provider_id: providerId })}`);
  const scope = providerId ? `&provider_id=${encodeURIComponent(providerId)}` : "";

  return (
    <div class="page" data-testid="page-dashboard">
      <div class="page-head">
        <h1>Dashboard</h1>
        <ProviderSelect value={providerId} onChange={(id) => navigate(id ? `/?provider_id=${encodeURIComponent(id)}` : "/")} />
      </div>
      <ErrorBox error={d.error} />
      {d.loading && !d.data ? <Loading /> : null}
      {d.data ? <DashboardBody d={d.data} scope={scope} /> : null}
    </div>
  );
}

function DashboardBody({ d, scope }: { d: Dashboard; scope: string }) {
  const noScans = !d.last_scan;
  return (
    <>
      {noScans ? (
        <p class="notice" data-testid="dash-no-scans">
          No scan yet. <Link href="/settings/provider">Connect an AWS account</Link>, then{" "}
          <Link href="/scans">start a scan</Link>.
        </p>
      ) : null}
      <div class="tiles">
        <Tile label="Accounts monitored" value={d.accounts_monitored} testid="dash-accounts" href="/settings/provider" />
        <Tile label="Services in use" value={d.services_in_use} testid="dash-services" href="/inventory" />
        <Tile
          label="Best-practice improvements"
          value={d.best_practice_improvements}
          testid="dash-improvements"
          href={`/findings?status=open${scope}`}
        />
        <Tile
          label="Security issues"
          value={d.security_issues}
          testid="dash-issues"
          href={`/findings?status=open${scope}`}
          tone={d.security_issues > 0 ? "bad" : "good"}
        />
      </div>
      <div class="grid2">
        <section class="card" data-testid="dash-by-severity">
          <h2>Open findings by severity</h2>
          <SeverityChart bySeverity={d.by_severity} />
          <ul class="legend">
            {SEVERITIES.map((s) => (
              <li key={s}>
                <Link href={`/findings?severity=${s}&status=open${scope}`} data-testid={`dash-sev-${s}`}>
                  <SeverityBadge severity={s} /> <span class="count">{d.by_severity[s] ?? 0}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section class="card" data-testid="dash-over-time">
          <h2>Open findings over time</h2>
          {d.open_over_time.length ? (
            <OpenOverTimeChart points={d.open_over_time} />
          ) : (
            <p class="muted">No history yet.</p>
          )}
        </section>
      </div>
      <div class="grid2">
        <section class="card" data-testid="dash-top-checks">
          <h2>Top failing checks</h2>
          {d.top_failing_checks.length === 0 ? <p class="muted">No failing checks.</p> : null}
          <table class="table">
            <tbody>
              {d.top_failing_checks.map((c) => (
                <tr key={c.check_id}>
                  <td>
                    <SeverityBadge severity={c.severity} />
                  </td>
                  <td>
                    <Link href={`/findings?check=${encodeURIComponent(c.check_id)}&status=open${scope}`}>{c.title}</Link>
                    <div class="muted mono">{c.check_id}</div>
                  </td>
                  <td class="num">{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section class="card" data-testid="dash-cis">
          <h2>
            <Link href="/compliance">CIS AWS Foundations v3.0</Link> by section
          </h2>
          <table class="table">
            <thead>
              <tr>
                <th>Section</th>
                <th class="num">Pass</th>
                <th class="num">Fail</th>
                <th class="num">Manual</th>
                <th class="num">Not assessed</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.cis_sections.map((s) => {
                const assessed = s.pass + s.fail;
                return (
                  <tr key={s.section} data-testid={`dash-cis-${s.section}`}>
                    <td>
                      {s.section}. {s.title}
                    </td>
                    <td class="num">{s.pass}</td>
                    <td class="num">{s.fail}</td>
                    <td class="num">{s.manual}</td>
                    <td class="num">{s.not_assessed}</td>
                    <td>
                      <meter min={0} max={assessed || 1} value={s.pass} title={`${s.pass} of ${assessed} assessed controls pass`} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>
      <section class="card" data-testid="dash-last-scan">
        <h2>Last scan</h2>
        {d.last_scan ? (
          <p>
            <StatusBadge status={d.last_scan.status} />{" "}
            <span data-testid="dash-last-scan-time">{formatTime(d.last_scan.finished_at ?? d.last_scan.started_at)}</span>
            {d.last_scan.duration_s !== null ? ` · took ${formatDuration(d.last_scan.duration_s)}` : ""}
            {d.last_scan.reason ? <span class="warn"> · {d.last_scan.reason}</span> : null} ·{" "}
            <Link href="/scans">all scans</Link>
          </p>
        ) : (
          <p class="muted">Never.</p>
        )}
        <h3>Coverage gaps</h3>
        {d.coverage_gaps.length === 0 ? (
          <p class="muted" data-testid="dash-no-gaps">
            None: every selected service and region was read.
          </p>
        ) : (
          <GapsTable gaps={d.coverage_gaps} testid="dash-gaps" />
        )}
      </section>
    </>
  );
}

function Tile({
  label,
  value,
  testid,
  href,
  tone = "",
}: {
  label: string;
  value: number;
  testid: string;
  href: string;
  tone?: string;
}) {
  return (
    <Link href={href} class={`tile ${tone}`} data-testid={testid}>
      <span class="tile-value" data-testid={`${testid}-value`}>
        {value}
      </span>
      <span class="tile-label">{label}</span>
    </Link>
  );
}
