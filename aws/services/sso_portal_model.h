// The AWS IAM Identity Center access portal API (rest-json, 2019-06-10,
// endpoint portal.sso.<region>.amazonaws.com): only GetRoleCredentials, which
// turns a cached SSO access token into role credentials. The call is not
// SigV4-signed ("authtype": "none"): the bearer token goes in a header.
#pragma once

#include "aws/protocol/model.h"

namespace cloudpeek {

const ServiceModel& sso_portal_model();

}  // namespace cloudpeek
