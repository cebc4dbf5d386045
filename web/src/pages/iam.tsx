// /iam — the IAM analyzer over the latest completed scan of one AWS account:
// who is an administrator, who can become one and how, who outside the account
// can get in, "Who can…" an action, the identity providers; and
// /iam/principals/:id — one principal explained (docs/api.md "IAM analyzer").
import { useEffect, useState } from "preact/hooks";
import { ApiError, iamPrincipalPath, iamPrincipalsPath, iamWhoCanPath, qs } from "../api";
import { AccountPicker } from "../components/account_picker";
import { ErrorBox, Loading, TableWrap, Time } from "../components/ui";
import { useGet } from "../hooks";
import {
  entryPointsText,
  type EntryPoints,
  accessLevels,
  actionProblem,
  filterPrincipals,
  pathGraph,
  principalHref,
  principalId,
  principalLabel,
  resourceProblem,
  stepHow,
  BOX_H,
} from "../lib/iam";
import { accountLabel, iamTarget, type IamTarget, scopeFromQuery, scopeParams } from "../lib/accounts";
import { Link, navigate } from "../router";
import type {
  AccountScopes,
  IamEdge,
  IamPath,
  IamPrincipalDetail,
  IamPrincipalRef,
  IamPrincipals,
  IamServicePermissions,
  IamStatement,
  IamWhoCan,
  IamWhoCanEntry,
} from "../types";

// lib/title.ts names the pages it knows; until it knows these, say it here (after
// the shell has set its own title for the path).
function useTitle(title: string) {
  useEffect(() => {
    const t = window.setTimeout(() => (document.title = `${title} — CloudPeek`), 0);
    return () => window.clearTimeout(t);
  }, [title]);
}

// The account in the URL, else the first one (the analysis is per account);
// an OU in the URL asks which of its accounts (lib/accounts.ts iamTarget).
function useIamTarget(query: URLSearchParams): { target: IamTarget; scopes: AccountScopes | null } {
  const scopes = useGet<AccountScopes>("/accounts/scopes");
  return { target: iamTarget(scopeFromQuery(query), scopes.data), scopes: scopes.data };
}

// The account picker of /iam: one account at a time (no "All accounts"); an OU
// may be chosen, and then the page asks for one of its accounts.
function IamAccountPicker({ target, providerId }: { target: IamTarget; providerId: string }) {
  return (
    <AccountPicker
      scope={target.kind === "choose" ? { provider_id: "", ou: target.ou } : { provider_id: providerId, ou: "" }}
      allowAll={false}
      onChange={(s) => navigate(`/iam${qs(scopeParams(s))}`)}
      testid="iam-account"
    />
  );
}

// An OU chosen: the IAM graph is one account's, so say so and list its accounts.
function ChooseAccount({ target }: { target: Extract<IamTarget, { kind: "choose" }> }) {
  return (
    <section class="card" data-testid="iam-choose-account">
      <h2>Choose an account in {target.ou}</h2>
      <p class="muted">IAM is analysed one AWS account at a time: who can do what is decided by each account's own policies.</p>
      {target.accounts.length === 0 ? (
        <p data-testid="iam-choose-none">No monitored account is in this OU.</p>
      ) : (
        <ul>
          {target.accounts.map((a) => (
            <li key={a.provider_id}>
              <Link href={`/iam${qs({ provider_id: a.provider_id })}`} data-testid="iam-choose-link" data-provider-id={a.provider_id}>
                {accountLabel(a)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// The latest scan cannot answer (409 iam_not_collected): say why and what to do,
// never an empty table that would read as "nobody is an administrator".
export function NotCollected({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.code !== "iam_not_collected") return <ErrorBox error={error} />;
  return (
    <section class="card warn-box" role="alert" data-testid="iam-not-collected">
      <h2>IAM not analysed for this account</h2>
      <p>
        <strong>{error.message}</strong>
      </p>
      {error.advice ? <p>{error.advice}</p> : null}
      <p>
        <Link href="/scans">Go to Scans</Link>
      </p>
    </section>
  );
}

function PrincipalName({ p, account, providerId }: { p: IamPrincipalRef; account: string; providerId: string }) {
  const id = principalId(p, account);
  const text = principalLabel(p);
  return id ? <Link href={principalHref(id, providerId)}>{text}</Link> : <span>{text}</span>;
}

function ScanLine({ data }: { data: { account: string; scan: { id: string; finished_at: string | null } } }) {
  return (
    <p class="muted" data-testid="iam-scan">
      Account {data.account}, from scan {data.scan.id} finished <Time iso={data.scan.finished_at} />.
    </p>
  );
}

function Notes({ notes, warnings }: { notes: string[]; warnings: string[] }) {
  if (!notes.length && !warnings.length) return null;
  return (
    <section class="card" data-testid="iam-notes">
      <h2>What the analysis could not see</h2>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
        {warnings.map((w) => (
          <li key={w} class="warn">
            {w}
          </li>
        ))}
      </ul>
    </section>
  );
}

// ---- /iam ----------------------------------------------------------------------------

const FILTER_KEYS = ["type", "admin", "escalate", "outside", "q"] as const;

export function IamPage({ query }: { query: URLSearchParams }) {
  useTitle("IAM");
  const { target, scopes } = useIamTarget(query);
  const providerId = target.kind === "account" ? target.provider_id : "";
  const f: Record<string, string> = {};
  for (const k of FILTER_KEYS) f[k] = query.get(k) ?? "";
  const action = query.get("action") ?? "";
  const resource = query.get("resource") ?? "";
  const data = useGet<IamPrincipals>(providerId ? iamPrincipalsPath(providerId) : null);
  const go = (patch: Record<string, string>) => {
    const next: Record<string, string> = { provider_id: providerId, ...f, action, resource, ...patch };
    navigate(`/iam${qs(next)}`, true);
  };
  const [text, setText] = useState(f.q);
  useEffect(() => setText(f.q), [f.q]);

  // Only the answer for this account: useGet keeps the last one while the next
  // loads or when it fails, and another account's analysis must never show
  // under this one's picker.
  const d = data.loading || data.error ? null : data.data;
  const rows = d ? filterPrincipals(d.principals, { type: f.type, admin: f.admin, escalate: f.escalate, outside: f.outside, q: f.q }) : [];
  const select = (key: string, label: string, options: [string, string][]) => (
    <label class="nowrap">
      {label}{" "}
      <select value={f[key]} onChange={(e) => go({ [key]: e.currentTarget.value })} data-testid={`iam-filter-${key}`}>
        {options.map(([v, t]) => (
          <option key={v} value={v}>
            {t}
          </option>
        ))}
      </select>
    </label>
  );
  const yesNo: [string, string][] = [
    ["", "any"],
    ["yes", "yes"],
    ["no", "no"],
  ];

  return (
    <div class="page" data-testid="page-iam">
      <div class="page-head">
        <h1>IAM</h1>
        {/* A long account or OU name must not widen a phone's page: the select shrinks. */}
        <div class="filters filters-shrink">
          <IamAccountPicker target={target} providerId={providerId} />
        </div>
      </div>
      {target.kind === "choose" ? <ChooseAccount target={target} /> : null}
      {scopes && target.kind === "none" ? (
        <p class="muted">
          No AWS account is connected yet. <Link href="/settings/provider">Connect one</Link> and scan it.
        </p>
      ) : null}
      {/* This account's answer only (not the last account's while this one loads, nor with an OU chosen). */}
      {data.error && !data.loading && providerId ? <NotCollected error={data.error} /> : null}
      {data.loading && !d ? <Loading what="Analysing IAM" /> : null}
      {d ? (
        <>
          <ScanLine data={d} />
          <Summary data={d} />
          <WhoCanBox providerId={providerId} action={action} resource={resource} go={go} account={d.account} />
          <section class="card" data-testid="iam-principals">
            <h2>Principals</h2>
            <form
              class="filters"
              onSubmit={(e) => {
                e.preventDefault();
                go({ q: text.trim() });
              }}
            >
              {select("type", "Type", [
                ["", "all"],
                ["user", "users"],
                ["role", "roles"],
                ["root", "root user"],
              ])}
              {select("admin", "Administrator", yesNo)}
              {select("escalate", "Can escalate", yesNo)}
              {select("outside", "Trusted from outside", yesNo)}
              <span class="search">
                <input
                  type="search"
                  placeholder="Name, ARN or permission set"
                  value={text}
                  onInput={(e) => setText(e.currentTarget.value)}
                  aria-label="Search principals"
                  data-testid="iam-q"
                />
                <button type="submit" data-testid="iam-q-go">
                  Search
                </button>
              </span>
            </form>
            <p class="muted" data-testid="iam-count">
              {rows.length} of {d.principals.length} principals
            </p>
            {rows.length === 0 ? <p class="muted">No principal matches these filters.</p> : null}
            <TableWrap>
              <table class="table" data-testid="iam-principals-table">
                <caption class="muted">Users, roles and the root user of account {d.account}</caption>
                <thead>
                  <tr>
                    <th scope="col">Principal</th>
                    <th scope="col">Type</th>
                    <th scope="col">Administrator</th>
                    <th scope="col">Can escalate</th>
                    <th scope="col">Trusted from outside</th>
                    <th scope="col">Last used</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} data-testid="iam-principal-row" data-principal={r.id}>
                      <td>
                        <Link href={principalHref(r.id, providerId)} data-testid="iam-principal-link">
                          {r.name}
                        </Link>
                        {r.permission_set ? <div class="muted">permission set {r.permission_set}</div> : null}
                        {r.incomplete ? <div class="warn">some policies could not be read</div> : null}
                        {entryPointsText((r as { entry_points?: EntryPoints | null }).entry_points) ? (
                          <div class="muted" data-testid="iam-entry-points">
                            {entryPointsText((r as { entry_points?: EntryPoints | null }).entry_points)}
                          </div>
                        ) : null}
                      </td>
                      <td>{r.type === "root" ? "root user" : r.type}</td>
                      <td>
                        {r.admin ? (
                          <>
                            <span class="badge sev-high">{r.admin_conditional ? "yes, if conditions hold" : "yes"}</span>
                            {r.grants_itself ? <div class="muted">can grant itself everything</div> : null}
                          </>
                        ) : (
                          "no"
                        )}
                      </td>
                      <td>
                        {r.shortest_path ? (
                          <>
                            <span class="badge sev-medium">
                              yes, {r.shortest_path.steps} step{r.shortest_path.steps === 1 ? "" : "s"}
                              {r.shortest_path.conditional ? " (conditional)" : ""}
                            </span>
                            <div class="muted">reaches {principalLabel(r.shortest_path.end)}</div>
                          </>
                        ) : r.admin ? (
                          <span class="muted">already</span>
                        ) : (
                          "no"
                        )}
                      </td>
                      <td>
                        {r.trusted_from_outside ? (
                          <>
                            <span class="badge sev-medium">yes</span>
                            <div class="muted">
                              {r.outside.map((o) => principalLabel(o.principal) + (o.conditional ? " (if conditions hold)" : "")).join(", ")}
                            </div>
                          </>
                        ) : (
                          "no"
                        )}
                      </td>
                      <td>{r.last_used ? <Time iso={r.last_used} /> : <span class="muted">unknown</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
          <IdentityProviders data={d} providerId={providerId} />
          <Notes notes={d.notes} warnings={d.warnings} />
        </>
      ) : null}
    </div>
  );
}

function Summary({ data }: { data: IamPrincipals }) {
  const admins = data.principals.filter((p) => p.admin).length;
  const escalate = data.principals.filter((p) => p.can_escalate).length;
  const outside = data.principals.filter((p) => p.trusted_from_outside).length;
  return (
    <div class="tiles" data-testid="iam-summary">
      <div class={admins ? "tile bad" : "tile"}>
        <div class="tile-value">{admins}</div>
        <div class="tile-label">administrators</div>
      </div>
      <div class={escalate ? "tile bad" : "tile"}>
        <div class="tile-value">{escalate}</div>
        <div class="tile-label">can escalate to administrator</div>
      </div>
      <div class="tile">
        <div class="tile-value">{outside}</div>
        <div class="tile-label">trusted from outside the account</div>
      </div>
      <div class="tile">
        <div class="tile-value">{data.principals.length}</div>
        <div class="tile-label">principals</div>
      </div>
    </div>
  );
}

function WhoCanBox({
  providerId,
  action,
  resource,
  go,
  account,
}: {
  providerId: string;
  action: string;
  resource: string;
  go: (patch: Record<string, string>) => void;
  account: string;
}) {
  const [a, setA] = useState(action);
  const [r, setR] = useState(resource);
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  useEffect(() => setA(action), [action]);
  useEffect(() => setR(resource), [resource]);
  const asked = action && !actionProblem(action) && !resourceProblem(resource);
  const answer = useGet<IamWhoCan>(asked && providerId ? iamWhoCanPath(action, resource, providerId) : null);
  const submit = (e: Event) => {
    e.preventDefault();
    const pa = actionProblem(a);
    const pr = resourceProblem(r);
    setProblem(pa ? { field: "action", text: pa } : pr ? { field: "resource", text: pr } : null);
    if (!pa && !pr) go({ action: a.trim(), resource: r.trim() });
  };
  const w = answer.data;
  const serverField = answer.error instanceof ApiError ? answer.error.field : "";
  return (
    <section class="card" data-testid="iam-who-can">
      <h2>Who can…</h2>
      <form class="filters" onSubmit={submit} noValidate>
        <label>
          Action{" "}
          <input
            value={a}
            onInput={(e) => setA(e.currentTarget.value)}
            placeholder="iam:PassRole"
            aria-invalid={problem?.field === "action" || serverField === "action"}
            aria-describedby="iam-who-can-help"
            data-testid="iam-who-can-action"
          />
        </label>
        <label>
          Resource ARN (optional){" "}
          <input
            value={r}
            onInput={(e) => setR(e.currentTarget.value)}
            placeholder="* (every resource)"
            aria-invalid={problem?.field === "resource" || serverField === "resource"}
            data-testid="iam-who-can-resource"
          />
        </label>
        <button type="submit" data-testid="iam-who-can-go">
          Ask
        </button>
      </form>
      <p class="muted" id="iam-who-can-help">
        One action as service:Action (iam:PassRole, s3:GetObject, sts:AssumeRole), and a resource ARN to count its
        resource-based policy.
      </p>
      {problem ? (
        <div class="field-error" role="alert" data-testid="iam-who-can-problem">
          {problem.text}
        </div>
      ) : null}
      <ErrorBox error={answer.error} testid="iam-who-can-error" />
      {answer.loading && !w ? <Loading what="Evaluating" /> : null}
      {w ? (
        <div data-testid="iam-who-can-answer">
          <p>
            <strong>{w.action}</strong> on <span class="mono">{w.resource}</span>
            {w.resource_policy ? <> (with the resource-based policy of {w.resource_policy})</> : null}
          </p>
          <div class="grid2">
            <WhoList title="Allowed" testid="iam-who-can-allowed" list={w.allowed} account={account} providerId={providerId} />
            <WhoList
              title="Conditional"
              testid="iam-who-can-conditional"
              list={w.conditional}
              account={account}
              providerId={providerId}
            />
          </div>
          <details data-testid="iam-who-can-denied">
            <summary>Denied ({w.denied.length}) and by what</summary>
            <WhoList title="Denied" testid="iam-who-can-denied-list" list={w.denied} account={account} providerId={providerId} />
          </details>
          {w.notes.length ? (
            <ul class="muted">
              {w.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function WhoList({
  title,
  list,
  testid,
  account,
  providerId,
}: {
  title: string;
  list: IamWhoCanEntry[];
  testid: string;
  account: string;
  providerId: string;
}) {
  return (
    <div data-testid={testid}>
      <h3>
        {title} ({list.length})
      </h3>
      {list.length === 0 ? <p class="muted">nobody</p> : null}
      <ul>
        {list.map((e) => (
          <li key={e.principal.arn} data-testid="iam-who-can-entry" data-principal={e.principal.name}>
            <PrincipalName p={e.principal} account={account} providerId={providerId} />
            {e.decision === "explicit_deny" ? <> <span class="badge">explicit deny</span></> : null}
            {e.conditions.map((c) => (
              <div key={c} class="muted">
                only if <code>{c}</code>
              </div>
            ))}
            {e.statements.map((s, i) => (
              <div key={i} class="muted">
                {e.decision === "allowed" || e.decision === "conditional" ? "allowed by " : "denied by "}
                {s.text}
              </div>
            ))}
            {e.statements.length === 0 && e.reason ? (
              <div class="muted">
                {e.principal.type === "root" && e.decision === "allowed" ? "the root user is allowed everything in its account" : e.reason}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function IdentityProviders({ data, providerId }: { data: IamPrincipals; providerId: string }) {
  return (
    <section class="card" data-testid="iam-identity-providers">
      <h2>Identity providers ({data.identity_providers.length})</h2>
      {data.identity_providers.length === 0 ? <p class="muted">No SAML or OIDC provider, and no role trusts one.</p> : null}
      <ul>
        {data.identity_providers.map((p) => (
          <li key={p.arn} data-testid="iam-identity-provider">
            <strong>{p.type === "saml_provider" ? "SAML" : "OIDC"}</strong> <span class="mono">{p.name}</span>
            {p.roles.length === 0 ? <div class="muted">no role trusts it</div> : null}
            <ul>
              {p.roles.map((r) => (
                <li key={r.principal.arn}>
                  {r.id ? <Link href={principalHref(r.id, providerId)}>{principalLabel(r.principal)}</Link> : principalLabel(r.principal)}
                  {r.conditional ? <> <span class="badge">conditional</span></> : null}
                  {r.conditions.length === 0 && !r.conditional ? (
                    <div class="warn">any identity of this provider can assume it (no condition limits which)</div>
                  ) : null}
                  {r.conditions.map((c) => (
                    <div key={c} class="muted">
                      only if <code>{c}</code>
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

// ---- /iam/principals/:id ------------------------------------------------------------

export function IamPrincipalPage({ id, query }: { id: string; query: URLSearchParams }) {
  const { target } = useIamTarget(query);
  const providerId = target.kind === "account" ? target.provider_id : "";
  const res = useGet<IamPrincipalDetail>(providerId ? iamPrincipalPath(id, providerId) : null);
  const d = res.data;
  useTitle(d ? principalLabel(d.principal) : "Principal");
  const back = `/iam${qs({ provider_id: providerId })}`;
  return (
    <div class="page" data-testid="page-iam-principal">
      <p class="crumb">
        <Link href={back} data-testid="iam-back">
          ‹ IAM
        </Link>
      </p>
      {res.error ? <NotCollected error={res.error} /> : null}
      {res.loading && !d ? <Loading what="Analysing" /> : null}
      {d ? <PrincipalDetail d={d} providerId={providerId} /> : null}
    </div>
  );
}

function PrincipalDetail({ d, providerId }: { d: IamPrincipalDetail; providerId: string }) {
  const adminText =
    d.admin.level === "full_access"
      ? "yes: allowed everything"
      : d.admin.level === "grants_itself"
        ? "yes: can grant itself everything" + (d.admin.self_grant_rule ? ` (${d.admin.self_grant_rule})` : "")
        : "no";
  return (
    <>
      <div class="page-head">
        <h1 data-testid="iam-principal-title">{principalLabel(d.principal)}</h1>
      </div>
      <ScanLine data={d} />
      <section class="card">
        <dl class="kv">
          <dt>ARN</dt>
          <dd class="mono">{d.principal.arn}</dd>
          {entryPointsText((d as { entry_points?: EntryPoints | null }).entry_points) ? (
            <>
              <dt>Ways in</dt>
              <dd data-testid="iam-principal-entry-points">
                {entryPointsText((d as { entry_points?: EntryPoints | null }).entry_points)}
              </dd>
            </>
          ) : null}
          <dt>Administrator</dt>
          <dd data-testid="iam-principal-admin">
            {d.admin.level !== "no" ? <span class="badge badge-wrap sev-high">{adminText}</span> : adminText}
            {d.admin.conditional ? " (only if conditions CloudPeek cannot check hold)" : ""}
          </dd>
          {d.principal.permission_set ? (
            <>
              <dt>Permission set</dt>
              <dd>{d.principal.permission_set}</dd>
            </>
          ) : null}
          {d.groups.length ? (
            <>
              <dt>Groups</dt>
              <dd>{d.groups.join(", ")}</dd>
            </>
          ) : null}
          {d.instance_profiles.length ? (
            <>
              <dt>Instance profiles</dt>
              <dd class="mono">{d.instance_profiles.join(", ")}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section class="card" data-testid="iam-paths">
        <h2>Escalation paths to administrator ({d.escalation_paths.length})</h2>
        {d.escalation_paths.length === 0 ? (
          <p class="muted">{d.admin.level === "full_access" ? "It is an administrator already." : "None found."}</p>
        ) : null}
        {d.escalation_paths.map((p, i) => (
          <PathView key={i} n={i + 1} path={p} account={d.account} providerId={providerId} />
        ))}
      </section>

      <section class="card" data-testid="iam-assumers">
        <h2>Who can become it ({d.can_become_it.length})</h2>
        {d.can_become_it.length === 0 ? <p class="muted">Nobody can assume it or act as it.</p> : null}
        <ul>
          {d.can_become_it.map((e, i) => (
            <li key={i} data-testid="iam-assumer">
              <PrincipalName p={e.from} account={d.account} providerId={providerId} />
              {outsider(e.from, d.account) ? (
                <>
                  {" "}
                  <span class="badge sev-medium">from outside the account</span>
                </>
              ) : null}{" "}
              <span class="muted">by {stepHow(e)}</span>
              <EdgeGrants e={e} />
            </li>
          ))}
        </ul>
        {d.can_make_it_admin.length ? (
          <>
            <h3>Who can make it an administrator ({d.can_make_it_admin.length})</h3>
            <ul>
              {d.can_make_it_admin.map((e, i) => (
                <li key={i}>
                  <PrincipalName p={e.from} account={d.account} providerId={providerId} /> <span class="muted">by {stepHow(e)}</span>
                  <EdgeGrants e={e} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {d.trust_policy ? (
          <>
            <h3>Trust policy (who may assume it, and from where)</h3>
            {d.trust_policy.map((s) => (
              <StatementView key={s.index} s={s} />
            ))}
          </>
        ) : null}
      </section>

      <section class="card" data-testid="iam-permissions">
        <h2>Effective permissions by service</h2>
        <p class="muted">
          The actions its policies allow, evaluated on every resource (*) with its denies and permissions boundary.
          "Named resources": allowed only on the resources a statement names. Catalogue: {d.effective_permissions.catalogue}.
        </p>
        {d.effective_permissions.services.length === 0 ? <p class="muted">Its policies allow nothing.</p> : null}
        <PermissionsTable services={d.effective_permissions.services.slice(0, 12)} testid="iam-permissions-table" />
        {d.effective_permissions.services.length > 12 ? (
          <details data-testid="iam-permissions-more">
            <summary>{d.effective_permissions.services.length - 12} more services</summary>
            <PermissionsTable services={d.effective_permissions.services.slice(12)} testid="iam-permissions-table-more" />
          </details>
        ) : null}
      </section>

      <section class="card" data-testid="iam-policies">
        <h2>Policies ({d.policies.length})</h2>
        <p class="muted">Statements that allow an action an escalation technique uses are highlighted.</p>
        {d.policies.map((p) => (
          <div key={p.name + p.origin} class="subcard" data-testid="iam-policy">
            <h3>
              <span class="mono">{p.name}</span> <span class="muted">({p.origin})</span>
            </h3>
            {p.statements.map((s) => (
              <StatementView key={s.index} s={s} />
            ))}
          </div>
        ))}
      </section>
      <Notes notes={[...d.notes, ...d.analysis_notes]} warnings={d.warnings} />
    </>
  );
}

// Another account, anyone, or the identities of a SAML/OIDC provider.
function outsider(p: IamPrincipalRef, account: string): boolean {
  if (p.type === "anyone" || p.type === "oidc_provider" || p.type === "saml_provider" || p.type === "external_account") return true;
  return !!p.account && p.account !== account;
}

function PermissionsTable({ services, testid }: { services: IamServicePermissions[]; testid: string }) {
  return (
    <TableWrap>
      <table class="table" data-testid={testid}>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" class="num">
              Allowed
            </th>
            <th scope="col" class="num">
              Named resources
            </th>
            <th scope="col" class="num">
              Conditional
            </th>
            <th scope="col" class="num">
              Denied
            </th>
            <th scope="col">Access levels granted</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.service} data-testid="iam-permission-row" data-service={s.service}>
              <td>
                {s.service}
                <div class="muted">{s.name}</div>
              </td>
              <td class="num nowrap">
                {s.allowed}
                <span class="muted"> of {s.actions}</span>
              </td>
              <td class="num">{s.limited}</td>
              <td class="num">{s.conditional}</td>
              <td class="num">{s.denied}</td>
              <td>{accessLevels(s.access_levels) || <span class="muted">none</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function StatementView({ s }: { s: IamStatement }) {
  const list = (label: string, v?: string[]) =>
    v && v.length ? (
      <div>
        {label} <span class="mono">{v.join(", ")}</span>
      </div>
    ) : null;
  return (
    <div class={s.risky ? "warn-box" : "notice"} data-testid={s.risky ? "iam-statement-risky" : "iam-statement"}>
      <div>
        <strong>
          Statement {s.index}
          {s.sid ? ` (${s.sid})` : ""}: {s.effect}
        </strong>
        {s.risky ? <> <span class="badge sev-high">risky</span></> : null}
      </div>
      {list("Principal", s.principal)}
      {list("NotPrincipal", s.not_principal)}
      {list("Action", s.action)}
      {list("NotAction", s.not_action)}
      {list("Resource", s.resource)}
      {list("NotResource", s.not_resource)}
      {s.conditions.map((c) => (
        <div key={c} class="muted">
          if <code>{c}</code>
        </div>
      ))}
      {s.risky ? (
        <div>
          Allows escalation actions: <span class="mono">{s.escalation_actions.slice(0, 8).join(", ")}</span>
          {s.escalation_actions.length > 8 ? ` and ${s.escalation_actions.length - 8} more` : ""}
        </div>
      ) : null}
    </div>
  );
}

function EdgeGrants({ e }: { e: IamEdge }) {
  return (
    <div class="muted">
      {e.detail ? <div>{e.detail}</div> : null}
      {e.grants.map((g, i) => (
        <div key={i}>
          <span class="mono">{g.action}</span> on <span class="mono">{g.resource}</span>: {g.decision}
          {g.statements.map((s, k) => (
            <div key={k} data-testid="iam-step-statement">
              granted by {s.text}
            </div>
          ))}
          {g.conditions.map((c) => (
            <div key={c}>
              only if <code>{c}</code>
            </div>
          ))}
          {g.controlled.map((c) => (
            <div key={c}>holds for a value it chooses: {c}</div>
          ))}
        </div>
      ))}
      {e.assumptions.map((a) => (
        <div key={a}>assumes: {a}</div>
      ))}
    </div>
  );
}

export function PathView({ n, path, account, providerId }: { n: number; path: IamPath; account: string; providerId: string }) {
  const g = pathGraph(path, 300);
  const title = `Path ${n}${path.conditional ? " (conditional)" : ""}`;
  return (
    <div class="subcard" data-testid="iam-path">
      <h3>{title}</h3>
      <p class="muted">{path.summary}</p>
      <div class="scroll" tabIndex={0}>
        <svg
          viewBox={`0 0 ${g.width} ${g.height}`}
          width={g.width}
          height={g.height}
          role="img"
          aria-label={`${title}: ${g.boxes.map((b) => b.full).join(" → ")}`}
          data-testid="iam-path-graph"
        >
          <defs>
            <marker id={`arrow-${n}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L10,5 L0,10 z" fill="#475569" />
            </marker>
          </defs>
          {g.arrows.map((a, i) => (
            <g key={`a${i}`}>
              <line
                x1={24}
                y1={a.y1}
                x2={24}
                y2={a.y2 - 1}
                stroke="#475569"
                stroke-width="1.5"
                stroke-dasharray={a.conditional ? "4 3" : undefined}
                marker-end={`url(#arrow-${n})`}
              />
              <text x={36} y={(a.y1 + a.y2) / 2 + 4} font-size="11" fill="#334155">
                <title>{a.full}</title>
                {a.label}
                {a.conditional ? " (if)" : ""}
              </text>
            </g>
          ))}
          {g.boxes.map((b, i) => (
            <g key={`b${i}`}>
              <rect
                x={1}
                y={b.y + 1}
                width={g.width - 2}
                height={BOX_H - 2}
                rx={6}
                fill={b.admin ? "#fee2e2" : "#f1f5f9"}
                stroke={b.admin ? "#b91c1c" : "#64748b"}
              />
              <text x={12} y={b.y + BOX_H / 2 + 4} font-size="12" fill="#0f172a">
                <title>{b.full}</title>
                {b.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <ol data-testid="iam-path-steps">
        {path.steps.map((s, i) => (
          <li key={i} data-testid="iam-path-step">
            <p>
              <PrincipalName p={s.from} account={account} providerId={providerId} /> →{" "}
              {s.empowers && s.to.arn === s.from.arn ? (
                "itself"
              ) : (
                <PrincipalName p={s.to} account={account} providerId={providerId} />
              )}
              {s.empowers ? (s.to.arn === s.from.arn ? " (gives itself everything)" : " (made an administrator)") : ""}
            </p>
            <div>
              <strong>{stepHow(s)}</strong>
              {s.rule ? <span class="muted"> ({s.rule.id})</span> : null}
              {s.conditional ? <> <span class="badge">conditional</span></> : null}
            </div>
            <EdgeGrants e={s} />
          </li>
        ))}
      </ol>
    </div>
  );
}
