// Elastic Disaster Recovery is initialized in the region (informational: a region the account does not protect with DRS fails).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* init = require_prop(r, "initialized", &why);
  if (!init) return not_assessed(why);
  if (init->is_boolean() && init->get<bool>())
    return pass("Elastic Disaster Recovery is initialized in " + r.region + " (" +
                std::to_string(r.props.value("source_servers", 0)) + " source server(s))");
  return fail("Elastic Disaster Recovery is not initialized in " + r.region +
              " (UninitializedAccountException): no server is replicated for recovery here");
}

const RegisterCheck reg({
    .meta = {.id = "drs_service_initialized",
             .title = "Elastic Disaster Recovery should be initialized",
             .severity = Severity::kLow,
             .service = "drs",
             .resource_type = "AWS::DRS::RegionSummary",
             .description = "DescribeSourceServers answers in the region instead of UninitializedAccountException: the account set DRS up there (replication settings template, roles).",
             .risk = "Without DRS (or another recovery mechanism) servers in the region have no continuous replication to fail over to after a ransomware attack, a regional outage or a deletion.",
             .remediation = {.text = "Initialize Elastic Disaster Recovery in the regions you recover into, then install the replication agent on the servers to protect.",
                             .cli = "aws drs initialize-service --region <region>",
                             .terraform = "# Initialize the service once per region (no Terraform resource initializes it):\n# aws drs initialize-service --region <region>\nresource \"aws_drs_replication_configuration_template\" \"this\" {\n  # ...\n}"},
             .references = {"https://docs.aws.amazon.com/drs/latest/userguide/getting-started-initializing.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"initialized", "source_servers"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
