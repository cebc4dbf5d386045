// S3 general purpose buckets replicate to a bucket in another Region (Security
// Hub S3.7, a control of the NIST SP 800-53 rev. 5 and PCI DSS v3.2.1
// standards, not of FSBP). Reads the bucket's replication configuration
// (GetBucketReplication, only when this check is selected) and, for the
// destination's Region, the location of the destination among the account's
// own buckets. A destination whose Region CloudPeek cannot read (another
// account's bucket, or one whose location was not read) is never taken for
// cross-Region: NOT_ASSESSED naming it, unless another rule's destination is
// known to be in another Region. As Security Hub, a replication destination
// bucket fails too unless it replicates onward.
#include <vector>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr const char* kBucket = "AWS::S3::Bucket";

std::string bucket_of(const std::string& arn) {
  auto pos = arn.find(":::");
  return pos == std::string::npos ? arn : arn.substr(pos + 3);
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  if (!has_prop(r, "replication", &why)) return not_assessed(why);
  const json* repl = r.prop("replication");
  if (!repl) return fail("bucket " + r.name + " has no replication configuration");
  std::vector<std::string> destinations;  // of enabled rules
  for (const auto& rule : repl->value("rules", json::array()))
    if (rule.value("status", "") == "Enabled") destinations.push_back(bucket_of(rule.value("destination_bucket", "")));
  if (destinations.empty()) return fail("bucket " + r.name + " has replication rules, none of them enabled");
  const json* loc = require_prop(r, "location", &why);
  if (!loc) return not_assessed(why);
  const std::string here = loc->is_string() ? loc->get<std::string>() : r.region;
  std::vector<std::string> same, unknown;
  for (const auto& name : destinations) {
    const Resource* dest = nullptr;
    for (const auto& b : inv.of_type(kBucket))
      if (b.name == name) dest = &b;
    const json* dloc = dest ? dest->prop("location") : nullptr;
    if (!dloc || !dloc->is_string()) {
      unknown.push_back(name);
      continue;
    }
    if (dloc->get<std::string>() != here)
      return pass("bucket " + r.name + " (" + here + ") replicates to " + name + " in " + dloc->get<std::string>());
    same.push_back(name);
  }
  if (!unknown.empty())
    return not_assessed("bucket " + r.name + " replicates to " + joined(unknown) +
                        ", whose Region CloudPeek cannot read (not one of the account's buckets, or its location "
                        "could not be read)");
  return fail("bucket " + r.name + " replicates only within " + here + " (to " + joined(same) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_cross_region_replication",
             .title = "S3 general purpose buckets should use cross-Region replication",
             .severity = Severity::kLow,
             .service = "s3",
             .resource_type = kBucket,
             .description = "The bucket has an enabled replication rule whose destination bucket is in another AWS "
                            "Region (GetBucketReplication; the destination's Region from the account's bucket "
                            "listing). A bucket without a replication configuration, with only disabled rules or "
                            "with same-Region destinations fails; a destination bucket that does not replicate "
                            "onward fails too (Security Hub does the same: mute it with its reason).",
             .risk = "Without a copy in another Region, a Regional outage, an accidental deletion or a "
                     "ransomware-style overwrite of the bucket can leave no recoverable copy of its objects.",
             .remediation = {.text = "Enable versioning on the bucket and on a destination bucket in another Region, "
                                     "then add a replication rule (with an IAM role S3 can assume) that applies to "
                                     "all objects.",
                             .cli = "aws s3api put-bucket-replication --bucket <bucket> --replication-configuration '{\"Role\":\"arn:aws:iam::<account-id>:role/<replication-role>\",\"Rules\":[{\"ID\":\"crr\",\"Status\":\"Enabled\",\"Priority\":1,\"Filter\":{},\"DeleteMarkerReplication\":{\"Status\":\"Disabled\"},\"Destination\":{\"Bucket\":\"arn:aws:s3:::<bucket-in-another-region>\"}}]}'",
                             .terraform = "resource \"aws_s3_bucket_replication_configuration\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  role   = aws_iam_role.replication.arn\n  rule {\n    id     = \"crr\"\n    status = \"Enabled\"\n    filter {}\n    delete_marker_replication {\n      status = \"Disabled\"\n    }\n    destination {\n      bucket = aws_s3_bucket.replica.arn # a bucket in another Region\n    }\n  }\n  depends_on = [aws_s3_bucket_versioning.this]\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-7"},
             .cis = {},
             .fsbp = {}},
    .context_types = {kBucket},
    .reads = {"replication", "location"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
