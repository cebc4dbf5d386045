// EC2 Auto Scaling (regional): Auto Scaling groups and launch configurations.
// Two bulk listings, no per-resource call: everything the checks read is in
// them (issue 13).
//
// Calls: DescribeAutoScalingGroups (paged, 100 a page), DescribeLaunchConfigurations (paged).
// Resources whose ARN names another account are dropped (only the account's own).
//
// AWS::AutoScaling::AutoScalingGroup  arn = AutoScalingGroupARN, id = name = AutoScalingGroupName
//   props.launch_configuration  the launch configuration's name, or null
//   props.launch_template       {"id", "name", "version"} of LaunchTemplate or of the mixed instances
//                               policy's template, or null
//   props.availability_zones    [..]
//   props.load_balancers        [..] Classic Load Balancer names and target group ARNs together
//   props.health_check_type     "EC2" | "ELB" | "VPC_LATTICE" | "EBS" (AWS's default "EC2" when absent)
// AWS::AutoScaling::LaunchConfiguration  arn = LaunchConfigurationARN, id = name = LaunchConfigurationName
//   props.http_tokens           "required" | "optional" (MetadataOptions.HttpTokens; "optional", AWS's
//                               default for launch configurations, when absent)
//   props.http_endpoint         "enabled" | "disabled" (default "enabled")
//   props.http_put_response_hop_limit  int (default 1)
//   props.associate_public_ip   true | false | null (not set: the subnet's setting decides)
//   UserData is dropped from raw: it is where credentials get pasted, and no check reads it.
// A failed listing leaves its type's region incomplete (a coverage gap), so
// the checks on it say NOT_ASSESSED there.
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "autoscaling";
constexpr const char* kGroup = "AWS::AutoScaling::AutoScalingGroup";
constexpr const char* kConfig = "AWS::AutoScaling::LaunchConfiguration";

// The account of an ARN (arn:partition:autoscaling:region:account:...), or empty.
std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

bool foreign(CollectContext& ctx, const std::string& arn) {
  std::string a = arn_account(arn);
  return !a.empty() && a != ctx.account();
}

json template_spec(const json& spec) {
  if (!spec.is_object()) return nullptr;
  return {{"id", spec.value("LaunchTemplateId", "")},
          {"name", spec.value("LaunchTemplateName", "")},
          {"version", spec.value("Version", "$Default")}};
}

void emit_group(CollectContext& ctx, const std::string& region, const json& g) {
  Resource r;
  r.type = kGroup;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = g.value("AutoScalingGroupName", "");
  r.arn = g.value("AutoScalingGroupARN", "");
  if (r.arn.empty() || foreign(ctx, r.arn)) return;
  if (g.contains("Tags")) r.tags = tags_from_list(g["Tags"]);
  r.props["launch_configuration"] =
      g.contains("LaunchConfigurationName") && g["LaunchConfigurationName"].is_string() ? g["LaunchConfigurationName"]
                                                                                        : json(nullptr);
  json tmpl = template_spec(g.value("LaunchTemplate", json()));
  if (tmpl.is_null())
    tmpl = template_spec(g.value("MixedInstancesPolicy", json::object())
                             .value("LaunchTemplate", json::object())
                             .value("LaunchTemplateSpecification", json()));
  r.props["launch_template"] = std::move(tmpl);
  r.props["availability_zones"] = g.value("AvailabilityZones", json::array());
  json lbs = json::array();
  for (const char* key : {"LoadBalancerNames", "TargetGroupARNs"})
    for (const auto& v : g.value(key, json::array()))
      if (v.is_string()) lbs.push_back(v);
  r.props["load_balancers"] = std::move(lbs);
  r.props["health_check_type"] = g.value("HealthCheckType", "EC2");
  r.raw = g;
  ctx.emit(std::move(r));
}

void emit_config(CollectContext& ctx, const std::string& region, json c) {
  Resource r;
  r.type = kConfig;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = c.value("LaunchConfigurationName", "");
  r.arn = c.value("LaunchConfigurationARN", "");
  if (r.arn.empty() || foreign(ctx, r.arn)) return;
  const json md = c.value("MetadataOptions", json::object());
  r.props["http_tokens"] = md.value("HttpTokens", "optional");
  r.props["http_endpoint"] = md.value("HttpEndpoint", "enabled");
  r.props["http_put_response_hop_limit"] = md.value("HttpPutResponseHopLimit", 1);
  r.props["associate_public_ip"] =
      c.contains("AssociatePublicIpAddress") && c["AssociatePublicIpAddress"].is_boolean() ? c["AssociatePublicIpAddress"]
                                                                                           : json(nullptr);
  c.erase("UserData");
  r.raw = std::move(c);
  ctx.emit(std::move(r));
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] {
    Status listed = for_each_page(ctx, kSvc, "DescribeLaunchConfigurations", json::object(), region, [&](json& page) {
      for (auto& c : page.value("LaunchConfigurations", json::array())) emit_config(ctx, region, std::move(c));
    });
    if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeLaunchConfigurations", region, {kConfig});
  });
  Status listed = for_each_page(ctx, kSvc, "DescribeAutoScalingGroups", json::object(), region, [&](json& page) {
    for (const auto& g : page.value("AutoScalingGroups", json::array())) emit_group(ctx, region, g);
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeAutoScalingGroups", region, {kGroup});
}

const RegisterCollector reg(
    {.service = "autoscaling", .global = false, .produces = {kGroup, kConfig}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
