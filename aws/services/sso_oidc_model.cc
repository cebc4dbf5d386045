#include "aws/services/sso_oidc_model.h"

namespace cloudpeek {

namespace {

// Written from the IAM Identity Center OIDC API Reference
// (docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference): RegisterClient
// (with grantTypes, as the AWS CLI registers for the refresh_token grant),
// StartDeviceAuthorization, CreateToken. Errors carry the OAuth "error" and
// "error_description" members; their code is in x-amzn-ErrorType.
constexpr const char* kSsoOidcModel = R"json({
  "metadata": {
    "apiVersion": "2019-06-10",
    "endpointPrefix": "oidc",
    "jsonVersion": "1.1",
    "protocol": "rest-json",
    "serviceAbbreviation": "SSO OIDC",
    "serviceFullName": "AWS SSO OIDC",
    "serviceId": "SSO OIDC",
    "signatureVersion": "v4",
    "signingName": "awsssooidc",
    "uid": "sso-oidc-2019-06-10"
  },
  "operations": {
    "RegisterClient": {
      "name": "RegisterClient",
      "http": {"method": "POST", "requestUri": "/client/register"},
      "input": {"shape": "RegisterClientRequest"},
      "output": {"shape": "RegisterClientResponse"},
      "errors": [{"shape": "InvalidRequestException"}, {"shape": "InvalidScopeException"},
                 {"shape": "InvalidClientMetadataException"}, {"shape": "InternalServerException"}],
      "authtype": "none"
    },
    "StartDeviceAuthorization": {
      "name": "StartDeviceAuthorization",
      "http": {"method": "POST", "requestUri": "/device_authorization"},
      "input": {"shape": "StartDeviceAuthorizationRequest"},
      "output": {"shape": "StartDeviceAuthorizationResponse"},
      "errors": [{"shape": "InvalidRequestException"}, {"shape": "InvalidClientException"},
                 {"shape": "UnauthorizedClientException"}, {"shape": "SlowDownException"},
                 {"shape": "InternalServerException"}],
      "authtype": "none"
    },
    "CreateToken": {
      "name": "CreateToken",
      "http": {"method": "POST", "requestUri": "/token"},
      "input": {"shape": "CreateTokenRequest"},
      "output": {"shape": "CreateTokenResponse"},
      "errors": [{"shape": "InvalidRequestException"}, {"shape": "InvalidClientException"},
                 {"shape": "InvalidGrantException"}, {"shape": "UnauthorizedClientException"},
                 {"shape": "UnsupportedGrantTypeException"}, {"shape": "InvalidScopeException"},
                 {"shape": "AuthorizationPendingException"}, {"shape": "SlowDownException"},
                 {"shape": "AccessDeniedException"}, {"shape": "ExpiredTokenException"},
                 {"shape": "InternalServerException"}],
      "authtype": "none"
    }
  },
  "shapes": {
    "RegisterClientRequest": {
      "type": "structure",
      "required": ["clientName", "clientType"],
      "members": {
        "clientName": {"shape": "Str"},
        "clientType": {"shape": "Str"},
        "scopes": {"shape": "StrList"},
        "grantTypes": {"shape": "StrList"},
        "issuerUrl": {"shape": "Str"}
      }
    },
    "RegisterClientResponse": {
      "type": "structure",
      "members": {
        "clientId": {"shape": "Str"},
        "clientSecret": {"shape": "SecretStr"},
        "clientIdIssuedAt": {"shape": "Long"},
        "clientSecretExpiresAt": {"shape": "Long"},
        "authorizationEndpoint": {"shape": "Str"},
        "tokenEndpoint": {"shape": "Str"}
      }
    },
    "StartDeviceAuthorizationRequest": {
      "type": "structure",
      "required": ["clientId", "clientSecret", "startUrl"],
      "members": {
        "clientId": {"shape": "Str"},
        "clientSecret": {"shape": "SecretStr"},
        "startUrl": {"shape": "Str"}
      }
    },
    "StartDeviceAuthorizationResponse": {
      "type": "structure",
      "members": {
        "deviceCode": {"shape": "SecretStr"},
        "userCode": {"shape": "Str"},
        "verificationUri": {"shape": "Str"},
        "verificationUriComplete": {"shape": "Str"},
        "expiresIn": {"shape": "Int"},
        "interval": {"shape": "Int"}
      }
    },
    "CreateTokenRequest": {
      "type": "structure",
      "required": ["clientId", "clientSecret", "grantType"],
      "members": {
        "clientId": {"shape": "Str"},
        "clientSecret": {"shape": "SecretStr"},
        "grantType": {"shape": "Str"},
        "deviceCode": {"shape": "SecretStr"},
        "code": {"shape": "SecretStr"},
        "refreshToken": {"shape": "SecretStr"},
        "scope": {"shape": "StrList"},
        "redirectUri": {"shape": "Str"}
      }
    },
    "CreateTokenResponse": {
      "type": "structure",
      "members": {
        "accessToken": {"shape": "SecretStr"},
        "tokenType": {"shape": "Str"},
        "expiresIn": {"shape": "Int"},
        "refreshToken": {"shape": "SecretStr"},
        "idToken": {"shape": "SecretStr"}
      }
    },
    "OAuthError": {
      "type": "structure",
      "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}
    },
    "AccessDeniedException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "AuthorizationPendingException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "ExpiredTokenException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "InternalServerException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 500}, "exception": true, "fault": true},
    "InvalidClientException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 401}, "exception": true},
    "InvalidClientMetadataException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "InvalidGrantException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "InvalidRequestException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "InvalidScopeException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "SlowDownException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "UnauthorizedClientException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "UnsupportedGrantTypeException": {"type": "structure", "members": {"error": {"shape": "Str"}, "error_description": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "Str": {"type": "string"},
    "SecretStr": {"type": "string", "sensitive": true},
    "StrList": {"type": "list", "member": {"shape": "Str"}},
    "Int": {"type": "integer"},
    "Long": {"type": "long"}
  }
})json";

// The access portal's ListAccounts / ListAccountRoles (PortalAPIReference),
// bearer token in x-amz-sso_bearer_token, paged by nextToken/maxResults.
constexpr const char* kSsoPortalAccountsModel = R"json({
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
    "ListAccounts": {
      "name": "ListAccounts",
      "http": {"method": "GET", "requestUri": "/assignment/accounts", "responseCode": 200},
      "input": {"shape": "ListAccountsRequest"},
      "output": {"shape": "ListAccountsResponse"},
      "errors": [{"shape": "InvalidRequestException"}, {"shape": "UnauthorizedException"},
                 {"shape": "TooManyRequestsException"}, {"shape": "ResourceNotFoundException"}],
      "authtype": "none"
    },
    "ListAccountRoles": {
      "name": "ListAccountRoles",
      "http": {"method": "GET", "requestUri": "/assignment/roles", "responseCode": 200},
      "input": {"shape": "ListAccountRolesRequest"},
      "output": {"shape": "ListAccountRolesResponse"},
      "errors": [{"shape": "InvalidRequestException"}, {"shape": "UnauthorizedException"},
                 {"shape": "TooManyRequestsException"}, {"shape": "ResourceNotFoundException"}],
      "authtype": "none"
    }
  },
  "shapes": {
    "ListAccountsRequest": {
      "type": "structure",
      "required": ["accessToken"],
      "members": {
        "nextToken": {"shape": "Str", "location": "querystring", "locationName": "next_token"},
        "maxResults": {"shape": "Int", "location": "querystring", "locationName": "max_result"},
        "accessToken": {"shape": "SecretStr", "location": "header", "locationName": "x-amz-sso_bearer_token"}
      }
    },
    "ListAccountsResponse": {
      "type": "structure",
      "members": {"nextToken": {"shape": "Str"}, "accountList": {"shape": "AccountList"}}
    },
    "AccountList": {"type": "list", "member": {"shape": "AccountInfo"}},
    "AccountInfo": {
      "type": "structure",
      "members": {"accountId": {"shape": "Str"}, "accountName": {"shape": "Str"}, "emailAddress": {"shape": "Str"}}
    },
    "ListAccountRolesRequest": {
      "type": "structure",
      "required": ["accessToken", "accountId"],
      "members": {
        "nextToken": {"shape": "Str", "location": "querystring", "locationName": "next_token"},
        "maxResults": {"shape": "Int", "location": "querystring", "locationName": "max_result"},
        "accessToken": {"shape": "SecretStr", "location": "header", "locationName": "x-amz-sso_bearer_token"},
        "accountId": {"shape": "Str", "location": "querystring", "locationName": "account_id"}
      }
    },
    "ListAccountRolesResponse": {
      "type": "structure",
      "members": {"nextToken": {"shape": "Str"}, "roleList": {"shape": "RoleList"}}
    },
    "RoleList": {"type": "list", "member": {"shape": "RoleInfo"}},
    "RoleInfo": {
      "type": "structure",
      "members": {"roleName": {"shape": "Str"}, "accountId": {"shape": "Str"}}
    },
    "InvalidRequestException": {"type": "structure", "members": {"message": {"shape": "Str"}}, "error": {"httpStatusCode": 400}, "exception": true},
    "UnauthorizedException": {"type": "structure", "members": {"message": {"shape": "Str"}}, "error": {"httpStatusCode": 401}, "exception": true},
    "TooManyRequestsException": {"type": "structure", "members": {"message": {"shape": "Str"}}, "error": {"httpStatusCode": 429}, "exception": true},
    "ResourceNotFoundException": {"type": "structure", "members": {"message": {"shape": "Str"}}, "error": {"httpStatusCode": 404}, "exception": true},
    "Str": {"type": "string"},
    "SecretStr": {"type": "string", "sensitive": true},
    "Int": {"type": "integer"}
  }
})json";

ServiceModel load(const char* text) {
  json doc = json::parse(text);
  ServiceModel m;
  m.metadata = doc["metadata"];
  m.shapes = doc["shapes"];
  m.operations = doc["operations"];
  return m;
}

}  // namespace

const ServiceModel& sso_oidc_model() {
  static const ServiceModel model = load(kSsoOidcModel);
  return model;
}

const ServiceModel& sso_portal_accounts_model() {
  static const ServiceModel model = load(kSsoPortalAccountsModel);
  return model;
}

}  // namespace cloudpeek
