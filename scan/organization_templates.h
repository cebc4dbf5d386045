// The role an organization's members need so CloudPeek can reach them
// (scan/organization.h): CloudPeekAudit (or the name the user sets) with the
// AWS managed policy SecurityAudit attached, trusting the account CloudPeek
// runs from, on the condition sts:ExternalId = the installation's ExternalId.
// Shown by `cloudpeek organization template` and on /settings/provider.
//
//   auto yaml = scan::member_role_template({caller_account, role_name, external_id},
//                                          scan::TemplateFormat::kCloudFormation);
//
// kCloudFormation: a template for a service-managed StackSet (deployment
// commands in its header comment; StackSets never deploy to the management
// account itself, which CloudPeek reaches with its own credentials).
// kTerraform: a snippet to apply in each member account.
#pragma once

#include <string>
#include <string_view>

#include "aws/core/result.h"

namespace cloudpeek::scan {

enum class TemplateFormat { kCloudFormation, kTerraform };

struct MemberRoleTemplate {
  std::string trusted_account;  // the account whose credentials assume the role (12 digits)
  std::string role_name;        // IAM role name (scan::validate's rule)
  std::string external_id;      // required: a role without the condition is a confused-deputy risk
};

// kInvalidInput naming the field when an input is not what IAM/STS accept.
Result<std::string> member_role_template(const MemberRoleTemplate& input, TemplateFormat format);

// "cloudformation" / "terraform" (also "cfn", "tf"); nullopt-like error otherwise.
Result<TemplateFormat> parse_template_format(std::string_view name);

}  // namespace cloudpeek::scan
