// API Gateway REST API stages present a client certificate to their backends.
#include "checks/apigateway_util.h"
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return apigateway::judge_set(r, "client_certificate_id", "authenticates to its backends with client certificate",
                               "has no client certificate for backend authentication");
}

const RegisterCheck reg({
    .meta = {.id = "apigateway_restapi_client_certificate_enabled",
             .title = "API Gateway REST API stages should use SSL certificates for backend authentication",
             .severity = Severity::kMedium,
             .service = "apigateway",
             .resource_type = "AWS::ApiGateway::Stage",
             .description = "The stage has a clientCertificateId: API Gateway presents that certificate to HTTP "
                            "backends, which can verify that requests come from API Gateway.",
             .risk = "A backend that cannot tell API Gateway's requests from anyone else's can be called directly, "
                     "bypassing the API's authorization, throttling and WAF.",
             .remediation = {.text = "Generate a client certificate, set it on the stage, and have the backend "
                                     "verify it.",
                             .cli = "aws apigateway generate-client-certificate --description <text> && aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/clientCertificateId,value=<certificate-id>",
                             .terraform = "resource \"aws_api_gateway_client_certificate\" \"this\" {\n  description = \"backend authentication\"\n}\n\nresource \"aws_api_gateway_stage\" \"this\" {\n  # ...\n  client_certificate_id = aws_api_gateway_client_certificate.this.id\n}"},
             .references = {"https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-2"},
             .cis = {},
             .fsbp = {"APIGateway.2"}},
    .reads = {"client_certificate_id"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
