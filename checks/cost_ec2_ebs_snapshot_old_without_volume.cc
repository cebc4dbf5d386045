// Cost hygiene: a snapshot older than 90 days whose source volume no longer
// exists is usually a leftover (of a deleted server, a migration, a test) that
// is billed every month.
#include "checks/cost_registry.h"
#include "checks/cost_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

const char kId[] = "ec2_ebs_snapshot_old_without_volume";
const char kVolume[] = "AWS::EC2::Volume";
const char kImage[] = "AWS::EC2::Image";
// Snapshots younger than this are recent backups, whatever became of their volume.
constexpr int64_t kMaxAgeDays = 90;

cost::Estimate estimate(const Resource& s) {
  double gib = cost::number_prop(s, "volume_size");
  auto p = prices::lookup(s.region, "ebs.snapshot.gb_month");
  if (!p) return cost::missing("ebs.snapshot.gb_month", s.region);
  return {gib * *p, "at most the source volume's " + cost::number(gib) + " GiB × " + cost::price(*p) +
                        " per GB-month: a snapshot is billed for the blocks it holds"};
}

// The account's AMI in the region whose block devices are made from this
// snapshot (AWS refuses to delete it while the image is registered), or "".
std::string image_using(const Inventory& inv, const Resource& s) {
  for (const auto& i : inv.of_type(kImage)) {
    if (i.region != s.region) continue;
    const json* ids = i.prop("snapshot_ids");
    if (!ids || !ids->is_array()) continue;
    for (const auto& id : *ids)
      if (id.is_string() && id.get<std::string>() == s.id) return i.id;
  }
  return "";
}

bool volume_exists(const Inventory& inv, const std::string& region, const std::string& id) {
  for (const auto& v : inv.of_type(kVolume))
    if (v.id == id && v.region == region) return true;
  return false;
}

CheckResult evaluate(const Resource& s, const Inventory& inv) {
  std::string why;
  for (const char* p : {"started_at", "collected_at", "volume_size"})
    if (!has_prop(s, p, &why)) return not_assessed(why);
  const json* started = s.prop("started_at");  // null when AWS gave no StartTime
  const json* now = s.prop("collected_at");
  if (!started || !now || !started->is_number() || !now->is_number())
    return not_assessed("AWS did not say when snapshot " + s.name + " was started (StartTime).");
  int64_t days = (now->get<int64_t>() - started->get<int64_t>()) / 86400;
  if (days <= kMaxAgeDays)
    return pass("Snapshot " + s.name + " is " + std::to_string(days) + " day(s) old (at most " +
                std::to_string(kMaxAgeDays) + ").");
  if (!has_prop(s, "volume_id", &why)) return not_assessed(why);
  const json* vol = s.prop("volume_id");
  // Copied snapshots name the placeholder vol-ffffffff: they have no source volume in this account.
  std::string volume_id = vol && vol->is_string() ? vol->get<std::string>() : "";
  if (!volume_id.empty() && volume_id != "vol-ffffffff") {
    if (auto gap = inv.gap(kVolume, s.region))
      return not_assessed("Whether volume " + volume_id + " still exists is unknown: " + *gap);
    if (volume_exists(inv, s.region, volume_id))
      return pass("Snapshot " + s.name + " is " + std::to_string(days) + " days old; its volume " + volume_id +
                  " still exists.");
  }
  // An image's snapshot outlives the volume it was taken of: it is the image.
  if (auto gap = inv.gap(kImage, s.region))
    return not_assessed("Whether an AMI is made from snapshot " + s.name + " is unknown: " + *gap);
  if (auto image = image_using(inv, s); !image.empty())
    return pass("Snapshot " + s.name + " is " + std::to_string(days) + " days old and its volume is gone, but AMI " +
                image + " is made from it (deregister the image first if it is no longer needed).");
  std::string source = volume_id.empty() || volume_id == "vol-ffffffff" ? std::string("has no source volume (a copy)")
                                                                        : "was taken of volume " + volume_id +
                                                                              ", which no longer exists";
  return fail("Snapshot " + s.name + " is " + std::to_string(days) + " days old and " + source + "." +
              cost::sentence(estimate(s), s.region, "at most ≈ ") +
              " Delete it, or archive it if it must be kept.");
}

std::optional<double> monthly(const Resource& s, const Inventory&) { return estimate(s).usd; }

const RegisterCheck reg({
    .meta = {.id = kId,
             .title = "EBS snapshots older than 90 days whose volume is gone should be removed (cost)",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::Snapshot",
             .description = "Cost hygiene: checks for the account's EBS snapshots older than 90 days whose source "
                            "volume no longer exists (or that are copies without one) and that no AMI of the "
                            "account is made from. The finding carries an upper "
                            "bound of the monthly cost: the source volume's size at the snapshot price.",
             .risk = "Orphaned snapshots are billed every month and keep copies of data whose system is gone, "
                     "outside any retention policy.",
             .remediation = {.text = "Delete snapshots nobody needs; move the ones that must be kept to the archive "
                                     "tier, and manage the rest with Amazon Data Lifecycle Manager.",
                             .cli = "aws ec2 delete-snapshot --snapshot-id <snap-id>",
                             .terraform = "# Remove the aws_ebs_snapshot; for retention use aws_dlm_lifecycle_policy."},
             .references = {"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-deleting-snapshot.html",
                            "https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-archive.html",
                            "https://aws.amazon.com/ebs/pricing/"},
             .cis = {},
             .fsbp = {}},
    .context_types = {kVolume, kImage},
    .reads = {"started_at", "collected_at", "volume_size", "volume_id", "AWS::EC2::Volume.*",
              "AWS::EC2::Image.snapshot_ids"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});
const RegisterMonthlyCost cost_reg(kId, monthly);

}  // namespace
}  // namespace cloudpeek::checks
