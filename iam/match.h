// Wildcards and policy variables, compiled once per policy.
//
// A pattern is compiled into a string where the wildcards `*` and `?` are the
// bytes kStar and kOne, which no ARN, action or condition value contains; a
// literal `*` written `${*}` stays '*'. Matching is then one pass of a glob
// matcher over string_views, without allocation unless variables must be
// substituted.
//
// AWS rules followed here:
// - Actions match case-insensitively; resources and ARNs case-sensitively
//   (IAM JSON policy elements: Action / Resource).
// - In a resource ARN each colon-separated segment is matched on its own, and a
//   `*` that is the last character of a segment may expand across the colons
//   that follow ("Using wildcards in resource ARNs", IAM JSON policy elements:
//   Resource). `*` crosses '/' freely.
// - ARN condition operators check each of the six segments separately (IAM JSON
//   policy elements: Condition operators, "Amazon Resource Name (ARN) condition
//   operators"), without that expansion.
// - Policy variables `${key}` and `${key, 'default'}` are substituted only in
//   policies of Version 2012-10-17; `${*}`, `${?}`, `${$}` are the literal
//   characters (IAM policy elements: Variables and tags). A variable whose key is
//   absent and has no default never matches; one whose key is unknown makes the
//   match unknown, not allowed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "iam/context.h"
#include "iam/tri.h"

namespace cloudpeek::iam {

inline constexpr char kStar = '\x01';
inline constexpr char kOne = '\x02';

// One-pass glob: kStar matches any run of characters (including ':' and '/'),
// kOne exactly one. `icase`: text is compared lower-cased (the pattern must
// already be lower case).
bool glob_match(std::string_view pattern, std::string_view text, bool icase = false);

// Segment-wise ARN match of a compiled pattern (see the header comment).
// `expand_trailing_star`: resource-element rule; false for ARN conditions.
bool arn_match(std::string_view pattern, std::string_view arn, bool expand_trailing_star);

struct PatternOptions {
  bool wildcards = true;   // `*` and `?` are wildcards (StringLike, Resource, Action)
  bool variables = false;  // substitute ${...} (policy Version 2012-10-17)
  bool lowercase = false;  // compare case-insensitively (Action, ...IgnoreCase)
};

// How substituting a pattern's variables went.
enum class Resolution {
  kResolved,      // every variable had one value (or a default)
  kUnknown,       // a variable's key is unknown: it was replaced by a wildcard
  kControlled,    // a variable's key is chosen by the caller: replaced by a wildcard
  kUnresolvable,  // a variable's key is absent (no default) or multivalued: never matches
};

class Pattern {
 public:
  static Pattern compile(std::string_view text, PatternOptions options);

  const std::string& source() const { return source_; }
  bool has_variables() const { return !pieces_.empty(); }
  // The compiled text; when has_variables() it is only the source with every
  // variable widened to a wildcard (useful to pre-filter, not to decide).
  const std::string& compiled() const { return compiled_; }
  bool is_star() const { return compiled_.size() == 1 && compiled_[0] == kStar && pieces_.empty(); }

  // The compiled text with variables substituted from `lookup`, into `out`.
  Resolution resolve(const Lookup& lookup, std::string& out) const;

 private:
  struct Piece {
    bool variable = false;
    std::string text;  // literal (compiled) text, or the variable's key in lower case
    bool has_default = false;
    std::string default_value;
  };
  std::string source_;
  std::string compiled_;
  std::vector<Piece> pieces_;  // empty without variables
  bool lowercase_ = false;
};

// Action, Resource and ARN-condition matching with variables: tri-state, so a
// variable CloudPeek cannot resolve never turns into a plain yes.
// Returns kTrue, kFalse, or kUnknown (only when a variable is unknown);
// `controlled` is set when the match relied on a caller-chosen variable.
Tri match_resource(const Pattern& pattern, std::string_view arn, const Lookup& lookup, bool* controlled = nullptr);

// Actions: `action` in any case, pattern compiled with lowercase = true.
inline bool match_action(const Pattern& pattern, std::string_view action) {
  return glob_match(pattern.compiled(), action, true);
}

// Human-readable form of compiled text (wildcard bytes back to `*` and `?`).
std::string decompile(std::string_view compiled);

}  // namespace cloudpeek::iam
