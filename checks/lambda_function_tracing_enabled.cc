// FSBP Lambda.7: Lambda functions should have AWS X-Ray active tracing enabled
#include <set>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory& ) {
  std::string why;
  const json* mode = require_prop(r, "tracing_mode", &why);
  if (!mode) return not_assessed(why);
  if (*mode == "Active") return pass("Function " + r.name + " has X-Ray active tracing.");
  return fail("Function " + r.name + " has no X-Ray active tracing (mode " + (mode->is_string() ? mode->get<std::string>() : std::string("?")) + ").");
}

const RegisterCheck reg({
    .meta = {.id = "lambda_function_tracing_enabled",
             .title = "Lambda functions should have AWS X-Ray active tracing enabled",
             .severity = Severity::kLow,
             .service = "lambda",
             .resource_type = "AWS::Lambda::Function",
             .description = "Checks that each Lambda function has X-Ray active tracing (TracingConfig Mode Active).",
             .risk = "Without traces, an invocation that misbehaves (an injected payload, a downstream call to an unexpected endpoint) cannot be followed through the services it touched.",
             .remediation = {.text = "Enable active tracing (the execution role needs xray:PutTraceSegments and xray:PutTelemetryRecords).",
                             .cli = "aws lambda update-function-configuration --function-name <name> --tracing-config Mode=Active",
                             .terraform = "resource \"aws_lambda_function\" \"this\" {\n  # ...\n  tracing_config {\n    mode = \"Active\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-7"},
             .cis = {},
             .fsbp = {"Lambda.7"}},
    .reads = {"tracing_mode"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
