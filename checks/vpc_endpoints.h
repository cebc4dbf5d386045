// Whether a VPC has an interface endpoint for an AWS service (FSBP EC2.10,
// EC2.55-58 and EC2.60, AWS Config's vpc-endpoint-enabled with a service
// name): an endpoint of the account in the VPC's region whose ServiceName is
// com.amazonaws.<region>.<service>. Endpoints not listed in the region make
// the answer NOT_ASSESSED, never a FAIL on what was seen.
#pragma once

#include <string>

#include "checks/check.h"

namespace cloudpeek::checks::vpc_endpoints {

constexpr const char* kEndpoint = "AWS::EC2::VPCEndpoint";

// `service` as it ends a service name ("ec2", "ecr.api", "ssm-contacts");
// `label` names it in the detail ("the EC2 API").
inline CheckResult has_endpoint(const Resource& vpc, const Inventory& inv, const std::string& service,
                                const std::string& label) {
  if (auto gap = inv.gap(kEndpoint, vpc.region)) return not_assessed(*gap);
  const std::string name = "com.amazonaws." + vpc.region + "." + service;
  const std::string suffix = "." + vpc.region + "." + service;  // other partitions prefix it differently
  for (const auto& e : inv.of_type(kEndpoint)) {
    if (e.region != vpc.region || e.account != vpc.account) continue;
    const json* id = e.prop("vpc_id");
    const json* svc = e.prop("service_name");
    if (!id || *id != vpc.id || !svc || !svc->is_string()) continue;
    if (!svc->get<std::string>().ends_with(suffix)) continue;
    const json* state = e.prop("state");
    return pass("VPC " + vpc.id + " has an endpoint for " + label + ", " + e.id + " (" + svc->get<std::string>() +
                ", " + (state && state->is_string() ? state->get<std::string>() : std::string("state unknown")) + ")");
  }
  return fail("VPC " + vpc.id + " has no interface endpoint for " + label + " (" + name + "): its workloads reach " +
              label + " over the internet or a NAT gateway");
}

}  // namespace cloudpeek::checks::vpc_endpoints
