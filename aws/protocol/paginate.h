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
// A page whose tokens equal the ones just sent also gives nullopt, so a
// service that repeats its token cannot loop us forever; the caller tells the
// two apart with repeats_token() and should record it (coverage: the listing
// may be incomplete).
std::optional<json> next_page_params(const Paginator& p, const json& params, const json& output);

// True when the output's tokens are the very tokens params sent.
bool repeats_token(const Paginator& p, const json& params, const json& output);

// A Paginator from a botocore paginators-1.json entry ("input_token",
// "output_token", "more_results", "result_key"; strings or lists).
Paginator paginator_from_botocore(const json& spec);

}  // namespace cloudpeek
