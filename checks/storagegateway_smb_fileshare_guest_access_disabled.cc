// Storage Gateway SMB file shares authenticate users through Active Directory, not guest access.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "share_type", &why);
  if (!type) return not_assessed(why);
  if (*type != "SMB") return not_applicable("file share " + r.name + " is an NFS share: guest access is an SMB setting");
  const json* auth = require_prop(r, "authentication", &why);
  if (!auth) return not_assessed(why);
  if (*auth == "GuestAccess")
    return fail("SMB file share " + r.name + " allows guest access: anyone who knows the gateway's guest password connects");
  return pass("SMB file share " + r.name + " authenticates through " + (auth->is_string() ? auth->get<std::string>() : std::string("?")));
}

const RegisterCheck reg({
    .meta = {.id = "storagegateway_smb_fileshare_guest_access_disabled",
             .title = "Storage Gateway SMB file shares should not allow guest access",
             .severity = Severity::kHigh,
             .service = "storagegateway",
             .resource_type = "AWS::StorageGateway::FileShare",
             .description = "The SMB file share's Authentication (DescribeSMBFileShares) is ActiveDirectory, not GuestAccess.",
             .risk = "Guest access uses one shared password for everyone: no per-user permissions or audit trail, and the password is easily shared or guessed.",
             .remediation = {.text = "Join the gateway to Active Directory and switch the share's authentication to ActiveDirectory with the users and groups allowed.",
                             .cli = "aws storagegateway join-domain --gateway-arn <gateway-arn> --domain-name <domain> --user-name <user> --password <password> && aws storagegateway update-smb-file-share --file-share-arn <arn> --valid-user-list @<group>",
                             .terraform = "resource \"aws_storagegateway_smb_file_share\" \"this\" {\n  # ...\n  authentication  = \"ActiveDirectory\"\n  valid_user_list = [\"@FileShareUsers\"]\n}"},
             .references = {"https://docs.aws.amazon.com/filegateway/latest/files3/smb-fileshare-settings.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"share_type", "authentication"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
