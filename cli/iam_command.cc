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
#include "iam/report.h"
#include "scan/engine.h"

namespace cloudpeek::cli {

namespace {

using ojson = nlohmann::ordered_json;
using iam::AuthorizationData;
using iam::Graph;
using iam::Node;
using iam::NodeKind;
namespace report = iam::report;
using report::action_error;
using report::admin_text;
using report::join;
using report::label;
using report::first_line;
using report::notes_of;
using report::principal_names;
using report::resolve_principal;
using report::risky_actions;
using report::sources;

constexpr int kOk = 0;
constexpr int kUsage = 1;
constexpr int kNotCollected = 2;

// ---- shared pieces of output (the analysis and its JSON: iam/report.h) ------------------

void print_notes(std::ostream& out, const AuthorizationData& d) {
  out << "\n";
  for (const auto& n : notes_of(d)) out << "Note: " << n << "\n";
  for (const auto& w : d.warnings()) out << "Warning: " << w << "\n";
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

// ---- who-can ------------------------------------------------------------------------

int who_can(const Inventory& inv, AuthorizationData& data, const Graph& g, const IamCommandOptions& o,
            std::ostream& out) {
  auto answer = report::answer_who_can(inv, data, g, o.action, o.resource);
  const auto& rp = answer.resource_policy;
  const auto& allowed = answer.allowed;
  const auto& conditional = answer.conditional;
  const auto& denied = answer.denied;
  if (o.output == "json") {
    out << report::who_can_json(g, answer).dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
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
  std::optional<std::size_t> one;
  if (!o.principal.empty()) {
    auto r = resolve_principal(d, o.principal);
    if (!r.node) {
      err << "cloudpeek iam paths: " << r.error << "\n";
      return kUsage;
    }
    one = *r.node;
  }
  auto answer = report::answer_paths(g, one, to, o.limit > 0 ? static_cast<std::size_t>(o.limit) : 0);
  std::size_t limit = answer.limit;
  const auto& admins = answer.admins;
  const auto& found = answer.found;
  std::string target = to == iam::kAdmin ? "an administrator" : label(d.node(to));

  if (o.output == "json") {
    out << report::paths_json(g, answer).dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
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

int explain(const Graph& g, const IamCommandOptions& o, std::ostream& out, std::ostream& err) {
  const AuthorizationData& d = g.data();
  auto r = resolve_principal(d, o.principal);
  if (!r.node) {
    err << "cloudpeek iam explain: " << r.error << "\n";
    return kUsage;
  }
  std::size_t i = *r.node;
  const Node& n = d.node(i);
  auto x = report::explain(g, i, o.limit > 0 ? static_cast<std::size_t>(o.limit) : 5);
  const auto& admin = x.admin;
  const auto& ps = x.paths;
  const auto& become = x.become;
  const auto& empower = x.empower;
  const auto& policies = x.policies;

  if (o.output == "json") {
    out << report::explanation_json(g, x).dump(2, ' ', false, ojson::error_handler_t::replace) << "\n";
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
  if (n.kind == iam::NodeKind::kUser) out << "  Ways in:       " << report::entry_points_text(n) << "\n";
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
