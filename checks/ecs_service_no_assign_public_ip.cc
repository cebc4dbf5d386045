// ECS services do not give their tasks public IP addresses.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  if (!has_prop(r, "assign_public_ip", &why)) return not_assessed(why);
  const json* v = r.prop("assign_public_ip");
  if (!v) return pass("service " + r.name + " has no awsvpc network configuration: ECS assigns its tasks no public IP");
  if (*v == "ENABLED") return fail("service " + r.name + " assigns public IP addresses to its tasks");
  return pass("service " + r.name + " does not assign public IP addresses");
}

const RegisterCheck reg({
    .meta = {.id = "ecs_service_no_assign_public_ip",
             .title = "ECS services should not have public IP addresses assigned to them automatically",
             .severity = Severity::kHigh,
             .service = "ecs",
             .resource_type = "AWS::ECS::Service",
             .description = "The service's awsvpc network configuration has assignPublicIp DISABLED (services "
                            "without an awsvpc configuration get no public IP from ECS and pass).",
             .risk = "A task with a public IP is reachable from the internet on every port its security groups "
                     "allow, bypassing the load balancer and its protections.",
             .remediation = {.text = "Run the tasks in private subnets with a NAT gateway or VPC endpoints for "
                                     "outbound traffic, and set assignPublicIp to DISABLED.",
                             .cli = "aws ecs update-service --cluster <cluster> --service <service> --network-configuration 'awsvpcConfiguration={subnets=[<subnet>],securityGroups=[<sg>],assignPublicIp=DISABLED}'",
                             .terraform = "resource \"aws_ecs_service\" \"this\" {\n  # ...\n  network_configuration {\n    subnets          = var.private_subnet_ids\n    security_groups  = [aws_security_group.app.id]\n    assign_public_ip = false\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html",
                            "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2"},
             .cis = {},
             .fsbp = {"ECS.2"}},
    .reads = {"assign_public_ip"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
