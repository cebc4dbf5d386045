// Lambda function policies do not let everyone invoke or manage the function.
#include "checks/app_policy.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  const json* policy = r.prop("policy");
  if (!policy) return pass("function " + r.name + " has no resource-based policy");
  if (auto sid = app_policy::public_statement(*policy))
    return fail("function " + r.name + " policy statement " + *sid +
                " allows any principal (\"*\") without an aws:SourceAccount, aws:SourceArn or aws:PrincipalOrgID "
                "condition");
  return pass("function " + r.name + " policy grants access only to named principals or under source conditions");
}

const RegisterCheck reg({
    .meta = {.id = "lambda_function_not_publicly_accessible",
             .title = "Lambda function policies prohibit public access",
             .severity = Severity::kCritical,
             .service = "lambda",
             .resource_type = "AWS::Lambda::Function",
             .description = "The function's resource-based policy has no Allow statement for every principal (\"*\") "
                            "that is not restricted by a source account, source ARN or organization condition.",
             .risk = "Anyone can invoke (or, with broader actions, change) a function whose policy is public: data "
                     "exposure, abuse of the function's role permissions and unbounded cost.",
             .remediation = {.text = "Remove the public statement, or name the principal and add aws:SourceAccount / "
                                     "aws:SourceArn (for service principals) or aws:PrincipalOrgID conditions.",
                             .cli = "aws lambda remove-permission --function-name <function> --statement-id <sid>",
                             .terraform = "resource \"aws_lambda_permission\" \"s3\" {\n  action         = \"lambda:InvokeFunction\"\n  function_name  = aws_lambda_function.this.function_name\n  principal      = \"s3.amazonaws.com\"\n  source_arn     = aws_s3_bucket.this.arn\n  source_account = data.aws_caller_identity.current.account_id\n}"},
             .references = {"https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-1",
                            "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html"},
             .cis = {},
             .fsbp = {"Lambda.1"}},
    .reads = {"policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
