// Lambda function URLs require IAM authentication.
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("function_urls")) return not_assessed(*why);
  const json* urls = r.prop("function_urls");
  if (!urls || !urls->is_array()) return not_assessed("function URLs of " + r.name + " were not collected");
  if (urls->empty()) return pass("function " + r.name + " has no function URL");
  auto text = [](const json& u, const char* key) {  // null or absent: ""
    auto it = u.find(key);
    return it != u.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (const auto& u : *urls) {
    if (!u.is_object() || text(u, "auth_type") != "NONE") continue;
    std::string qualifier = text(u, "qualifier");
    return fail("function " + r.name + " URL " + text(u, "url") + (qualifier.empty() ? "" : " (alias " + qualifier + ")") +
                " has AuthType NONE: anyone on the internet can invoke it");
  }
  return pass("function " + r.name + " URLs require AWS_IAM authentication");
}

const RegisterCheck reg({
    .meta = {.id = "lambda_function_url_public",
             .title = "Lambda function URLs require IAM authentication",
             .severity = Severity::kHigh,
             .service = "lambda",
             .resource_type = "AWS::Lambda::Function",
             .description = "Every function URL of the function uses AuthType AWS_IAM rather than NONE.",
             .risk = "A function URL with AuthType NONE is a public HTTPS endpoint: anyone can invoke the function, "
                     "reach what its role can reach and run up its cost.",
             .remediation = {.text = "Set the function URL's auth type to AWS_IAM, or delete the URL and front the "
                                     "function with an authenticated API.",
                             .cli = "aws lambda update-function-url-config --function-name <function> --auth-type AWS_IAM",
                             .terraform = "resource \"aws_lambda_function_url\" \"this\" {\n  function_name      = aws_lambda_function.this.function_name\n  authorization_type = \"AWS_IAM\"\n}"},
             .references = {"https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"function_urls"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
