// Lambda functions use a runtime that AWS still supports.
//
// The table holds every managed runtime whose deprecation (end of support,
// phase 1) date is known and has passed by 2026-11, with that date, from
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (the
// "Deprecated runtimes" and "Supported runtimes" tables, as of 2026-11).
// Dates are compared with today, so a runtime in the table whose date is
// still ahead is reported as supported (with its coming date).
// Runtimes on Amazon Linux 2 whose dates AWS has moved (java8.al2, java11,
// java17, python3.10, python3.11, provided.al2) are left out until the
// documentation settles.
#include <chrono>
#include <cstdio>

#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

struct Deprecation {
  const char* runtime;
  int year, month, day;
};

constexpr Deprecation kDeprecated[] = {
    {"nodejs", 2016, 10, 31},        {"nodejs4.3", 2020, 3, 6},      {"nodejs4.3-edge", 2019, 4, 30},
    {"nodejs6.10", 2019, 8, 12},     {"nodejs8.10", 2020, 3, 6},     {"nodejs10.x", 2021, 7, 30},
    {"nodejs12.x", 2023, 3, 31},     {"nodejs14.x", 2023, 12, 4},    {"nodejs16.x", 2024, 6, 12},
    {"nodejs18.x", 2025, 9, 1},      {"nodejs20.x", 2026, 4, 30},    {"python2.7", 2021, 7, 15},
    {"python3.6", 2022, 7, 18},      {"python3.7", 2023, 12, 4},     {"python3.8", 2024, 10, 14},
    {"python3.9", 2025, 12, 15},     {"java8", 2024, 1, 8},          {"dotnetcore1.0", 2019, 7, 30},
    {"dotnetcore2.0", 2019, 5, 30},  {"dotnetcore2.1", 2022, 1, 5},  {"dotnetcore3.1", 2023, 4, 3},
    {"dotnet5.0", 2022, 5, 10},      {"dotnet6", 2024, 12, 20},      {"dotnet7", 2024, 5, 14},
    {"dotnet8", 2026, 11, 10},       {"ruby2.5", 2021, 7, 30},       {"ruby2.7", 2023, 12, 7},
    {"ruby3.2", 2026, 3, 31},        {"go1.x", 2024, 1, 8},          {"provided", 2024, 1, 8},
};

std::chrono::sys_days today() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

std::string date_text(const Deprecation& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("runtime")) return not_assessed(*why);
  const json* runtime = r.prop("runtime");
  if (!runtime || !runtime->is_string() || runtime->get<std::string>().empty()) {
    const json* package = r.prop("package_type");
    if (package && *package == "Image")
      return not_applicable("function " + r.name + " is a container image; its runtime is managed in the image");
    return not_assessed("the runtime of function " + r.name + " was not reported by lambda:ListFunctions");
  }
  const std::string rt = runtime->get<std::string>();
  for (const auto& d : kDeprecated) {
    if (rt != d.runtime) continue;
    const std::chrono::sys_days when{std::chrono::year{d.year} / d.month / d.day};
    if (when <= today())
      return fail("function " + r.name + " uses runtime " + rt + ", deprecated by AWS Lambda on " + date_text(d));
    return pass("function " + r.name + " uses runtime " + rt + ", supported until " + date_text(d));
  }
  return pass("function " + r.name + " uses supported runtime " + rt);
}

const RegisterCheck reg({
    .meta = {.id = "lambda_function_using_supported_runtimes",
             .title = "Lambda functions use supported runtimes",
             .severity = Severity::kMedium,
             .service = "lambda",
             .resource_type = "AWS::Lambda::Function",
             .description = "The function's managed runtime has not reached its AWS Lambda deprecation date.",
             .risk = "Deprecated runtimes no longer receive security patches or technical support, and functions on "
                     "them can soon no longer be updated: known vulnerabilities stay unfixed.",
             .remediation = {.text = "Migrate the function to a supported runtime of the same language and test it.",
                             .cli = "aws lambda update-function-configuration --function-name <function> --runtime python3.13",
                             .terraform = "resource \"aws_lambda_function\" \"this\" {\n  # ...\n  runtime = \"python3.13\"\n}"},
             .references = {"https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-2"},
             .cis = {},
             .fsbp = {"Lambda.2"}},
    .reads = {"runtime", "package_type"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
