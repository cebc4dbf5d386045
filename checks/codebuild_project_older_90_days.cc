// CodeBuild projects are in use: built in the last 90 days, or created less
// than 90 days ago. A project nobody builds keeps its service role, source
// credentials and webhooks for nothing.
#include "checks/check.h"
#include "checks/monitoring_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

constexpr long long kMaxIdleDays = 90;

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "last_build_time", &why)) return not_assessed(why);
  const json& last = r.props["last_build_time"];
  if (last.is_string()) {
    auto days = monitoring::days_since(last.get<std::string>());
    if (!days) return not_assessed("last build time of project " + r.name + " is not a timestamp");
    if (*days <= kMaxIdleDays)
      return pass("project " + r.name + " last built " + std::to_string(*days) + " days ago");
    return fail("project " + r.name + " has not been built for " + std::to_string(*days) + " days");
  }
  // Never built: judged by its age.
  if (!has_prop(r, "created", &why)) return not_assessed(why);
  const json& created = r.props["created"];
  auto age = created.is_string() ? monitoring::days_since(created.get<std::string>()) : std::nullopt;
  if (!age) return not_assessed("creation time of project " + r.name + " was not collected");
  if (*age <= kMaxIdleDays)
    return pass("project " + r.name + " was created " + std::to_string(*age) + " days ago and has not been built yet");
  return fail("project " + r.name + " has never been built in the " + std::to_string(*age) + " days since it was created");
}

const RegisterCheck reg({
    .meta = {.id = "codebuild_project_older_90_days",
             .title = "CodeBuild projects should have been built in the last 90 days",
             .severity = Severity::kLow,
             .service = "codebuild",
             .resource_type = "AWS::CodeBuild::Project",
             .description = "The project's newest build started or ended within the last 90 days, or the project was "
                            "created within the last 90 days.",
             .risk = "An unused project still holds a service role (often with deployment permissions), source "
                     "credentials and webhooks: anyone who can start a build or push to the source can use them, "
                     "and nobody is watching.",
             .remediation = {.text = "Delete projects that are no longer used (and their service roles and source "
                                     "credentials), or document why they are kept.",
                             .cli = "aws codebuild delete-project --name <project>",
                             .terraform = "# Remove the aws_codebuild_project resource (and its aws_iam_role) from the configuration, then:\n# terraform apply"},
             .references = {"https://docs.aws.amazon.com/codebuild/latest/userguide/delete-project.html",
                            "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ListBuildsForProject.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"last_build_time", "created"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
