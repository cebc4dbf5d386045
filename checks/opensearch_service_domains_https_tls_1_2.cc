// OpenSearch domains require HTTPS with TLS 1.2 or later (FSBP Opensearch.8, ES.8).
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* https = require_prop(r, "enforce_https", &why);
  if (!https) return not_assessed(why);
  if (!has_prop(r, "tls_policy", &why)) return not_assessed(why);
  const json* policy = r.prop("tls_policy");
  const std::string p = policy && policy->is_string() ? policy->get<std::string>() : "";
  if (!https->is_boolean() || !https->get<bool>())
    return fail("domain " + r.name + " accepts plain HTTP (EnforceHTTPS false)");
  // Policy-Min-TLS-1-2-2019-07, Policy-Min-TLS-1-2-PFS-2023-10 and later minimums.
  if (p.rfind("Policy-Min-TLS-1-2", 0) == 0 || p.rfind("Policy-Min-TLS-1-3", 0) == 0)
    return pass("domain " + r.name + " requires HTTPS with " + p);
  return fail("domain " + r.name + " accepts TLS versions older than 1.2 (" + (p.empty() ? "no TLS policy" : p) + ")");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_https_tls_1_2",
             .title = "Connections to OpenSearch domains should be encrypted using TLS 1.2",
             .severity = Severity::kMedium,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that DomainEndpointOptions.EnforceHTTPS is true and the TLSSecurityPolicy's minimum "
                            "is TLS 1.2 (Policy-Min-TLS-1-2-*).",
             .risk = "Plain HTTP, or TLS 1.0 and 1.1 with their known weaknesses, lets credentials and data be read "
                     "or altered in transit.",
             .remediation = {.text = "Require HTTPS with the TLS 1.2 (or TLS 1.2 with perfect forward secrecy) policy.",
                             .cli = "aws opensearch update-domain-config --domain-name <domain> --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10",
                             .terraform = "resource \"aws_opensearch_domain\" \"this\" {\n  # ...\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = \"Policy-Min-TLS-1-2-PFS-2023-10\"\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html",
                            opensearch::kReference},
             .cis = {},
             .fsbp = {"Opensearch.8", "ES.8"}},
    .reads = {"enforce_https", "tls_policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
