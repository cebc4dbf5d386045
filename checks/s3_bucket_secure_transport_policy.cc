// S3 buckets deny requests that do not use TLS (aws:SecureTransport = false).
#include "checks/check.h"
#include "checks/policy_statements.h"

namespace cloudpeek::checks {
namespace {

bool condition_denies_http(const json& st) {
  if (!st.contains("Condition") || !st["Condition"].is_object()) return false;
  for (const auto& [op, body] : st["Condition"].items()) {
    if (op != "Bool" && op != "BoolIfExists") continue;
    if (!body.is_object()) continue;
    for (const auto& [key, value] : body.items()) {
      // Condition keys are case-insensitive; the key is literal (no wildcards).
      if (key.size() != 19 || !policy::glob("aws:SecureTransport", key)) continue;
      if ((value.is_string() && (value == "false" || value == "False")) || value == false) return true;
      if (value.is_array())
        for (const auto& v : value)
          if (v == "false" || v == false) return true;
    }
  }
  return false;
}

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("policy")) return not_assessed(*why);
  const json* doc = r.prop("policy");
  if (!doc) return fail("bucket " + r.name + " has no bucket policy, so requests over plain HTTP are allowed");
  for (const json& st : policy::statements(*doc)) {
    if (st.value("Effect", "") != "Deny" || !policy::principal_is_public(st)) continue;
    if (!policy::allows_action(st, "s3:GetObject") || !policy::allows_action(st, "s3:PutObject")) continue;
    if (condition_denies_http(st))
      return pass("bucket " + r.name + " policy denies requests where aws:SecureTransport is false");
  }
  return fail("bucket " + r.name + " policy has no Deny statement for requests where aws:SecureTransport is false");
}

const RegisterCheck reg({
    .meta = {.id = "s3_bucket_secure_transport_policy",
             .title = "S3 buckets deny HTTP requests (require TLS)",
             .severity = Severity::kMedium,
             .service = "s3",
             .resource_type = "AWS::S3::Bucket",
             .description = "The bucket policy has a Deny statement for every principal and all S3 actions when aws:SecureTransport is false.",
             .risk = "Without it, clients may read and write objects over unencrypted HTTP, exposing data and credentials-derived signatures to eavesdropping and tampering.",
             .remediation = {.text = "Add a bucket policy statement that denies s3:* to every principal when aws:SecureTransport is false.",
                             .cli = "aws s3api put-bucket-policy --bucket <bucket> --policy '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::<bucket>\",\"arn:aws:s3:::<bucket>/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}'",
                             .terraform = "data \"aws_iam_policy_document\" \"tls_only\" {\n  statement {\n    effect    = \"Deny\"\n    actions   = [\"s3:*\"]\n    resources = [aws_s3_bucket.this.arn, \"${aws_s3_bucket.this.arn}/*\"]\n    principals {\n      type        = \"*\"\n      identifiers = [\"*\"]\n    }\n    condition {\n      test     = \"Bool\"\n      variable = \"aws:SecureTransport\"\n      values   = [\"false\"]\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5"},
             .cis = {"2.1.1"},
             .fsbp = {"S3.5"}},
    .reads = {"policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
