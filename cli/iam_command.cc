#include "cli/iam_command.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "aws/identity/caller_identity.h"
#include "cli/auth_check.h"
#include "cli/resources_file.h"
#include "collect/collector.h"
#include "iam/authorization_data.h"
#include "iam/catalogue.h"
#include "iam/escalation_rules.h"
#include "iam/graph.h"
#include "scan/engine.h"

namespace cloudpeek::cli {

namespace {

using ojson = nlohmann::ordered_json;
using iam::AuthorizationData;
using iam::Graph;
using iam::Node;
using iam::NodeKind;

constexpr int kOk = 0;
constexpr int kUsage = 1;
constexpr int kNotCollected = 2;

// ---- names -----------------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The candidates closest to `wanted` (case-insensitive): those containing it or
// contained in it first, then those within a few edits, at most `limit`.
std::vector<std::string> close_matches(std::string_view wanted, const std::vector<std::string>& candidates,
                                       std::size_t limit = 5) {
  std::string w = lower(wanted);
  std::vector<std::pair<std::size_t, std::string>> scored;
  std::set<std::string> seen;
  for (const auto& c : candidates) {
    if (c.empty() || !seen.insert(c).second) continue;
    std::string l = lower(c);
    std::size_t d = edit_distance(w, l);
    bool contains = w.size() >= 3 && (l.find(w) != std::string::npos || w.find(l) != std::string::npos);
    std::size_t tolerance = std::max<std::size_t>(2, w.size() / 3);
    if (contains) d = std::min<std::size_t>(d, 1);
    if (d <= tolerance) scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [d, c] : scored) {
    if (out.size() >= limit) break;
    out.push_back(std::move(c));
  }
  return out;
}

std::string kind_id(NodeKind k) {
  switch (k) {
    case NodeKind::kUser: return "user";
    case NodeKind::kRole: return "role";
    case NodeKind::kRoot: return "root";
    case NodeKind::kSamlProvider: return "saml_provider";
    case NodeKind::kOidcProvider: return "oidc_provider";
    case NodeKind::kExternalAccount: return "external_account";
    case NodeKind::kAnyone: return "anyone";
  }
  return "";
}

std::string decision_id(iam::Decision d) {
  switch (d) {
    case iam::Decision::kAllowed: return "allowed";
    case iam::Decision::kExplicitDeny: return "explicit_deny";
    case iam::Decision::kImplicitDeny: return "implicit_deny";
    case iam::Decision::kConditional: return "conditional";
  }
  return "";
}

std::string edge_kind_id(iam::EdgeKind k) {
  switch (k) {
    case iam::EdgeKind::kAssumeRole: return "assume_role";
    case iam::EdgeKind::kAssumeRoleWithSaml: return "assume_role_with_saml";
    case iam::EdgeKind::kAssumeRoleWithWebIdentity: return "assume_role_with_web_identity";
    case iam::EdgeKind::kEscalation: return "escalation";
  }
  return "";
}

std::string policy_kind_id(iam::PolicyKind k) {
  switch (k) {
    case iam::PolicyKind::kIdentity: return "identity";
    case iam::PolicyKind::kPermissionsBoundary: return "permissions_boundary";
    case iam::PolicyKind::kSession: return "session";
    case iam::PolicyKind::kResource: return "resource";
    case iam::PolicyKind::kScp: return "scp";
    case iam::PolicyKind::kRcp: return "rcp";
  }
  return "";
}

// "user alice", "role AWSReservedSSO_Admin_0123 (permission set Admin)", "external account 999988887777".
std::string label(const Node& n) {
  if (n.kind == NodeKind::kRoot) return "root user of " + n.account;
  std::string out = std::string(iam::to_string(n.kind)) + " " + n.name;
  if (!n.permission_set.empty()) out += " (permission set " + n.permission_set + ")";
  return out;
}

ojson principal_json(const Node& n) {
  ojson j;
  j["type"] = kind_id(n.kind);
  j["name"] = n.name;
  j["arn"] = n.arn;
  j["account"] = n.account;
  j["permission_set"] = n.permission_set.empty() ? ojson(nullptr) : ojson(n.permission_set);
  return j;
}

ojson statement_ref_json(const iam::StatementRef& s) {
  ojson j;
  j["policy"] = s.policy ? s.policy->name : "";
  j["kind"] = policy_kind_id(s.kind);
  j["statement"] = s.statement ? ojson(s.statement->index) : ojson(nullptr);
  j["sid"] = s.statement ? s.statement->sid : "";
  j["text"] = iam::describe(s);
  return j;
}

ojson statement_refs_json(const std::vector<iam::StatementRef>& refs) {
  ojson a = ojson::array();
  for (const auto& r : refs) a.push_back(statement_ref_json(r));
  return a;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

// ---- resolving what the user named ---------------------------------------------------

struct Resolved {
  std::optional<std::size_t> node;
  std::string error;  // when not found: what was not, and the close matches
};

Resolved resolve_principal(const AuthorizationData& d, const std::string& wanted) {
  if (auto i = d.find(wanted)) return {i, {}};
  // "user/NAME", "role/NAME": when a user and a role share a name.
  for (auto [prefix, kind] : {std::pair{"user/", NodeKind::kUser}, std::pair{"role/", NodeKind::kRole}}) {
    if (!wanted.starts_with(prefix)) continue;
    std::string name = wanted.substr(std::string_view(prefix).size());
    for (std::size_t i = 0; i < d.nodes().size(); ++i)
      if (d.node(i).kind == kind && d.node(i).internal && d.node(i).name == name) return {i, {}};
  }
  // A role session ARN (what `auth check` prints): the role.
  if (auto at = wanted.find(":assumed-role/"); at != std::string::npos) {
    std::string rest = wanted.substr(at + 14);
    std::string role = rest.substr(0, rest.find('/'));
    for (std::size_t i = 0; i < d.nodes().size(); ++i)
      if (d.node(i).kind == NodeKind::kRole && d.node(i).name == role) return {i, {}};
  }
  // IAM names are unique regardless of case.
  std::string w = lower(wanted);
  for (std::size_t i = 0; i < d.nodes().size(); ++i) {
    const Node& n = d.node(i);
    if (lower(n.arn) == w || (n.internal && lower(n.name) == w) ||
        (!n.permission_set.empty() && lower(n.permission_set) == w))
      return {i, {}};
  }
  std::vector<std::string> names;
  for (const Node& n : d.nodes()) {
    if (!n.internal) continue;
    names.push_back(n.name);
    if (!n.permission_set.empty()) names.push_back(n.permission_set);
  }
  std::string bare = wanted;
  if (auto slash = bare.rfind('/'); slash != std::string::npos && wanted.starts_with("arn:")) bare = bare.substr(slash + 1);
  auto close = close_matches(bare, names);
  std::string msg = "No principal \"" + wanted + "\" in account " + d.account() + ".";
  if (!close.empty()) {
    msg += " Close matches:";
    for (const auto& c : close) {
      auto i = d.find(c);
      msg += "\n  " + c + (i ? "  (" + label(d.node(*i)) + ", " + d.node(*i).arn + ")" : "");
    }
  } else {
    msg += " Name it by ARN, user or role name, or IAM Identity Center permission set name; `cloudpeek iam paths` "
           "lists the principals that can escalate.";
  }
  return {std::nullopt, msg};
}

// What is wrong with an action name, or nullopt when the catalogue knows it.
std::optional<std::string> action_error(const std::string& action) {
  const auto& cat = iam::Catalogue::get();
  if (action.find_first_of("*?") != std::string::npos)
    return "who-can takes one action, not a pattern: \"" + action + "\" (e.g. iam:PassRole, s3:GetObject).";
  if (cat.find_action(action)) return std::nullopt;
  auto colon = action.find(':');
  if (colon == std::string::npos)
    return "\"" + action + "\" is not an action: write it as service:Action (e.g. iam:PassRole, s3:GetObject).";
  std::string service = action.substr(0, colon);
  auto sid = cat.find_service(service);
  std::string msg;
  if (!sid) {
    std::vector<std::string> prefixes;
    for (iam::ServiceId s = 0; s < cat.service_count(); ++s) prefixes.emplace_back(cat.service_prefix(s));
    msg = "Unknown action \"" + action + "\": no AWS service has the prefix \"" + service + "\" (AWS Service " +
          "Authorization Reference, " + std::string(cat.package()) + " " + std::string(cat.version()) + ").";
    // Services that have the action come first.
    std::vector<std::string> with_action;
    for (const auto& p : prefixes)
      if (cat.find_action(p + action.substr(colon))) with_action.push_back(p);
    auto close = close_matches(service, with_action);
    if (close.empty()) close = close_matches(service, prefixes);
    if (!close.empty()) {
      msg += " Did you mean:";
      for (const auto& c : close) msg += " " + c + ":" + action.substr(colon + 1);
    }
    return msg;
  }
  std::vector<std::string> names;
  for (iam::ActionId id : cat.service_actions(*sid)) names.emplace_back(cat.action(id).full_name());
  msg = "Unknown action \"" + action + "\": " + std::string(cat.service_name(*sid)) + " has no action \"" +
        action.substr(colon + 1) + "\" (" + std::string(cat.package()) + " " + std::string(cat.version()) + ").";
  auto close = close_matches(action, names);
  if (!close.empty()) {
    msg += " Did you mean:";
    for (const auto& c : close) msg += "\n  " + c;
  }
  return msg;
}

// ---- shared pieces of output --------------------------------------------------------

std::vector<std::string> notes_of(const AuthorizationData& d) {
  std::vector<std::string> notes = {
      "Service control policies and resource control policies were not considered: CloudPeek does not collect "
      "them, so an organization policy may still deny what is shown as allowed."};
  if (!d.functions_listed())
    notes.push_back("Lambda functions were not listed: edges through an existing function assume one may run as the role.");
  if (!d.instances_listed())
    notes.push_back("EC2 instances were not listed: edges through an existing instance assume one may run as the role.");
  return notes;
}

void print_notes(std::ostream& out, const AuthorizationData& d) {
  out << "\n";
  for (const auto& n : notes_of(d)) out << "Note: " << n << "\n";
  for (const auto& w : d.warnings()) out << "Warning: " << w << "\n";
}

ojson grant_json(const iam::Grant& g) {
  ojson j;
  j["action"] = g.action;
  j["resource"] = g.resource;
  j["decision"] = decision_id(g.decision);
  j["statements"] = statement_refs_json(g.statements);
  j["conditions"] = g.conditions;
  j["controlled"] = g.controlled;
  return j;
}

ojson edge_json(const AuthorizationData& d, const iam::Edge& e) {
  ojson j;
  j["from"] = principal_json(d.node(e.from));
  j["to"] = principal_json(d.node(e.to));
  j["kind"] = edge_kind_id(e.kind);
  if (e.rule) {
    j["rule"] = {{"id", e.rule->id}, {"name", e.rule->name}, {"reference", e.rule->reference}};
  } else {
    j["rule"] = nullptr;
  }
  j["empowers"] = e.empowers;
  j["conditional"] = e.conditional;
  j["detail"] = e.detail;
  ojson grants = ojson::array();
  for (const auto& g : e.grants) grants.push_back(grant_json(g));
  j["grants"] = std::move(grants);
  j["assumptions"] = e.assumptions;
  return j;
}

std::string edge_title(const AuthorizationData& d, const iam::Edge& e) {
  std::string how = e.rule ? std::string(e.rule->id) + " (" + std::string(e.rule->name) + ")"
                           : std::string(iam::to_string(e.kind));
  return label(d.node(e.from)) + " -> " + label(d.node(e.to)) + " by " + how;
}

void print_edge(std::ostream& out, const AuthorizationData& d, const iam::Edge& e, const std::string& indent) {
  out << indent << "rule: " << (e.rule ? std::string(e.rule->id) + " — " + std::string(e.rule->name)
                                        : std::string(iam::to_string(e.kind)) + " (trust policy)")
      << (e.conditional ? "  [conditional]" : "") << "\n";
  if (!e.detail.empty()) out << indent << e.detail << "\n";
  for (const auto& g : e.grants) {
    out << indent << g.action << " on " << g.resource << ": " << iam::to_string(g.decision) << "\n";
    for (const auto& s : g.statements) out << indent << "  granted by " << iam::describe(s) << "\n";
    for (const auto& c : g.conditions) out << indent << "  only if " << c << "\n";
    for (const auto& c : g.controlled) out << indent << "  holds for a value it chooses: " << c << "\n";
  }
  for (const auto& a : e.assumptions) out << indent << "assumes: " << a << "\n";
}

ojson path_json(const Graph& g, const iam::Path& p) {
  const AuthorizationData& d = g.data();
  ojson j;
  j["summary"] = p.summary;
  j["conditional"] = p.conditional;
  j["end"] = principal_json(d.node(p.end));
  ojson steps = ojson::array();
  for (const iam::Edge* e : p.steps) steps.push_back(edge_json(d, *e));
  j["steps"] = std::move(steps);
  return j;
}

void print_path(std::ostream& out, const Graph& g, const iam::Path& p, const std::string& indent) {
  const AuthorizationData& d = g.data();
  out << indent << p.summary << (p.conditional ? "  [conditional]" : "") << "\n";
  if (p.steps.empty()) {
    out << indent << "  " << label(d.node(p.end)) << " is allowed everything\n";
    return;
  }
  int i = 1;
  for (const iam::Edge* e : p.steps) {
    out << indent << "  " << i++ << ". " << label(d.node(e->from)) << " -> " << label(d.node(e->to))
        << (e->empowers ? (e->to == e->from ? " (gives itself everything)" : " (made an administrator)") : "") << "\n";
    print_edge(out, d, *e, indent + "     ");
  }
  const iam::Edge* last = p.steps.back();
  if (!last->empowers && g.full_access(p.end).level == iam::AdminLevel::kFullAccess)
    out << indent << "  => " << label(d.node(p.end)) << " is allowed everything\n";
}

ojson admin_json(const iam::AdminStatus& st) {
  ojson j;
  j["level"] = st.level == iam::AdminLevel::kNo           ? "no"
               : st.level == iam::AdminLevel::kFullAccess ? "full_access"
                                                          : "grants_itself";
  j["conditional"] = st.conditional;
  ojson ev = ojson::array();
  for (const auto& g : st.evidence) ev.push_back(grant_json(g));
  j["evidence"] = std::move(ev);
  j["self_grant_rule"] = st.self_grant && st.self_grant->rule ? ojson(st.self_grant->rule->id) : ojson(nullptr);
  return j;
}

std::string admin_text(const iam::AdminStatus& st) {
  std::string c = st.conditional ? " (only if conditions CloudPeek cannot check hold)" : "";
  switch (st.level) {
    case iam::AdminLevel::kNo: return "no";
    case iam::AdminLevel::kFullAccess: return "yes: allowed everything" + c;
    case iam::AdminLevel::kGrantsItself:
      return "yes: can give itself everything" +
             (st.self_grant && st.self_grant->rule ? " (" + std::string(st.self_grant->rule->id) + ")" : std::string()) +
             c;
  }
  return "";
}

// ---- who-can ------------------------------------------------------------------------

// The resource policy that governs RESOURCE, when the inventory has it: the
// resource's own "policy" prop, or its bucket's for an S3 object.
struct ResourcePolicy {
  const iam::Policy* policy = nullptr;
  iam::ResourcePolicyRule rule = iam::ResourcePolicyRule::kOptional;
  std::string note;
};

ResourcePolicy resource_policy_of(const Inventory& inv, AuthorizationData& d, const std::string& resource) {
  ResourcePolicy out;
  if (resource == "*") return out;
  const Resource* r = inv.find_arn(resource);
  if (!r && resource.starts_with("arn:aws:s3:::") && resource.find('/') != std::string::npos)
    r = inv.find_arn(resource.substr(0, resource.find('/')));
  if (!r) {
    out.note = "No resource " + resource + " in the inventory: its resource-based policy (if it has one) is not " +
               "counted, only the principals' own policies.";
    return out;
  }
  if (r->type == "AWS::KMS::Key") out.rule = iam::ResourcePolicyRule::kRequired;
  const json* doc = r->prop("policy");
  if (!doc) {
    if (auto why = r->missing_reason("policy"))
      out.note = "The resource policy of " + r->arn + " was not collected (" + *why + "): it is not counted.";
    return out;
  }
  auto parsed = iam::parse_policy(*doc, r->arn);
  if (!parsed) {
    out.note = "The resource policy of " + r->arn + " could not be read: " + parsed.error().describe();
    return out;
  }
  out.policy = d.keep(std::move(*parsed));
  return out;
}

int who_can(const Inventory& inv, AuthorizationData& data, const Graph& g, const IamCommandOptions& o,
            std::ostream& out) {
  ResourcePolicy rp = resource_policy_of(inv, data, o.resource);
  auto answers = iam::who_can(g, o.action, o.resource, rp.policy, rp.rule);
  std::vector<const iam::WhoCan*> allowed, conditional, denied;
  for (const auto& w : answers) {
    switch (w.decision) {
      case iam::Decision::kAllowed: allowed.push_back(&w); break;
      case iam::Decision::kConditional: conditional.push_back(&w); break;
      default: denied.push_back(&w);
    }
  }
  if (o.output == "json") {
    ojson j;
    j["account"] = data.account();
    j["action"] = o.action;
    j["resource"] = o.resource;
    j["resource_policy"] = rp.policy ? ojson(rp.policy->name) : ojson(nullptr);
    auto group = [&](const std::vector<const iam::WhoCan*>& list) {
      ojson a = ojson::array();
      for (const auto* w : list) {
        ojson e;
        e["principal"] = principal_json(data.node(w->node));
        e["decision"] = decision_id(w->decision);
        e["reason"] = first_line(w->explanation);
        e["statements"] = statement_refs_json(w->statements);
        e["conditions"] = w->conditions;
        a.push_back(std::move(e));
      }
      return a;
    };
    j["allowed"] = group(allowed);
    j["conditional"] = group(conditional);
    j["denied"] = group(denied);
    std::vector<std::string> notes = notes_of(data);
    if (!rp.note.empty()) notes.push_back(rp.note);
    j["notes"] = notes;
    j["warnings"] = data.warnings();
    out << j.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
    return kOk;
  }
  out << "Who can " << o.action << " on " << o.resource << " in account " << data.account() << "\n";
  if (rp.policy) out << "(with the resource-based policy of " << rp.policy->name << ")\n";
  out << "\nAllowed (" << allowed.size() << "):\n";
  if (allowed.empty()) out << "  nobody\n";
  for (const auto* w : allowed) {
    out << "  " << label(data.node(w->node)) << "\n";
    for (const auto& s : w->statements) out << "      allowed by " << iam::describe(s) << "\n";
    if (w->statements.empty())
      out << "      " << (data.node(w->node).kind == NodeKind::kRoot ? "the root user is allowed everything in its account"
                                                                     : first_line(w->explanation))
          << "\n";
  }
  out << "\nConditional (" << conditional.size() << "):\n";
  if (conditional.empty()) out << "  nobody\n";
  for (const auto* w : conditional) {
    out << "  " << label(data.node(w->node)) << "\n";
    for (const auto& c : w->conditions) out << "      only if " << c << "\n";
    for (const auto& s : w->statements) out << "      allowed by " << iam::describe(s) << "\n";
  }
  if (o.all) {
    out << "\nDenied (" << denied.size() << "):\n";
    for (const auto* w : denied) {
      out << "  " << label(data.node(w->node)) << ": " << first_line(w->explanation) << "\n";
      for (const auto& s : w->statements) out << "      denied by " << iam::describe(s) << "\n";
    }
  } else {
    out << "\nDenied: " << denied.size() << " principal" << (denied.size() == 1 ? "" : "s")
        << " (--all lists them and what denies each)\n";
  }
  if (!rp.note.empty()) out << "\nNote: " << rp.note << "\n";
  print_notes(out, data);
  return kOk;
}

// ---- paths ----------------------------------------------------------------------------

int paths(const Graph& g, const IamCommandOptions& o, std::ostream& out, std::ostream& err) {
  const AuthorizationData& d = g.data();
  std::size_t to = iam::kAdmin;
  if (o.to != "admin") {
    auto r = resolve_principal(d, o.to);
    if (!r.node) {
      err << "cloudpeek iam paths --to: " << r.error << "\n";
      return kUsage;
    }
    to = *r.node;
  }
  std::vector<std::size_t> from;
  if (!o.principal.empty()) {
    auto r = resolve_principal(d, o.principal);
    if (!r.node) {
      err << "cloudpeek iam paths: " << r.error << "\n";
      return kUsage;
    }
    from.push_back(*r.node);
  } else {
    for (std::size_t i = 0; i < d.nodes().size(); ++i)
      if (i != to) from.push_back(i);
  }
  std::size_t limit = o.limit > 0 ? o.limit : (o.principal.empty() ? 1 : 5);
  std::string target = to == iam::kAdmin ? "an administrator" : label(d.node(to));

  struct Found {
    std::size_t node;
    std::vector<iam::Path> paths;
  };
  std::vector<Found> found;
  std::vector<std::size_t> admins;
  for (std::size_t i : from) {
    // Listing every principal: administrators themselves are listed apart, not as empty paths.
    if (o.principal.empty() && to == iam::kAdmin) {
      const auto& full = g.full_access(i);
      if (full.level == iam::AdminLevel::kFullAccess && !full.conditional) {
        admins.push_back(i);
        continue;
      }
    }
    auto ps = iam::paths(g, i, to, limit);
    if (!ps.empty() || !o.principal.empty()) found.push_back({i, std::move(ps)});
  }

  if (o.output == "json") {
    ojson j;
    j["account"] = d.account();
    j["to"] = to == iam::kAdmin ? ojson("admin") : principal_json(d.node(to));
    ojson admins_j = ojson::array();
    for (std::size_t a : admins) admins_j.push_back(principal_json(d.node(a)));
    j["administrators"] = std::move(admins_j);
    ojson list = ojson::array();
    for (const auto& f : found) {
      ojson e;
      e["principal"] = principal_json(d.node(f.node));
      ojson ps = ojson::array();
      for (const auto& p : f.paths) ps.push_back(path_json(g, p));
      e["paths"] = std::move(ps);
      list.push_back(std::move(e));
    }
    j["principals"] = std::move(list);
    j["notes"] = notes_of(d);
    j["warnings"] = d.warnings();
    out << j.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
    return kOk;
  }

  out << "Paths to " << target << " in account " << d.account() << "\n";
  if (!admins.empty()) {
    out << "\nAdministrators already (" << admins.size() << "):";
    for (std::size_t a : admins) out << "\n  " << label(d.node(a));
    out << "\n";
  }
  if (o.principal.empty())
    out << "\nPrincipals with a path (" << found.size() << ")" << (limit == 1 ? ", the shortest each" : "") << ":\n";
  for (const auto& f : found) {
    out << "\n" << label(d.node(f.node)) << " (" << d.node(f.node).arn << ")\n";
    if (f.paths.empty()) out << "  no path to " << target << " found\n";
    for (std::size_t k = 0; k < f.paths.size(); ++k) {
      if (f.paths.size() > 1) out << "  path " << k + 1 << ":\n";
      print_path(out, g, f.paths[k], f.paths.size() > 1 ? "    " : "  ");
    }
  }
  if (found.empty() && o.principal.empty()) out << "  none\n";
  print_notes(out, d);
  return kOk;
}

// ---- explain --------------------------------------------------------------------------

// Actions some escalation technique uses: a statement allowing one is marked.
const std::vector<std::string>& escalation_actions() {
  static const std::vector<std::string> actions = [] {
    std::set<std::string> s;
    for (const auto& r : iam::escalation_rules())
      for (const auto& step : r.steps) s.insert(std::string(step.action));
    // IAM's own first: they say the most to a reader.
    std::vector<std::string> v(s.begin(), s.end());
    std::stable_partition(v.begin(), v.end(), [](const std::string& a) { return a.starts_with("iam:"); });
    return v;
  }();
  return actions;
}

std::vector<std::string> risky_actions(const iam::Statement& s) {
  std::vector<std::string> out;
  if (s.effect != iam::Effect::kAllow) return out;
  for (const auto& a : escalation_actions())
    if (s.matches_action(lower(a))) out.push_back(a);
  return out;
}

std::vector<std::string> sources(const std::vector<iam::Pattern>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(p.source());
  return out;
}

std::vector<std::string> principal_names(const iam::PrincipalSet& p) {
  std::vector<std::string> out;
  if (p.any) out.push_back("*");
  for (const auto& x : p.accounts) out.push_back("account " + x);
  for (const auto& x : p.arns) out.push_back(x);
  for (const auto& x : p.unique_ids) out.push_back(x);
  for (const auto& x : p.services) out.push_back("service " + x);
  for (const auto& x : p.federated) out.push_back("federated " + x);
  for (const auto& x : p.canonical_users) out.push_back("canonical user " + x);
  return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

ojson statement_json(const iam::Statement& s) {
  ojson j;
  j["index"] = s.index;
  j["sid"] = s.sid;
  j["effect"] = s.effect == iam::Effect::kAllow ? "Allow" : "Deny";
  if (s.has_principal) j[s.not_principal ? "not_principal" : "principal"] = principal_names(s.principals);
  j[s.not_action ? "not_action" : "action"] = sources(s.actions);
  if (s.has_resource) j[s.not_resource ? "not_resource" : "resource"] = sources(s.resources);
  std::vector<std::string> conds;
  for (const auto& c : s.condition.clauses) conds.push_back(c.text);
  j["conditions"] = conds;
  auto risky = risky_actions(s);
  j["risky"] = !risky.empty();
  j["escalation_actions"] = risky;
  return j;
}

void print_statement(std::ostream& out, const iam::Statement& s, const std::string& indent) {
  auto risky = risky_actions(s);
  out << indent << (risky.empty() ? "  " : "! ") << "statement " << s.index;
  if (!s.sid.empty()) out << " (Sid " << s.sid << ")";
  out << ": " << (s.effect == iam::Effect::kAllow ? "Allow" : "Deny");
  if (s.has_principal) out << (s.not_principal ? " NotPrincipal " : " ") << join(principal_names(s.principals));
  out << (s.not_action ? " NotAction " : " ") << join(sources(s.actions));
  if (s.has_resource) out << (s.not_resource ? " NotResource " : " on ") << join(sources(s.resources));
  out << "\n";
  for (const auto& c : s.condition.clauses) out << indent << "    if " << c.text << "\n";
  if (!risky.empty()) {
    std::vector<std::string> shown(risky.begin(), risky.begin() + std::min<std::size_t>(risky.size(), 6));
    out << indent << "    risky: allows escalation actions " << join(shown)
        << (risky.size() > shown.size() ? fmt::format(" and {} more", risky.size() - shown.size()) : "") << "\n";
  }
}

struct PolicyEntry {
  std::string origin;  // "attached managed (AWS)", "inline", "via group Admins", "permissions boundary"
  const iam::Policy* policy;
};

std::vector<PolicyEntry> policies_of(const AuthorizationData& d, const Node& n) {
  std::vector<PolicyEntry> out;
  for (const iam::Policy* p : n.principal.identity_policies) {
    std::string origin = "inline";
    for (const auto& gname : n.groups)
      if (const iam::Group* g = d.group(gname); g && std::count(g->policies.begin(), g->policies.end(), p))
        origin = "via group " + g->name;
    if (origin == "inline")
      for (const auto& m : d.managed_policies())
        if (m.policy == p) origin = m.aws_managed ? "AWS managed" : "customer managed";
    out.push_back({origin, p});
  }
  if (n.principal.permissions_boundary) out.push_back({"permissions boundary", n.principal.permissions_boundary});
  return out;
}

int explain(const Graph& g, const IamCommandOptions& o, std::ostream& out, std::ostream& err) {
  const AuthorizationData& d = g.data();
  auto r = resolve_principal(d, o.principal);
  if (!r.node) {
    err << "cloudpeek iam explain: " << r.error << "\n";
    return kUsage;
  }
  std::size_t i = *r.node;
  const Node& n = d.node(i);
  iam::AdminStatus admin = iam::is_admin(g, i);
  std::vector<iam::Path> ps;
  if (admin.level == iam::AdminLevel::kNo || admin.conditional) ps = iam::paths(g, i, iam::kAdmin, o.limit > 0 ? o.limit : 5);
  // Who can become it (assume it, or act as it through a technique), and who can make it an administrator.
  std::vector<const iam::Edge*> become, empower;
  for (std::size_t e : g.in(i)) {
    const iam::Edge& edge = g.edges()[e];
    if (edge.from == i) continue;
    (edge.empowers ? empower : become).push_back(&edge);
  }
  auto policies = policies_of(d, n);

  if (o.output == "json") {
    ojson j;
    j["principal"] = principal_json(n);
    j["admin"] = admin_json(admin);
    ojson pj = ojson::array();
    for (const auto& p : ps) pj.push_back(path_json(g, p));
    j["escalation_paths"] = std::move(pj);
    ojson bj = ojson::array(), ej = ojson::array();
    for (const auto* e : become) bj.push_back(edge_json(d, *e));
    for (const auto* e : empower) ej.push_back(edge_json(d, *e));
    j["can_become_it"] = std::move(bj);
    j["can_make_it_admin"] = std::move(ej);
    if (n.trust) {
      ojson t = ojson::array();
      for (const auto& s : n.trust->statements) t.push_back(statement_json(s));
      j["trust_policy"] = std::move(t);
    } else {
      j["trust_policy"] = nullptr;
    }
    ojson pol = ojson::array();
    for (const auto& p : policies) {
      ojson e;
      e["name"] = p.policy->name;
      e["origin"] = p.origin;
      ojson st = ojson::array();
      for (const auto& s : p.policy->statements) st.push_back(statement_json(s));
      e["statements"] = std::move(st);
      pol.push_back(std::move(e));
    }
    j["policies"] = std::move(pol);
    j["groups"] = n.groups;
    j["instance_profiles"] = n.instance_profiles;
    j["notes"] = n.notes;
    j["analysis_notes"] = notes_of(d);
    j["warnings"] = d.warnings();
    out << j.dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
    return kOk;
  }

  out << label(n) << "\n";
  out << "  ARN:           " << n.arn << "\n";
  out << "  Type:          " << iam::to_string(n.kind) << (n.internal ? " of account " + n.account : std::string(" (outside the account)"))
      << "\n";
  if (!n.permission_set.empty()) out << "  IAM Identity Center permission set: " << n.permission_set << "\n";
  if (!n.groups.empty()) out << "  Groups:        " << join(n.groups) << "\n";
  if (!n.instance_profiles.empty()) out << "  Instance profiles: " << join(n.instance_profiles) << "\n";
  if (!n.boundary_arn.empty()) out << "  Permissions boundary: " << n.boundary_arn << "\n";
  out << "  Administrator: " << admin_text(admin) << "\n";
  if (admin.level == iam::AdminLevel::kFullAccess)
    for (const auto& gr : admin.evidence) {
      for (const auto& s : gr.statements) out << "      " << gr.action << " allowed by " << iam::describe(s) << "\n";
      break;  // one sentinel says it; --output json has them all
    }

  if (admin.level == iam::AdminLevel::kNo || admin.conditional) {
    out << "\nEscalation paths to administrator (" << ps.size() << "):\n";
    if (ps.empty()) out << "  none found\n";
    for (std::size_t k = 0; k < ps.size(); ++k) {
      out << "  path " << k + 1 << ":\n";
      print_path(out, g, ps[k], "    ");
    }
  }

  out << "\nWho can become it (" << become.size() << "):\n";
  if (become.empty()) out << "  nobody\n";
  for (const auto* e : become) {
    const Node& from = d.node(e->from);
    out << "  " << label(from) << (from.internal ? "" : "  [from outside the account]") << "\n";
    print_edge(out, d, *e, "      ");
  }
  if (!empower.empty()) {
    out << "\nWho can make it an administrator (" << empower.size() << "):\n";
    for (const auto* e : empower) {
      out << "  " << label(d.node(e->from)) << "\n";
      print_edge(out, d, *e, "      ");
    }
  }
  if (n.trust) {
    out << "\nTrust policy (who may assume it, and from where):\n";
    for (const auto& s : n.trust->statements) print_statement(out, s, "  ");
  }
  out << "\nPolicies (" << policies.size() << "; ! marks a statement allowing an escalation action):\n";
  if (policies.empty()) out << "  none\n";
  for (const auto& p : policies) {
    out << "  " << p.policy->name << "  [" << p.origin << "]\n";
    for (const auto& s : p.policy->statements) print_statement(out, s, "    ");
  }
  if (!n.notes.empty()) {
    out << "\n";
    for (const auto& note : n.notes) out << "Note: " << note << "\n";
  }
  print_notes(out, d);
  return kOk;
}

// ---- live collection ------------------------------------------------------------------

class InventorySink : public scan::ResourceSink, public scan::FindingSink {
 public:
  // `resource`: the ARN who-can asks about; kept too (S3: an object's bucket).
  InventorySink(Inventory& inv, std::string resource) : inv_(inv), resource_(std::move(resource)) {}
  void on_resource(const Resource& r) override {
    static const std::set<std::string, std::less<>> kept = {
        std::string(iam::inventory_type::kUser),         std::string(iam::inventory_type::kRoot),
        std::string(iam::inventory_type::kGroup),        std::string(iam::inventory_type::kRole),
        std::string(iam::inventory_type::kPolicy),       std::string(iam::inventory_type::kInlinePolicy),
        std::string(iam::inventory_type::kSamlProvider), std::string(iam::inventory_type::kOidcProvider),
        std::string(iam::inventory_type::kLambdaFunction), std::string(iam::inventory_type::kEc2Instance)};
    bool asked = !r.arn.empty() && (r.arn == resource_ || resource_.starts_with(r.arn + "/"));
    if (!kept.count(r.type) && !asked) return;
    std::lock_guard lock(mu_);
    inv_.add(r);
  }
  void on_finding(const Finding&) override {}

 private:
  std::mutex mu_;
  Inventory& inv_;
  std::string resource_;
};

bool use_color(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fd) && !(no_color && *no_color);
}

// IAM (and the workloads) of the credentials' account, through the scan engine
// as `cloudpeek scan --services iam,lambda,ec2` collects them. nullopt: the
// error has been printed.
std::optional<Inventory> collect_live(const IamCommandOptions& o, int& code) {
  auto transport = std::make_shared<Transport>(TransportOptions::from_environment());
  AuthCheckReport report;
  report.now = Clock::now();
  auto fail = [&](auto error) {
    report.error = error;
    print_auth_check(report, OutputFormat::kText, use_color(2), std::cerr, std::cerr);
    code = kUsage;
    return std::nullopt;
  };
  auto resolved = resolve_credentials(o.credentials, std::cin, transport);
  if (!resolved) return fail(resolved.error());
  report.region = resolved->region;
  auto creds = resolved->provider->get();
  if (!creds) return fail(creds.error());
  report.credentials = creds.value();
  AwsClient client(ClientConfig::from_environment(resolved->region), resolved->provider, transport);
  auto identity = get_caller_identity(client);
  report.now = Clock::now();
  if (!identity) return fail(identity.error());

  scan::ScanOptions options;
  options.services = {"iam"};
  if (o.workloads) {
    options.services.push_back("lambda");
    options.services.push_back("ec2");
  }
  // who-can on a resource: its service too, for its resource-based policy.
  if (o.query == "who-can" && o.resource.starts_with("arn:")) {
    std::string service = o.resource.substr(4);
    service = service.substr(service.find(':') + 1);
    service = service.substr(0, service.find(':'));
    if (service != "iam" && collect::find_collector(service) &&
        std::find(options.services.begin(), options.services.end(), service) == options.services.end())
      options.services.push_back(service);
  }
  options.regions = o.regions;
  std::string partition = identity->principal.partition.empty() ? "aws" : identity->principal.partition;
  options.home_region = partition == "aws-us-gov" ? "us-gov-west-1" : partition == "aws-cn" ? "cn-north-1" : "us-east-1";
  std::string also;
  for (std::size_t k = 1; k < options.services.size(); ++k) also += (also.empty() ? "" : ", ") + options.services[k];
  std::cerr << fmt::format("Collecting IAM{} of account {} as {}\n", also.empty() ? "" : " (and " + also + ")",
                           identity->account, identity->arn);
  Inventory inv;
  inv.account = identity->account;
  InventorySink sink(inv, o.query == "who-can" ? o.resource : std::string());
  scan::ScanEngine engine(client, scan::ScanIdentity{identity->account, identity->arn, partition}, options);
  scan::ScanResult result = engine.run(sink, &sink);
  for (const auto& gap : result.gaps) inv.add_gap(gap);
  for (const auto& r : result.regions_scanned) inv.regions.push_back({r, "", true});
  // Without the authorization details there is nothing to analyse.
  if (auto why = inv.gap_any_region(iam::inventory_type::kRole); why && inv.of_type(iam::inventory_type::kRole).empty()) {
    std::cerr << "cloudpeek iam: IAM could not be collected: " << *why
              << "\nThe analysis needs iam:GetAccountAuthorizationDetails (in the SecurityAudit policy).\n";
    code = kNotCollected;
    return std::nullopt;
  }
  std::size_t lost = 0;
  for (const auto& gap : result.gaps)
    if (gap.error_kind != "region_not_enabled") ++lost;
  if (lost) std::cerr << "Warning: " << lost << " AWS call" << (lost == 1 ? "" : "s") << " failed; the first: "
                      << result.gaps.front().reason() << "\n";
  return inv;
}

}  // namespace

CLI::App* add_iam_command(CLI::App& app, IamCommandOptions& o) {
  auto* iam_cmd = app.add_subcommand("iam", "IAM analysis: who can do what, escalation paths, a principal explained");
  iam_cmd->require_subcommand(1);
  auto common = [&](CLI::App* c) {
    add_credential_options(*c, o.credentials);
    c->add_option("--from-scan", o.from_scan, "Use what `cloudpeek scan --output-dir DIR` saved instead of calling AWS");
    c->add_option("--regions", o.regions, "Live: regions where Lambda functions and EC2 instances are listed (default: all enabled)")
        ->delimiter(',');
    c->add_flag("!--no-workloads", o.workloads,
                "Live: collect IAM only (not Lambda functions and EC2 instances; edges through them say what they assume)");
    c->add_option("--output", o.output, "text or json")->check(CLI::IsMember({"text", "json"}));
  };
  auto* who = iam_cmd->add_subcommand("who-can", "Which principals may do ACTION (on RESOURCE): allowed, conditional, denied");
  who->add_option("action", o.action, "An action: iam:PassRole, s3:GetObject, ...")->required();
  who->add_option("resource", o.resource, "A resource ARN (default \"*\")");
  who->add_flag("--all", o.all, "Also list the principals denied, and what denies each");
  common(who);
  who->callback([&o] { o.query = "who-can"; });
  auto* paths_cmd = iam_cmd->add_subcommand("paths", "Privilege-escalation paths, step by step, with the statements");
  paths_cmd->add_option("principal", o.principal, "From this principal (ARN, name or permission set); default: every one");
  paths_cmd->add_option("--to", o.to, "admin (default) or a role (ARN or name) to reach");
  paths_cmd->add_option("--limit", o.limit, "Paths per principal (default 5 for one principal, 1 for all)")
      ->check(CLI::Range(1, 100));
  common(paths_cmd);
  paths_cmd->callback([&o] { o.query = "paths"; });
  auto* explain_cmd = iam_cmd->add_subcommand("explain", "A principal: admin or not, escalation paths, trust, policies");
  explain_cmd->add_option("principal", o.principal, "ARN, user or role name, or permission set name")->required();
  common(explain_cmd);
  explain_cmd->callback([&o] { o.query = "explain"; });
  return iam_cmd;
}

int run_iam_query(const Inventory& inventory, const IamCommandOptions& o, std::ostream& out, std::ostream& err) {
  if (o.query == "who-can") {
    if (auto why = action_error(o.action)) {
      err << "cloudpeek iam who-can: " << *why << "\n";
      return kUsage;
    }
  }
  auto data = AuthorizationData::build(inventory);
  if (data.nodes().empty()) {
    err << "cloudpeek iam: the inventory has no IAM principal"
        << (inventory.size() ? " (was IAM collected? `cloudpeek scan --services iam` collects it)" : "") << ".\n";
    return kNotCollected;
  }
  auto graph = Graph::build(data);
  if (o.query == "who-can") return who_can(inventory, data, *graph, o, out);
  if (o.query == "paths") return paths(*graph, o, out, err);
  if (o.query == "explain") return explain(*graph, o, out, err);
  err << "cloudpeek iam: no query (who-can, paths or explain)\n";
  return kUsage;
}

int run_iam(IamCommandOptions o) {
  // Check what can be checked before collecting anything.
  if (o.query == "who-can") {
    if (auto why = action_error(o.action)) {
      std::cerr << "cloudpeek iam who-can: " << *why << "\n";
      return kUsage;
    }
  }
  if (!o.from_scan.empty()) {
    auto inv = load_scan_inventory(o.from_scan);
    if (!inv) {
      std::cerr << "cloudpeek iam: " << inv.error().describe() << "\n";
      return kUsage;
    }
    return run_iam_query(*inv, o, std::cout, std::cerr);
  }
  int code = kOk;
  auto inv = collect_live(o, code);
  if (!inv) return code;
  return run_iam_query(*inv, o, std::cout, std::cerr);
}

}  // namespace cloudpeek::cli
