// Elastic Disaster Recovery source servers replicate: none stalled, disconnected or in replication error.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "replication_state", &why)) return not_assessed(why);
  if (!has_prop(r, "replication_error", &why)) return not_assessed(why);
  const json* state = r.prop("replication_state");
  const json* error = r.prop("replication_error");
  const std::string s = state && state->is_string() ? state->get<std::string>() : "";
  if (s == "STALLED" || s == "DISCONNECTED")
    return fail("source server " + r.name + " replication is " + s +
                (error && error->is_string() ? " (" + error->get<std::string>() + ")" : std::string()));
  if (error && error->is_string())
    return fail("source server " + r.name + " reports replication error " + error->get<std::string>());
  if (s.empty()) return not_assessed("AWS reported no data replication state for source server " + r.id);
  return pass("source server " + r.name + " replication is " + s);
}

const RegisterCheck reg({
    .meta = {.id = "drs_source_server_replication_healthy",
             .title = "Elastic Disaster Recovery source servers should be replicating",
             .severity = Severity::kMedium,
             .service = "drs",
             .resource_type = "AWS::DRS::SourceServer",
             .description = "The source server's data replication state (DescribeSourceServers) is not STALLED or DISCONNECTED and no replication error is reported.",
             .risk = "A server whose replication stalled or disconnected has no recent recovery point: a failover recovers stale data or none at all, and the recovery point objective is silently missed.",
             .remediation = {.text = "Look at the server's replication error in the DRS console (agent not seen, network, staging area) and fix it; reinstall the replication agent if it no longer reports.",
                             .cli = "aws drs describe-source-servers --filters sourceServerIDs=<source-server-id> --query 'items[].dataReplicationInfo' && aws drs retry-data-replication --source-server-id <source-server-id>",
                             .terraform = "# Elastic Disaster Recovery replication is an operational state, not configuration:\n# fix the agent or network named by dataReplicationError on the source server."},
             .references = {"https://docs.aws.amazon.com/drs/latest/userguide/replication-status.html",
                            "https://docs.aws.amazon.com/drs/latest/APIReference/API_DataReplicationInfo.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"replication_state", "replication_error"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
