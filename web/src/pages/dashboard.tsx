// / — the posture at a glance: accounts, services, improvements and issues;
// findings by severity; top failing checks; CIS v3.0 per section; open findings
// over time; the last scan and its coverage gaps.
import { qs } from "../api";
import { OpenOverTimeChart, SeverityChart } from "../components/charts";
import { AccountPicker } from "../components/account_picker";
import { ErrorBox, Loading, SeverityBadge, StatusBadge, TableWrap, Time } from "../components/ui";
import { useGet } from "../hooks";
import { scopeFromQuery, scopeParams } from "../lib/accounts";
import { improvementsCostLine } from "../lib/cost";
import { trendFromFirstScan } from "../lib/dashboard";
import { IMPROVEMENT_SEVERITIES, SECURITY_ISSUE_SEVERITIES, tileHref } from "../lib/filters";
import { formatDuration } from "../lib/format";
import { Link, navigate } from "../router";
import { SEVERITIES, type AccountsOverview, type Dashboard, type Paged, type Provider, type Scan } from "../types";
import { AccountsOverviewView } from "./dashboard_accounts";
import { SpendCard } from "./dashboard_spend";
import { GapsTable } from "./scans";

export function DashboardPage({ query }: { query: URLSearchParams }) {
  const scope = scopeFromQuery(query);
  const providerId = scope.provider_id;
  // One account: its own dashboard. Several (all, or an OU's): the accounts side by
  // side, worst first, and for all of them the combined dashboard below.
  const ouOnly = !!scope.ou && !providerId;
  const d = useGet<Dashboard>(ouOnly ? null : `/dashboard${qs({ provider_id: providerId })}`);
  const providers = useGet<Provider[]>("/providers");
  const many = useGet<AccountsOverview>(providerId ? null : `/accounts${qs(scopeParams(scope))}`);
  const firstScan = useFirstScan(providerId, !!d.data?.last_scan);
  // (useGet keeps its last answer when its path goes null: each part shows only in its own scope.)
  const showMany = !providerId && !!many.data && (ouOnly || many.data.accounts.length > 1);
  const dash = ouOnly ? null : d.data;

  return (
    <div class="page" data-testid="page-dashboard">
      <div class="page-head">
        <h1>Dashboard</h1>
        <AccountPicker scope={scope} onChange={(s) => navigate(`/${qs(scopeParams(s))}`)} />
      </div>
      <ErrorBox error={many.error} />
      {showMany ? <AccountsOverviewView o={many.data!} scope={scope} /> : null}
      {showMany && dash?.last_scan ? <h2 data-testid="dash-combined-head">All accounts together</h2> : null}
      <ErrorBox error={ouOnly ? null : d.error} />
      {(d.loading && !dash && !ouOnly) || (many.loading && !many.data && ouOnly) ? <Loading /> : null}
      {dash && !dash.last_scan && (providers.data || providers.error) ? (
        <NoScanYet providers={providers.data ?? []} providerId={providerId} />
      ) : null}
      {dash && dash.last_scan ? <DashboardBody d={dash} providerId={providerId} firstScanAt={firstScan} /> : null}
    </div>
  );
}

// When the oldest scan still on record started (scans are listed newest first: the
// last page of one-scan pages holds it); undefined while unknown.
function useFirstScan(providerId: string, any: boolean): string | null | undefined {
  const count = useGet<Paged<Scan>>(any ? `/scans${qs({ provider_id: providerId, page_size: 1 })}` : null);
  const total = count.data?.total ?? 0;
  const last = useGet<Paged<Scan>>(total > 1 ? `/scans${qs({ provider_id: providerId, page_size: 1, page: total })}` : null);
  const oldest = total > 1 ? last.data?.items[0] : count.data?.items[0];
  if (!count.data || (total > 1 && !last.data)) return undefined;
  return oldest ? oldest.started_at : null;
}

// Before a first scan there is nothing to count: no green zeros, no "no coverage
// gaps", no flat trend, but what to do next.
export function NoScanYet({ providers, providerId }: { providers: Provider[]; providerId: string }) {
  const scoped = providers.find((p) => p.id === providerId);
  const connected = scoped ? [scoped] : providers;
  return (
    <section class="card empty-state" data-testid="dash-no-scans">
      <h2>No scan has run yet</h2>
      <p>
        CloudPeek has not finished a scan of {scoped ? `“${scoped.label}”` : "any AWS account"} yet, so it knows nothing
        about its security yet, good or bad. The dashboard fills in after the first scan.
      </p>
      {connected.length === 0 ? (
        <>
          <p>
            First connect an AWS account in <Link href="/settings/provider">Settings › AWS integration</Link>, then start
            a scan.
          </p>
          <Link href="/settings/provider" class="button primary" data-testid="dash-connect">
            Connect an AWS account
          </Link>
        </>
      ) : (
        <>
          <p>
            {connected.length === 1 ? `“${connected[0].label}” is connected.` : `${connected.length} accounts are connected.`}{" "}
            Start a scan to see its findings.
          </p>
          <Link
            href={`/scans${qs({ provider_id: scoped ? scoped.id : "" })}`}
            class="button primary"
            data-testid="dash-start-scan"
          >
            Start a scan
          </Link>
        </>
      )}
    </section>
  );
}

export function DashboardBody({
  d,
  providerId,
  firstScanAt,
}: {
  d: Dashboard;
  providerId: string;
  firstScanAt: string | null | undefined;
}) {
  const scope = providerId ? `&provider_id=${encodeURIComponent(providerId)}` : "";
  const trend = firstScanAt === undefined ? [] : trendFromFirstScan(d.open_over_time, firstScanAt);
  return (
    <>
      <div class="tiles">
        <Tile label="Accounts monitored" value={d.accounts_monitored} testid="dash-accounts" href="/settings/provider" />
        <Tile label="Services in use" value={d.services_in_use} testid="dash-services" href="/inventory" />
        <Tile
          label="Best-practice improvements"
          value={d.best_practice_improvements}
          testid="dash-improvements"
          href={tileHref(IMPROVEMENT_SEVERITIES, providerId)}
          note={improvementsCostLine(d.improvements_monthly_cost)}
        />
        <Tile
          label="Security issues"
          value={d.security_issues}
          testid="dash-issues"
          href={tileHref(SECURITY_ISSUE_SEVERITIES, providerId)}
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
          {trend.length ? <OpenOverTimeChart points={trend} /> : <p class="muted">No history yet.</p>}
        </section>
      </div>
      <div class="grid2">
        <section class="card" data-testid="dash-top-checks">
          <h2>Top failing checks</h2>
          {d.top_failing_checks.length === 0 ? <p class="muted">No failing checks.</p> : null}
          <TableWrap>
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
          </TableWrap>
        </section>
        <section class="card" data-testid="dash-cis">
          <h2>
            <Link href="/compliance">CIS AWS Foundations v3.0</Link> by section
          </h2>
          <TableWrap>
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
                        <meter
                          min={0}
                          max={assessed || 1}
                          value={s.pass}
                          title={`${s.pass} of ${assessed} assessed controls pass`}
                          aria-label={`Section ${s.section}: ${s.pass} of ${assessed} assessed controls pass`}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </section>
      </div>
      <SpendCard providerId={providerId} />
      <section class="card" data-testid="dash-last-scan">
        <h2>Last scan</h2>
        {d.last_scan ? (
          <p>
            <StatusBadge status={d.last_scan.status} />{" "}
            <Time iso={d.last_scan.finished_at ?? d.last_scan.started_at} testid="dash-last-scan-time" />
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
  note = "",
}: {
  label: string;
  value: number;
  testid: string;
  href: string;
  tone?: string;
  note?: string;
}) {
  return (
    <Link href={href} class={`tile ${tone}`} data-testid={testid}>
      <span class="tile-value" data-testid={`${testid}-value`}>
        {value}
      </span>
      <span class="tile-label">{label}</span>
      {note ? (
        <span class="tile-label muted" data-testid={`${testid}-note`}>
          {note}
        </span>
      ) : null}
    </Link>
  );
}
