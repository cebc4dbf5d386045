// Glue ETL jobs encrypt the data it writes to S3 (their security configuration's s3_encryption).
#include "checks/glue_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return glue::job_encryption(r, "s3_encryption", "the data it writes to S3");
}

const RegisterCheck reg({
    .meta = {.id = "glue_etl_jobs_amazon_s3_encryption_enabled",
             .title = "Glue ETL jobs should encrypt the data they write to Amazon S3",
             .severity = Severity::kMedium,
             .service = "glue",
             .resource_type = "AWS::Glue::Job",
             .description = "The job's security configuration sets S3 encryption (SSE-KMS or SSE-S3), or the job passes --encryption-type sse-s3.",
             .risk = "Job output written unencrypted to S3 (transformed, often sensitive, data) relies on the bucket's defaults alone.",
             .remediation = glue::job_encryption_remediation(),
             .references = {"https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"s3_encryption", "security_configuration"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
