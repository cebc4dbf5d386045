// DMS endpoints for Neptune use IAM authorization (Security Hub DMS.10).
#include "checks/check.h"
#include "checks/dms_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* engine = require_prop(r, "engine", &why);
  if (!engine) return not_assessed(why);
  if (*engine != "neptune") return not_applicable("endpoint " + r.name + " is not a Neptune endpoint");
  const json* iam = require_prop(r, "neptune_iam_auth", &why);
  if (!iam) return not_assessed(why);
  if (iam->is_boolean() && iam->get<bool>()) return pass("Neptune endpoint " + r.name + " uses IAM authorization");
  return fail("Neptune endpoint " + r.name + " does not use IAM authorization (IamAuthEnabled false)");
}

const RegisterCheck reg({
    .meta = {.id = "dms_endpoint_neptune_iam_authorization_enabled",
             .title = "DMS endpoints for Neptune databases should have IAM authorization enabled",
             .severity = Severity::kMedium,
             .service = "dms",
             .resource_type = "AWS::DMS::Endpoint",
             .description = "Checks that NeptuneSettings.IamAuthEnabled is true on each Neptune endpoint (DescribeEndpoints; Security Hub DMS.10). Other engines get no finding.",
             .risk = "Without IAM authorization the migration writes to Neptune without an identity AWS can authorize and log.",
             .remediation = {.text = "Turn on IAM authorization for the endpoint, with a service access role that may write to the Neptune cluster.",
                             .cli = "aws dms modify-endpoint --endpoint-arn <arn> --neptune-settings IamAuthEnabled=true,ServiceAccessRoleArn=<role-arn>,S3BucketName=<bucket>,S3BucketFolder=<folder>",
                             .terraform = "resource \"aws_dms_endpoint\" \"neptune\" {\n  # ...\n  engine_name = \"neptune\"\n  # IAM authorization is set through extra_connection_attributes or the console until the provider models NeptuneSettings.IamAuthEnabled\n}"},
             .references = {"https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Target.Neptune.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"engine", "neptune_iam_auth"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
