// Fuzzes the JSON response and error parsers (json 1.0/1.1, rest-json).
#include <cstddef>
#include <cstdint>

#include "aws/protocol/parse.h"
#include "fuzz/fuzz_model.h"

using namespace cloudpeek;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ServiceModel models[] = {fuzz_model("json"), fuzz_model("rest-json")};
  HttpResponse resp;
  resp.body.assign(reinterpret_cast<const char*>(data), size);
  resp.headers = {{"x-fuzz", "v"}, {"x-amzn-ErrorType", "Err:http://x"}};
  for (const auto& m : models) {
    resp.status = 200;
    (void)parse_response(m, m.operations["Op"], resp);
    resp.status = 400;
    (void)parse_error(m, resp);
  }
  return 0;
}
