// The generated models: every listed service is embedded, parses, keeps only
// read operations, and carries botocore's paginators.
#include "aws/services/service_models.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>

namespace cloudpeek {
namespace {

TEST(EmbeddedServiceModels, EveryListedServiceParses) {
  std::ifstream list(CLOUDPEEK_SOURCE_DIR "/aws/services/collected_services.txt");
  ASSERT_TRUE(list) << "collected_services.txt not found";
  std::string line;
  int count = 0;
  while (std::getline(list, line)) {
    line = line.substr(0, line.find('#'));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (line.empty()) continue;
    ++count;
    const ServiceModel* model = find_service_model(line);
    ASSERT_NE(model, nullptr) << line;
    EXPECT_FALSE(model->operations.empty()) << line;
    EXPECT_TRUE(model->metadata.contains("protocol")) << line;
  }
  EXPECT_GE(count, 25);
  EXPECT_EQ(find_service_model("no-such-service"), nullptr);
}

TEST(EmbeddedServiceModels, OnlyReadOperations) {
  const std::regex read("^(Describe|Get|List|Search|Lookup)[A-Z].*|GenerateCredentialReport|BatchGetProjects|BatchGetBuilds|BatchGetAccountStatus");
  for (auto name : embedded_service_names()) {
    for (const auto& [op, _] : find_service_model(name)->operations.items())
      EXPECT_TRUE(std::regex_match(op, read)) << name << ":" << op;
  }
  EXPECT_FALSE(find_service_model("s3")->operations.contains("PutBucketPolicy"));
  EXPECT_FALSE(find_service_model("iam")->operations.contains("CreateAccessKey"));
  // BatchGet* only by name: secret values must stay inexpressible.
  EXPECT_TRUE(find_service_model("codebuild")->operations.contains("BatchGetProjects"));
  EXPECT_TRUE(find_service_model("inspector2")->operations.contains("BatchGetAccountStatus"));
  EXPECT_FALSE(find_service_model("inspector2")->operations.contains("BatchGetFreeTrialInfo"));
  EXPECT_FALSE(find_service_model("secretsmanager")->operations.contains("BatchGetSecretValue"));
  EXPECT_TRUE(find_service_model("iam")->operations.contains("GetAccountAuthorizationDetails"));
  EXPECT_TRUE(find_service_model("ec2")->operations.contains("DescribeInstances"));
}

TEST(EmbeddedServiceModels, DocumentationStrippedShapesKept) {
  const ServiceModel* s3 = find_service_model("s3");
  ASSERT_NE(s3, nullptr);
  EXPECT_EQ(s3->metadata.value("protocol", ""), "rest-xml");
  EXPECT_TRUE(s3->shapes.contains("ListBucketsOutput"));
  EXPECT_FALSE(s3->shapes.contains("PutBucketPolicyRequest"));
  EXPECT_EQ(s3->operations["GetBucketPolicy"].dump().find("documentation"), std::string::npos);
}

// What a scan parses: the operation it calls and the shapes that operation
// reaches (plus the service's modeled errors), not the whole service.
TEST(EmbeddedServiceModels, OneOperationsModelHoldsWhatThatOperationReaches) {
  const ServiceModel* op = find_operation_model("ec2", "DescribeSnapshots");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->operations.size(), 1u);
  EXPECT_TRUE(op->operations.contains("DescribeSnapshots"));
  EXPECT_EQ(op->metadata.value("protocol", ""), "ec2");
  for (const char* shape : {"DescribeSnapshotsRequest", "DescribeSnapshotsResult", "SnapshotList", "Snapshot", "Filter"})
    EXPECT_TRUE(op->shapes.contains(shape)) << shape;
  EXPECT_FALSE(op->shapes.contains("DescribeInstancesResult"));
  const ServiceModel* whole = find_service_model("ec2");
  EXPECT_LT(op->shapes.size() * 20, whole->shapes.size());
  for (const auto& [name, shape] : op->shapes.items()) EXPECT_EQ(shape, whole->shapes[name]) << name;
  EXPECT_EQ(op->operations["DescribeSnapshots"], whole->operations["DescribeSnapshots"]);
  // The same object each time (parsed once).
  EXPECT_EQ(find_operation_model("ec2", "DescribeSnapshots"), op);
  // Modeled errors come along, whichever operation answers with them.
  const ServiceModel* get_user = find_operation_model("iam", "GetUser");
  ASSERT_NE(get_user, nullptr);
  EXPECT_TRUE(get_user->shapes.contains("NoSuchEntityException"));
  EXPECT_TRUE(get_user->shapes.contains("ServiceFailureException"));
  // A write or unknown operation is not in the model: the client refuses it.
  const ServiceModel* write = find_operation_model("s3", "PutBucketPolicy");
  ASSERT_NE(write, nullptr);
  EXPECT_TRUE(write->operations.empty());
  EXPECT_EQ(find_operation_model("no-such-service", "ListThings"), nullptr);
}

TEST(EmbeddedServiceModels, Paginators) {
  auto p = find_paginator("iam", "ListUsers");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->input_token, std::vector<std::string>{"Marker"});
  EXPECT_EQ(p->more_results, "IsTruncated");
  auto ec2 = find_paginator("ec2", "DescribeInstances");
  ASSERT_TRUE(ec2);
  EXPECT_EQ(ec2->input_token, std::vector<std::string>{"NextToken"});
  EXPECT_FALSE(find_paginator("iam", "GetAccountSummary"));
}

// Where AWS offers a service, from botocore's endpoints.json (Debian's
// python3-botocore 1.29: regions up to 2023; the endpoint prefix, not the
// service name, keys it: sagemaker is api.sagemaker, ses is email).
TEST(EmbeddedServiceModels, WhereEachServiceIsOffered) {
  EXPECT_EQ(service_offered_in("ec2", "us-east-1"), true);
  EXPECT_EQ(service_offered_in("apprunner", "us-east-1"), true);
  EXPECT_EQ(service_offered_in("apprunner", "ap-south-2"), false);
  EXPECT_EQ(service_offered_in("apprunner", "ca-west-1"), std::nullopt) << "a region the data does not know";
  EXPECT_EQ(service_offered_in("apprunner", "mars-1"), std::nullopt);
  EXPECT_EQ(service_offered_in("cloudfront", "us-east-1"), std::nullopt) << "a global endpoint has no regional list";
  EXPECT_EQ(service_offered_in("no-such-service", "us-east-1"), std::nullopt);
  if (service_offered_in("sagemaker", "eu-west-1") || find_service_model("sagemaker"))
    EXPECT_EQ(service_offered_in("sagemaker", "eu-west-1"), true) << "keyed by its endpoint prefix, api.sagemaker";
}

}  // namespace
}  // namespace cloudpeek
