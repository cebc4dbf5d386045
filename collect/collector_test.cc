// The collector toolkit against fakeaws: paging through botocore's paginators,
// gaps recorded from real AWS errors, the action names coverage shows.
#include "collect/collector.h"

#include <gtest/gtest.h>

#include <set>

#include "aws/http/transport.h"
#include "aws/credentials/static_provider.h"
#include "collect/direct_context.h"
#include "tests/integration/fakeaws_process.h"

namespace cloudpeek::collect {
namespace {

class CollectorToolkit : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fake_ = new cloudpeek::testing::FakeAws(); }
  static void TearDownTestSuite() {
    delete fake_;
    fake_ = nullptr;
  }

  std::unique_ptr<AwsClient> client(const std::string& key_id, const std::string& secret) {
    ClientConfig config;
    config.region = "us-east-1";
    config.endpoints.global = fake_->url();
    auto creds = StaticProvider::make(key_id, Secret(secret)).value();
    return std::make_unique<AwsClient>(config, creds, std::make_shared<Transport>(TransportOptions{}));
  }

  static cloudpeek::testing::FakeAws* fake_;
};

cloudpeek::testing::FakeAws* CollectorToolkit::fake_ = nullptr;

TEST(IamAction, UsesIamPrefixes) {
  EXPECT_EQ(iam_action("s3", "GetBucketPolicy"), "s3:GetBucketPolicy");
  EXPECT_EQ(iam_action("elbv2", "DescribeLoadBalancers"), "elasticloadbalancing:DescribeLoadBalancers");
  EXPECT_EQ(iam_action("accessanalyzer", "ListAnalyzers"), "access-analyzer:ListAnalyzers");
  EXPECT_EQ(iam_action("efs", "DescribeFileSystems"), "elasticfilesystem:DescribeFileSystems");
}

TEST(Tags, FromAwsTagLists) {
  auto tags = tags_from_list(json::parse(R"([{"Key":"Name","Value":"web"},{"key":"env","value":"prod"}])"));
  EXPECT_EQ(tags.at("Name"), "web");
  EXPECT_EQ(tags.at("env"), "prod");
  EXPECT_TRUE(tags_from_list(json()).empty());
}

TEST_F(CollectorToolkit, PagesAreConcatenated) {
  auto aws = client("AKIAFAKEALICE0000001", "fakeSecretAlice/0000000000000000000000001");
  DirectContext ctx(*aws, "111122223333");
  fake_->reset();
  auto users = call_all_pages(ctx, "iam", "ListUsers", json::object(), "us-east-1");
  ASSERT_TRUE(users) << users.error().describe();
  // basic.json has more users than its page size (2): every one must come back.
  ASSERT_TRUE((*users)["Users"].is_array());
  EXPECT_GE((*users)["Users"].size(), 2u);
  std::set<std::string> names;
  for (const auto& u : (*users)["Users"]) names.insert(u.value("UserName", ""));
  EXPECT_TRUE(names.count("alice"));
  EXPECT_TRUE(names.count("bob"));
  EXPECT_EQ(names.size(), (*users)["Users"].size()) << "a page was repeated";
}

TEST_F(CollectorToolkit, DeniedListingBecomesAGapNamingTheAction) {
  auto aws = client("AKIAFAKEBOB000000001", "fakeSecretBob/000000000000000000000000001");
  DirectContext ctx(*aws, "111122223333");
  Collector users{.service = "iam",
                  .global = true,
                  .produces = {"AWS::IAM::User"},
                  .collect = [](CollectContext& c, const std::string& region) {
                    auto out = call_all_pages(c, "iam", "ListUsers", json::object(), region);
                    if (!out) record_failure(c, out.error(), "iam", "ListUsers", "global", {"AWS::IAM::User"});
                  }};
  ctx.run(users, "us-east-1");
  const Inventory& inv = ctx.inventory();
  ASSERT_EQ(inv.gaps().size(), 1u);
  EXPECT_EQ(inv.gaps()[0].action, "iam:ListUsers");
  EXPECT_EQ(inv.gaps()[0].error_kind, "access_denied");
  EXPECT_EQ(inv.gap("AWS::IAM::User", "us-east-1"), "iam:ListUsers denied (AccessDenied)");
}

}  // namespace
}  // namespace cloudpeek::collect
