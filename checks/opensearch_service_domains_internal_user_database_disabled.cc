// OpenSearch domains with fine-grained access control authenticate through
// IAM or SAML rather than the domain's internal user database (Prowler
// opensearch_service_domains_internal_user_database_enabled).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* internal = require_prop(r, "internal_user_database", &why);
  if (!internal) return not_assessed(why);
  if (internal->is_boolean() && internal->get<bool>())
    return fail("domain " + r.name + " keeps users and passwords in its internal user database");
  return pass("domain " + r.name + " has no internal user database (IAM or SAML identities only)");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_internal_user_database_disabled",
             .title = "OpenSearch domains should not use the internal user database",
             .severity = Severity::kMedium,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that AdvancedSecurityOptions.InternalUserDatabaseEnabled is false on each domain.",
             .risk = "Internal users are passwords outside IAM: no MFA, no central rotation or revocation, and "
                     "sign-ins AWS does not log.",
             .remediation = {.text = "Map IAM roles (or SAML groups) to OpenSearch roles and turn off the internal "
                                     "user database.",
                             .cli = "aws opensearch update-domain-config --domain-name <domain> --advanced-security-options 'Enabled=true,InternalUserDatabaseEnabled=false,MasterUserOptions={MasterUserARN=<role-arn>}'",
                             .terraform = "resource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  advanced_security_options {\n    enabled                        = true\n    internal_user_database_enabled = false\n    master_user_options {\n      master_user_arn = aws_iam_role.search_admin.arn\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html#fgac-concepts",
                            opensearch::kReference},
             .cis = {},
             .fsbp = {}},
    .reads = {"internal_user_database"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
