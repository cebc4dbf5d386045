// The IAM analyzer's HTTP API (server/api_iam.cc) over real scans of fakeaws's
// insecure scenario: administrators, escalation paths step by step, outside
// trust, identity providers, who-can, and the answers when IAM was not
// collected (never an empty list).
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <set>

#include "server/test_server.h"

namespace cloudpeek::server {
std::size_t iam_api_analysis_builds();  // server/api_iam.cc
}  // namespace cloudpeek::server

namespace cloudpeek::server::testing {
namespace {

const json* row_of(const json& principals, const std::string& id) {
  for (const auto& p : principals)
    if (p["id"] == id) return &p;
  return nullptr;
}

std::set<std::string> names_in(const json& list) {
  std::set<std::string> out;
  for (const auto& e : list) out.insert(e["principal"]["name"].get<std::string>());
  return out;
}

std::string run_scan(TestServer& s, Client& c, const std::string& pid, json services = nullptr) {
  json body = {{"provider_id", pid}, {"regions", {"us-east-1"}}};
  if (!services.is_null()) body["services"] = services;
  auto started = c.send("POST", "/api/v1/scans", body);
  EXPECT_EQ(started.status, 202u) << started.body;
  std::string sid = started.j().value("id", "");
  auto scan = s.wait_scan(c, sid);
  EXPECT_TRUE(scan["status"] == "succeeded" || scan["status"] == "partial") << scan.dump();
  return sid;
}

TEST(ApiIam, SaysWhyWhenIamWasNotCollectedNeverAnEmptyList) {
  TestServer s;
  Client c = s.admin();
  std::string pid = s.add_provider(c);

  auto none = c.get("/api/v1/iam/principals?provider_id=" + pid);
  EXPECT_EQ(none.status, 409u) << none.body;
  EXPECT_EQ(none.j()["error"]["code"], "iam_not_collected");
  EXPECT_NE(none.j()["error"]["message"].get<std::string>().find("no completed scan"), std::string::npos) << none.body;

  // A scan of other services only.
  run_scan(s, c, pid, {"s3"});
  auto no_iam = c.get("/api/v1/iam/principals?provider_id=" + pid);
  EXPECT_EQ(no_iam.status, 409u) << no_iam.body;
  EXPECT_NE(no_iam.j()["error"]["message"].get<std::string>().find("did not include IAM"), std::string::npos)
      << no_iam.body;
  json no_iam_body = no_iam.j();
  EXPECT_FALSE(no_iam_body.contains("principals"));

  // The authorization details denied: the page names the action to grant.
  s.fake().set_faults(R"({"deny": ["iam:GetAccountAuthorizationDetails"]})");
  run_scan(s, c, pid, {"iam"});
  auto denied = c.get("/api/v1/iam/principals?provider_id=" + pid);
  EXPECT_EQ(denied.status, 409u) << denied.body;
  std::string msg = denied.j()["error"]["message"].get<std::string>() + denied.j()["error"]["advice"].get<std::string>();
  EXPECT_NE(msg.find("iam:GetAccountAuthorizationDetails"), std::string::npos) << denied.body;
  auto who = c.get("/api/v1/iam/who-can?action=iam:PassRole&provider_id=" + pid);
  EXPECT_EQ(who.status, 409u) << who.body;
  auto one = c.get("/api/v1/iam/principals/user:bob?provider_id=" + pid);
  EXPECT_EQ(one.status, 409u) << one.body;

  // Collected again: answers (and only the latest scan counts).
  s.fake().set_faults("{}");
  run_scan(s, c, pid, {"iam", "lambda"});
  auto ok = c.get("/api/v1/iam/principals?provider_id=" + pid);
  EXPECT_EQ(ok.status, 200u) << ok.body;
  // One provider: provider_id may be left out.
  EXPECT_EQ(c.get("/api/v1/iam/principals").status, 200u);
}

TEST(ApiIam, PrincipalsWhoCanAndOnePrincipalOfTheInsecureScenario) {
  TestServer s;
  Client c = s.admin();
  std::string pid = s.add_provider(c);
  std::string sid = run_scan(s, c, pid);
  std::string q = "provider_id=" + pid;

  // Signed out: 401, as every read view.
  EXPECT_EQ(s.client().get("/api/v1/iam/principals?" + q).status, 401u);

  auto t1 = std::chrono::steady_clock::now();
  auto list = c.get("/api/v1/iam/principals?" + q);
  std::cout << "GET /iam/principals: "
            << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t1).count()
            << " ms\n";
  ASSERT_EQ(list.status, 200u) << list.body;
  json j = list.j();
  EXPECT_EQ(j["account"], "111122223333");
  EXPECT_EQ(j["scan"]["id"], sid);
  const json& ps = j["principals"];

  // Administrators (AdministratorAccess on bob; alice by a group; break-glass inline "*").
  for (const std::string id : {"user:bob", "user:alice", "role:break-glass", "role:vendor-role"}) {
    const json* r = row_of(ps, id);
    ASSERT_NE(r, nullptr) << id << " " << list.body.substr(0, 3000);
    EXPECT_TRUE((*r)["admin"].get<bool>()) << r->dump();
    EXPECT_FALSE((*r)["can_escalate"].get<bool>()) << "an administrator already: " << r->dump();
  }
  // dave attaches a policy to himself: an administrator as issue 10 defines it (can grant itself everything).
  const json* dave_row = row_of(ps, "user:dave");
  ASSERT_NE(dave_row, nullptr);
  EXPECT_TRUE((*dave_row)["admin"].get<bool>()) << dave_row->dump();
  EXPECT_TRUE((*dave_row)["grants_itself"].get<bool>()) << dave_row->dump();
  EXPECT_FALSE((*dave_row)["can_escalate"].get<bool>()) << dave_row->dump();
  // The GitHub Actions role passes an admin role to a new Lambda function.
  for (const std::string id : {"role:github-actions-deploy"}) {
    const json* r = row_of(ps, id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_FALSE((*r)["admin"].get<bool>()) << r->dump();
    EXPECT_TRUE((*r)["can_escalate"].get<bool>()) << r->dump();
    EXPECT_GE((*r)["shortest_path"]["steps"].get<int>(), 1) << r->dump();
  }
  // Users' ways in (credential report): bob has a console password, no MFA, two active keys; roles have none.
  EXPECT_EQ((*row_of(ps, "user:bob"))["entry_points"],
            json({{"console_password", true}, {"mfa", false}, {"active_access_keys", 2}}));
  EXPECT_TRUE((*row_of(ps, "role:break-glass"))["entry_points"].is_null());
  // carol reads S3: neither.
  const json* carol = row_of(ps, "user:carol");
  ASSERT_NE(carol, nullptr);
  EXPECT_FALSE((*carol)["admin"].get<bool>());
  EXPECT_FALSE((*carol)["can_escalate"].get<bool>()) << carol->dump();
  EXPECT_FALSE((*carol)["trusted_from_outside"].get<bool>());
  // Trusted from outside: another account, anyone, GitHub's OIDC provider.
  const json* vendor = row_of(ps, "role:vendor-role");
  ASSERT_NE(vendor, nullptr);
  EXPECT_TRUE((*vendor)["trusted_from_outside"].get<bool>());
  EXPECT_EQ((*vendor)["outside"][0]["principal"]["name"], "999988887777") << vendor->dump();
  EXPECT_TRUE((*row_of(ps, "role:public-role"))["trusted_from_outside"].get<bool>());
  EXPECT_TRUE((*row_of(ps, "role:github-actions-deploy"))["trusted_from_outside"].get<bool>());
  // Last used from the credential report (the root user's key was used recently).
  ASSERT_NE(row_of(ps, "root"), nullptr);
  EXPECT_TRUE((*row_of(ps, "root"))["last_used"].is_string()) << row_of(ps, "root")->dump();
  // A role's RoleLastUsed (lambda-exec ran recently); one never used: null, not a made-up time.
  ASSERT_NE(row_of(ps, "role:lambda-exec"), nullptr);
  EXPECT_TRUE((*row_of(ps, "role:lambda-exec"))["last_used"].is_string()) << row_of(ps, "role:lambda-exec")->dump();
  EXPECT_TRUE((*row_of(ps, "role:public-role"))["last_used"].is_null()) << row_of(ps, "role:public-role")->dump();
  // Identity providers with the roles that trust them.
  bool github = false;
  for (const auto& idp : j["identity_providers"]) {
    if (idp["name"].get<std::string>().find("token.actions.githubusercontent.com") == std::string::npos) continue;
    github = true;
    std::set<std::string> roles;
    for (const auto& r : idp["roles"]) roles.insert(r["principal"]["name"].get<std::string>());
    EXPECT_TRUE(roles.count("github-actions-deploy")) << idp.dump();
    EXPECT_TRUE(roles.count("github-actions-scoped")) << idp.dump();
  }
  EXPECT_TRUE(github) << j["identity_providers"].dump();

  // One principal: dave's path step by step, each step with the statement that grants it.
  auto dave = c.get("/api/v1/iam/principals/user:dave?" + q);
  ASSERT_EQ(dave.status, 200u) << dave.body;
  json d = dave.j();
  EXPECT_EQ(d["id"], "user:dave");
  ASSERT_FALSE(d["escalation_paths"].empty()) << dave.body;
  const json& step = d["escalation_paths"][0]["steps"][0];
  EXPECT_EQ(step["from"]["name"], "dave");
  EXPECT_TRUE(step["rule"].is_object()) << step.dump();
  ASSERT_FALSE(step["grants"].empty());
  EXPECT_FALSE(step["grants"][0]["statements"].empty()) << step.dump();
  EXPECT_FALSE(step["grants"][0]["statements"][0]["text"].get<std::string>().empty());
  // Its policies, the risky statement marked.
  bool risky = false;
  for (const auto& p : d["policies"])
    for (const auto& st : p["statements"]) risky = risky || st["risky"].get<bool>();
  EXPECT_TRUE(risky) << d["policies"].dump();
  // Effective permissions: IAM allowed in part, counted by access level.
  bool iam_service = false;
  for (const auto& svc : d["effective_permissions"]["services"]) {
    if (svc["service"] != "iam") continue;
    iam_service = true;
    EXPECT_GT(svc["allowed"].get<int>() + svc["limited"].get<int>(), 0) << svc.dump();
    EXPECT_TRUE(svc["access_levels"].contains("Permissions management")) << svc.dump();
  }
  EXPECT_TRUE(iam_service) << d["effective_permissions"].dump();

  // bob: allowed everything; every service the catalogue knows is counted.
  auto t0 = std::chrono::steady_clock::now();
  auto bob_reply = c.get("/api/v1/iam/principals/user:bob?" + q);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "GET /iam/principals/user:bob (every catalogue action evaluated): " << ms << " ms, "
            << bob_reply.body.size() << " bytes\n";
  EXPECT_LT(ms, 5000) << "an administrator's page must not take seconds";
  auto bob = bob_reply.j();
  EXPECT_EQ(bob["admin"]["level"], "full_access");
  EXPECT_GT(bob["effective_permissions"]["services"].size(), 100u);
  EXPECT_EQ(bob["effective_permissions"]["services"][0]["denied"], 0);
  // vendor-role: who can assume it, and from where.
  auto vendor_page = c.get("/api/v1/iam/principals/role:vendor-role?" + q).j();
  std::set<std::string> from;
  for (const auto& e : vendor_page["can_become_it"]) from.insert(e["from"]["name"].get<std::string>());
  EXPECT_TRUE(from.count("999988887777")) << vendor_page["can_become_it"].dump();
  EXPECT_FALSE(vendor_page["trust_policy"].empty());
  // An unknown name lists close matches.
  auto unknown = c.get("/api/v1/iam/principals/user:davee?" + q);
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_NE(unknown.j()["error"]["message"].get<std::string>().find("dave"), std::string::npos) << unknown.body;

  // Who can iam:PassRole: the administrators may, carol may not.
  auto who = c.get("/api/v1/iam/who-can?action=iam:PassRole&" + q);
  ASSERT_EQ(who.status, 200u) << who.body;
  auto allowed = names_in(who.j()["allowed"]);
  EXPECT_TRUE(allowed.count("bob")) << who.body;
  EXPECT_TRUE(allowed.count("alice")) << who.body;
  EXPECT_FALSE(allowed.count("carol"));
  EXPECT_TRUE(names_in(who.j()["denied"]).count("carol")) << who.body;
  for (const auto& e : who.j()["allowed"])
    if (e["principal"]["name"] == "bob") {
      EXPECT_FALSE(e["statements"].empty()) << e.dump();
    }
  // On a role: its trust policy decides sts:AssumeRole; the outside account is among the allowed.
  auto assume = c.get("/api/v1/iam/who-can?action=sts:AssumeRole&resource=arn:aws:iam::111122223333:role/vendor-role&" + q);
  ASSERT_EQ(assume.status, 200u) << assume.body;
  auto assumers = names_in(assume.j()["allowed"]);
  auto cond = names_in(assume.j()["conditional"]);
  EXPECT_TRUE(assumers.count("999988887777") || cond.count("999988887777")) << assume.body;

  // A bad action: 400 naming it, with close matches as the CLI gives.
  auto typo = c.get("/api/v1/iam/who-can?action=iam:PasRole&" + q);
  EXPECT_EQ(typo.status, 400u);
  EXPECT_EQ(typo.j()["error"]["field"], "action");
  EXPECT_NE(typo.j()["error"]["message"].get<std::string>().find("iam:PassRole"), std::string::npos) << typo.body;
  EXPECT_EQ(c.get("/api/v1/iam/who-can?action=iam:*&" + q).status, 400u);
  EXPECT_EQ(c.get("/api/v1/iam/who-can?" + q).status, 400u);
  auto bad_resource = c.get("/api/v1/iam/who-can?action=s3:GetObject&resource=my-bucket&" + q);
  EXPECT_EQ(bad_resource.status, 400u);
  EXPECT_EQ(bad_resource.j()["error"]["field"], "resource");
  EXPECT_EQ(c.get("/api/v1/iam/principals?provider_id=nope").status, 404u);

  // No secret anywhere in the answers.
  for (const auto* body : {&list.body, &dave.body, &who.body})
    EXPECT_EQ(body->find("fakeSecretAuditor"), std::string::npos);
}

// The analysis is built once per scan and reused by the following requests
// (principals, one principal, who-can); a newer completed scan is analysed
// afresh, and its data is what the answers show.
TEST(ApiIam, TheAnalysisIsCachedPerScanAndANewScanIsSeen) {
  TestServer s;
  Client c = s.admin();
  std::string pid = s.add_provider(c);
  std::string first = run_scan(s, c, pid, {"iam", "lambda"});
  std::string q = "provider_id=" + pid;

  const std::size_t before = iam_api_analysis_builds();
  auto list = c.get("/api/v1/iam/principals?" + q);
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(list.j()["scan"]["id"], first);
  EXPECT_EQ(iam_api_analysis_builds(), before + 1);
  // The same scan: reused, by every route.
  EXPECT_EQ(c.get("/api/v1/iam/principals?" + q).status, 200u);
  EXPECT_EQ(c.get("/api/v1/iam/principals/user:bob?" + q).status, 200u);
  EXPECT_EQ(c.get("/api/v1/iam/who-can?action=iam:PassRole&" + q).status, 200u);
  auto assume = c.get("/api/v1/iam/who-can?action=sts:AssumeRole&resource=arn:aws:iam::111122223333:role/vendor-role&" + q);
  EXPECT_EQ(assume.status, 200u) << assume.body;
  EXPECT_EQ(iam_api_analysis_builds(), before + 1) << "the second and later requests rebuilt the analysis";
  auto lambda_note = [](const json& body) {
    for (const auto& n : body["notes"])
      if (n.get<std::string>().starts_with("Lambda functions were not listed")) return true;
    return false;
  };
  EXPECT_FALSE(lambda_note(list.j())) << list.j()["notes"].dump();

  // A newer scan that could not list Lambda functions: a new analysis, showing the new data.
  s.fake().set_faults(R"({"deny": ["lambda:ListFunctions"]})");
  std::string second = run_scan(s, c, pid, {"iam", "lambda"});
  s.fake().set_faults("{}");
  ASSERT_NE(second, first);
  auto after = c.get("/api/v1/iam/principals?" + q);
  ASSERT_EQ(after.status, 200u) << after.body;
  EXPECT_EQ(after.j()["scan"]["id"], second);
  EXPECT_TRUE(lambda_note(after.j())) << after.j()["notes"].dump();
  EXPECT_EQ(iam_api_analysis_builds(), before + 2);
  EXPECT_EQ(c.get("/api/v1/iam/principals/user:bob?" + q).j()["scan"]["id"], second);
  EXPECT_EQ(iam_api_analysis_builds(), before + 2);
}

}  // namespace
}  // namespace cloudpeek::server::testing
