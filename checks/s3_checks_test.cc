// S3 checks on small inventories: PASS, FAIL and NOT_ASSESSED for each.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::denied;
using testing::resource;
using testing::run_on;

constexpr const char* kBucket = "AWS::S3::Bucket";
constexpr const char* kAllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";

json all_blocked() {
  return {{"block_public_acls", true}, {"ignore_public_acls", true}, {"block_public_policy", true},
          {"restrict_public_buckets", true}};
}

// A bucket as collect/s3.cc emits one with nothing configured.
Resource bare(const std::string& name) {
  return resource(kBucket, name,
                  {{"location", "us-east-1"}, {"acl", {{"owner_id", "o"}, {"grants", json::array()}}},
                   {"policy", nullptr}, {"policy_is_public", false}, {"public_access_block", nullptr},
                   {"encryption", nullptr}, {"versioning", ""}, {"mfa_delete", ""}, {"logging", nullptr},
                   {"object_lock", false}, {"object_ownership", nullptr}});
}

Resource denied_prop(Resource r, const std::string& prop, const std::string& action) {
  r.props.erase(prop);
  r.missing[prop] = action + " denied (AccessDenied)";
  return r;
}

Inventory with_account_block(json block) {
  Inventory inv;
  Resource acct = resource("AWS::S3::AccountPublicAccessBlock", "111122223333", std::move(block), "global");
  inv.add(acct);
  return inv;
}

Inventory no_account_block() { return with_account_block({{"exists", false}}); }

json policy(json statements) { return {{"Version", "2012-10-17"}, {"Statement", std::move(statements)}}; }

TEST(S3SecureTransport, PassFailNotAssessed) {
  Resource b = bare("b");
  b.props["policy"] = policy({{{"Effect", "Deny"}, {"Principal", "*"}, {"Action", "s3:*"}, {"Resource", "*"},
                               {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}}}});
  EXPECT_EQ(run_on("s3_bucket_secure_transport_policy", b).status, CheckStatus::kPass);
  Resource open = bare("o");
  EXPECT_EQ(run_on("s3_bucket_secure_transport_policy", open).status, CheckStatus::kFail);
  open.props["policy"] = policy({{{"Effect", "Allow"}, {"Principal", "*"}, {"Action", "s3:GetObject"}}});
  EXPECT_EQ(run_on("s3_bucket_secure_transport_policy", open).status, CheckStatus::kFail);
  auto r = run_on("s3_bucket_secure_transport_policy", denied_prop(bare("d"), "policy", "s3:GetBucketPolicy"));
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "s3:GetBucketPolicy denied (AccessDenied)");
}

TEST(S3MfaDelete, PassFailNotAssessed) {
  Resource b = bare("b");
  b.props["versioning"] = "Enabled";
  b.props["mfa_delete"] = "Enabled";
  EXPECT_EQ(run_on("s3_bucket_no_mfa_delete", b).status, CheckStatus::kPass);
  b.props["mfa_delete"] = "Disabled";
  EXPECT_EQ(run_on("s3_bucket_no_mfa_delete", b).status, CheckStatus::kFail);
  auto r = run_on("s3_bucket_no_mfa_delete", denied_prop(bare("d"), "mfa_delete", "s3:GetBucketVersioning"));
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_NE(r.detail.find("s3:GetBucketVersioning"), std::string::npos);
}

TEST(S3BucketPublicAccessBlock, BucketOrAccountLevel) {
  Resource b = bare("b");
  b.props["public_access_block"] = all_blocked();
  EXPECT_EQ(run_on("s3_bucket_level_public_access_block", b, no_account_block()).status, CheckStatus::kPass);
  json acct = all_blocked();
  acct["exists"] = true;
  EXPECT_EQ(run_on("s3_bucket_level_public_access_block", bare("c"), with_account_block(acct)).status,
            CheckStatus::kPass);
  auto f = run_on("s3_bucket_level_public_access_block", bare("c"), no_account_block());
  EXPECT_EQ(f.status, CheckStatus::kFail);
  // The account level could not be read: the bucket alone does not decide.
  Inventory gap;
  gap.add_gap(denied("s3control", "s3:GetAccountPublicAccessBlock", "global", "AWS::S3::AccountPublicAccessBlock"));
  auto n = run_on("s3_bucket_level_public_access_block", bare("c"), gap);
  EXPECT_EQ(n.status, CheckStatus::kNotAssessed);
  EXPECT_NE(n.detail.find("s3:GetAccountPublicAccessBlock denied"), std::string::npos) << n.detail;
  EXPECT_EQ(run_on("s3_bucket_level_public_access_block",
                   denied_prop(bare("d"), "public_access_block", "s3:GetBucketPublicAccessBlock"))
                .status,
            CheckStatus::kNotAssessed);
}

TEST(S3AccountPublicAccessBlock, PassFailNotAssessed) {
  json all = all_blocked();
  all["exists"] = true;
  Resource acct = resource("AWS::S3::AccountPublicAccessBlock", "111122223333", all, "global");
  EXPECT_EQ(run_on("s3_account_level_public_access_blocks", acct).status, CheckStatus::kPass);
  acct.props["ignore_public_acls"] = false;
  auto f = run_on("s3_account_level_public_access_blocks", acct);
  EXPECT_EQ(f.status, CheckStatus::kFail);
  EXPECT_NE(f.detail.find("ignore_public_acls"), std::string::npos);
  acct.props = {{"exists", false}};
  EXPECT_EQ(run_on("s3_account_level_public_access_blocks", acct).status, CheckStatus::kFail);
  Inventory inv;
  inv.regions = {{"us-east-1", "opt-in-not-required", true}};
  inv.add_gap(denied("s3control", "s3:GetAccountPublicAccessBlock", "global", "AWS::S3::AccountPublicAccessBlock"));
  auto findings = run_check(*find_check("s3_account_level_public_access_blocks"), inv);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, CheckStatus::kNotAssessed);
  EXPECT_EQ(findings[0].detail, "s3:GetAccountPublicAccessBlock denied (AccessDenied)");
}

TEST(S3Encryption, DefaultAndKms) {
  Resource b = bare("b");
  EXPECT_EQ(run_on("s3_bucket_default_encryption", b).status, CheckStatus::kFail);
  EXPECT_EQ(run_on("s3_bucket_kms_encryption", b).status, CheckStatus::kFail);
  b.props["encryption"] = {{"algorithm", "AES256"}, {"kms_key_id", nullptr}, {"bucket_key_enabled", false}};
  EXPECT_EQ(run_on("s3_bucket_default_encryption", b).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("s3_bucket_kms_encryption", b).status, CheckStatus::kFail);
  b.props["encryption"]["algorithm"] = "aws:kms";
  EXPECT_EQ(run_on("s3_bucket_kms_encryption", b).status, CheckStatus::kPass);
  Resource d = denied_prop(bare("d"), "encryption", "s3:GetEncryptionConfiguration");
  EXPECT_EQ(run_on("s3_bucket_default_encryption", d).status, CheckStatus::kNotAssessed);
  EXPECT_EQ(run_on("s3_bucket_kms_encryption", d).detail, "s3:GetEncryptionConfiguration denied (AccessDenied)");
}

TEST(S3Versioning, PassFailNotAssessed) {
  Resource b = bare("b");
  EXPECT_EQ(run_on("s3_bucket_versioning_enabled", b).status, CheckStatus::kFail);
  b.props["versioning"] = "Suspended";
  EXPECT_EQ(run_on("s3_bucket_versioning_enabled", b).status, CheckStatus::kFail);
  b.props["versioning"] = "Enabled";
  EXPECT_EQ(run_on("s3_bucket_versioning_enabled", b).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("s3_bucket_versioning_enabled", denied_prop(bare("d"), "versioning", "s3:GetBucketVersioning")).status,
            CheckStatus::kNotAssessed);
}

TEST(S3PublicReadWrite, AclAndPolicyAfterBlockPublicAccess) {
  Resource acl = bare("acl");
  acl.props["acl"]["grants"] = json::array({{{"grantee_type", "Group"}, {"grantee_uri", kAllUsers},
                                              {"grantee_id", ""}, {"permission", "READ"}}});
  auto f = run_on("s3_bucket_public_read_prohibited", acl, no_account_block());
  EXPECT_EQ(f.status, CheckStatus::kFail);
  EXPECT_NE(f.detail.find("READ to AllUsers"), std::string::npos) << f.detail;
  EXPECT_EQ(run_on("s3_bucket_public_write_prohibited", acl, no_account_block()).status, CheckStatus::kPass);
  // IgnorePublicAcls at bucket level neutralises the grant.
  acl.props["public_access_block"] = all_blocked();
  EXPECT_EQ(run_on("s3_bucket_public_read_prohibited", acl, no_account_block()).status, CheckStatus::kPass);

  Resource pol = bare("pol");
  pol.props["policy"] = policy({{{"Sid", "Open"}, {"Effect", "Allow"}, {"Principal", {{"AWS", "*"}}},
                                 {"Action", "s3:*"}, {"Resource", "*"}}});
  pol.props["policy_is_public"] = true;
  auto w = run_on("s3_bucket_public_write_prohibited", pol, no_account_block());
  EXPECT_EQ(w.status, CheckStatus::kFail);
  EXPECT_NE(w.detail.find("statement Open"), std::string::npos) << w.detail;
  // AWS says the policy is not public (a restricting condition): no finding from it.
  pol.props["policy_is_public"] = false;
  EXPECT_EQ(run_on("s3_bucket_public_write_prohibited", pol, no_account_block()).status, CheckStatus::kPass);

  auto n = run_on("s3_bucket_public_read_prohibited", denied_prop(bare("d"), "policy_is_public", "s3:GetBucketPolicyStatus"));
  EXPECT_EQ(n.status, CheckStatus::kNotAssessed);
  EXPECT_NE(n.detail.find("s3:GetBucketPolicyStatus"), std::string::npos);
  // A public grant with the account level unknown cannot be judged.
  acl.props["public_access_block"] = nullptr;
  Inventory gap;
  gap.add_gap(denied("s3control", "s3:GetAccountPublicAccessBlock", "global", "AWS::S3::AccountPublicAccessBlock"));
  EXPECT_EQ(run_on("s3_bucket_public_read_prohibited", acl, gap).status, CheckStatus::kNotAssessed);
}

TEST(S3AccessLogging, PassFailNotAssessed) {
  Resource b = bare("b");
  EXPECT_EQ(run_on("s3_bucket_server_access_logging_enabled", b).status, CheckStatus::kFail);
  b.props["logging"] = {{"target_bucket", "logs"}, {"target_prefix", "b/"}};
  EXPECT_EQ(run_on("s3_bucket_server_access_logging_enabled", b).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("s3_bucket_server_access_logging_enabled", denied_prop(bare("d"), "logging", "s3:GetBucketLogging")).status,
            CheckStatus::kNotAssessed);
}

TEST(S3CrossAccountActions, PassFailNotAssessed) {
  Resource b = bare("b");
  EXPECT_EQ(run_on("s3_bucket_policy_restricts_cross_account_actions", b).status, CheckStatus::kPass);
  b.props["policy"] = policy({{{"Effect", "Allow"}, {"Principal", {{"AWS", "arn:aws:iam::111122223333:role/admin"}}},
                               {"Action", "s3:*"}}});
  EXPECT_EQ(run_on("s3_bucket_policy_restricts_cross_account_actions", b).status, CheckStatus::kPass);
  b.props["policy"] = policy({{{"Sid", "Partner"}, {"Effect", "Allow"},
                               {"Principal", {{"AWS", json::array({"444455556666"})}}},
                               {"Action", json::array({"s3:GetObject", "s3:Put*"})}}});
  auto f = run_on("s3_bucket_policy_restricts_cross_account_actions", b);
  EXPECT_EQ(f.status, CheckStatus::kFail);
  EXPECT_NE(f.detail.find("account 444455556666"), std::string::npos) << f.detail;
  EXPECT_EQ(run_on("s3_bucket_policy_restricts_cross_account_actions",
                   denied_prop(bare("d"), "policy", "s3:GetBucketPolicy"))
                .status,
            CheckStatus::kNotAssessed);
}

TEST(S3AclsAndObjectLock, PassFailNotAssessed) {
  Resource b = bare("b");
  EXPECT_EQ(run_on("s3_bucket_acl_prohibited", b).status, CheckStatus::kFail);
  EXPECT_EQ(run_on("s3_bucket_object_lock", b).status, CheckStatus::kFail);
  b.props["object_ownership"] = "BucketOwnerEnforced";
  b.props["object_lock"] = true;
  EXPECT_EQ(run_on("s3_bucket_acl_prohibited", b).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("s3_bucket_object_lock", b).status, CheckStatus::kPass);
  EXPECT_EQ(run_on("s3_bucket_acl_prohibited", denied_prop(bare("d"), "object_ownership", "s3:GetBucketOwnershipControls")).status,
            CheckStatus::kNotAssessed);
  EXPECT_EQ(run_on("s3_bucket_object_lock", denied_prop(bare("d"), "object_lock", "s3:GetBucketObjectLockConfiguration")).status,
            CheckStatus::kNotAssessed);
}


// S3.7: an enabled rule to a bucket in another Region passes; none, only
// disabled rules or only same-Region destinations fail; a destination whose
// Region is unknown (another account's bucket) is NOT_ASSESSED, never a PASS;
// a denied GetBucketReplication names s3:GetReplicationConfiguration.
TEST(S3CrossRegionReplication, PassFailNotAssessed) {
  const char* id = "s3_bucket_cross_region_replication";
  auto rule = [](const std::string& dest, const std::string& status) {
    return json{{"id", "r"}, {"status", status}, {"destination_bucket", "arn:aws:s3:::" + dest},
                {"destination_account", nullptr}};
  };
  Inventory inv;
  Resource replica = bare("replica-eu");
  replica.props["location"] = "eu-west-1";
  replica.props["replication"] = nullptr;
  inv.add(replica);
  Resource local = bare("copy-local");
  local.props["replication"] = nullptr;
  inv.add(local);

  Resource cross = bare("orders");
  cross.props["replication"] = {{"rules", {rule("copy-local", "Enabled"), rule("replica-eu", "Enabled")}}};
  auto p = run_on(id, cross, inv);
  EXPECT_EQ(p.status, CheckStatus::kPass);
  EXPECT_EQ(p.detail, "bucket orders (us-east-1) replicates to replica-eu in eu-west-1");

  Resource none = bare("plain");
  none.props["replication"] = nullptr;
  EXPECT_EQ(run_on(id, none, inv).detail, "bucket plain has no replication configuration");
  EXPECT_EQ(run_on(id, none, inv).status, CheckStatus::kFail);
  // The replica itself does not replicate onward: it fails, as in Security Hub.
  EXPECT_EQ(run_on(id, replica, inv).status, CheckStatus::kFail);

  Resource off = bare("paused");
  off.props["replication"] = {{"rules", {rule("replica-eu", "Disabled")}}};
  auto d = run_on(id, off, inv);
  EXPECT_EQ(d.status, CheckStatus::kFail);
  EXPECT_EQ(d.detail, "bucket paused has replication rules, none of them enabled");

  Resource same = bare("same");
  same.props["replication"] = {{"rules", {rule("copy-local", "Enabled")}}};
  auto sr = run_on(id, same, inv);
  EXPECT_EQ(sr.status, CheckStatus::kFail);
  EXPECT_EQ(sr.detail, "bucket same replicates only within us-east-1 (to copy-local)");

  Resource partner = bare("to-partner");
  partner.props["replication"] = {{"rules", {rule("partner-vault", "Enabled"), rule("copy-local", "Enabled")}}};
  auto na = run_on(id, partner, inv);
  EXPECT_EQ(na.status, CheckStatus::kNotAssessed);
  EXPECT_NE(na.detail.find("replicates to partner-vault, whose Region CloudPeek cannot read"), std::string::npos)
      << na.detail;
  // A destination whose location could not be read is not taken for another Region either.
  Inventory blind;
  Resource unread = denied_prop(bare("replica-eu"), "location", "s3:GetBucketLocation");
  blind.add(unread);
  EXPECT_EQ(run_on(id, cross, blind).status, CheckStatus::kNotAssessed);

  auto denied_repl = run_on(id, denied_prop(bare("x"), "replication", "s3:GetReplicationConfiguration"), inv);
  EXPECT_EQ(denied_repl.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(denied_repl.detail, "s3:GetReplicationConfiguration denied (AccessDenied)");
  Resource lost = bare("y");
  lost.props["replication"] = {{"rules", {rule("replica-eu", "Enabled")}}};
  lost = denied_prop(lost, "location", "s3:GetBucketLocation");
  EXPECT_EQ(run_on(id, lost, inv).status, CheckStatus::kNotAssessed);

  const Check* c = find_check(id);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->meta.severity, Severity::kLow);
  EXPECT_TRUE(c->meta.fsbp.empty());  // S3.7 is not an FSBP control
  EXPECT_EQ(c->reads, (std::vector<std::string>{"replication", "location"}));
}

}  // namespace
}  // namespace cloudpeek::checks
