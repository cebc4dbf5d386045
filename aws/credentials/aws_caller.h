// AwsCaller: how credential sources make their own AWS calls (STS AssumeRole,
// the access portal's GetRoleCredentials). An interface so the sources are
// tested with a fake, and so aws/credentials does not need a live AwsClient.
#pragma once

#include <memory>
#include <string>

#include "aws/core/credentials.h"
#include "aws/core/result.h"
#include "aws/protocol/model.h"

namespace cloudpeek {

class AwsCaller {
 public:
  virtual ~AwsCaller() = default;
  // One call of `operation` in `model`, in `region`, signed with `credentials`.
  // credentials == nullptr means an unsigned request: the operation is
  // "authtype": "none" (GetRoleCredentials carries a bearer token instead).
  // Params and the result are JSON as the protocol layer uses them
  // (timestamps in results as epoch seconds; `long` members as numbers).
  virtual Result<json> call(const ServiceModel& model, const std::string& operation,
                            const json& params, const std::string& region,
                            CredentialsProviderPtr credentials) = 0;
};

using AwsCallerPtr = std::shared_ptr<AwsCaller>;

}  // namespace cloudpeek
