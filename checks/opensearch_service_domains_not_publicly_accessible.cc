// OpenSearch domains outside a VPC do not let everyone in through their access
// policy. A statement for "*" counts as restricted when it pins the source to
// IP ranges (aws:SourceIp, other than 0.0.0.0/0 or ::/0), accounts,
// organizations or ARNs.
#include "checks/app_policy.h"
#include "checks/check.h"
#include "checks/opensearch_util.h"

namespace cloudpeek::checks {
namespace {

bool open_range(const json& v) {
  if (v.is_string()) return v == "*" || v == "0.0.0.0/0" || v == "::/0";
  if (v.is_array())
    for (const auto& x : v)
      if (open_range(x)) return true;
  return false;
}

// The statement's Condition pins aws:SourceIp to ranges that are not the whole internet.
bool restricted_to_ip_ranges(const json& statement) {
  const json condition = statement.value("Condition", json::object());
  if (!condition.is_object()) return false;
  for (const auto& [op, block] : condition.items()) {
    const std::string o = app_policy::lower(op);
    if (!block.is_object() || o.find("ifexists") != std::string::npos || o.rfind("not", 0) == 0) continue;
    if (o.find("ipaddress") == std::string::npos) continue;
    for (const auto& [key, value] : block.items())
      if (app_policy::lower(key) == "aws:sourceip" && !open_range(value)) return true;
  }
  return false;
}

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* vpc = require_prop(r, "in_vpc", &why);
  if (!vpc) return not_assessed(why);
  if (vpc->is_boolean() && vpc->get<bool>())
    return pass("domain " + r.name + " is in a VPC: its endpoint is not reachable from the internet");
  if (!has_prop(r, "access_policy", &why)) return not_assessed(why);
  const json* policy = r.prop("access_policy");
  if (!policy || policy->is_null())
    return pass("domain " + r.name + " has no access policy: only signed requests of the account's principals get in");
  json kept = *policy;
  if (kept.contains("Statement")) {
    json statements = kept["Statement"].is_array() ? kept["Statement"] : json::array({kept["Statement"]});
    json open = json::array();
    for (const auto& s : statements)
      if (!restricted_to_ip_ranges(s)) open.push_back(s);
    kept["Statement"] = std::move(open);
  }
  if (auto sid = app_policy::public_statement(kept))
    return fail("domain " + r.name + " has a public endpoint and access policy statement " + *sid +
                " lets any principal (\"*\") in without an IP, account or organization condition");
  return pass("domain " + r.name + " access policy admits only named principals or restricted sources");
}

const RegisterCheck reg({
    .meta = {.id = "opensearch_service_domains_not_publicly_accessible",
             .title = "OpenSearch domains should not be publicly accessible",
             .severity = Severity::kCritical,
             .service = "opensearch",
             .resource_type = "AWS::OpenSearch::Domain",
             .description = "Checks that a domain with a public endpoint has no access policy statement allowing "
                            "every principal (\"*\") unless a condition limits the source IP ranges (other than "
                            "0.0.0.0/0), accounts or organization. Domains in a VPC pass.",
             .risk = "Anyone on the internet can read, change or delete every index of such a domain, with no "
                     "credentials: a frequent source of data breaches.",
             .remediation = {.text = "Replace the open statement with named IAM principals (or an IP allow-list), "
                                     "or move the domain into a VPC.",
                             .cli = "aws opensearch update-domain-config --domain-name <domain> --access-policies file://policy.json",
                             .terraform = "resource \"aws_opensearch_domain_policy\" \"this\" {\n  domain_name     = aws_opensearch_domain.this.domain_name\n  access_policies = data.aws_iam_policy_document.named_principals.json\n}"},
             .references = {"https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html",
                            opensearch::kReference},
             .cis = {},
             .fsbp = {}},
    .reads = {"in_vpc", "access_policy"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
