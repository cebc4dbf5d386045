#include "aws/endpoints/service_names.h"

#include <array>
#include <cctype>

namespace cloudpeek {

namespace {

struct Exception {
  std::string_view prefix;
  std::array<std::string_view, 3> env_ids;  // empty entries unused
  std::string_view signing_name;            // empty: the prefix
};

// Only the services whose serviceId or signing name is not their endpoint
// prefix; for every other service the prefix upper-cased is the serviceId
// (ec2 → EC2, guardduty → GUARDDUTY). Checked against the AWS SDKs and tools
// reference guide, "Identifiers for service-specific endpoints".
constexpr Exception kExceptions[] = {
    {"portal.sso", {"SSO"}, "awsssoportal"},
    {"oidc", {"SSO_OIDC"}, "sso-oauth"},
    {"sso", {"SSO_ADMIN"}, ""},
    {"route53", {"ROUTE_53"}, ""},
    {"route53domains", {"ROUTE_53_DOMAINS"}, ""},
    {"logs", {"CLOUDWATCH_LOGS"}, ""},
    {"monitoring", {"CLOUDWATCH"}, ""},
    {"config", {"CONFIG_SERVICE"}, ""},
    {"elasticloadbalancing", {"ELASTIC_LOAD_BALANCING_V2", "ELASTIC_LOAD_BALANCING"}, ""},
    {"secretsmanager", {"SECRETS_MANAGER"}, ""},
    {"elasticfilesystem", {"EFS"}, ""},
    {"elasticmapreduce", {"EMR"}, ""},
    {"states", {"SFN"}, ""},
    {"events", {"EVENTBRIDGE"}, ""},
    {"cognito-idp", {"COGNITO_IDENTITY_PROVIDER"}, ""},
    {"globalaccelerator", {"GLOBAL_ACCELERATOR"}, ""},
    {"autoscaling", {"AUTO_SCALING"}, ""},
    {"application-autoscaling", {"APPLICATION_AUTO_SCALING"}, ""},
    {"apigateway", {"API_GATEWAY"}, ""},
    {"es", {"OPENSEARCH", "ELASTICSEARCH_SERVICE"}, ""},
    {"dms", {"DATABASE_MIGRATION_SERVICE"}, ""},
    {"ds", {"DIRECTORY_SERVICE"}, ""},
    {"elasticbeanstalk", {"ELASTIC_BEANSTALK"}, ""},
    {"servicequotas", {"SERVICE_QUOTAS"}, ""},
    {"ce", {"COST_EXPLORER"}, ""},
    {"api.sagemaker", {"SAGEMAKER"}, "sagemaker"},
    {"api.ecr", {"ECR"}, "ecr"},
    {"access-analyzer", {"ACCESSANALYZER"}, ""},
    {"rds", {"RDS", "DOCDB", "NEPTUNE"}, ""},
    {"streams.dynamodb", {"DYNAMODB_STREAMS"}, "dynamodb"},
    {"email", {"SESV2", "SES"}, "ses"},
    {"directconnect", {"DIRECT_CONNECT"}, ""},
    {"tagging", {"RESOURCE_GROUPS_TAGGING_API"}, ""},
    {"cloudhsmv2", {"CLOUDHSM_V2"}, "cloudhsm"},
    {"s3-control", {"S3_CONTROL"}, "s3"},
    {"appstream2", {"APPSTREAM"}, "appstream"},
    {"storagegateway", {"STORAGE_GATEWAY"}, ""},
};

std::string upper_snake(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(std::isalnum(static_cast<unsigned char>(c)) ? char(std::toupper(c)) : '_');
  return out;
}

}  // namespace

ServiceNames service_names(std::string_view prefix) {
  for (const Exception& e : kExceptions) {
    if (e.prefix != prefix) continue;
    ServiceNames names;
    for (std::string_view id : e.env_ids)
      if (!id.empty()) names.env_ids.emplace_back(id);
    names.signing_name = e.signing_name.empty() ? std::string(prefix) : std::string(e.signing_name);
    return names;
  }
  return {{upper_snake(prefix)}, std::string(prefix)};
}

}  // namespace cloudpeek
