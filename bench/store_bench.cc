// Store benchmark: stage and publish a scan of N findings (default 1,000,000)
// into a SQLite store in a temporary directory, publish a second scan over
// the same rows (the update path), then time the dashboard and findings
// queries the API serves (p50/p95 over repeated calls).
//
//   bench_store [--findings N] [--resources N] [--runs N] [--dir PATH] [--queries-only]
//               [--checks CHECKS.json] [--no-queries]
//
// --queries-only reuses the database a previous run left in --dir.
// --dir keeps the database and is a `cloudpeek serve --data-dir`: its master
// key is the data directory's (master.key, or CLOUDPEEK_MASTER_KEY), as the
// server reads it. bench/run-api-bench populates one this way.
// --checks takes `cloudpeek checks list --output json`: findings then use the
// real check ids (titles, CIS controls), so the server's catalog matches them.
// --no-queries stops after publishing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/master_key.h"
#include "store/sqlite_store.h"
#include "store/token.h"

using namespace cloudpeek;
using namespace cloudpeek::store;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

const char* kServices[] = {"s3", "ec2", "iam", "rds", "lambda", "kms", "cloudtrail", "eks"};
const char* kRegions[] = {"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1",
                          "ap-southeast-1", "ap-northeast-1", "sa-east-1", "ca-central-1"};

// The catalog the findings refer to (300 synthetic checks, or --checks).
std::vector<CheckMetadata> g_catalog;

Finding synth(int i, int round) {
  Finding f;
  int check = i % 300;
  const CheckMetadata& c = g_catalog[check % g_catalog.size()];
  f.check_id = c.id;
  f.service = c.service;
  f.region = kRegions[(i / 300) % 10];
  f.account = "1111222233" + std::to_string(10 + (i % 3));
  f.resource_type = "AWS::" + std::string(f.service) + "::Thing";
  f.resource_name = "res-" + std::to_string(i / 3);
  f.resource_arn = "arn:aws:" + f.service + ":" + f.region + ":" + f.account + ":thing/" + f.resource_name;
  f.severity = c.severity;
  // ~40% FAIL; the second round flips a few percent.
  int v = (i * 7 + round * ((i % 23) == 0)) % 10;
  f.status = v < 4 ? CheckStatus::kFail : (v < 9 ? CheckStatus::kPass : CheckStatus::kNotAssessed);
  f.detail = "synthetic detail for " + f.resource_name;
  return f;
}

struct Stats {
  double p50, p95, max;
};

Stats time_it(int runs, const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    f();
    t.push_back(ms_since(t0));
  }
  std::sort(t.begin(), t.end());
  return {t[t.size() / 2], t[std::min(t.size() - 1, static_cast<size_t>(t.size() * 0.95))], t.back()};
}

}  // namespace

int main(int argc, char** argv) {
  int n = 1000000, nres = 100000, runs = 40;
  bool queries_only = false, no_queries = false;
  std::filesystem::path dir, checks_file;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--queries-only")) queries_only = true;
    else if (!std::strcmp(argv[i], "--no-queries")) no_queries = true;
    else if (i + 1 < argc && !std::strcmp(argv[i], "--findings")) n = std::atoi(argv[++i]);
    else if (i + 1 < argc && !std::strcmp(argv[i], "--resources")) nres = std::atoi(argv[++i]);
    else if (i + 1 < argc && !std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[++i]);
    else if (i + 1 < argc && !std::strcmp(argv[i], "--dir")) dir = argv[++i];
    else if (i + 1 < argc && !std::strcmp(argv[i], "--checks")) checks_file = argv[++i];
    else {
      std::fprintf(stderr, "bench_store: unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  bool own_dir = dir.empty();
  if (own_dir) dir = std::filesystem::temp_directory_path() / ("cloudpeek-bench-" + random_token(6));
  std::filesystem::create_directories(dir);
  MasterKey key;
  if (own_dir) key.bytes.fill(7);
  else key = master_key_from_environment(dir);  // as `cloudpeek serve --data-dir` reads it
  auto store = open_sqlite_store(dir / "cloudpeek.db", key);

  std::vector<CheckMetadata>& catalog = g_catalog;
  if (!checks_file.empty()) {
    std::ifstream in(checks_file);
    for (const auto& c : nlohmann::json::parse(in)) {
      CheckMetadata m;
      m.id = c.at("id").get<std::string>();
      m.title = c.value("title", m.id);
      m.severity = parse_severity(c.value("severity", "medium")).value_or(Severity::kMedium);
      m.service = c.value("service", "");
      if (c.contains("compliance")) {
        m.cis = c["compliance"].value("cis-3.0", std::vector<std::string>{});
        m.fsbp = c["compliance"].value("fsbp", std::vector<std::string>{});
      }
      catalog.push_back(m);
    }
    if (catalog.empty()) {
      std::fprintf(stderr, "bench_store: no checks in %s\n", checks_file.c_str());
      return 2;
    }
  } else {
    for (int c = 0; c < 300; ++c) {
      CheckMetadata m;
      m.id = "check_" + std::to_string(c);
      m.title = "Synthetic check number " + std::to_string(c);
      m.severity = static_cast<Severity>(c % 5);
      m.service = kServices[c % 8];
      m.cis = {std::to_string(1 + c % 5) + "." + std::to_string(c % 20)};
      catalog.push_back(m);
    }
  }
  store->sync_check_catalog(catalog);
  Provider p = queries_only ? store->list_providers().at(0)
                            : store->create_provider(NewProvider{"bench", 0, nullptr},
                                                     Credentials{"AKIABENCH", "bench-secret", "", std::nullopt}, "bench");

  for (int round = 0; round < (queries_only ? 0 : 2); ++round) {
    Time t = now_seconds() - std::chrono::days(1 - round);
    Scan s = store->create_scan(p.id, {}, {}, t);
    store->mark_scan_running(s.id, t, nullptr);
    auto t0 = Clock::now();
    const int batch = 5000;
    for (int i = 0; i < nres; i += batch) {
      std::vector<Resource> rs;
      for (int j = i; j < std::min(nres, i + batch); ++j) {
        Resource r;
        r.type = "AWS::S3::Bucket";
        r.region = kRegions[j % 10];
        r.account = "111122223310";
        r.arn = "arn:aws:s3:::bench-" + std::to_string(j);
        r.name = "bench-" + std::to_string(j);
        r.raw = {{"Name", r.name}, {"CreationDate", "2026-01-01T00:00:00Z"}};
        rs.push_back(std::move(r));
      }
      store->add_scan_resources(s.id, rs);
    }
    for (int i = 0; i < n; i += batch) {
      std::vector<Finding> fs;
      for (int j = i; j < std::min(n, i + batch); ++j) fs.push_back(synth(j, round));
      store->add_scan_findings(s.id, fs);
    }
    double staged = ms_since(t0);
    ScanFinish f;
    f.finished_at = t;
    for (const auto& c : catalog) f.checks_run.push_back(c.id);
    f.regions_scanned.assign(std::begin(kRegions), std::end(kRegions));
    t0 = Clock::now();
    store->finish_scan(s.id, f);
    double published = ms_since(t0);
    std::printf("scan %d: %d findings + %d resources staged in %.1f s (%.0f rows/s), published in %.1f s (%.0f rows/s)\n",
                round + 1, n, nres, staged / 1000, (n + nres) / (staged / 1000), published / 1000,
                (n + nres) / (published / 1000));
  }

  FindingFilter open;
  open.statuses = {FindingStatus::kOpen};
  std::printf("findings stored: %lld (open: %lld)\n", static_cast<long long>(store->list_findings({}, {}).total),
              static_cast<long long>(store->list_findings(open, {}).total));
  if (no_queries) {
    store.reset();
    if (own_dir) std::filesystem::remove_all(dir);
    else std::printf("kept: %s\n", dir.c_str());
    return 0;
  }

  struct Q {
    const char* name;
    std::function<void()> f;
  };
  auto filt = [](auto mod) {
    FindingFilter f;
    mod(f);
    return f;
  };
  std::vector<Q> queries = {
      {"dashboard (all providers)", [&] { store->dashboard(std::nullopt, now_seconds()); }},
      {"dashboard (provider)", [&] { store->dashboard(p.id, now_seconds()); }},
      {"findings default page", [&] { store->list_findings({}, {}); }},
      {"findings status=open", [&] { store->list_findings(open, {}); }},
      {"findings severity=critical,status=open",
       [&] {
         store->list_findings(filt([](FindingFilter& f) {
                                f.severities = {Severity::kCritical};
                                f.statuses = {FindingStatus::kOpen};
                              }),
                              {});
       }},
      {"findings service=s3,region=eu-west-1",
       [&] {
         store->list_findings(filt([](FindingFilter& f) {
                                f.services = {"s3"};
                                f.regions = {"eu-west-1"};
                              }),
                              {});
       }},
      {"findings check=<8th check>",
       [&] { store->list_findings(filt([&](FindingFilter& f) { f.checks = {catalog[7 % catalog.size()].id}; }), {}); }},
      {"findings control=2.1", [&] { store->list_findings(filt([](FindingFilter& f) { f.control = "2.1"; }), {}); }},
      {"findings q=res-4242", [&] { store->list_findings(filt([](FindingFilter& f) { f.q = "res-4242"; }), {}); }},
      {"findings sort=-last_seen page 100",
       [&] { store->list_findings(filt([](FindingFilter& f) { f.sort = "-last_seen"; }), PageRequest{100, 50}); }},
      {"finding detail", [&] { store->get_finding("4242"); }},
      {"inventory summary", [&] { store->inventory_summary(std::nullopt); }},
      {"resources page", [&] { store->list_resources({}, {}); }},
  };
  std::printf("%-42s %9s %9s %9s\n", "query", "p50 ms", "p95 ms", "max ms");
  for (auto& q : queries) {
    Stats s = time_it(runs, q.f);
    std::printf("%-42s %9.2f %9.2f %9.2f\n", q.name, s.p50, s.p95, s.max);
  }
  std::printf("database: %s (%.0f MB)\n", (dir / "cloudpeek.db").c_str(),
              std::filesystem::file_size(dir / "cloudpeek.db") / 1e6);
  store.reset();
  if (own_dir) std::filesystem::remove_all(dir);
  else std::printf("kept: %s (reuse with --queries-only)\n", dir.c_str());
  return 0;
}
