// bench_checks: check evaluations per second, single-threaded.
//
//   build/bench/bench/bench_checks [--resources N] [--seed S]
//
// Generates N (default 1,000,000) synthetic resources over the resource types
// the registered checks evaluate — each type gets an equal share — with
// plausible props in the shapes the collectors document (collect/*.cc headers)
// for the common types, a mix of passing and failing configurations, some
// resources with a missing property (the NOT_ASSESSED path), and empty props
// for the types this file does not know. Every check whose resource type
// matches is evaluated on each resource (checks::evaluate_one, what the scan
// engine calls: the check plus its Finding), single-threaded, against a small
// context inventory holding a few resources of every type (the CIS 4.x chain,
// trails, ... read context).
//
// Resources are generated in batches so memory stays small; only evaluation
// is timed. Prints evaluations, wall time, evaluations/s and the ratio to the
// target of 1M evaluations per second per core.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "checks/check.h"

using namespace cloudpeek;
using json = nlohmann::json;

namespace {

constexpr const char* kAccount = "111122223333";
const std::vector<std::string> kRegions = {"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1",
                                           "eu-central-1", "ap-northeast-1", "sa-east-1"};

json sg_rule(std::mt19937& rng) {
  static const int ports[] = {22, 80, 443, 3389, 5432, 3306, 8080, 0};
  int p = ports[rng() % 8];
  bool open = rng() % 4 == 0;
  return {{"protocol", p == 0 ? "-1" : "tcp"},
          {"from_port", p},
          {"to_port", p == 0 ? 65535 : p},
          {"ipv4", open ? json::array({"0.0.0.0/0"}) : json::array({"10.0.0.0/8"})},
          {"ipv6", rng() % 8 == 0 ? json::array({"::/0"}) : json::array()},
          {"groups", json::array()},
          {"prefix_lists", json::array()}};
}

json policy_doc(std::mt19937& rng) {
  bool star = rng() % 5 == 0;
  return {{"Version", "2012-10-17"},
          {"Statement",
           json::array({{{"Effect", "Allow"},
                         {"Principal", star ? json("*") : json{{"AWS", "arn:aws:iam::444455556666:root"}}},
                         {"Action", star ? json("s3:GetObject") : json::array({"s3:GetObject", "s3:PutObject"})},
                         {"Resource", "*"}},
                        {{"Effect", "Deny"},
                         {"Principal", "*"},
                         {"Action", "*"},
                         {"Resource", "*"},
                         {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}}}})}};
}

json iam_doc(std::mt19937& rng) {
  bool admin = rng() % 10 == 0;
  return {{"Version", "2012-10-17"},
          {"Statement",
           json::array({{{"Effect", "Allow"},
                         {"Action", admin ? json("*") : json::array({"ec2:Describe*", "s3:GetObject", "iam:PassRole"})},
                         {"Resource", "*"}}})}};
}

json cred_report(std::mt19937& rng) {
  return {{"password_enabled", rng() % 2 == 0},
          {"password_last_used", 1.75e9 - double(rng() % 20000000)},
          {"password_last_changed", 1.7e9},
          {"mfa_active", rng() % 3 != 0},
          {"access_keys",
           json::array({{{"slot", 1}, {"active", true}, {"last_rotated", 1.7e9 + double(rng() % 50000000)},
                         {"last_used", 1.75e9}},
                        {{"slot", 2}, {"active", rng() % 4 == 0}, {"last_rotated", nullptr}, {"last_used", nullptr}}})}};
}

// Plausible props for a type, or an empty object for types not known here.
json props_for(const std::string& type, std::mt19937& rng, int i) {
  bool good = rng() % 2 == 0;
  if (type == "AWS::S3::Bucket")
    return {{"location", kRegions[i % kRegions.size()]},
            {"acl", {{"owner_id", "abc"}, {"grants", json::array({{{"grantee_type", good ? "CanonicalUser" : "Group"},
                                                                   {"grantee_id", "abc"},
                                                                   {"grantee_uri", good ? "" : "http://acs.amazonaws.com/groups/global/AllUsers"},
                                                                   {"permission", "READ"}}})}}},
            {"policy", rng() % 3 == 0 ? json(nullptr) : policy_doc(rng)},
            {"policy_is_public", !good},
            {"public_access_block", good ? json{{"block_public_acls", true}, {"ignore_public_acls", true},
                                                {"block_public_policy", true}, {"restrict_public_buckets", true}}
                                         : json(nullptr)},
            {"encryption", {{"algorithm", good ? "aws:kms" : "AES256"}, {"kms_key_id", nullptr}, {"bucket_key_enabled", good}}},
            {"versioning", good ? "Enabled" : ""},
            {"mfa_delete", good ? "Enabled" : "Disabled"},
            {"logging", good ? json{{"target_bucket", "logs"}, {"target_prefix", "x/"}} : json(nullptr)},
            {"object_lock", good},
            {"object_ownership", good ? json("BucketOwnerEnforced") : json(nullptr)}};
  if (type == "AWS::EC2::Instance")
    return {{"state", "running"},
            {"http_tokens", good ? "required" : "optional"},
            {"http_endpoint", "enabled"},
            {"public_ip", good ? json(nullptr) : json("203.0.113.7")},
            {"iam_instance_profile", good ? json("arn:aws:iam::111122223333:instance-profile/app") : json(nullptr)},
            {"vpc_id", "vpc-0abc"},
            {"security_groups", json::array({"sg-0001", "sg-0002"})}};
  if (type == "AWS::EC2::SecurityGroup") {
    json ingress = json::array();
    for (int k = 0, n = 1 + rng() % 5; k < n; ++k) ingress.push_back(sg_rule(rng));
    return {{"group_id", "sg-" + std::to_string(i)}, {"group_name", i % 10 == 0 ? "default" : "app"},
            {"vpc_id", "vpc-0abc"}, {"is_default", i % 10 == 0}, {"ingress", ingress},
            {"egress", json::array({sg_rule(rng)})}, {"attached", good}};
  }
  if (type == "AWS::EC2::NetworkAcl")
    return {{"vpc_id", "vpc-0abc"}, {"is_default", good}, {"subnets", json::array({"subnet-1"})},
            {"entries", json::array({{{"rule_number", 100}, {"protocol", "-1"}, {"action", "allow"}, {"egress", false},
                                      {"cidr", good ? "10.0.0.0/8" : "0.0.0.0/0"}, {"ipv6_cidr", nullptr},
                                      {"from_port", nullptr}, {"to_port", nullptr}},
                                     {{"rule_number", 32767}, {"protocol", "-1"}, {"action", "deny"}, {"egress", false},
                                      {"cidr", "0.0.0.0/0"}, {"ipv6_cidr", nullptr}, {"from_port", nullptr}, {"to_port", nullptr}}})}};
  if (type == "AWS::EC2::VPC")
    return {{"vpc_id", "vpc-" + std::to_string(i)}, {"is_default", i % 4 == 0}, {"cidr", "10.0.0.0/16"},
            {"flow_logs", good ? json::array({{{"id", "fl-1"}, {"status", "ACTIVE"}, {"traffic_type", "ALL"}}}) : json::array()}};
  if (type == "AWS::EC2::Volume")
    return {{"encrypted", good}, {"state", "in-use"}, {"kms_key_id", nullptr}, {"attached_instances", json::array({"i-1"})}};
  if (type == "AWS::EC2::Snapshot")
    return {{"encrypted", good}, {"volume_id", "vol-1"}, {"public", rng() % 20 == 0}, {"shared_accounts", json::array()}};
  if (type == "AWS::EC2::EbsEncryptionByDefault") return {{"enabled", good}};
  if (type == "AWS::EC2::Image") return {{"public", !good}, {"state", "available"}};
  if (type == "AWS::EC2::EIP")
    return {{"public_ip", "198.51.100.1"}, {"allocation_id", "eipalloc-1"},
            {"association_id", good ? json("eipassoc-1") : json(nullptr)}, {"instance_id", nullptr},
            {"network_interface_id", nullptr}};
  if (type == "AWS::IAM::User")
    return {{"user_name", "user" + std::to_string(i)}, {"user_id", "AIDA" + std::to_string(i)}, {"path", "/"},
            {"create_date", 1.6e9}, {"groups", json::array({"dev"})},
            {"attached_policies", good ? json::array() : json::array({{{"name", "AdministratorAccess"},
                                                                       {"arn", "arn:aws:iam::aws:policy/AdministratorAccess"}}})},
            {"inline_policies", json::array()}, {"credential_report", cred_report(rng)}, {"report_time", 1.76e9}};
  if (type == "AWS::IAM::Role")
    return {{"role_name", "role" + std::to_string(i)}, {"path", "/"},
            {"trust_policy", {{"Version", "2012-10-17"},
                              {"Statement", json::array({{{"Effect", "Allow"},
                                                          {"Principal", good ? json{{"Service", "lambda.amazonaws.com"}}
                                                                             : json{{"AWS", "arn:aws:iam::444455556666:root"}}},
                                                          {"Action", "sts:AssumeRole"}}})}}},
            {"attached_policies", json::array()}, {"inline_policies", json::array()}};
  if (type == "AWS::IAM::Policy")
    return {{"policy_name", "p" + std::to_string(i)}, {"aws_managed", false}, {"attachment_count", int(rng() % 3)},
            {"default_version_id", "v1"}, {"document", iam_doc(rng)}};
  if (type == "AWS::IAM::InlinePolicy")
    return {{"policy_name", "inline" + std::to_string(i)}, {"principal_type", "role"}, {"principal_name", "r"},
            {"principal_arn", "arn:aws:iam::111122223333:role/r"}, {"document", iam_doc(rng)}};
  if (type == "AWS::KMS::Key")
    return {{"key_id", "k" + std::to_string(i)}, {"key_manager", "CUSTOMER"}, {"key_spec", "SYMMETRIC_DEFAULT"},
            {"key_usage", "ENCRYPT_DECRYPT"}, {"key_state", good ? "Enabled" : "PendingDeletion"}, {"enabled", good},
            {"origin", "AWS_KMS"}, {"deletion_date", nullptr}, {"rotation_enabled", good},
            {"policy", policy_doc(rng)}, {"aliases", json::array({"alias/app"})}};
  if (type == "AWS::Lambda::Function")
    return {{"runtime", good ? "python3.12" : "python3.7"}, {"package_type", "Zip"},
            {"env_var_names", json::array({"DB_HOST", good ? "REGION" : "DB_PASSWORD"})},
            {"policy", good ? json(nullptr) : policy_doc(rng)},
            {"function_urls", good ? json::array() : json::array({{{"url", "https://x.lambda-url"}, {"auth_type", "NONE"},
                                                                    {"qualifier", nullptr}}})}};
  if (type == "AWS::Logs::LogGroup")
    return {{"name", "/aws/lambda/f" + std::to_string(i)}, {"retention_in_days", good ? json(365) : json(nullptr)},
            {"kms_key_id", good ? json("arn:aws:kms:us-east-1:111122223333:key/k") : json(nullptr)},
            {"stored_bytes", 1024}};
  if (type == "AWS::RDS::DBInstance")
    return {{"engine", "postgres"}, {"storage_encrypted", good}, {"auto_minor_version_upgrade", good},
            {"publicly_accessible", !good}, {"backup_retention_period", good ? 7 : 0}, {"multi_az", good},
            {"deletion_protection", good}, {"iam_auth", good}, {"cluster", nullptr}};
  if (type == "AWS::RDS::DBCluster")
    return {{"engine", "aurora-postgresql"}, {"storage_encrypted", good}, {"multi_az", good},
            {"deletion_protection", good}, {"backup_retention_period", 7}, {"iam_auth", good}};
  if (type == "AWS::RDS::DBSnapshot" || type == "AWS::RDS::DBClusterSnapshot")
    return {{"encrypted", good}, {"snapshot_type", "manual"}, {"public", !good}, {"shared_accounts", json::array()}};
  if (type == "AWS::DynamoDB::Table")
    return {{"sse_type", good ? json("KMS") : json(nullptr)}, {"kms_key_arn", nullptr},
            {"deletion_protection", good}, {"pitr_status", good ? "ENABLED" : "DISABLED"}};
  if (type == "AWS::SNS::Topic")
    return {{"name", "t"}, {"policy", policy_doc(rng)}, {"kms_master_key_id", good ? json("alias/aws/sns") : json(nullptr)},
            {"confirmed_subscriptions", 1}, {"subscriptions", json::array({{{"protocol", "email"}, {"arn", "arn:x"}}})}};
  if (type == "AWS::SQS::Queue")
    return {{"url", "https://sqs.us-east-1.amazonaws.com/111122223333/q"}, {"name", "q"}, {"policy", policy_doc(rng)},
            {"kms_master_key_id", nullptr}, {"sqs_managed_sse_enabled", good}};
  if (type == "AWS::SecretsManager::Secret")
    return {{"name", "s"}, {"rotation_enabled", good}, {"rotation_days", good ? json(30) : json(nullptr)},
            {"last_rotated_date", good ? json("2026-11-01T00:00:00Z") : json(nullptr)},
            {"last_accessed_date", "2026-11-20T00:00:00Z"}, {"created_date", "2025-01-01T00:00:00Z"}};
  if (type == "AWS::EFS::FileSystem")
    return {{"encrypted", good}, {"kms_key_id", nullptr}, {"policy", nullptr}, {"backup_status", good ? "ENABLED" : "DISABLED"}};
  if (type == "AWS::ECR::Repository")
    return {{"scan_on_push", good}, {"tag_mutability", good ? "IMMUTABLE" : "MUTABLE"}, {"encryption_type", "AES256"},
            {"kms_key", nullptr}, {"policy", good ? json(nullptr) : policy_doc(rng)}, {"lifecycle_policy", good}};
  if (type == "AWS::EKS::Cluster")
    return {{"version", good ? "1.31" : "1.24"}, {"endpoint_public_access", !good}, {"endpoint_private_access", true},
            {"public_access_cidrs", json::array({"0.0.0.0/0"})},
            {"logging_enabled_types", good ? json::array({"api", "audit", "authenticator"}) : json::array()},
            {"secrets_encrypted", good}, {"encryption_key_arn", nullptr}};
  if (type == "AWS::CertificateManager::Certificate")
    return {{"domain_name", "example.com"}, {"status", "ISSUED"}, {"type", "AMAZON_ISSUED"},
            {"key_algorithm", good ? "RSA-2048" : "RSA-1024"}, {"not_after", "2027-01-01T00:00:00Z"},
            {"in_use_by", json::array()}, {"renewal_eligibility", "ELIGIBLE"}};
  return json::object();
}

// One synthetic resource; every 16th has its props missing (denied calls).
Resource make_resource(const std::string& type, std::mt19937& rng, int i) {
  Resource r;
  r.type = type;
  r.account = kAccount;
  r.region = kRegions[i % kRegions.size()];
  r.id = "res-" + std::to_string(i);
  r.name = r.id;
  r.arn = "arn:aws:bench:" + r.region + ":" + kAccount + ":" + type + "/" + r.id;
  r.props = props_for(type, rng, i);
  if (i % 16 == 0) {
    // Take a property away, with the reason a denied call would leave.
    if (!r.props.empty()) {
      std::string key = r.props.begin().key();
      r.props.erase(key);
      r.missing[key] = "bench:Get" + key + " denied (AccessDenied)";
    }
  }
  return r;
}

// This thread's CPU time: on a shared machine the wall clock also counts the
// time other processes held the core.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  long total = 1000000;
  unsigned seed = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--resources" && i + 1 < argc) total = std::atol(argv[++i]);
    else if (a == "--seed" && i + 1 < argc) seed = unsigned(std::atol(argv[++i]));
    else {
      std::fprintf(stderr, "usage: %s [--resources N] [--seed S]\n", argv[0]);
      return 2;
    }
  }

  // Checks grouped by the resource type they evaluate.
  std::map<std::string, std::vector<const checks::Check*>> by_type;
  for (const auto* c : checks::all_checks()) by_type[c->meta.resource_type].push_back(c);
  if (by_type.empty()) {
    std::fprintf(stderr, "no checks registered\n");
    return 1;
  }
  std::vector<std::string> types;
  for (const auto& [t, _] : by_type) types.push_back(t);
  size_t known = 0;
  {
    std::mt19937 probe(0);
    for (const auto& t : types) known += !props_for(t, probe, 1).empty();
  }

  // Context: a few resources of every type, every region scanned.
  std::mt19937 rng(seed);
  Inventory context;
  context.account = kAccount;
  for (const auto& r : kRegions) context.regions.push_back({r, "opt-in-not-required", true});
  for (const auto& t : types)
    for (int k = 1; k <= 4; ++k) context.add(make_resource(t, rng, k));

  const long batch = 50000;
  long generated = 0, evaluations = 0;
  long by_status[4] = {0, 0, 0, 0};
  long not_applicable = 0;
  size_t detail_bytes = 0;
  double eval_seconds = 0, eval_cpu = 0;
  std::vector<Resource> resources;
  resources.reserve(batch);
  while (generated < total) {
    resources.clear();
    long n = std::min(batch, total - generated);
    for (long k = 0; k < n; ++k) {
      long i = generated + k;
      resources.push_back(make_resource(types[i % types.size()], rng, int(i / types.size())));
    }
    generated += n;
    auto t0 = std::chrono::steady_clock::now();
    double c0 = thread_cpu_seconds();
    for (const auto& r : resources) {
      for (const auto* c : by_type[r.type]) {
        auto f = checks::evaluate_one(*c, r, context);
        ++evaluations;
        if (!f) {
          ++not_applicable;
          continue;
        }
        ++by_status[int(f->status)];
        detail_bytes += f->detail.size();
      }
    }
    eval_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    eval_cpu += thread_cpu_seconds() - c0;
  }

  double rate = evaluations / eval_seconds, cpu_rate = evaluations / eval_cpu;
  std::printf("checks:               %zu over %zu resource types (%zu with synthetic props, others empty props)\n",
              checks::all_checks().size(), types.size(), known);
  std::printf("resources:            %ld\n", generated);
  std::printf("evaluations:          %ld (PASS %ld, FAIL %ld, NOT_ASSESSED %ld, not applicable %ld)\n", evaluations,
              by_status[0], by_status[1], by_status[2], not_applicable);
  std::printf("wall time:            %.3f s (evaluation only, single thread; CPU time %.3f s)\n", eval_seconds,
              eval_cpu);
  std::printf("evaluations/second:   %.0f wall, %.0f per CPU-second\n", rate, cpu_rate);
  std::printf("ratio to 1M/s/core:   %.2fx wall, %.2fx per CPU-second\n", rate / 1e6, cpu_rate / 1e6);
  if (detail_bytes == 0) std::printf("(no details)\n");
  return 0;
}
