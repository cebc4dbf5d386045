// Storage Gateway SMB file shares are served by a gateway that requires SMB signing or encryption.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "share_type", &why);
  if (!type) return not_assessed(why);
  if (*type != "SMB") return not_applicable("file share " + r.name + " is an NFS share: the SMB security strategy does not apply");
  const json* strategy = require_prop(r, "smb_security_strategy", &why);
  if (!strategy) return not_assessed(why);
  if (*strategy == "MandatorySigning" || *strategy == "MandatoryEncryption" || *strategy == "MandatoryEncryptionNoAes128")
    return pass("SMB file share " + r.name + "'s gateway requires " + strategy->get<std::string>());
  return fail("SMB file share " + r.name + "'s gateway lets clients choose (SMBSecurityStrategy " +
              (strategy->is_string() ? strategy->get<std::string>() : std::string("?")) +
              "): connections may be neither signed nor encrypted");
}

const RegisterCheck reg({
    .meta = {.id = "storagegateway_smb_fileshare_security_strategy_mandatory",
             .title = "Storage Gateway SMB file shares should require SMB signing or encryption",
             .severity = Severity::kMedium,
             .service = "storagegateway",
             .resource_type = "AWS::StorageGateway::FileShare",
             .description = "The SMBSecurityStrategy of the share's gateway (DescribeSMBSettings) is MandatorySigning, MandatoryEncryption or MandatoryEncryptionNoAes128, not ClientSpecified.",
             .risk = "With ClientSpecified, old or misconfigured clients connect without signing or encryption: file contents and credentials can be read or tampered with on the network.",
             .remediation = {.text = "Set the gateway's SMB security strategy to MandatoryEncryption (or at least MandatorySigning).",
                             .cli = "aws storagegateway update-smb-security-strategy --gateway-arn <gateway-arn> --smb-security-strategy MandatoryEncryption",
                             .terraform = "resource \"aws_storagegateway_gateway\" \"this\" {\n  # ...\n  smb_security_strategy = \"MandatoryEncryption\"\n}"},
             .references = {"https://docs.aws.amazon.com/filegateway/latest/files3/managing-gateway-file.html#security-strategy",
                            "https://docs.aws.amazon.com/storagegateway/latest/APIReference/API_UpdateSMBSecurityStrategy.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"share_type", "smb_security_strategy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
