// Pagination over the output tokens AWS uses. Token paths are a small
// subset of botocore's JMESPath: dotted members, [-1]/[n] list indexes, and
// "a || b" alternatives (S3 ListObjects: "NextMarker || Contents[-1].Key").
#include "aws/protocol/paginate.h"

#include <charconv>
#include <string_view>

namespace cloudpeek {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// One path without alternatives: "Owner.Id", "Contents[-1].Key".
const json* lookup_one(const json& root, std::string_view path) {
  const json* cur = &root;
  while (!path.empty()) {
    size_t dot = path.find('.');
    std::string_view part = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    std::string_view index;
    if (size_t br = part.find('['); br != std::string_view::npos && part.back() == ']') {
      index = part.substr(br + 1, part.size() - br - 2);
      part = part.substr(0, br);
    }
    if (!part.empty()) {
      if (!cur->is_object()) return nullptr;
      auto it = cur->find(std::string(part));
      if (it == cur->end()) return nullptr;
      cur = &*it;
    }
    if (!index.empty()) {
      long long i = 0;
      auto [end, ec] = std::from_chars(index.data(), index.data() + index.size(), i);
      if (ec != std::errc() || end != index.data() + index.size() || !cur->is_array()) return nullptr;
      long long n = static_cast<long long>(cur->size());
      if (i < 0) i += n;
      if (i < 0 || i >= n) return nullptr;
      cur = &(*cur)[static_cast<size_t>(i)];
    }
  }
  return cur;
}

bool present(const json* v) {
  return v && !v->is_null() && !(v->is_string() && v->get_ref<const std::string&>().empty());
}

const json* lookup(const json& root, std::string_view path) {
  while (true) {
    size_t bar = path.find("||");
    const json* v = lookup_one(root, trim(path.substr(0, bar)));
    if (present(v) || bar == std::string_view::npos) return v;
    path = path.substr(bar + 2);
  }
}

}  // namespace

std::optional<json> next_page_params(const Paginator& p, const json& params, const json& output) {
  if (p.output_token.empty() || p.input_token.size() != p.output_token.size()) return std::nullopt;
  if (!p.more_results.empty()) {
    const json* more = lookup(output, p.more_results);
    // IsTruncated false or absent: the last page, whatever the tokens say.
    if (!more || !more->is_boolean() || !more->get<bool>()) return std::nullopt;
  }
  std::vector<const json*> tokens;
  bool any = false;
  for (const auto& path : p.output_token) {
    tokens.push_back(lookup(output, path));
    any = any || present(tokens.back());
  }
  if (!any) return std::nullopt;
  if (repeats_token(p, params, output)) return std::nullopt;
  json next = params.is_object() ? params : json::object();
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (present(tokens[i])) next[p.input_token[i]] = *tokens[i];
    else next.erase(p.input_token[i]);  // e.g. no NextVersionIdMarker on this page
  }
  return next;
}

bool repeats_token(const Paginator& p, const json& params, const json& output) {
  if (!params.is_object() || p.input_token.size() != p.output_token.size()) return false;
  bool sent_any = false;
  for (size_t i = 0; i < p.input_token.size(); ++i) {
    auto sent = params.find(p.input_token[i]);
    const json* got = lookup(output, p.output_token[i]);
    bool sent_present = sent != params.end() && present(&*sent);
    sent_any = sent_any || sent_present;
    if (sent_present != present(got)) return false;
    if (sent_present && *sent != *got) return false;
  }
  return sent_any;
}

Paginator paginator_from_botocore(const json& spec) {
  Paginator p;
  auto strings = [&](const char* key) {
    std::vector<std::string> out;
    if (!spec.is_object() || !spec.contains(key)) return out;
    const json& v = spec[key];
    if (v.is_string()) out.push_back(v.get<std::string>());
    if (v.is_array())
      for (const auto& e : v)
        if (e.is_string()) out.push_back(e.get<std::string>());
    return out;
  };
  p.input_token = strings("input_token");
  p.output_token = strings("output_token");
  auto more = strings("more_results");
  if (!more.empty()) p.more_results = more.front();
  auto keys = strings("result_key");
  if (!keys.empty()) p.result_key = keys.front();
  return p;
}

}  // namespace cloudpeek
