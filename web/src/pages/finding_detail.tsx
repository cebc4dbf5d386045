// /findings/:id — risk, remediation (text, CLI, Terraform), the resource and
// its JSON, evidence, history; mute with a reason and optional expiry, unmute.
import { useState } from "preact/hooks";
import { ApiError, post } from "../api";
import { ErrorBox, FieldError, JsonBlock, Loading, SeverityBadge, StatusBadge, TableWrap, Time } from "../components/ui";
import { useGet } from "../hooks";
import { formatMonthlyCost } from "../lib/cost";
import { localInputToIso } from "../lib/format";
import { Link } from "../router";
import type { FindingDetail } from "../types";

function safeUrl(u: string): string | null {
  return /^https:\/\/[^\s]+$/i.test(u) ? u : null;
}

export function FindingDetailPage({ id }: { id: string }) {
  const f = useGet<FindingDetail>(`/findings/${encodeURIComponent(id)}`);
  return (
    <div class="page" data-testid="page-finding-detail">
      <p>
        <Link href="/findings">‹ Findings</Link>
      </p>
      <ErrorBox error={f.error} />
      {f.loading && !f.data ? <Loading /> : null}
      {f.data ? <Detail f={f.data} reload={f.reload} /> : null}
    </div>
  );
}

function Detail({ f, reload }: { f: FindingDetail; reload: () => void }) {
  return (
    <>
      <div class="page-head">
        <h1 data-testid="finding-title">{f.title}</h1>
        <div>
          <SeverityBadge severity={f.severity} /> <StatusBadge status={f.status} />{" "}
          <span class="badge">{f.result}</span>
        </div>
      </div>
      <dl class="kv">
        <dt>Check</dt>
        <dd class="mono" data-testid="finding-check">{f.check_id}</dd>
        <dt>Resource</dt>
        <dd data-testid="finding-resource">
          {f.resource ? (
            <Link href={`/inventory/${encodeURIComponent(f.resource.id)}`}>{f.resource_name || f.resource_arn}</Link>
          ) : (
            f.resource_name || f.resource_arn
          )}
          <div class="muted mono">{f.resource_arn}</div>
        </dd>
        <dt>Type, region, account</dt>
        <dd>
          {f.resource_type} · {f.region} · {f.account}
        </dd>
        <dt>First seen / last seen</dt>
        <dd>
          <Time iso={f.first_seen} /> / <Time iso={f.last_seen} />
        </dd>
        {f.monthly_cost_usd != null ? (
          <>
            <dt>Estimated cost</dt>
            <dd data-testid="finding-cost">{formatMonthlyCost(f.monthly_cost_usd)} while it stands (what fixing it saves)</dd>
          </>
        ) : null}
        {f.cis?.length ? (
          <>
            <dt>CIS v3.0</dt>
            <dd data-testid="finding-cis">{f.cis.join(", ")}</dd>
          </>
        ) : null}
        {f.fsbp?.length ? (
          <>
            <dt>AWS FSBP</dt>
            <dd>{f.fsbp.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <section class="card">
        <h2>Evidence</h2>
        <p class="evidence" data-testid="finding-evidence">
          {f.detail}
        </p>
      </section>
      {f.description ? (
        <section class="card">
          <h2>What is checked</h2>
          <p>{f.description}</p>
        </section>
      ) : null}
      {f.risk ? (
        <section class="card" data-testid="finding-risk">
          <h2>Risk</h2>
          <p>{f.risk}</p>
        </section>
      ) : null}
      {f.remediation ? (
        <section class="card" data-testid="finding-remediation">
          <h2>Remediation</h2>
          {f.remediation.text ? <p>{f.remediation.text}</p> : null}
          {f.remediation.cli ? (
            <>
              <h3>AWS CLI</h3>
              <pre class="code" tabIndex={0} data-testid="remediation-cli">{f.remediation.cli}</pre>
            </>
          ) : null}
          {f.remediation.terraform ? (
            <>
              <h3>Terraform</h3>
              <pre class="code" tabIndex={0} data-testid="remediation-terraform">{f.remediation.terraform}</pre>
            </>
          ) : null}
        </section>
      ) : null}
      {f.references?.length ? (
        <section class="card">
          <h2>References</h2>
          <ul>
            {f.references.map((r) => {
              const u = safeUrl(r);
              return (
                <li key={r}>
                  {u ? (
                    <a href={u} target="_blank" rel="noopener noreferrer">
                      {r}
                    </a>
                  ) : (
                    r
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <MuteBox f={f} reload={reload} />
      {f.history?.length ? (
        <section class="card" data-testid="finding-history">
          <h2>History</h2>
          <TableWrap>
            <table class="table">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Status</th>
                  <th>Result</th>
                  <th>Detail</th>
                  <th>Scan</th>
                </tr>
              </thead>
              <tbody>
                {f.history.map((h, i) => (
                  <tr key={i}>
                    <td>
                      <Time iso={h.at} />
                    </td>
                    <td>
                      <StatusBadge status={h.status} />
                    </td>
                    <td>{h.result}</td>
                    <td>{h.detail}</td>
                    <td class="mono">{h.scan_id}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
      {f.resource ? (
        <details class="card">
          <summary>Resource JSON</summary>
          <JsonBlock value={f.resource.raw} testid="finding-resource-json" />
        </details>
      ) : null}
    </>
  );
}

function MuteBox({ f, reload }: { f: FindingDetail; reload: () => void }) {
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = encodeURIComponent(f.id);

  if (f.mute) {
    return (
      <section class="card" data-testid="mute-info">
        <h2>Muted</h2>
        <p>
          By {f.mute.by} on <Time iso={f.mute.at} />
          {f.mute.until ? (
            <>
              , until <Time iso={f.mute.until} />
            </>
          ) : (
            ", with no end date"
          )}
          .
        </p>
        <p class="evidence" data-testid="mute-reason">
          {f.mute.reason}
        </p>
        <ErrorBox error={error} />
        <button
          type="button"
          disabled={busy}
          data-testid="unmute"
          onClick={async () => {
            setBusy(true);
            try {
              await post(`/findings/${id}/unmute`);
              reload();
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          Unmute
        </button>
      </section>
    );
  }
  if (f.status !== "open") return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    setFieldError(null);
    setError(null);
    if (!reason.trim()) {
      setFieldError({ field: "reason", message: "Say why this finding is muted (e.g. accepted risk, false positive)." });
      return;
    }
    const untilIso = localInputToIso(until);
    if (until && (!untilIso || Date.parse(untilIso) <= Date.now())) {
      setFieldError({ field: "until", message: "The end of the mute must be a time in the future." });
      return;
    }
    setBusy(true);
    try {
      await post(`/findings/${id}/mute`, untilIso ? { reason: reason.trim(), until: untilIso } : { reason: reason.trim() });
      setReason("");
      setUntil("");
      reload();
    } catch (err) {
      if (err instanceof ApiError && err.field) setFieldError({ field: err.field, message: err.message });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} data-testid="mute-form">
      <h2>Mute this finding</h2>
      <label>
        Reason
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid="mute-reason-input" />
      </label>
      <FieldError message={fieldError?.field === "reason" ? fieldError.message : ""} testid="mute-reason-error" />
      <label>
        Until <span class="muted">(optional)</span>
        <input type="datetime-local" value={until} onInput={(e) => setUntil(e.currentTarget.value)} data-testid="mute-until" />
      </label>
      <FieldError message={fieldError?.field === "until" ? fieldError.message : ""} testid="mute-until-error" />
      <ErrorBox error={error} />
      <button type="submit" disabled={busy} data-testid="mute-submit">
        Mute
      </button>
    </form>
  );
}
