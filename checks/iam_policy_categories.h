// Cloudsplaining-style risk categories of one customer managed or inline
// policy: what its Allow statements grant on all resources ("*", a
// NotResource, or a pattern naming every resource of one type, such as
// "arn:aws:s3:::*" or "arn:aws:iam::*:role/*"), with Action wildcards and NotAction expanded against the
// action catalogue (iam/catalogue.h) and the actions an unconditional Deny of
// the same policy takes away on all resources removed. Conditions do not
// exclude a statement (as in Cloudsplaining): they are named in the detail.
//
//   privilege escalation   every action of one escalation technique of the
//                          engine (iam/escalation_rules.h), e.g.
//                          iam:CreatePolicyVersion, or iam:PassRole +
//                          lambda:CreateFunction + lambda:InvokeFunction
//   data exfiltration      reading object, secret and parameter contents
//   resource exposure      the catalogue's "Permissions management" actions:
//                          writing resource policies, ACLs and IAM policies
//   credentials exposure   actions that return credentials or tokens
//   infrastructure         the catalogue's "Write", "Permissions management"
//   modification           and "Tagging" actions: changing resources with no
//                          resource constraint
#pragma once

#include "checks/check.h"

namespace cloudpeek::checks {

enum class PolicyCategory { kPrivilegeEscalation, kDataExfiltration, kResourceExposure, kCredentialsExposure,
                            kInfrastructureModification };

// For AWS::IAM::Policy (customer managed, attached; others PASS saying why)
// and AWS::IAM::InlinePolicy resources.
CheckResult policy_category_result(const Resource& policy, PolicyCategory category);

// The action lists of the two named categories (for the metadata and tests).
const std::vector<std::string>& data_exfiltration_actions();
const std::vector<std::string>& credentials_exposure_actions();

}  // namespace cloudpeek::checks
