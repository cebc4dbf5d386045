// Ensure EC2 AMIs owned by the account are not public
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "public", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == false) return pass("AMI " + r.id + " is private.");
  return fail("AMI " + r.id + " is public.");
}

const RegisterCheck reg({
    .meta = {.id = "ec2_ami_public",
             .title = "Ensure EC2 AMIs owned by the account are not public",
             .severity = Severity::kCritical,
             .service = "ec2",
             .resource_type = "AWS::EC2::Image",
             .description = "Checks that the AMIs the account owns are not shared publicly (launch permission for group \"all\").",
             .risk = "A public AMI can be launched by anyone, exposing the software, configuration and any secrets baked into it.",
             .remediation = {.text = "Make the AMI private by removing the public launch permission, or block public access to AMIs for the region.",
                             .cli = "aws ec2 modify-image-attribute --image-id <ami-id> --launch-permission \"Remove=[{Group=all}]\"",
                             .terraform = "resource \"aws_ec2_image_block_public_access\" \"this\" {\n  state = \"block-new-sharing\"\n}"},
             .references = {"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html"},
             .cis = {},
             .fsbp = {}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
