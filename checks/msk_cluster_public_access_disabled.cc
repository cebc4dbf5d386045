// MSK brokers are not reachable from the internet (Security Hub MSK.4).
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* access = require_prop(r, "public_access", &why);
  if (!access) return not_assessed(why);
  const std::string type = access->is_string() ? access->get<std::string>() : "";
  if (type == "DISABLED") return pass("cluster " + r.name + " is reachable from its VPC only");
  return fail("cluster " + r.name + " brokers are reachable from the internet (PublicAccess " + type + ")");
}

const RegisterCheck reg({
    .meta = {.id = "msk_cluster_public_access_disabled",
             .title = "MSK clusters should have public access disabled",
             .severity = Severity::kHigh,
             .service = "kafka",
             .resource_type = "AWS::MSK::Cluster",
             .description = "Checks that BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type is DISABLED (Security Hub MSK.4). Serverless clusters are private.",
             .risk = "Public brokers can be reached from the internet wherever their security groups allow, exposing Kafka to attack and data theft.",
             .remediation = {.text = "Turn off public access to the brokers.",
                             .cli = "aws kafka update-connectivity --cluster-arn <arn> --current-version <version> --connectivity-info 'PublicAccess={Type=DISABLED}'",
                             .terraform = "resource \"aws_msk_cluster\" \"this\" {\n  # ...\n  broker_node_group_info {\n    # ...\n    connectivity_info {\n      public_access {\n        type = \"DISABLED\"\n      }\n    }\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"public_access"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
