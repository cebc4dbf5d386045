// ScanEngine: one scan of one account. Collectors run concurrently on a
// worker pool (global ones once in the home region, regional ones per
// region), every AWS call through its API's token bucket (rate_limits.h) and a
// global in-flight cap. A task waiting for a token pauses its worker (the pool
// runs another meanwhile) and each collector run has at most
// max_tasks_per_run tasks in the pool, so a throttled API never starves the
// rest of the scan. Resources stream to the ResourceSink and into the
// checks: a check whose context types are complete evaluates each resource of
// its type as it arrives; otherwise that resource waits in the check's buffer
// until they are. Only resources some check reads as context are retained.
// After collection, each check gets NOT_ASSESSED findings for the regions
// whose listing of its type has a gap (checks::gap_findings).
#pragma once

#include <memory>
#include <string>

#include "aws/client/client.h"
#include "scan/cancel.h"
#include "scan/options.h"
#include "scan/progress.h"
#include "scan/scan_result.h"
#include "scan/sinks.h"

namespace cloudpeek::scan {

struct ScanIdentity {
  std::string account;        // from STS GetCallerIdentity
  std::string arn;
  std::string partition = "aws";
};

class ScanEngine {
 public:
  ScanEngine(AwsClient& client, ScanIdentity identity, ScanOptions options);
  ~ScanEngine();

  // Runs the scan to the end (or until cancelled); findings go to `findings`
  // as they are produced, resources to `resources` (may be null).
  ScanResult run(FindingSink& findings, ResourceSink* resources = nullptr);

  // Safe from any thread, before or during run().
  void cancel() { cancel_.cancel(); }
  const CancelToken& cancel_token() const { return cancel_; }
  const ScanProgress& progress() const { return progress_; }

  // In an organization's member scan: AWS Organizations is read with the
  // management account's (or delegated administrator's) client, which may
  // read the member's place in the organization and the SCPs and RCPs above
  // it (ListParents, ListPoliciesForTarget, DescribePolicy: a member may not).
  // Only the "organizations" collector's calls go with it (organizations-admin
  // judges the organization in the management account's own scan); every
  // other call goes with the member's own client. Set before run().
  void read_organization_with(AwsClient& client) { organization_client_ = &client; }

 private:
  class Run;
  AwsClient& client_;
  AwsClient* organization_client_ = nullptr;
  ScanIdentity identity_;
  ScanOptions options_;
  CancelToken cancel_;
  ScanProgress progress_;
};

}  // namespace cloudpeek::scan
