// /findings — server-side paged findings with filters, search and sort, all kept
// in the page URL; export of the current filter as CSV or JSON.
import { useEffect, useState } from "preact/hooks";
import { AccountPicker } from "../components/account_picker";
import { ErrorBox, Loading, Pager, SeverityBadge, StatusBadge, TableWrap, Time } from "../components/ui";
import { useGet } from "../hooks";
import {
  ANY_STATUS,
  apiParams,
  exportHref,
  type FilterKey,
  findingsParams,
  type FindingsQuery,
  IMPROVEMENT_SEVERITIES,
  needsCanonicalUrl,
  parseFindingsQuery,
  SECURITY_ISSUE_SEVERITIES,
  type Sort,
  STATUS_VIEWS,
  withScope,
} from "../lib/filters";
import { rowAccountLabel, showsAccountColumn } from "../lib/accounts";
import { formatMonthlyCost } from "../lib/cost";
import { plural } from "../lib/format";
import { Link, navigate, Redirect } from "../router";
import { type AccountScopes, FINDING_STATUSES, type Finding, type Meta, type Paged, RESULTS, SEVERITIES } from "../types";

const SORT_LABELS: Record<Sort, string> = {
  "-severity": "Severity, highest first",
  severity: "Severity, lowest first",
  "-last_seen": "Last seen, newest first",
  last_seen: "Last seen, oldest first",
  check: "Check",
  resource: "Resource",
};

export function FindingsPage({ query }: { query: URLSearchParams }) {
  const q = parseFindingsQuery(query);
  const params = apiParams(q).toString();
  const canonical = needsCanonicalUrl(query);
  const res = useGet<Paged<Finding>>(canonical ? null : `/findings${params ? "?" + params : ""}`);
  const meta = useGet<Meta>("/meta");
  // Several accounts in scope (all, or an OU's): each row says whose it is.
  const scopes = useGet<AccountScopes>("/accounts/scopes");
  const scope = { provider_id: q.filters.provider_id ?? "", ou: q.filters.ou ?? "" };
  const accountOf = showsAccountColumn(scopes.data, scope) ? (f: Finding) => rowAccountLabel(f, scopes.data) : undefined;

  const go = (next: FindingsQuery) => {
    const p = findingsParams(next).toString();
    navigate(`/findings${p ? "?" + p : ""}`);
  };
  const setFilter = (k: FilterKey, v: string) => go({ ...q, filters: { ...q.filters, [k]: v || undefined }, page: 1 });

  // Opened with no filter (from the menu): say in the URL what is shown, open failures.
  if (canonical) return <Redirect to={`/findings?${findingsParams(q).toString()}`} />;

  return (
    <div class="page" data-testid="page-findings">
      <div class="page-head">
        <h1>Findings</h1>
        <div class="row">
          <a class="button" href={exportHref(q, "csv")} download data-testid="export-csv">
            Export CSV
          </a>
          <a class="button" href={exportHref(q, "json")} download data-testid="export-json">
            Export JSON
          </a>
        </div>
      </div>
      <form
        class="filters"
        data-testid="findings-filters"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <SearchBox value={q.filters.q ?? ""} onSearch={(v) => setFilter("q", v)} />
        <SeveritySelect value={q.filters.severity ?? ""} onChange={(v) => setFilter("severity", v)} />
        <StatusSelect value={q.filters.status ?? ANY_STATUS} onChange={(v) => setFilter("status", v)} />
        <ResultSelect value={q.filters.result ?? ""} onChange={(v) => setFilter("result", v)} />
        <select value={q.filters.service ?? ""} onChange={(e) => setFilter("service", e.currentTarget.value)} data-testid="filter-service" aria-label="Service">
          <option value="">Any service</option>
          {(meta.data?.services ?? []).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select value={q.filters.region ?? ""} onChange={(e) => setFilter("region", e.currentTarget.value)} data-testid="filter-region" aria-label="Region">
          <option value="">Any region</option>
          <option value="global">global</option>
          {(meta.data?.regions ?? []).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <AccountPicker scope={scope} onChange={(s) => go({ ...q, filters: withScope(q.filters, s), page: 1 })} testid="filter-provider" />
        <TextFilter label="Account" value={q.filters.account ?? ""} onSet={(v) => setFilter("account", v)} testid="filter-account" />
        <TextFilter label="Check id" value={q.filters.check ?? ""} onSet={(v) => setFilter("check", v)} testid="filter-check" />
        <TextFilter label="Control (e.g. 2.1.1)" value={q.filters.control ?? ""} onSet={(v) => setFilter("control", v)} testid="filter-control" />
        <select value={q.sort} onChange={(e) => go({ ...q, sort: e.currentTarget.value as Sort, page: 1 })} data-testid="sort" aria-label="Sort">
          {(Object.keys(SORT_LABELS) as Sort[]).map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
        {Object.keys(q.filters).some((k) => k !== "status") || q.filters.status !== ANY_STATUS ? (
          <button
            type="button"
            class="link-button"
            onClick={() => go({ ...q, filters: { status: ANY_STATUS }, page: 1 })}
            data-testid="clear-filters"
          >
            Clear filters (show all results)
          </button>
        ) : null}
      </form>
      <StatusViews
        current={q.filters.result ? "" : (q.filters.status ?? ANY_STATUS)}
        onPick={(status) => go({ ...q, filters: { ...q.filters, status, result: undefined }, page: 1 })}
      />
      <ErrorBox error={res.error} />
      {res.loading && !res.data ? <Loading /> : null}
      {res.data ? (
        <>
          <p class="muted" data-testid="findings-total">
            {plural(res.data.total, "finding")}
          </p>
          <FindingsTable items={res.data.items} accountOf={accountOf} />
          <Pager total={res.data.total} page={res.data.page} pageSize={res.data.page_size} onPage={(p) => go({ ...q, page: p })} />
        </>
      ) : null}
    </div>
  );
}

// accountOf: when given (several accounts in scope), an Account column names each row's.
export function FindingsTable({
  items,
  testid = "findings-table",
  accountOf,
}: {
  items: Finding[];
  testid?: string;
  accountOf?: (f: Finding) => string;
}) {
  if (items.length === 0) return <p class="muted" data-testid={`${testid}-empty`}>No findings match.</p>;
  return (
    <TableWrap>
      <table class="table findings" data-testid={testid}>
        <thead>
          <tr>
            <th>Severity</th>
            <th>Check</th>
            {accountOf ? <th>Account</th> : null}
            <th>Resource</th>
            <th>Region</th>
            <th>Status</th>
            <th>Last seen</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.id} data-testid="finding-row" data-finding-id={f.id}>
              <td>
                <SeverityBadge severity={f.severity} />
              </td>
              <td>
                <Link href={`/findings/${encodeURIComponent(f.id)}`} data-testid="finding-link">
                  {f.title}
                </Link>
                <div class="muted mono">{f.check_id}</div>
              </td>
              {accountOf ? (
                <td data-testid="finding-account">
                  {accountOf(f)}
                </td>
              ) : null}
              <td class="resource-cell">
                <span data-testid="finding-resource-name">{f.resource_name || f.resource_arn}</span>
                <div class="muted">{f.resource_type} · {f.account}</div>
                {f.monthly_cost_usd != null ? <div data-testid="finding-cost">{formatMonthlyCost(f.monthly_cost_usd)}</div> : null}
              </td>
              <td class="nowrap" data-testid="finding-region">
                {f.region}
              </td>
              <td>
                <StatusBadge status={f.status} />
              </td>
              <td>
                <Time iso={f.last_seen} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

// A select showing the filter applied even when the URL holds a value it does not
// list (a comma-separated set from a link): that value is added as an option.
function FilterSelect({
  value,
  options,
  onChange,
  testid,
  label,
}: {
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
  testid: string;
  label: string;
}) {
  const all = options.some((o) => o.value === value)
    ? options
    : [...options, { value, label: value.split(",").join(", ").replace(/_/g, " ") }];
  return (
    <select value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid={testid} aria-label={label}>
      {all.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

// Severities one at a time, or the dashboard's two groups.
export function SeveritySelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const options = [
    { value: "", label: "Any severity" },
    ...SEVERITIES.map((s) => ({ value: s, label: s })),
    { value: SECURITY_ISSUE_SEVERITIES, label: "critical, high (security issues)" },
    { value: IMPROVEMENT_SEVERITIES, label: "medium, low, informational (best practice)" },
  ];
  return <FilterSelect value={value} options={options} onChange={onChange} testid="filter-severity" label="Severity" />;
}

// The finding's status; "open" (FAIL, not muted) is the page's default, "any" lists every result.
export function StatusSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const options = [
    { value: ANY_STATUS, label: "Any status" },
    ...FINDING_STATUSES.map((s) => ({ value: s, label: s === "open" ? "open (failing, not muted)" : s.replace("_", " ") })),
  ];
  return <FilterSelect value={value} options={options} onChange={onChange} testid="filter-status" label="Status" />;
}

// The other results, one click away from the default open failures.
export function StatusViews({ current, onPick }: { current: string; onPick: (status: string) => void }) {
  return (
    <ul class="chips views" aria-label="Show" data-testid="status-views">
      {STATUS_VIEWS.map((v) => (
        <li key={v.status}>
          <button
            type="button"
            class={current === v.status ? "chip active" : "chip"}
            aria-pressed={current === v.status}
            onClick={() => onPick(v.status)}
            data-testid={`view-${v.status}`}
          >
            {v.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

// The check's outcome (PASS / FAIL / NOT_ASSESSED / MANUAL), beside the
// finding's status: e.g. every FAIL, muted or not, or what could not be assessed.
export function ResultSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <select value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid="filter-result" aria-label="Result">
      <option value="">Any result</option>
      {RESULTS.map((r) => (
        <option key={r} value={r}>
          {r.replace("_", " ")}
        </option>
      ))}
    </select>
  );
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <span class="search">
      <input
        type="search"
        placeholder="Search resources and checks"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onSearch(text.trim());
          }
        }}
        data-testid="filter-q"
        aria-label="Search"
      />
      <button type="button" onClick={() => onSearch(text.trim())} data-testid="filter-q-go">
        Search
      </button>
    </span>
  );
}

function TextFilter({ label, value, onSet, testid }: { label: string; value: string; onSet: (v: string) => void; testid: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <input
      placeholder={label}
      aria-label={label}
      value={text}
      onInput={(e) => setText(e.currentTarget.value)}
      onBlur={() => text.trim() !== value && onSet(text.trim())}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          onSet(text.trim());
        }
      }}
      data-testid={testid}
      class="short"
    />
  );
}
