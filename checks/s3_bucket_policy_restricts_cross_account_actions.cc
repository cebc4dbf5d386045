// S3 bucket policies do not let other accounts administer the bucket.
#include "checks/check.h"
#include "checks/s3_util.h"

namespace cloudpeek::checks {
namespace {

// The actions Security Hub's S3.6 treats as administrative.
constexpr std::initializer_list<const char*> kAdminActions = {
    "s3:DeleteBucketPolicy", "s3:PutBucketAcl", "s3:PutBucketPolicy", "s3:PutEncryptionConfiguration",
    "s3:PutObjectAcl"};

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  const json* doc = r.prop("policy");
  if (!doc) return pass("bucket " + r.name + " has no bucket policy");
  auto sts = policy::statements(*doc);
  for (size_t i = 0; i < sts.size(); ++i) {
    const json& st = sts[i];
    if (!policy::is_allow(st)) continue;
    std::string outsider;
    if (policy::principal_is_public(st)) {
      outsider = "every principal (\"*\")";
    } else {
      for (const auto& p : policy::aws_principals(st)) {
        std::string acct = policy::principal_account(p);
        if (!acct.empty() && acct != r.account) outsider = "account " + acct;
      }
    }
    if (outsider.empty()) continue;
    for (const char* a : kAdminActions)
      if (policy::allows_action(st, a))
        return fail("bucket " + r.name + " policy statement " + s3::sid_of(st, i) + " allows " + a + " to " + outsider);
  }
  return pass("bucket " + r.name + " policy grants no administrative actions to other accounts");
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_policy_restricts_cross_account_actions",
             .title = "S3 bucket policies do not allow administrative actions to other AWS accounts",
             .severity = Severity::kHigh,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "No Allow statement of the bucket policy grants s3:DeleteBucketPolicy, s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration or s3:PutObjectAcl to principals of other accounts or to everyone.",
             .risk = "Another account could rewrite the bucket's policy, ACLs or encryption, taking over access to the data.",
             .remediation = {.text = "Remove the administrative actions from statements whose principals are outside the account.",
                             .cli = "aws s3api put-bucket-policy --bucket <bucket> --policy file://policy.json",
                             .terraform = "resource \"aws_s3_bucket_policy\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  policy = data.aws_iam_policy_document.restricted.json\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-6"},
             .cis = {},
             .fsbp = {"S3.6"}},
    .reads = {"policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
