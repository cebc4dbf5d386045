// Glue ETL jobs encrypt its job bookmarks (their security configuration's bookmarks_encryption).
#include "checks/glue_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  return glue::job_encryption(r, "bookmarks_encryption", "its job bookmarks");
}

const RegisterCheck reg({
    .meta = {.id = "glue_etl_jobs_job_bookmark_encryption_enabled",
             .title = "Glue ETL jobs should encrypt their job bookmarks",
             .severity = Severity::kLow,
             .service = "glue",
             .resource_type = "AWS::Glue::Job",
             .description = "The job's security configuration sets job bookmark encryption (CSE-KMS).",
             .risk = "Bookmarks record what the job already processed (keys, file names, timestamps); they can reveal data and, if altered, make a job skip or reprocess data.",
             .remediation = glue::job_encryption_remediation(),
             .references = {"https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"bookmarks_encryption", "security_configuration"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
