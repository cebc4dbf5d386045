// DMS endpoints of database engines connect with SSL (Security Hub DMS.9).
// Endpoints of AWS services reached over their HTTPS APIs (S3, DynamoDB,
// Kinesis, OpenSearch, ...) have no SslMode to judge; Redis and Neptune
// endpoints have their own settings (DMS.12, DMS.10).
#include <set>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

// Engines whose endpoints take an SslMode (AWS DMS user guide, "Using SSL with AWS DMS").
const std::set<std::string> kSslEngines = {
    "mysql",   "mariadb",   "aurora", "aurora-postgresql", "postgres",  "oracle",   "sqlserver",
    "sybase",  "mongodb",   "docdb",  "db2",               "db2-zos",   "redshift", "redshift-serverless",
    "azuredb", "azure-sql-managed-instance", "babelfish"};

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* engine = require_prop(r, "engine", &why);
  if (!engine) return not_assessed(why);
  const json* mode = require_prop(r, "ssl_mode", &why);
  if (!mode) return not_assessed(why);
  const std::string e = engine->is_string() ? engine->get<std::string>() : "";
  const std::string m = mode->is_string() ? mode->get<std::string>() : "";
  if (!kSslEngines.count(e))
    return pass("endpoint " + r.name + " (" + e + ") takes no SSL mode: AWS services are reached over HTTPS, and Redis, "
                "Kafka and Neptune endpoints have settings of their own (judged by their checks)");
  if (m.empty() || m == "none") return fail("endpoint " + r.name + " (" + e + ") connects without SSL (SslMode none)");
  return pass("endpoint " + r.name + " (" + e + ") connects with SSL (" + m + ")");
}

const RegisterCheck reg({
    .meta = {.id = "dms_endpoint_ssl_enabled",
             .title = "DMS endpoints should use an SSL connection",
             .severity = Severity::kMedium,
             .service = "dms",
             .resource_type = "AWS::DMS::Endpoint",
             .description = "Checks that each endpoint of a database engine has an SslMode other than none "
                            "(DescribeEndpoints).",
             .risk = "Without SSL the data being migrated, and the database credentials, cross the network in clear "
                     "text.",
             .remediation = {.text = "Set the endpoint's SSL mode to verify-full (or require) with the server's CA "
                                     "certificate imported into DMS.",
                             .cli = "aws dms modify-endpoint --endpoint-arn <arn> --ssl-mode verify-full --certificate-arn <certificate-arn>",
                             .terraform = "resource \"aws_dms_endpoint\" \"this\" {\n  # ...\n  ssl_mode        = \"verify-full\"\n  certificate_arn = aws_dms_certificate.ca.certificate_arn\n}"},
             .references = {"https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"engine", "ssl_mode"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
