// "AWS Organizations" on /settings/provider: connect an organization through
// a provider of its management account (or a delegated administrator), show
// this installation's ExternalId and the StackSet / Terraform that create the
// member role, discover the accounts, and the members table — OU path, status,
// whether the role works (✓/✗ with AWS's reason and what to do). Each member
// is a provider of its own, so every other page works per member.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api";
import { ErrorBox, FieldError, Loading, TableWrap, Time } from "../components/ui";
import {
  addable,
  connectOrganization,
  disconnectOrganization,
  discoverOrganization,
  downloadText,
  listOrganizations,
  matchesAccount,
  type Organization,
  orgInstallation,
  type OrgInstallation,
  orgSummary,
  orgTemplates,
  type OrgTemplates,
  roleNameProblem,
  roleState,
  sortAccounts,
  updateOrganization,
} from "../lib/org";
import type { Provider } from "../types";

// Providers that can reach an organization: not themselves members reached through a role.
function baseCandidates(providers: Provider[]): Provider[] {
  return providers.filter((p) => {
    const o = (p.identity as unknown as { organization?: { role_status?: string } } | null)?.organization;
    return !o || o.role_status === "base";
  });
}

export function OrgSection({ providers, onChanged }: { providers: Provider[]; onChanged: (message: string) => void }) {
  const [orgs, setOrgs] = useState<Organization[] | null>(null);
  const [install, setInstall] = useState<OrgInstallation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [connecting, setConnecting] = useState(false);

  const load = () =>
    listOrganizations().then(
      (o) => setOrgs(o),
      (e) => setError(e),
    );
  useEffect(() => {
    load();
    orgInstallation().then(setInstall, () => setInstall(null));
  }, []);

  const replace = (o: Organization) => setOrgs((list) => (list ?? []).map((x) => (x.id === o.id ? o : x)));

  return (
    <section class="card" data-testid="org-section" aria-labelledby="org-title">
      <h2 id="org-title">AWS Organizations</h2>
      <p class="muted">
        Connect an organization once with the credentials of its management account (or of a delegated
        administrator): CloudPeek lists its accounts and reaches each member through a read-only role, so every
        member is monitored as an account of its own.
      </p>
      {orgs === null && !error ? <Loading what="Loading organizations" /> : null}
      <ErrorBox error={error} testid="org-error" />
      {(orgs ?? []).map((o) => (
        <OrgView
          key={o.id}
          org={o}
          onUpdated={(next, message) => {
            replace(next);
            if (message) onChanged(message);
          }}
          onRemoved={(message) => {
            load();
            onChanged(message);
          }}
        />
      ))}
      {orgs !== null && (connecting || orgs.length === 0) ? (
        <ConnectForm
          providers={baseCandidates(providers).filter((p) => !(orgs ?? []).some((o) => o.base_provider_id === p.id))}
          install={install}
          onCancel={orgs.length ? () => setConnecting(false) : undefined}
          onConnected={(o) => {
            setConnecting(false);
            setOrgs((list) => [...(list ?? []), o]);
            onChanged(
              `Organization ${o.aws_organization_id} connected: ${o.counts.accounts} accounts, ${o.counts.monitored} monitored, ` +
                `${o.counts.role_gaps} without a working role.`,
            );
          }}
        />
      ) : orgs !== null ? (
        <button type="button" onClick={() => setConnecting(true)} data-testid="org-connect-another">
          Connect another organization
        </button>
      ) : null}
    </section>
  );
}

function ConnectForm({
  providers,
  install,
  onConnected,
  onCancel,
}: {
  providers: Provider[];
  install: OrgInstallation | null;
  onConnected: (o: Organization) => void;
  onCancel?: () => void;
}) {
  const [providerId, setProviderId] = useState("");
  const [roleName, setRoleName] = useState("");
  const [externalId, setExternalId] = useState("");
  const [monitor, setMonitor] = useState<"all" | "chosen">("all");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const role = roleName || install?.default_role_name || "CloudPeekAudit";

  useEffect(() => {
    if (!providerId && providers.length) setProviderId(providers[0].id);
  }, [providers.length]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: Record<string, string | undefined> = {
      provider_id: providerId ? undefined : "Pick the provider of the management account or of a delegated administrator.",
      role_name: roleNameProblem(role) || undefined,
      external_id:
        externalId.trim() && externalId.trim().length < 16 ? "An ExternalId you set must be at least 16 characters." : undefined,
    };
    setErrors(errs);
    setError(null);
    if (Object.values(errs).some(Boolean)) return;
    setBusy(true);
    try {
      const o = await connectOrganization({
        provider_id: providerId,
        role_name: role.trim(),
        external_id: externalId.trim() || undefined,
        monitor,
      });
      onConnected(o);
    } catch (err) {
      if (err instanceof ApiError && err.field && ["provider_id", "role_name", "external_id", "monitor"].includes(err.field))
        setErrors({ [err.field]: err.advice ? `${err.message} ${err.advice}` : err.message });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!providers.length)
    return (
      <p class="notice" data-testid="org-no-provider">
        First connect the management account (or a delegated administrator) above with its keys or through IAM Identity
        Center; then connect its organization here.
      </p>
    );

  return (
    <form onSubmit={submit} data-testid="org-connect-form" class="subcard">
      <h3>Connect an organization</h3>
      <label>
        Provider of the management account or a delegated administrator
        <select
          value={providerId}
          data-testid="org-provider"
          onChange={(e) => setProviderId((e.currentTarget as HTMLSelectElement).value)}
        >
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
              {p.identity?.account ? ` (${p.identity.account})` : ""}
            </option>
          ))}
        </select>
      </label>
      <FieldError message={errors.provider_id} testid="org-provider-error" />
      <label>
        Role name in each member account
        <input
          value={role}
          data-testid="org-role-name"
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => {
            setRoleName((e.currentTarget as HTMLInputElement).value);
            setErrors((x) => ({ ...x, role_name: undefined }));
          }}
        />
      </label>
      <FieldError message={errors.role_name} testid="org-role-name-error" />
      {install ? (
        <p data-testid="org-external-id">
          This installation's ExternalId: <code class="mono">{install.external_id}</code>{" "}
          <CopyButton text={install.external_id} label="Copy ExternalId" testid="org-copy-external-id" />
          <br />
          <span class="hint">
            Not a secret, but not guessable: the role trusts CloudPeek only with it. The templates appear once the
            organization is connected.
          </span>
        </p>
      ) : null}
      <details>
        <summary>Roles already deployed with another ExternalId?</summary>
        <label>
          ExternalId of the roles already deployed
          <input
            value={externalId}
            data-testid="org-external-id-input"
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => {
              setExternalId((e.currentTarget as HTMLInputElement).value);
              setErrors((x) => ({ ...x, external_id: undefined }));
            }}
          />
        </label>
        <FieldError message={errors.external_id} testid="org-external-id-error" />
      </details>
      <label>
        Members to monitor
        <select
          value={monitor}
          data-testid="org-monitor"
          onChange={(e) => setMonitor((e.currentTarget as HTMLSelectElement).value as "all" | "chosen")}
        >
          <option value="all">All accounts (accounts that join later are added at each discovery)</option>
          <option value="chosen">Accounts I choose after the discovery</option>
        </select>
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={busy} data-testid="org-connect">
          {busy ? "Discovering accounts…" : "Connect and discover"}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
      <ErrorBox error={error} testid="org-connect-error" />
    </form>
  );
}

function CopyButton({ text, label, testid }: { text: string; label: string; testid: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      class="link-button"
      data-testid={testid}
      aria-label={label}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setDone(true);
          window.setTimeout(() => setDone(false), 2000);
        } catch {
          setDone(false);
        }
      }}
    >
      {done ? "Copied" : "Copy"}
    </button>
  );
}

function OrgView({
  org,
  onUpdated,
  onRemoved,
}: {
  org: Organization;
  onUpdated: (o: Organization, message?: string) => void;
  onRemoved: (message: string) => void;
}) {
  const [busy, setBusy] = useState<"" | "discover" | "add" | "all" | "remove">("");
  const [error, setError] = useState<unknown>(null);
  const [q, setQ] = useState("");
  const [picked, setPicked] = useState<Record<string, boolean>>({});
  const [templates, setTemplates] = useState<OrgTemplates | null>(null);
  const [showTemplates, setShowTemplates] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);

  useEffect(() => {
    if (showTemplates && !templates) orgTemplates(org.id).then(setTemplates, setError);
  }, [showTemplates, org.id]);

  const run = async (what: typeof busy, f: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e);
    } finally {
      setBusy("");
    }
  };

  const discover = () =>
    run("discover", async () => {
      const o = await discoverOrganization(org.id);
      const d = o.discovery;
      const parts = [`Discovered ${o.counts.accounts} accounts`];
      if (d?.joined.length) parts.push(`${d.joined.length} new member${d.joined.length > 1 ? "s" : ""} added`);
      if (d?.left.length) parts.push(`${d.left.length} left the organization`);
      onUpdated(o, parts.join(", ") + ".");
    });

  const choose = Object.keys(picked).filter((k) => picked[k]);
  const addChosen = () =>
    run("add", async () => {
      const o = await updateOrganization(org.id, { accounts: choose });
      setPicked({});
      onUpdated(o, `${choose.length} account${choose.length > 1 ? "s" : ""} added as members.`);
    });
  const monitorAll = () =>
    run("all", async () => {
      const o = await updateOrganization(org.id, { monitor: "all" });
      onUpdated(o, "Every account of the organization is monitored.");
    });
  const remove = () =>
    run("remove", async () => {
      await disconnectOrganization(org.id);
      onRemoved(`Organization ${org.aws_organization_id} disconnected; its ${org.counts.monitored} member providers and their history are kept.`);
    });

  const rows = sortAccounts(org.accounts).filter((a) => matchesAccount(a, q));
  const candidates = addable(org.accounts);

  return (
    <div class="subcard" data-testid={`org-${org.id}`}>
      <h3>
        {org.label} <span class="muted mono nowrap">{org.aws_organization_id}</span>
      </h3>
      <p data-testid="org-summary">{orgSummary(org)}</p>
      <p class="muted">
        Through “{org.base_provider_label || "(provider deleted)"}”; management account{" "}
        <span class="mono">{org.management_account_id}</span>. Role <code class="mono">{org.role_name}</code>, ExternalId{" "}
        <code class="mono" data-testid="org-view-external-id">
          {org.external_id}
        </code>
        . Last discovery: <Time iso={org.last_discovery_at} />.
      </p>
      {org.last_discovery_error ? (
        <p class="field-error" role="alert" data-testid="org-discovery-error">
          The last discovery failed: {org.last_discovery_error}
        </p>
      ) : null}
      <div class="row">
        <button type="button" class="primary" onClick={discover} disabled={!!busy} data-testid="org-discover">
          {busy === "discover" ? "Discovering…" : "Discover now"}
        </button>
        <button
          type="button"
          aria-expanded={showTemplates}
          onClick={() => setShowTemplates((v) => !v)}
          data-testid="org-templates-toggle"
        >
          {showTemplates ? "Hide the role templates" : "Role templates (StackSet, Terraform)"}
        </button>
        {org.monitor === "chosen" ? (
          <button type="button" onClick={monitorAll} disabled={!!busy} data-testid="org-monitor-all-now">
            {busy === "all" ? "Adding…" : "Monitor all accounts"}
          </button>
        ) : null}
      </div>
      <span aria-live="polite" class="muted">
        {busy ? "Working with AWS: this takes a few seconds for a large organization." : ""}
      </span>
      <ErrorBox error={error} testid="org-view-error" />
      {showTemplates ? <Templates t={templates} /> : null}

      <label class="search">
        Search accounts
        <input
          type="search"
          value={q}
          placeholder="Name, id, OU path or email"
          data-testid="org-search"
          onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <TableWrap>
        <table
          class="table compact"
          data-testid="org-members"
          aria-label={`Accounts of ${org.aws_organization_id}, those without a working role first`}
        >
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Role</th>
              <th scope="col">OU path</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const r = roleState(a);
              const canPick = candidates.includes(a);
              return (
                <tr key={a.account_id} data-testid={`org-account-${a.account_id}`}>
                  <td>
                    {canPick ? (
                      <label class="check">
                        <input
                          type="checkbox"
                          checked={!!picked[a.account_id]}
                          data-testid={`org-pick-${a.account_id}`}
                          onChange={(e) =>
                            setPicked((x) => ({ ...x, [a.account_id]: (e.currentTarget as HTMLInputElement).checked }))
                          }
                        />
                        <span>
                          <strong>{a.name || a.account_id}</strong>
                          <br />
                          <span class="mono muted">{a.account_id}</span>
                        </span>
                      </label>
                    ) : (
                      <>
                        {a.member ? (
                          <a href={`/settings/provider?provider=${encodeURIComponent(a.member.provider_id)}`}>
                            <strong>{a.name || a.account_id}</strong>
                          </a>
                        ) : (
                          <strong>{a.name || a.account_id}</strong>
                        )}
                        {a.management ? (
                          <>
                            {" "}
                            <span class="tag nowrap">management</span>
                          </>
                        ) : null}
                        <br />
                        <span class="mono muted">{a.account_id}</span>
                      </>
                    )}
                  </td>
                  <td data-testid="org-role">
                    <span aria-hidden="true" class={r.mark === "✓" ? "ok-text" : r.mark === "✗" ? "field-error" : "muted"}>
                      {r.mark}{" "}
                    </span>
                    {r.gap ? (
                      <strong class="bad" data-testid="org-role-text">
                        {r.text}
                      </strong>
                    ) : (
                      <span data-testid="org-role-text">{r.text}</span>
                    )}
                    {a.member && (a.member.role_message || a.member.role_advice) && r.gap ? (
                      <details>
                        <summary>Why, and what to do</summary>
                        <p data-testid="org-role-reason">{a.member.role_message}</p>
                        {a.member.role_advice ? <p>{a.member.role_advice}</p> : null}
                      </details>
                    ) : null}
                  </td>
                  <td class="mono nowrap">{a.ou_path}</td>
                  <td>{a.in_organization ? a.status.toLowerCase().replace("_", " ") : "left the organization"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {candidates.length ? (
        <div class="row">
          <button
            type="button"
            onClick={() => setPicked(Object.fromEntries(candidates.map((a) => [a.account_id, true])))}
            data-testid="org-pick-all"
          >
            Select all {candidates.length} not monitored
          </button>
          <button type="button" class="primary" disabled={!choose.length || !!busy} onClick={addChosen} data-testid="org-add">
            {busy === "add" ? "Adding…" : `Monitor ${choose.length || ""} selected`}
          </button>
        </div>
      ) : null}
      <div class="row">
        {confirmRemove ? (
          <>
            <span>Disconnect the organization? Member providers and their history stay.</span>
            <button type="button" class="danger" onClick={remove} disabled={!!busy} data-testid="org-remove-confirm">
              Disconnect
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" class="link-button" onClick={() => setConfirmRemove(true)} data-testid="org-remove">
            Disconnect this organization…
          </button>
        )}
      </div>
    </div>
  );
}

function Templates({ t }: { t: OrgTemplates | null }) {
  if (!t) return <Loading what="Loading the templates" />;
  return (
    <div data-testid="org-templates">
      <p>
        Create the role <code class="mono">{t.role_name}</code> in every member account, trusting account{" "}
        <span class="mono">{t.trusted_account}</span> with ExternalId <code class="mono">{t.external_id}</code> and the
        AWS managed policy SecurityAudit. Then choose <strong>Discover now</strong>.
      </p>
      <h4>CloudFormation StackSet (service-managed, all accounts of the organization)</h4>
      <div class="row">
        <CopyButton text={t.stackset_yaml} label="Copy the StackSet template" testid="org-copy-stackset" />
        <button
          type="button"
          class="link-button"
          data-testid="org-download-stackset"
          onClick={() => downloadText(t.stackset_filename, t.stackset_yaml, "application/x-yaml")}
        >
          Download {t.stackset_filename}
        </button>
      </div>
      <pre class="code" tabIndex={0} data-testid="org-stackset" aria-label="StackSet template">
        {t.stackset_yaml}
      </pre>
      <h4>Terraform (apply in each member account)</h4>
      <div class="row">
        <CopyButton text={t.terraform} label="Copy the Terraform snippet" testid="org-copy-terraform" />
        <button
          type="button"
          class="link-button"
          data-testid="org-download-terraform"
          onClick={() => downloadText(t.terraform_filename, t.terraform)}
        >
          Download {t.terraform_filename}
        </button>
      </div>
      <pre class="code" tabIndex={0} data-testid="org-terraform" aria-label="Terraform snippet">
        {t.terraform}
      </pre>
    </div>
  );
}

// On a member provider's card: its organization, OU path and whether CloudPeek reaches it.
export function OrgMemberNote({ provider }: { provider: Provider }) {
  const o = (provider.identity as unknown as { organization?: ProviderOrg } | null)?.organization;
  if (!o) return null;
  const reach =
    o.membership === "left"
      ? { ok: false, text: "left the organization: its history is kept, no new scans" }
      : o.role_status === "ok"
        ? { ok: true, text: `reached through the role ${o.role_name}, renewed automatically` }
        : o.role_status === "base"
          ? { ok: true, text: "connects the organization with its own credentials" }
          : { ok: false, text: `not reachable through the role ${o.role_name}: ${o.role_message || o.role_status}` };
  return (
    <>
      <dt>AWS organization</dt>
      <dd data-testid="provider-org">
        {o.label} · <span class="mono">{o.ou_path}</span> ·{" "}
        {reach.ok ? <span>{reach.text}</span> : <strong class="bad">{reach.text}</strong>}
        {!reach.ok && o.role_advice ? <div class="hint">{o.role_advice}</div> : null}
      </dd>
    </>
  );
}

interface ProviderOrg {
  organization_id: string;
  label: string;
  account_id: string;
  ou_path: string;
  membership: "active" | "left";
  role_name: string;
  role_status: string;
  role_message: string;
  role_advice: string;
}
