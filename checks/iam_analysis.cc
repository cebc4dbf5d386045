#include "checks/iam_analysis.h"

#include <algorithm>
#include <atomic>
#include <mutex>

namespace cloudpeek::checks {

IamAnalysis::IamAnalysis(iam::AuthorizationData d) : data(std::move(d)), graph(iam::Graph::build(data)) {}

const std::vector<std::string>& iam_listing_types() {
  static const std::vector<std::string> t = {
      std::string(iam::inventory_type::kUser),   std::string(iam::inventory_type::kGroup),
      std::string(iam::inventory_type::kRole),   std::string(iam::inventory_type::kPolicy),
      std::string(iam::inventory_type::kInlinePolicy)};
  return t;
}

const std::vector<std::string>& iam_graph_raw_types() {
  static const std::vector<std::string> t = {std::string(iam::inventory_type::kUser),
                                             std::string(iam::inventory_type::kRole)};
  return t;
}

const std::vector<std::string>& iam_graph_types() {
  static const std::vector<std::string> t = [] {
    std::vector<std::string> v = iam_listing_types();
    for (auto x : {iam::inventory_type::kRoot, iam::inventory_type::kSamlProvider, iam::inventory_type::kOidcProvider,
                   iam::inventory_type::kLambdaFunction, iam::inventory_type::kEc2Instance,
                   iam::inventory_type::kServiceControlPolicies, iam::inventory_type::kResourceControlPolicies})
      v.emplace_back(x);
    return v;
  }();
  return t;
}

std::optional<std::string> iam_listing_gap(const Inventory& inventory, const std::vector<std::string>& types) {
  for (const auto& t : types)
    if (auto why = inventory.gap_any_region(t)) return "the " + t + " listing is incomplete (" + *why + ")";
  return std::nullopt;
}

std::optional<std::string> undercounted(const iam::Node& node) {
  for (const auto& n : node.notes)
    if (n.find("are not counted") != std::string::npos) return n;
  return std::nullopt;
}

namespace {

// What identifies one state of an inventory's IAM data: its generation (an
// address alone can be reused by a new inventory). The address is kept to
// release an inventory's entries when its checks are done.
struct Key {
  const Inventory* inventory = nullptr;
  std::uint64_t generation = 0;
};

Key key_of(const Inventory& inv) { return Key{&inv, inv.generation()}; }

struct Memo {
  std::mutex mu;
  std::vector<std::pair<Key, std::shared_ptr<const IamAnalysis>>> entries;  // most recent last; at most kKeep
  std::atomic<std::size_t> builds{0};
};
constexpr std::size_t kKeep = 2;

Memo& memo() {
  static Memo m;
  return m;
}

}  // namespace

std::shared_ptr<const IamAnalysis> iam_analysis(const Inventory& inventory) {
  Memo& m = memo();
  Key key = key_of(inventory);
  // Built under the lock: the threads that ask for the same inventory wait for
  // the one build instead of each making their own.
  std::lock_guard lock(m.mu);
  for (auto& [k, a] : m.entries)
    if (k.generation == key.generation) return a;
  auto built = std::make_shared<const IamAnalysis>(iam::AuthorizationData::build(inventory));
  ++m.builds;
  if (m.entries.size() >= kKeep) m.entries.erase(m.entries.begin());
  m.entries.emplace_back(std::move(key), built);
  return built;
}

std::size_t iam_analysis_builds() { return memo().builds.load(); }

std::size_t iam_analyses_held() {
  std::lock_guard lock(memo().mu);
  return memo().entries.size();
}

namespace {

void release_analyses_of(const Inventory& inventory) {
  Memo& m = memo();
  std::vector<std::shared_ptr<const IamAnalysis>> released;  // freed after the lock
  std::lock_guard lock(m.mu);
  std::erase_if(m.entries, [&](auto& e) {
    if (e.first.inventory != &inventory) return false;
    released.push_back(std::move(e.second));
    return true;
  });
}

const RegisterSharedAnalysis release_registration(&release_analyses_of);

}  // namespace

}  // namespace cloudpeek::checks

namespace cloudpeek::checks {

namespace {

std::string kind_label(const Resource& r) { return r.type == iam::inventory_type::kRole ? "Role" : "User"; }

// The distinct statements behind some grants, in words.
std::vector<std::string> statements_of(const std::vector<iam::Grant>& grants) {
  std::vector<std::string> out;
  for (const auto& g : grants)
    for (const auto& s : g.statements) {
      std::string d = iam::describe(s);
      if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
    }
  return out;
}

std::vector<std::string> conditions_of(const std::vector<iam::Grant>& grants) {
  std::vector<std::string> out;
  for (const auto& g : grants)
    for (const auto& c : g.conditions)
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  return out;
}

std::string joined(const std::vector<std::string>& v, const char* sep = "; ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// The analysis and the node of a user or role, or why it cannot be assessed.
struct Located {
  std::shared_ptr<const IamAnalysis> analysis;
  std::size_t node = 0;
  std::string why;
};

Located locate(const Resource& r, const Inventory& inv, const std::vector<std::string>& gap_types) {
  Located l;
  if (auto gap = iam_listing_gap(inv, gap_types)) {
    l.why = *gap;
    return l;
  }
  auto a = iam_analysis(inv);
  auto n = a->data.find(r.arn);
  if (!n) {
    l.why = kind_label(r) + " " + r.name + " is not among the principals the IAM analysis read";
    return l;
  }
  l.analysis = std::move(a);
  l.node = *n;
  return l;
}

// "Organization policies considered / not considered", for every verdict.
std::string org_notes(const iam::AuthorizationData& d) { return d.scp_note() + " " + d.rcp_note(); }

// A path whose one step is the principal giving itself everything: the
// effective administrator check reports it.
bool self_grant(const iam::Path& p) {
  return p.steps.size() == 1 && p.steps[0]->empowers && p.steps[0]->to == p.steps[0]->from;
}

// "iam:PutUserPolicy on itself (identity-based policy X, statement 0)", for each request of a self-grant edge.
std::string self_grant_how(const iam::AuthorizationData& d, const iam::Edge& e) {
  std::vector<std::string> parts;
  const std::string& self = d.node(e.from).arn;
  for (const auto& g : e.grants) {
    std::string part = g.action + " on " + (g.resource == self ? std::string("itself") : g.resource);
    std::vector<std::string> st = statements_of({g});
    if (!st.empty()) part += " (" + joined(st) + ")";
    parts.push_back(std::move(part));
  }
  return joined(parts, ", then ");
}

}  // namespace

// "Admin" as issue 10 defines it: can do everything, or can grant itself
// everything in one step on itself (put or attach a policy into itself, a new
// default version of a policy it holds, join an administrators' group, remove
// its own boundary; iam:* on * does). A principal that needs another principal
// or resource to get there is the escalation check's.
CheckResult effective_admin_result(const Resource& r, const Inventory& inv) {
  Located l = locate(r, inv, iam_listing_types());
  if (!l.analysis) return not_assessed(l.why);
  const iam::Graph& g = *l.analysis->graph;
  const iam::AdminStatus& full = g.full_access(l.node);
  const iam::AdminStatus admin = iam::is_admin(g, l.node);
  const std::string who = kind_label(r) + " " + r.name;
  const std::string notes = org_notes(l.analysis->data);
  if (full.level == iam::AdminLevel::kFullAccess && (!full.conditional || admin.level == iam::AdminLevel::kFullAccess)) {
    std::string detail = who + " is allowed every action on every resource";
    if (full.conditional) detail += ", conditionally (on: " + joined(conditions_of(full.evidence)) + ")";
    return fail(detail + ". Granted by: " + joined(statements_of(full.evidence)) + ". " + notes);
  }
  if (admin.level == iam::AdminLevel::kGrantsItself && admin.self_grant) {
    const iam::Edge& e = *admin.self_grant;
    std::string detail = who + (admin.conditional ? " can conditionally grant itself everything: " : " can grant itself everything: ") +
                         self_grant_how(l.analysis->data, e) + " — " + e.detail;
    if (admin.conditional) detail += ". Conditional on " + joined(conditions_of(e.grants));
    return fail(detail + ". " + notes);
  }
  if (auto under = undercounted(l.analysis->data.node(l.node)))
    return not_assessed(who + ": " + *under);
  return pass(who + " is not allowed every action on every resource and cannot grant itself everything. " + notes);
}

CheckResult escalation_result(const Resource& r, const Inventory& inv) {
  Located l = locate(r, inv, iam_listing_types());
  if (!l.analysis) return not_assessed(l.why);
  const iam::Graph& g = *l.analysis->graph;
  const std::string who = kind_label(r) + " " + r.name;
  const std::string notes = org_notes(l.analysis->data);
  const iam::AdminStatus admin = iam::is_admin(g, l.node);
  if (admin.level != iam::AdminLevel::kNo && !admin.conditional)
    return pass(who + (admin.level == iam::AdminLevel::kFullAccess ? " is already allowed everything"
                                                                   : " can already grant itself everything") +
                " (see the effective administrator check); it has nothing to escalate to. " + notes);
  for (const iam::Path& p : iam::paths(g, l.node, iam::kAdmin, 3)) {
    // Conditionally allowed everything, or conditionally giving itself everything: the effective-admin check says so.
    if (p.steps.empty() || self_grant(p)) continue;
    std::string detail = who + (p.conditional ? " can conditionally escalate to administrator" : " can escalate to administrator") +
                         " in " + std::to_string(p.steps.size()) + (p.steps.size() == 1 ? " step" : " steps") + ": " +
                         p.summary + ".";
    if (p.conditional) {
      std::vector<std::string> conds;
      for (const iam::Edge* e : p.steps)
        for (const auto& c : conditions_of(e->grants))
          if (std::find(conds.begin(), conds.end(), c) == conds.end()) conds.push_back(c);
      detail += " Conditional on " + joined(conds) + ".";
    }
    return fail(detail + " " + notes + "\n" + iam::describe(g, p));
  }
  if (auto under = undercounted(l.analysis->data.node(l.node))) return not_assessed(who + ": " + *under);
  return pass(who + " has no path to administrator" +
              (admin.level != iam::AdminLevel::kNo ? " other than the conditional one the effective administrator check reports" : "") +
              ". " + notes);
}

CheckResult public_trust_result(const Resource& r, const Inventory& inv) {
  if (auto why = r.missing_reason("trust_policy")) return not_assessed(*why);
  auto a = iam_analysis(inv);
  auto n = a->data.find(r.arn);
  if (!n || !a->data.node(*n).trust) return not_assessed("trust policy of role " + r.name + " not collected or not readable");
  const iam::Graph& g = *a->graph;
  auto anyone = a->data.find("*");
  if (anyone && a->data.node(*anyone).kind == iam::NodeKind::kAnyone) {
    const iam::Edge* conditional = nullptr;
    for (std::size_t e : g.in(*n)) {
      const iam::Edge& edge = g.edges()[e];
      if (edge.from != *anyone || edge.kind != iam::EdgeKind::kAssumeRole) continue;
      if (!edge.conditional)
        return fail("Role " + r.name + " can be assumed by any AWS principal of any account, without a condition that restricts who: " +
                    joined(statements_of(edge.grants)) + ".");
      conditional = &edge;
    }
    if (conditional)
      return pass("Role " + r.name + " trusts any AWS principal only under conditions: " +
                  joined(conditions_of(conditional->grants)) + ".");
  }
  return pass("Role " + r.name + " does not trust every principal without a condition.");
}

}  // namespace cloudpeek::checks
