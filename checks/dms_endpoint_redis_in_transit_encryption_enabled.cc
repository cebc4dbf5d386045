// DMS endpoints for Redis use TLS (Security Hub DMS.12).
#include "checks/check.h"
#include "checks/dms_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* engine = require_prop(r, "engine", &why);
  if (!engine) return not_assessed(why);
  if (*engine != "redis") return not_applicable("endpoint " + r.name + " is not a Redis endpoint");
  const json* ssl = require_prop(r, "redis_ssl_protocol", &why);
  if (!ssl) return not_assessed(why);
  if (*ssl == "plaintext") return fail("Redis endpoint " + r.name + " connects in plaintext (SslSecurityProtocol plaintext)");
  return pass("Redis endpoint " + r.name + " connects with TLS");
}

const RegisterCheck reg({
    .meta = {.id = "dms_endpoint_redis_in_transit_encryption_enabled",
             .title = "DMS endpoints for Redis should have TLS enabled",
             .severity = Severity::kMedium,
             .service = "dms",
             .resource_type = "AWS::DMS::Endpoint",
             .description = "Checks that RedisSettings.SslSecurityProtocol is not plaintext on each Redis endpoint (DescribeEndpoints; Security Hub DMS.12). Other engines get no finding.",
             .risk = "Data migrated to Redis in plaintext can be read or altered by anyone on the network path.",
             .remediation = {.text = "Set the endpoint's SSL security protocol to ssl-encryption.",
                             .cli = "aws dms modify-endpoint --endpoint-arn <arn> --redis-settings SslSecurityProtocol=ssl-encryption,ServerName=<host>,Port=6379",
                             .terraform = "resource \"aws_dms_endpoint\" \"redis\" {\n  # ...\n  engine_name = \"redis\"\n  redis_settings {\n    ssl_security_protocol = \"ssl-encryption\"\n    server_name           = \"redis.example.internal\"\n    port                  = 6379\n    auth_type             = \"auth-token\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Target.Redis.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"engine", "redis_ssl_protocol"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
