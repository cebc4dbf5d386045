// Which read actions CloudPeek needs that an identity is denied.
//
// How: one lightweight read call per collected service (the listing its
// collector starts with), in the home region, and every AccessDenied answer is
// reported. iam:SimulatePrincipalPolicy would be more thorough but is not
// part of the SecurityAudit policy, so an identity set up as documented could
// not call it; the probe therefore asks AWS directly, read-only. A deny that
// only applies to a deeper call (s3:GetBucketPolicy on one bucket) shows up in
// the next scan's coverage gaps instead.
#pragma once

#include <string>
#include <vector>

#include "aws/client/client.h"
#include "aws/core/result.h"

namespace cloudpeek::server {

struct ProbeCall {
  std::string service;    // botocore service name: "s3"
  std::string operation;  // "ListBuckets"
  std::string action;     // IAM action: "s3:ListAllMyBuckets"
  bool needs_account = false;  // passes AccountId (S3 Control)
};

const std::vector<ProbeCall>& probe_calls();

struct DeniedAction {
  std::string action;
  std::string service;
};

struct ProbeResult {
  int checked = 0;
  std::vector<DeniedAction> denied;
  std::vector<std::string> errors;  // other failures, "kms:ListKeys: throttled" (not counted as denied)
};

// The ids of the checks that read what a probe call's service collects (a
// denied call leaves them NOT_ASSESSED), sorted. `service` is ProbeCall::service.
std::vector<std::string> checks_needing(const std::string& service);

// An Error when the credentials themselves fail (expired, invalid): then
// nothing about permissions can be said.
Result<ProbeResult> probe_permissions(AwsClient& client, const std::string& account, const std::string& region);

}  // namespace cloudpeek::server
