// The request context: condition keys and their values for one request, as AWS
// assembles it (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
// "The request context"). Key names are case-insensitive, tag keys included
// (aws:PrincipalTag/Team and aws:PrincipalTag/team are one key).
//
// CloudPeek often asks about a request that has not happened, so a key has a
// state beyond "present" and "absent":
//   kUnknown    CloudPeek cannot know the value (aws:SourceIp of a future caller);
//               a condition on it is answered "unknown" unless no value at all
//               could satisfy it.
//   kControlled the caller being analysed chooses the value (aws:RequestTag/x on
//               a request they make, sts:RoleSessionName); a condition on it holds
//               when some value satisfies it.
// A known lower bound (`not_before`, epoch seconds) narrows such a key to values
// at or after a moment: aws:CurrentTime and aws:TokenIssueTime of a session
// created from now on can never be in the past.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cloudpeek::iam {

enum class KeyState : std::uint8_t { kKnown, kUnknown, kControlled };

struct ContextValue {
  KeyState state = KeyState::kKnown;
  std::vector<std::string> values;      // kKnown: the values (one for a single-valued key)
  std::optional<double> not_before;     // kUnknown/kControlled time keys: epoch seconds lower bound
};

std::string lower(std::string_view s);

class Context {
 public:
  // A single-valued key.
  Context& set(std::string_view key, std::string value);
  // A multivalued key (aws:TagKeys, aws:CalledVia); an empty list is present but empty.
  Context& set_list(std::string_view key, std::vector<std::string> values);
  Context& set_unknown(std::string_view key);
  Context& set_controlled(std::string_view key);
  // A time key (aws:CurrentTime, aws:EpochTime, aws:TokenIssueTime) whose value is
  // some moment at or after `epoch_seconds`, unknown or chosen by the caller.
  Context& set_not_before(std::string_view key, double epoch_seconds, KeyState state);
  // Every key starting with `prefix` (e.g. "aws:RequestTag/") not set otherwise.
  Context& set_prefix_state(std::string_view prefix, KeyState state);
  // Keys nobody set: absent (AWS's own behaviour, the default) or unknown.
  Context& set_unknown_by_default(bool unknown);
  Context& erase(std::string_view key);

  // The entry for a key given in lower case, or nullptr when the key is absent.
  const ContextValue* find(const std::string& lower_key) const;
  // Only what was set on this context, without prefix rules or the default.
  const ContextValue* find_exact(const std::string& lower_key) const;
  // The state a key nobody set has here: nullptr for absent.
  const ContextValue* find_by_rule(const std::string& lower_key) const;
  bool empty() const { return map_.empty(); }

 private:
  std::unordered_map<std::string, ContextValue> map_;
  std::vector<std::pair<std::string, KeyState>> prefixes_;
  bool unknown_by_default_ = false;
};

// The time keys of a request made at some moment from `now` (epoch seconds)
// on, by a session created from `now` on: aws:CurrentTime, aws:EpochTime and
// aws:TokenIssueTime can be anything at or after `now`, never before. With
// kControlled (the default) the caller picks the moment, so a condition that
// some future time satisfies holds and one that only past times satisfy
// (DateLessThan aws:TokenIssueTime 2015-01-01) never does.
void set_future_request_times(Context& context, double now, KeyState state = KeyState::kControlled);

// Lookup through the request's own context, then the keys derived from the
// principal (aws:PrincipalArn, aws:username, aws:PrincipalTag/...); rules for
// unset keys (prefixes, unknown by default) come from the request context.
class Lookup {
 public:
  Lookup() = default;
  Lookup(const Context* request, const Context* principal = nullptr) : request_(request), principal_(principal) {}
  const ContextValue* find(const std::string& lower_key) const;

 private:
  const Context* request_ = nullptr;
  const Context* principal_ = nullptr;
};

}  // namespace cloudpeek::iam
