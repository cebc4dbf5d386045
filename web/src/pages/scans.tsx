// /scans — start a scan (account, regions, services from GET /meta), watch it
// live (EventSource on /scans/{id}/events), and the history with durations,
// coverage gaps, and the reasons of interrupted and failed scans. A whole
// organization or an OU is scanned as one batch (a scan per account), followed
// on its card (scan_batch.tsx, /scans?batch=<id>) and listed as organization scans.
import { useEffect, useMemo, useState } from "preact/hooks";
import { API, ApiError, post, qs } from "../api";
import { AccountPicker } from "../components/account_picker";
import { ErrorBox, Loading, Pager, StatusBadge, TableWrap, Time } from "../components/ui";
import { useGet, useNow } from "../hooks";
import { QUEUED_TEXT, rowAccountLabel, scopeFromQuery, scopeParams, showsAccountColumn, withLiveStatus } from "../lib/accounts";
import { formatDuration, plural } from "../lib/format";
import type { Organization } from "../lib/org";
import { type ScanBatch, batchLinkLabel, batchMoving, isBatchActive, isBatchChoice, skippedOf, startChoices, startRequest } from "../lib/scan_batch";
import { areasAtWork, credentialsExpired, gapsByService, isActive, mergeScan, progressFraction, progressLine, scanEnding } from "../lib/scan_state";
import { Link, navigate } from "../router";
import type { AccountScopes, AreaProgress, Gap, Meta, Paged, Provider, Scan } from "../types";
import { BatchCard, BatchList, SkippedList, batchHref } from "./scan_batch";

export function ScansPage({ query }: { query: URLSearchParams }) {
  const scope = scopeFromQuery(query);
  const providerId = scope.provider_id;
  const page = query.get("page") ?? "";
  const batchId = query.get("batch") ?? "";
  const batchPage = query.get("batch_page") ?? "";
  const [polling, setPolling] = useState(false);
  const [batchPolling, setBatchPolling] = useState(false);
  // Organization scans: the recent batches (an answer the server cannot give leaves the list out).
  const batches = useGet<Paged<ScanBatch>>(`/scan-batches${qs({ page: batchPage })}`, batchPolling ? 3000 : 0);
  useEffect(() => setBatchPolling(!!batches.data?.items.some(batchMoving)), [batches.data]);
  const batchLabels = useMemo(() => new Map((batches.data?.items ?? []).map((b) => [b.id, b.label])), [batches.data]);
  // The card shown: the batch in the URL, else one found running (kept once it ends).
  const [runningBatch, setRunningBatch] = useState("");
  useEffect(() => {
    const active = batches.data?.items.find(isBatchActive);
    if (!runningBatch && active) setRunningBatch(active.id);
  }, [batches.data]);
  const followBatch = batchId || runningBatch;
  // While a scan waits or runs, the history follows it (queued ones start as others end).
  const history = useGet<Paged<Scan>>(`/scans${qs({ ...scopeParams(scope), page })}`, polling ? 3000 : 0);
  const [live, setLive] = useState<Scan | null>(null);
  const [liveNow, setLiveNow] = useState<Scan | null>(null);
  useEffect(() => setPolling(!!history.data?.items.some(isActive)), [history.data]);
  // Several accounts in one history: each row says whose scan it is.
  const scopes = useGet<AccountScopes>("/accounts/scopes");
  const showAccount = showsAccountColumn(scopes.data, scope);

  // Follow a scan that is already running when the page opens (one of a batch is on the batch's card).
  useEffect(() => {
    if (live) return;
    const running = history.data?.items.find((s) => isActive(s) && !s.batch_id);
    if (running) setLive(running);
  }, [history.data]);

  return (
    <div class="page" data-testid="page-scans">
      <div class="page-head">
        <h1>Scans</h1>
      </div>
      <StartScan
        defaultProvider={providerId}
        onStarted={(s) => {
          setLive(s);
          history.reload();
        }}
        onBatch={(b) => {
          batches.reload();
          history.reload();
          navigate(batchHref(b.id));
        }}
      />
      {followBatch ? (
        <BatchCard
          key={followBatch}
          id={followBatch}
          onEnded={() => {
            batches.reload();
            history.reload();
          }}
        />
      ) : null}
      {live ? (
        <LiveScan
          key={live.id}
          scan={live}
          onUpdate={setLiveNow}
          onDone={() => {
            history.reload();
          }}
        />
      ) : null}
      {batches.data && batches.data.items.length ? (
        <BatchList data={batches.data} onPage={(p) => navigate(`/scans${qs({ ...scopeParams(scope), batch: batchId, batch_page: String(p) })}`)} />
      ) : null}
      <section class="card" data-testid="scan-history">
        <div class="page-head">
          <h2>History</h2>
          <AccountPicker scope={scope} onChange={(s) => navigate(`/scans${qs(scopeParams(s))}`)} testid="history-provider" />
        </div>
        <ErrorBox error={history.error} />
        {history.loading && !history.data ? <Loading /> : null}
        {history.data ? (
          <>
            {history.data.items.length === 0 ? <p class="muted">{scope.ou ? `No scans of the accounts in ${scope.ou} yet.` : "No scans yet."}</p> : null}
            <TableWrap>
              <table class="table">
                <thead>
                  <tr>
                    {showAccount ? <th>Account</th> : null}
                    <th>Started</th>
                    <th>Status</th>
                    <th>Duration</th>
                    <th>Results</th>
                    <th>Coverage gaps</th>
                  </tr>
                </thead>
                <tbody>
                  {history.data.items.map((s) => (
                    <HistoryRow
                      key={s.id}
                      s={withLiveStatus(s, liveNow)}
                      account={showAccount ? rowAccountLabel({ provider_id: s.provider_id }, scopes.data) : null}
                      batchLabel={s.batch_id ? batchLinkLabel(s.batch_id, batchLabels) : null}
                      onCancelled={history.reload}
                    />
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Pager
              total={history.data.total}
              page={history.data.page}
              pageSize={history.data.page_size}
              onPage={(p) => navigate(`/scans${qs({ ...scopeParams(scope), page: String(p) })}`)}
            />
          </>
        ) : null}
      </section>
    </div>
  );
}

function HistoryRow({
  s,
  account,
  batchLabel,
  onCancelled,
}: {
  s: Scan;
  account: string | null;
  batchLabel: string | null;
  onCancelled: () => void;
}) {
  const [open, setOpen] = useState(false);
  const c = s.counts ?? {};
  return (
    <>
      <tr data-testid="scan-row" data-scan-id={s.id} data-status={s.status}>
        {account !== null ? <td data-testid="scan-account">{account}</td> : null}
        <td>
          <Time iso={s.started_at} />
          {s.batch_id && batchLabel ? (
            <div class="muted" data-testid="scan-batch">
              Part of <Link href={batchHref(s.batch_id)}>{batchLabel}</Link>
            </div>
          ) : null}
        </td>
        <td>
          <StatusBadge status={s.status} />
          {s.status === "queued" ? (
            <>
              {" "}
              <button
                type="button"
                class="link-button"
                data-testid="cancel-queued-scan"
                onClick={() => post(`/scans/${encodeURIComponent(s.id)}/cancel`).then(onCancelled, onCancelled)}
              >
                Cancel
              </button>
            </>
          ) : null}
          {s.reason ? (
            <div class={s.status === "succeeded" ? "muted" : "warn"} data-testid="scan-reason">
              {s.reason}
            </div>
          ) : null}
        </td>
        <td data-testid="scan-duration">{formatDuration(s.duration_s)}</td>
        <td>
          {c.FAIL ?? 0} fail · {c.PASS ?? 0} pass · {c.NOT_ASSESSED ?? 0} not assessed · {c.MANUAL ?? 0} manual
        </td>
        <td>
          {s.gaps?.length ? (
            <button type="button" class="link-button" onClick={() => setOpen(!open)} data-testid="scan-gaps-toggle">
              {plural(s.gaps.length, "gap")} {open ? "▴" : "▾"}
            </button>
          ) : (
            <span class="muted">none</span>
          )}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={account !== null ? 6 : 5}>
            <GapsTable gaps={s.gaps} testid="scan-gaps" />
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function GapsTable({ gaps, testid }: { gaps: Gap[]; testid: string }) {
  return (
    <div data-testid={testid}>
      <p class="muted">
        {gapsByService(gaps)
          .map(([s, n]) => `${s}: ${n}`)
          .join(" · ")}
      </p>
      <div class="scroll" tabIndex={0}>
        <table class="table">
          <thead>
            <tr>
              <th>Service</th>
              <th>Region</th>
              <th>Action</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g, i) => (
              <tr key={i} data-testid="gap-row">
                <td>{g.service}</td>
                <td>{g.region}</td>
                <td class="mono">{g.action}</td>
                <td>
                  <span class="badge">{g.kind.replace(/_/g, " ")}</span> {g.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function StartScan({
  defaultProvider,
  onStarted,
  onBatch,
}: {
  defaultProvider: string;
  onStarted: (s: Scan) => void;
  onBatch: (b: ScanBatch) => void;
}) {
  const meta = useGet<Meta>("/meta");
  const providers = useGet<Provider[]>("/providers");
  // What a batch can cover: the connected organizations and the OUs accounts are in.
  const orgs = useGet<Organization[]>("/organizations");
  const scopes = useGet<AccountScopes>("/accounts/scopes");
  const [providerId, setProviderId] = useState(defaultProvider);
  const [regions, setRegions] = useState<Set<string>>(new Set());
  const [services, setServices] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow(5000);
  const list = providers.data ?? [];
  const chosen = providerId || list[0]?.id || "";
  const provider = list.find((p) => p.id === chosen);
  const choices = startChoices(list, orgs.data, scopes.data);
  const grouped = choices.organizations.length > 0 || choices.ous.length > 0;
  const batch = isBatchChoice(chosen);

  if (providers.data && list.length === 0) {
    return (
      <section class="card" data-testid="start-scan">
        <p>
          No AWS account is connected yet. <Link href="/settings/provider">Connect one</Link> to scan it.
        </p>
      </section>
    );
  }

  const start = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const req = startRequest(chosen, regions, services);
      if (req.path === "/scan-batches") onBatch(await post<ScanBatch>(req.path, req.body));
      else onStarted(await post<Scan>(req.path, req.body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (set: Set<string>, update: (s: Set<string>) => void, v: string) => {
    const n = new Set(set);
    if (n.has(v)) n.delete(v);
    else n.add(v);
    update(n);
  };
  const expired = credentialsExpired(provider, now);

  return (
    <form class="card" onSubmit={start} data-testid="start-scan">
      <h2>Start a scan</h2>
      <label>
        AWS account
        <select value={chosen} onChange={(e) => setProviderId(e.currentTarget.value)} data-testid="scan-provider">
          {grouped ? (
            <optgroup label="Accounts">
              {choices.accounts.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : (
            choices.accounts.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))
          )}
          {choices.organizations.length ? (
            <optgroup label="Organizations">
              {choices.organizations.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : null}
          {choices.ous.length ? (
            <optgroup label="Organizational units">
              {choices.ous.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      {batch ? (
        <p class="hint" data-testid="scan-batch-hint">
          One scan per account, all followed on one card; they run as many at a time as Settings › Scans at once allows. Accounts
          CloudPeek cannot reach are listed as not scanned, with the reason.
        </p>
      ) : null}
      {expired ? (
        <p class="error-box" data-testid="scan-blocked-expired">
          The credentials of “{provider!.label}” have expired: scans are blocked.{" "}
          <Link href={`/settings/provider?provider=${encodeURIComponent(provider!.id)}`}>Renew them</Link>.
        </p>
      ) : null}
      {meta.data ? (
        <div class="grid2">
          <fieldset data-testid="scan-regions">
            <legend>Regions ({regions.size ? `${regions.size} selected` : "all enabled"})</legend>
            <div class="checks">
              {meta.data.regions.map((r) => (
                <label key={r} class="check">
                  <input type="checkbox" checked={regions.has(r)} onChange={() => toggle(regions, setRegions, r)} value={r} data-testid={`scan-region-${r}`} />
                  {r}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset data-testid="scan-services">
            <legend>Services ({services.size ? `${services.size} selected` : "all"})</legend>
            <div class="checks">
              {meta.data.services.map((s) => (
                <label key={s} class="check">
                  <input type="checkbox" checked={services.has(s)} onChange={() => toggle(services, setServices, s)} value={s} data-testid={`scan-service-${s}`} />
                  {s}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      ) : (
        <ErrorBox error={meta.error} />
      )}
      <ErrorBox error={error} testid="start-scan-error" />
      <SkippedList skipped={skippedOf(error)} testid="start-scan-skipped" note="No scan was started. Each account, and why it cannot be scanned now:" />
      <button type="submit" class="primary" disabled={busy || !chosen || expired} data-testid="start-scan-button">
        {busy ? "Starting…" : batch ? "Start organization scan" : "Start scan"}
      </button>
    </form>
  );
}

// What a running scan is still doing in each service or region: calls answered,
// calls known and not made yet, collectors × regions finished, calls that lost data.
function WorkTable({ caption, areas, testid }: { caption: string; areas: AreaProgress[] | undefined; testid: string }) {
  const { busy, more, done } = areasAtWork(areas);
  return (
    <TableWrap>
      <table class="table compact" data-testid={testid}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption === "By region" ? "Region" : "Service"}</th>
            <th scope="col">Calls answered</th>
            <th scope="col">Calls left</th>
            <th scope="col">Finished</th>
            <th scope="col">Lost</th>
          </tr>
        </thead>
        <tbody>
          {busy.map((a) => (
            <tr key={a.name} data-area={a.name}>
              <td class="nowrap">{a.name}</td>
              <td>{a.calls_done}</td>
              <td>{a.tasks_outstanding}</td>
              <td>
                {a.runs_done}/{a.runs_total}
              </td>
              <td class={a.calls_lost ? "warn" : ""}>{a.calls_lost}</td>
            </tr>
          ))}
          <tr>
            <td colSpan={5} class="muted">
              {more ? `${more} more working · ` : ""}
              {plural(done, caption === "By region" ? "region" : "service")} done
            </td>
          </tr>
        </tbody>
      </table>
    </TableWrap>
  );
}

function LiveScan({ scan, onDone, onUpdate }: { scan: Scan; onDone: () => void; onUpdate: (s: Scan) => void }) {
  const [s, setS] = useState<Scan>(scan);
  useEffect(() => onUpdate(s), [s]);
  const [streamError, setStreamError] = useState<string>("");

  useEffect(() => {
    if (!isActive(scan)) return;
    const es = new EventSource(`${API}/scans/${encodeURIComponent(scan.id)}/events`);
    const read = (ev: MessageEvent) => {
      try {
        return JSON.parse(ev.data) as Scan;
      } catch {
        return null;
      }
    };
    es.addEventListener("progress", (ev) => {
      const next = read(ev as MessageEvent);
      if (next) setS((cur) => mergeScan(cur, next));
      setStreamError("");
    });
    es.addEventListener("done", (ev) => {
      const next = read(ev as MessageEvent);
      if (next) setS((cur) => mergeScan(cur, next));
      es.close();
      onDone();
    });
    es.onerror = () => {
      // EventSource reconnects by itself; say so while it is down.
      if (es.readyState !== EventSource.CLOSED) setStreamError("Lost the live connection; reconnecting…");
    };
    return () => es.close();
  }, [scan.id]);

  const fraction = progressFraction(s.progress);
  const done = !isActive(s);
  return (
    <section class="card" data-testid="live-scan" data-status={s.status}>
      <h2>
        Scan {s.id}: <StatusBadge status={s.status} />
      </h2>
      <progress aria-label="Scan progress" max={1} value={done && (s.status === "succeeded" || s.status === "partial") ? 1 : fraction} data-testid="scan-progress" />
      <p data-testid="scan-progress-text">
        {s.status === "queued" ? QUEUED_TEXT : (
          <>
            {done ? "" : `${Math.round(fraction * 100)}% · `}
            {progressLine(s.progress)}
          </>
        )}
      </p>
      {streamError ? <p class="warn">{streamError}</p> : null}
      {!done && s.progress?.by_service?.length ? (
        <div class="work-areas" data-testid="scan-work">
          <WorkTable caption="By service" areas={s.progress.by_service} testid="scan-work-services" />
          <WorkTable caption="By region" areas={s.progress.by_region} testid="scan-work-regions" />
        </div>
      ) : null}
      {s.reason ? (
        <p class={s.status === "succeeded" ? "muted" : "error-box"} data-testid="live-scan-reason">
          {s.reason}
        </p>
      ) : null}
      {done ? (
        <p data-testid="live-scan-done">
          {scanEnding(s)}
          {s.finished_at ? <> <Time iso={s.finished_at} /></> : ""} after {formatDuration(s.duration_s)}:{" "}
          {s.counts.FAIL ?? 0} failing, {s.counts.PASS ?? 0} passing, {s.counts.NOT_ASSESSED ?? 0} not assessed
          {s.gaps?.length ? `, ${plural(s.gaps.length, "coverage gap")}` : ""}. <Link href="/">Dashboard</Link> ·{" "}
          <Link href="/findings?status=open">Open findings</Link>
        </p>
      ) : (
        <button
          type="button"
          class="link-button"
          data-testid="cancel-scan"
          onClick={() => post(`/scans/${encodeURIComponent(s.id)}/cancel`).catch((e: ApiError) => setStreamError(e.message))}
        >
          Cancel scan
        </button>
      )}
    </section>
  );
}
