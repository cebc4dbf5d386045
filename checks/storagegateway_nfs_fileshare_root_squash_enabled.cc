// Storage Gateway NFS file shares squash the root user (Squash is not NoSquash).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "share_type", &why);
  if (!type) return not_assessed(why);
  if (*type != "NFS") return not_applicable("file share " + r.name + " is an SMB share: root squash is an NFS setting");
  const json* squash = require_prop(r, "squash", &why);
  if (!squash) return not_assessed(why);
  if (*squash == "NoSquash")
    return fail("NFS file share " + r.name + " does not squash root: a client's root user has root access to every file");
  return pass("NFS file share " + r.name + " maps remote users with " + (squash->is_string() ? squash->get<std::string>() : std::string("?")));
}

const RegisterCheck reg({
    .meta = {.id = "storagegateway_nfs_fileshare_root_squash_enabled",
             .title = "Storage Gateway NFS file shares should squash the root user",
             .severity = Severity::kMedium,
             .service = "storagegateway",
             .resource_type = "AWS::StorageGateway::FileShare",
             .description = "The NFS file share's Squash (DescribeNFSFileShares) is RootSquash or AllSquash, not NoSquash.",
             .risk = "Without root squash, root on any allowed client (or anyone who becomes root there) can read, change ownership of and delete every file in the share.",
             .remediation = {.text = "Set the share's squash to RootSquash (or AllSquash) and restrict its client list.",
                             .cli = "aws storagegateway update-nfs-file-share --file-share-arn <arn> --squash RootSquash",
                             .terraform = "resource \"aws_storagegateway_nfs_file_share\" \"this\" {\n  # ...\n  squash = \"RootSquash\"\n}"},
             .references = {"https://docs.aws.amazon.com/filegateway/latest/files3/edit-nfs-client.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"share_type", "squash"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
