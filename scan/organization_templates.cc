#include "scan/organization_templates.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "scan/organization.h"

namespace cloudpeek::scan {
namespace {

// Long-form intrinsic functions (Fn::Sub) rather than YAML tags (!Sub), so any
// YAML parser reads the template, not only CloudFormation's.
constexpr const char* kCloudFormation = R"TPL(# CloudPeek read-only audit role for the member accounts of an AWS organization.
# Deploy it to every member as a service-managed StackSet from the management
# account (or a delegated administrator for CloudFormation StackSets):
#
#   aws cloudformation create-stack-set --stack-set-name {role} \
#     --template-body file://cloudpeek-audit-role.yaml --capabilities CAPABILITY_NAMED_IAM \
#     --permission-model SERVICE_MANAGED --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false
#   aws cloudformation create-stack-instances --stack-set-name {role} \
#     --deployment-targets OrganizationalUnitIds=<root id, r-...> --regions us-east-1
#
# IAM is global: one region is enough. Accounts that join the organization later
# get the role automatically (auto-deployment). StackSets do not deploy to the
# management account; CloudPeek reaches it with its own credentials.
AWSTemplateFormatVersion: "2010-09-09"
Description: "CloudPeek read-only audit role: SecurityAudit, assumable by account {account} with an ExternalId"
Parameters:
  RoleName:
    Type: String
    Default: "{role}"
  TrustedAccountId:
    Type: String
    Default: "{account}"
    AllowedPattern: "^[0-9]{{12}}$"
  ExternalId:
    Type: String
    Default: "{external_id}"
    MinLength: 2
Resources:
  CloudPeekAuditRole:
    Type: "AWS::IAM::Role"
    Properties:
      RoleName:
        Ref: RoleName
      Description: "CloudPeek security audit (read-only)"
      MaxSessionDuration: 3600
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS:
                Fn::Sub: "arn:${{AWS::Partition}}:iam::${{TrustedAccountId}}:root"
            Action: "sts:AssumeRole"
            Condition:
              StringEquals:
                "sts:ExternalId":
                  Ref: ExternalId
      ManagedPolicyArns:
        - Fn::Sub: "arn:${{AWS::Partition}}:iam::aws:policy/SecurityAudit"
Outputs:
  RoleArn:
    Value:
      Fn::GetAtt: [CloudPeekAuditRole, Arn]
)TPL";

constexpr const char* kTerraform = R"TPL(# CloudPeek read-only audit role: apply in each member account of the
# organization (one aws provider per account, e.g. assuming
# OrganizationAccountAccessRole, or through Account Factory for Terraform).
# SecurityAudit attached; only account {account} may assume it, and only with
# the ExternalId below.

variable "cloudpeek_role_name" {{
  type    = string
  default = "{role}"
}}

variable "cloudpeek_trusted_account_id" {{
  type    = string
  default = "{account}"
}}

variable "cloudpeek_external_id" {{
  type    = string
  default = "{external_id}"
}}

data "aws_partition" "current" {{}}

resource "aws_iam_role" "cloudpeek_audit" {{
  name                 = var.cloudpeek_role_name
  description          = "CloudPeek security audit (read-only)"
  max_session_duration = 3600
  assume_role_policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect    = "Allow"
      Principal = {{ AWS = "arn:${{data.aws_partition.current.partition}}:iam::${{var.cloudpeek_trusted_account_id}}:root" }}
      Action    = "sts:AssumeRole"
      Condition = {{ StringEquals = {{ "sts:ExternalId" = var.cloudpeek_external_id }} }}
    }}]
  }})
}}

resource "aws_iam_role_policy_attachment" "cloudpeek_audit_security_audit" {{
  role       = aws_iam_role.cloudpeek_audit.name
  policy_arn = "arn:${{data.aws_partition.current.partition}}:iam::aws:policy/SecurityAudit"
}}

output "cloudpeek_audit_role_arn" {{
  value = aws_iam_role.cloudpeek_audit.arn
}}
)TPL";

}  // namespace

Result<TemplateFormat> parse_template_format(std::string_view name) {
  if (name == "cloudformation" || name == "cfn" || name == "stackset") return TemplateFormat::kCloudFormation;
  if (name == "terraform" || name == "tf") return TemplateFormat::kTerraform;
  return make_error(ErrorKind::kInvalidInput, "Unknown template format \"" + std::string(name) + "\".",
                    "Use cloudformation or terraform.");
}

Result<std::string> member_role_template(const MemberRoleTemplate& in, TemplateFormat format) {
  if (in.trusted_account.size() != 12 ||
      !std::all_of(in.trusted_account.begin(), in.trusted_account.end(), [](unsigned char c) { return std::isdigit(c); }))
    return make_error(ErrorKind::kInvalidInput,
                      "The trusted account must be a 12-digit AWS account id (got \"" + in.trusted_account + "\").");
  if (in.external_id.empty())
    return make_error(ErrorKind::kInvalidInput, "An ExternalId is required for the member role.",
                      "Pass --external-id (the server generates one per installation): without the sts:ExternalId "
                      "condition any principal of the trusted account could be tricked into using the role.");
  MemberAccess access;
  access.role_name = in.role_name;
  access.external_id = in.external_id;
  if (auto st = validate(access); !st) return st.error();
  // Every value is checked against IAM's and STS's character sets above: none
  // can hold a quote, backslash, "${" or a newline, so none can break out of its string.
  return fmt::format(fmt::runtime(format == TemplateFormat::kCloudFormation ? kCloudFormation : kTerraform),
                     fmt::arg("role", in.role_name), fmt::arg("account", in.trusted_account),
                     fmt::arg("external_id", in.external_id));
}

}  // namespace cloudpeek::scan
