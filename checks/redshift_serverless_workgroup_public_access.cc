// Redshift Serverless workgroups are not publicly accessible (Security Hub
// RedshiftServerless.3, which the FSBP catalog here predates).
#include "checks/check.h"
#include "checks/redshift_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return redshift::bool_setting(r, "publicly_accessible", false, "workgroup " + r.name, "is not publicly accessible",
                                "is publicly accessible from the internet");
}

const RegisterCheck reg({
    .meta = {.id = "redshift_serverless_workgroup_public_access",
             .title = "Redshift Serverless workgroups should prohibit public access",
             .severity = Severity::kHigh,
             .service = "redshift-serverless",
             .resource_type = "AWS::RedshiftServerless::Workgroup",
             .description = "Checks that publiclyAccessible is false on each Redshift Serverless workgroup "
                            "(ListWorkgroups).",
             .risk = "A public workgroup endpoint can be reached from the internet wherever its security groups "
                     "allow, exposing the warehouse to password guessing.",
             .remediation = {.text = "Turn off public accessibility and connect from inside the VPC.",
                             .cli = "aws redshift-serverless update-workgroup --workgroup-name <workgroup> --no-publicly-accessible",
                             .terraform = "resource \"aws_redshiftserverless_workgroup\" \"this\" {\n  # ...\n  publicly_accessible = false\n}"},
             .references = {"https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-connecting.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/redshiftserverless-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"publicly_accessible"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
