#include "aws/services/sts_model.h"

namespace cloudpeek {

namespace {

// Written from the STS API Reference (docs.aws.amazon.com/STS/latest/APIReference),
// in botocore's shape format; only the members CloudPeek uses or may send.
constexpr const char* kStsModel = R"json({
  "metadata": {
    "apiVersion": "2011-06-15",
    "endpointPrefix": "sts",
    "globalEndpoint": "sts.amazonaws.com",
    "protocol": "query",
    "serviceAbbreviation": "AWS STS",
    "serviceFullName": "AWS Security Token Service",
    "serviceId": "STS",
    "signatureVersion": "v4",
    "signingName": "sts",
    "uid": "sts-2011-06-15",
    "xmlNamespace": "https://sts.amazonaws.com/doc/2011-06-15/"
  },
  "operations": {
    "GetCallerIdentity": {
      "name": "GetCallerIdentity",
      "http": {"method": "POST", "requestUri": "/"},
      "input": {"shape": "GetCallerIdentityRequest"},
      "output": {"shape": "GetCallerIdentityResponse", "resultWrapper": "GetCallerIdentityResult"},
      "errors": []
    },
    "AssumeRole": {
      "name": "AssumeRole",
      "http": {"method": "POST", "requestUri": "/"},
      "input": {"shape": "AssumeRoleRequest"},
      "output": {"shape": "AssumeRoleResponse", "resultWrapper": "AssumeRoleResult"},
      "errors": [
        {"shape": "MalformedPolicyDocumentException"},
        {"shape": "PackedPolicyTooLargeException"},
        {"shape": "RegionDisabledException"},
        {"shape": "ExpiredTokenException"}
      ]
    },
    "GetSessionToken": {
      "name": "GetSessionToken",
      "http": {"method": "POST", "requestUri": "/"},
      "input": {"shape": "GetSessionTokenRequest"},
      "output": {"shape": "GetSessionTokenResponse", "resultWrapper": "GetSessionTokenResult"},
      "errors": [{"shape": "RegionDisabledException"}]
    }
  },
  "shapes": {
    "GetCallerIdentityRequest": {"type": "structure", "members": {}},
    "GetCallerIdentityResponse": {
      "type": "structure",
      "members": {
        "UserId": {"shape": "String"},
        "Account": {"shape": "String"},
        "Arn": {"shape": "String"}
      }
    },
    "AssumeRoleRequest": {
      "type": "structure",
      "required": ["RoleArn", "RoleSessionName"],
      "members": {
        "RoleArn": {"shape": "String"},
        "RoleSessionName": {"shape": "String"},
        "Policy": {"shape": "String"},
        "DurationSeconds": {"shape": "Integer"},
        "ExternalId": {"shape": "String"},
        "SerialNumber": {"shape": "String"},
        "TokenCode": {"shape": "String"},
        "SourceIdentity": {"shape": "String"}
      }
    },
    "AssumeRoleResponse": {
      "type": "structure",
      "members": {
        "Credentials": {"shape": "Credentials"},
        "AssumedRoleUser": {"shape": "AssumedRoleUser"},
        "PackedPolicySize": {"shape": "Integer"},
        "SourceIdentity": {"shape": "String"}
      }
    },
    "GetSessionTokenRequest": {
      "type": "structure",
      "members": {
        "DurationSeconds": {"shape": "Integer"},
        "SerialNumber": {"shape": "String"},
        "TokenCode": {"shape": "String"}
      }
    },
    "GetSessionTokenResponse": {
      "type": "structure",
      "members": {"Credentials": {"shape": "Credentials"}}
    },
    "Credentials": {
      "type": "structure",
      "required": ["AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"],
      "members": {
        "AccessKeyId": {"shape": "String"},
        "SecretAccessKey": {"shape": "SensitiveString"},
        "SessionToken": {"shape": "SensitiveString"},
        "Expiration": {"shape": "Timestamp"}
      }
    },
    "AssumedRoleUser": {
      "type": "structure",
      "members": {
        "AssumedRoleId": {"shape": "String"},
        "Arn": {"shape": "String"}
      }
    },
    "MalformedPolicyDocumentException": {
      "type": "structure", "members": {"message": {"shape": "String"}},
      "error": {"code": "MalformedPolicyDocument", "httpStatusCode": 400, "senderFault": true},
      "exception": true
    },
    "PackedPolicyTooLargeException": {
      "type": "structure", "members": {"message": {"shape": "String"}},
      "error": {"code": "PackedPolicyTooLarge", "httpStatusCode": 400, "senderFault": true},
      "exception": true
    },
    "RegionDisabledException": {
      "type": "structure", "members": {"message": {"shape": "String"}},
      "error": {"code": "RegionDisabledException", "httpStatusCode": 403, "senderFault": true},
      "exception": true
    },
    "ExpiredTokenException": {
      "type": "structure", "members": {"message": {"shape": "String"}},
      "error": {"code": "ExpiredTokenException", "httpStatusCode": 400, "senderFault": true},
      "exception": true
    },
    "String": {"type": "string"},
    "SensitiveString": {"type": "string", "sensitive": true},
    "Integer": {"type": "integer"},
    "Timestamp": {"type": "timestamp"}
  }
})json";

ServiceModel load() {
  json doc = json::parse(kStsModel);
  ServiceModel m;
  m.metadata = doc["metadata"];
  m.shapes = doc["shapes"];
  m.operations = doc["operations"];
  return m;
}

}  // namespace

const ServiceModel& sts_model() {
  static const ServiceModel model = load();
  return model;
}

}  // namespace cloudpeek
