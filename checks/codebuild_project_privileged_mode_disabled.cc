// CodeBuild project environments do not run builds in privileged mode.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* v = require_prop(r, "privileged_mode", &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed("privileged_mode of project " + r.name + " was not collected");
  if (v->get<bool>()) return fail("project " + r.name + " runs its builds in privileged mode");
  return pass("project " + r.name + " runs its builds without privileged mode");
}

const RegisterCheck reg({
    .meta = {.id = "codebuild_project_privileged_mode_disabled",
             .title = "CodeBuild project environments should not have privileged mode enabled",
             .severity = Severity::kHigh,
             .service = "codebuild",
             .resource_type = "AWS::CodeBuild::Project",
             .description = "environment.privilegedMode is false.",
             .risk = "Privileged mode gives the build container root access to the host's devices and Docker "
                     "daemon: code from the repository (or a compromised dependency) can escape the container.",
             .remediation = {.text = "Turn privileged mode off; build images with a rootless builder (kaniko, "
                                     "buildah) or keep privileged mode to a dedicated project that builds trusted code.",
                             .cli = "aws codebuild update-project --name <project> --environment 'type=LINUX_CONTAINER,image=<image>,computeType=BUILD_GENERAL1_SMALL,privilegedMode=false'",
                             .terraform = "resource \"aws_codebuild_project\" \"this\" {\n  # ...\n  environment {\n    # ...\n    privileged_mode = false\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectEnvironment.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-5"},
             .cis = {},
             .fsbp = {"CodeBuild.5"}},
    .reads = {"privileged_mode"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
