// Parameters whose names say they hold a secret (a password, token or key)
// are SecureStrings, encrypted with KMS. Names are judged with the shared
// heuristic (checks/secret_names.h); values are never read.
#include <string_view>

#include "checks/check.h"
#include "checks/require_prop.h"
#include "checks/secret_names.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* type = require_prop(r, "type", &why);
  if (!type) return not_assessed(why);
  if (*type == "SecureString") return pass("parameter " + r.name + " is a SecureString");
  // The last path segment names what it holds ("/prod/db/password"); the
  // folders above it do not ("/secrets/db/host" is a host name).
  std::string_view name = r.name;
  std::string_view leaf = name.substr(name.rfind('/') == std::string_view::npos ? 0 : name.rfind('/') + 1);
  if (looks_like_secret_name(leaf))
    return fail("parameter " + r.name + " is named like a secret but is a plain " +
                (type->is_string() ? type->get<std::string>() : std::string("String")) + ", not a SecureString");
  return pass("parameter " + r.name + " is a " + (type->is_string() ? type->get<std::string>() : std::string("?")) +
              " not named like a secret");
}

const RegisterCheck reg({
    .meta = {.id = "ssm_parameters_secrets_secure_string",
             .title = "Systems Manager parameters named like secrets should be SecureString parameters",
             .severity = Severity::kHigh,
             .service = "ssm",
             .resource_type = "AWS::SSM::Parameter",
             .description = "A parameter whose name (its last path segment) suggests a password, token, secret or key (names ending in "
                            "_ARN, _NAME, _ID... that reference a secret stored elsewhere are fine) has type "
                            "SecureString. CloudPeek reads names and types only (DescribeParameters), never values.",
             .risk = "String and StringList values are stored unencrypted and readable by anyone with "
                     "ssm:GetParameter on them, without kms:Decrypt; they also show in plain text in the console "
                     "and in parameter history.",
             .remediation = {.text = "Recreate the parameter as a SecureString (with a customer managed KMS key "
                                     "where access must be restricted further), update its readers, and rotate "
                                     "the secret it exposed.",
                             .cli = "aws ssm put-parameter --name <name> --type SecureString --key-id alias/<key> --value <new-secret> --overwrite",
                             .terraform = "resource \"aws_ssm_parameter\" \"db_password\" {\n  name   = \"/prod/db/password\"\n  type   = \"SecureString\"\n  key_id = aws_kms_key.params.arn\n  value  = var.db_password\n}"},
             .references = {"https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html",
                            "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-best-practices.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"type"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
