// /inventory/:id — one resource: its attributes, tags, raw JSON and its findings.
import { ErrorBox, JsonBlock, Loading } from "../components/ui";
import { useGet } from "../hooks";
import { Link } from "../router";
import type { ResourceDetail } from "../types";
import { FindingsTable } from "./findings";
import { Tags } from "./inventory";

export function ResourceDetailPage({ id }: { id: string }) {
  const r = useGet<ResourceDetail>(`/resources/${encodeURIComponent(id)}`);
  const d = r.data;
  return (
    <div class="page" data-testid="page-resource-detail">
      <p>
        <Link href="/inventory">‹ Inventory</Link>
      </p>
      <ErrorBox error={r.error} />
      {r.loading && !d ? <Loading /> : null}
      {d ? (
        <>
          <h1 data-testid="resource-name">{d.name || d.arn}</h1>
          <dl class="kv">
            <dt>ARN</dt>
            <dd class="mono" data-testid="resource-arn">
              {d.arn}
            </dd>
            <dt>Type</dt>
            <dd>{d.type}</dd>
            <dt>Service, region, account</dt>
            <dd>
              {d.service} · {d.region} · {d.account}
            </dd>
            <dt>Tags</dt>
            <dd>
              <Tags tags={d.tags} />
            </dd>
          </dl>
          <section class="card">
            <h2>Findings</h2>
            <FindingsTable items={d.findings ?? []} testid="resource-findings" />
          </section>
          {d.missing && (Array.isArray(d.missing) ? d.missing.length > 0 : Object.keys(d.missing as object).length > 0) ? (
            <section class="card">
              <h2>Not readable</h2>
              <p class="muted">Properties CloudPeek could not read, and why:</p>
              <JsonBlock value={d.missing} testid="resource-missing" />
            </section>
          ) : null}
          <section class="card">
            <h2>Raw JSON</h2>
            <JsonBlock value={d.raw} testid="resource-raw" />
          </section>
        </>
      ) : null}
    </div>
  );
}
