// OpenSearch domains run the latest service software (Security Hub
// Opensearch.10).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* update = require_prop(r, "update_available", &why);
  if (!update) return not_assessed(why);
  if (update->is_boolean() && update->get<bool>())
    return fail("domain " + r.name + " has a service software update waiting (UpdateAvailable)");
  return pass("domain " + r.name + " runs the latest service software");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_updated_to_the_latest_service_software_version",
             .title = "OpenSearch domains should have the latest software update installed",
             .severity = Severity::kLow,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that ServiceSoftwareOptions.UpdateAvailable is false on each domain "
                            "(DescribeDomains).",
             .risk = "A pending service software update often carries security fixes; a domain that keeps "
                     "deferring it stays exposed to what they fix.",
             .remediation = {.text = "Start the service software update (it is applied blue/green, without downtime).",
                             .cli = "aws opensearch start-service-software-update --domain-name <domain>",
                             .terraform = "# Service software updates are started with the CLI or console; enable auto-tune / off-peak window updates:\nresource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  software_update_options {\n    auto_software_update_enabled = true\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/service-software.html",
                            opensearch::kReference},
             .cis = {},
             .fsbp = {}},
    .reads = {"update_available"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
