// /compliance — one compliance framework at a time (CIS AWS Foundations v3.0.0
// by default; AWS FSBP, NIST SP 800-53 rev. 5, ... from the selector): each
// control pass, fail, manual or not assessed with its checks and reasons, the
// counts and pass % per section, and the CSV and printable HTML exports.
import { useState } from "preact/hooks";
import { qs } from "../api";
import { AccountPicker } from "../components/account_picker";
import { ErrorBox, Loading, StatusBadge, TableWrap } from "../components/ui";
import { useGet } from "../hooks";
import {
  compliancePath,
  DEFAULT_FRAMEWORK,
  exportHref,
  percentLabel,
  sectionLabel,
  totalsOf,
  type FrameworkCompliance,
  type FrameworkControl,
} from "../lib/compliance";
import { Link, navigate } from "../router";
import type { Compliance, ComplianceControl } from "../types";

const STATUSES: ComplianceControl["status"][] = ["pass", "fail", "manual", "not_assessed"];

export function sectionTitles(c: Compliance | FrameworkCompliance): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of c.sections as unknown[]) {
    if (typeof s === "string") m.set(s.split(/[ .]/)[0], s);
    else if (s && typeof s === "object") {
      const o = s as { section?: string; id?: string; title?: string };
      const id = o.section ?? o.id ?? "";
      m.set(id, o.title ?? id);
    }
  }
  return m;
}

export function CompliancePage({ query }: { query: URLSearchParams }) {
  const providerId = query.get("provider_id") ?? "";
  const ou = providerId ? "" : (query.get("ou") ?? "");
  const framework = query.get("framework") ?? DEFAULT_FRAMEWORK;
  const c = useGet<FrameworkCompliance>(compliancePath(framework, providerId, undefined, ou));
  const [only, setOnly] = useState<string>("");
  const data = c.data;
  const counts = data ? totalsOf(data) : { pass: 0, fail: 0, manual: 0, not_assessed: 0 };
  const titles = data ? sectionTitles(data) : new Map<string, string>();
  const groups = new Map<string, FrameworkControl[]>();
  for (const ctl of data?.controls ?? []) {
    if (only && ctl.status !== only) continue;
    const g = groups.get(ctl.section) ?? [];
    g.push(ctl);
    groups.set(ctl.section, g);
  }
  const frameworkId = data?.framework_id ?? framework;
  const go = (fw: string, pid: string, o: string) => {
    setOnly("");
    navigate(compliancePath(fw, pid, undefined, o));
  };

  return (
    <div class="page" data-testid="page-compliance">
      <div class="page-head">
        <h1 data-testid="compliance-framework-title">{data?.framework ?? "Compliance"}</h1>
        {/* A long framework name must not widen a phone's page: the select shrinks. */}
        <div class="filters filters-shrink">
          <select
            value={frameworkId}
            onChange={(e) => go(e.currentTarget.value, providerId, ou)}
            data-testid="compliance-framework"
            aria-label="Compliance framework"
          >
            {(data?.frameworks ?? [{ id: frameworkId, name: data?.framework ?? frameworkId, version: "", controls: 0 }]).map((f) => (
              <option key={f.id} value={f.id}>
                {f.version ? `${f.name} ${f.version}` : f.name}
              </option>
            ))}
          </select>
          <AccountPicker scope={{ provider_id: providerId, ou }} onChange={(s) => go(frameworkId, s.provider_id, s.ou)} />
        </div>
      </div>
      <ErrorBox error={c.error} />
      {c.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <div class="row">
            <a class="button" href={exportHref(frameworkId, providerId, "csv", ou)} download data-testid="compliance-export-csv">
              Export CSV
            </a>
            <a class="button" href={exportHref(frameworkId, providerId, "html", ou)} download data-testid="compliance-export-html">
              Printable report (HTML)
            </a>
            {data.source ? (
              <span class="muted" data-testid="compliance-source">
                Mapping: <a href={data.source.url} rel="noreferrer noopener" target="_blank">{new URL(data.source.url).hostname}</a>{" "}
                ({data.source.date})
              </span>
            ) : null}
          </div>
          <div class="tiles">
            {STATUSES.map((s) => (
              <button
                type="button"
                key={s}
                class={`tile st-${s} ${only === s ? "active" : ""}`}
                onClick={() => setOnly(only === s ? "" : s)}
                data-testid={`compliance-count-${s}`}
              >
                <span class="tile-value" data-testid={`compliance-count-${s}-value`}>
                  {counts[s]}
                </span>
                <span class="tile-label">{s.replace("_", " ")}</span>
              </button>
            ))}
          </div>
          <section class="card" data-testid="compliance-sections">
            <h2>
              By section{data.totals ? ` · ${percentLabel(data.totals.percent)} pass` : ""}
            </h2>
            <TableWrap>
              <table class="table">
                <thead>
                  <tr>
                    <th>Section</th>
                    <th class="num">Pass %</th>
                    <th class="num">Pass</th>
                    <th class="num">Fail</th>
                    <th class="num">Not assessed</th>
                    <th class="num">Manual</th>
                  </tr>
                </thead>
                <tbody>
                  {data.sections.map((s) => (
                    <tr key={s.section} data-testid="compliance-section-row" data-section={s.section}>
                      <td>{sectionLabel(s)}</td>
                      <td class="num" data-testid="compliance-section-percent">
                        {percentLabel(s.percent)}
                      </td>
                      <td class="num">{s.pass}</td>
                      <td class="num">{s.fail}</td>
                      <td class="num">{s.not_assessed}</td>
                      <td class="num">{s.manual}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p class="muted">Pass % is pass / (pass + fail + not assessed); manual controls are left out. Nothing unassessed counts as a pass.</p>
          </section>
          {[...groups.entries()].map(([section, controls]) => (
            <section class="card" key={section} data-testid={`compliance-section-${section}`}>
              <h2>{sectionLabel({ section, title: titles.get(section) ?? `Section ${section}` })}</h2>
              <TableWrap>
                <table class="table">
                  <tbody>
                    {controls.map((ctl) => (
                      <tr key={ctl.id} data-testid="control-row" data-control-id={ctl.id} data-status={ctl.status}>
                        <td class="mono">{ctl.id}</td>
                        <td>
                          {ctl.title}
                          {ctl.checks.length ? (
                            <ul class="reasons" data-testid="control-checks">
                              {ctl.checks.map((id) => {
                                const r = ctl.results?.find((x) => x.check_id === id);
                                return (
                                  <li key={id} class="muted">
                                    <span class="mono">{id}</span>
                                    {r ? ` — ${r.pass} pass, ${r.fail} fail${r.not_assessed ? `, ${r.not_assessed} not assessed` : ""}` : ""}
                                  </li>
                                );
                              })}
                            </ul>
                          ) : null}
                          {ctl.reasons.length ? (
                            <ul class="reasons">
                              {ctl.reasons.map((r, i) => (
                                <li key={i} class="muted">
                                  {r}
                                </li>
                              ))}
                            </ul>
                          ) : null}
                        </td>
                        <td>
                          <StatusBadge status={ctl.status} />
                        </td>
                        <td>
                          {ctl.status === "fail" && ctl.checks.length ? (
                            <Link href={`/findings${qs({ check: ctl.checks.join(","), status: "open", provider_id: providerId || undefined })}`}>
                              findings
                            </Link>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
