// Ensure roles trusted by other AWS accounts require an external ID.
//
// On the IAM engine (issue 10): for every principal of another account that
// the trust policy names (the account, or a user or role of it), the trust
// policy is evaluated as AWS evaluates sts:AssumeRole from that account
// (iam/evaluate.h, the role's trust policy being required), twice: once as a
// confused deputy calls, with an external ID that is not this account's
// secret, and once with none at all. The caller's own side is unknown and
// taken as allowing everything. The role is exposed when either call is
// allowed: no condition, StringLike sts:ExternalId "*", Null "false",
// StringEqualsIfExists all let the deputy in.
//
// A condition CloudPeek cannot decide restricts only when it confines the
// callers to ones a confused deputy is not: members of an organization
// (aws:PrincipalOrgID, aws:PrincipalOrgPaths) or people signed in with MFA
// (aws:MultiFactorAuthPresent, aws:MultiFactorAuthAge). A condition on the
// source IP or a principal tag does not: a third party's service calls from
// its own addresses with its own tags for every customer.
#include <algorithm>
#include <chrono>
#include <set>

#include "checks/check.h"
#include "iam/authorization_data.h"
#include "iam/evaluate.h"
#include "iam/policy.h"
#include "iam/principal.h"

namespace cloudpeek::checks {
namespace {

namespace ciam = ::cloudpeek::iam;

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string arn_field(std::string_view arn, int index) {
  for (int i = 0; i < index; ++i) {
    size_t c = arn.find(':');
    if (c == std::string_view::npos) return {};
    arn.remove_prefix(c + 1);
  }
  return std::string(arn.substr(0, arn.find(':')));
}

bool is_account_id(std::string_view s) {
  return s.size() == 12 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

const ciam::Policy& anything() {
  static const ciam::Policy p = *ciam::parse_policy_text(
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})", "the caller's own policies (not visible)");
  return p;
}

// The keys whose conditions keep a confused deputy out (see the top).
bool restricts_deputy(std::string_view key) {
  static const std::set<std::string, std::less<>> keys = {"aws:principalorgid", "aws:principalorgpaths",
                                                          "aws:multifactorauthpresent", "aws:multifactorauthage"};
  return keys.contains(key);
}

// One principal of another account named in the trust policy.
struct Outsider {
  std::string shown;  // as the finding names it
  ciam::Principal principal;
};

std::vector<Outsider> outsiders(const ciam::Policy& trust, const std::string& own, const std::string& partition) {
  std::vector<Outsider> out;
  std::set<std::string> seen;
  auto add = [&](std::string shown, ciam::Principal p) {
    if (!seen.insert(shown).second) return;
    p.identity_policies = {&anything()};
    // What CloudPeek cannot know of a caller of another account.
    for (const char* k : {"aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge"})
      p.context.set_unknown(k);
    out.push_back({std::move(shown), std::move(p)});
  };
  for (const ciam::Statement& st : trust.statements) {
    if (st.effect != ciam::Effect::kAllow || !st.has_principal || st.not_principal) continue;
    for (const std::string& a : st.principals.accounts) {
      if (a == own || !is_account_id(a)) continue;
      // Any principal of the account: a session of some role of it.
      add("arn:" + partition + ":iam::" + a + ":root",
          ciam::make_role_session("arn:" + partition + ":iam::" + a + ":role/any-principal-of-" + a));
    }
    for (const std::string& arn : st.principals.arns) {
      std::string acct = arn_field(arn, 4);
      if (acct == own || !is_account_id(acct)) continue;
      if (arn.find(":user/") != std::string::npos) add(arn, ciam::make_user(arn));
      else if (arn.find(":role/") != std::string::npos) add(arn, ciam::make_role_session(arn));
      else add(arn, ciam::make_role_session("arn:" + partition + ":iam::" + acct + ":role/any-principal-of-" + acct));
    }
  }
  return out;
}

// The request context of the deputy's call; `external_id` empty: none sent.
ciam::Context deputy_context(const std::string& external_id) {
  ciam::Context c;
  c.set_unknown_by_default(true);
  auto now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  ciam::set_future_request_times(c, now, ciam::KeyState::kControlled);
  c.set_prefix_state("aws:RequestTag/", ciam::KeyState::kControlled);
  c.set_prefix_state("aws:PrincipalTag/", ciam::KeyState::kUnknown);
  for (const char* k : {"aws:TagKeys", "sts:RoleSessionName", "sts:SourceIdentity", "aws:SecureTransport", "aws:RequestedRegion"})
    c.set_controlled(k);
  if (external_id.empty()) c.set_list("sts:ExternalId", {});  // present-but-empty reads as absent
  else c.set("sts:ExternalId", external_id);
  return c;
}

enum class Verdict { kDenied, kRestricted, kExposed };

struct Outcome {
  Verdict verdict = Verdict::kDenied;
  std::vector<std::string> why;  // exposed: the statements; restricted: the conditions
};

Outcome judge(const ciam::Evaluation& ev) {
  Outcome o;
  if (ev.decision == ciam::Decision::kAllowed) {
    o.verdict = Verdict::kExposed;
    for (const auto& s : ev.statements)
      if (s.kind == ciam::PolicyKind::kResource) o.why.push_back(ciam::describe(s));
    return o;
  }
  if (ev.decision != ciam::Decision::kConditional) return o;
  // Conditional: each trust statement that may let the caller in must carry
  // a condition that keeps a deputy out.
  o.verdict = Verdict::kRestricted;
  bool any_allow = false;
  for (const auto& u : ev.unresolved) {
    if (!u.ref.statement || u.ref.statement->effect != ciam::Effect::kAllow) continue;
    any_allow = true;
    bool restricted = false;
    std::vector<std::string> texts;
    for (const ciam::Clause* c : u.conditions) {
      restricted = restricted || restricts_deputy(c->key);
      texts.push_back(c->text);
    }
    if (!restricted) {
      o.verdict = Verdict::kExposed;
      o.why.clear();
      o.why.push_back(ciam::describe(u.ref) + (texts.empty() ? "" : " (only under " + join(texts, " AND ") + ")"));
      return o;
    }
    o.why.insert(o.why.end(), texts.begin(), texts.end());
  }
  if (!any_allow) o.verdict = Verdict::kDenied;  // only a Deny was undecided: no allow at all
  return o;
}

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  if (auto why = r.missing_reason("trust_policy")) return not_assessed(*why);
  const json* trust = r.prop("trust_policy");
  if (!trust || !trust->is_object()) return not_assessed("trust policy of role " + r.name + " not collected");
  auto policy = ciam::parse_policy(*trust, "trust policy of " + r.name);
  if (!policy) return not_assessed("trust policy of role " + r.name + " could not be read: " + policy.error().describe());
  std::string partition = arn_field(r.arn, 1);
  if (partition.empty() || partition == "test") partition = "aws";
  auto others = outsiders(*policy, r.account, partition);
  if (others.empty()) return not_applicable("Role " + r.name + " is not trusted by another account.");

  // The organization's resource control policies, when read: one that denies the
  // other account sts:AssumeRole on the role takes it out of the question.
  std::vector<Resource> rcp_resources;
  for (const Resource& x : inv.of_type(std::string(ciam::inventory_type::kResourceControlPolicies))) rcp_resources.push_back(x);
  const ciam::AuthorizationData org = ciam::AuthorizationData::build(r.account, rcp_resources);
  std::vector<std::string> open, details, restricted, blocked;
  const ciam::Context with_wrong_id = deputy_context("an-external-id-that-is-not-this-accounts");
  const ciam::Context without_id = deputy_context("");
  for (const Outsider& o : others) {
    Outcome worst;
    std::string blocked_by;  // the RCP statement that keeps this account out
    for (const ciam::Context* ctx : {&with_wrong_id, &without_id}) {
      ciam::Request req;
      req.principal = &o.principal;
      req.action = "sts:AssumeRole";
      req.resource = r.arn;
      req.resource_account = r.account;
      req.resource_policy = &*policy;
      req.resource_rule = ciam::ResourcePolicyRule::kRequired;
      req.context = ctx;
      req.rcps = org.rcps();
      ciam::Evaluation ev = ciam::evaluate(req);
      if (ev.decision == ciam::Decision::kExplicitDeny && !ev.statements.empty() &&
          std::all_of(ev.statements.begin(), ev.statements.end(),
                      [](const ciam::StatementRef& s) { return s.kind == ciam::PolicyKind::kRcp; })) {
        blocked_by = ciam::describe(ev.statements.front());
        worst = Outcome{};
        break;
      }
      Outcome out = judge(ev);
      if (out.verdict > worst.verdict) worst = std::move(out);
    }
    if (!blocked_by.empty()) {
      blocked.push_back(o.shown + " (denied by " + blocked_by + ")");
    } else if (worst.verdict == Verdict::kExposed) {
      open.push_back(o.shown);
      for (auto& w : worst.why)
        if (std::find(details.begin(), details.end(), w) == details.end()) details.push_back(w);
    } else if (worst.verdict == Verdict::kRestricted) {
      restricted.push_back(o.shown + " only under " + join(worst.why, " AND "));
    }
  }
  if (!open.empty())
    return fail("Role " + r.name + " trusts other accounts without sts:ExternalId: " + join(open) + ". Granted by " +
                join(details, "; ") + ".");
  std::string kept_out = blocked.empty() ? std::string()
                                         : " The organization's resource control policies keep out " + join(blocked, "; ") + ".";
  if (!restricted.empty())
    return pass("Role " + r.name + " trusts other accounts only as members of the organization or with MFA: " +
                join(restricted, "; ") + "." + kept_out);
  if (!blocked.empty() && blocked.size() == others.size())
    return pass("Role " + r.name + " trusts other accounts, but no other account can assume it:" + kept_out + " " + org.rcp_note());
  return pass("Role " + r.name + " trusts other accounts only with an sts:ExternalId it names." + kept_out);
}

const RegisterCheck reg({
    .meta = {.id = "iam_role_cross_account_requires_external_id",
             .title = "Ensure roles trusted by other AWS accounts require an external ID",
             .severity = Severity::kMedium,
             .service = "iam",
             .resource_type = "AWS::IAM::Role",
             .description = "A trust statement that lets principals of another account assume the role should require an sts:ExternalId the account chose (the confused-deputy protection for third parties). The trust policy is evaluated with AWS's evaluation logic for sts:AssumeRole from each account it names, once with a wrong external ID and once with none: a condition that accepts any value (StringLike \"*\", Null, ...IfExists) does not protect. Trust confined to the organization (aws:PrincipalOrgID, aws:PrincipalOrgPaths) or to MFA-authenticated callers passes, and so does an account the organization's resource control policies deny sts:AssumeRole on the role (when they could be read). Same-account and service principals are not concerned.",
             .risk = "Without an external ID, a third party serving several customers can be tricked into acting on this account (confused deputy).",
             .remediation = {.text = "Add a Condition {\"StringEquals\": {\"sts:ExternalId\": \"<id>\"}} to cross-account trust statements.",
                             .cli = "aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-with-external-id.json",
                             .terraform = "# In assume_role_policy: Condition = {StringEquals = {\"sts:ExternalId\" = \"<id>\"}}"},
             .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html", "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html"},
             .cis = {},
             .fsbp = {}},
    // The RCPs that apply to the account's resources (collect/organizations.cc), when read.
    .context_types = {std::string(ciam::inventory_type::kResourceControlPolicies)},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
