#include "aws/services/sso_portal_model.h"

namespace cloudpeek {

namespace {

// Written from the IAM Identity Center Portal API Reference
// (docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials).
// expiration is a long: epoch MILLISECONDS.
constexpr const char* kSsoPortalModel = R"json({
  "metadata": {
    "apiVersion": "2019-06-10",
    "endpointPrefix": "portal.sso",
    "jsonVersion": "1.1",
    "protocol": "rest-json",
    "serviceAbbreviation": "SSO",
    "serviceFullName": "AWS Single Sign-On",
    "serviceId": "SSO",
    "signatureVersion": "v4",
    "signingName": "awsssoportal",
    "uid": "sso-2019-06-10"
  },
  "operations": {
    "GetRoleCredentials": {
      "name": "GetRoleCredentials",
      "http": {"method": "GET", "requestUri": "/federation/credentials", "responseCode": 200},
      "input": {"shape": "GetRoleCredentialsRequest"},
      "output": {"shape": "GetRoleCredentialsResponse"},
      "errors": [
        {"shape": "InvalidRequestException"},
        {"shape": "UnauthorizedException"},
        {"shape": "TooManyRequestsException"},
        {"shape": "ResourceNotFoundException"}
      ],
      "authtype": "none"
    }
  },
  "shapes": {
    "GetRoleCredentialsRequest": {
      "type": "structure",
      "required": ["roleName", "accountId", "accessToken"],
      "members": {
        "roleName": {"shape": "RoleNameType", "location": "querystring", "locationName": "role_name"},
        "accountId": {"shape": "AccountIdType", "location": "querystring", "locationName": "account_id"},
        "accessToken": {"shape": "AccessTokenType", "location": "header", "locationName": "x-amz-sso_bearer_token"}
      }
    },
    "GetRoleCredentialsResponse": {
      "type": "structure",
      "members": {"roleCredentials": {"shape": "RoleCredentials"}}
    },
    "RoleCredentials": {
      "type": "structure",
      "members": {
        "accessKeyId": {"shape": "AccessKeyType"},
        "secretAccessKey": {"shape": "SecretAccessKeyType"},
        "sessionToken": {"shape": "SessionTokenType"},
        "expiration": {"shape": "ExpirationTimestampType"}
      }
    },
    "InvalidRequestException": {
      "type": "structure", "members": {"message": {"shape": "ErrorDescription"}},
      "error": {"httpStatusCode": 400}, "exception": true
    },
    "UnauthorizedException": {
      "type": "structure", "members": {"message": {"shape": "ErrorDescription"}},
      "error": {"httpStatusCode": 401}, "exception": true
    },
    "TooManyRequestsException": {
      "type": "structure", "members": {"message": {"shape": "ErrorDescription"}},
      "error": {"httpStatusCode": 429}, "exception": true
    },
    "ResourceNotFoundException": {
      "type": "structure", "members": {"message": {"shape": "ErrorDescription"}},
      "error": {"httpStatusCode": 404}, "exception": true
    },
    "RoleNameType": {"type": "string"},
    "AccountIdType": {"type": "string"},
    "AccessTokenType": {"type": "string", "sensitive": true},
    "AccessKeyType": {"type": "string"},
    "SecretAccessKeyType": {"type": "string", "sensitive": true},
    "SessionTokenType": {"type": "string", "sensitive": true},
    "ExpirationTimestampType": {"type": "long"},
    "ErrorDescription": {"type": "string"}
  }
})json";

ServiceModel load() {
  json doc = json::parse(kSsoPortalModel);
  ServiceModel m;
  m.metadata = doc["metadata"];
  m.shapes = doc["shapes"];
  m.operations = doc["operations"];
  return m;
}

}  // namespace

const ServiceModel& sso_portal_model() {
  static const ServiceModel model = load();
  return model;
}

}  // namespace cloudpeek
