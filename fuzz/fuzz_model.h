// A service model exercising every shape kind the parsers handle (nested
// structures, lists, flattened lists, maps, timestamps, blobs, numbers,
// headers), used by the response-parser fuzz targets.
#pragma once

#include "aws/protocol/model.h"

namespace cloudpeek {

inline ServiceModel fuzz_model(const char* protocol) {
  ServiceModel m;
  m.metadata = {{"protocol", protocol}, {"apiVersion", "2020-01-01"}, {"jsonVersion", "1.1"},
                {"targetPrefix", "Fuzz"}, {"endpointPrefix", "fuzz"}, {"xmlNamespace", "https://fuzz/"}};
  m.shapes = json::parse(R"({
    "Out": {"type": "structure", "members": {
      "Str": {"shape": "S"}, "Num": {"shape": "I"}, "Big": {"shape": "L"}, "F": {"shape": "D"},
      "B": {"shape": "Bool"}, "T": {"shape": "Ts"}, "Blob": {"shape": "Bl"},
      "List": {"shape": "List"}, "Flat": {"shape": "FlatList", "flattened": true},
      "Map": {"shape": "Map"}, "Nested": {"shape": "Out"},
      "Hdr": {"shape": "S", "location": "header", "locationName": "x-fuzz"},
      "Meta": {"shape": "HMap", "location": "headers", "locationName": "x-meta-"},
      "Code": {"shape": "I", "location": "statusCode"}}},
    "List": {"type": "list", "member": {"shape": "Out"}},
    "FlatList": {"type": "list", "member": {"shape": "S"}},
    "Map": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "List"}},
    "HMap": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}},
    "S": {"type": "string"}, "I": {"type": "integer"}, "L": {"type": "long"}, "D": {"type": "double"},
    "Bool": {"type": "boolean"}, "Ts": {"type": "timestamp"}, "Bl": {"type": "blob"},
    "Err": {"type": "structure", "members": {"Message": {"shape": "S"}, "Extra": {"shape": "List"}},
            "exception": true, "error": {"code": "Err", "httpStatusCode": 400}}
  })");
  m.operations = json::parse(R"({"Op": {"name": "Op", "http": {"method": "POST", "requestUri": "/"},
    "output": {"shape": "Out", "resultWrapper": "OpResult"}, "errors": [{"shape": "Err"}]}})");
  return m;
}

}  // namespace cloudpeek
