// Fuzzes the XML response and error parsers (query, ec2, rest-xml) with
// arbitrary bodies: they must return a value or an error, never crash.
#include <cstddef>
#include <cstdint>

#include "aws/protocol/parse.h"
#include "fuzz/fuzz_model.h"

using namespace cloudpeek;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ServiceModel models[] = {fuzz_model("query"), fuzz_model("ec2"), fuzz_model("rest-xml")};
  HttpResponse resp;
  resp.body.assign(reinterpret_cast<const char*>(data), size);
  resp.headers = {{"x-fuzz", "v"}, {"x-meta-a", "b"}, {"x-amzn-RequestId", "r"}};
  for (const auto& m : models) {
    resp.status = 200;
    (void)parse_response(m, m.operations["Op"], resp);
    resp.status = 400;
    (void)parse_error(m, resp);
  }
  return 0;
}
