// The generated models: every listed service is embedded, parses, keeps only
// read operations, and carries botocore's paginators.
#include "aws/services/service_models.h"

#include <gtest/gtest.h>

#include "aws/protocol/parse.h"

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

// Members AWS added after the botocore 1.29 models (model_overlay.json): the
// parser follows the model, so without the overlay each is dropped from a real
// answer (query/XML always; JSON unless the caller keeps unknown members).
json parsed(const char* service, const char* operation, std::string body) {
  const ServiceModel* m = find_operation_model(service, operation);
  EXPECT_NE(m, nullptr) << service << ":" << operation;
  if (!m) return nullptr;
  HttpResponse r;
  r.status = 200;
  r.body = std::move(body);
  Result<json> out = parse_response(*m, m->operations[operation], r);
  EXPECT_TRUE(out.ok()) << service << ":" << operation << ": " << (out.ok() ? "" : out.error().message);
  return out.ok() ? *out : json(nullptr);
}

TEST(EmbeddedServiceModels, OverlayMembersAWSAddedSinceBotocore129AreKept) {
  json inspector = parsed("inspector2", "BatchGetAccountStatus", R"({
      "accounts": [{"accountId": "111122223333",
                    "state": {"status": "ENABLED", "errorCode": "ALREADY_ENABLED", "errorMessage": ""},
                    "resourceState": {"ec2": {"status": "ENABLED", "errorCode": "ALREADY_ENABLED", "errorMessage": ""},
                                      "ecr": {"status": "DISABLED", "errorCode": "RESOURCE_NOT_FOUND", "errorMessage": ""},
                                      "lambdaCode": {"status": "ENABLED", "errorCode": "ALREADY_ENABLED", "errorMessage": ""}}}],
      "failedAccounts": [{"accountId": "999988887777", "errorCode": "ACCESS_DENIED", "errorMessage": "no",
                          "resourceStatus": {"ec2": "DISABLED", "ecr": "DISABLED", "lambdaCode": "SUSPENDED"}}]})");
  EXPECT_EQ(inspector["accounts"][0]["resourceState"]["lambdaCode"]["status"], "ENABLED") << inspector.dump();
  EXPECT_EQ(inspector["failedAccounts"][0]["resourceStatus"]["lambdaCode"], "SUSPENDED") << inspector.dump();

  json nfs = parsed("storagegateway", "DescribeNFSFileShares",
                    R"({"NFSFileShareInfoList": [{"FileShareId": "share-1", "EncryptionType": "DsseKms", "KMSEncrypted": true}]})");
  EXPECT_EQ(nfs["NFSFileShareInfoList"][0]["EncryptionType"], "DsseKms") << nfs.dump();
  json smb = parsed("storagegateway", "DescribeSMBFileShares",
                    R"({"SMBFileShareInfoList": [{"FileShareId": "share-2", "EncryptionType": "SseS3", "KMSEncrypted": false}]})");
  EXPECT_EQ(smb["SMBFileShareInfoList"][0]["EncryptionType"], "SseS3") << smb.dump();
  EXPECT_EQ(find_service_model("storagegateway")->shapes["EncryptionType"]["enum"],
            json::parse(R"(["SseS3", "SseKms", "DsseKms"])"));

  json dlm = parsed("dlm", "GetLifecyclePolicies",
                    R"({"Policies": [{"PolicyId": "policy-0a", "PolicyType": "EBS_SNAPSHOT_MANAGEMENT", "DefaultPolicy": true}]})");
  EXPECT_EQ(dlm["Policies"][0]["DefaultPolicy"], true) << dlm.dump();

  json groups = parsed("elasticache", "DescribeReplicationGroups", R"(
      <DescribeReplicationGroupsResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">
        <DescribeReplicationGroupsResult><ReplicationGroups>
          <ReplicationGroup><ReplicationGroupId>cache</ReplicationGroupId><Engine>valkey</Engine></ReplicationGroup>
        </ReplicationGroups></DescribeReplicationGroupsResult>
        <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
      </DescribeReplicationGroupsResponse>)");
  EXPECT_EQ(groups["ReplicationGroups"][0]["Engine"], "valkey") << groups.dump();
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
