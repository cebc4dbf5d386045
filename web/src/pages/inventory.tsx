// /inventory — resources by service, type and region with counts, a search,
// and the paged list; click through to a resource.
import { useEffect, useState } from "preact/hooks";
import { qs } from "../api";
import { AccountPicker } from "../components/account_picker";
import { ErrorBox, Loading, Pager, TableWrap } from "../components/ui";
import { useGet } from "../hooks";
import { rowAccountLabel, scopeParams, showsAccountColumn } from "../lib/accounts";
import { Link, navigate } from "../router";
import type { AccountScopes, InventoryRow, Paged, ResourceItem } from "../types";

const KEYS = ["provider_id", "ou", "service", "type", "region", "q", "page"] as const;

export function InventoryPage({ query }: { query: URLSearchParams }) {
  const f: Record<string, string> = {};
  for (const k of KEYS) f[k] = query.get(k) ?? "";
  const scope = { provider_id: f.provider_id, ou: f.ou };
  const summary = useGet<InventoryRow[]>(`/inventory/summary${qs(scopeParams(scope))}`);
  // Several accounts in scope: the Account column names each resource's by the picker's name.
  const scopes = useGet<AccountScopes>("/accounts/scopes");
  const named = showsAccountColumn(scopes.data, scope);
  const resources = useGet<Paged<ResourceItem>>(`/resources${qs({ ...f, page: f.page || undefined })}`);
  const go = (patch: Record<string, string>) => {
    const next = { ...f, page: "", ...patch };
    navigate(`/inventory${qs(next)}`);
  };
  const [text, setText] = useState(f.q);
  useEffect(() => setText(f.q), [f.q]);

  const rows = summary.data ?? [];
  const byService = new Map<string, number>();
  for (const r of rows) byService.set(r.service, (byService.get(r.service) ?? 0) + r.count);
  const total = rows.reduce((a, r) => a + r.count, 0);

  return (
    <div class="page" data-testid="page-inventory">
      <div class="page-head">
        <h1>Inventory</h1>
        <AccountPicker scope={scope} onChange={(s) => go({ provider_id: s.provider_id, ou: s.ou })} />
      </div>
      <ErrorBox error={summary.error} />
      <div class="grid2">
        <section class="card" data-testid="inventory-services">
          <h2>
            {total} resources in {byService.size} services
          </h2>
          <ul class="chips">
            {[...byService.entries()]
              .sort((a, b) => b[1] - a[1])
              .map(([s, n]) => (
                <li key={s}>
                  <button
                    type="button"
                    class={f.service === s ? "chip active" : "chip"}
                    onClick={() => go({ service: f.service === s ? "" : s, type: "", region: "" })}
                    data-testid={`inventory-service-${s}`}
                  >
                    {s} <span class="count">{n}</span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
        <section class="card" data-testid="inventory-summary">
          <h2>By type and region</h2>
          <div class="scroll" tabIndex={0}>
            <table class="table">
              <thead>
                <tr>
                  <th>Service</th>
                  <th>Type</th>
                  <th>Region</th>
                  <th class="num">Count</th>
                </tr>
              </thead>
              <tbody>
                {rows
                  .filter((r) => !f.service || r.service === f.service)
                  .map((r) => (
                    <tr key={`${r.service}|${r.type}|${r.region}`} class={f.type === r.type && f.region === r.region ? "selected" : ""}>
                      <td>{r.service}</td>
                      <td>
                        <button type="button" class="link-button" onClick={() => go({ service: r.service, type: r.type, region: r.region })}>
                          {r.type}
                        </button>
                      </td>
                      <td>{r.region}</td>
                      <td class="num">{r.count}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: text.trim() });
        }}
      >
        <input
          type="search"
          placeholder="Search names, ARNs and tags"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          data-testid="inventory-q"
          aria-label="Search resources"
        />
        <button type="submit" data-testid="inventory-q-go">
          Search
        </button>
        {f.service || f.type || f.region || f.q ? (
          <button type="button" class="link-button" onClick={() => go({ service: "", type: "", region: "", q: "" })}>
            Clear ({[f.service, f.type, f.region, f.q].filter(Boolean).join(", ")})
          </button>
        ) : null}
      </form>
      <ErrorBox error={resources.error} />
      {resources.loading && !resources.data ? <Loading /> : null}
      {resources.data ? (
        <>
          {resources.data.items.length === 0 ? <p class="muted">No resources match.</p> : null}
          <TableWrap>
            <table class="table" data-testid="resources-table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Type</th>
                  <th>Region</th>
                  <th>Account</th>
                  <th>Tags</th>
                </tr>
              </thead>
              <tbody>
                {resources.data.items.map((r) => (
                  <tr key={r.id} data-testid="resource-row">
                    <td>
                      <Link href={`/inventory/${encodeURIComponent(r.id)}`} data-testid="resource-link">
                        {r.name || r.arn}
                      </Link>
                      <div class="muted mono">{r.arn}</div>
                    </td>
                    <td>{r.type}</td>
                    <td>{r.region}</td>
                    <td data-testid="resource-account">{named ? rowAccountLabel(r, scopes.data) : r.account}</td>
                    <td>
                      <Tags tags={r.tags} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager
            total={resources.data.total}
            page={resources.data.page}
            pageSize={resources.data.page_size}
            onPage={(p) => navigate(`/inventory${qs({ ...f, page: String(p) })}`)}
          />
        </>
      ) : null}
    </div>
  );
}

export function tagPairs(tags: ResourceItem["tags"]): [string, string][] {
  if (!tags) return [];
  if (Array.isArray(tags)) return tags.map((t) => [String(t.Key), String(t.Value)]);
  return Object.entries(tags).map(([k, v]) => [k, String(v)]);
}

export function Tags({ tags }: { tags: ResourceItem["tags"] }) {
  const pairs = tagPairs(tags);
  if (!pairs.length) return <span class="muted">—</span>;
  return (
    <ul class="tags" data-testid="resource-tags">
      {pairs.map(([k, v]) => (
        <li key={k} class="tag">
          {k}={v}
        </li>
      ))}
    </ul>
  );
}
