#include "tests/integration/ground_truth.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "aws/client/client.h"
#include "aws/credentials/static_provider.h"
#include "aws/http/transport.h"
#include "checks/check.h"
#include "collect/collector.h"
#include "collect/direct_context.h"
#include "scan/engine.h"
#include "tests/integration/fakeaws_process.h"

namespace cloudpeek::testing {

namespace {

namespace fs = std::filesystem;

json read_json(const fs::path& p) {
  std::ifstream in(p);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  return json::parse(in);
}

std::vector<fs::path> scenario_files(const std::string& scenario) {
  std::vector<fs::path> files;
  if (fs::is_directory(scenario)) {
    for (const auto& e : fs::directory_iterator(scenario))
      if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(scenario);
  }
  return files;
}

// The secret of a scenario user's first access key.
std::pair<std::string, std::string> user_keys(const std::string& scenario, const std::string& user) {
  for (const auto& f : scenario_files(scenario)) {
    json doc = read_json(f);
    if (!doc.contains("accounts")) continue;
    for (const auto& [_, account] : doc["accounts"].items()) {
      const json& users = account["identities"].value("users", json::array());
      for (const auto& u : users)
        if (u.value("name", "") == user) {
          const json& k = u["access_keys"].at(0);
          return {k.at("id").get<std::string>(), k.at("secret").get<std::string>()};
        }
    }
  }
  throw std::runtime_error("scenario has no user " + user);
}

}  // namespace

std::vector<std::vector<std::string>> load_expected(const std::string& scenario) {
  std::vector<std::vector<std::string>> out;
  for (const auto& f : scenario_files(scenario)) {
    json doc = read_json(f);
    for (const auto& e : doc.value("expected", json::array()))
      out.push_back({e.at("check").get<std::string>(), e.at("resource").get<std::string>(),
                     e.at("status").get<std::string>()});
  }
  return out;
}

std::set<FindingKey> finding_keys(const std::vector<Finding>& findings) {
  std::set<FindingKey> out;
  for (const auto& f : findings) out.insert({f.check_id, f.resource_arn, std::string(to_string(f.status))});
  return out;
}

std::set<FindingKey> declared_findings(const std::vector<std::string>& checks_run) {
  std::set<FindingKey> out;
  std::set<std::string> in_scope(checks_run.begin(), checks_run.end());
  for (const auto& e : load_expected(FakeAws::directory() + "/scenarios/insecure"))
    if (in_scope.count(e[0]) && e[2] != kNotApplicable) out.insert({e[0], e[1], e[2]});
  return out;
}

std::map<std::pair<std::string, std::string>, std::string> declared_statuses() {
  std::map<std::pair<std::string, std::string>, std::string> out;
  for (const auto& e : load_expected(FakeAws::directory() + "/scenarios/insecure"))
    if (e[2] != kNotApplicable) out[{e[0], e[1]}] = e[2];
  return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += "\n  " + l;
  return s;
}

GroundTruth run_ground_truth(const GroundTruthOptions& options) {
  GroundTruth result;
  std::string scenario = options.scenario.empty() ? FakeAws::directory() + "/scenarios/insecure" : options.scenario;
  FakeAws fake(scenario);
  if (!options.faults.empty()) fake.set_faults(options.faults);

  auto [key_id, secret] = user_keys(scenario, options.identity);
  ClientConfig config;
  config.region = "us-east-1";
  config.endpoints.global = fake.url();
  auto credentials = StaticProvider::make(key_id, Secret(secret)).value();
  AwsClient client(config, credentials, std::make_shared<Transport>(TransportOptions{}));

  collect::DirectContext ctx(client, "111122223333", 16);
  for (const auto& region : options.regions) ctx.inventory().regions.push_back({region, "opt-in-not-required", true});
  for (const auto& service : options.services) {
    const collect::Collector* c = collect::find_collector(service);
    if (!c) {
      result.problems.push_back("no collector registered for service " + service);
      continue;
    }
    if (c->global) {
      ctx.run(*c, "us-east-1");
    } else {
      for (const auto& region : options.regions) ctx.run(*c, region);
    }
  }
  result.calls = ctx.calls();
  result.inventory = std::move(ctx.inventory());

  const auto& in_scope_services = options.check_services.empty() ? options.services : options.check_services;
  std::set<std::string> scope;
  for (const checks::Check* c : checks::all_checks()) {
    if (std::find(in_scope_services.begin(), in_scope_services.end(), c->meta.service) == in_scope_services.end())
      continue;
    scope.insert(c->meta.id);
    auto findings = checks::run_check(*c, result.inventory);
    result.findings.insert(result.findings.end(), findings.begin(), findings.end());
  }
  compare_with_expected(result, scope, scenario, options.require_full_coverage, result.inventory.gaps());
  return result;
}

void compare_with_expected(GroundTruth& result, const std::set<std::string>& scope, const std::string& scenario,
                           bool require_full_coverage, const std::vector<CoverageGap>& gaps) {
  std::map<std::pair<std::string, std::string>, const Finding*> by_key;
  for (const auto& f : result.findings) by_key[{f.check_id, f.resource_arn}] = &f;
  std::set<std::pair<std::string, std::string>> expected_fail;
  std::set<std::string> checks_with_truth;
  for (const auto& e : load_expected(scenario)) {
    const std::string& check = e[0];
    const std::string& resource = e[1];
    const std::string& status = e[2];
    if (!scope.count(check)) {
      if (!checks::find_check(check)) result.problems.push_back("scenario expects unknown check " + check);
      continue;
    }
    checks_with_truth.insert(check);
    auto it = by_key.find({check, resource});
    if (status == kNotApplicable) {
      ++result.expected_not_applicable;
      if (it != by_key.end())
        result.problems.push_back(check + " on " + resource + ": expected no finding (the check does not apply), got " +
                                  std::string(to_string(it->second->status)) + " (" + it->second->detail + ")");
      continue;
    }
    if (status == "FAIL") {
      ++result.expected_fail;
      expected_fail.insert({check, resource});
    } else {
      ++result.expected_pass;
    }
    if (it == by_key.end()) {
      result.problems.push_back(check + " on " + resource + ": expected " + status + ", got no finding");
    } else if (to_string(it->second->status) != status) {
      result.problems.push_back(check + " on " + resource + ": expected " + status + ", got " +
                                std::string(to_string(it->second->status)) + " (" + it->second->detail + ")");
    }
  }
  for (const auto& f : result.findings)
    if (f.status == CheckStatus::kFail && !expected_fail.count({f.check_id, f.resource_arn}))
      result.problems.push_back("unexpected FAIL: " + f.check_id + " on " + f.resource_arn + " (" + f.detail + ")");
  for (const auto& id : scope)
    if (!checks_with_truth.count(id)) result.problems.push_back("check " + id + " has no expected result in the scenario");
  if (require_full_coverage)
    for (const auto& g : gaps)
      result.problems.push_back("coverage gap: " + g.reason() + (g.message.empty() ? "" : " — " + g.message));
}

ScanGroundTruth run_scan_ground_truth(const GroundTruthOptions& options) {
  ScanGroundTruth out;
  std::string scenario = options.scenario.empty() ? FakeAws::directory() + "/scenarios/insecure" : options.scenario;
  FakeAws fake(scenario);
  if (!options.faults.empty()) fake.set_faults(options.faults);

  auto [key_id, secret] = user_keys(scenario, options.identity);
  ClientConfig config;
  config.region = "us-east-1";
  config.endpoints.global = fake.url();
  if (options.max_attempts > 0) config.retry.max_attempts = options.max_attempts;
  auto credentials = StaticProvider::make(key_id, Secret(secret)).value();
  AwsClient client(config, credentials, std::make_shared<Transport>(TransportOptions{}));

  scan::ScanOptions scan_options;
  scan_options.regions = options.regions;
  scan_options.services = options.services;
  scan_options.checks = options.checks;
  scan::ScanEngine engine(client, {"111122223333", "arn:aws:iam::111122223333:user/" + options.identity}, scan_options);
  scan::CollectingFindingSink sink;
  out.scan = engine.run(sink);
  out.truth.findings = sink.findings();
  out.truth.calls = static_cast<int>(out.scan.api_calls);

  const json log = json::parse(fake.requests());
  for (const auto& r : log["requests"]) {
    if (r["action"].is_string()) ++out.requests[r["action"].get<std::string>()];
    if (!r["fault"].is_string()) continue;
    std::string faults = r["fault"].get<std::string>();
    for (size_t start = 0; start <= faults.size();) {
      size_t end = std::min(faults.find(',', start), faults.size());
      std::string kind = faults.substr(start, end - start);
      kind = kind.substr(0, kind.find('='));  // "error=503" → "error"
      if (!kind.empty() && kind != "latency") ++out.faults_served[kind];
      start = end + 1;
    }
  }

  std::set<std::string> scope(out.scan.checks_run.begin(), out.scan.checks_run.end());
  compare_with_expected(out.truth, scope, scenario, options.require_full_coverage, out.scan.gaps);
  return out;
}

}  // namespace cloudpeek::testing
