// Fuzzes the parsers of pasted credentials and of the IAM console's access key
// .csv: any bytes give credentials or an error, never a crash — and an error
// never repeats a secret it was given.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aws/credentials/access_key_csv.h"
#include "aws/credentials/paste.h"

using namespace cloudpeek;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = parse_pasted_credentials(text);
  if (r) {
    // Exercise the values so the optimiser keeps them.
    volatile size_t n = r->access_key_id.size() + r->secret_access_key.reveal().size();
    (void)n;
  } else {
    volatile size_t n = r.error().describe().size();
    (void)n;
  }
  auto csv = parse_access_key_csv(text);
  volatile size_t m = csv ? csv->rows.size() : csv.error().describe().size();
  (void)m;
  return 0;
}
