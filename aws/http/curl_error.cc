#include "aws/http/curl_error.h"

#include <fmt/format.h>

namespace cloudpeek {

std::string_view network_error_code(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return "DnsFailure";
    case CURLE_COULDNT_CONNECT:
      return "ConnectFailure";
    case CURLE_OPERATION_TIMEDOUT:
      return "Timeout";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED:
      return "TlsFailure";
    // The peer went away mid-exchange: the request may or may not have been seen.
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2_STREAM:
      return "ConnectionReset";
    default:
      return "NetworkError";
  }
}

std::string host_of_url(const std::string& url) {
  CURLU* u = curl_url();
  std::string out;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* host = nullptr;
    char* port = nullptr;
    if (curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) out = host;
    if (curl_url_get(u, CURLUPART_PORT, &port, 0) == CURLUE_OK) out += std::string(":") + port;
    curl_free(host);
    curl_free(port);
  }
  curl_url_cleanup(u);
  return out;
}

// curl's messages name hosts and ports, not URLs, but a future version or an
// unusual failure could echo the URL: anything after a '?' is dropped.
static std::string without_query(std::string_view detail) {
  std::string s(detail);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  if (auto q = s.find('?'); q != std::string::npos) s = s.substr(0, q) + "?…";
  return s;
}

Error network_error(CURLcode code, std::string_view curl_detail, const std::string& url,
                    std::chrono::milliseconds total_timeout) {
  std::string host = host_of_url(url);
  if (host.empty()) host = "the endpoint";  // a URL curl could not parse: never echo it
  const std::string_view kind = network_error_code(code);
  std::string detail = without_query(curl_detail);
  if (detail.empty()) detail = curl_easy_strerror(code);

  std::string message, advice;
  if (kind == "DnsFailure") {
    message = fmt::format("Could not resolve {} ({}).", host, detail);
    advice = "Check the network connection and DNS, the HTTPS_PROXY/NO_PROXY settings, "
             "and that the region and endpoint (AWS_ENDPOINT_URL) are spelled right.";
  } else if (kind == "ConnectFailure") {
    message = fmt::format("Could not connect to {} ({}).", host, detail);
    advice = "Check the network connection, firewall rules and the HTTPS_PROXY/NO_PROXY settings.";
  } else if (kind == "TlsFailure") {
    message = fmt::format("The TLS connection to {} failed ({}).", host, detail);
    advice = "If a proxy inspects TLS, point AWS_CA_BUNDLE at its CA certificate file; "
             "check the system clock and that the endpoint speaks HTTPS. "
             "Certificate verification stays on.";
  } else if (kind == "Timeout") {
    message = fmt::format("The request to {} timed out ({}; limit {} ms).", host, detail,
                          total_timeout.count());
    advice = "Check the network connection and proxy; AWS may be slow, so try again.";
  } else if (kind == "ConnectionReset") {
    message = fmt::format("The connection to {} was closed before the response was complete ({}).",
                          host, detail);
    advice = "This is usually transient: try again. If it persists, check any proxy or firewall in between.";
  } else {
    message = fmt::format("The request to {} failed ({}).", host, detail);
    advice = "Check the network connection and the HTTPS_PROXY/NO_PROXY settings.";
  }
  Error e = make_error(ErrorKind::kNetwork, std::move(message), std::move(advice));
  e.code = std::string(kind);
  return e;
}

}  // namespace cloudpeek
