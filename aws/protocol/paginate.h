// Pagination: which output member holds the next-page token and which input
// member takes it, for the conventions AWS uses (NextToken, Marker/IsTruncated,
// ContinuationToken, nextToken, NextMarker, ...).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aws/protocol/model.h"

namespace cloudpeek {

struct Paginator {
  std::vector<std::string> input_token;   // request members set from the output tokens
  std::vector<std::string> output_token;  // response paths (dotted, e.g. "NextMarker" or "Owner.Id")
  std::string more_results;               // e.g. "IsTruncated"; empty if the token's presence decides
  std::string result_key;                 // the list to concatenate (optional)
};

// Given the last output, the params for the next page, or nullopt when done.
std::optional<json> next_page_params(const Paginator& p, const json& params, const json& output);

}  // namespace cloudpeek
