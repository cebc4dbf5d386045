// OpenSearch domains should have fine-grained access control enabled (FSBP Opensearch.7).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return opensearch::enabled(r, "fine_grained_access", "has fine-grained access control", "has no fine-grained access control (AdvancedSecurityOptions disabled)");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_fine_grained_access_control",
             .title = "OpenSearch domains should have fine-grained access control enabled",
             .severity = Severity::kHigh,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that AdvancedSecurityOptions.Enabled is true on each domain.",
             .risk = "Without fine-grained access control anyone the access policy lets in can read and write every index; there are no users, roles or document-level permissions.",
             .remediation = {.text = "Enable fine-grained access control with an IAM master user or the internal user database (needs HTTPS, node-to-node encryption and encryption at rest).",
                             .cli = "aws opensearch update-domain-config --domain-name <domain> --advanced-security-options 'Enabled=true,InternalUserDatabaseEnabled=false,MasterUserOptions={MasterUserARN=<role-arn>}'",
                             .terraform = "resource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  advanced_security_options {\n    enabled                        = true\n    internal_user_database_enabled = false\n    master_user_options {\n      master_user_arn = aws_iam_role.search_admin.arn\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html", opensearch::kReference},
             .cis = {},
             .fsbp = {"Opensearch.7"}},
    .reads = {"fine_grained_access"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
