// Maps a failed libcurl transfer to an ErrorKind::kNetwork Error whose message
// names the host (never the URL's query: a presigned URL carries its signature
// there) and says what to check.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <curl/curl.h>

#include "aws/core/error.h"

namespace cloudpeek {

// "DnsFailure", "ConnectFailure", "TlsFailure", "Timeout", "ConnectionReset" or "NetworkError".
std::string_view network_error_code(CURLcode code);

// "host" or "host:port" of an absolute URL; "" if it does not parse.
std::string host_of_url(const std::string& url);

// curl_detail is curl's error buffer (may be empty); the URL's query, if curl
// echoed it there, is cut out.
Error network_error(CURLcode code, std::string_view curl_detail, const std::string& url,
                    std::chrono::milliseconds total_timeout);

}  // namespace cloudpeek
