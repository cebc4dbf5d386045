#include "checks/iam_policy_categories.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include "iam/catalogue.h"
#include "iam/escalation_rules.h"
#include "iam/evaluate.h"
#include "iam/policy.h"

namespace cloudpeek::checks {

namespace ciam = ::cloudpeek::iam;

const std::vector<std::string>& data_exfiltration_actions() {
  // Cloudsplaining's list, with the versioned S3 read, batch secret reads,
  // parameter history and KMS decryption (which turns any ciphertext the
  // principal can read into plaintext).
  static const std::vector<std::string> a = {
      "s3:GetObject",          "s3:GetObjectVersion",       "secretsmanager:GetSecretValue",
      "secretsmanager:BatchGetSecretValue", "ssm:GetParameter", "ssm:GetParameters",
      "ssm:GetParametersByPath", "ssm:GetParameterHistory", "kms:Decrypt"};
  return a;
}

const std::vector<std::string>& credentials_exposure_actions() {
  // Cloudsplaining's list: actions whose response carries credentials, keys,
  // passwords or tokens.
  static const std::vector<std::string> a = {
      "chime:CreateApiKey", "codepipeline:PollForJobs", "cognito-identity:GetOpenIdToken",
      "cognito-identity:GetOpenIdTokenForDeveloperIdentity", "cognito-identity:GetCredentialsForIdentity",
      "connect:GetFederationToken", "ec2:GetPasswordData", "ecr:GetAuthorizationToken",
      "gamelift:RequestUploadCredentials", "gamelift:GetInstanceAccess", "lightsail:GetInstanceAccessDetails",
      "lightsail:GetRelationalDatabaseMasterUserPassword", "iam:CreateAccessKey", "iam:CreateLoginProfile",
      "iam:UpdateLoginProfile", "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential",
      "iam:UpdateAccessKey", "mediapackage:RotateChannelCredentials", "mediapackage:RotateIngestEndpointCredentials",
      "rds-db:connect", "redshift:GetClusterCredentials", "redshift:GetClusterCredentialsWithIAM",
      "sso:GetRoleCredentials", "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
      "sts:GetFederationToken", "sts:GetSessionToken"};
  return a;
}

namespace {

std::string joined(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

bool wildcard_only(std::string_view s, bool separators) {
  if (s.empty() || s.find('*') == std::string_view::npos) return false;
  for (char c : s)
    if (c != '*' && !(separators && (c == '/' || c == ':'))) return false;
  return true;
}

// The ARN's six fields, the last with its colons ("arn:aws:iam::*:role/*" →
// arn, aws, iam, "", *, role/*); nullopt when it is not an ARN.
std::optional<std::array<std::string_view, 6>> arn_fields(std::string_view arn) {
  std::array<std::string_view, 6> f;
  for (int i = 0; i < 5; ++i) {
    auto c = arn.find(':');
    if (c == std::string_view::npos) return std::nullopt;
    f[i] = arn.substr(0, c);
    arn.remove_prefix(c + 1);
  }
  f[5] = arn;
  if (f[0] != "arn") return std::nullopt;
  return f;
}

// Every resource type of the catalogue with the parts of its ARN format a
// pattern is compared with: "role" of sts is arn:${Partition}:iam::${Account}:role/...
struct TypeArn {
  std::string arn_service;  // "iam"
  std::string literal;      // the resource part's fixed prefix: "role/"
  std::string key;          // "<action service>|<type name>", lower case
};

const std::vector<TypeArn>& type_arns() {
  static const std::vector<TypeArn> all = [] {
    std::vector<TypeArn> out;
    const auto& cat = ciam::Catalogue::get();
    for (ciam::ServiceId sid = 0; sid < cat.service_count(); ++sid) {
      for (const auto& rt : cat.resource_types(sid)) {
        auto f = arn_fields(rt.arn_format);
        if (!f) continue;
        std::string_view fmt = (*f)[5];
        auto var = fmt.find("${");
        if (var == std::string_view::npos) continue;  // a fixed ARN: nothing to widen
        out.push_back({ciam::lower((*f)[2]), std::string(fmt.substr(0, var)),
                       ciam::lower(rt.service) + "|" + ciam::lower(rt.name)});
      }
    }
    return out;
  }();
  return all;
}

// Whether a Resource pattern names every resource of every type: "*", "arn:*:*:*:*:*".
bool every_resource(const ciam::Pattern& p) {
  if (p.is_star()) return true;
  auto f = arn_fields(p.source());
  return f && ((*f)[2].empty() || wildcard_only((*f)[2], false)) && wildcard_only((*f)[5], true);
}

// The resource types ("<service>|<type>") a Resource pattern names every
// resource of, in any region and account: "arn:aws:s3:::*" (every bucket,
// and as "*" matches "/" every object), "arn:aws:iam::*:role/*",
// "arn:aws:ec2:*:*:instance/*". A name, a path, a prefix or a policy variable
// in the resource part constrains. Only the resource part counts: one
// account's every role is still every role its principal can reach.
void unconstrained_types(const ciam::Pattern& p, std::set<std::string, std::less<>>& out) {
  const std::string& src = p.source();
  if (src.find("${") != std::string::npos) return;
  auto f = arn_fields(src);
  if (!f) return;
  const std::string service = ciam::lower((*f)[2]);
  const std::string_view rest = (*f)[5];
  for (const TypeArn& t : type_arns()) {
    if (t.arn_service != service) continue;
    if (wildcard_only(rest, true)) {  // every resource of the service: "arn:aws:iam::*:*"
      out.insert(t.key);
      continue;
    }
    if (rest.size() <= t.literal.size() || !rest.starts_with(t.literal)) continue;
    if (wildcard_only(rest.substr(t.literal.size()), true)) out.insert(t.key);
  }
}

bool literal_star(const ciam::Statement& st) {
  if (!st.has_resource || st.not_resource) return true;
  return std::any_of(st.resources.begin(), st.resources.end(), [](const ciam::Pattern& p) { return p.is_star(); });
}

// Of the actions a statement's Action element names, those it grants on all
// resources (of their type): all of them for "*", a NotResource or a pattern
// naming every resource of every service; otherwise those acting on a type
// whose every resource a pattern names.
ciam::ActionSet on_all_resources(const ciam::Statement& st, const ciam::ActionSet& actions, const ciam::Catalogue& cat) {
  if (literal_star(st) || std::any_of(st.resources.begin(), st.resources.end(), every_resource)) return actions;
  std::set<std::string, std::less<>> types;
  for (const auto& p : st.resources) unconstrained_types(p, types);
  ciam::ActionSet out;
  if (types.empty()) return out;
  for (ciam::ActionId id : actions) {
    auto a = cat.action(id);
    std::string prefix = ciam::lower(a.service()) + "|";
    for (const auto& ar : a.resource_types())
      if (types.contains(prefix + ciam::lower(ar.name))) {
        out.add(id);
        break;
      }
  }
  return out;
}

std::vector<std::string> sources(const ciam::Statement& st) {
  std::vector<std::string> out;
  for (const auto& p : st.actions) out.push_back(p.source());
  return out;
}

// What a policy grants on all resources, statement by statement.
class Grants {
 public:
  explicit Grants(const ciam::Policy& policy) : policy_(policy), cat_(ciam::Catalogue::get()) {
    for (const auto& st : policy.statements) {
      auto patterns = sources(st);
      ciam::ActionSet set = on_all_resources(st, st.not_action ? cat_.expand_not(patterns) : cat_.expand(patterns), cat_);
      const bool star = literal_star(st);
      if (set.empty() && !star) continue;
      if (st.effect == ciam::Effect::kDeny) {
        if (st.condition.empty()) {
          denied_ = denied_.unite(set);
          if (star) deny_statements_.push_back(&st);
        }
      } else {
        allows_.push_back({&st, std::move(set), star});
      }
    }
  }

  // The statements that allow the action on all resources (empty: none, or
  // an unconditional Deny of the policy takes it away).
  std::vector<const ciam::Statement*> allowing(std::string_view action) const {
    std::vector<const ciam::Statement*> out;
    auto id = cat_.find_action(action);
    if (id) {
      if (denied_.contains(*id)) return out;
      for (const auto& a : allows_)
        if (a.set.contains(*id)) out.push_back(a.st);
      return out;
    }
    // Not in the catalogue: match the statements' own patterns.
    for (const auto* d : deny_statements_)
      if (d->matches_action(action)) return out;
    for (const auto& a : allows_)
      if (a.star && a.st->matches_action(action)) out.push_back(a.st);
    return out;
  }

  // Every allowed action of a set (ids), with the statements.
  std::vector<ciam::ActionId> allowed_of(const ciam::ActionSet& category) const {
    ciam::ActionSet all;
    for (const auto& a : allows_) all = all.unite(a.set);
    return all.intersect(category).subtract(denied_).ids();
  }
  std::vector<const ciam::Statement*> allowing(ciam::ActionId id) const {
    std::vector<const ciam::Statement*> out;
    for (const auto& a : allows_)
      if (a.set.contains(id)) out.push_back(a.st);
    return out;
  }

  const ciam::Policy& policy() const { return policy_; }
  const ciam::Catalogue& catalogue() const { return cat_; }

 private:
  struct Allow {
    const ciam::Statement* st;
    ciam::ActionSet set;
    bool star = false;  // on "*" (or a NotResource): also grants actions the catalogue lacks
  };
  const ciam::Policy& policy_;
  const ciam::Catalogue& cat_;
  std::vector<Allow> allows_;
  ciam::ActionSet denied_;
  std::vector<const ciam::Statement*> deny_statements_;
};

// What caused a category: the actions and the statements that allow them.
struct Hit {
  std::vector<std::string> items;  // actions, or techniques
  std::set<const ciam::Statement*> statements;
};

std::string statement_text(const ciam::Policy& p, const ciam::Statement* st) {
  std::string out = ciam::describe(ciam::StatementRef{&p, ciam::PolicyKind::kIdentity, st});
  if (!st->condition.empty()) {
    std::vector<std::string> conds;
    for (const auto& c : st->condition.clauses) conds.push_back(c.text);
    out += " (with condition " + joined(conds, " AND ") + ")";
  }
  return out;
}

std::string listed(const std::vector<std::string>& items, std::size_t max = 12) {
  if (items.size() <= max) return joined(items);
  std::vector<std::string> head(items.begin(), items.begin() + max);
  return joined(head) + " and " + std::to_string(items.size() - max) + " more";
}

Hit find(const Grants& g, PolicyCategory category) {
  Hit hit;
  auto add_action = [&](std::string_view name, const std::vector<const ciam::Statement*>& sts) {
    if (sts.empty()) return false;
    hit.items.emplace_back(name);
    hit.statements.insert(sts.begin(), sts.end());
    return true;
  };
  switch (category) {
    case PolicyCategory::kDataExfiltration:
      for (const auto& a : data_exfiltration_actions()) add_action(a, g.allowing(a));
      break;
    case PolicyCategory::kCredentialsExposure:
      for (const auto& a : credentials_exposure_actions()) add_action(a, g.allowing(a));
      break;
    case PolicyCategory::kResourceExposure: {
      const auto& cat = g.catalogue();
      for (ciam::ActionId id : g.allowed_of(cat.with_access_level(ciam::AccessLevel::kPermissionsManagement)))
        add_action(cat.action(id).full_name(), g.allowing(id));
      break;
    }
    case PolicyCategory::kInfrastructureModification: {
      const auto& cat = g.catalogue();
      ciam::ActionSet modifying = cat.with_access_level(ciam::AccessLevel::kWrite)
                                      .unite(cat.with_access_level(ciam::AccessLevel::kPermissionsManagement))
                                      .unite(cat.with_access_level(ciam::AccessLevel::kTagging));
      for (ciam::ActionId id : g.allowed_of(modifying)) add_action(cat.action(id).full_name(), g.allowing(id));
      break;
    }
    case PolicyCategory::kPrivilegeEscalation: {
      std::set<std::string> seen;
      for (const auto& rule : ciam::escalation_rules()) {
        std::set<const ciam::Statement*> sts;
        std::vector<std::string> actions;
        bool complete = !rule.steps.empty();
        for (const auto& step : rule.steps) {
          auto by = g.allowing(step.action);
          if (by.empty()) {
            complete = false;
            break;
          }
          sts.insert(by.begin(), by.end());
          actions.emplace_back(step.action);
        }
        if (!complete) continue;
        std::string name(rule.name);
        if (!seen.insert(name).second) continue;
        hit.items.push_back(name);
        hit.statements.insert(sts.begin(), sts.end());
      }
      break;
    }
  }
  return hit;
}

const char* category_words(PolicyCategory c) {
  switch (c) {
    case PolicyCategory::kPrivilegeEscalation: return "privilege escalation";
    case PolicyCategory::kDataExfiltration: return "data exfiltration";
    case PolicyCategory::kResourceExposure: return "resource exposure";
    case PolicyCategory::kCredentialsExposure: return "credentials exposure";
    case PolicyCategory::kInfrastructureModification: return "unrestricted infrastructure modification";
  }
  return "";
}

}  // namespace

CheckResult policy_category_result(const Resource& r, PolicyCategory category) {
  const bool managed = r.type == "AWS::IAM::Policy";
  const std::string what = (managed ? "Policy " : "Inline policy ") + r.name;
  if (managed) {
    if (r.props.value("aws_managed", false))
      return not_applicable(what + " is AWS managed; only customer managed policies are evaluated.");
    if (r.props.value("attachment_count", 0) == 0) return pass(what + " is not attached.");
  }
  if (auto why = r.missing_reason("document")) return not_assessed(*why);
  const json* doc = r.prop("document");
  if (!doc || !doc->is_object()) return not_assessed("policy document of " + r.name + " not collected");
  auto policy = ciam::parse_policy(*doc, r.name);
  if (!policy) return not_assessed("policy document of " + r.name + " could not be read: " + policy.error().describe());
  Grants grants(*policy);
  Hit hit = find(grants, category);
  const char* words = category_words(category);
  if (hit.items.empty()) return pass(what + " allows no " + std::string(words) + " on all resources.");
  std::vector<const ciam::Statement*> sts(hit.statements.begin(), hit.statements.end());
  std::sort(sts.begin(), sts.end(), [](auto* a, auto* b) { return a->index < b->index; });
  std::vector<std::string> texts;
  for (const auto* st : sts) texts.push_back(statement_text(*policy, st));
  std::string kind = category == PolicyCategory::kPrivilegeEscalation ? "techniques" : "actions";
  return fail(what + " allows " + words + " on all resources: " + kind + " " + listed(hit.items) + "; granted by " +
              joined(texts, "; ") + ".");
}

}  // namespace cloudpeek::checks
