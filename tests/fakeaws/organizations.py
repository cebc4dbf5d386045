"""AWS Organizations, from the scenario's "organization" object.

A scenario with an "organization" answers every Organizations read from this
model (the generic per-account "services" entries are not consulted); one
without keeps the generic answers, so older scenarios that stub
DescribeOrganization per account are unchanged.

  "organization": {
    "id": "o-a1b2c3d4e5", "feature_set": "ALL", "management_account": "111111111111",
    "root": {"id": "r-a1b2", "name": "Root", "policy_types": ["SERVICE_CONTROL_POLICY"],
             "accounts": ["111111111111"],
             "ous": [{"id": "ou-a1b2-11111111", "name": "Workloads", "accounts": [...], "ous": [...]}]},
    "accounts": {"222222222222": {"name": "prod-app", "email": "...", "status": "ACTIVE",
                                   "joined_method": "CREATED"}},
    "policies": [{"id": "p-FullAWSAccess", "name": "FullAWSAccess", "type": "SERVICE_CONTROL_POLICY",
                  "aws_managed": true, "description": "...", "content": {...policy...},
                  "targets": ["r-a1b2"]}],
    "delegated_administrators": [{"account": "333333333333", "services": ["guardduty.amazonaws.com"]}]
  }

Who may call: DescribeOrganization, any account in the organization; every
other read, the management account or a delegated administrator (as AWS:
"This operation can be called only from the organization's management account
or by a member account that is a delegated administrator"); other members get
AccessDeniedException; an account outside the organization gets
AWSOrganizationsNotInUseException. Lists are paged by the organization's
"page_size", else the scenario's (or the request's smaller MaxResults), with
an opaque NextToken; a token that is not ours is InvalidInputException
(INVALID_NEXT_TOKEN).
"""

import pagination
from errors import AwsError

_JOINED = "2023-01-15T10:00:00Z"
_DELEGATED = "2024-03-01T09:00:00Z"


def active(ctx):
    return ctx.service_model.service_name == "organizations" and "organization" in ctx.state.scenario.data


class _Org:
    def __init__(self, data, partition):
        self.data = data
        self.partition = partition
        self.id = data["id"]
        self.management = data["management_account"]
        self.accounts = data.get("accounts", {})
        self.parent_of = {}   # child id → parent id
        self.ous = {}         # id → ou dict (the root too)
        self.children = {}    # parent id → [ou ids]
        self.members = {}     # parent id → [account ids]
        root = data["root"]
        self._walk(root, None)
        self.root = root

    def _walk(self, node, parent):
        self.ous[node["id"]] = node
        if parent is not None:
            self.parent_of[node["id"]] = parent
        self.children[node["id"]] = [o["id"] for o in node.get("ous", [])]
        self.members[node["id"]] = list(node.get("accounts", []))
        for a in node.get("accounts", []):
            self.parent_of[a] = node["id"]
        for o in node.get("ous", []):
            self._walk(o, node["id"])

    # --- ARNs ------------------------------------------------------------
    def arn(self):
        return f"arn:{self.partition}:organizations::{self.management}:organization/{self.id}"

    def account_arn(self, account):
        return f"arn:{self.partition}:organizations::{self.management}:account/{self.id}/{account}"

    def ou_arn(self, ou_id):
        if ou_id == self.root["id"]:
            return f"arn:{self.partition}:organizations::{self.management}:root/{self.id}/{ou_id}"
        return f"arn:{self.partition}:organizations::{self.management}:ou/{self.id}/{ou_id}"

    def policy_arn(self, p):
        if p.get("aws_managed"):
            return f"arn:{self.partition}:organizations::aws:policy/service_control_policy/{p['id']}"
        return f"arn:{self.partition}:organizations::{self.management}:policy/{self.id}/service_control_policy/{p['id']}"

    # --- shapes ----------------------------------------------------------
    def account(self, account_id):
        a = self.accounts.get(account_id, {})
        return {"Id": account_id, "Arn": self.account_arn(account_id), "Email": a.get("email", f"aws+{account_id}@example.com"),
                "Name": a.get("name", account_id), "Status": a.get("status", "ACTIVE"),
                "JoinedMethod": a.get("joined_method", "INVITED"),
                "JoinedTimestamp": a.get("joined", _JOINED)}

    def ou(self, ou_id):
        node = self.ous[ou_id]
        return {"Id": ou_id, "Arn": self.ou_arn(ou_id), "Name": node["name"]}

    def policy_summary(self, p):
        return {"Id": p["id"], "Arn": self.policy_arn(p), "Name": p["name"], "Description": p.get("description", ""),
                "Type": p.get("type", "SERVICE_CONTROL_POLICY"), "AwsManaged": bool(p.get("aws_managed"))}

    def policy(self, policy_id):
        for p in self.data.get("policies", []):
            if p["id"] == policy_id:
                return p
        return None

    def target_type(self, target):
        if target == self.root["id"]:
            return "ROOT"
        if target in self.ous:
            return "ORGANIZATIONAL_UNIT"
        if target in self.parent_of:
            return "ACCOUNT"
        return None

    def delegated(self):
        return self.data.get("delegated_administrators", [])

    def is_delegated_admin(self, account):
        return any(d["account"] == account for d in self.delegated())


def _org(ctx):
    return _Org(ctx.state.scenario.data["organization"], ctx.state.scenario.partition)


def _check_caller(ctx, org, any_member=False):
    account = ctx.account
    if account != org.management and account not in org.parent_of:
        raise AwsError("AWSOrganizationsNotInUseException",
                       "Your account is not a member of an organization.", 400)
    if any_member or account == org.management or org.is_delegated_admin(account):
        return
    raise AwsError("AccessDeniedException", "You don't have permissions to access this resource.", 400)


def _paged(ctx, output):
    token = ctx.params.get("NextToken")
    if token and pagination.decode_token(str(token)) is None:
        raise AwsError("InvalidInputException", "You provided a value that does not match the required pattern.", 400,
                       extra={"Reason": "INVALID_NEXT_TOKEN"})
    # The organization's own "page_size" when it sets one (AWS pages ListAccounts 20 at a time), else the scenario's.
    size = int(ctx.state.scenario.data["organization"].get("page_size", ctx.state.scenario.page_size))
    return pagination.paginate("organizations", ctx.op_model, output, ctx.params, size)


def _known_parent(org, parent):
    if parent not in org.ous:
        raise AwsError("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.", 400)


def describe_organization(ctx):
    org = _org(ctx)
    _check_caller(ctx, org, any_member=True)
    mgmt = org.account(org.management)
    types = [{"Type": t, "Status": "ENABLED"} for t in org.root.get("policy_types", [])]
    return {"Organization": {"Id": org.id, "Arn": org.arn(), "FeatureSet": org.data.get("feature_set", "ALL"),
                             "MasterAccountArn": mgmt["Arn"],
                             "MasterAccountId": org.management, "MasterAccountEmail": mgmt["Email"],
                             "AvailablePolicyTypes": types}}


def list_accounts(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    ids = [org.management] + sorted(a for a in org.parent_of if a not in org.ous and a != org.management)
    return _paged(ctx, {"Accounts": [org.account(a) for a in ids]})


def list_roots(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    root = org.root
    types = [{"Type": t, "Status": "ENABLED"} for t in root.get("policy_types", [])]
    return _paged(ctx, {"Roots": [{"Id": root["id"], "Arn": org.ou_arn(root["id"]), "Name": root.get("name", "Root"),
                                   "PolicyTypes": types}]})


def list_ous_for_parent(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    parent = ctx.params.get("ParentId", "")
    _known_parent(org, parent)
    return _paged(ctx, {"OrganizationalUnits": [org.ou(o) for o in org.children[parent]]})


def list_accounts_for_parent(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    parent = ctx.params.get("ParentId", "")
    _known_parent(org, parent)
    return _paged(ctx, {"Accounts": [org.account(a) for a in org.members[parent]]})


def list_parents(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    child = ctx.params.get("ChildId", "")
    parent = org.parent_of.get(child)
    if parent is None:
        raise AwsError("ChildNotFoundException", "We can't find an organizational unit (OU) or AWS account with the "
                       "ChildId that you specified.", 400)
    return _paged(ctx, {"Parents": [{"Id": parent, "Type": org.target_type(parent)}]})


def _policy_type_enabled(org, ptype):
    if ptype not in org.root.get("policy_types", []):
        raise AwsError("PolicyTypeNotEnabledException", "This operation can be performed only for enabled policy types.", 400)


def list_policies(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    ptype = ctx.params.get("Filter", "")
    return _paged(ctx, {"Policies": [org.policy_summary(p) for p in org.data.get("policies", [])
                                     if p.get("type", "SERVICE_CONTROL_POLICY") == ptype]})


def list_policies_for_target(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    target, ptype = ctx.params.get("TargetId", ""), ctx.params.get("Filter", "")
    if org.target_type(target) is None:
        raise AwsError("TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId that "
                       "you specified.", 400)
    return _paged(ctx, {"Policies": [org.policy_summary(p) for p in org.data.get("policies", [])
                                     if p.get("type", "SERVICE_CONTROL_POLICY") == ptype and target in p.get("targets", [])]})


def _policy_or_error(org, policy_id):
    p = org.policy(policy_id)
    if p is None:
        raise AwsError("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.", 400)
    return p


def list_targets_for_policy(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    p = _policy_or_error(org, ctx.params.get("PolicyId", ""))
    targets = []
    for t in p.get("targets", []):
        kind = org.target_type(t)
        if kind == "ACCOUNT":
            name, arn = org.account(t)["Name"], org.account_arn(t)
        else:
            name, arn = org.ous[t].get("name", t), org.ou_arn(t)
        targets.append({"TargetId": t, "Arn": arn, "Name": name, "Type": kind})
    return _paged(ctx, {"Targets": targets})


def describe_policy(ctx):
    import json
    org = _org(ctx)
    _check_caller(ctx, org)
    p = _policy_or_error(org, ctx.params.get("PolicyId", ""))
    content = p.get("content", {})
    return {"Policy": {"PolicySummary": org.policy_summary(p),
                       "Content": content if isinstance(content, str) else json.dumps(content)}}


def list_delegated_administrators(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    wanted = ctx.params.get("ServicePrincipal")
    out = []
    for d in org.delegated():
        if wanted and wanted not in d.get("services", []):
            continue
        a = org.account(d["account"])
        a["DelegationEnabledDate"] = d.get("enabled", _DELEGATED)
        out.append(a)
    return _paged(ctx, {"DelegatedAdministrators": out})


def list_delegated_services_for_account(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    account = ctx.params.get("AccountId", "")
    if account not in org.parent_of:
        raise AwsError("AccountNotFoundException", "We can't find an AWS account with the AccountId that you specified, "
                       "or the account whose credentials you used to make this request isn't a member of an "
                       "organization.", 400)
    for d in org.delegated():
        if d["account"] == account:
            return _paged(ctx, {"DelegatedServices": [{"ServicePrincipal": s, "DelegationEnabledDate": d.get("enabled", _DELEGATED)}
                                                      for s in d.get("services", [])]})
    raise AwsError("AccountNotRegisteredException", "The provided account is not a registered delegated administrator "
                   "for your organization.", 400)


def list_aws_service_access(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    return _paged(ctx, {"EnabledServicePrincipals": [{"ServicePrincipal": s, "DateEnabled": _DELEGATED}
                                                     for s in org.data.get("trusted_services", [])]})


def describe_account(ctx):
    org = _org(ctx)
    _check_caller(ctx, org)
    account = ctx.params.get("AccountId", "")
    if account not in org.parent_of:
        raise AwsError("AccountNotFoundException", "We can't find an AWS account with the AccountId that you specified, "
                       "or the account whose credentials you used to make this request isn't a member of an "
                       "organization.", 400)
    return {"Account": org.account(account)}


HANDLERS = {
    "DescribeOrganization": describe_organization,
    "DescribeAccount": describe_account,
    "ListAccounts": list_accounts,
    "ListRoots": list_roots,
    "ListOrganizationalUnitsForParent": list_ous_for_parent,
    "ListAccountsForParent": list_accounts_for_parent,
    "ListParents": list_parents,
    "ListPolicies": list_policies,
    "ListPoliciesForTarget": list_policies_for_target,
    "ListTargetsForPolicy": list_targets_for_policy,
    "DescribePolicy": describe_policy,
    "ListDelegatedAdministrators": list_delegated_administrators,
    "ListDelegatedServicesForAccount": list_delegated_services_for_account,
    "ListAWSServiceAccessForOrganization": list_aws_service_access,
}


def handle(ctx):
    handler = HANDLERS.get(ctx.op_model.name)
    if handler is None:
        raise AwsError("FakeAwsNoScenarioData", f"fakeaws: the organization model has no answer for "
                       f"organizations:{ctx.op_model.name}", 501, sender=False)
    return handler(ctx)
