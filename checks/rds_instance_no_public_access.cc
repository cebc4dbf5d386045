// CIS 2.3.3, FSBP RDS.2: Ensure that public access is not given to RDS instances
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "publicly_accessible", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>() == false) return pass("DB instance " + r.id + " is not publicly accessible.");
  return fail("DB instance " + r.id + " is publicly accessible.");
}

const RegisterCheck reg({
    .meta = {.id = "rds_instance_no_public_access",
             .title = "Ensure that public access is not given to RDS instances",
             .severity = Severity::kCritical,
             .service = "rds",
             .resource_type = "AWS::RDS::DBInstance",
             .description = "Checks that each RDS DB instance is not publicly accessible (PubliclyAccessible), i.e. its endpoint does not resolve to a public IP.",
             .risk = "A publicly accessible database can be reached from the internet wherever its security groups allow, exposing it to brute force and engine exploits.",
             .remediation = {.text = "Turn off public accessibility and reach the database from inside the VPC.",
                             .cli = "aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately",
                             .terraform = "resource \"aws_db_instance\" \"this\" {\n  # ...\n  publicly_accessible = false\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding", "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2"},
             .cis = {"2.3.3"},
             .fsbp = {"RDS.2"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
