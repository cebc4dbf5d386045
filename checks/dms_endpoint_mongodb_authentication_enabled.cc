// DMS endpoints for MongoDB authenticate (Security Hub DMS.11).
#include "checks/check.h"
#include "checks/dms_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* engine = require_prop(r, "engine", &why);
  if (!engine) return not_assessed(why);
  if (*engine != "mongodb") return not_applicable("endpoint " + r.name + " is not a MongoDB endpoint");
  const json* auth = require_prop(r, "mongodb_auth_type", &why);
  if (!auth) return not_assessed(why);
  if (*auth == "no") return fail("MongoDB endpoint " + r.name + " connects without authentication (AuthType no)");
  return pass("MongoDB endpoint " + r.name + " authenticates with a password");
}

const RegisterCheck reg({
    .meta = {.id = "dms_endpoint_mongodb_authentication_enabled",
             .title = "DMS endpoints for MongoDB should have an authentication mechanism enabled",
             .severity = Severity::kMedium,
             .service = "dms",
             .resource_type = "AWS::DMS::Endpoint",
             .description = "Checks that MongoDbSettings.AuthType is not no on each MongoDB endpoint (DescribeEndpoints; Security Hub DMS.11). Other engines get no finding.",
             .risk = "An endpoint without authentication means the MongoDB source accepts unauthenticated connections.",
             .remediation = {.text = "Set the endpoint's authentication type to password (with a user that may read the source).",
                             .cli = "aws dms modify-endpoint --endpoint-arn <arn> --mongo-db-settings AuthType=password,AuthMechanism=scram_sha_1,AuthSource=admin --username <user> --password <password>",
                             .terraform = "resource \"aws_dms_endpoint\" \"mongodb\" {\n  # ...\n  engine_name = \"mongodb\"\n  mongodb_settings {\n    auth_type      = \"password\"\n    auth_mechanism = \"scram_sha_1\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MongoDB.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"engine", "mongodb_auth_type"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
