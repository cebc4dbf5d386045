// Glue ETL jobs encrypt its CloudWatch logs (their security configuration's cloudwatch_encryption).
#include "checks/glue_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return glue::job_encryption(r, "cloudwatch_encryption", "its CloudWatch logs");
}

const RegisterCheck reg({
    .meta = {.id = "glue_etl_jobs_cloudwatch_logs_encryption_enabled",
             .title = "Glue ETL jobs should encrypt their CloudWatch logs",
             .severity = Severity::kMedium,
             .service = "glue",
             .resource_type = "AWS::Glue::Job",
             .description = "The job's security configuration sets CloudWatch encryption (SSE-KMS).",
             .risk = "Job logs carry sample records, errors with data values and connection details; without a KMS key anyone with logs read access sees them.",
             .remediation = glue::job_encryption_remediation(),
             .references = {"https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"cloudwatch_encryption", "security_configuration"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
