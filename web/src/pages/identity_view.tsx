// Who the credentials are, as STS GetCallerIdentity said.
import { Time } from "../components/ui";
import type { Identity } from "../types";

const PRINCIPALS: Record<string, string> = {
  assumed_role: "Assumed role",
  iam_user: "IAM user",
  sso_permission_set: "IAM Identity Center (SSO) permission set",
  federated_user: "Federated user",
  root: "Root user",
};

export function IdentityView({ identity }: { identity: Identity }) {
  return (
    <dl class="kv" data-testid="identity">
      <dt>Account</dt>
      <dd data-testid="identity-account">{identity.account}</dd>
      <dt>ARN</dt>
      <dd class="mono" data-testid="identity-arn">
        {identity.arn}
      </dd>
      <dt>Principal type</dt>
      <dd data-testid="identity-principal-type">{PRINCIPALS[identity.principal_type] ?? identity.principal_type}</dd>
      <dt>Permission set</dt>
      <dd data-testid="identity-permission-set">{identity.permission_set ?? "—"}</dd>
      {identity.checked_at ? (
        <>
          <dt>Checked</dt>
          <dd>
            <Time iso={identity.checked_at} testid="identity-checked" />
          </dd>
        </>
      ) : null}
      {identity.principal_type === "root" ? (
        <dd class="warn" data-testid="identity-root-warning">
          These are root credentials. Use a dedicated IAM user or role with the SecurityAudit policy instead.
        </dd>
      ) : null}
    </dl>
  );
}
