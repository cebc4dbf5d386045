// CodeArtifact domains encrypt their packages with a customer managed KMS
// key, not the AWS managed aws/codeartifact key. The key's manager comes from
// the KMS inventory.
#include "checks/check.h"
#include "checks/kms_key_manager.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  if (!has_prop(r, "encryption_key", &why)) return not_assessed(why);
  const json* key = r.prop("encryption_key");
  if (!key || !key->is_string() || key->get<std::string>().empty())
    return not_assessed("ListDomains reported no encryption key for domain " + r.name);
  const kms_key::Verdict v = kms_key::key_manager(inv, r, key->get<std::string>());
  if (v.manager == kms_key::Manager::kCustomer)
    return pass("domain " + r.name + " encrypts with customer managed key " + v.detail);
  if (v.manager == kms_key::Manager::kAws)
    return fail("domain " + r.name + " encrypts with the AWS managed key " + v.detail);
  return not_assessed("domain " + r.name + ": " + v.detail);
}

const RegisterCheck reg({
    .meta = {.id = "codeartifact_domain_encrypted_cmk",
             .title = "CodeArtifact domains should be encrypted with a customer managed KMS key",
             .severity = Severity::kLow,
             .service = "codeartifact",
             .resource_type = "AWS::CodeArtifact::Domain",
             .description = "The domain's encryptionKey (ListDomains) is a customer managed KMS key (KeyManager "
                            "CUSTOMER in the KMS inventory), not the AWS managed aws/codeartifact key.",
             .risk = "The AWS managed key's policy cannot be narrowed: who may decrypt the domain's packages is "
                     "whatever CodeArtifact permissions allow, with no key-level control or separate audit.",
             .remediation = {.text = "Create a new domain with a customer managed key (a domain's key cannot be "
                                     "changed) and move the repositories' packages to it.",
                             .cli = "aws codeartifact create-domain --domain <domain> --encryption-key <customer-key-arn>",
                             .terraform = "resource \"aws_codeartifact_domain\" \"this\" {\n  domain         = \"packages\"\n  encryption_key = aws_kms_key.codeartifact.arn\n}"},
             .references = {"https://docs.aws.amazon.com/codeartifact/latest/ug/domain-create.html"},
             .cis = {},
             .fsbp = {}},
    .context_types = {kms_key::kKeyType},
    .reads = {"encryption_key", "AWS::KMS::Key.key_manager", "AWS::KMS::Key.aliases"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
