// AWS error messages are shown to people and logged. They come from AWS, not
// from us, but some services echo parts of the request back: this removes
// anything that could be a credential before such a message goes anywhere.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cloudpeek {

// Redacts the values of Authorization, X-Amz-Security-Token, X-Amz-Signature,
// Signature= and any long base64-like run (a session token), then cuts the
// text to max_chars characters (on a UTF-8 boundary) with an ellipsis.
std::string scrub_aws_message(std::string_view message, size_t max_chars = 400);

}  // namespace cloudpeek
