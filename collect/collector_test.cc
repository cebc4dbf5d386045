// The collector toolkit against fakeaws: paging through botocore's paginators,
// gaps recorded from real AWS errors, the action names coverage shows.
#include "collect/collector.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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
  // S3 operations authorized under another action name.
  EXPECT_EQ(iam_action("s3", "GetBucketReplication"), "s3:GetReplicationConfiguration");
  EXPECT_EQ(iam_action("s3", "GetBucketEncryption"), "s3:GetEncryptionConfiguration");
  EXPECT_EQ(iam_action("s3", "GetPublicAccessBlock"), "s3:GetBucketPublicAccessBlock");
  EXPECT_EQ(iam_action("s3control", "GetPublicAccessBlock"), "s3:GetAccountPublicAccessBlock");
  EXPECT_EQ(iam_action("s3", "ListBuckets"), "s3:ListAllMyBuckets");
  // API Gateway authorizes by HTTP method: no policy grants apigateway:GetStages or apigatewayv2:GetRoutes.
  EXPECT_EQ(iam_action("apigateway", "GetStages"), "apigateway:GET");
  EXPECT_EQ(iam_action("apigatewayv2", "GetRoutes"), "apigateway:GET");
  EXPECT_EQ(iam_action("elbv2", "DescribeLoadBalancers"), "elasticloadbalancing:DescribeLoadBalancers");
  EXPECT_EQ(iam_action("accessanalyzer", "ListAnalyzers"), "access-analyzer:ListAnalyzers");
  EXPECT_EQ(iam_action("efs", "DescribeFileSystems"), "elasticfilesystem:DescribeFileSystems");
  // A denied OpenSearch call names the action a policy grants (SecurityAudit: es:Describe*).
  EXPECT_EQ(iam_action("opensearch", "DescribeDomains"), "es:DescribeDomains");
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

// Issue 13: a listing read a page at a time, each page handed over as it
// arrives (never the whole listing at once), the same items as the merged form.
TEST_F(CollectorToolkit, PagesOneAtATime) {
  auto aws = client("AKIAFAKEALICE0000001", "fakeSecretAlice/0000000000000000000000001");
  DirectContext ctx(*aws, "111122223333");
  fake_->reset();
  std::vector<size_t> page_sizes;
  std::set<std::string> names;
  auto status = for_each_page(ctx, "iam", "ListUsers", json::object(), "us-east-1", [&](json& page) {
    page_sizes.push_back(page["Users"].size());
    for (const auto& u : page["Users"]) names.insert(u.value("UserName", ""));
  });
  ASSERT_TRUE(status) << status.error().describe();
  auto merged = call_all_pages(ctx, "iam", "ListUsers", json::object(), "us-east-1");
  ASSERT_TRUE(merged);
  EXPECT_GE(page_sizes.size(), 2u) << "basic.json has more users than its page size (2)";
  for (size_t n : page_sizes) EXPECT_LE(n, 2u);
  EXPECT_EQ(names.size(), (*merged)["Users"].size());

  // A failed first page: its error, and no page handed over.
  auto bob = client("AKIAFAKEBOB000000001", "fakeSecretBob/000000000000000000000000001");
  DirectContext denied(*bob, "111122223333");
  int pages = 0;
  auto failed = for_each_page(denied, "iam", "ListUsers", json::object(), "us-east-1", [&](json&) { ++pages; });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().kind, ErrorKind::kAccessDenied);
  EXPECT_EQ(pages, 0);
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

// A service AWS does not offer in a region (App Runner in ap-south-2): its
// endpoint does not resolve, and botocore's endpoint data agrees — no gap, no
// NOT_ASSESSED in every such region (real scans of the newer services were
// "partial" everywhere). The same DNS failure where the data lists the service,
// or in a region newer than the data, or a refused connection, stays a gap.
TEST_F(CollectorToolkit, AServiceNotOfferedInARegionIsNoGapButALostCallStillIs) {
  auto run_in = [&](const std::string& endpoint, const std::string& region) {
    ClientConfig config;
    config.region = region;
    config.endpoints.global = endpoint;
    auto creds = StaticProvider::make("AKIAFAKEALICE0000001", Secret("fakeSecretAlice/0000000000000000000000001")).value();
    AwsClient aws(config, creds, std::make_shared<Transport>(TransportOptions{}));
    DirectContext ctx(aws, "111122223333");
    Collector services{.service = "apprunner",
                       .produces = {"AWS::AppRunner::Service"},
                       .collect = [](CollectContext& c, const std::string& r) {
                         auto out = call_all_pages(c, "apprunner", "ListServices", json::object(), r);
                         if (!out) record_failure(c, out.error(), "apprunner", "ListServices", r, {"AWS::AppRunner::Service"});
                       }};
    ctx.run(services, region);
    return ctx.inventory().gaps();
  };
  // RFC 2606: names under .invalid never resolve.
  const std::string unresolvable = "http://apprunner.example.invalid";
  EXPECT_TRUE(run_in(unresolvable, "ap-south-2").empty());
  auto offered = run_in(unresolvable, "us-east-1");
  ASSERT_EQ(offered.size(), 1u);
  EXPECT_EQ(offered[0].error_kind, "network");
  EXPECT_EQ(run_in(unresolvable, "ca-west-1").size(), 1u) << "a region newer than the data is no proof";
  EXPECT_EQ(run_in("http://127.0.0.1:1", "ap-south-2").size(), 1u) << "only DNS says 'no endpoint'";
}

// Issue 8: documents AWS sends are read within limits, and one that cannot be
// read is missing with the reason — never "no policy" (a malformed SQS or SNS
// policy read as none made the public-access checks PASS), never a crash (a
// policy nested 100,000 levels overflowed the stack when copied). A managed
// policy without PolicyName is named from its ARN.
TEST(HostileDocuments, AreMissingWithTheReason) {
  json scenario;
  {
    std::ifstream in(cloudpeek::testing::FakeAws::default_scenario());
    scenario = json::parse(in);
  }
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  json& svc = scenario["accounts"]["111122223333"]["services"];
  svc["iam"]["*"]["GetAccountAuthorizationDetails"] = {
      {"output",
       {{"UserDetailList", json::array()},
        {"GroupDetailList", json::array()},
        {"RoleDetailList",
         {{{"RoleName", "Broken"}, {"RoleId", "AROABROKEN"}, {"Arn", "arn:aws:iam::111122223333:role/Broken"},
           {"Path", "/"}, {"AssumeRolePolicyDocument", "%7B%22Version%22%3A"},  // cut off
           {"RolePolicyList", {{{"PolicyName", "deep"}, {"PolicyDocument", "{\"Statement\": " + deep + "}"}}}},
           {"AttachedManagedPolicies", {{{"PolicyArn", "arn:aws:iam::111122223333:policy/team/ReadOnlyBilling"}}}}}}},
        {"Policies",
         {{{"Arn", "arn:aws:iam::111122223333:policy/team/ReadOnlyBilling"}, {"PolicyId", "ANPA1"},
           {"AttachmentCount", 1}, {"DefaultVersionId", "v1"},
           {"PolicyVersionList", {{{"VersionId", "v1"}, {"IsDefaultVersion", true}, {"Document", "[1, 2]"}}}}}}}}}};
  svc["sqs"]["us-east-1"]["ListQueues"] = {
      {"output", {{"QueueUrls", {"https://sqs.us-east-1.amazonaws.com/111122223333/q"}}}}};
  svc["sqs"]["us-east-1"]["GetQueueAttributes"] = {
      {"output", {{"Attributes", {{"QueueArn", "arn:aws:sqs:us-east-1:111122223333:q"}, {"Policy", "{\"Statement\": ["}}}}}};
  std::string dir = ::testing::TempDir() + "/hostile-documents";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/scenario.json") << scenario.dump();
  cloudpeek::testing::FakeAws fake(dir + "/scenario.json");

  ClientConfig config;
  config.region = "us-east-1";
  config.endpoints.global = fake.url();
  auto creds = StaticProvider::make("AKIAFAKEALICE0000001", Secret("fakeSecretAlice/0000000000000000000000001")).value();
  AwsClient aws(config, creds, std::make_shared<Transport>(TransportOptions{}));
  DirectContext ctx(aws, "111122223333");
  for (const char* service : {"iam", "sqs"}) {
    const Collector* c = find_collector(service);
    ASSERT_NE(c, nullptr);
    ctx.run(*c, "us-east-1");
  }
  const Inventory& inv = ctx.inventory();
  auto find = [&](const char* type, const std::string& name) -> const Resource* {
    for (const auto& r : inv.of_type(type))
      if (r.name == name) return &r;
    ADD_FAILURE() << "no " << type << " named " << name;
    return nullptr;
  };
  const Resource* role = find("AWS::IAM::Role", "Broken");
  ASSERT_NE(role, nullptr);
  EXPECT_FALSE(role->prop("trust_policy"));
  EXPECT_NE(role->missing_reason("trust_policy").value_or("").find("the trust policy of role Broken is not valid JSON"),
            std::string::npos)
      << role->missing_reason("trust_policy").value_or("(not missing)");
  ASSERT_TRUE(role->props["attached_policies"].is_array());
  EXPECT_EQ(role->props["attached_policies"][0]["name"], "ReadOnlyBilling");
  const Resource* inline_policy = find("AWS::IAM::InlinePolicy", "Broken/deep");
  ASSERT_NE(inline_policy, nullptr);
  EXPECT_NE(inline_policy->missing_reason("document").value_or("").find("nested deeper than 32 levels"),
            std::string::npos);
  const Resource* managed = find("AWS::IAM::Policy", "ReadOnlyBilling");  // PolicyName left out: from the ARN
  ASSERT_NE(managed, nullptr);
  EXPECT_EQ(managed->props["policy_name"], "ReadOnlyBilling");
  EXPECT_NE(managed->missing_reason("document").value_or("").find("is not a JSON object"), std::string::npos);
  const Resource* queue = find("AWS::SQS::Queue", "q");
  ASSERT_NE(queue, nullptr);
  EXPECT_FALSE(queue->prop("policy")) << "a policy that cannot be read is not \"no policy\"";
  EXPECT_NE(queue->missing_reason("policy").value_or("").find("the access policy of queue q is not valid JSON"),
            std::string::npos);
  bool gap_recorded = false;
  for (const auto& g : inv.gaps()) gap_recorded |= g.action == "sqs:GetQueueAttributes" && g.error_code == "MalformedPolicy";
  EXPECT_TRUE(gap_recorded) << "the coverage list says what could not be read";
}

// A context that answers from a script: one answer (or error) per call, in order.
class ScriptedContext : public CollectContext {
 public:
  std::vector<Result<json>> answers;
  std::vector<Resource> emitted;
  std::vector<CoverageGap> gaps;
  const std::string& account() const override { return account_; }
  const std::string& partition() const override { return partition_; }
  Result<json> call(std::string_view, std::string_view, const json&, const std::string&) override {
    if (answers.empty()) return make_error(ErrorKind::kServiceError, "no scripted answer left");
    Result<json> next = std::move(answers.front());
    answers.erase(answers.begin());
    return next;
  }
  void spawn(std::function<void()> task) override { task(); }
  void emit(Resource r) override { emitted.push_back(std::move(r)); }
  void gap(CoverageGap g) override { gaps.push_back(std::move(g)); }

 private:
  std::string account_ = "111122223333", partition_ = "aws";
};

// Listings botocore gives no paginator (Athena's ListWorkGroups and a dozen
// more) follow their NextToken through for_each_token_page: every page's items
// are kept, and a token AWS sends twice ends the listing as a gap saying it may
// be incomplete instead of looping.
TEST(TokenPages, FollowedUntilTheLastAndARepeatedTokenIsAGap) {
  // Only the listing: no selected check reads what GetWorkGroup returns.
  struct ListingOnly : ScriptedContext {
    bool needs(std::string_view, std::string_view) const override { return false; }
  };
  const Collector* athena = find_collector("athena");
  ASSERT_NE(athena, nullptr);
  auto wg = [](const char* name) { return json{{"Name", name}, {"State", "ENABLED"}}; };
  ListingOnly pages;
  pages.answers.push_back(json{{"WorkGroups", {wg("a")}}, {"NextToken", "t1"}});
  pages.answers.push_back(json{{"WorkGroups", {wg("b")}}, {"NextToken", "t2"}});
  pages.answers.push_back(json{{"WorkGroups", {wg("c")}}});
  athena->collect(pages, "us-east-1");
  ASSERT_EQ(pages.emitted.size(), 3u);
  EXPECT_EQ(pages.emitted[2].name, "c");
  EXPECT_TRUE(pages.gaps.empty());

  ListingOnly repeated;
  repeated.answers.push_back(json{{"WorkGroups", {wg("a")}}, {"NextToken", "t1"}});
  repeated.answers.push_back(json{{"WorkGroups", {wg("b")}}, {"NextToken", "t1"}});
  repeated.answers.push_back(json{{"WorkGroups", {wg("c")}}});
  athena->collect(repeated, "us-east-1");
  ASSERT_EQ(repeated.gaps.size(), 1u);
  EXPECT_EQ(repeated.gaps[0].error_code, "RepeatedPageToken");
  EXPECT_EQ(repeated.gaps[0].action, "athena:ListWorkGroups");
  EXPECT_EQ(repeated.answers.size(), 1u) << "no call after the repeated token";
}

// A nested stack takes its root stack's termination protection. When the
// page holding the root failed (credentials expired mid-listing), the nested
// stack's own setting (always false) stood in for it: a false FAIL in every
// interrupted scan. Now the protection is missing, naming the failed call.
TEST(CloudFormationCollector, NestedStackWhoseRootWasNotListedHasNoProtectionValue) {
  const std::string root_arn = "arn:aws:cloudformation:us-east-1:111122223333:stack/platform/guid-1";
  json nested = {{"StackName", "platform-Net"},
                 {"StackId", "arn:aws:cloudformation:us-east-1:111122223333:stack/platform-Net/guid-2"},
                 {"RootId", root_arn}, {"ParentId", root_arn}, {"EnableTerminationProtection", false}};
  json root = {{"StackName", "platform"}, {"StackId", root_arn}, {"EnableTerminationProtection", true}};
  const Collector* cfn = find_collector("cloudformation");
  ASSERT_NE(cfn, nullptr);

  ScriptedContext cut;
  cut.answers.push_back(json{{"Stacks", {nested}}, {"NextToken", "page-2"}});
  Error expired = make_error(ErrorKind::kExpiredToken, "The security token included in the request is expired");
  expired.code = "ExpiredToken";
  cut.answers.push_back(expired);
  cfn->collect(cut, "us-east-1");
  ASSERT_EQ(cut.emitted.size(), 1u);
  EXPECT_EQ(cut.emitted[0].prop("termination_protection"), nullptr);
  auto why = cut.emitted[0].missing_reason("termination_protection");
  ASSERT_TRUE(why.has_value());
  EXPECT_NE(why->find("cloudformation:DescribeStacks"), std::string::npos) << *why;
  EXPECT_FALSE(cut.gaps.empty());

  // Listed whole, the nested stack takes the root's setting.
  ScriptedContext whole;
  whole.answers.push_back(json{{"Stacks", {nested}}, {"NextToken", "page-2"}});
  whole.answers.push_back(json{{"Stacks", {root}}});
  cfn->collect(whole, "us-east-1");
  ASSERT_EQ(whole.emitted.size(), 2u);
  for (const auto& r : whole.emitted) {
    ASSERT_NE(r.prop("termination_protection"), nullptr) << r.name;
    EXPECT_EQ(*r.prop("termination_protection"), true) << r.name;
  }
}

}  // namespace
}  // namespace cloudpeek::collect
