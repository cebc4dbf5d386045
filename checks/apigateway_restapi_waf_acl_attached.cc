// API Gateway REST API stages are protected by an AWS WAF web ACL.
#include "checks/apigateway_util.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return apigateway::judge_set(r, "web_acl_arn", "is protected by WAF web ACL", "has no WAF web ACL");
}

const RegisterCheck reg({
    .meta = {.id = "apigateway_restapi_waf_acl_attached",
             .title = "API Gateway REST API stages should be associated with a WAF web ACL",
             .severity = Severity::kMedium,
             .service = "apigateway",
             .resource_type = "AWS::ApiGateway::Stage",
             .description = "The stage has a webAclArn (an AWS WAF web ACL associated with it).",
             .risk = "Without a web ACL, common web exploits (SQL injection, cross-site scripting, bad bots, "
                     "request floods) reach the API's backends unfiltered.",
             .remediation = {.text = "Associate a WAFv2 web ACL (regional scope) with the stage.",
                             .cli = "aws wafv2 associate-web-acl --web-acl-arn <web-acl-arn> --resource-arn arn:aws:apigateway:<region>::/restapis/<api-id>/stages/<stage>",
                             .terraform = "resource \"aws_wafv2_web_acl_association\" \"this\" {\n  resource_arn = aws_api_gateway_stage.this.arn\n  web_acl_arn  = aws_wafv2_web_acl.this.arn\n}"},
             .references = {"https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-4"},
             .cis = {},
             .fsbp = {"APIGateway.4"}},
    .reads = {"web_acl_arn"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
