// Ground truth for the IAM engine's escalation paths (issue 10 §5): the
// iam-escalation scenario (one principal per escalation technique, plus the
// traps that must and must not be reported) is collected by the real
// collectors (GetAccountAuthorizationDetails, Lambda functions, EC2 instances)
// and judged by the real checks. Every principal's verdict (from the findings
// of iam_{user,role}_effective_admin and iam_{user,role}_can_escalate_to_admin)
// and the technique of the first step of its shortest path (from the graph)
// must be what tests/integration/ground_truth/iam_escalation_expected.json
// says: precision and recall 100%. The verdict table is printed either way.
// "Admin" is issue 10's: allowed everything, or able to grant itself
// everything in one step on itself (grants_itself: the technique that does it).
// The account is an organization member whose resource control policy keeps
// other accounts out of its roles: the expected outsiders of two roles (one
// trusting a blocked account, one a listed partner) are checked too.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "checks/iam_analysis.h"
#include "tests/integration/fakeaws_process.h"
#include "tests/integration/ground_truth.h"

namespace cloudpeek::testing {
namespace {

struct Expected {
  std::string verdict;                  // admin | escalate | none
  std::vector<std::string> techniques;  // escalate: the acceptable first steps; admin: how it grants itself everything
  bool grants_itself = false;           // admin by granting itself everything (not allowed everything yet)
  json conditional;                     // escalate, grants_itself: true/false, or null (either)
  std::string trap;
};

struct Found {
  std::string verdict;
  std::string technique;
  bool conditional = false;
  std::vector<std::string> problems;  // NOT_ASSESSED, missing findings
};

std::string expected_file() {
  return FakeAws::directory() + "/../integration/ground_truth/iam_escalation_expected.json";
}

std::map<std::string, Expected> load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  json doc = json::parse(in);
  std::map<std::string, Expected> out;
  for (const auto& p : doc.at("principals")) {
    Expected e;
    e.verdict = p.at("verdict").get<std::string>();
    if (p.contains("technique")) e.techniques.push_back(p["technique"].get<std::string>());
    for (const auto& t : p.value("techniques", json::array())) e.techniques.push_back(t.get<std::string>());
    for (const auto& t : p.value("grants_itself", json::array())) e.techniques.push_back(t.get<std::string>());
    e.grants_itself = p.contains("grants_itself");
    e.conditional = p.value("conditional", json());
    e.trap = p.value("trap", "");
    if (!out.emplace(p.at("arn").get<std::string>(), std::move(e)).second)
      throw std::runtime_error("duplicate principal " + p.at("arn").get<std::string>() + " in " + path);
  }
  return out;
}

std::string first_technique(const iam::Path& p) {
  if (p.steps.empty()) return "";
  const iam::Edge* e = p.steps.front();
  return e->rule ? std::string(e->rule->id) : std::string(iam::to_string(e->kind));
}

std::string pad(std::string s, std::size_t w) {
  if (s.size() < w) s.append(w - s.size(), ' ');
  return s;
}

TEST(GroundTruthIamEscalation, EveryPrincipalsVerdictAndFirstStepMatchTheExpectedFile) {
  const std::map<std::string, Expected> expected = load(expected_file());
  // The scenario keeps its breadth: 30+ techniques as the first step of some path, and traps both ways.
  std::set<std::string> techniques;
  int traps_none = 0, traps_reported = 0;
  for (const auto& [arn, e] : expected) {
    if (e.techniques.size() == 1) techniques.insert(e.techniques[0]);  // first steps and ways to grant itself everything
    if (!e.trap.empty()) ++(e.verdict == "none" ? traps_none : traps_reported);
  }
  EXPECT_GE(techniques.size(), 30u);
  EXPECT_GE(traps_none, 6);
  EXPECT_GE(traps_reported, 4);

  GroundTruthOptions options;
  options.scenario = FakeAws::directory() + "/scenarios/iam-escalation";
  options.services = {"iam", "lambda", "ec2", "organizations"};
  options.check_services = {"iam"};
  options.regions = {"us-east-1"};
  options.require_full_coverage = false;  // the scenario declares no per-check results; gaps are checked below
  GroundTruth result = run_ground_truth(options);

  // The listings the analysis reads are complete: a gap would make verdicts NOT_ASSESSED or guesses.
  for (const std::string& t : checks::iam_graph_types())
    EXPECT_FALSE(result.inventory.gap_any_region(t).has_value())
        << t << ": " << result.inventory.gap_any_region(t).value_or("");
  const std::set<std::string> analysed_types = {"AWS::IAM::User", "AWS::IAM::Role", "AWS::IAM::Policy",
                                                "AWS::IAM::Group", "AWS::Lambda::Function", "AWS::EC2::Instance"};
  for (const auto& g : result.inventory.gaps())
    for (const auto& t : g.resource_types)
      EXPECT_FALSE(analysed_types.count(t)) << "coverage gap: " << g.reason() << " " << g.message;

  // Verdicts from the checks' findings.
  std::map<std::string, Found> found;
  for (const auto& f : result.findings) {
    const bool admin_check = f.check_id == "iam_user_effective_admin" || f.check_id == "iam_role_effective_admin";
    const bool escalation_check =
        f.check_id == "iam_user_can_escalate_to_admin" || f.check_id == "iam_role_can_escalate_to_admin";
    if (!admin_check && !escalation_check) continue;
    Found& x = found[f.resource_arn];
    if (f.status == CheckStatus::kNotAssessed) x.problems.push_back(f.check_id + " NOT_ASSESSED: " + f.detail);
    if (f.status != CheckStatus::kFail) continue;
    if (admin_check) x.verdict = "admin";
    else if (x.verdict.empty()) x.verdict = "escalate";
  }

  // The first step of the shortest path, from the graph the checks used.
  auto analysis = checks::iam_analysis(result.inventory);
  const iam::Graph& graph = *analysis->graph;
  for (auto& [arn, x] : found) {
    if (x.verdict.empty()) x.verdict = "none";
    if (x.verdict == "admin") {
      // How it is one: allowed everything, or the edge by which it gives itself everything.
      auto node = analysis->data.find(arn);
      if (!node) continue;
      iam::AdminStatus st = iam::is_admin(graph, *node);
      if (st.level == iam::AdminLevel::kGrantsItself && st.self_grant) {
        x.technique = st.self_grant->rule ? std::string(st.self_grant->rule->id) : "";
        x.conditional = st.conditional;
      }
      continue;
    }
    if (x.verdict != "escalate") continue;
    auto node = analysis->data.find(arn);
    if (!node) {
      x.problems.push_back("not a node of the graph");
      continue;
    }
    auto ps = iam::paths(graph, *node, iam::kAdmin, 1);
    if (ps.empty() || ps.front().steps.empty()) {
      x.problems.push_back("the check reports a path, the graph has none");
      continue;
    }
    x.technique = first_technique(ps.front());
    x.conditional = ps.front().conditional;
  }

  // Compare, and print the table.
  int tp = 0, fp = 0, fn = 0, tn = 0;
  std::vector<std::string> problems;
  std::string table = "\n" + pad("principal", 62) + pad("expected", 52) + "found\n";
  for (const auto& [arn, e] : expected) {
    auto it = found.find(arn);
    Found x = it == found.end() ? Found{"(no finding)", "", false, {"no finding of the principal checks"}} : it->second;
    std::string exp = e.verdict;
    if (e.verdict == "escalate" || e.grants_itself) {
      exp += " ";
      for (std::size_t i = 0; i < e.techniques.size(); ++i) exp += (i ? "|" : "") + e.techniques[i];
    }
    std::string got = x.verdict + (x.technique.empty() ? "" : " " + x.technique) + (x.conditional ? " (conditional)" : "");
    bool verdict_ok = x.verdict == e.verdict;
    const bool has_technique = e.verdict == "escalate" || e.grants_itself;
    // Allowed everything: no technique. Granting itself everything: the one expected.
    bool technique_ok = has_technique ? std::find(e.techniques.begin(), e.techniques.end(), x.technique) != e.techniques.end()
                                      : x.technique.empty();
    bool conditional_ok = !has_technique || e.conditional.is_null() || e.conditional.get<bool>() == x.conditional;
    bool ok = verdict_ok && technique_ok && conditional_ok && x.problems.empty();
    const bool expected_positive = e.verdict != "none";
    const bool found_positive = x.verdict == "admin" || x.verdict == "escalate";
    if (expected_positive && found_positive && ok) ++tp;
    else if (found_positive && !(expected_positive && ok)) ++fp;
    if (expected_positive && !(found_positive && ok)) ++fn;
    if (!expected_positive && !found_positive) ++tn;
    table += pad(arn.substr(arn.find(':', 20) + 1), 62) + pad(exp, 52) + got + (ok ? "" : "   <-- MISMATCH") + "\n";
    if (!ok) {
      std::string why = arn + ": expected " + exp + (e.trap.empty() ? "" : " [trap: " + e.trap + "]") + ", found " + got;
      for (const auto& p : x.problems) why += "; " + p;
      problems.push_back(why);
    }
  }
  for (const auto& [arn, x] : found)
    if (!expected.count(arn)) problems.push_back(arn + ": found " + x.verdict + " but the expected file has no entry");

  // Who outside the account can assume the roles of the expected file's "outside" list (RCPs considered).
  std::ifstream outside_in(expected_file());
  const json outside = json::parse(outside_in).value("outside", json::array());
  EXPECT_GE(outside.size(), 2u);
  for (const auto& o : outside) {
    const std::string arn = o.at("arn").get<std::string>();
    std::set<std::string> want, got;
    for (const auto& x : o.at("outsiders")) want.insert(x.get<std::string>());
    auto node = analysis->data.find(arn);
    if (!node) {
      problems.push_back(arn + ": not a node of the graph");
      continue;
    }
    for (std::size_t e : graph.in(*node)) {
      const iam::Node& from = analysis->data.node(graph.edges()[e].from);
      if (!from.internal) got.insert(from.arn);
    }
    std::string w, g;
    for (const auto& x : want) w += " " + x;
    for (const auto& x : got) g += " " + x;
    table += pad(arn.substr(arn.find(':', 20) + 1), 62) + pad("outside:" + (w.empty() ? " none" : w), 52) + "outside:" +
             (g.empty() ? " none" : g) + (want == got ? "" : "   <-- MISMATCH") + "\n";
    if (want != got)
      problems.push_back(arn + ": expected outsiders" + (w.empty() ? " none" : w) + " [trap: " + o.value("trap", "") +
                         "], found" + (g.empty() ? " none" : g));
  }
  // Every verdict says the RCPs were considered, and which.
  for (const auto& f : result.findings) {
    if (f.check_id != "iam_role_effective_admin" || f.resource_arn != "arn:aws:iam::111122223333:role/rcp-vendor-admin") continue;
    EXPECT_NE(f.detail.find("RCPs considered: 4 policies at 3 levels (root r-ab12: RCPFullAWSAccess; OU ou-ab12-prod0001: "
                            "RCPFullAWSAccess; account 111122223333: RCPFullAWSAccess, AccountPerimeter)."),
              std::string::npos)
        << f.detail;
    EXPECT_NE(f.detail.find("SCPs considered: none apply (the service control policy type is not enabled"),
              std::string::npos)
        << f.detail;
  }

  const double precision = tp + fp ? 100.0 * tp / (tp + fp) : 100.0;
  const double recall = tp + fn ? 100.0 * tp / (tp + fn) : 100.0;
  char figures[160];
  std::snprintf(figures, sizeof figures,
                "principals %zu: true positives %d, false positives %d, false negatives %d, true negatives %d; "
                "precision %.1f%%, recall %.1f%%\n",
                expected.size(), tp, fp, fn, tn, precision, recall);
  table += figures;
  table += std::to_string(techniques.size()) + " distinct first steps:";
  for (const auto& t : techniques) table += " " + t;
  table += "\n";
  std::printf("%s", table.c_str());
  EXPECT_TRUE(problems.empty()) << join_lines(problems);
  EXPECT_EQ(fp, 0);
  EXPECT_EQ(fn, 0);
  EXPECT_EQ(tp + tn, static_cast<int>(expected.size()));
  EXPECT_GE(tp, 30);
}

}  // namespace
}  // namespace cloudpeek::testing
