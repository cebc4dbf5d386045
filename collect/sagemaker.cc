// Amazon SageMaker (regional): notebook instances, endpoint configurations, models and training jobs.
//
// Calls (issue 13): ListNotebookInstances, ListEndpointConfigs, ListModels,
// ListTrainingJobs per region (botocore paginators); their summaries carry
// names and ARNs only, and there is no bulk describe, so per own resource
// DescribeNotebookInstance (internet access, subnet, root access, volume key),
// DescribeEndpointConfig (key, production variants), DescribeModel (network
// isolation, VPC) and DescribeTrainingJob (traffic encryption, isolation,
// keys, VPC), each only when a selected check reads what it returns.
// Resources whose ARN names another account are skipped. A model's container
// environment and a training job's environment and hyperparameters can hold
// secrets: nothing of DescribeModel or DescribeTrainingJob is kept but the
// props below.
//
// AWS::SageMaker::NotebookInstance  arn = NotebookInstanceArn, id = name = NotebookInstanceName
//   props.direct_internet_access  "Enabled"/"Disabled"      props.subnet_id   string|null
//   props.root_access             "Enabled"/"Disabled"      props.kms_key_id  string|null
//                                 (all missing when DescribeNotebookInstance failed)
// AWS::SageMaker::EndpointConfig    arn = EndpointConfigArn, id = name = EndpointConfigName
//   props.kms_key_id  string|null
//   props.variants    [{name, instance_count (number|null), serverless (bool)}]
//                                 (both missing when DescribeEndpointConfig failed)
// AWS::SageMaker::Model             arn = ModelArn, id = name = ModelName
//   props.network_isolation  bool (EnableNetworkIsolation, false when absent)
//   props.vpc_subnets        number of subnets of its VpcConfig (0 without one)
//                                 (both missing when DescribeModel failed)
// AWS::SageMaker::TrainingJob       arn = TrainingJobArn, id = name = TrainingJobName
//   props.intercontainer_encryption  bool (EnableInterContainerTrafficEncryption, false when absent)
//   props.network_isolation          bool (EnableNetworkIsolation, false when absent)
//   props.volume_kms_key_id          string|null (ResourceConfig.VolumeKmsKeyId)
//   props.output_kms_key_id          string|null (OutputDataConfig.KmsKeyId)
//   props.vpc_subnets                number of subnets of its VpcConfig (0 without one)
//                                 (all missing when DescribeTrainingJob failed)
#include <string>
#include <vector>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "sagemaker";
constexpr const char* kNotebook = "AWS::SageMaker::NotebookInstance";
constexpr const char* kEndpointConfig = "AWS::SageMaker::EndpointConfig";
constexpr const char* kModel = "AWS::SageMaker::Model";
constexpr const char* kTrainingJob = "AWS::SageMaker::TrainingJob";

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

json str_or_null(const json& o, const char* key) {
  return o.contains(key) && o[key].is_string() ? o[key] : json(nullptr);
}

struct Kind {
  const char* type;
  const char* list_op;
  const char* list_key;
  const char* name_key;
  const char* arn_key;
  const char* describe_op;
  const char* describe_param;
  std::vector<std::string> props;
  void (*fill)(Resource&, const json&);
};

void fill_notebook(Resource& r, const json& d) {
  r.props["direct_internet_access"] = d.value("DirectInternetAccess", std::string("Enabled"));
  r.props["subnet_id"] = str_or_null(d, "SubnetId");
  r.props["root_access"] = d.value("RootAccess", std::string("Enabled"));
  r.props["kms_key_id"] = str_or_null(d, "KmsKeyId");
  r.raw = d;
}

void fill_endpoint_config(Resource& r, const json& d) {
  r.props["kms_key_id"] = str_or_null(d, "KmsKeyId");
  json variants = json::array();
  for (const auto& v : d.value("ProductionVariants", json::array()))
    variants.push_back({{"name", v.value("VariantName", "")},
                        {"instance_count", v.contains("InitialInstanceCount") ? v["InitialInstanceCount"] : json(nullptr)},
                        {"serverless", v.contains("ServerlessConfig")}});
  r.props["variants"] = std::move(variants);
  r.raw = d;
}

void fill_model(Resource& r, const json& d) {
  r.props["network_isolation"] = d.value("EnableNetworkIsolation", false);
  r.props["vpc_subnets"] = d.value("VpcConfig", json::object()).value("Subnets", json::array()).size();
  // raw stays the listing's summary: the containers' Environment may hold secrets.
}

void fill_training_job(Resource& r, const json& d) {
  r.props["intercontainer_encryption"] = d.value("EnableInterContainerTrafficEncryption", false);
  r.props["network_isolation"] = d.value("EnableNetworkIsolation", false);
  r.props["volume_kms_key_id"] = str_or_null(d.value("ResourceConfig", json::object()), "VolumeKmsKeyId");
  r.props["output_kms_key_id"] = str_or_null(d.value("OutputDataConfig", json::object()), "KmsKeyId");
  r.props["vpc_subnets"] = d.value("VpcConfig", json::object()).value("Subnets", json::array()).size();
  // raw stays the listing's summary: Environment and HyperParameters may hold secrets.
}

const Kind kKinds[] = {
    {kNotebook, "ListNotebookInstances", "NotebookInstances", "NotebookInstanceName", "NotebookInstanceArn",
     "DescribeNotebookInstance", "NotebookInstanceName",
     {"direct_internet_access", "subnet_id", "root_access", "kms_key_id"}, fill_notebook},
    {kEndpointConfig, "ListEndpointConfigs", "EndpointConfigs", "EndpointConfigName", "EndpointConfigArn",
     "DescribeEndpointConfig", "EndpointConfigName", {"kms_key_id", "variants"}, fill_endpoint_config},
    {kModel, "ListModels", "Models", "ModelName", "ModelArn", "DescribeModel", "ModelName",
     {"network_isolation", "vpc_subnets"}, fill_model},
    {kTrainingJob, "ListTrainingJobs", "TrainingJobSummaries", "TrainingJobName", "TrainingJobArn",
     "DescribeTrainingJob", "TrainingJobName",
     {"intercontainer_encryption", "network_isolation", "volume_kms_key_id", "output_kms_key_id", "vpc_subnets"},
     fill_training_job},
};

void describe(CollectContext& ctx, const Kind& k, Resource r) {
  auto out = ctx.call(kSvc, k.describe_op, json{{k.describe_param, r.id}}, r.region);
  if (!out) {
    for (const auto& p : k.props) record_missing(ctx, r, p, out.error(), kSvc, k.describe_op);
  } else {
    k.fill(r, *out);
  }
  ctx.emit(std::move(r));
}

void list(CollectContext& ctx, const Kind& k, const std::string& region) {
  bool needed = false;
  for (const auto& p : k.props) needed = needed || ctx.needs(k.type, p);
  Status listed = for_each_page(ctx, kSvc, k.list_op, json::object(), region, [&](json& page) {
    for (auto& item : page[k.list_key]) {
      Resource r;
      r.type = k.type;
      r.account = ctx.account();
      r.region = region;
      r.id = item.value(k.name_key, "");
      r.name = r.id;
      r.arn = item.value(k.arn_key, "");
      if (arn_account(r.arn) != ctx.account()) continue;
      r.raw = std::move(item);
      if (!needed) {
        for (const auto& p : k.props) not_needed(r, p);
        ctx.emit(std::move(r));
        continue;
      }
      ctx.spawn([&ctx, &k, r = std::move(r)]() mutable { describe(ctx, k, std::move(r)); });
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, k.list_op, region, {k.type});
}

void collect(CollectContext& ctx, const std::string& region) {
  for (const Kind& k : kKinds) ctx.spawn([&ctx, &k, region] { list(ctx, k, region); });
}

const RegisterCollector reg({.service = "sagemaker", .global = false,
                             .produces = {kNotebook, kEndpointConfig, kModel, kTrainingJob}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
