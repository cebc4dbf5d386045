// EMR block public access is on in each region, allowing at most SSH (port
// 22) as an exception (FSBP EMR.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* on = require_prop(r, "block_public_security_group_rules", &why);
  if (!on) return not_assessed(why);
  const json* ranges = require_prop(r, "permitted_port_ranges", &why);
  if (!ranges) return not_assessed(why);
  if (!on->is_boolean() || !on->get<bool>())
    return fail("EMR block public access is off in " + r.region +
                ": clusters may launch with security groups open to the internet on any port");
  std::string others;
  for (const auto& p : *ranges) {
    const int min = p.value("min", -1), max = p.value("max", -1);
    if (min == 22 && max == 22) continue;
    others += (others.empty() ? "" : ", ") + (min == max ? std::to_string(min) : std::to_string(min) + "-" + std::to_string(max));
  }
  if (!others.empty())
    return fail("EMR block public access in " + r.region + " allows public rules on port(s) other than 22: " + others);
  return pass("EMR block public access is on in " + r.region + " (public rules allowed on port 22 at most)");
}

const RegisterCheck reg({
    .meta = {.id = "emr_cluster_account_public_block_enabled",
             .title = "Amazon EMR block public access setting should be enabled",
             .severity = Severity::kCritical,
             .service = "emr",
             .resource_type = "AWS::EMR::BlockPublicAccessConfiguration",
             .description = "GetBlockPublicAccessConfiguration's BlockPublicSecurityGroupRules is true in the region "
                            "and its permitted ranges allow no port but 22.",
             .risk = "Without block public access, a cluster can start with a security group that lets the internet "
                     "reach its primary node on any port (YARN ResourceManager, Livy, Jupyter).",
             .remediation = {.text = "Turn on block public access in every region, allowing port 22 at most.",
                             .cli = "aws emr put-block-public-access-configuration --block-public-access-configuration BlockPublicSecurityGroupRules=true,PermittedPublicSecurityGroupRuleRanges=[{MinRange=22,MaxRange=22}]",
                             .terraform = "resource \"aws_emr_block_public_access_configuration\" \"this\" {\n  block_public_security_group_rules = true\n  permitted_public_security_group_rule_range {\n    min_range = 22\n    max_range = 22\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-block-public-access.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/emr-controls.html#emr-2"},
             .cis = {},
             .fsbp = {"EMR.2"}},
    .reads = {"block_public_security_group_rules", "permitted_port_ranges"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
