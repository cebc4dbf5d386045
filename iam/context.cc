#include "iam/context.h"

#include <algorithm>

namespace cloudpeek::iam {
namespace {

const ContextValue& unknown_value() {
  static const ContextValue v{KeyState::kUnknown, {}, std::nullopt};
  return v;
}
const ContextValue& controlled_value() {
  static const ContextValue v{KeyState::kControlled, {}, std::nullopt};
  return v;
}

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

Context& Context::set(std::string_view key, std::string value) {
  map_[lower(key)] = ContextValue{KeyState::kKnown, {std::move(value)}, std::nullopt};
  return *this;
}

Context& Context::set_list(std::string_view key, std::vector<std::string> values) {
  map_[lower(key)] = ContextValue{KeyState::kKnown, std::move(values), std::nullopt};
  return *this;
}

Context& Context::set_unknown(std::string_view key) {
  map_[lower(key)] = ContextValue{KeyState::kUnknown, {}, std::nullopt};
  return *this;
}

Context& Context::set_controlled(std::string_view key) {
  map_[lower(key)] = ContextValue{KeyState::kControlled, {}, std::nullopt};
  return *this;
}

Context& Context::set_not_before(std::string_view key, double epoch_seconds, KeyState state) {
  map_[lower(key)] = ContextValue{state == KeyState::kKnown ? KeyState::kUnknown : state, {}, epoch_seconds};
  return *this;
}

Context& Context::set_prefix_state(std::string_view prefix, KeyState state) {
  prefixes_.emplace_back(lower(prefix), state);
  return *this;
}

Context& Context::set_unknown_by_default(bool unknown) {
  unknown_by_default_ = unknown;
  return *this;
}

Context& Context::erase(std::string_view key) {
  map_.erase(lower(key));
  return *this;
}

const ContextValue* Context::find_exact(const std::string& lower_key) const {
  auto it = map_.find(lower_key);
  return it == map_.end() ? nullptr : &it->second;
}

const ContextValue* Context::find_by_rule(const std::string& lower_key) const {
  // The longest matching prefix wins, so "aws:requesttag/" can be controlled
  // while "aws:requesttag/owner" stays unknown.
  const std::pair<std::string, KeyState>* best = nullptr;
  for (const auto& p : prefixes_) {
    if (lower_key.compare(0, p.first.size(), p.first) == 0 && (!best || p.first.size() > best->first.size())) best = &p;
  }
  if (best) {
    if (best->second == KeyState::kControlled) return &controlled_value();
    if (best->second == KeyState::kUnknown) return &unknown_value();
    return nullptr;  // kKnown prefix: known to be absent
  }
  return unknown_by_default_ ? &unknown_value() : nullptr;
}

const ContextValue* Context::find(const std::string& lower_key) const {
  if (const ContextValue* v = find_exact(lower_key)) return v;
  return find_by_rule(lower_key);
}

void set_future_request_times(Context& context, double now, KeyState state) {
  for (const char* key : {"aws:CurrentTime", "aws:EpochTime", "aws:TokenIssueTime"}) context.set_not_before(key, now, state);
}

const ContextValue* Lookup::find(const std::string& lower_key) const {
  if (request_) {
    if (const ContextValue* v = request_->find_exact(lower_key)) return v;
  }
  if (principal_) {
    if (const ContextValue* v = principal_->find_exact(lower_key)) return v;
  }
  if (request_) return request_->find_by_rule(lower_key);
  return nullptr;
}

}  // namespace cloudpeek::iam
