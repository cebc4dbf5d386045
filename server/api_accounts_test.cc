// Many accounts (issue 11 §3) against fakeaws: GET /accounts lists every
// monitored account worst first with the counts of its own dashboard, the CIS
// roll-up across accounts, the account filter; the scheduler runs at most
// max_concurrent_scans scans at once (the others queued, cancellable), and a
// started scan says "running" at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "server/test_server.h"

namespace cloudpeek::server::testing {
namespace {

constexpr const char* kQuietKey = "AKIAFAKEQUIET0000001";
constexpr const char* kQuietSecret = "fakeSecretQuiet/00000000000000000000000001";
constexpr const char* kThirdKey = "AKIAFAKETHIRD0000001";
constexpr const char* kThirdSecret = "fakeSecretThird/00000000000000000000000001";

// The insecure scenario's account (111122223333) plus two near-empty ones,
// 444455556666 and 777788889999, each with an auditor key of its own.
std::string three_accounts_scenario() {
  static std::string dir = [] {
    fs::path d = fs::temp_directory_path() / ("cloudpeek-accounts-scenario-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    for (const auto& e : fs::directory_iterator(insecure_scenario()))
      if (e.path().extension() == ".json") fs::create_symlink(e.path(), d / e.path().filename());
    // An account with little in it, its account-level settings answered (the
    // scan reads everything: no coverage gap).
    auto account = [](const std::string& id, const char* key, const char* secret) {
      std::string report =
          "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
          "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
          "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
          "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
          "cert_2_active,cert_2_last_rotated\n<root_account>,arn:aws:iam::" + id +
          ":root,2019-04-01T08:30:00+00:00,not_supported,N/A,not_supported,not_supported,true,false,N/A,N/A,N/A,"
          "N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
      json services = {
          {"account", {{"*", {{"GetAlternateContact", {{"AlternateContact", {{"AlternateContactType", "SECURITY"},
                                                                               {"EmailAddress", "sec@example.com"},
                                                                               {"Name", "Security"},
                                                                               {"PhoneNumber", "+1-555-0100"},
                                                                               {"Title", "CISO"}}}}}}}}},
          {"ec2", {{"us-east-1", {{"GetEbsEncryptionByDefault", {{"EbsEncryptionByDefault", true}}}}}}},
          {"ecr", {{"us-east-1", {{"GetRegistryScanningConfiguration",
                                   {{"registryId", id}, {"scanningConfiguration", {{"scanType", "ENHANCED"},
                                                                                   {"rules", json::array()}}}}}}}}},
          {"glue", {{"*", {{"GetDataCatalogEncryptionSettings",
                            {{"DataCatalogEncryptionSettings",
                              {{"EncryptionAtRest", {{"CatalogEncryptionMode", "SSE-KMS"}}},
                               {"ConnectionPasswordEncryption", {{"ReturnConnectionPasswordEncrypted", true}}}}}}}}}}},
          {"iam", {{"*", {{"GenerateCredentialReport", {{"State", "COMPLETE"}}},
                          {"GetCredentialReport", {{"Content", report}, {"ReportFormat", "text/csv"},
                                                   {"GeneratedTime", "2026-11-25T10:00:00Z"}}},
                          {"GetAccountSummary", {{"SummaryMap", {{"AccountMFAEnabled", 1},
                                                                 {"AccountAccessKeysPresent", 0}}}}},
                          {"ListEntitiesForPolicy", {{"PolicyGroups", json::array()},
                                                     {"PolicyUsers", json::array()},
                                                     {"PolicyRoles", json::array()}}}}}}}};
      return json{{"regions", {{"us-east-1", "opt-in-not-required"}}},
                  {"identities",
                   {{"users", json::array({{{"name", "auditor"},
                                            {"user_id", std::string("AIDA") + (key + 4)},
                                            {"access_keys", json::array({{{"id", key}, {"secret", secret}}})}}})}}},
                  {"services", services}};
    };
    json extra = {{"accounts",
                   {{"444455556666", account("444455556666", kQuietKey, kQuietSecret)},
                    {"777788889999", account("777788889999", kThirdKey, kThirdSecret)}}}};
    std::ofstream(d / "99-more-accounts.json") << extra.dump(1);
    return d.string();
  }();
  return dir;
}

std::string add(TestServer& s, Client& c, const std::string& label, const char* key, const char* secret) {
  return s.add_provider(c, label, {{"access_key_id", key}, {"secret_access_key", secret}});
}

std::string start(Client& c, const std::string& provider_id) {
  auto r = c.send("POST", "/api/v1/scans", {{"provider_id", provider_id}, {"regions", {"us-east-1"}}});
  EXPECT_EQ(r.status, 202u) << r.body;
  return r.j().value("id", "");
}

// Ran to its end: succeeded, or partial when fakeaws lacks an answer a newer
// collector asks for (what these tests judge is the order and the queue).
bool ran_to_end(const json& scan) { return scan["status"] == "succeeded" || scan["status"] == "partial"; }

std::vector<std::string> labels(const json& accounts) {
  std::vector<std::string> out;
  for (const auto& a : accounts["accounts"]) out.push_back(a["label"]);
  return out;
}

TEST(Accounts, WorstFirstWithEachAccountsOwnCountsAndCisAcrossAccounts) {
  TestServer s(three_accounts_scenario());
  auto c = s.admin();
  std::string quiet = add(s, c, "quiet", kQuietKey, kQuietSecret);
  std::string prod = add(s, c, "prod", kAuditorKey, kAuditorSecret);
  std::string never = add(s, c, "third (never scanned)", kThirdKey, kThirdSecret);
  // Before any scan: every account listed, nothing assessed, no compliance figure.
  auto before = c.get("/api/v1/accounts");
  ASSERT_EQ(before.status, 200u) << before.body;
  EXPECT_EQ(before.j()["accounts_monitored"], 3);
  json bj = before.j();
  ASSERT_EQ(bj["accounts"].size(), 3u);
  for (const auto& a : bj["accounts"]) {
    EXPECT_FALSE(a["assessed"].get<bool>());
    EXPECT_TRUE(a["compliance"]["percent"].is_null());
    EXPECT_TRUE(a["last_scan"].is_null());
  }
  EXPECT_TRUE(before.j()["cis"]["compliance"]["percent"].is_null());

  auto q = start(c, quiet);
  auto p = start(c, prod);
  auto qj = s.wait_scan(c, q);
  ASSERT_TRUE(ran_to_end(qj)) << qj.dump();
  auto pj = s.wait_scan(c, p);
  ASSERT_TRUE(ran_to_end(pj)) << pj.dump();

  auto r = c.get("/api/v1/accounts");
  ASSERT_EQ(r.status, 200u) << r.body;
  json j = r.j();
  EXPECT_EQ(j["accounts_monitored"], 3);
  EXPECT_EQ(j["providers"], 3);
  // The insecure account first, the near-empty one next, the unscanned one last.
  EXPECT_EQ(labels(j), (std::vector<std::string>{"prod", "quiet", "third (never scanned)"}));

  std::map<std::string, json> by_id;
  for (const auto& a : j["accounts"]) by_id[a["provider_id"]] = a;
  EXPECT_EQ(by_id[prod]["account_id"], "111122223333");
  EXPECT_EQ(by_id[quiet]["account_id"], "444455556666");
  EXPECT_EQ(by_id[never]["account_id"], "777788889999");
  EXPECT_TRUE(by_id[prod]["ou"].is_null());  // not an organization member: no OU is made up
  EXPECT_EQ(by_id[prod]["source"], "keys");
  EXPECT_EQ(by_id[prod]["credential"]["state"], "valid");

  // Each row's counts are those of that account's own dashboard and compliance page.
  int64_t prod_worst = 0, quiet_worst = 0;
  for (const auto& id : {prod, quiet}) {
    auto d = c.get("/api/v1/dashboard?provider_id=" + id).j();
    const auto& a = by_id[id];
    EXPECT_EQ(a["by_severity"], d["by_severity"]) << id;
    EXPECT_EQ(a["security_issues"], d["security_issues"]) << id;
    EXPECT_EQ(a["improvements"], d["best_practice_improvements"]) << id;
    EXPECT_TRUE(a["assessed"].get<bool>());
    EXPECT_EQ(a["last_scan"]["id"], id == prod ? p : q);
    EXPECT_EQ(a["last_scan"]["status"], (id == prod ? pj : qj)["status"]);
    auto comp = c.get("/api/v1/compliance?provider_id=" + id).j();
    int64_t pass = 0, assessed = 0;
    for (const auto& ctl : comp["controls"]) {
      if (ctl["status"] == "manual") continue;
      ++assessed;
      if (ctl["status"] == "pass") ++pass;
    }
    ASSERT_GT(assessed, 0);
    EXPECT_EQ(a["compliance"]["percent"], pass * 100 / assessed) << id;
    EXPECT_EQ(a["compliance"]["pass"], pass) << id;
    (id == prod ? prod_worst : quiet_worst) =
        a["by_severity"]["critical"].get<int64_t>() * 1000000 + a["by_severity"]["high"].get<int64_t>();
  }
  EXPECT_GT(prod_worst, quiet_worst);
  EXPECT_GT(by_id[prod]["security_issues"].get<int64_t>(), 0);
  EXPECT_FALSE(by_id[never]["assessed"].get<bool>());
  EXPECT_TRUE(by_id[never]["compliance"]["percent"].is_null());

  // CIS across accounts: a control fails when it fails in any account, and says in how many.
  std::map<std::string, std::set<std::string>> failing;  // control -> providers
  for (const auto& id : {prod, quiet}) {
    json comp = c.get("/api/v1/compliance?provider_id=" + id).j();
    for (const auto& ctl : comp["controls"])
      if (ctl["status"] == "fail") failing[ctl["id"]].insert(id);
  }
  int both = 0, checked = 0;
  for (const auto& ctl : j["cis"]["controls"]) {
    const auto& f = failing[ctl["id"]];
    EXPECT_EQ(ctl["accounts_failing"], static_cast<int64_t>(f.size())) << ctl.dump();
    if (!f.empty()) EXPECT_EQ(ctl["status"], "fail") << ctl.dump();
    if (ctl["status"] == "fail") EXPECT_FALSE(f.empty()) << ctl.dump();
    both += f.size() == 2;
    ++checked;
  }
  EXPECT_GT(checked, 0);
  EXPECT_GT(both, 0) << "some control should fail in both accounts (e.g. no password policy)";
  EXPECT_EQ(j["cis"]["controls"], c.get("/api/v1/accounts").j()["cis"]["controls"]);  // stable
  EXPECT_EQ(j["cis"]["framework"], c.get("/api/v1/compliance").j()["framework"]);

  // One account: the same row alone.
  auto one = c.get("/api/v1/accounts?provider_id=" + quiet).j();
  ASSERT_EQ(one["accounts"].size(), 1u);
  EXPECT_EQ(one["accounts"][0], by_id[quiet]);
  EXPECT_EQ(one["accounts_monitored"], 1);
  // An OU no account is in: a clear 400 naming the parameter, never every account.
  auto ou = c.get("/api/v1/accounts?ou=Root%2FWorkloads");
  EXPECT_EQ(ou.status, 400u);
  EXPECT_EQ(ou.j()["error"]["field"], "ou") << ou.body;
  EXPECT_NE(ou.j()["error"]["message"].get<std::string>().find("Root/Workloads"), std::string::npos) << ou.body;
  EXPECT_EQ(c.get("/api/v1/compliance?ou=Root").status, 400u);
  EXPECT_EQ(c.get("/api/v1/inventory/summary?ou=Root").status, 400u);
  // Signed out: nothing.
  EXPECT_EQ(s.client().get("/api/v1/accounts").status, 401u);
}

// Organization members carry their OU path: the picker lists the OUs, and ou=
// covers an OU and those below it, on /accounts and /compliance alike.
TEST(Accounts, OrganizationMembersFilterByOu) {
  TestServer s(std::string(CLOUDPEEK_FAKEAWS) + "/scenarios/organization.json");
  auto c = s.admin();
  std::string mgmt = s.add_provider(c, "management", {{"access_key_id", "AKIAFAKEORGADMIN0001"},
                                                       {"secret_access_key", "fakeSecretOrgAdmin/000000000000000000000001"}});
  auto org = c.send("POST", "/api/v1/organizations",
                    {{"provider_id", mgmt}, {"role_name", "CloudPeekAudit"}, {"external_id", "cloudpeek-ext-7f3a9c2e"}});
  ASSERT_EQ(org.status, 201u) << org.body;
  std::map<std::string, std::string> ou_of;  // provider id -> OU path, from the organization's answer
  json oj = org.j();
  for (const auto& a : oj["accounts"])
    if (a["member"].is_object() && a["ou_path"].is_string()) ou_of[a["member"]["provider_id"]] = a["ou_path"];
  ASSERT_GT(ou_of.size(), 3u) << org.body;

  json scopes = c.get("/api/v1/accounts/scopes").j();
  std::set<std::string> listed;
  for (const auto& o : scopes["ous"]) listed.insert(o["path"]);
  for (const auto& [pid, path] : ou_of) EXPECT_TRUE(listed.count(path)) << path;
  for (const auto& a : scopes["accounts"])
    if (ou_of.count(a["provider_id"])) EXPECT_EQ(a["ou"], ou_of[a["provider_id"]]);

  // A parent OU of some member (the path up to its last '/') covers it and everything below.
  std::string deep;
  for (const auto& [pid, path] : ou_of)
    if (std::count(path.begin(), path.end(), '/') >= 2) deep = path;
  ASSERT_FALSE(deep.empty());
  std::string parent = deep.substr(0, deep.rfind('/'));
  std::set<std::string> want;
  for (const auto& [pid, path] : ou_of)
    if (path == parent || path.rfind(parent + "/", 0) == 0) want.insert(pid);
  std::string q = parent;
  for (size_t i = 0; (i = q.find('/', i)) != std::string::npos; i += 3) q.replace(i, 1, "%2F");
  auto in = c.get("/api/v1/accounts?ou=" + q);
  ASSERT_EQ(in.status, 200u) << in.body;
  std::set<std::string> got;
  json ij = in.j();
  for (const auto& a : ij["accounts"]) {
    got.insert(a["provider_id"]);
    EXPECT_EQ(a["source"], "organization");
  }
  EXPECT_EQ(got, want) << parent;
  EXPECT_LT(got.size(), ou_of.size());  // a real narrowing
  EXPECT_EQ(in.j()["scope"]["ou"], parent);
  // A prefix that is not a whole OU name covers nothing: "Root/Work" is not "Root/Workloads".
  auto partial = c.get("/api/v1/accounts?ou=" + q.substr(0, q.size() - 1));
  EXPECT_EQ(partial.status, 400u) << partial.body;
  EXPECT_EQ(c.get("/api/v1/compliance?ou=" + q).status, 200u);
  EXPECT_EQ(c.get("/api/v1/dashboard?ou=" + q).status, 400u);  // one account or all: it says to use /accounts
}

// "%2F" for every "/": an OU path as a query value.
std::string ou_query(std::string path) {
  for (size_t i = 0; (i = path.find('/', i)) != std::string::npos; i += 3) path.replace(i, 1, "%2F");
  return path;
}

// Every finding (or resource) id of a list, read page by page of 5: each once.
std::set<std::string> ids_paged(Client& c, const std::string& path, int64_t* total = nullptr) {
  std::set<std::string> ids;
  for (int page = 1; page < 100; ++page) {
    auto r = c.get(path + "&page_size=5&page=" + std::to_string(page));
    EXPECT_EQ(r.status, 200u) << path << ": " << r.body;
    json j = r.j();
    if (total) *total = j.value("total", int64_t{-1});
    for (const auto& i : j["items"]) EXPECT_TRUE(ids.insert(i["id"].get<std::string>()).second) << "twice: " << i["id"];
    if (j["items"].size() < 5) break;
  }
  return ids;
}

// ou= on findings (list and export), resources, the inventory summary and the
// scan history (issue 11 §3): an OU covers its accounts and those of the OUs
// below it, in one query whose totals and pages are the whole set's; an OU
// CloudPeek does not know is 400 naming ou and where the OUs are listed; a
// known OU whose accounts are not monitored answers empty, never everything.
TEST(Accounts, OuFiltersFindingsResourcesInventoryAndScans) {
  TestServer s(std::string(CLOUDPEEK_FAKEAWS) + "/scenarios/organization.json");
  auto c = s.admin();
  std::string mgmt = s.add_provider(c, "management", {{"access_key_id", "AKIAFAKEORGADMIN0001"},
                                                       {"secret_access_key", "fakeSecretOrgAdmin/000000000000000000000001"}});
  auto org = c.send("POST", "/api/v1/organizations",
                    {{"provider_id", mgmt}, {"role_name", "CloudPeekAudit"}, {"external_id", "cloudpeek-ext-7f3a9c2e"}});
  ASSERT_EQ(org.status, 201u) << org.body;
  std::map<std::string, std::string> pid_of, ou_of;  // account id -> provider id; provider id -> OU
  const json oj = org.j();  // kept: a range-for over a temporary's member would dangle
  for (const auto& a : oj["accounts"])
    if (a["member"].is_object()) {
      pid_of[a["account_id"]] = a["member"]["provider_id"];
      ou_of[a["member"]["provider_id"]] = a["ou_path"];
    }
  // prod-payments and prod-web (Root/Workloads/Prod), dev-web (Root/Workloads/Dev), sandbox-alice (Root/Sandbox).
  std::vector<std::string> scanned;
  for (const char* acct : {"222200000005", "222200000006", "222200000010", "222200000015"}) {
    ASSERT_TRUE(pid_of.count(acct)) << acct << " " << org.body;
    scanned.push_back(pid_of[acct]);
  }
  ASSERT_EQ(ou_of[scanned[0]], "Root/Workloads/Prod");
  ASSERT_EQ(ou_of[scanned[2]], "Root/Workloads/Dev");
  ASSERT_EQ(ou_of[scanned[3]], "Root/Sandbox");
  std::vector<std::string> scans;
  for (const auto& pid : scanned) scans.push_back(start(c, pid));
  for (const auto& id : scans) {
    auto sj = s.wait_scan(c, id);
    ASSERT_TRUE(ran_to_end(sj)) << sj.dump();
  }
  // The picker offers every OU with an account in it or below it, counting those.
  std::map<std::string, int64_t> listed;
  const json scopes = c.get("/api/v1/accounts/scopes").j();
  for (const auto& o : scopes["ous"]) listed[o["path"]] = o["accounts"];
  int64_t in_workloads = 0, in_org = 0;
  for (const auto& a : oj["accounts"])
    if (a["member"].is_object()) {
      ++in_org;
      in_workloads += a["ou_path"].get<std::string>().rfind("Root/Workloads/", 0) == 0;
    }
  EXPECT_EQ(listed["Root/Workloads"], in_workloads);
  EXPECT_EQ(in_workloads, 10);
  EXPECT_EQ(listed["Root"], in_org);
  EXPECT_EQ(listed["Root/Workloads/Prod"], 5);
  const std::set<std::string> workloads = {scanned[0], scanned[1], scanned[2]};
  const std::string wq = ou_query("Root/Workloads");

  // Findings: exactly the union of the OU's accounts' own findings, each once across pages.
  std::set<std::string> want;
  for (const auto& pid : workloads) {
    auto own = ids_paged(c, "/api/v1/findings?provider_id=" + pid);
    EXPECT_FALSE(own.empty()) << pid;
    want.insert(own.begin(), own.end());
  }
  int64_t total = 0;
  auto got = ids_paged(c, "/api/v1/findings?ou=" + wq, &total);
  EXPECT_EQ(got, want);
  EXPECT_EQ(total, static_cast<int64_t>(want.size()));
  json page = c.get("/api/v1/findings?page_size=500&ou=" + wq).j();
  std::set<std::string> providers_seen, accounts_seen;
  for (const auto& f : page["items"]) {
    providers_seen.insert(f["provider_id"]);
    accounts_seen.insert(f["account"]);
  }
  EXPECT_EQ(providers_seen, workloads);
  EXPECT_EQ(accounts_seen, (std::set<std::string>{"222200000005", "222200000006", "222200000010"}));
  // The narrower OU and the counts the findings page shows (open, by severity) agree with a recount.
  auto prod_only = ids_paged(c, "/api/v1/findings?ou=" + ou_query("Root/Workloads/Prod/"));
  std::set<std::string> prod_want;
  for (const auto& pid : {scanned[0], scanned[1]}) {
    auto own = ids_paged(c, "/api/v1/findings?provider_id=" + pid);
    prod_want.insert(own.begin(), own.end());
  }
  EXPECT_EQ(prod_only, prod_want);
  for (const char* filter : {"status=open", "status=open&severity=critical,high", "result=PASS", "service=s3"}) {
    int64_t sum = 0;
    for (const auto& pid : workloads)
      sum += c.get("/api/v1/findings?" + std::string(filter) + "&provider_id=" + pid).j()["total"].get<int64_t>();
    EXPECT_EQ(c.get("/api/v1/findings?" + std::string(filter) + "&ou=" + wq).j()["total"], sum) << filter;
  }
  // The export: the same set.
  auto exported = c.get("/api/v1/findings/export?format=json&ou=" + wq);
  ASSERT_EQ(exported.status, 200u);
  std::set<std::string> exported_ids;
  for (const auto& f : exported.j()) exported_ids.insert(f["id"]);
  EXPECT_EQ(exported_ids, want);
  // ou and provider_id together: that provider if it is in the OU, else nothing.
  EXPECT_EQ(c.get("/api/v1/findings?ou=" + wq + "&provider_id=" + scanned[0]).j()["total"],
            c.get("/api/v1/findings?provider_id=" + scanned[0]).j()["total"]);
  EXPECT_EQ(c.get("/api/v1/findings?ou=" + wq + "&provider_id=" + scanned[3]).j()["total"], 0);

  // Resources and the inventory summary.
  std::set<std::string> want_res;
  for (const auto& pid : workloads) {
    auto own = ids_paged(c, "/api/v1/resources?provider_id=" + pid);
    EXPECT_FALSE(own.empty()) << pid;
    want_res.insert(own.begin(), own.end());
  }
  int64_t res_total = 0;
  EXPECT_EQ(ids_paged(c, "/api/v1/resources?x=1&ou=" + wq, &res_total), want_res);
  EXPECT_EQ(res_total, static_cast<int64_t>(want_res.size()));
  auto summary = c.get("/api/v1/inventory/summary?ou=" + wq);
  ASSERT_EQ(summary.status, 200u) << summary.body;
  int64_t counted = 0;
  for (const auto& row : summary.j()) counted += row["count"].get<int64_t>();
  EXPECT_EQ(counted, res_total);

  // The scan history: the OU's scans, newest first.
  auto hist = c.get("/api/v1/scans?ou=" + wq);
  ASSERT_EQ(hist.status, 200u) << hist.body;
  std::vector<std::string> hist_ids;
  const json hj = hist.j();
  EXPECT_EQ(hj["total"], 3);
  for (const auto& sc : hj["items"]) hist_ids.push_back(sc["id"]);
  EXPECT_EQ(hist_ids, (std::vector<std::string>{scans[2], scans[1], scans[0]}));
  auto sandbox = c.get("/api/v1/scans?ou=" + ou_query("Root/Sandbox")).j();
  ASSERT_EQ(sandbox["items"].size(), 1u);
  EXPECT_EQ(sandbox["items"][0]["id"], scans[3]);
  EXPECT_EQ(c.get("/api/v1/scans").j()["total"], 4);

  // Not a whole OU name, or no OU at all: 400 naming ou, saying where the OUs are listed.
  for (const char* path : {"/api/v1/findings?ou=", "/api/v1/findings/export?format=csv&ou=", "/api/v1/resources?ou=",
                           "/api/v1/inventory/summary?ou=", "/api/v1/scans?ou="}) {
    for (const std::string& bad : {ou_query("Root/Work"), ou_query("Root/Nowhere"), std::string("%2F")}) {
      auto r = c.get(path + bad);
      EXPECT_EQ(r.status, 400u) << path << bad << ": " << r.body;
      EXPECT_EQ(r.j()["error"]["field"], "ou") << r.body;
      EXPECT_NE(r.j()["error"]["advice"].get<std::string>().find("/api/v1/accounts/scopes"), std::string::npos) << r.body;
    }
  }
  EXPECT_NE(c.get("/api/v1/findings?ou=" + ou_query("Root/Work")).j()["error"]["message"].get<std::string>().find("Root/Work"),
            std::string::npos);

  // An OU whose accounts are no longer monitored (their providers deleted): known, and empty.
  for (const auto& [pid, path] : ou_of)
    if (path == "Root/Security") {
      auto d = c.send("DELETE", "/api/v1/providers/" + pid);
      ASSERT_EQ(d.status, 204u) << d.body;
    }
  const std::string sq = ou_query("Root/Security");
  for (const char* path : {"/api/v1/findings?ou=", "/api/v1/resources?ou=", "/api/v1/scans?ou="}) {
    auto r = c.get(path + sq);
    ASSERT_EQ(r.status, 200u) << path << ": " << r.body;
    EXPECT_EQ(r.j()["total"], 0) << path;
    EXPECT_TRUE(r.j()["items"].empty()) << path;
  }
  auto empty_summary = c.get("/api/v1/inventory/summary?ou=" + sq);
  ASSERT_EQ(empty_summary.status, 200u) << empty_summary.body;
  EXPECT_TRUE(empty_summary.j().empty());
  auto empty_accounts = c.get("/api/v1/accounts?ou=" + sq);
  ASSERT_EQ(empty_accounts.status, 200u) << empty_accounts.body;
  EXPECT_TRUE(empty_accounts.j()["accounts"].empty());
  EXPECT_EQ(empty_accounts.j()["accounts_monitored"], 0);
}

TEST(Accounts, ConcurrentScansSettingValidatedAndKept) {
  TestServer s;
  auto c = s.admin();
  EXPECT_EQ(c.get("/api/v1/settings").j()["max_concurrent_scans"], 4);
  for (json bad : {json(0), json(65), json("4"), json(2.5)}) {
    auto r = c.send("PUT", "/api/v1/settings", {{"max_concurrent_scans", bad}});
    EXPECT_EQ(r.status, 400u) << bad.dump();
    EXPECT_EQ(r.j()["error"]["field"], "max_concurrent_scans");
  }
  auto ok = c.send("PUT", "/api/v1/settings", {{"max_concurrent_scans", 2}});
  ASSERT_EQ(ok.status, 200u) << ok.body;
  EXPECT_EQ(ok.j()["max_concurrent_scans"], 2);
  EXPECT_EQ(c.get("/api/v1/settings").j()["max_concurrent_scans"], 2);
  EXPECT_EQ(max_concurrent_scans(s.db()), 2);
}

// Samples every scan's status until all have ended.
struct Timeline {
  std::vector<std::map<std::string, std::string>> samples;  // scan id -> status
  void watch(Client& c, const std::vector<std::string>& ids, std::chrono::seconds limit = std::chrono::seconds(180)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      // One read of the history: every scan's status at the same moment.
      std::map<std::string, std::string> now;
      json page = c.get("/api/v1/scans?page_size=100").j();
      for (const auto& item : page["items"]) now[item["id"]] = item["status"];
      bool active = false;
      for (const auto& id : ids) {
        if (!now.count(id)) now[id] = "?";
        active = active || now[id] == "queued" || now[id] == "running";
      }
      samples.push_back(now);
      if (!active) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(40));
    }
    ADD_FAILURE() << "scans did not end";
  }
  int max_running() const {
    int m = 0;
    for (const auto& s : samples) {
      int n = 0;
      for (const auto& [id, st] : s) n += st == "running";
      m = std::max(m, n);
    }
    return m;
  }
  bool ever(const std::function<bool(const std::map<std::string, std::string>&)>& f) const {
    return std::any_of(samples.begin(), samples.end(), f);
  }
  bool ended(const std::string& st) const { return st != "queued" && st != "running"; }
};

TEST(Accounts, AtMostKScansRunTheThirdStartsWhenOneEnds) {
  TestServer s(three_accounts_scenario());
  auto c = s.admin();
  ASSERT_EQ(c.send("PUT", "/api/v1/settings", {{"max_concurrent_scans", 2}}).status, 200u);
  std::string a = add(s, c, "a", kAuditorKey, kAuditorSecret);
  std::string b = add(s, c, "b", kQuietKey, kQuietSecret);
  std::string d = add(s, c, "d", kThirdKey, kThirdSecret);
  s.fake().set_faults(R"({"latency_ms": 150})");  // every scan takes a while
  std::vector<std::string> ids = {start(c, a), start(c, b), start(c, d)};
  auto third = c.get("/api/v1/scans/" + ids[2]).j();
  EXPECT_EQ(third["status"], "queued");
  EXPECT_EQ(third["progress"]["phase"], "queued");
  Timeline t;
  t.watch(c, ids);
  EXPECT_EQ(t.max_running(), 2);
  // The first two (different accounts) ran side by side, each with its own engine and rate-limit buckets.
  EXPECT_TRUE(t.ever([&](const auto& m) { return m.at(ids[0]) == "running" && m.at(ids[1]) == "running"; }));
  // The third ran only once one of them had ended.
  for (const auto& m : t.samples)
    if (m.at(ids[2]) != "queued") EXPECT_TRUE(t.ended(m.at(ids[0])) || t.ended(m.at(ids[1])));
  EXPECT_TRUE(t.ever([&](const auto& m) { return m.at(ids[2]) == "running"; }));
  for (const auto& id : ids) EXPECT_TRUE(ran_to_end(c.get("/api/v1/scans/" + id).j())) << id;
}

// Two providers of one account scan together, within its rate limits:
// server/same_account_scans_test.cc.

TEST(Accounts, AQueuedScanIsCancelledAtOnceAndTheOthersGoOn) {
  TestServer s(three_accounts_scenario());
  auto c = s.admin();
  ASSERT_EQ(c.send("PUT", "/api/v1/settings", {{"max_concurrent_scans", 1}}).status, 200u);
  std::string a = add(s, c, "a", kAuditorKey, kAuditorSecret);
  std::string b = add(s, c, "b", kQuietKey, kQuietSecret);
  s.fake().set_faults(R"({"latency_ms": 100})");
  auto first = start(c, a);
  auto second = start(c, b);
  ASSERT_EQ(c.get("/api/v1/scans/" + second).j()["status"], "queued");
  auto cancel = c.send("POST", "/api/v1/scans/" + second + "/cancel");
  EXPECT_EQ(cancel.status, 202u) << cancel.body;
  auto sj = c.get("/api/v1/scans/" + second).j();
  EXPECT_EQ(sj["status"], "interrupted");
  EXPECT_NE(sj["reason"].get<std::string>().find("while queued"), std::string::npos) << sj.dump();
  EXPECT_EQ(sj["progress"]["phase"], "cancelled");
  EXPECT_EQ(sj["counts"], json({{"PASS", 0}, {"FAIL", 0}, {"NOT_ASSESSED", 0}, {"MANUAL", 0}}));  // nothing ran
  EXPECT_EQ(sj["progress"]["resources"], 0);
  EXPECT_EQ(c.send("POST", "/api/v1/scans/" + second + "/cancel").status, 409u);  // already ended
  EXPECT_TRUE(ran_to_end(s.wait_scan(c, first)));
  // The provider can be scanned again.
  s.fake().set_faults("{}");
  EXPECT_TRUE(ran_to_end(s.wait_scan(c, start(c, b))));
}

// The history said "queued" while the scan was already renewing and checking
// its credentials (until GetCallerIdentity answered): a started scan is running.
TEST(Accounts, AStartedScanIsRunningBeforeItsIdentityIsKnown) {
  TestServer s;
  auto c = s.admin();
  std::string p = s.add_provider(c);
  s.fake().set_faults(R"({"latency_ms": 1500, "service": "sts"})");
  auto id = start(c, p);
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  auto mid = c.get("/api/v1/scans/" + id).j();
  EXPECT_EQ(mid["status"], "running") << mid.dump();
  EXPECT_FALSE(mid["started_at"].is_null());
  auto list = c.get("/api/v1/scans?provider_id=" + p).j();
  EXPECT_EQ(list["items"][0]["status"], "running");
  s.fake().set_faults("{}");
  auto done = s.wait_scan(c, id);
  EXPECT_TRUE(ran_to_end(done)) << done.dump();
  EXPECT_EQ(done["started_at"], mid["started_at"]);  // kept, not reset when the identity came
}

}  // namespace
}  // namespace cloudpeek::server::testing
