// AWS Security Token Service (query protocol, 2011-06-15): the subset
// CloudPeek calls — GetCallerIdentity (auth check), AssumeRole (role_arn
// profiles) and GetSessionToken.
#pragma once

#include "aws/protocol/model.h"

namespace cloudpeek {

// Parsed once, on first use; thread-safe (function-local static).
const ServiceModel& sts_model();

}  // namespace cloudpeek
