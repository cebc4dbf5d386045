// /compliance — CIS AWS Foundations Benchmark v3.0.0: each control pass, fail,
// manual or not assessed, by section.
import { useState } from "preact/hooks";
import { qs } from "../api";
import { ProviderSelect } from "../components/provider_select";
import { ErrorBox, Loading, StatusBadge, TableWrap } from "../components/ui";
import { useGet } from "../hooks";
import { Link, navigate } from "../router";
import type { Compliance, ComplianceControl } from "../types";

const STATUSES: ComplianceControl["status"][] = ["pass", "fail", "manual", "not_assessed"];

export function sectionTitles(c: Compliance): Map<string, string> {
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
  const c = useGet<Compliance>(`/compliance${qs({ provider_id: providerId })}`);
  const [only, setOnly] = useState<string>("");
  const data = c.data;
  const counts: Record<string, number> = { pass: 0, fail: 0, manual: 0, not_assessed: 0 };
  for (const ctl of data?.controls ?? []) counts[ctl.status] = (counts[ctl.status] ?? 0) + 1;
  const titles = data ? sectionTitles(data) : new Map<string, string>();
  const groups = new Map<string, ComplianceControl[]>();
  for (const ctl of data?.controls ?? []) {
    if (only && ctl.status !== only) continue;
    const g = groups.get(ctl.section) ?? [];
    g.push(ctl);
    groups.set(ctl.section, g);
  }

  return (
    <div class="page" data-testid="page-compliance">
      <div class="page-head">
        <h1>{data?.framework ?? "CIS AWS Foundations Benchmark v3.0.0"}</h1>
        <ProviderSelect value={providerId} onChange={(id) => navigate(`/compliance${qs({ provider_id: id })}`)} />
      </div>
      <ErrorBox error={c.error} />
      {c.loading && !data ? <Loading /> : null}
      {data ? (
        <>
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
          {[...groups.entries()].map(([section, controls]) => (
            <section class="card" key={section} data-testid={`compliance-section-${section}`}>
              <h2>
                {titles.get(section) && !/^\d/.test(titles.get(section)!) ? `${section}. ` : ""}
                {titles.get(section) ?? `Section ${section}`}
              </h2>
              <TableWrap>
                <table class="table">
                  <tbody>
                    {controls.map((ctl) => (
                      <tr key={ctl.id} data-testid="control-row" data-control-id={ctl.id} data-status={ctl.status}>
                        <td class="mono">{ctl.id}</td>
                        <td>
                          {ctl.title}
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
                          {ctl.status === "fail" ? (
                            <Link href={`/findings?control=${encodeURIComponent(ctl.id)}&status=open${providerId ? `&provider_id=${encodeURIComponent(providerId)}` : ""}`}>
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
