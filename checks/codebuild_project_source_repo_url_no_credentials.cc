// CodeBuild project sources (primary and secondary) do not carry sign-in
// credentials in their repository URL. The collector keeps the kind and the
// URL with the credentials replaced, never the credentials.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* sources = require_prop(r, "sources", &why);
  if (!sources) return not_assessed(why);
  if (!sources->is_array()) return not_assessed("sources of project " + r.name + " were not collected");
  std::string hits;
  for (const auto& s : *sources) {
    const json c = s.value("credentials", json());
    if (!c.is_string()) continue;
    hits += (hits.empty() ? "" : ", ") + s.value("id", std::string("?")) + " " + s.value("location", std::string()) +
            " (" + c.get<std::string>() + ")";
  }
  if (!hits.empty()) return fail("project " + r.name + " has credentials in its source URL: " + hits);
  return pass("project " + r.name + " has no credentials in its " + std::to_string(sources->size()) +
              " source location(s)");
}

const RegisterCheck reg({
    .meta = {.id = "codebuild_project_source_repo_url_no_credentials",
             .title = "CodeBuild source repository URLs should not contain sensitive credentials",
             .severity = Severity::kCritical,
             .service = "codebuild",
             .resource_type = "AWS::CodeBuild::Project",
             .description = "No primary or secondary source location is a URL with a user name and password "
                            "(https://user:password@host/...) or an access token as its user part. A plain user name "
                            "(https://alice@bitbucket.org/...) is not a credential.",
             .risk = "The URL, credentials included, is returned by BatchGetProjects and shown in the console and "
                     "build logs: anyone who can read the project can push to or read the repository as that user.",
             .remediation = {.text = "Connect the source through an OAuth app, AWS CodeConnections or a token stored "
                                     "with import-source-credentials, set the location without credentials, then "
                                     "revoke the exposed token or password.",
                             .cli = "aws codebuild update-project --name <project> --source type=BITBUCKET,location=https://bitbucket.org/<workspace>/<repo>.git",
                             .terraform = "resource \"aws_codebuild_source_credential\" \"bitbucket\" {\n  auth_type   = \"BASIC_AUTH\"\n  server_type = \"BITBUCKET\"\n  user_name   = var.bitbucket_user\n  token       = var.bitbucket_app_password\n}\n\nresource \"aws_codebuild_project\" \"this\" {\n  # ...\n  source {\n    type     = \"BITBUCKET\"\n    location = \"https://bitbucket.org/<workspace>/<repo>.git\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/codebuild/latest/userguide/access-tokens.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-1"},
             .cis = {},
             .fsbp = {"CodeBuild.1"}},
    .reads = {"sources"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
