// CIS 4.1–4.15 (the trail → log group → metric filter → alarm → SNS chain),
// and the CloudWatch Logs group checks.
#include <gtest/gtest.h>

#include <functional>

#include "checks/check.h"
#include "checks/cis_monitoring_chain.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::denied;
using testing::resource;
using testing::run_on;

struct Case {
  const char* id;
  const char* pattern;  // the CIS v3.0.0 pattern
};

const Case kControls[] = {
    {"cloudwatch_log_metric_filter_unauthorized_api_calls",
     R"({ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") })"},
    {"cloudwatch_log_metric_filter_sign_in_without_mfa",
     R"({ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") })"},
    {"cloudwatch_log_metric_filter_root_usage",
     R"({ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" })"},
    {"cloudwatch_log_metric_filter_policy_changes",
     R"({($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)})"},
    {"cloudwatch_log_metric_filter_and_alarm_for_cloudtrail_configuration_changes",
     R"({ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) })"},
    {"cloudwatch_log_metric_filter_authentication_failures",
     R"({ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") })"},
    {"cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk",
     R"({($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) })"},
    {"cloudwatch_log_metric_filter_for_s3_bucket_policy_changes",
     R"({ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) })"},
    {"cloudwatch_log_metric_filter_and_alarm_for_aws_config_configuration_changes",
     R"({ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) })"},
    {"cloudwatch_log_metric_filter_security_group_changes",
     R"({ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) })"},
    {"cloudwatch_changes_to_network_acls_alarm_configured",
     R"({ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) })"},
    {"cloudwatch_changes_to_network_gateways_alarm_configured",
     R"({ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) })"},
    {"cloudwatch_changes_to_network_route_tables_alarm_configured",
     R"({($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) })"},
    {"cloudwatch_changes_to_vpcs_alarm_configured",
     R"({ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) })"},
    {"cloudwatch_log_metric_filter_aws_organizations_changes",
     R"({ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) })"},
};

constexpr const char* kTopicArn = "arn:aws:sns:us-east-1:111122223333:security-alerts";

Resource account() {
  Resource r = resource(cis_monitoring::kAccountType, "111122223333", json::object(), "global");
  r.arn = "arn:aws:cloudwatch::111122223333:account-monitoring";
  return r;
}

Resource trail(json overrides = json::object()) {
  json props = {{"name", "main"},
                {"home_region", "us-east-1"},
                {"is_multi_region", true},
                {"is_organization_trail", false},
                {"log_file_validation", true},
                {"kms_key_id", nullptr},
                {"s3_bucket_name", "trail-bucket"},
                {"cloud_watch_logs_log_group_arn", "arn:aws:logs:us-east-1:111122223333:log-group:CloudTrail/main:*"},
                {"is_logging", true},
                {"management_events_all", true},
                {"s3_data_events_write", false},
                {"s3_data_events_read", false}};
  props.update(overrides);
  Resource r = resource("AWS::CloudTrail::Trail", "main", props);
  r.arn = "arn:aws:cloudtrail:us-east-1:111122223333:trail/main";
  return r;
}

Resource filter(const std::string& pattern, const std::string& group = "CloudTrail/main") {
  return resource("AWS::Logs::MetricFilter", "cis-filter",
                  {{"name", "cis-filter"},
                   {"log_group_name", group},
                   {"filter_pattern", pattern},
                   {"metric_transformations", {{{"metric_name", "cis_metric"}, {"metric_namespace", "CISBenchmark"}}}}});
}

Resource alarm(json actions = json::array({kTopicArn}), const std::string& metric = "cis_metric") {
  Resource r = resource("AWS::CloudWatch::Alarm", "cis-alarm",
                        {{"name", "cis-alarm"},
                         {"metric_name", metric},
                         {"namespace", "CISBenchmark"},
                         {"metrics", json::array()},
                         {"alarm_actions", actions},
                         {"actions_enabled", true}});
  r.arn = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:cis-alarm";
  return r;
}

Resource topic(int confirmed = 1) {
  Resource r = resource("AWS::SNS::Topic", "security-alerts",
                        {{"name", "security-alerts"}, {"confirmed_subscriptions", confirmed}});
  r.arn = kTopicArn;
  return r;
}

Inventory chain(const std::string& pattern) {
  Inventory inv;
  inv.account = "111122223333";
  inv.regions = {{"us-east-1", "opt-in-not-required", true}, {"eu-west-1", "opt-in-not-required", true}};
  inv.add(trail());
  inv.add(filter(pattern));
  inv.add(alarm());
  inv.add(topic());
  return inv;
}

TEST(CisMonitoringChain, AllFifteenControlsRegisteredWithMetadata) {
  for (const auto& c : kControls) {
    const Check* check = find_check(c.id);
    ASSERT_NE(check, nullptr) << c.id;
    EXPECT_EQ(check->meta.resource_type, cis_monitoring::kAccountType);
    EXPECT_EQ(check->meta.service, "cloudwatch");
    ASSERT_EQ(check->meta.cis.size(), 1u);
    EXPECT_EQ(check->meta.cis[0].rfind("4.", 0), 0u);
    EXPECT_FALSE(check->meta.remediation.cli.empty());
    EXPECT_FALSE(check->context_types.empty());
  }
  EXPECT_EQ(find_check("cloudwatch_log_metric_filter_unauthorized_api_calls")->meta.cis[0], "4.1");
  EXPECT_EQ(find_check("cloudwatch_log_metric_filter_aws_organizations_changes")->meta.cis[0], "4.15");
}

TEST(CisMonitoringChain, FullChainPassesForEveryControl) {
  for (const auto& c : kControls) {
    auto r = run_on(c.id, account(), chain(c.pattern));
    EXPECT_EQ(r.status, CheckStatus::kPass) << c.id << ": " << r.detail;
    EXPECT_NE(r.detail.find("security-alerts"), std::string::npos) << r.detail;
  }
}

TEST(CisMonitoringChain, OneControlsFilterDoesNotSatisfyAnother) {
  // Each control's pattern passes only its own control.
  for (const auto& a : kControls) {
    Inventory inv = chain(a.pattern);
    for (const auto& b : kControls) {
      if (std::string(a.id) == b.id) continue;
      auto r = run_on(b.id, account(), inv);
      EXPECT_EQ(r.status, CheckStatus::kFail) << b.id << " passed with " << a.id << "'s pattern";
    }
  }
}

TEST(CisMonitoringChain, AcceptsDocumentedVariantsAndWhitespace) {
  // AWS's older/shorter documented patterns, and reformatted ones.
  EXPECT_EQ(run_on("cloudwatch_log_metric_filter_unauthorized_api_calls", account(),
                   chain(R"({ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") })"))
                .status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on("cloudwatch_log_metric_filter_sign_in_without_mfa", account(),
                   chain(R"({($.eventName="ConsoleLogin")&&($.additionalEventData.MFAUsed!="Yes")})"))
                .status,
            CheckStatus::kPass);
  EXPECT_EQ(run_on("cloudwatch_log_metric_filter_root_usage", account(),
                   chain("{\n  $.userIdentity.type=\"Root\"  &&\n $.userIdentity.invokedBy   NOT   EXISTS && "
                         "$.eventType!=\"AwsServiceEvent\"\n}"))
                .status,
            CheckStatus::kPass);
  // Different order of the event names is the same filter.
  EXPECT_EQ(run_on("cloudwatch_log_metric_filter_and_alarm_for_cloudtrail_configuration_changes", account(),
                   chain(R"({ ($.eventName = "StopLogging") || ($.eventName = "StartLogging") || ($.eventName = "DeleteTrail") || ($.eventName = "UpdateTrail") || ($.eventName = "CreateTrail") })"))
                .status,
            CheckStatus::kPass);
}

TEST(CisMonitoringChain, IncompletePatternsFail) {
  // A CloudTrail filter that misses StopLogging, and a root filter negated.
  auto r = run_on("cloudwatch_log_metric_filter_and_alarm_for_cloudtrail_configuration_changes", account(),
                  chain("{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) "
                        "|| ($.eventName = StartLogging) }"));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "no metric filter for CloudTrail configuration changes on log group CloudTrail/main");
  r = run_on("cloudwatch_log_metric_filter_root_usage", account(),
             chain(R"({ $.userIdentity.type != "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" })"));
  EXPECT_EQ(r.status, CheckStatus::kFail);
}

constexpr const char* kRoot = "cloudwatch_log_metric_filter_root_usage";
const char* root_pattern() { return kControls[2].pattern; }

TEST(CisMonitoringChain, FailsNamingEachMissingLink) {
  struct Broken {
    const char* name;
    std::function<void(Inventory&)> build;
    const char* detail;
  };
  std::vector<Broken> cases = {
      {"no trail", [](Inventory&) {}, "no CloudTrail trail that is multi-region, logging and recording all management events"},
      {"single-region trail", [](Inventory& inv) { inv.add(trail({{"is_multi_region", false}})); },
       "trail main is not multi-region"},
      {"trail not logging", [](Inventory& inv) { inv.add(trail({{"is_logging", false}})); },
       "multi-region trail main is not logging"},
      {"write-only management events", [](Inventory& inv) { inv.add(trail({{"management_events_all", false}})); },
       "multi-region trail main does not record all (read and write) management events"},
      {"no CloudWatch Logs", [](Inventory& inv) { inv.add(trail({{"cloud_watch_logs_log_group_arn", nullptr}})); },
       "multi-region trail main does not deliver to CloudWatch Logs"},
      {"filter on another group",
       [](Inventory& inv) {
         inv.add(trail());
         inv.add(filter(root_pattern(), "other-group"));
       },
       "no metric filter for root account usage on log group CloudTrail/main"},
      {"no alarm",
       [](Inventory& inv) {
         inv.add(trail());
         inv.add(filter(root_pattern()));
       },
       "no alarm on metric CISBenchmark/cis_metric of metric filter cis-filter for root account usage on log group "
       "CloudTrail/main"},
      {"alarm on another metric",
       [](Inventory& inv) {
         inv.add(trail());
         inv.add(filter(root_pattern()));
         inv.add(alarm(json::array({kTopicArn}), "other_metric"));
         inv.add(topic());
       },
       "no alarm on metric CISBenchmark/cis_metric of metric filter cis-filter for root account usage on log group "
       "CloudTrail/main"},
      {"alarm without SNS action",
       [](Inventory& inv) {
         inv.add(trail());
         inv.add(filter(root_pattern()));
         inv.add(alarm(json::array({"arn:aws:automate:us-east-1:ec2:stop"})));
       },
       "alarm cis-alarm on metric CISBenchmark/cis_metric has no SNS topic with subscribers (no SNS action)"},
      {"topic without subscribers",
       [](Inventory& inv) {
         inv.add(trail());
         inv.add(filter(root_pattern()));
         inv.add(alarm());
         inv.add(topic(0));
       },
       "alarm cis-alarm has no SNS topic with subscribers (topic security-alerts has no confirmed subscription)"},
      {"topic gone",
       [](Inventory& inv) {
         inv.add(trail());
         inv.add(filter(root_pattern()));
         inv.add(alarm());
       },
       "alarm cis-alarm notifies SNS topic arn:aws:sns:us-east-1:111122223333:security-alerts, which does not exist"},
  };
  for (const auto& c : cases) {
    Inventory inv;
    inv.account = "111122223333";
    c.build(inv);
    auto r = run_on(kRoot, account(), inv);
    EXPECT_EQ(r.status, CheckStatus::kFail) << c.name << ": " << r.detail;
    EXPECT_EQ(r.detail, c.detail) << c.name;
  }
}

TEST(CisMonitoringChain, AnyGoodTrailSuffices) {
  Inventory inv = chain(root_pattern());
  Resource regional = trail({{"is_multi_region", false}, {"cloud_watch_logs_log_group_arn", nullptr}});
  regional.arn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/regional";
  regional.name = "regional";
  inv.add(regional);
  EXPECT_EQ(run_on(kRoot, account(), inv).status, CheckStatus::kPass);
}

TEST(CisMonitoringChain, NotAssessedNamesTheGap) {
  {
    // logs:DescribeMetricFilters denied in the log group's region.
    Inventory inv;
    inv.account = "111122223333";
    inv.add(trail());
    inv.add(alarm());
    inv.add(topic());
    inv.add_gap(denied("logs", "logs:DescribeMetricFilters", "us-east-1", "AWS::Logs::MetricFilter"));
    auto r = run_on(kRoot, account(), inv);
    EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
    EXPECT_NE(r.detail.find("logs:DescribeMetricFilters denied in us-east-1"), std::string::npos) << r.detail;
  }
  {
    // Trail status unknown.
    Inventory inv = chain(root_pattern());
    Resource t = trail();
    t.props.erase("is_logging");
    t.missing["is_logging"] = "cloudtrail:GetTrailStatus denied (AccessDenied)";
    Inventory inv2;
    inv2.account = "111122223333";
    inv2.add(t);
    inv2.add(filter(root_pattern()));
    inv2.add(alarm());
    inv2.add(topic());
    auto r = run_on(kRoot, account(), inv2);
    EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
    EXPECT_EQ(r.detail, "trail main: cloudtrail:GetTrailStatus denied (AccessDenied)");
  }
  {
    // Trails not listable in a region.
    Inventory inv;
    inv.account = "111122223333";
    inv.add_gap(denied("cloudtrail", "cloudtrail:DescribeTrails", "eu-west-1", "AWS::CloudTrail::Trail"));
    auto r = run_on(kRoot, account(), inv);
    EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
    EXPECT_NE(r.detail.find("cloudtrail:DescribeTrails denied in eu-west-1"), std::string::npos) << r.detail;
  }
  {
    // Alarms denied; topic subscriptions unknown.
    Inventory inv;
    inv.account = "111122223333";
    inv.add(trail());
    inv.add(filter(root_pattern()));
    inv.add_gap(denied("cloudwatch", "cloudwatch:DescribeAlarms", "us-east-1", "AWS::CloudWatch::Alarm"));
    EXPECT_EQ(run_on(kRoot, account(), inv).status, CheckStatus::kNotAssessed);
    Inventory inv2 = chain(root_pattern());
    Inventory inv3;
    inv3.account = "111122223333";
    inv3.add(trail());
    inv3.add(filter(root_pattern()));
    inv3.add(alarm());
    Resource t = topic();
    t.props.erase("confirmed_subscriptions");
    t.missing["confirmed_subscriptions"] = "sns:ListSubscriptionsByTopic denied (AccessDenied)";
    inv3.add(t);
    auto r = run_on(kRoot, account(), inv3);
    EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
    EXPECT_EQ(r.detail, "SNS topic security-alerts: sns:ListSubscriptionsByTopic denied (AccessDenied)");
  }
  {
    // A gap elsewhere does not hide a complete chain.
    Inventory inv = chain(root_pattern());
    inv.add_gap(denied("logs", "logs:DescribeMetricFilters", "eu-west-1", "AWS::Logs::MetricFilter"));
    EXPECT_EQ(run_on(kRoot, account(), inv).status, CheckStatus::kPass);
  }
}

TEST(CisMonitoringChain, MetricMathAlarmCounts) {
  Inventory inv;
  inv.account = "111122223333";
  inv.add(trail());
  inv.add(filter(root_pattern()));
  Resource a = alarm(json::array({kTopicArn}), "");
  a.props["namespace"] = "";
  a.props["metrics"] = {{{"metric_name", "cis_metric"}, {"namespace", "CISBenchmark"}}};
  inv.add(a);
  inv.add(topic());
  EXPECT_EQ(run_on(kRoot, account(), inv).status, CheckStatus::kPass);
}

TEST(CisMonitoringPattern, Comparisons) {
  auto c = cis_monitoring::comparisons(R"({ ($.errorCode = "*UnauthorizedOperation") || $.userIdentity.invokedBy NOT EXISTS })");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0], "errorCode=*UnauthorizedOperation");
  EXPECT_EQ(c[1], "userIdentity.invokedBy NOT EXISTS");
}

// CloudWatch Logs groups.

Resource group(json retention, json key) {
  return resource("AWS::Logs::LogGroup", "app", {{"name", "app"}, {"retention_in_days", retention}, {"kms_key_id", key}});
}

TEST(LogGroupChecks, Retention) {
  const char* id = "cloudwatch_log_group_retention_policy_specific_days_enabled";
  EXPECT_EQ(run_on(id, group(400, nullptr)).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, group(nullptr, nullptr)).status, CheckStatus::kPass);
  auto r = run_on(id, group(30, nullptr));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "log group app retains events for only 30 days (less than 365)");
  Inventory inv;
  inv.account = "111122223333";
  inv.regions = {{"us-east-1", "opt-in-not-required", true}};
  inv.add_gap(denied("logs", "logs:DescribeLogGroups", "us-east-1", "AWS::Logs::LogGroup"));
  auto findings = run_check(*find_check(id), inv);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, CheckStatus::kNotAssessed);
  EXPECT_EQ(findings[0].detail, "logs:DescribeLogGroups denied in us-east-1 (AccessDenied)");
  EXPECT_EQ(find_check(id)->meta.fsbp, std::vector<std::string>{"CloudWatch.16"});
}

TEST(LogGroupChecks, KmsEncryption) {
  const char* id = "cloudwatch_log_group_kms_encryption_enabled";
  EXPECT_EQ(run_on(id, group(400, "arn:aws:kms:us-east-1:111122223333:key/abc")).status, CheckStatus::kPass);
  EXPECT_EQ(run_on(id, group(400, nullptr)).status, CheckStatus::kFail);
  Inventory inv;
  inv.account = "111122223333";
  inv.regions = {{"us-east-1", "opt-in-not-required", true}};
  inv.add_gap(denied("logs", "logs:DescribeLogGroups", "us-east-1", "AWS::Logs::LogGroup"));
  auto findings = run_check(*find_check(id), inv);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, CheckStatus::kNotAssessed);
}

}  // namespace
}  // namespace cloudpeek::checks
