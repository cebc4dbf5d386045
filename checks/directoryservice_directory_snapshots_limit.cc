// Directory Service directories have room for more manual snapshots (not at
// their limit nor within two of it).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

// Remaining manual snapshots at or under which a directory is about to reach its limit.
constexpr long long kHeadroom = 2;

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "type", &why);
  if (!type) return not_assessed(why);
  if (*type == "ADConnector")
    return not_applicable("directory " + r.name + " is an AD Connector: it keeps no directory data and has no snapshots");
  const json* limit = require_prop(r, "snapshot_limit", &why);
  if (!limit) return not_assessed(why);
  if (!limit->is_object() || !(*limit)["limit"].is_number_integer() || !(*limit)["count"].is_number_integer())
    return not_assessed("the manual snapshot limit of directory " + r.name + " was not collected");
  const long long max = (*limit)["limit"].get<long long>(), count = (*limit)["count"].get<long long>();
  const std::string used = std::to_string(count) + " of " + std::to_string(max) + " manual snapshots";
  if (limit->value("reached", false) || count >= max)
    return fail("directory " + r.name + " has reached its manual snapshot limit (" + used + ")");
  if (max - count <= kHeadroom) return fail("directory " + r.name + " is about to reach its manual snapshot limit (" + used + ")");
  return pass("directory " + r.name + " uses " + used);
}

const RegisterCheck reg({
    .meta = {.id = "directoryservice_directory_snapshots_limit",
             .title = "Directory Service directories should not be at or near their manual snapshot limit",
             .severity = Severity::kLow,
             .service = "ds",
             .resource_type = "AWS::DirectoryService::Directory",
             .description = "GetSnapshotLimits: the directory's manual snapshots are below the limit by more than two. "
                            "AD Connector directories keep no snapshots and get no finding.",
             .risk = "At the limit no new manual snapshot can be taken: no restore point before a schema change or "
                     "after an incident, and a recovery falls back to an older state.",
             .remediation = {.text = "Delete manual snapshots that are no longer needed (after checking a newer one "
                                     "restores), or ask for a higher limit.",
                             .cli = "aws ds describe-snapshots --directory-id <directory-id> && aws ds delete-snapshot --snapshot-id <snapshot-id>",
                             .terraform = "# Manual directory snapshots are not managed by Terraform: delete old ones with\n# aws ds delete-snapshot."},
             .references = {"https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_limits.html",
                            "https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_snapshots.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"type", "snapshot_limit"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
