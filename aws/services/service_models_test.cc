// The hand-written STS and access-portal models parse and hold what the
// credential sources rely on.
#include <functional>

#include <gtest/gtest.h>

#include "aws/services/sso_portal_model.h"
#include "aws/services/sts_model.h"

namespace cloudpeek {
namespace {

// Every {"shape": X} reference names a shape that exists.
void expect_closed(const ServiceModel& m) {
  std::function<void(const json&)> walk = [&](const json& j) {
    if (j.is_object()) {
      if (j.contains("shape") && j["shape"].is_string()) {
        EXPECT_TRUE(m.shapes.contains(j["shape"].get<std::string>())) << j["shape"];
      }
      for (auto& [k, v] : j.items()) walk(v);
    } else if (j.is_array()) {
      for (auto& v : j) walk(v);
    }
  };
  walk(m.operations);
  walk(m.shapes);
}

TEST(StsModel, QueryProtocolAndOperations) {
  const ServiceModel& m = sts_model();
  EXPECT_EQ(m.protocol(), Protocol::kQuery);
  EXPECT_EQ(m.metadata["apiVersion"], "2011-06-15");
  EXPECT_EQ(m.metadata["endpointPrefix"], "sts");
  for (const char* op : {"GetCallerIdentity", "AssumeRole", "GetSessionToken"}) {
    ASSERT_TRUE(m.operations.contains(op)) << op;
    EXPECT_EQ(m.operations[op]["name"], op);
    EXPECT_EQ(m.operations[op]["output"]["resultWrapper"], std::string(op) + "Result");
  }
  EXPECT_EQ(m.shapes["Credentials"]["members"]["Expiration"]["shape"], "Timestamp");
  EXPECT_EQ(m.shapes["Timestamp"]["type"], "timestamp");
  EXPECT_EQ(&m, &sts_model());  // parsed once
  expect_closed(m);
}

TEST(SsoPortalModel, GetRoleCredentials) {
  const ServiceModel& m = sso_portal_model();
  EXPECT_EQ(m.protocol(), Protocol::kRestJson);
  EXPECT_EQ(m.metadata["signingName"], "awsssoportal");
  EXPECT_EQ(m.metadata["endpointPrefix"], "portal.sso");
  const json& op = m.operations["GetRoleCredentials"];
  EXPECT_EQ(op["http"]["method"], "GET");
  EXPECT_EQ(op["http"]["requestUri"], "/federation/credentials");
  EXPECT_EQ(op["authtype"], "none");
  const json& in = m.shapes["GetRoleCredentialsRequest"]["members"];
  EXPECT_EQ(in["roleName"]["locationName"], "role_name");
  EXPECT_EQ(in["accountId"]["locationName"], "account_id");
  EXPECT_EQ(in["accessToken"]["location"], "header");
  EXPECT_EQ(in["accessToken"]["locationName"], "x-amz-sso_bearer_token");
  EXPECT_EQ(m.shapes["ExpirationTimestampType"]["type"], "long");
  expect_closed(m);
}

}  // namespace
}  // namespace cloudpeek
