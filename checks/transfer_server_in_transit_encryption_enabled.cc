// Transfer Family servers do not accept plain FTP (FSBP Transfer.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* protocols = require_prop(r, "protocols", &why);
  if (!protocols) return not_assessed(why);
  if (!protocols->is_array()) return not_assessed("protocols of server " + r.id + " were not collected");
  std::string list;
  bool ftp = false;
  for (const auto& p : *protocols) {
    const std::string name = p.is_string() ? p.get<std::string>() : "";
    ftp = ftp || name == "FTP";
    list += (list.empty() ? "" : ", ") + name;
  }
  if (ftp)
    return fail("server " + r.id + " accepts FTP (" + list + "): user names, passwords and files cross the network unencrypted");
  return pass("server " + r.id + " accepts only encrypted protocols (" + list + ")");
}

const RegisterCheck reg({
    .meta = {.id = "transfer_server_in_transit_encryption_enabled",
             .title = "Transfer Family servers should not use FTP protocol for endpoint connection",
             .severity = Severity::kHigh,
             .service = "transfer",
             .resource_type = "AWS::Transfer::Server",
             .description = "The server's Protocols (DescribeServer) do not include FTP; SFTP, FTPS and AS2 encrypt the connection.",
             .risk = "FTP sends credentials and file contents in clear text: anyone on the path can read or alter them.",
             .remediation = {.text = "Remove FTP from the server's protocols; move clients to SFTP or FTPS.",
                             .cli = "aws transfer update-server --server-id <server-id> --protocols SFTP",
                             .terraform = "resource \"aws_transfer_server\" \"this\" {\n  # ...\n  protocols = [\"SFTP\"]\n}"},
             .references = {"https://docs.aws.amazon.com/transfer/latest/userguide/create-server-ftp.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/transfer-controls.html#transfer-2"},
             .cis = {},
             .fsbp = {}},
    .reads = {"protocols"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
