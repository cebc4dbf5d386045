// Ensure roles trusted by an OIDC identity provider restrict the audience and
// the subject of the tokens they accept.
//
// A token from token.actions.githubusercontent.com (or an EKS cluster, GitLab,
// Terraform Cloud, ...) is issued to every workflow of every repository, every
// service account of the cluster: the provider vouches for who the caller is,
// and only a condition on `<provider>:sub` (and `:aud`) says which of them may
// assume the role. Amazon Cognito identity pools are the exception AWS
// documents: their audience is the identity pool id, which is the restriction.
// STS also checks a token's aud against the IAM OIDC provider's client IDs:
// when the provider's list was collected and names fixed client IDs, the
// audience is restricted even without an aud condition (the subject never is).
#include <algorithm>
#include <optional>

#include "checks/check.h"
#include "iam/match.h"
#include "iam/policy.h"

namespace cloudpeek::checks {
namespace {

using ::cloudpeek::iam::Clause;
using ::cloudpeek::iam::decompile;
using ::cloudpeek::iam::Effect;
using ::cloudpeek::iam::lower;
using ::cloudpeek::iam::OpFamily;
using ::cloudpeek::iam::parse_policy;
using Statement = ::cloudpeek::iam::Statement;

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

bool all_wildcards(std::string_view v) { return !v.empty() && v.find_first_not_of("*?") == std::string_view::npos; }

// Whether a value of a restricting clause leaves the claim open: "*", or for
// GitHub's sub an owner that is itself a wildcard ("repo:*", "repo:*/x:*").
bool open_value(const std::string& key, std::string_view v) {
  if (all_wildcards(v)) return true;
  if (key.starts_with("token.actions.githubusercontent.com") && key.ends_with(":sub")) {
    if (v.starts_with("repo:")) v.remove_prefix(5);
    return v.empty() || v.front() == '*' || v.front() == '?';
  }
  return false;
}

// Whether the statement's conditions restrict `key` to named values: a
// StringEquals / StringLike family (not negated) whose values are not open.
bool restricts(const Statement& st, const std::string& key) {
  for (const Clause& c : st.condition.clauses) {
    if (c.key != key || c.negated) continue;
    if (c.family != OpFamily::kString && c.family != OpFamily::kStringIgnoreCase && c.family != OpFamily::kStringLike)
      continue;
    bool any_open = false;
    for (const auto& v : c.values) any_open |= open_value(key, decompile(v.pattern.compiled()));
    if (!any_open && !c.values.empty()) return true;
  }
  return false;
}

// The provider's claim prefix as condition keys use it: the OIDC provider
// ARN's host and path, or a well-known web identity provider's name.
std::string provider_key(const std::string& federated) {
  auto at = federated.find(":oidc-provider/");
  if (at != std::string::npos) return lower(federated.substr(at + 15));
  return lower(federated);
}

bool is_oidc(const std::string& federated) {
  if (federated.find(":oidc-provider/") != std::string::npos) return true;
  for (const char* p : {"cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com"})
    if (lower(federated) == p) return true;
  return false;
}

// The audiences (client IDs) STS accepts for a provider's tokens, when the
// provider's details were collected (collect/iam.cc, GetOpenIDConnectProvider).
// STS rejects a token whose aud is not one of them, so a provider with a
// list of fixed client IDs restricts the audience even where the trust policy
// has no aud condition. nullopt: not known (not collected, or not an IAM
// OIDC provider), or a list that restricts nothing.
std::optional<std::vector<std::string>> provider_audiences(const Inventory& inv, const std::string& federated) {
  if (federated.find(":oidc-provider/") == std::string::npos) return std::nullopt;
  const Resource* p = inv.find_arn(federated);
  if (!p || p->missing_reason("client_ids")) return std::nullopt;
  const json* ids = p->prop("client_ids");
  if (!ids || !ids->is_array() || ids->empty()) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& id : *ids) {
    if (!id.is_string() || all_wildcards(id.get<std::string>())) return std::nullopt;
    out.push_back(id.get<std::string>());
  }
  return out;
}

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto why = r.missing_reason("trust_policy")) return not_assessed(*why);
  const json* trust = r.prop("trust_policy");
  if (!trust || !trust->is_object()) return not_assessed("trust policy of role " + r.name + " not collected");
  auto policy = parse_policy(*trust, "trust policy of " + r.name);
  if (!policy) return not_assessed("trust policy of role " + r.name + " could not be read: " + policy.error().describe());
  std::vector<std::string> open, trusted, by_provider;
  for (const Statement& st : policy->statements) {
    if (st.effect != Effect::kAllow || !st.has_principal || st.not_principal) continue;
    if (!st.matches_action("sts:AssumeRoleWithWebIdentity")) continue;
    for (const std::string& f : st.principals.federated) {
      if (!is_oidc(f)) continue;
      std::string k = provider_key(f);
      trusted.push_back(k);
      std::vector<std::string> missing;
      bool cognito = k == "cognito-identity.amazonaws.com";
      if (!restricts(st, k + ":aud")) {
        if (auto aud = provider_audiences(inv, f))
          by_provider.push_back(k + " accepts only the audiences " + join(*aud));
        else
          missing.push_back(k + ":aud");
      }
      if (!cognito && !restricts(st, k + ":sub")) missing.push_back(k + ":sub");
      if (missing.empty()) continue;
      std::string where = "statement " + std::to_string(st.index) + (st.sid.empty() ? "" : " (Sid " + st.sid + ")");
      open.push_back(k + " in " + where + " without a condition restricting " + join(missing, " and "));
    }
  }
  if (!open.empty())
    return fail("Role " + r.name + " can be assumed with a token of any identity of its OIDC provider: " + join(open, "; ") + ".");
  if (trusted.empty()) return pass("Role " + r.name + " does not trust an OIDC identity provider.");
  std::sort(by_provider.begin(), by_provider.end());
  by_provider.erase(std::unique(by_provider.begin(), by_provider.end()), by_provider.end());
  return pass("Role " + r.name + " trusts OIDC provider " + join(trusted) + " only for tokens with a restricted audience and subject" +
              (by_provider.empty() ? "" : " (the audience through the provider's client IDs: " + join(by_provider, "; ") + ")") + ".");
}

const RegisterCheck reg({
    .meta = {.id = "iam_role_oidc_trust_without_subject",
             .title = "Ensure roles trusted by an OIDC identity provider restrict the token's audience and subject",
             .severity = Severity::kHigh,
             .service = "iam",
             .resource_type = "AWS::IAM::Role",
             .description = "A trust statement that lets an OpenID Connect provider's tokens assume the role (sts:AssumeRoleWithWebIdentity) should carry conditions on the provider's aud and sub claims naming the client and the workload (for GitHub Actions: token.actions.githubusercontent.com:aud = sts.amazonaws.com and :sub = repo:<org>/<repo>:ref:refs/heads/<branch>). A sub condition with a wildcard owner (\"repo:*\") restricts nothing. An aud condition may be left out when the IAM OIDC provider's client ID list (GetOpenIDConnectProvider) names fixed audiences, since STS rejects other tokens. Amazon Cognito identity pools need the aud (pool id) condition.",
             .risk = "Without a subject condition any identity the provider issues tokens to can assume the role: for GitHub Actions, a workflow in any repository of any GitHub user; for an EKS cluster, any service account of it.",
             .remediation = {.text = "Add a StringEquals (or StringLike with a fixed owner) condition on <provider>:sub naming the repositories, branches or service accounts allowed, and on <provider>:aud.",
                             .cli = "aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-with-sub.json",
                             .terraform = "data \"aws_iam_policy_document\" \"trust\" {\n  statement {\n    actions = [\"sts:AssumeRoleWithWebIdentity\"]\n    principals {\n      type        = \"Federated\"\n      identifiers = [aws_iam_openid_connect_provider.github.arn]\n    }\n    condition {\n      test     = \"StringEquals\"\n      variable = \"token.actions.githubusercontent.com:aud\"\n      values   = [\"sts.amazonaws.com\"]\n    }\n    condition {\n      test     = \"StringLike\"\n      variable = \"token.actions.githubusercontent.com:sub\"\n      values   = [\"repo:<org>/<repo>:ref:refs/heads/main\"]\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub",
                            "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
                            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::IAM::OIDCProvider"},
    .reads = {"trust_policy", "AWS::IAM::OIDCProvider.client_ids"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
