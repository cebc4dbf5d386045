// AWS Organizations end to end against fakeaws' organization scenario (20
// members in nested OUs; sandbox-bob 222200000016 without the audit role,
// dev-data 222200000012 trusting another ExternalId, legacy-closed
// 222200000019 SUSPENDED): connect through the management account's
// provider, each member a provider with its OU path and role status, a
// member without a working role refused a scan with the steps (never a
// PASS), a working member scanned with AssumeRole credentials obtained at
// scan time, accounts that left kept and labelled, joined accounts added,
// chosen members, the StackSet/Terraform templates, refusals that name what
// is wrong — and no secret in any answer or log line.
#include <gtest/gtest.h>

#include <regex>

#include "server/org_connect.h"
#include "server/test_server.h"

namespace cloudpeek::server::testing {
namespace {

constexpr const char* kOrgAdminKey = "AKIAFAKEORGADMIN0001";
constexpr const char* kOrgAdminSecret = "fakeSecretOrgAdmin/000000000000000000000001";
constexpr const char* kLogReaderKey = "AKIAFAKELOGREADER001";
constexpr const char* kLogReaderSecret = "fakeSecretLogReader/00000000000000000000001";
constexpr const char* kOutsiderKey = "AKIAFAKEOUTSIDER0001";
constexpr const char* kOutsiderSecret = "fakeSecretOutsider/000000000000000000000001";
// The ExternalId the scenario's roles were deployed with.
constexpr const char* kDeployedExternalId = "cloudpeek-ext-7f3a9c2e";

std::string org_scenario() { return std::string(CLOUDPEEK_FAKEAWS) + "/scenarios/organization.json"; }

struct Org : ::testing::Test {
  TestServer s{org_scenario()};
  Client c = s.admin();
  std::vector<std::string> replies;

  HttpReply send(const std::string& method, const std::string& target, const json& body = json::object()) {
    auto r = method == "GET" ? c.get(target) : c.send(method, target, body);
    replies.push_back(r.body);
    return r;
  }
  std::string provider(const std::string& label, const char* key, const char* secret) {
    auto r = send("POST", "/api/v1/providers", {{"label", label}, {"access_key_id", key}, {"secret_access_key", secret}});
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.j().value("id", "");
  }
  json connect(const std::string& pid, json extra = {{"external_id", kDeployedExternalId}}) {
    json body = {{"provider_id", pid}, {"role_name", "CloudPeekAudit"}};
    if (extra.is_object()) body.update(extra);
    auto r = send("POST", "/api/v1/organizations", body);
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.j();
  }
  static const json* row(const json& org, const std::string& account) {
    for (const auto& a : org["accounts"])
      if (a["account_id"] == account) return &a;
    return nullptr;
  }
  void no_secrets() {
    std::string all = s.log_text();
    for (const auto& r : replies) all += r;
    for (const char* secret : {kOrgAdminSecret, kLogReaderSecret, kOutsiderSecret, "fakeSecret"})
      EXPECT_EQ(all.find(secret), std::string::npos) << secret;
    // No STS session token or secret of the assumed roles either.
    for (const auto& p : s.db().list_providers())
      if (auto creds = s.db().get_credentials(p.id); creds && creds->secret_access_key.size() > 8) {
        EXPECT_EQ(all.find(creds->secret_access_key), std::string::npos) << p.label;
        if (!creds->session_token.empty()) EXPECT_EQ(all.find(creds->session_token), std::string::npos) << p.label;
      }
  }
};

TEST_F(Org, ConnectMakesEachMemberAProviderWithOuPathAndRoleStatus) {
  std::string mgmt = provider("management", kOrgAdminKey, kOrgAdminSecret);
  json org = connect(mgmt);
  EXPECT_EQ(org["aws_organization_id"], "o-a1b2c3d4e5");
  EXPECT_EQ(org["management_account_id"], "111111111111");
  EXPECT_EQ(org["monitor"], "all");
  EXPECT_EQ(org["accounts"].size(), 21u);
  EXPECT_TRUE(org["last_discovery_error"].is_null());
  // 19 ACTIVE members became providers; the suspended one did not; the management account is the base provider.
  EXPECT_EQ(org["counts"]["monitored"], 20);
  EXPECT_EQ(org["counts"]["role_ok"], 18);
  EXPECT_EQ(org["counts"]["role_gaps"], 2);
  EXPECT_EQ(s.db().list_providers().size(), 20u);

  const json* mgmt_row = row(org, "111111111111");
  ASSERT_TRUE(mgmt_row);
  EXPECT_EQ((*mgmt_row)["member"]["provider_id"], mgmt);
  EXPECT_EQ((*mgmt_row)["member"]["role_status"], "base");

  const json* bob = row(org, "222200000016");
  ASSERT_TRUE(bob);
  EXPECT_EQ((*bob)["ou_path"], "Root/Sandbox");
  EXPECT_EQ((*bob)["member"]["role_status"], "missing");
  EXPECT_NE((*bob)["member"]["role_message"].get<std::string>().find("sts:AssumeRole"), std::string::npos)
      << (*bob)["member"].dump();
  EXPECT_NE((*bob)["member"]["role_advice"].get<std::string>().find("CloudPeekAudit"), std::string::npos);

  const json* dev_data = row(org, "222200000012");
  ASSERT_TRUE(dev_data);
  EXPECT_EQ((*dev_data)["ou_path"], "Root/Workloads/Dev");
  EXPECT_EQ((*dev_data)["member"]["role_status"], "missing");

  const json* closed = row(org, "222200000019");
  ASSERT_TRUE(closed);
  EXPECT_EQ((*closed)["status"], "SUSPENDED");
  EXPECT_TRUE((*closed)["member"].is_null());

  const json* log_archive = row(org, "222200000002");
  ASSERT_TRUE(log_archive);
  EXPECT_EQ((*log_archive)["ou_path"], "Root/Security");
  EXPECT_EQ((*log_archive)["member"]["role_status"], "ok");

  // The member's provider says so too.
  json providers = send("GET", "/api/v1/providers").j();
  json bob_provider;
  for (const auto& p : providers)
    if (p["id"] == (*bob)["member"]["provider_id"]) bob_provider = p;
  ASSERT_TRUE(bob_provider.is_object());
  EXPECT_EQ(bob_provider["identity"]["organization"]["role_status"], "missing");
  EXPECT_EQ(bob_provider["identity"]["organization"]["ou_path"], "Root/Sandbox");
  EXPECT_EQ(bob_provider["identity"]["account"], "222200000016");
  EXPECT_NE(bob_provider["label"].get<std::string>().find("sandbox-bob"), std::string::npos);

  // The list and one organization answer the same.
  json list = send("GET", "/api/v1/organizations").j();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], org["id"]);
  EXPECT_EQ(send("GET", "/api/v1/organizations/" + org["id"].get<std::string>()).j()["counts"], org["counts"]);
  no_secrets();
}

TEST_F(Org, MemberWithoutRoleIsAGapAndAWorkingMemberIsScannedWithAssumedCredentials) {
  std::string mgmt = provider("management", kOrgAdminKey, kOrgAdminSecret);
  json org = connect(mgmt);
  std::string bob = (*row(org, "222200000016"))["member"]["provider_id"];
  std::string logs = (*row(org, "222200000002"))["member"]["provider_id"];

  // No scan of a member whose role cannot be assumed: refused with the steps.
  auto refused = send("POST", "/api/v1/scans", {{"provider_id", bob}});
  ASSERT_EQ(refused.status, 409u) << refused.body;
  EXPECT_EQ(refused.j()["error"]["code"], "organization_member_unreachable");
  EXPECT_NE(refused.body.find("222200000016"), std::string::npos);
  EXPECT_NE(refused.j()["error"]["steps"][0].get<std::string>().find("CloudPeekAudit"), std::string::npos);
  EXPECT_TRUE(send("GET", "/api/v1/scans?provider_id=" + bob).j()["items"].empty());

  // A working member's stored credentials have expired: the scan gets fresh ones by AssumeRole.
  auto creds = s.db().get_credentials(logs);
  ASSERT_TRUE(creds);
  EXPECT_FALSE(creds->session_token.empty());
  creds->expires_at = store::now_seconds() - std::chrono::seconds(60);
  s.db().replace_credentials(logs, *creds, "test");
  auto started = send("POST", "/api/v1/scans", {{"provider_id", logs}, {"regions", {"us-east-1"}}, {"services", {"s3"}}});
  ASSERT_EQ(started.status, 202u) << started.body;
  json scan = s.wait_scan(c, started.j()["id"]);
  EXPECT_NE(scan["status"], "failed") << scan.dump();
  EXPECT_EQ(scan["identity"]["account"], "222200000002");
  json resources = send("GET", "/api/v1/resources?provider_id=" + logs + "&type=AWS::S3::Bucket").j();
  ASSERT_EQ(resources["items"].size(), 1u) << resources.dump();
  EXPECT_EQ(resources["items"][0]["name"], "log-archive-logs-222200000002");
  EXPECT_EQ(resources["items"][0]["account"], "222200000002");
  auto renewed = s.db().get_provider(logs);
  ASSERT_TRUE(renewed && renewed->expires_at);
  EXPECT_GT(*renewed->expires_at, store::now_seconds());
  // The scan's identity keeps the member's organization (its card and renewal steps depend on it).
  EXPECT_EQ(renewed->identity["organization"]["role_status"], "ok") << renewed->identity.dump();
  EXPECT_EQ(renewed->identity["account"], "222200000002");

  // Its place in the organization and the SCPs above it, which its own role may
  // not read (ListRoots is denied to members), were read with the management
  // account's credentials: an IAM scan of the member has them.
  auto iam_scan = send("POST", "/api/v1/scans", {{"provider_id", logs}, {"regions", {"us-east-1"}}, {"services", {"iam"}}});
  ASSERT_EQ(iam_scan.status, 202u) << iam_scan.body;
  s.wait_scan(c, iam_scan.j()["id"]);
  json scps = send("GET", "/api/v1/resources?provider_id=" + logs + "&type=AWS::Organizations::ServiceControlPolicies").j();
  ASSERT_EQ(scps["items"].size(), 1u) << scps.dump();
  json scp = send("GET", "/api/v1/resources/" + scps["items"][0]["id"].get<std::string>()).j();
  EXPECT_FALSE(scp["missing"].contains("levels")) << scp["missing"].dump();
  EXPECT_EQ(scp["props"]["applies"], true) << scp["props"].dump();
  ASSERT_FALSE(scp["props"]["levels"].empty());
  EXPECT_EQ(scp["props"]["levels"].back()["target_id"], "222200000002");

  // dev-data's role trusts another ExternalId: a gap too.
  std::string dev = (*row(org, "222200000012"))["member"]["provider_id"];
  EXPECT_EQ(send("POST", "/api/v1/scans", {{"provider_id", dev}}).status, 409u);
  no_secrets();
}

// A scan longer than the role session: its credential source renews the member's
// role credentials through the scheduler's renewer before they expire.
TEST_F(Org, TheScanCredentialSourceRenewsAMembersRoleCredentials) {
  std::string mgmt = provider("management", kOrgAdminKey, kOrgAdminSecret);
  json org = connect(mgmt);
  std::string logs = (*row(org, "222200000002"))["member"]["provider_id"];
  std::string bob = (*row(org, "222200000016"))["member"]["provider_id"];
  auto renew = [this](const std::string&) { s.app().scheduler().tick(store::now_seconds()); };
  EXPECT_EQ(org_scan_credentials(s.db(), mgmt, renew), nullptr);  // the base provider uses its own keys

  // The stored role credentials are about to expire (20 s left).
  auto creds = s.db().get_credentials(logs);
  ASSERT_TRUE(creds);
  std::string old_key = creds->access_key_id;
  creds->expires_at = store::now_seconds() + std::chrono::seconds(20);
  s.db().replace_credentials(logs, *creds, "test");
  auto source = org_scan_credentials(s.db(), logs, renew);
  ASSERT_NE(source, nullptr);
  auto fresh = source->get();
  ASSERT_TRUE(fresh) << fresh.error().message;
  EXPECT_NE(fresh->access_key_id, old_key);
  ASSERT_TRUE(fresh->expiration);
  EXPECT_GT(*fresh->expiration, Clock::now() + std::chrono::minutes(30));

  // A member whose role does not work: the source fails, naming the account and AWS's reason.
  auto none = org_scan_credentials(s.db(), bob, renew)->get();
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kAccessDenied);
  EXPECT_NE(none.error().message.find("222200000016"), std::string::npos) << none.error().message;
  EXPECT_NE(none.error().message.find("sts:AssumeRole"), std::string::npos) << none.error().message;
  no_secrets();
}

TEST_F(Org, TheInstallationsExternalIdIsRandomAndRolesWithoutItAreGaps) {
  json settings = send("GET", "/api/v1/organizations/settings").j();
  std::string ext = settings["external_id"];
  EXPECT_TRUE(std::regex_match(ext, std::regex("cloudpeek-[0-9a-f]{32}"))) << ext;
  EXPECT_EQ(settings["default_role_name"], "CloudPeekAudit");
  EXPECT_EQ(send("GET", "/api/v1/organizations/settings").j()["external_id"], ext);

  std::string mgmt = provider("management", kOrgAdminKey, kOrgAdminSecret);
  json org = connect(mgmt, json::object());
  EXPECT_EQ(org["external_id"], ext);
  // Every role was deployed with another ExternalId: no member is reachable, none is a PASS.
  EXPECT_EQ(org["counts"]["role_ok"], 1);  // the base provider only
  EXPECT_EQ(org["counts"]["role_gaps"], 19);
  // The templates carry this installation's ExternalId, the role name and the account to trust.
  json t = send("GET", "/api/v1/organizations/" + org["id"].get<std::string>() + "/templates").j();
  EXPECT_EQ(t["external_id"], ext);
  EXPECT_EQ(t["trusted_account"], "111111111111");
  for (const char* k : {"stackset_yaml", "terraform"}) {
    std::string text = t[k];
    EXPECT_NE(text.find(ext), std::string::npos) << k;
    EXPECT_NE(text.find("CloudPeekAudit"), std::string::npos) << k;
    EXPECT_NE(text.find("111111111111"), std::string::npos) << k;
    EXPECT_NE(text.find("SecurityAudit"), std::string::npos) << k;
  }
  json other = send("GET", "/api/v1/organizations/" + org["id"].get<std::string>() + "/templates?role_name=AuditRole").j();
  EXPECT_NE(other["terraform"].get<std::string>().find("AuditRole"), std::string::npos);
  auto bad = send("GET", "/api/v1/organizations/" + org["id"].get<std::string>() + "/templates?role_name=bad%20name");
  EXPECT_EQ(bad.status, 400u) << bad.body;
  no_secrets();
}

TEST_F(Org, AccountsThatLeftAreKeptAndLabelledJoinedOnesAdded) {
  std::string mgmt = provider("management", kOrgAdminKey, kOrgAdminSecret);
  json org = connect(mgmt);
  std::string id = org["id"];
  // An account that was a member at an earlier discovery and is no longer in the organization.
  store::NewProvider np{"gone (222200000099)", 0, json{{"account", "222200000099"}}};
  auto gone = s.db().create_provider(np, {"AKIAEXAMPLEGONE00001", "secret-of-gone-account", "", std::nullopt}, "test");
  s.db().save_org_member({gone.id, id, "222200000099", "gone", "Root/Sandbox", "active", "ok", "", {}});
  // A member provider deleted by hand: the account is still in the organization, so it is added again.
  std::string prod_web = (*row(org, "222200000006"))["member"]["provider_id"];
  ASSERT_EQ(send("DELETE", "/api/v1/providers/" + prod_web).status, 204u);

  auto r = send("POST", "/api/v1/organizations/" + id + "/discover");
  ASSERT_EQ(r.status, 200u) << r.body;
  json d = r.j();
  EXPECT_EQ(d["discovery"]["left"], json::array({"222200000099"}));
  EXPECT_EQ(d["discovery"]["joined"], json::array({"222200000006"}));
  const json* left = row(d, "222200000099");
  ASSERT_TRUE(left);
  EXPECT_FALSE((*left)["in_organization"].get<bool>());
  EXPECT_EQ((*left)["status"], "LEFT");
  EXPECT_EQ((*left)["member"]["membership"], "left");
  EXPECT_NE((*left)["member"]["role_message"].get<std::string>().find("no longer in organization"), std::string::npos);
  EXPECT_EQ(d["counts"]["left"], 1);
  // Its provider and history stay; it is not scanned any more.
  EXPECT_TRUE(s.db().get_provider(gone.id));
  auto refused = send("POST", "/api/v1/scans", {{"provider_id", gone.id}});
  EXPECT_EQ(refused.status, 409u);
  EXPECT_NE(refused.body.find("left the organization"), std::string::npos) << refused.body;
  EXPECT_EQ((*row(d, "222200000006"))["member"]["role_status"], "ok");
  no_secrets();
}

TEST_F(Org, ChosenMembersOnly) {
  std::string mgmt = provider("management", kOrgAdminKey, kOrgAdminSecret);
  json org = connect(mgmt, {{"external_id", kDeployedExternalId}, {"monitor", "chosen"}, {"accounts", {"222200000002"}}});
  EXPECT_EQ(org["monitor"], "chosen");
  EXPECT_EQ(org["counts"]["monitored"], 2);  // the base provider and log-archive
  EXPECT_EQ(s.db().list_providers().size(), 2u);
  EXPECT_TRUE((*row(org, "222200000003"))["member"].is_null());
  std::string id = org["id"];

  auto added = send("PATCH", "/api/v1/organizations/" + id, {{"accounts", {"222200000003", "222200000016"}}});
  ASSERT_EQ(added.status, 200u) << added.body;
  EXPECT_EQ(added.j()["counts"]["monitored"], 4);
  EXPECT_EQ((*row(added.j(), "222200000003"))["member"]["role_status"], "ok");
  EXPECT_EQ((*row(added.j(), "222200000016"))["member"]["role_status"], "missing");

  // A suspended account, an id not in the organization, a malformed one: refused, naming the field.
  for (const json& accounts : {json{"222200000019"}, json{"999999999999"}, json{"12"}}) {
    auto r = send("PATCH", "/api/v1/organizations/" + id, {{"accounts", accounts}});
    EXPECT_EQ(r.status, 400u) << r.body;
    EXPECT_EQ(r.j()["error"]["field"], "accounts");
  }
  // Monitor all: every ACTIVE account becomes a member at once.
  auto all = send("PATCH", "/api/v1/organizations/" + id, {{"monitor", "all"}});
  ASSERT_EQ(all.status, 200u) << all.body;
  EXPECT_EQ(all.j()["counts"]["monitored"], 20);

  // Disconnecting keeps every member provider and its data.
  auto del = send("DELETE", "/api/v1/organizations/" + id);
  ASSERT_EQ(del.status, 200u) << del.body;
  EXPECT_EQ(del.j()["kept_providers"], 20);
  EXPECT_EQ(s.db().list_providers().size(), 20u);
  EXPECT_TRUE(send("GET", "/api/v1/organizations").j().empty());
}

TEST_F(Org, RefusalsNameWhatIsWrongAndLeaveNothingBehind) {
  // A member account that is not a delegated administrator cannot list the organization.
  std::string member = provider("log-archive", kLogReaderKey, kLogReaderSecret);
  auto r = send("POST", "/api/v1/organizations", {{"provider_id", member}});
  EXPECT_EQ(r.status, 422u) << r.body;
  EXPECT_NE(r.j()["error"]["advice"].get<std::string>().find("management account"), std::string::npos) << r.body;
  // An account in no organization.
  std::string outsider = provider("outsider", kOutsiderKey, kOutsiderSecret);
  r = send("POST", "/api/v1/organizations", {{"provider_id", outsider}});
  EXPECT_EQ(r.status, 422u) << r.body;
  EXPECT_NE(r.body.find("not in an AWS organization"), std::string::npos) << r.body;
  EXPECT_TRUE(send("GET", "/api/v1/organizations").j().empty());
  EXPECT_EQ(s.db().list_providers().size(), 2u);

  std::string mgmt = provider("management", kOrgAdminKey, kOrgAdminSecret);
  struct Bad {
    json body;
    unsigned status;
    std::string field;
  };
  for (const Bad& b : {Bad{{{"provider_id", "999"}}, 404, "provider_id"},
                       Bad{{{"provider_id", mgmt}, {"role_name", "no spaces allowed"}}, 400, "role_name"},
                       Bad{{{"provider_id", mgmt}, {"external_id", "short"}}, 400, "external_id"},
                       Bad{{{"provider_id", mgmt}, {"monitor", "some"}}, 400, "monitor"},
                       Bad{{{"provider_id", mgmt}, {"accounts", {"abc"}}}, 400, "accounts"}}) {
    auto bad = send("POST", "/api/v1/organizations", b.body);
    EXPECT_EQ(bad.status, b.status) << b.body.dump() << " " << bad.body;
    EXPECT_EQ(bad.j()["error"]["field"], b.field) << bad.body;
  }
  connect(mgmt);
  auto again = send("POST", "/api/v1/organizations", {{"provider_id", mgmt}});
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(send("GET", "/api/v1/organizations/77").status, 404u);

  // Signed-in users only; changes need the CSRF token.
  Client anon = s.client();
  EXPECT_EQ(anon.get("/api/v1/organizations").status, 401u);
  EXPECT_EQ(anon.get("/api/v1/organizations/settings").status, 401u);
  Client no_csrf = c;
  no_csrf.set_csrf("");
  EXPECT_EQ(no_csrf.send("POST", "/api/v1/organizations", {{"provider_id", mgmt}}).status, 403u);
  no_secrets();
}

}  // namespace
}  // namespace cloudpeek::server::testing
