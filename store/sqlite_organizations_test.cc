// AWS Organizations in the store (issue 11 §2): the organization row, member
// links with OU path and role status, what deleting each side keeps, and the
// installation's ExternalId.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "store/sqlite_test_fixture.h"

namespace cloudpeek::store {
namespace {

using testing::StoreTest;

std::string kind_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const StoreError& e) {
    switch (e.kind()) {
      case StoreError::Kind::kNotFound: return "not_found";
      case StoreError::Kind::kConflict: return "conflict";
      case StoreError::Kind::kInvalid: return "invalid";
      default: return "other";
    }
  }
  return "none";
}

class OrgStoreTest : public StoreTest {
 protected:
  Organization org(const std::string& base) {
    Organization o;
    o.label = "Example org";
    o.base_provider_id = base;
    o.role_name = "CloudPeekAudit";
    o.external_id = store->organization_external_id();
    o.created_by = "alice";
    return o;
  }
};

TEST_F(OrgStoreTest, ExternalIdIsMadeOnceRandomAndKeptAcrossRestarts) {
  std::string id = store->organization_external_id();
  EXPECT_TRUE(std::regex_match(id, std::regex("cloudpeek-[0-9a-f]{32}"))) << id;
  EXPECT_EQ(store->organization_external_id(), id);
  store.reset();
  store = open_sqlite_store(db_path(), key);
  EXPECT_EQ(store->organization_external_id(), id);
  // Another installation gets another one.
  testing::TempDir other;
  auto s2 = open_sqlite_store(other.path() / "cloudpeek.db", key);
  EXPECT_NE(s2->organization_external_id(), id);
  // Not a setting an API PUT could overwrite.
  EXPECT_FALSE(store->get_setting("organization_external_id"));
}

TEST_F(OrgStoreTest, OrganizationSavedUpdatedListedWithItsAccounts) {
  std::string base = add_provider("management");
  Organization o = org(base);
  o.accounts = Json::array({{{"account_id", "111111111111"}, {"name", "prod"}, {"ou_path", "Root/Prod"}}});
  Organization saved = store->save_organization(o);
  EXPECT_FALSE(saved.id.empty());
  EXPECT_EQ(saved.base_provider_id, base);
  EXPECT_TRUE(saved.monitor_all);
  EXPECT_FALSE(saved.last_discovery_at);
  EXPECT_EQ(saved.accounts.size(), 1u);
  EXPECT_EQ(saved.accounts[0]["ou_path"], "Root/Prod");

  saved.monitor_all = false;
  saved.aws_organization_id = "o-abc123";
  saved.last_discovery_at = testing::day(1);
  saved.last_discovery_error = "AccessDenied on ListAccounts";
  store->save_organization(saved);
  auto got = store->get_organization(saved.id);
  ASSERT_TRUE(got);
  EXPECT_FALSE(got->monitor_all);
  EXPECT_EQ(got->aws_organization_id, "o-abc123");
  EXPECT_EQ(got->last_discovery_at, testing::day(1));
  EXPECT_EQ(got->last_discovery_error, "AccessDenied on ListAccounts");
  EXPECT_EQ(store->list_organizations().size(), 1u);
  EXPECT_FALSE(store->get_organization("999"));
  EXPECT_FALSE(store->get_organization("x"));

  Organization bad = org(base);
  bad.role_name = "";
  EXPECT_EQ(kind_of([&] { store->save_organization(bad); }), "invalid");
  Organization unknown = org("777");
  EXPECT_EQ(kind_of([&] { store->save_organization(unknown); }), "not_found");
  Organization ghost = org(base);
  ghost.id = "555";
  EXPECT_EQ(kind_of([&] { store->save_organization(ghost); }), "not_found");
}

TEST_F(OrgStoreTest, MembersLinkProvidersWithOuPathAndRoleStatus) {
  std::string base = add_provider("management");
  Organization o = store->save_organization(org(base));
  std::string a = add_provider("prod (111111111111)"), b = add_provider("dev (222222222222)");
  store->save_org_member({base, o.id, "999999999999", "management", "Root", "active", "base", "", {}});
  store->save_org_member({a, o.id, "111111111111", "prod", "Root/Workloads/Prod", "active", "ok", "", testing::day(2)});
  store->save_org_member({b, o.id, "222222222222", "dev", "Root/Workloads/Dev", "active", "missing",
                          "AccessDenied: not authorized to perform sts:AssumeRole", testing::day(2)});
  auto members = store->org_members(o.id);
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(members[0].account_id, "111111111111");  // by account id
  EXPECT_EQ(members[0].ou_path, "Root/Workloads/Prod");
  EXPECT_EQ(members[1].role_status, "missing");
  EXPECT_NE(members[1].role_message.find("sts:AssumeRole"), std::string::npos);
  EXPECT_EQ(members[1].last_probe_at, testing::day(2));
  EXPECT_EQ(store->org_members("").size(), 3u);
  auto m = store->org_member(b);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->organization_id, o.id);
  EXPECT_FALSE(store->org_member("12345"));

  // Update in place: the account left the organization.
  m->membership = "left";
  store->save_org_member(*m);
  EXPECT_EQ(store->org_member(b)->membership, "left");

  // One provider per account in an organization; statuses are a closed list.
  std::string c = add_provider("dup");
  EXPECT_EQ(kind_of([&] { store->save_org_member({c, o.id, "111111111111", "prod", "", "active", "ok", "", {}}); }),
            "conflict");
  EXPECT_EQ(kind_of([&] { store->save_org_member({c, o.id, "333333333333", "x", "", "gone", "ok", "", {}}); }),
            "invalid");
  EXPECT_EQ(kind_of([&] { store->save_org_member({c, o.id, "333333333333", "x", "", "active", "PASS", "", {}}); }),
            "invalid");
  EXPECT_EQ(kind_of([&] { store->save_org_member({c, "404", "333333333333", "x", "", "active", "ok", "", {}}); }),
            "not_found");
}

TEST_F(OrgStoreTest, DeletingKeepsWhatTheOtherSideOwns) {
  std::string base = add_provider("management");
  Organization o = store->save_organization(org(base));
  std::string a = add_provider("prod"), b = add_provider("dev");
  store->save_org_member({a, o.id, "111111111111", "prod", "Root", "active", "ok", "", {}});
  store->save_org_member({b, o.id, "222222222222", "dev", "Root", "active", "ok", "", {}});
  run_scan(a, {testing::make_finding("s3_versioning", "arn:aws:s3:::a", CheckStatus::kFail)}, {}, testing::day(1));

  // A member provider deleted: its link goes, the others stay.
  store->delete_provider(b, "alice");
  EXPECT_EQ(store->org_members(o.id).size(), 1u);

  // The base provider deleted: the organization stays, without a base.
  store->delete_provider(base, "alice");
  auto got = store->get_organization(o.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->base_provider_id, "");

  // The organization deleted: its member providers and their findings stay, unlinked.
  store->delete_organization(o.id);
  EXPECT_FALSE(store->get_organization(o.id));
  EXPECT_FALSE(store->org_member(a));
  EXPECT_TRUE(store->get_provider(a));
  FindingFilter f;
  f.provider_id = a;
  EXPECT_EQ(store->list_findings(f, {}).total, 1);
  EXPECT_EQ(kind_of([&] { store->delete_organization(o.id); }), "not_found");
}

}  // namespace
}  // namespace cloudpeek::store
