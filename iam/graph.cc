#include "iam/graph.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "iam/catalogue.h"

namespace cloudpeek::iam {
namespace {

// "Allowed everything": these, across services, on "*". A principal allowed
// all of them holds `*` on `*` in practice (a few denied odd services do not
// make it less of an administrator).
constexpr std::string_view kSentinels[] = {
    "iam:CreateUser",        "iam:AttachRolePolicy", "iam:PutRolePolicy",       "iam:CreatePolicyVersion",
    "iam:PassRole",          "sts:AssumeRole",       "ec2:RunInstances",        "s3:GetObject",
    "s3:PutBucketPolicy",    "lambda:CreateFunction", "kms:Decrypt",            "secretsmanager:GetSecretValue",
    "dynamodb:Scan",         "cloudtrail:StopLogging", "organizations:LeaveOrganization",
};

constexpr std::string_view kDefaultRegion = "us-east-1";
constexpr std::string_view kWitnessName = "cloudpeek-witness";
constexpr std::size_t kMaxCandidates = 12;

int rank(Decision d) {
  return d == Decision::kAllowed ? 2 : d == Decision::kConditional ? 1 : 0;
}

std::string node_label(const Node& n) {
  std::string out(to_string(n.kind));
  out += " ";
  out += n.name;
  if (!n.permission_set.empty()) out += " (permission set " + n.permission_set + ")";
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

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

// An ARN format of the catalogue ("arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}")
// as a glob (every variable a wildcard), and filled in with witness values.
std::string format_glob(std::string_view format) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '$' && i + 1 < format.size() && format[i + 1] == '{') {
      size_t close = format.find('}', i);
      if (close == std::string_view::npos) break;
      out += kStar;
      i = close;
    } else {
      out += format[i];
    }
  }
  return out;
}

std::string format_fill(std::string_view format, const std::string& partition, const std::string& account) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '$' && i + 1 < format.size() && format[i + 1] == '{') {
      size_t close = format.find('}', i);
      if (close == std::string_view::npos) break;
      std::string_view var = format.substr(i + 2, close - i - 2);
      out += var == "Partition" ? partition : var == "Region" ? std::string(kDefaultRegion)
                                          : var == "Account" ? account : std::string(kWitnessName);
      i = close;
    } else {
      out += format[i];
    }
  }
  return out;
}

// A resource pattern of a policy (compiled, variables resolved) turned into one
// concrete ARN it matches: wildcard-only segments take the witness values,
// other wildcards an 'x'. Empty when it names another account.
std::string concrete(std::string_view compiled, const std::string& partition, const std::string& account) {
  std::vector<std::string> seg;
  std::string cur;
  for (char c : compiled) {
    if (c == ':' && seg.size() < 5) {
      seg.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  seg.push_back(cur);
  if (seg.size() < 6 || seg[0] != "arn") return {};
  auto all_wild = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c == kStar || c == kOne; });
  };
  auto fill = [](std::string s) {
    for (char& c : s)
      if (c == kStar || c == kOne) c = 'x';
    return s;
  };
  if (all_wild(seg[1])) seg[1] = partition;
  if (all_wild(seg[3])) seg[3] = std::string(kDefaultRegion);
  if (all_wild(seg[4])) seg[4] = account;
  if (!seg[4].empty() && seg[4] != account) return {};
  std::string out = "arn";
  for (size_t i = 1; i < seg.size(); ++i) out += ":" + fill(seg[i]);
  return out;
}

Grant make_grant(std::string_view action, std::string_view resource, const Evaluation& ev) {
  Grant g;
  g.action = std::string(action);
  g.resource = std::string(resource);
  g.decision = ev.decision;
  g.statements = ev.statements;
  for (const Unresolved& u : ev.unresolved) {
    std::string where = std::string(u.ref.statement && u.ref.statement->effect == Effect::kDeny ? "Deny" : "Allow") +
                        " in " + describe(u.ref);
    if (u.resource_unknown) g.conditions.push_back("a policy variable in Resource (" + where + ")");
    for (const Clause* c : u.conditions) g.conditions.push_back(c->text + " (" + where + ")");
  }
  for (const Clause* c : ev.controlled) g.controlled.push_back(c->text);
  return g;
}

}  // namespace

std::string_view to_string(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kAssumeRole: return "sts:AssumeRole";
    case EdgeKind::kAssumeRoleWithSaml: return "sts:AssumeRoleWithSAML";
    case EdgeKind::kAssumeRoleWithWebIdentity: return "sts:AssumeRoleWithWebIdentity";
    case EdgeKind::kEscalation: return "escalation";
  }
  return "";
}

struct Graph::Impl {
  Graph& g;
  const AuthorizationData& d;
  const Catalogue& cat = Catalogue::get();
  std::vector<std::string> admin_policies;  // managed policy ARNs that grant everything
  std::vector<std::string_view> actions;    // every action the rules name
  std::unordered_map<std::string_view, std::size_t> action_index;
  std::vector<std::vector<char>> may;       // node × action: some identity Allow statement names it
  std::map<std::string, std::unique_ptr<Context>> contexts;
  std::map<std::pair<std::size_t, std::string_view>, std::optional<Grant>> service_trust;
  std::set<std::tuple<std::size_t, std::size_t, const EscalationRule*>> seen;
  std::optional<Policy> anything;  // Allow * on *: what a policy written into a principal can grant at most
  std::map<std::pair<const Policy*, const Node*>, bool> uncapped;

  Impl(Graph& graph, const AuthorizationData& data) : g(graph), d(data) {}

  Evaluation eval(const Principal& p, std::string_view action, std::string_view resource, const Context& ctx,
                  const Policy* rp = nullptr, ResourcePolicyRule rule = ResourcePolicyRule::kOptional) const {
    Request r;
    r.principal = &p;
    r.action = action;
    r.resource = resource;
    r.resource_account = d.account();
    r.resource_policy = rp;
    r.resource_rule = rule;
    r.context = &ctx;
    r.scps = d.scps();
    r.rcps = d.rcps();
    return evaluate(r);
  }

  void base_context() {
    Context& c = g.base_;
    c.set_unknown_by_default(true);
    set_future_request_times(c, d.now(), KeyState::kControlled);
    c.set_prefix_state("aws:RequestTag/", KeyState::kControlled);
    for (const char* k : {"aws:TagKeys", "sts:RoleSessionName", "sts:SourceIdentity", "sts:ExternalId",
                          "aws:RequestedRegion", "aws:SecureTransport", "iam:AssociatedResourceArn", "lambda:FunctionArn"})
      c.set_controlled(k);
    c.set("aws:ViaAWSService", "false");
    c.set_list("aws:CalledVia", {});
  }

  // The context of one request: the base, plus what the rule step fixes.
  const Context& context(std::string_view passed_to, const Node* target, std::string_view policy_arn, bool created) {
    std::string key = std::string(passed_to) + "|" + (target ? target->arn : "") + "|" + std::string(policy_arn) +
                      (created ? "|new" : "");
    auto it = contexts.find(key);
    if (it != contexts.end()) return *it->second;
    auto c = std::make_unique<Context>(g.base_);
    if (!passed_to.empty()) c->set("iam:PassedToService", std::string(passed_to));
    if (!policy_arn.empty()) c->set("iam:PolicyARN", std::string(policy_arn));
    if (target) {
      // Tags of IAM users and roles are known: an absent tag is absent.
      c->set_prefix_state("aws:ResourceTag/", KeyState::kKnown);
      c->set_prefix_state("iam:ResourceTag/", KeyState::kKnown);
      for (const auto& [k, v] : target->principal.tags) {
        c->set("aws:ResourceTag/" + k, v);
        c->set("iam:ResourceTag/" + k, v);
      }
    }
    if (created) c->set_prefix_state("aws:ResourceTag/", KeyState::kControlled);  // tags it puts on what it makes
    return *contexts.emplace(key, std::move(c)).first->second;
  }

  void index_actions() {
    auto add = [&](std::string_view a) {
      if (action_index.emplace(a, actions.size()).second) actions.push_back(a);
    };
    add("sts:AssumeRole");
    for (const EscalationRule& r : escalation_rules())
      for (const Step& s : r.steps) add(s.action);
    may.assign(d.nodes().size(), std::vector<char>(actions.size(), 0));
    for (std::size_t n = 0; n < d.nodes().size(); ++n) {
      for (const Policy* p : d.node(n).principal.identity_policies) {
        for (const Statement& s : p->statements) {
          if (s.effect != Effect::kAllow) continue;
          for (std::size_t a = 0; a < actions.size(); ++a)
            if (!may[n][a] && s.matches_action(actions[a])) may[n][a] = 1;
        }
      }
    }
  }
  bool may_do(std::size_t n, std::string_view action) const { return may[n][action_index.at(action)]; }

  // ---- administrators

  AdminStatus full_access_of(const Principal& p) const {
    AdminStatus st;
    int worst = 2;
    for (std::string_view a : kSentinels) {
      Evaluation ev = eval(p, a, "*", g.base_);
      worst = std::min(worst, rank(ev.decision));
      if (worst == 0) return AdminStatus{};
      st.evidence.push_back(make_grant(a, "*", ev));
    }
    st.level = AdminLevel::kFullAccess;
    st.conditional = worst == 1;
    return st;
  }

  // Managed policies that make whoever holds them an administrator: allowed
  // everything, or able to write itself any policy (iam:* on *). AWS managed
  // ones exist in every account whether or not the inventory lists them, so
  // AdministratorAccess and IAMFullAccess are always among them: a condition
  // that excludes only AdministratorAccess from iam:PolicyARN still lets the
  // principal attach IAMFullAccess.
  void find_admin_policies() {
    const std::string aws = "arn:" + d.partition() + ":iam::aws:policy/";
    admin_policies = {aws + "AdministratorAccess", aws + "IAMFullAccess"};
    const std::string probe_arn = "arn:" + d.partition() + ":iam::" + d.account() + ":";
    for (const ManagedPolicy& m : d.managed_policies()) {
      if (!m.policy || std::find(admin_policies.begin(), admin_policies.end(), m.arn) != admin_policies.end()) continue;
      Principal probe = make_user(probe_arn + "user/cloudpeek-probe");
      probe.identity_policies = {m.policy};
      AdminStatus st = full_access_of(probe);
      bool writes_itself = eval(probe, "iam:PutUserPolicy", probe_arn + "user/cloudpeek-probe", g.base_).decision ==
                               Decision::kAllowed &&
                           eval(probe, "iam:PutRolePolicy", probe_arn + "role/cloudpeek-probe", g.base_).decision ==
                               Decision::kAllowed;
      if ((st.level == AdminLevel::kFullAccess && !st.conditional) || writes_itself) admin_policies.push_back(m.arn);
    }
  }

  // Can `p` (a user or role of node `self`) give itself everything: put an
  // inline policy into itself or attach an administrator policy to itself.
  // Returns the best decision and its grant.
  std::optional<Grant> grants_itself(const Principal& p, const Node& self) {
    bool user = self.kind == NodeKind::kUser;
    std::optional<Grant> best;
    auto consider = [&](std::string_view action, std::string_view policy_arn) {
      const Context& c = context({}, &self, policy_arn, false);
      Evaluation ev = eval(p, action, self.arn, c);
      if (ev.decision == Decision::kAllowed || ev.decision == Decision::kConditional) {
        if (!best || rank(ev.decision) > rank(best->decision)) best = make_grant(action, self.arn, ev);
      }
    };
    if (empowerable(p.permissions_boundary, self)) consider(user ? "iam:PutUserPolicy" : "iam:PutRolePolicy", {});
    for (const std::string& arn : admin_policies) {
      if (!empowerable(p.permissions_boundary, self)) break;
      if (best && best->decision == Decision::kAllowed) break;
      consider(user ? "iam:AttachUserPolicy" : "iam:AttachRolePolicy", arn);
    }
    AdminStatus full = full_access_of(p);
    if (full.level == AdminLevel::kFullAccess && (!best || (best->decision != Decision::kAllowed && !full.conditional))) {
      best = full.evidence.front();
      best->decision = full.conditional ? Decision::kConditional : Decision::kAllowed;
    }
    return best;
  }

  // Does giving `target` any permission (a policy put into it, attached to it
  // or to its group, a new version of one it holds) make it an administrator?
  // A permissions boundary stays: the principal gets at most what the boundary
  // allows (AWS: the effective permissions are the intersection of the identity
  // policies and the boundary), so only a boundary that admits everything, or
  // one that lets it remove or replace the boundary, leaves the way open.
  //
  // Organization policies stay too: when an SCP or RCP level does not allow
  // everything, no policy the principal gets makes it allowed everything.
  bool empowerable(const Policy* boundary, const Node& target) {
    if (!boundary && !org_capped()) return true;
    auto key = std::make_pair(boundary, &target);
    if (auto it = uncapped.find(key); it != uncapped.end()) return it->second;
    if (!anything) {
      auto parsed = parse_policy(json::parse(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})"),
                                 "any permission");
      if (parsed) anything = std::move(*parsed);
    }
    bool open = !anything;  // cannot tell: never hide a path
    if (anything) {
      Principal probe = target.principal;
      probe.identity_policies = {&*anything};
      probe.permissions_boundary = boundary;
      open = full_access_of(probe).level == AdminLevel::kFullAccess;
      bool user = target.kind == NodeKind::kUser;
      for (std::string_view action : {user ? "iam:DeleteUserPermissionsBoundary" : "iam:DeleteRolePermissionsBoundary",
                                      user ? "iam:PutUserPermissionsBoundary" : "iam:PutRolePermissionsBoundary"}) {
        if (open || !boundary) break;
        open = rank(eval(probe, action, target.arn, context({}, &target, {}, false)).decision) > 0;
      }
    }
    return uncapped.emplace(key, open).first->second;
  }
  // Some SCP or RCP level may not allow everything.
  bool org_capped() const {
    auto capped = [](const OrgPolicies* o) { return o && !o->levels.empty(); };
    return capped(d.scps()) || capped(d.rcps());
  }
  bool empowerable(std::size_t target) { return empowerable(d.node(target).principal.permissions_boundary, d.node(target)); }

  // ---- edges

  Edge& add_edge(std::size_t from, std::size_t to, EdgeKind kind, const EscalationRule* rule, bool empowers,
                 std::vector<Grant> grants, std::string detail, std::vector<std::string> assumptions = {}) {
    Edge e;
    e.from = from;
    e.to = to;
    e.kind = kind;
    e.rule = rule;
    e.empowers = empowers;
    e.conditional = std::any_of(grants.begin(), grants.end(),
                                [](const Grant& gr) { return gr.decision == Decision::kConditional; });
    e.grants = std::move(grants);
    e.detail = std::move(detail);
    e.assumptions = std::move(assumptions);
    g.edges_.push_back(std::move(e));
    return g.edges_.back();
  }

  // Principals a trust policy statement could name for an outsider node.
  std::vector<Principal> standins(const Node& outsider, const Policy& trust) {
    std::vector<Principal> out{outsider.principal};
    for (const Statement& s : trust.statements) {
      for (const std::string& arn : s.principals.arns) {
        if (arn_field(arn, 4) != outsider.account) continue;
        std::string resource = arn_field(arn, 5);
        Principal p;
        if (resource.starts_with("user/")) {
          p = make_user(arn);
        } else if (resource.starts_with("role/")) {
          p = make_role_session(arn);
        } else {
          continue;
        }
        p.identity_policies = outsider.principal.identity_policies;
        p.context.set_unknown("aws:PrincipalOrgID");
        out.push_back(std::move(p));
      }
    }
    return out;
  }

  void assume_edges() {
    const auto& nodes = d.nodes();
    for (std::size_t r = 0; r < nodes.size(); ++r) {
      const Node& role = nodes[r];
      if (role.kind != NodeKind::kRole || !role.trust) continue;
      for (std::size_t p = 0; p < nodes.size(); ++p) {
        if (p == r) continue;
        const Node& who = nodes[p];
        EdgeKind kind = EdgeKind::kAssumeRole;
        std::string_view action = "sts:AssumeRole";
        if (who.kind == NodeKind::kSamlProvider) {
          kind = EdgeKind::kAssumeRoleWithSaml;
          action = "sts:AssumeRoleWithSAML";
        } else if (who.kind == NodeKind::kOidcProvider) {
          kind = EdgeKind::kAssumeRoleWithWebIdentity;
          action = "sts:AssumeRoleWithWebIdentity";
        }
        // Outsiders: the account's root and each principal of it the trust policy names.
        std::vector<Principal> named_outsiders;
        if (who.kind == NodeKind::kExternalAccount) named_outsiders = standins(who, *role.trust);
        std::vector<const Principal*> candidates;
        if (named_outsiders.empty()) {
          candidates.push_back(&who.principal);
        } else {
          for (const Principal& c : named_outsiders) candidates.push_back(&c);
        }
        // Cheap gate: some Allow statement for the action names the principal.
        bool named = false, by_account_only = true;
        for (const Statement& s : role.trust->statements) {
          if (s.effect != Effect::kAllow || !s.has_principal || !s.matches_action(action)) continue;
          for (const Principal* c : candidates) {
            PrincipalMatch m = s.not_principal ? PrincipalMatch::kDirect : match_principal(s.principals, *c);
            if (m == PrincipalMatch::kNone) continue;
            named = true;
            if (m != PrincipalMatch::kAccount) by_account_only = false;
          }
        }
        if (!named) continue;
        // A trust policy that names only the account lets in a user or role of
        // it whose own policies allow the call: none of its Allow statements
        // names sts:AssumeRole, no edge (most principals, most roles).
        if (by_account_only && (who.kind == NodeKind::kUser || who.kind == NodeKind::kRole) && who.internal &&
            !may_do(p, action))
          continue;
        const Context& ctx = provider_context(who);
        std::optional<Grant> best;
        for (const Principal* c : candidates) {
          Evaluation ev = eval(*c, action, role.arn, ctx, role.trust, ResourcePolicyRule::kRequired);
          if (rank(ev.decision) > 0 && (!best || rank(ev.decision) > rank(best->decision)))
            best = make_grant(action, role.arn, ev);
        }
        if (!best) continue;
        std::vector<std::string> assumptions;
        if (!who.internal && (who.kind == NodeKind::kExternalAccount || who.kind == NodeKind::kAnyone))
          assumptions.push_back("the other account's own policies are not visible: taken as allowing the call");
        std::string detail = std::string(action) + " into " + node_label(role);
        std::vector<Grant> grants;
        grants.push_back(std::move(*best));
        add_edge(p, r, kind, nullptr, false, std::move(grants), std::move(detail), std::move(assumptions));
      }
    }
  }

  // Web identity and SAML callers: the audience is what the provider's sign-in
  // flow sets (any caller gets it); other claims (sub, ...) are unknown.
  const Context& provider_context(const Node& who) {
    if (who.kind != NodeKind::kSamlProvider && who.kind != NodeKind::kOidcProvider) return g.base_;
    std::string key = "provider|" + who.arn;
    auto it = contexts.find(key);
    if (it != contexts.end()) return *it->second;
    auto c = std::make_unique<Context>(g.base_);
    if (who.kind == NodeKind::kSamlProvider) c->set_controlled("saml:aud");
    if (who.name == "token.actions.githubusercontent.com") c->set_controlled(who.name + ":aud");
    return *contexts.emplace(key, std::move(c)).first->second;
  }

  // ---- escalation rules

  struct Outcome {
    Decision decision = Decision::kImplicitDeny;
    std::vector<Grant> grants;
  };

  static void combine(Outcome& total, Outcome step) {
    if (total.grants.empty() && total.decision == Decision::kImplicitDeny) total.decision = Decision::kAllowed;
    if (rank(step.decision) < rank(total.decision)) total.decision = step.decision;
    for (Grant& g : step.grants) total.grants.push_back(std::move(g));
  }

  // A principal changed by a first step that is not itself a way to
  // administrator (a user added to a group, a boundary removed): while the rules
  // run again as it, every edge found starts with that step, and is that step's.
  struct Changed {
    const EscalationRule* rule = nullptr;
    std::string what;  // "iam:AddUserToGroup into group deployers"
    Outcome first;
    Principal as;
    bool more_policies = false;  // it holds more policies (not: a boundary less)
  };
  const Changed* changed = nullptr;

  bool may_as(const Principal& p, std::string_view action) const {
    for (const Policy* pol : p.identity_policies)
      for (const Statement& s : pol->statements)
        if (s.effect == Effect::kAllow && s.matches_action(action)) return true;
    return false;
  }

  // Runs every rule again as `c.as` (rules that change the principal again excluded).
  void rules_as(std::size_t src, const Changed& c) {
    changed = &c;
    rules_for(src);
    changed = nullptr;
  }

  std::string fill_fixed(std::string_view arn, std::string_view region) const {
    std::string s(arn);
    replace_all(s, "{partition}", d.partition());
    replace_all(s, "{region}", region.empty() ? kDefaultRegion : region);
    replace_all(s, "{account}", d.account());
    return s;
  }

  // Steps on one resource the principal names: the best ARN they all allow.
  Outcome named_resource(const Principal& p, const std::vector<const Step*>& steps, const Context& ctx,
                         std::string_view format) {
    std::vector<std::string> candidates{format_fill(format, d.partition(), d.account())};
    std::string glob = format_glob(format);
    Lookup lookup(&ctx, &p.context);
    std::string resolved;
    for (const Policy* pol : p.identity_policies) {
      for (const Statement& s : pol->statements) {
        if (s.effect != Effect::kAllow || !s.has_resource || s.not_resource) continue;
        bool relevant = std::any_of(steps.begin(), steps.end(), [&](const Step* st) { return s.matches_action(st->action); });
        if (!relevant) continue;
        for (const Pattern& pat : s.resources) {
          if (pat.is_star() || candidates.size() >= kMaxCandidates) continue;
          pat.resolve(lookup, resolved);
          std::string c = concrete(resolved, d.partition(), d.account());
          if (c.empty() || !glob_match(glob, c)) continue;
          if (std::find(candidates.begin(), candidates.end(), c) == candidates.end()) candidates.push_back(c);
        }
      }
    }
    Outcome best;
    for (const std::string& c : candidates) {
      Outcome o;
      for (const Step* st : steps) {
        Evaluation ev = eval(p, st->action, c, ctx);
        Outcome one{ev.decision, {}};
        one.grants.push_back(make_grant(st->action, c, ev));
        combine(o, std::move(one));
        if (o.decision == Decision::kImplicitDeny || o.decision == Decision::kExplicitDeny) break;
      }
      if (rank(o.decision) > rank(best.decision)) best = std::move(o);
      if (best.decision == Decision::kAllowed) break;
    }
    return best;
  }

  // Every step of `rule` for principal node `src` against `target` (a node,
  // or for groups and policies their ARN), with `workload_arn` for existing
  // workloads ("" when not listed).
  Outcome run_steps(std::size_t src, const EscalationRule& rule, const Node* target_node, std::string_view target_arn,
                    std::string_view workload_arn, std::string_view workload_region) {
    const Principal& p = changed ? changed->as : d.node(src).principal;
    Outcome total;
    std::map<std::string, std::vector<const Step*>> named;  // ARN format → steps on that resource
    for (const Step& st : rule.steps) {
      std::string_view passed_to = st.passes_role ? rule.service : std::string_view{};
      if (st.resource == ResourceOf::kNew || (st.resource == ResourceOf::kWorkload && workload_arn.empty())) {
        std::string service(st.action.substr(0, st.action.find(':')));
        auto format = cat.arn_format(service, st.resource_type);
        named[format ? std::string(*format) : std::string()].push_back(&st);
        continue;
      }
      std::string resource;
      const Node* tags_of = nullptr;
      switch (st.resource) {
        case ResourceOf::kTarget:
          resource = std::string(target_arn);
          tags_of = target_node;
          break;
        case ResourceOf::kWorkload: resource = std::string(workload_arn); break;
        case ResourceOf::kFixed: resource = fill_fixed(st.arn, workload_region); break;
        default: resource = "*"; break;
      }
      Outcome best;
      auto try_one = [&](std::string_view policy_arn) {
        const Context& c = context(passed_to, tags_of, policy_arn, false);
        Evaluation ev = eval(p, st.action, resource, c);
        if (rank(ev.decision) > rank(best.decision) || best.grants.empty()) {
          best = Outcome{ev.decision, {}};
          best.grants.push_back(make_grant(st.action, resource, ev));
        }
      };
      if (st.policy_arn) {
        for (const std::string& arn : admin_policies) {
          try_one(arn);
          if (best.decision == Decision::kAllowed) break;
        }
      } else {
        try_one({});
      }
      if (rank(best.decision) == 0) return Outcome{};
      combine(total, std::move(best));
    }
    for (auto& [format, steps] : named) {
      const Context& c = context({}, nullptr, {}, true);
      Outcome o;
      if (format.empty()) {
        for (const Step* st : steps) {
          Evaluation ev = eval(p, st->action, "*", c);
          Outcome one{ev.decision, {}};
          one.grants.push_back(make_grant(st->action, "*", ev));
          combine(o, std::move(one));
        }
      } else {
        o = named_resource(p, steps, c, format);
      }
      if (rank(o.decision) == 0) return Outcome{};
      combine(total, std::move(o));
    }
    if (total.grants.empty()) return Outcome{};
    return total;
  }

  // Does `service` trust the role (its trust policy lets the service assume it)?
  const std::optional<Grant>& service_may_assume(std::size_t role, std::string_view service) {
    auto key = std::make_pair(role, service);
    auto it = service_trust.find(key);
    if (it != service_trust.end()) return it->second;
    std::optional<Grant> out;
    const Node& r = d.node(role);
    if (r.trust) {
      Principal svc = make_service(std::string(service));
      Context c = g.base_;
      c.set("aws:SourceAccount", d.account());
      c.set_controlled("aws:SourceArn");
      Evaluation ev = eval(svc, "sts:AssumeRole", r.arn, c, r.trust, ResourcePolicyRule::kRequired);
      if (rank(ev.decision) > 0) out = make_grant("sts:AssumeRole", r.arn, ev);
    }
    return service_trust.emplace(key, std::move(out)).first->second;
  }

  bool listed(std::string_view workload) const {
    if (workload == "lambda") return d.functions_listed();
    if (workload == "ec2") return d.instances_listed();
    return false;
  }

  void emit(std::size_t src, std::size_t to, const EscalationRule& rule, bool empowers, Outcome o, std::string detail,
            std::vector<std::string> assumptions) {
    const EscalationRule& first = changed ? *changed->rule : rule;
    if (!seen.emplace(src, to, &first).second) return;
    if (changed) {
      Outcome total = changed->first;
      combine(total, std::move(o));
      o = std::move(total);
      detail = changed->what + ", then " + detail;
      if (!first.assumption.empty()) assumptions.emplace_back(first.assumption);
    }
    if (!rule.assumption.empty()) assumptions.emplace_back(rule.assumption);
    add_edge(src, to, EdgeKind::kEscalation, &first, empowers, std::move(o.grants), std::move(detail),
             std::move(assumptions));
  }

  void rules_for(std::size_t src) {
    seen.clear();  // its keys are this principal's edges
    const Node& me = d.node(src);
    const auto& nodes = d.nodes();
    for (const EscalationRule& rule : escalation_rules()) {
      if (!rule.principals.empty() && rule.principals != (me.kind == NodeKind::kUser ? "user" : "role")) continue;
      auto all = [&](auto&& may_step) { return std::all_of(rule.steps.begin(), rule.steps.end(), may_step); };
      bool possible = all([&](const Step& s) { return changed ? may_as(changed->as, s.action) : may_do(src, s.action); });
      if (!possible) continue;
      // Joined: only the rules its new policies complete (the others ran for the principal itself),
      // which keeps the second run small.
      if (changed && changed->more_policies && all([&](const Step& s) { return may_do(src, s.action); })) continue;
      switch (rule.target) {
        case TargetKind::kUser:
        case TargetKind::kRole: {
          NodeKind want = rule.target == TargetKind::kUser ? NodeKind::kUser : NodeKind::kRole;
          for (std::size_t t = 0; t < nodes.size(); ++t) {
            if (nodes[t].kind != want) continue;
            bool self = t == src;
            if ((self && rule.self == Self::kOthers) || (!self && rule.self == Self::kSelfOnly)) continue;
            bool empowers = rule.yield == Yield::kEmpowerTarget;
            if (empowers && !empowerable(t)) continue;
            Outcome o = run_steps(src, rule, &nodes[t], nodes[t].arn, {}, {});
            if (rank(o.decision) == 0) continue;
            std::string detail = std::string(rule.name) + " on " + node_label(nodes[t]) +
                                 (empowers ? (self ? ": gives itself any permission" : ": makes it an administrator")
                                           : ": acts as it");
            emit(src, t, rule, empowers, std::move(o), std::move(detail), {});
          }
          break;
        }
        case TargetKind::kGroup: {
          for (const Group& grp : d.groups()) {
            bool member = std::find(grp.members.begin(), grp.members.end(), src) != grp.members.end();
            if (rule.yield == Yield::kJoinGroup) {
              if (member || changed) continue;
              Outcome o = run_steps(src, rule, nullptr, grp.arn, {}, {});
              if (rank(o.decision) == 0) continue;
              Principal joined = me.principal;
              joined.identity_policies = d.policies_with_group(src, grp);
              std::optional<Grant> admin = grants_itself(joined, me);
              if (!admin) {
                // Not an administrator by itself: a way on from there, with the group's policies.
                bool adds = false;
                for (const Policy* pol : grp.policies)
                  for (const Statement& st : pol->statements)
                    for (std::size_t a = 0; st.effect == Effect::kAllow && !adds && a < actions.size(); ++a)
                      adds = !may[src][a] && st.matches_action(actions[a]);
                if (adds) rules_as(src, Changed{&rule, std::string(rule.name) + " into group " + grp.name, std::move(o),
                                                std::move(joined), true});
                continue;
              }
              Outcome step{admin->decision, {}};
              step.grants.push_back(std::move(*admin));
              combine(o, std::move(step));
              emit(src, src, rule, true, std::move(o),
                   std::string(rule.name) + " into group " + grp.name + ": its policies make the user an administrator",
                   {});
              continue;
            }
            if (!member && rule.self == Self::kSelfOnly) continue;
            Outcome o = run_steps(src, rule, nullptr, grp.arn, {}, {});
            if (rank(o.decision) == 0) continue;
            for (std::size_t m : grp.members) {
              if (!empowerable(m)) continue;
              std::string detail = std::string(rule.name) + " on group " + grp.name + ": makes its member " +
                                   node_label(nodes[m]) + " an administrator";
              emit(src, m, rule, true, o, std::move(detail), {});
            }
          }
          break;
        }
        case TargetKind::kPolicy: {
          for (const ManagedPolicy& m : d.managed_policies()) {
            if (m.aws_managed) continue;
            std::vector<std::size_t> affected = m.users;
            for (std::size_t r : m.roles) affected.push_back(r);
            for (std::size_t gi : m.groups)
              for (std::size_t u : d.groups()[gi].members) affected.push_back(u);
            if (affected.empty()) continue;
            Outcome o = run_steps(src, rule, nullptr, m.arn, {}, {});
            if (rank(o.decision) == 0) continue;
            for (std::size_t t : affected) {
              if (!empowerable(t)) continue;
              std::string detail = std::string(rule.name) + " on policy " + m.name + " (attached to " +
                                   node_label(nodes[t]) + "): " +
                                   (t == src ? "gives itself any permission" : "makes it an administrator");
              emit(src, t, rule, true, o, std::move(detail), {});
            }
          }
          break;
        }
        case TargetKind::kServiceRole: {
          for (std::size_t t = 0; t < nodes.size(); ++t) {
            if (nodes[t].kind != NodeKind::kRole || t == src) continue;
            const std::optional<Grant>& trust = service_may_assume(t, rule.service);
            if (!trust) continue;
            Outcome o = run_steps(src, rule, &nodes[t], nodes[t].arn, {}, {});
            if (rank(o.decision) == 0) continue;
            combine(o, Outcome{trust->decision, {*trust}});
            std::vector<std::string> assumptions;
            if (rule.service == "ec2.amazonaws.com" && nodes[t].instance_profiles.empty())
              assumptions.push_back("no instance profile of role " + nodes[t].name +
                                    " is known: assumes one exists or can be made");
            emit(src, t, rule, false, std::move(o),
                 std::string(rule.name) + ": passes " + node_label(nodes[t]) + " to " + std::string(rule.service) +
                     " and runs its own code as it",
                 std::move(assumptions));
          }
          break;
        }
        case TargetKind::kWorkload: {
          std::set<std::size_t> done;
          if (listed(rule.workload)) {
            for (const Workload& w : d.workloads()) {
              if (w.kind != rule.workload || w.role_arn.empty()) continue;
              auto t = d.find(w.role_arn);
              if (!t || *t == src || done.count(*t)) continue;
              Outcome o = run_steps(src, rule, &nodes[*t], nodes[*t].arn, w.arn, w.region);
              if (rank(o.decision) == 0) continue;
              done.insert(*t);
              emit(src, *t, rule, false, std::move(o),
                   std::string(rule.name) + " on " + w.arn + ", which runs as " + node_label(nodes[*t]), {});
            }
          }
          // Workloads CloudPeek does not list, or whose role it does not know:
          // any role the service may assume could have one.
          bool unknown_roles = !listed(rule.workload) ||
                               std::any_of(d.workloads().begin(), d.workloads().end(), [&](const Workload& w) {
                                 return w.kind == rule.workload && w.role_arn.empty();
                               });
          if (!unknown_roles) break;
          for (std::size_t t = 0; t < nodes.size(); ++t) {
            if (nodes[t].kind != NodeKind::kRole || t == src || done.count(t)) continue;
            const std::optional<Grant>& trust = service_may_assume(t, rule.service);
            if (!trust) continue;
            Outcome o = run_steps(src, rule, &nodes[t], nodes[t].arn, {}, {});
            if (rank(o.decision) == 0) continue;
            emit(src, t, rule, false, std::move(o),
                 std::string(rule.name) + " on a " + std::string(rule.workload) + " running as " + node_label(nodes[t]),
                 {"assumes a " + std::string(rule.workload) + " running as role " + nodes[t].name +
                  " exists (CloudPeek does not list them or their roles)"});
          }
          break;
        }
        case TargetKind::kSelf: {
          if (!me.principal.permissions_boundary || changed) break;
          Outcome o = run_steps(src, rule, &me, me.arn, {}, {});
          if (rank(o.decision) == 0) break;
          Principal unbounded = me.principal;
          unbounded.permissions_boundary = nullptr;
          std::optional<Grant> admin = grants_itself(unbounded, me);
          if (!admin) {
            // Not an administrator by itself: a way on from there, unbounded.
            rules_as(src, Changed{&rule, std::string(rule.name) + " (removes its permissions boundary)", std::move(o),
                                  std::move(unbounded)});
            break;
          }
          combine(o, Outcome{admin->decision, {*admin}});
          emit(src, src, rule, true, std::move(o),
               std::string(rule.name) + ": without its boundary its policies make it an administrator", {});
          break;
        }
      }
    }
  }
};

std::unique_ptr<Graph> Graph::build(const AuthorizationData& data) {
  std::unique_ptr<Graph> g(new Graph());
  g->data_ = &data;
  Impl impl(*g, data);
  impl.base_context();
  impl.index_actions();
  impl.find_admin_policies();
  const std::size_t n = data.nodes().size();
  g->full_.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    if (data.node(i).internal) g->full_[i] = impl.full_access_of(data.node(i).principal);
  impl.assume_edges();
  for (std::size_t i = 0; i < n; ++i) {
    const Node& node = data.node(i);
    // An administrator has nowhere to escalate to: its edges would never be on a path.
    const AdminStatus& full = g->full_[i];
    if (full.level == AdminLevel::kFullAccess && !full.conditional) continue;
    if (node.kind == NodeKind::kUser || node.kind == NodeKind::kRole) impl.rules_for(i);
  }
  // Counting sort of the edge indexes by `from` and by `to` (in edge order).
  auto index = [&](std::vector<std::size_t>& offsets, std::vector<std::size_t>& edges, std::size_t Edge::*end) {
    offsets.assign(n + 1, 0);
    for (const Edge& e : g->edges_) ++offsets[e.*end + 1];
    for (std::size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
    edges.resize(g->edges_.size());
    std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
    for (std::size_t e = 0; e < g->edges_.size(); ++e) edges[next[g->edges_[e].*end]++] = e;
  };
  index(g->out_offsets_, g->out_edges_, &Edge::from);
  index(g->in_offsets_, g->in_edges_, &Edge::to);
  g->arcs_.reserve(g->out_edges_.size());
  for (std::size_t e : g->out_edges_) {
    const Edge& edge = g->edges_[e];
    g->arcs_.push_back({static_cast<std::uint32_t>(edge.to), static_cast<std::uint32_t>(e), edge.empowers, edge.conditional});
  }
  return g;
}

std::span<const Graph::Arc> Graph::arcs(std::size_t node) const {
  return std::span(arcs_).subspan(out_offsets_[node], out_offsets_[node + 1] - out_offsets_[node]);
}

std::span<const std::size_t> Graph::out(std::size_t node) const {
  return std::span(out_edges_).subspan(out_offsets_[node], out_offsets_[node + 1] - out_offsets_[node]);
}
std::span<const std::size_t> Graph::in(std::size_t node) const {
  return std::span(in_edges_).subspan(in_offsets_[node], in_offsets_[node + 1] - in_offsets_[node]);
}

AdminStatus is_admin(const Graph& graph, std::size_t node) {
  AdminStatus st = graph.full_access(node);
  if (st.level == AdminLevel::kFullAccess && !st.conditional) return st;
  for (std::size_t e : graph.out(node)) {
    const Edge& edge = graph.edges()[e];
    if (!edge.empowers || edge.to != node) continue;
    if (st.level == AdminLevel::kNo || (st.conditional && !edge.conditional)) {
      st = AdminStatus{AdminLevel::kGrantsItself, edge.conditional, {}, &edge};
      if (!edge.conditional) break;
    }
  }
  return st;
}

namespace {

struct Bfs {
  std::vector<std::size_t> dist;
  std::vector<const Edge*> parent;
  std::vector<char> conditional;  // a conditional edge on the tree path from the source
};

constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

Bfs bfs(const Graph& g, std::size_t from, bool conditional) {
  Bfs b;
  const std::size_t n = g.data().nodes().size();
  b.dist.assign(n, kUnreached);
  b.parent.assign(n, nullptr);
  b.conditional.assign(n, 0);
  std::deque<std::size_t> q{from};
  b.dist[from] = 0;
  while (!q.empty()) {
    std::size_t u = q.front();
    q.pop_front();
    // An administrator is the end of a path: nothing beyond it is shorter.
    if (u != from && g.full_access(u).level == AdminLevel::kFullAccess && !g.full_access(u).conditional) continue;
    for (const Graph::Arc& a : g.arcs(u)) {
      if (a.empowers || (a.conditional && !conditional) || b.dist[a.to] != kUnreached) continue;
      b.dist[a.to] = b.dist[u] + 1;
      b.parent[a.to] = &g.edges()[a.edge];
      b.conditional[a.to] = b.conditional[u] || a.conditional;
      q.push_back(a.to);
    }
  }
  return b;
}

std::vector<const Edge*> chain(const Bfs& b, std::size_t to) {
  std::vector<const Edge*> out;
  for (std::size_t n = to; b.parent[n]; n = b.parent[n]->from) out.push_back(b.parent[n]);
  std::reverse(out.begin(), out.end());
  return out;
}

// A path not yet written out: the tree path to `at`, then `via` (if any), then
// the tree path to `via->to` when `via` empowers someone else. Ranking needs
// only the cost and whether a step is conditional; the steps and the summary
// are made for the paths returned (a principal that can reach many others
// has thousands of candidates).
struct Candidate {
  std::size_t cost = 0;
  bool conditional = false;
  const Bfs* tree = nullptr;
  std::size_t at = 0;
  const Edge* via = nullptr;
  bool then_chain = false;
  std::size_t end = 0;
};

std::vector<const Edge*> steps_of(const Candidate& c) {
  std::vector<const Edge*> steps = chain(*c.tree, c.at);
  if (c.via) steps.push_back(c.via);
  if (c.then_chain)
    for (const Edge* s : chain(*c.tree, c.via->to)) steps.push_back(s);
  return steps;
}

void finish(const Graph& g, Path& p) {
  p.conditional = std::any_of(p.steps.begin(), p.steps.end(), [](const Edge* e) { return e->conditional; });
  if (p.steps.empty()) p.conditional = g.full_access(p.end).conditional;
  std::string s;
  if (!p.steps.empty()) s = node_label(g.data().node(p.steps.front()->from));
  else s = node_label(g.data().node(p.end));
  for (const Edge* e : p.steps) {
    s += " -> ";
    s += e->rule ? std::string(e->rule->id) : std::string(to_string(e->kind));
    s += " -> ";
    s += node_label(g.data().node(e->to));
    if (e->empowers) s += e->to == e->from ? " (gives itself everything)" : " (made an administrator)";
  }
  p.summary = std::move(s);
}

}  // namespace

std::vector<Path> paths(const Graph& g, std::size_t from, std::size_t to, std::size_t limit) {
  if (limit == 0) return {};
  // The best `limit` candidates so far, best first, in the order found among
  // equals: unconditional before conditional, then fewer steps.
  std::vector<Candidate> best;
  auto key = [](const Candidate& c) { return std::pair(c.conditional, c.cost); };
  Bfs trees[2];
  const std::size_t n = g.data().nodes().size();
  for (bool conditional : {false, true}) {
    // Enough unconditional paths: the second pass (through conditional edges)
    // finds only conditional ones, or again one of the first pass's.
    if (conditional && best.size() >= limit && !best.back().conditional) break;
    const Bfs& b = trees[conditional] = bfs(g, from, conditional);
    auto on_tree = [&](std::size_t x) { return b.dist[x] != 0 && b.conditional[x]; };
    // As finish() decides it: a step is conditional, or (no step) the administrator is.
    auto add = [&](Candidate c) {
      c.tree = &b;
      if (!conditional && c.conditional) return;  // the second pass finds it
      auto pos = std::upper_bound(best.begin(), best.end(), c,
                                  [&](const Candidate& a, const Candidate& x) { return key(a) < key(x); });
      if (best.size() >= limit && pos == best.end()) return;
      // The same steps can be found twice (the second pass again, or a step
      // to `to` that is also its tree path): the first counts.
      if (pos != best.begin() && key(*(pos - 1)) == key(c)) {
        std::vector<const Edge*> steps = steps_of(c);
        for (auto it = pos; it != best.begin() && key(*(it - 1)) == key(c); --it)
          if (steps_of(*(it - 1)) == steps) return;
      }
      best.insert(pos, c);
      if (best.size() > limit) best.pop_back();
    };
    for (std::size_t x = 0; x < n; ++x) {
      if (b.dist[x] == kUnreached) continue;
      if (to != kAdmin) {
        if (x == to && x != from) add({b.dist[x], on_tree(x), nullptr, x, nullptr, false, x});
        for (const Graph::Arc& a : g.arcs(x)) {
          if (a.empowers || a.to != to || x == to || (a.conditional && !conditional)) continue;
          const Edge& e = g.edges()[a.edge];
          bool passes_to = false;
          for (std::size_t y = x; b.parent[y]; y = b.parent[y]->from)
            if (b.parent[y]->from == to) passes_to = true;
          if (passes_to) continue;
          add({b.dist[x] + 1, on_tree(x) || e.conditional, nullptr, x, &e, false, to});
        }
        continue;
      }
      const AdminStatus& full = g.full_access(x);
      if (full.level == AdminLevel::kFullAccess && (conditional || !full.conditional)) {
        bool cond = b.dist[x] == 0 ? full.conditional : on_tree(x);
        add({b.dist[x], cond, nullptr, x, nullptr, false, x});
        if (!full.conditional) continue;
      }
      for (const Graph::Arc& a : g.arcs(x)) {
        if (!a.empowers || (a.conditional && !conditional)) continue;
        if (a.to == x) {
          add({b.dist[x] + 1, on_tree(x) || a.conditional, nullptr, x, &g.edges()[a.edge], false, x});
        } else if (b.dist[a.to] != kUnreached) {
          add({b.dist[x] + 1 + b.dist[a.to], on_tree(x) || a.conditional || on_tree(a.to), nullptr, x, &g.edges()[a.edge],
               true, a.to});
        }
      }
    }
  }
  std::vector<Path> out;
  for (const Candidate& c : best) {
    Path p{steps_of(c), false, c.end, {}};
    finish(g, p);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<WhoCan> who_can(const Graph& g, std::string_view action, std::string_view resource,
                            const Policy* resource_policy, ResourcePolicyRule rule) {
  const AuthorizationData& d = g.data();
  if (!resource_policy) {
    if (auto role = d.find(resource); role && d.node(*role).kind == NodeKind::kRole &&
                                      lower(action).starts_with("sts:assumerole")) {
      resource_policy = d.node(*role).trust;
      rule = ResourcePolicyRule::kRequired;
    }
  }
  std::vector<WhoCan> out;
  for (std::size_t i = 0; i < d.nodes().size(); ++i) {
    const Node& n = d.node(i);
    if (!n.internal && !resource_policy) continue;
    Request r;
    r.principal = &n.principal;
    r.action = action;
    r.resource = resource;
    r.resource_account = d.account();
    r.resource_policy = resource_policy;
    r.resource_rule = rule;
    r.context = &g.context();
    r.scps = d.scps();
    r.rcps = d.rcps();
    Evaluation ev = evaluate(r);
    if (!n.internal && rank(ev.decision) == 0) continue;  // outsiders: only those let in
    Grant gr = make_grant(action, resource, ev);
    out.push_back(WhoCan{i, ev.decision, std::move(gr.statements), std::move(gr.conditions), describe(ev)});
  }
  return out;
}

std::string describe(const Graph& g, const Path& path) {
  const AuthorizationData& d = g.data();
  if (path.steps.empty()) {
    return node_label(d.node(path.end)) + " is an administrator: allowed everything" +
           (path.conditional ? " (conditionally)" : "");
  }
  std::string out;
  int i = 1;
  for (const Edge* e : path.steps) {
    out += std::to_string(i++) + ". " + node_label(d.node(e->from)) + ": " + e->detail;
    if (e->conditional) out += " [conditional]";
    out += "\n";
    for (const Grant& gr : e->grants) {
      out += "   " + gr.action + " on " + gr.resource + ": " + std::string(to_string(gr.decision)) + "\n";
      for (const StatementRef& s : gr.statements) out += "     allowed by " + describe(s) + "\n";
      for (const std::string& c : gr.conditions) out += "     conditional on " + c + "\n";
      for (const std::string& c : gr.controlled) out += "     holds for a value it chooses: " + c + "\n";
    }
    for (const std::string& a : e->assumptions) out += "   " + a + "\n";
  }
  const Edge* last = path.steps.back();
  if (!last->empowers) {
    const AdminStatus& full = g.full_access(path.end);
    if (full.level == AdminLevel::kFullAccess) out += node_label(d.node(path.end)) + " is allowed everything\n";
  }
  return out;
}

}  // namespace cloudpeek::iam
