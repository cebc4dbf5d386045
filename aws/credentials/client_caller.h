// ClientCaller: the AwsCaller the credential sources use in production — an
// AwsClient per call, signed with the credentials the source passes in (or
// unsigned for the access portal), sharing one transport.
#pragma once

#include <memory>

#include "aws/client/client.h"
#include "aws/credentials/aws_caller.h"
#include "aws/http/transport.h"

namespace cloudpeek {

class ClientCaller : public AwsCaller {
 public:
  ClientCaller(std::shared_ptr<Transport> transport, EndpointOverrides endpoints, RetryConfig retry)
      : transport_(std::move(transport)), endpoints_(std::move(endpoints)), retry_(retry) {}

  Result<json> call(const ServiceModel& model, const std::string& operation, const json& params,
                    const std::string& region, CredentialsProviderPtr credentials) override;

 private:
  std::shared_ptr<Transport> transport_;
  EndpointOverrides endpoints_;
  RetryConfig retry_;
};

}  // namespace cloudpeek
