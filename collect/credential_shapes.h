// Credential shapes a configuration value can have (what detect-secrets-style
// scanners look for, without regular expressions): an AWS access key id, a
// private key, a URL with a password, a known token format. Collectors use it
// to flag a value and then drop the value: only the kind is kept.
#pragma once

#include <string>
#include <string_view>

namespace cloudpeek::collect {

namespace credential_shapes_detail {
inline bool all_of(std::string_view s, bool (*pred)(char)) {
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}
inline bool upper_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
inline bool token_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
}  // namespace credential_shapes_detail

// The kind of credential `v` looks like ("an AWS access key id"), or empty.
inline std::string credential_shape(std::string_view v) {
  using namespace credential_shapes_detail;
  for (std::string_view p : {"AKIA", "ASIA", "ABIA", "ACCA"})
    for (size_t at = v.find(p); at != std::string_view::npos; at = v.find(p, at + 1))
      if (v.size() - at >= 20 && all_of(v.substr(at, 20), upper_alnum) &&
          (v.size() - at == 20 || !upper_alnum(v[at + 20])) && (at == 0 || !upper_alnum(v[at - 1])))
        return "an AWS access key id";
  if (v.find("-----BEGIN") != std::string_view::npos && v.find("PRIVATE KEY") != std::string_view::npos)
    return "a private key";
  for (std::string_view p : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"})
    if (v.starts_with(p) && v.size() >= p.size() + 30) return "a GitHub token";
  if (v.starts_with("glpat-") && v.size() >= 26) return "a GitLab token";
  for (std::string_view p : {"xoxb-", "xoxp-", "xoxa-", "xoxs-"})
    if (v.starts_with(p)) return "a Slack token";
  if (v.starts_with("sk_live_") || v.starts_with("rk_live_")) return "a Stripe key";
  if (v.starts_with("AIza") && v.size() == 39 && all_of(v, token_char)) return "a Google API key";
  if (v.starts_with("eyJ")) {
    size_t dot1 = v.find('.'), dot2 = dot1 == std::string_view::npos ? dot1 : v.find('.', dot1 + 1);
    if (dot2 != std::string_view::npos && v.size() > dot2 + 10) return "a JSON Web Token";
  }
  // scheme://user:password@host
  if (size_t scheme = v.find("://"); scheme != std::string_view::npos) {
    std::string_view rest = v.substr(scheme + 3);
    size_t at = rest.find('@'), slash = rest.find('/');
    if (at != std::string_view::npos && (slash == std::string_view::npos || at < slash)) {
      size_t colon = rest.substr(0, at).find(':');
      if (colon != std::string_view::npos && colon + 1 < at) return "a URL with a password";
    }
  }
  return {};
}

}  // namespace cloudpeek::collect
