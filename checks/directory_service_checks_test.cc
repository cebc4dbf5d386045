// AWS Directory Service checks: each one PASSes, FAILs, says why a directory
// type it does not apply to passes (never a FAIL for Simple AD's missing MFA),
// and says NOT_ASSESSED with the reason when what it reads was not collected.
#include <gtest/gtest.h>

#include <ctime>

#include "checks/check.h"
#include "checks/testing.h"
#include "checks/testing_expect.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;
using testing::expect;
using testing::expect_not_applicable;

constexpr const char* kDir = "AWS::DirectoryService::Directory";

Resource directory(std::string type, json more = json::object()) {
  json props = {{"type", std::move(type)}, {"radius_status", nullptr}, {"radius_protocol", nullptr}};
  props.update(more);
  return resource(kDir, "d-1234567890", std::move(props));
}

std::string iso_in_days(long long days) {
  std::time_t t = std::time(nullptr) + days * 86400 + 3600;
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

TEST(DirectoryServiceLogForwarding, MicrosoftAdOnly) {
  const char* id = "directoryservice_directory_log_forwarding_enabled";
  expect(id, directory("MicrosoftAD", {{"log_groups", {"/aws/directoryservice/d-1234567890"}}}), CheckStatus::kPass,
         "/aws/directoryservice/d-1234567890");
  expect(id, directory("MicrosoftAD", {{"log_groups", json::array()}}), CheckStatus::kFail, "does not forward");
  // Simple AD and AD Connector have no log forwarding: a reasoned PASS, whatever the listing said.
  expect_not_applicable(id, directory("SimpleAD", {{"log_groups", json::array()}}), "only for AWS Managed Microsoft AD");
  expect_not_applicable(id, directory("ADConnector"), "only for AWS Managed Microsoft AD");
  const std::string why = "ds:ListLogSubscriptions denied (AccessDeniedException)";
  Resource denied = directory("MicrosoftAD");
  denied.missing["log_groups"] = why;
  expect(id, denied, CheckStatus::kNotAssessed, why);
  expect(id, directory("MicrosoftAD"), CheckStatus::kNotAssessed, "not collected");
}

TEST(DirectoryServiceMonitorNotifications, RegisteredTopicOnly) {
  const char* id = "directoryservice_directory_monitor_notifications";
  auto topic = [](const char* status) {
    return json{{"topic", "arn:aws:sns:us-east-1:111122223333:ds-status"}, {"status", status}};
  };
  expect(id, directory("SimpleAD", {{"event_topics", {topic("Registered")}}}), CheckStatus::kPass, "ds-status");
  expect(id, directory("ADConnector", {{"event_topics", {topic("Topic not found"), topic("Registered")}}}),
         CheckStatus::kPass);
  expect(id, directory("MicrosoftAD", {{"event_topics", {topic("Topic not found")}}}), CheckStatus::kFail,
         "Topic not found");
  expect(id, directory("MicrosoftAD", {{"event_topics", {topic("Deleted")}}}), CheckStatus::kFail, "Deleted");
  expect(id, directory("MicrosoftAD", {{"event_topics", json::array()}}), CheckStatus::kFail, "no SNS topic");
  const std::string why = "ds:DescribeEventTopics denied (AccessDeniedException)";
  Resource denied = directory("MicrosoftAD");
  denied.missing["event_topics"] = why;
  expect(id, denied, CheckStatus::kNotAssessed, why);
}

TEST(DirectoryServiceSnapshotsLimit, ReachedNearAndRoom) {
  const char* id = "directoryservice_directory_snapshots_limit";
  auto limit = [](int count, bool reached) { return json{{"limit", 5}, {"count", count}, {"reached", reached}}; };
  expect(id, directory("MicrosoftAD", {{"snapshot_limit", limit(1, false)}}), CheckStatus::kPass, "1 of 5");
  expect(id, directory("MicrosoftAD", {{"snapshot_limit", limit(2, false)}}), CheckStatus::kPass);
  expect(id, directory("MicrosoftAD", {{"snapshot_limit", limit(3, false)}}), CheckStatus::kFail, "about to reach");
  expect(id, directory("SimpleAD", {{"snapshot_limit", limit(5, true)}}), CheckStatus::kFail, "has reached");
  // AWS's flag wins even where the counts would leave room.
  expect(id, directory("SimpleAD", {{"snapshot_limit", limit(0, true)}}), CheckStatus::kFail, "has reached");
  expect_not_applicable(id, directory("ADConnector", {{"snapshot_limit", nullptr}}), "no snapshots");
  const std::string why = "ds:GetSnapshotLimits denied (AccessDeniedException)";
  Resource denied = directory("MicrosoftAD");
  denied.missing["snapshot_limit"] = why;
  expect(id, denied, CheckStatus::kNotAssessed, why);
  // A Microsoft AD without a limit is unknown, never a PASS.
  expect(id, directory("MicrosoftAD", {{"snapshot_limit", nullptr}}), CheckStatus::kNotAssessed);
}

TEST(DirectoryServiceCertificateExpiration, NinetyDays) {
  const char* id = "directoryservice_ldap_certificate_expiration";
  auto cert = [](json expires, const char* state = "Registered") {
    return resource("AWS::DirectoryService::Certificate", "c-1234567890",
                    {{"directory_id", "d-1234567890"}, {"type", "ClientLDAPS"}, {"state", state},
                     {"expires", std::move(expires)}});
  };
  expect(id, cert(iso_in_days(400)), CheckStatus::kPass, "expires in 400 days");
  expect(id, cert(iso_in_days(91)), CheckStatus::kPass);
  expect(id, cert(iso_in_days(90)), CheckStatus::kFail, "expires in 90 days");
  expect(id, cert(iso_in_days(30)), CheckStatus::kFail, "d-1234567890");
  expect(id, cert(iso_in_days(-3)), CheckStatus::kFail, "expired");
  expect_not_applicable(id, cert(iso_in_days(10), "Deregistered"), "no longer uses it");
  expect(id, cert(nullptr), CheckStatus::kNotAssessed, "expiry date");
  expect(id, cert("soon"), CheckStatus::kNotAssessed, "unreadable");
  expect(id, resource("AWS::DirectoryService::Certificate", "c-1", {{"state", "Registered"}}), CheckStatus::kNotAssessed,
         "not collected");
}

TEST(DirectoryServiceRadiusProtocol, MsChapV2Only) {
  const char* id = "directoryservice_radius_server_security_protocol";
  auto radius = [](const char* type, const char* protocol) {
    return directory(type, {{"radius_status", "Completed"}, {"radius_protocol", protocol}});
  };
  expect(id, radius("MicrosoftAD", "MS-CHAPv2"), CheckStatus::kPass);
  expect(id, radius("ADConnector", "PAP"), CheckStatus::kFail, "in clear");
  expect(id, radius("MicrosoftAD", "CHAP"), CheckStatus::kFail, "CHAP");
  expect(id, radius("ADConnector", "MS-CHAPv1"), CheckStatus::kFail, "MS-CHAPv1");
  // Nothing to judge: no RADIUS (the MFA check reports that), or Simple AD.
  expect_not_applicable(id, directory("MicrosoftAD"), "no RADIUS server");
  expect_not_applicable(id, directory("SimpleAD"), "Simple AD");
  expect(id, resource(kDir, "d-1", {{"type", "MicrosoftAD"}}), CheckStatus::kNotAssessed, "not collected");
}

TEST(DirectoryServiceMfaRadius, CompletedOnlyAndNeverFailsSimpleAd) {
  const char* id = "directoryservice_supported_mfa_radius_enabled";
  auto radius = [](const char* type, const char* status) {
    return directory(type, {{"radius_status", status}, {"radius_protocol", "MS-CHAPv2"}});
  };
  expect(id, radius("MicrosoftAD", "Completed"), CheckStatus::kPass);
  expect(id, radius("ADConnector", "Completed"), CheckStatus::kPass);
  expect(id, radius("MicrosoftAD", "Failed"), CheckStatus::kFail, "Failed");
  expect(id, radius("ADConnector", "Creating"), CheckStatus::kFail, "Creating");
  expect(id, directory("ADConnector"), CheckStatus::kFail, "no RADIUS server");
  expect_not_applicable(id, directory("SimpleAD"), "does not offer MFA");
  expect(id, resource(kDir, "d-1", {{"type", "ADConnector"}}), CheckStatus::kNotAssessed, "not collected");
  Resource no_type = resource(kDir, "d-1", json::object());
  no_type.missing["type"] = "ds:DescribeDirectories failed";
  expect(id, no_type, CheckStatus::kNotAssessed, "DescribeDirectories");
}

}  // namespace
}  // namespace cloudpeek::checks
