#include "aws/sigv4/signer.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

#include "aws/core/crypto.h"
#include "aws/core/encoding.h"
#include "aws/core/time_format.h"

namespace cloudpeek {

namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

// Headers that hops, proxies or the transport may add or rewrite after signing;
// signing them would make a correct request fail verification.
bool unsigned_header(std::string_view lower_name) {
  return lower_name == "authorization" || lower_name == "user-agent" || lower_name == "x-amzn-trace-id" ||
         lower_name == "expect" || lower_name == "connection" || lower_name == "transfer-encoding";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Trims and folds every run of whitespace (including obsolete line folding) to one space.
std::string canonical_header_value(std::string_view v) {
  std::string out;
  bool pending_space = false;
  for (char c : v) {
    if (is_space(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(c);
    }
  }
  return out;
}

struct UrlParts {
  std::string_view authority;
  std::string_view path;
  std::string_view query;
};

// Split by hand rather than with a URL library: the path must stay byte for byte
// as sent, which parsers that normalise or re-encode would not guarantee.
UrlParts split_url(std::string_view url) {
  UrlParts parts;
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  size_t path_start = url.find_first_of("/?#", start);
  if (path_start == std::string_view::npos) path_start = url.size();
  parts.authority = url.substr(start, path_start - start);
  size_t end = url.find('#', path_start);
  if (end == std::string_view::npos) end = url.size();
  std::string_view rest = url.substr(path_start, end - path_start);
  size_t q = rest.find('?');
  parts.path = rest.substr(0, q);
  if (q != std::string_view::npos) parts.query = rest.substr(q + 1);
  return parts;
}

// The Host header curl sends: the authority without a port that is the scheme's default.
std::string host_from_url(std::string_view url, std::string_view authority) {
  std::string_view host = authority.substr(authority.find('@') == std::string_view::npos ? 0 : authority.find('@') + 1);
  bool https = url.starts_with("https://");
  if ((https && host.ends_with(":443")) || (!https && host.ends_with(":80")))
    host.remove_suffix(https ? 4 : 3);
  return std::string(host);
}

// Removes empty and dot segments; keeps a trailing slash.
std::string normalize_path(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(pos, slash - pos);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    pos = slash + 1;
  }
  std::string out = "/";
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i) out += '/';
    out += segments[i];
  }
  bool trailing = path.ends_with("/") || path.ends_with("/.") || path.ends_with("/..");
  if (trailing && !segments.empty()) out += '/';
  return out;
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// S3 signs the path as sent: existing %XX escapes stay; only bytes that cannot
// appear in a path on the wire are escaped, so a path is never encoded twice.
std::string encode_as_sent(std::string_view path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '%' && i + 2 < path.size() && is_hex(path[i + 1]) && is_hex(path[i + 2])) {
      out.append(path.substr(i, 3));
      i += 2;
    } else if (c == '/') {
      out.push_back(c);
    } else {
      out += uri_encode(std::string_view(&path[i], 1));
    }
  }
  return out;
}

std::string canonical_uri(std::string_view path, bool normalize) {
  if (path.empty()) path = "/";
  // Every service but S3 signs the path encoded once more than it is sent.
  if (normalize) return uri_encode(normalize_path(path), /*keep_slash=*/true);
  return encode_as_sent(path);
}

using Params = std::vector<std::pair<std::string, std::string>>;

// Each name and value decoded and re-encoded, so the sent and the canonical form
// agree whether or not the caller already percent-encoded them.
Params parse_query(std::string_view query) {
  Params params;
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(pos, amp - pos);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      std::string_view k = pair.substr(0, eq);
      std::string_view v = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      params.emplace_back(uri_encode(uri_decode(k)), uri_encode(uri_decode(v)));
    }
    pos = amp + 1;
  }
  return params;
}

std::string canonical_query(Params params) {
  std::sort(params.begin(), params.end());
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out += '&';
    out += k + '=' + v;
  }
  return out;
}

struct CanonicalHeaders {
  std::string block;   // "name:value\n" lines
  std::string signed_names;  // "a;b;c"
};

CanonicalHeaders canonical_headers(const Headers& headers, const std::string& url, std::string_view authority,
                                   std::string_view skip) {
  std::vector<std::pair<std::string, std::string>> lines;
  bool have_host = false;
  for (const auto& [name, value] : headers) {
    std::string n = lower(name);
    if (unsigned_header(n) || n == skip) continue;
    have_host |= n == "host";
    lines.emplace_back(std::move(n), canonical_header_value(value));
  }
  if (!have_host) lines.emplace_back("host", host_from_url(url, authority));
  // Stable: repeated headers keep the order they were sent in.
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  CanonicalHeaders out;
  for (size_t i = 0; i < lines.size(); ++i) {
    bool repeat = i > 0 && lines[i].first == lines[i - 1].first;
    if (repeat) {
      out.block.pop_back();  // the '\n' of the previous line
      out.block += ',' + lines[i].second + '\n';
      continue;
    }
    out.block += lines[i].first + ':' + lines[i].second + '\n';
    if (!out.signed_names.empty()) out.signed_names += ';';
    out.signed_names += lines[i].first;
  }
  return out;
}

std::string scope(const SigningParams& p) {
  return format_date_stamp(p.time) + '/' + p.region + '/' + p.service + "/aws4_request";
}

std::string signature(const SigningParams& p, const std::string& string_to_sign) {
  std::string key = "AWS4";
  key += p.secret_access_key.reveal();
  std::string k = hmac_sha256(key, format_date_stamp(p.time));
  OPENSSL_cleanse(key.data(), key.size());
  k = hmac_sha256(k, p.region);
  k = hmac_sha256(k, p.service);
  k = hmac_sha256(k, "aws4_request");
  std::string sig = hex_encode(hmac_sha256(k, string_to_sign));
  OPENSSL_cleanse(k.data(), k.size());
  return sig;
}

SigningResult finish(const SigningParams& p, std::string canonical_request) {
  SigningResult r;
  r.canonical_request = std::move(canonical_request);
  r.string_to_sign = std::string(kAlgorithm) + '\n' + format_amz_date(p.time) + '\n' + scope(p) + '\n' +
                     sha256_hex(r.canonical_request);
  r.signature = signature(p, r.string_to_sign);
  return r;
}

std::string payload_hash(const HttpRequest& request) {
  // A caller that chose the hash (S3's UNSIGNED-PAYLOAD) has the last word.
  if (auto given = find_header(request.headers, "x-amz-content-sha256")) return *given;
  return sha256_hex(request.body);
}

}  // namespace

SigningParams signing_params(const Credentials& creds, std::string region, std::string service,
                             Clock::time_point time) {
  SigningParams p;
  p.access_key_id = creds.access_key_id;
  p.secret_access_key = creds.secret_access_key;
  p.session_token = creds.session_token;
  p.region = std::move(region);
  p.service = std::move(service);
  p.time = time;
  p.normalize_path = p.service != "s3";
  p.content_sha256_header = p.service == "s3";
  return p;
}

SigningResult sign_request(HttpRequest& request, const SigningParams& params) {
  // The order these are added is the order the AWS test suite expects on the wire.
  if (!params.session_token.empty())
    set_header(request.headers, "X-Amz-Security-Token", std::string(params.session_token.reveal()));
  set_header(request.headers, "X-Amz-Date", format_amz_date(params.time));
  std::string hash = payload_hash(request);
  if (params.content_sha256_header) set_header(request.headers, "x-amz-content-sha256", hash);

  UrlParts url = split_url(request.url);
  CanonicalHeaders ch = canonical_headers(request.headers, request.url, url.authority,
                                          params.omit_session_token ? "x-amz-security-token" : "");
  std::string cr = request.method + '\n' + canonical_uri(url.path, params.normalize_path) + '\n' +
                   canonical_query(parse_query(url.query)) + '\n' + ch.block + '\n' + ch.signed_names + '\n' +
                   hash;
  SigningResult r = finish(params, std::move(cr));
  set_header(request.headers, "Authorization",
             std::string(kAlgorithm) + " Credential=" + params.access_key_id + '/' + scope(params) +
                 ", SignedHeaders=" + ch.signed_names + ", Signature=" + r.signature);
  return r;
}

SigningResult presign_request(HttpRequest& request, const SigningParams& params, std::chrono::seconds expires) {
  UrlParts url = split_url(request.url);
  CanonicalHeaders ch = canonical_headers(request.headers, request.url, url.authority, "");

  // Appended in the order the AWS test suite writes them; signed in sorted order.
  Params added = {
      {"X-Amz-Algorithm", std::string(kAlgorithm)},
      {"X-Amz-Credential", uri_encode(params.access_key_id + '/' + scope(params))},
      {"X-Amz-Date", format_amz_date(params.time)},
      {"X-Amz-SignedHeaders", uri_encode(ch.signed_names)},
      {"X-Amz-Expires", std::to_string(expires.count())},
  };
  Params signed_params = parse_query(url.query);
  signed_params.insert(signed_params.end(), added.begin(), added.end());
  if (!params.session_token.empty()) {
    added.emplace_back("X-Amz-Security-Token", uri_encode(params.session_token.reveal()));
    if (!params.omit_session_token) signed_params.push_back(added.back());
  }

  std::string cr = request.method + '\n' + canonical_uri(url.path, params.normalize_path) + '\n' +
                   canonical_query(std::move(signed_params)) + '\n' + ch.block + '\n' + ch.signed_names + '\n' +
                   sha256_hex(request.body);
  SigningResult r = finish(params, std::move(cr));
  added.emplace_back("X-Amz-Signature", r.signature);

  std::string suffix;
  for (const auto& [k, v] : added) suffix += (suffix.empty() ? "" : "&") + k + '=' + v;
  size_t fragment = request.url.find('#');
  std::string tail = fragment == std::string::npos ? "" : request.url.substr(fragment);
  std::string base = request.url.substr(0, fragment);
  char sep = url.query.empty() ? (base.ends_with("?") ? '\0' : '?') : '&';
  if (sep) base += sep;
  request.url = base + suffix + tail;
  return r;
}

}  // namespace cloudpeek
