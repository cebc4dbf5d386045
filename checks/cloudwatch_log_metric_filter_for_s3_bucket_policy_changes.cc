// CIS 4.8: Ensure S3 bucket policy changes are monitored. The chain logic is in cis_monitoring_chain.cc.
#include "checks/cis_monitoring_chain.h"

namespace cloudpeek::checks {
namespace {

namespace mon = cis_monitoring;

// CIS v3.0.0 4.8 pattern (AWS documents the same for Security Hub CloudWatch.8).
constexpr const char* kPattern =
    "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }";

const mon::Control& control() {
  static const mon::Control c{"S3 bucket policy changes",
                              {"eventSource=s3.amazonaws.com",
     "eventName=PutBucketAcl",
     "eventName=PutBucketPolicy",
     "eventName=PutBucketCors",
     "eventName=PutBucketLifecycle",
     "eventName=PutBucketReplication",
     "eventName=DeleteBucketPolicy",
     "eventName=DeleteBucketCors",
     "eventName=DeleteBucketLifecycle",
     "eventName=DeleteBucketReplication"}};
  return c;
}

CheckResult evaluate(const Resource&, const Inventory& inv) { return mon::evaluate_chain(control(), inv); }

const RegisterCheck reg({.meta = mon::metadata("cloudwatch_log_metric_filter_for_s3_bucket_policy_changes", "4.8", "CloudWatch.8",
                                              "Ensure S3 bucket policy changes are monitored", "S3 bucket policy changes", kPattern, Severity::kMedium),
                         .context_types = mon::context_types(),
                         .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
