// Athena workgroups enforce their configuration, so a client cannot send
// results elsewhere or unencrypted.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* enforce = require_prop(r, "enforce_configuration", &why);
  if (!enforce) return not_assessed(why);
  if (enforce->is_boolean() && enforce->get<bool>())
    return pass("workgroup " + r.name + " enforces its configuration on clients");
  return fail("workgroup " + r.name + " lets clients override its result location and encryption");
}

const RegisterCheck reg({
    .meta = {.id = "athena_workgroup_enforce_configuration",
             .title = "Athena workgroups should enforce their configuration",
             .severity = Severity::kMedium,
             .service = "athena",
             .resource_type = "AWS::Athena::WorkGroup",
             .description = "EnforceWorkGroupConfiguration is on (GetWorkGroup): the workgroup's result location, "
                            "encryption and limits override what a client asks for.",
             .risk = "Without enforcement any client setting wins: results go to a bucket of the caller's choice, "
                     "unencrypted, and data usage limits can be bypassed.",
             .remediation = {.text = "Turn on \"Override client-side settings\" for the workgroup.",
                             .cli = "aws athena update-work-group --work-group <name> --configuration-updates EnforceWorkGroupConfiguration=true",
                             .terraform = "resource \"aws_athena_workgroup\" \"this\" {\n  name = \"analytics\"\n  configuration {\n    enforce_workgroup_configuration = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"enforce_configuration"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
