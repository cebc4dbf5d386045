// SageMaker models run their containers with network isolation.
#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  std::string why;
  const json* isolated = require_prop(r, "network_isolation", &why);
  if (!isolated) return not_assessed(why);
  if (isolated->is_boolean() && isolated->get<bool>()) return pass("model " + r.name + " has network isolation enabled");
  return fail("model " + r.name + " lets its containers make outbound network calls (EnableNetworkIsolation false)");
}

const RegisterCheck reg({
    .meta = {.id = "sagemaker_models_network_isolation_enabled",
             .title = "SageMaker models should have network isolation enabled",
             .severity = Severity::kMedium,
             .service = "sagemaker",
             .resource_type = "AWS::SageMaker::Model",
             .description = "DescribeModel's EnableNetworkIsolation is true: the model's containers can make no inbound or outbound network call.",
             .risk = "A compromised or malicious inference container (a third-party image, a poisoned model) can send the data it is given and the model to any host.",
             .remediation = {.text = "Create the model again with network isolation enabled and point its endpoint configurations to it.",
                             .cli = "aws sagemaker create-model --model-name <name>-isolated --execution-role-arn <role-arn> --primary-container Image=<image>,ModelDataUrl=<s3-uri> --enable-network-isolation",
                             .terraform = "resource \"aws_sagemaker_model\" \"this\" {\n  name                     = \"churn\"\n  execution_role_arn       = aws_iam_role.model.arn\n  enable_network_isolation = true\n  primary_container {\n    image = \"<account>.dkr.ecr.<region>.amazonaws.com/churn:latest\"\n  }\n  vpc_config {\n    subnets            = [aws_subnet.a.id, aws_subnet.b.id]\n    security_group_ids = [aws_security_group.model.id]\n  }\n}"},
             .references = {"https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html",
                            "https://docs.aws.amazon.com/config/latest/developerguide/sagemaker-model-isolation-enabled.html"},
             .cis = {},
             .fsbp = {}},
    .reads = {"network_isolation"},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
