// Reading files and streams with a size cap. `AWS_CONFIG_FILE=/dev/zero`
// made the CLI grow to 17 GB: whatever CloudPeek reads that a user or another
// program points it at (config and credentials files, the SSO token cache,
// pasted credentials, a findings file) is read only up to a limit that no
// sound file reaches, and exceeding it is an error that says so.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

#include "aws/core/result.h"

namespace cloudpeek {

// The whole of `path` (a regular file or a character device such as
// /dev/null), at most `max_bytes`. Errors (kInvalidInput, code
// FileTooLarge / FileUnreadable) name `what` and the path. A FIFO, socket or
// directory is refused rather than waited on.
Result<std::string> read_file_limited(const std::string& path, size_t max_bytes, std::string_view what);

// What `in` holds up to its end, at most `max_bytes`.
Result<std::string> read_stream_limited(std::istream& in, size_t max_bytes, std::string_view what);

// "1 MiB", "64 KiB", "300 bytes": sizes in messages.
std::string size_text(size_t bytes);

}  // namespace cloudpeek
