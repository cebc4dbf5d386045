// IAM Identity Center OIDC (botocore "sso-oidc", rest-json 2019-06-10,
// endpoint oidc.<region>.amazonaws.com): RegisterClient,
// StartDeviceAuthorization and CreateToken — the OAuth 2.0 device
// authorization grant that `aws sso login` runs. None of these calls is
// SigV4-signed ("authtype": "none"): the client id/secret are body members.
//
// Also the access portal's account listing (ListAccounts, ListAccountRoles of
// the botocore "sso" service): the portal's GetRoleCredentials lives in
// sso_portal_model.h; these two are the same service and endpoint, kept here
// so the sign-in and the account choice come from one file.
#pragma once

#include "aws/protocol/model.h"

namespace cloudpeek {

const ServiceModel& sso_oidc_model();
const ServiceModel& sso_portal_accounts_model();

}  // namespace cloudpeek
