// A region where the account uses AWS Backup has a report plan (AWS Backup
// Audit Manager), so failed jobs and non-compliant resources are reported.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* reports = require_prop(r, "report_plans", &why);
  if (!reports) return not_assessed(why);
  if (reports->is_array() && !reports->empty())
    return pass("region " + r.region + " has " + std::to_string(reports->size()) + " AWS Backup report plan(s)");
  return fail("region " + r.region + " uses AWS Backup without a report plan: failed backup jobs go unreported");
}

const RegisterCheck reg({
    .meta = {.id = "backup_reportplans_exist",
             .title = "Regions using AWS Backup should have at least one report plan",
             .severity = Severity::kLow,
             .service = "backup",
             .resource_type = "AWS::Backup::RegionSummary",
             .description = "In each region where the account has a backup vault or plan, ListReportPlans returns at "
                            "least one report plan (job reports or compliance reports).",
             .risk = "Backup jobs fail quietly (a changed role, a deleted tag, a full quota); without reports the "
                     "gap is found when a restore is needed.",
             .remediation = {.text = "Create a report plan delivering backup job and compliance reports to an S3 "
                                     "bucket, and review them.",
                             .cli = "aws backup create-report-plan --report-plan-name backup_jobs --report-delivery-channel S3BucketName=<bucket> --report-setting ReportTemplate=BACKUP_JOB_REPORT",
                             .terraform = "resource \"aws_backup_report_plan\" \"jobs\" {\n  name = \"backup_jobs\"\n  report_delivery_channel {\n    s3_bucket_name = aws_s3_bucket.reports.id\n  }\n  report_setting {\n    report_template = \"BACKUP_JOB_REPORT\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/aws-backup/latest/devguide/create-report-plan-console.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"report_plans"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
