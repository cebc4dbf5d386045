// Cognito identity pools do not hand out credentials to unauthenticated identities
// (FSBP Cognito.2).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* on = require_prop(r, "allow_unauthenticated", &why);
  if (!on) return not_assessed(why);
  if (on->is_boolean() && on->get<bool>())
    return fail("identity pool " + r.name + " gives AWS credentials (its unauthenticated role) to anyone who asks");
  return pass("identity pool " + r.name + " does not allow unauthenticated identities");
}

const RegisterCheck reg({
    .meta = {.id = "cognito_identity_pool_unauthenticated_access_disabled",
             .title = "Cognito identity pools should not allow unauthenticated identities",
             .severity = Severity::kHigh,
             .service = "cognito-identity",
             .resource_type = "AWS::Cognito::IdentityPool",
             .description = "The identity pool's AllowUnauthenticatedIdentities (DescribeIdentityPool) is false.",
             .risk = "Guest access hands temporary AWS credentials for the pool's unauthenticated role to anyone on the internet; any permission that role has is public.",
             .remediation = {.text = "Turn off unauthenticated (guest) access, or reduce the unauthenticated role to the least it must do.",
                             .cli = "aws cognito-identity update-identity-pool --identity-pool-id <pool-id> --identity-pool-name <name> --no-allow-unauthenticated-identities",
                             .terraform = "resource \"aws_cognito_identity_pool\" \"this\" {\n  identity_pool_name               = \"app\"\n  allow_unauthenticated_identities = false\n}"},
             .references = {"https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html#cognito-2"},
             .cis = {},
             .fsbp = {}},
    .reads = {"allow_unauthenticated"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
