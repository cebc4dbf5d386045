// JSON text from outside CloudPeek (AWS answers and the policy documents they
// carry, request bodies, files, a credential_process's output) parsed within
// limits. nlohmann::json parses deep nesting without recursion, but copying,
// comparing and dumping the value recurse once per level: a bucket policy
// nested 100,000 levels deep overflowed the stack when it was copied or
// stored. Everything parsed from outside goes through here, so no later walk
// can be deeper than the limit.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "aws/core/result.h"

namespace cloudpeek {

struct JsonLimits {
  int max_depth = 64;                // AWS's own documents nest under 10 levels
  size_t max_bytes = 64u << 20;      // an AWS answer is at most a few MB
};

// The limits for a policy document (IAM, S3, KMS, SNS, SQS, Lambda, ECR...):
// AWS caps the largest (a KMS key policy) at 32 KB; 1 MB leaves room for
// S3-compatible endpoints and whitespace without letting one bucket's policy
// dominate a scan's memory.
inline constexpr JsonLimits kPolicyLimits{32, 1u << 20};

// True when no object or array in `text` opens more than `limit` levels deep
// (brackets inside strings do not count).
bool json_nesting_within(std::string_view text, int limit);

// `text` parsed, or kMalformedResponse naming what was wrong: larger than the
// limit, nested deeper than the limit, or not JSON. `what` names the document
// in the message ("the bucket policy").
Result<nlohmann::json> parse_json_text(std::string_view text, std::string_view what, JsonLimits limits = {});

}  // namespace cloudpeek
