// The latest version of each Lambda layer is not shared with every AWS
// account (its permissions policy has no "*" principal without an
// organization condition).
#include "checks/app_policy.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  if (!r.props.contains("policy")) return not_assessed("policy of layer version " + r.id + " was not collected");
  const json* policy = r.prop("policy");
  if (!policy || policy->is_null()) return pass("layer version " + r.id + " is not shared (no permissions policy)");
  if (auto sid = app_policy::public_statement(*policy))
    return fail("layer version " + r.id + " policy statement " + *sid +
                " lets every AWS account use it (principal \"*\" without an organization condition)");
  return pass("layer version " + r.id + " is shared only with named accounts or an organization");
}

const RegisterCheck reg({
    .meta = {.id = "lambda_layer_not_publicly_accessible",
             .title = "Lambda layer versions should not be shared with every AWS account",
             .severity = Severity::kHigh,
             .service = "lambda",
             .resource_type = "AWS::Lambda::LayerVersion",
             .description = "The permissions policy of each layer's latest version (GetLayerVersionPolicy) has no "
                            "Allow statement for principal \"*\" unrestricted by an aws:PrincipalOrgID condition "
                            "(add-layer-version-permission --principal '*' without --organization-id).",
             .risk = "Anyone can download a public layer's code (lambda:GetLayerVersion returns its content): "
                     "internal libraries, configuration and any credentials bundled in it.",
             .remediation = {.text = "Remove the public statement and share the layer with named accounts or your "
                                     "organization only.",
                             .cli = "aws lambda remove-layer-version-permission --layer-name <layer> --version-number <n> --statement-id <sid>",
                             .terraform = "resource \"aws_lambda_layer_version_permission\" \"this\" {\n  layer_name      = aws_lambda_layer_version.this.layer_arn\n  version_number  = aws_lambda_layer_version.this.version\n  statement_id    = \"org\"\n  action          = \"lambda:GetLayerVersion\"\n  principal       = \"*\"\n  organization_id = \"o-exampleorgid\"\n}"},
             .references = {"https://docs.aws.amazon.com/lambda/latest/dg/permissions-layer-cross-account.html",
                            "https://docs.aws.amazon.com/lambda/latest/api/API_AddLayerVersionPermission.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
