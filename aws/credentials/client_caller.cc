#include "aws/credentials/client_caller.h"

namespace cloudpeek {

Result<json> ClientCaller::call(const ServiceModel& model, const std::string& operation, const json& params,
                                const std::string& region, CredentialsProviderPtr credentials) {
  ClientConfig config;
  config.region = region.empty() ? "us-east-1" : region;
  config.endpoints = endpoints_;
  config.retry = retry_;
  AwsClient client(std::move(config), std::move(credentials), transport_);
  return client.call(model, operation, params);
}

}  // namespace cloudpeek
