// EKS clusters encrypt Kubernetes secrets with a KMS key (envelope encryption).
#include "checks/check.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("secrets_encrypted")) return not_assessed(*why);
  const json* enc = r.prop("secrets_encrypted");
  if (!enc || !enc->is_boolean()) return not_assessed("encryption config of cluster " + r.name + " was not collected");
  if (!enc->get<bool>()) return fail("cluster " + r.name + " does not encrypt Kubernetes secrets with a KMS key");
  const json* key = r.prop("encryption_key_arn");
  return pass("cluster " + r.name + " encrypts Kubernetes secrets with KMS key " +
              (key && key->is_string() ? key->get<std::string>() : std::string("(unnamed)")));
}

const RegisterCheck reg({
    .meta = {.id = "eks_cluster_kms_cmk_encryption_in_secrets_enabled",
             .title = "EKS clusters use encrypted Kubernetes secrets",
             .severity = Severity::kMedium,
             .service = "eks",
             .resource_type = "AWS::EKS::Cluster",
             .description = "The cluster's encryptionConfig applies a KMS key to the \"secrets\" resource "
                            "(envelope encryption of Kubernetes secrets in etcd).",
             .risk = "Without envelope encryption, Kubernetes secrets rely on etcd volume encryption only; a KMS key "
                     "adds access control and audit on every decryption.",
             .remediation = {.text = "Associate a KMS key with the cluster for secrets encryption (cannot be undone).",
                             .cli = "aws eks associate-encryption-config --cluster-name <cluster> --encryption-config '[{\"resources\":[\"secrets\"],\"provider\":{\"keyArn\":\"<key-arn>\"}}]'",
                             .terraform = "resource \"aws_eks_cluster\" \"this\" {\n  # ...\n  encryption_config {\n    resources = [\"secrets\"]\n    provider {\n      key_arn = aws_kms_key.eks.arn\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-3"},
             .cis = {},
             .fsbp = {"EKS.3"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
