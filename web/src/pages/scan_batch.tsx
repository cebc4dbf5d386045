// /scans' organization scans (issue 11 §3): one progress view per batch — the
// overall bar, how many accounts finished, run and wait, the summed results,
// each account's scan, the accounts not scanned and why — that follows the
// batch by server-sent events (polling when the stream is down), and "Cancel
// all"; and the list of recent batches, each opening its card.
import { useEffect, useRef, useState } from "preact/hooks";
import { API, get, post } from "../api";
import { ErrorBox, Loading, Pager, StatusBadge, TableWrap, Time } from "../components/ui";
import { plural } from "../lib/format";
import {
  type BatchSkipped,
  type ScanBatch,
  batchCounts,
  batchFraction,
  batchLine,
  batchMoving,
  cancelledText,
  countsText,
  isBatchActive,
  memberLabel,
  memberResults,
  mergeBatch,
  scanPercent,
  sortBatchScans,
} from "../lib/scan_batch";
import { isActive } from "../lib/scan_state";
import { Link } from "../router";
import type { Paged } from "../types";

export const batchHref = (id: string) => `/scans?batch=${encodeURIComponent(id)}`;

const POLL_MS = 2000;

// Loads the batch and follows it while it runs: events when the stream is up,
// GET every 2 s while it is down (or the browser has no EventSource).
export function BatchCard({ id, onEnded }: { id: string; onEnded?: () => void }) {
  const [batch, setBatch] = useState<ScanBatch | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [streamError, setStreamError] = useState("");
  const [poll, setPoll] = useState(false);
  const [cancelMsg, setCancelMsg] = useState("");
  const path = `/scan-batches/${encodeURIComponent(id)}`;
  // Followed until its last scan has stopped (a cancelled batch's running scan takes a moment).
  const active = batch ? batchMoving(batch) : false;

  const refresh = () =>
    get<ScanBatch>(path).then(
      (b) => {
        setBatch((cur) => mergeBatch(cur, b));
        setError(null);
        return b;
      },
      (e) => {
        setError(e);
        return null;
      },
    );

  useEffect(() => {
    refresh();
  }, [id]);

  // The stream, opened once the batch is known to be queued or running.
  useEffect(() => {
    if (!active) return;
    if (typeof EventSource === "undefined") {
      setPoll(true);
      return;
    }
    const es = new EventSource(`${API}${path}/events`);
    const read = (ev: Event) => {
      try {
        return JSON.parse((ev as MessageEvent).data) as ScanBatch;
      } catch {
        return null;
      }
    };
    es.addEventListener("progress", (ev) => {
      const next = read(ev);
      if (next) setBatch((cur) => mergeBatch(cur, next));
      setStreamError("");
      setPoll(false);
    });
    es.addEventListener("done", (ev) => {
      const next = read(ev);
      if (next) setBatch((cur) => mergeBatch(cur, next));
      es.close();
      setStreamError("");
      setPoll(false);
    });
    es.onerror = () => {
      // EventSource reconnects by itself; meanwhile the card polls, and says so.
      if (es.readyState !== EventSource.CLOSED) {
        setStreamError("Lost the live connection; reconnecting… (meanwhile updated every 2 seconds)");
        setPoll(true);
      }
    };
    return () => es.close();
  }, [id, active]);

  useEffect(() => {
    if (!poll || !active) return;
    const t = window.setInterval(refresh, POLL_MS);
    return () => window.clearInterval(t);
  }, [poll, active, id]);

  // Once it has ended: the final state with every scan, and the lists around it refreshed.
  useEffect(() => {
    if (!batch || active) return;
    setStreamError(""); // nothing more to follow: the stream no longer matters
    onEnded?.();
  }, [active, batch?.id]);

  const cancelAll = async () => {
    try {
      const r = await post<{ id: string; cancelled: number }>(`${path}/cancel`);
      setCancelMsg(cancelledText(r.cancelled ?? 0));
    } catch (e) {
      setError(e);
    }
    await refresh();
  };

  if (!batch) {
    return (
      <section class="card" data-testid="batch-card">
        <ErrorBox error={error} testid="batch-error" />
        {error ? null : <Loading what="Loading the organization scan" />}
      </section>
    );
  }
  return <BatchView batch={batch} streamError={streamError} error={error} cancelMsg={cancelMsg} onCancelAll={cancelAll} />;
}

export function BatchView({
  batch: b,
  streamError = "",
  error = null,
  cancelMsg = "",
  onCancelAll,
}: {
  batch: ScanBatch;
  streamError?: string;
  error?: unknown;
  cancelMsg?: string;
  onCancelAll: () => Promise<void> | void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // The confirmation takes the focus where the button was (on its safe choice).
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const active = isBatchActive(b);
  const fraction = batchFraction(b);
  const scans = sortBatchScans(b.scans ?? []);
  const left = scans.filter(isActive).length || (b.by_status.queued ?? 0) + (b.by_status.running ?? 0);
  const counts = batchCounts(b);
  return (
    <section class="card" data-testid="batch-card" data-batch-id={b.id} data-status={b.status}>
      <h2>
        {b.label}: <StatusBadge status={b.status} />
      </h2>
      <p class="muted">
        Organization scan started <Time iso={b.created_at} />
        {b.created_by ? ` by ${b.created_by}` : ""} · regions: {b.regions.length ? b.regions.join(", ") : "all enabled"} · services:{" "}
        {b.services.length ? b.services.join(", ") : "all"}
      </p>
      <progress aria-label={`Progress of ${b.label}`} max={1} value={fraction} data-testid="batch-progress" />
      <p data-testid="batch-progress-text">
        {active ? `${Math.round(fraction * 100)}% · ` : ""}
        {batchLine(b)}
      </p>
      <p data-testid="batch-results">
        {batchMoving(b) ? "Results so far" : "Results"}: {countsText(counts)}
        {b.skipped.length ? ` (${plural(b.skipped.length, "account")} not scanned, not counted)` : ""}
      </p>
      {streamError ? (
        <p class="warn" data-testid="batch-stream-error">
          {streamError}
        </p>
      ) : null}
      <ErrorBox error={error} testid="batch-error" />
      {cancelMsg ? (
        <p role="status" data-testid="batch-cancelled">
          {cancelMsg}
        </p>
      ) : null}
      {active && !confirming ? (
        <div class="row">
          <button type="button" class="danger" data-testid="batch-cancel-all" onClick={() => setConfirming(true)}>
            Cancel all
          </button>
        </div>
      ) : null}
      {active && confirming ? (
        <div class="warn-box" role="group" aria-label="Cancel all" data-testid="batch-cancel-confirm-box">
          <p>
            Cancel the {plural(left, "scan")} of this organization scan that {left === 1 ? "has" : "have"} not ended? Accounts already
            finished keep their results.
          </p>
          <div class="row">
            <button
              type="button"
              class="danger"
              disabled={busy}
              data-testid="batch-cancel-confirm"
              onClick={async () => {
                setBusy(true);
                await onCancelAll();
                setBusy(false);
                setConfirming(false);
              }}
            >
              {busy ? "Cancelling…" : "Yes, cancel all"}
            </button>
            <button type="button" ref={keep} data-testid="batch-cancel-keep" onClick={() => setConfirming(false)}>
              Keep scanning
            </button>
          </div>
        </div>
      ) : null}
      <TableWrap>
        <table class="table batch-scans" data-testid="batch-scans">
          <caption>Accounts ({scans.length})</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col">Results</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {scans.map((s) => (
              <tr key={s.id} data-testid="batch-scan-row" data-scan-id={s.id} data-status={s.status} data-account-id={s.account_id ?? ""}>
                <td data-testid="batch-scan-account">{memberLabel(s)}</td>
                <td>
                  <StatusBadge status={s.status} />
                </td>
                <td class="num" data-testid="batch-scan-progress">
                  {scanPercent(s)}
                </td>
                <td class={isActive(s) || memberResults(s) === "no results" ? "nowrap muted" : "nowrap"} data-testid="batch-scan-results">
                  {memberResults(s)}
                </td>
                <td class={s.status === "failed" || s.status === "interrupted" ? "warn" : "muted"} data-testid="batch-scan-reason">
                  {s.reason ?? (s.status === "queued" ? "waiting for a scan slot" : "")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <SkippedList skipped={b.skipped} />
    </section>
  );
}

// Accounts the batch did not scan: a visible gap with its reason, never a result.
export function SkippedList({
  skipped,
  testid = "batch-skipped",
  note = "Nothing about these accounts was checked: they are in no result above.",
}: {
  skipped: BatchSkipped[];
  testid?: string;
  note?: string;
}) {
  if (!skipped.length) return null;
  return (
    <div data-testid={testid}>
      <h3>Not scanned ({skipped.length})</h3>
      <p class="muted">{note}</p>
      <ul class="skipped-list">
        {skipped.map((k, i) => (
          <li key={k.provider_id ?? i} data-testid="batch-skipped-row" data-account-id={k.account_id ?? ""}>
            <span class="badge st-not_assessed">not scanned</span> <strong>{memberLabel(k)}</strong>: <span class="warn">{k.reason}</span>
            {k.advice ? <div class="hint" data-testid="batch-skipped-advice">{k.advice}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

// GET /scan-batches' page: each batch's status, progress and results, opening its card.
export function BatchList({ data, onPage }: { data: Paged<ScanBatch>; onPage: (p: number) => void }) {
  return (
    <section class="card" data-testid="batch-list">
      <h2>Organization scans</h2>
      <TableWrap>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Scan</th>
              <th scope="col">Started</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col">Results</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((b) => (
              <tr key={b.id} data-testid="batch-row" data-batch-id={b.id} data-status={b.status}>
                <td>
                  <Link href={batchHref(b.id)} data-testid="batch-link">
                    {b.label}
                  </Link>
                </td>
                <td>
                  <Time iso={b.created_at} />
                </td>
                <td>
                  <StatusBadge status={b.status} />
                </td>
                <td>
                  <progress aria-label={`Progress of ${b.label}`} max={1} value={batchFraction(b)} />
                  <div class="muted">{batchLine(b)}</div>
                </td>
                <td>{countsText(batchCounts(b))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {data.total > data.page_size ? <Pager total={data.total} page={data.page} pageSize={data.page_size} onPage={onPage} /> : null}
    </section>
  );
}
