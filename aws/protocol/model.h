// A service's wire model, in botocore's JSON shape format (metadata, shapes,
// operations). The serializers and parsers are driven by it; service models
// used by CloudPeek are small hand-written subsets in aws/services/.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace cloudpeek {

using json = nlohmann::json;

enum class Protocol { kQuery, kEc2, kJson, kRestJson, kRestXml };

struct ServiceModel {
  json metadata;  // protocol, apiVersion, jsonVersion, targetPrefix, endpointPrefix, signingName, xmlNamespace...
  json shapes;    // name → shape
  json operations = json::object();  // name → operation (http, input, output, errors)
  Protocol protocol() const;
};

// An operation as in botocore: {"name", "http": {"method", "requestUri"}, "input": {"shape"}, "output": {...}}
using OperationModel = json;

}  // namespace cloudpeek
