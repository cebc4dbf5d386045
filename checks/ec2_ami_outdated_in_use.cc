// Instances do not run an AMI of the account built more than 180 days ago: an
// image that old carries half a year of missing operating system patches.
#include "checks/check.h"
#include "checks/ec2_ami_in_use.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr int64_t kMaxAgeDays = 180;

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  const json* created = require_prop(r, "created_at", &why);
  if (!created) return not_assessed(why);
  const json* now = require_prop(r, "collected_at", &why);
  if (!now) return not_assessed(why);
  if (!created->is_number()) return not_assessed("AMI " + r.id + " has no creation date");
  const int64_t days = (now->get<int64_t>() - created->get<int64_t>()) / 86400;
  if (days <= kMaxAgeDays) return pass("AMI " + r.id + " was built " + std::to_string(days) + " days ago");
  std::string gap;
  auto users = ami_use::instances_of(r, inv, &gap);
  if (!gap.empty()) return not_assessed(gap);
  if (users.empty()) return pass("AMI " + r.id + " is " + std::to_string(days) + " days old but no instance runs it");
  return fail("AMI " + r.id + " was built " + std::to_string(days) + " days ago (more than " +
              std::to_string(kMaxAgeDays) + ") and still runs " + std::to_string(users.size()) + " instance" +
              (users.size() == 1 ? "" : "s") + ": " + ami_use::listed(users));
}

const RegisterCheck reg({
    .meta = {.id = "ec2_ami_outdated_in_use",
             .title = "EC2 instances should not run AMIs of the account older than 180 days",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::Image",
             .description = "For each AMI the account owns (DescribeImages Owners=self) created more than 180 days "
                            "ago, no instance in its region (DescribeInstances) was launched from it.",
             .risk = "Instances launched from an old golden image start with every vulnerability patched since it "
                     "was built, and teams that never rebuild images rarely patch running instances either.",
             .remediation = {.text = "Rebuild the image regularly (EC2 Image Builder pipeline), roll the instances "
                                     "onto the new AMI and deprecate the old one.",
                             .cli = "aws imagebuilder start-image-pipeline-execution --image-pipeline-arn <pipeline-arn>",
                             .terraform = "resource \"aws_imagebuilder_image_pipeline\" \"golden\" {\n  name                             = \"golden\"\n  image_recipe_arn                 = aws_imagebuilder_image_recipe.golden.arn\n  infrastructure_configuration_arn = aws_imagebuilder_infrastructure_configuration.this.arn\n  schedule {\n    schedule_expression = \"cron(0 0 ? * SUN *)\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/imagebuilder/latest/userguide/what-is-image-builder.html",
                            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ami-deprecate.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {"AWS::EC2::Instance"},
    .reads = {"created_at", "collected_at", "AWS::EC2::Instance.image_id"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
