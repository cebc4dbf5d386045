// The Condition element: every operator family of "IAM JSON policy elements:
// Condition operators", the ...IfExists suffix, the ForAllValues:/ForAnyValue:
// set operators, and the combination rules of "Conditions with multiple
// context keys or values":
//   operators AND, keys under one operator AND, values of one key OR,
//   values of a negated operator NOR.
// A missing key makes a condition false, except for negated operators (true),
// ...IfExists (true), Null, and ForAllValues (true: the empty set).
//
// Evaluation is tri-state. A clause whose key CloudPeek cannot know
// (KeyState::kUnknown) is "unknown" and carried in the result with its text, so
// a caller can say "conditional on StringEquals aws:SourceIp [...]". Before
// saying unknown, CloudPeek tries a handful of witness values built from the
// policy's own values (each value, its neighbours, a value matching none) for
// all the clauses on that key together: when none satisfies them the clause is
// false - it can never hold (DateLessThan aws:TokenIssueTime 2015-01-01 for a
// session created from now on). A key the caller controls (kControlled) is true
// when a witness satisfies it, and the clause is reported as "controlled".
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iam/context.h"
#include "iam/match.h"
#include "iam/result.h"
#include "iam/tri.h"
#include "model/resource.h"

namespace cloudpeek::iam {

enum class OpFamily : std::uint8_t {
  kString,            // StringEquals / StringNotEquals: exact, case-sensitive
  kStringIgnoreCase,  // StringEqualsIgnoreCase / StringNotEqualsIgnoreCase
  kStringLike,        // StringLike / StringNotLike: `*` and `?`
  kNumeric,
  kDate,
  kBool,
  kBinary,            // BinaryEquals: base64 text compared as is
  kIp,                // IpAddress / NotIpAddress: IPv4 and IPv6 CIDR
  kArn,               // ArnEquals / ArnLike (the same), ArnNotEquals / ArnNotLike
  kNull,
};

enum class Cmp : std::uint8_t { kEq, kLt, kLe, kGt, kGe };
enum class SetOp : std::uint8_t { kNone, kForAllValues, kForAnyValue };

// An IPv4 or IPv6 network; a bare address is a /32 or /128.
struct IpRange {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};
  int prefix = 0;
  bool contains(const IpRange& address) const;
};
std::optional<IpRange> parse_ip(std::string_view text);

// ISO 8601 (2020-01-01, 2020-01-01T12:00:00Z, ...T12:00:00.123+02:00,
// 20200101T120000Z) or epoch seconds, as the Date operators accept; epoch seconds.
std::optional<double> parse_date(std::string_view text);
std::optional<double> parse_number(std::string_view text);

struct ConditionValue {
  Pattern pattern;          // the text, compiled for the family (wildcards, case, variables)
  std::optional<double> number;  // Numeric, Date
  std::optional<IpRange> ip;     // IpAddress
  bool flag = false;        // Bool and Null: the value is "true"
};

struct Clause {
  std::string op_name;   // as written: "ForAnyValue:StringLikeIfExists"
  OpFamily family = OpFamily::kString;
  Cmp cmp = Cmp::kEq;
  bool negated = false;
  bool if_exists = false;
  SetOp set = SetOp::kNone;
  std::string key;       // lower case, for lookups
  std::string key_name;  // as written
  std::vector<ConditionValue> values;
  std::string text;      // `StringEquals aws:SourceIp ["10.0.0.0/8"]`, for people
};

struct Condition {
  std::vector<Clause> clauses;
  std::vector<std::string> warnings;  // values that can never match (an unparsable date, ...)
  bool empty() const { return clauses.empty(); }
};

// Parses a Condition element (an object of operator -> {key -> value(s)}).
// `variables`: the policy is Version 2012-10-17. `where` prefixes error paths.
Result<Condition> parse_condition(const json& element, bool variables, const std::string& where = "Condition");

struct ConditionResult {
  Tri value = Tri::kTrue;
  std::vector<const Clause*> unknown;     // when value is kUnknown: the clauses that decide it
  std::vector<const Clause*> controlled;  // clauses that hold only for a value the caller chooses
};

// What a caller who controls a key wants from the condition: an Allow's
// condition to hold, a Deny's to fail. A controlled key takes, per statement,
// the value that serves the caller (an over-approximation: one request has one
// value for both its Allow and its Deny statements).
enum class Want : std::uint8_t { kHold, kFail };

ConditionResult evaluate_condition(const Condition& condition, const Lookup& lookup, Want want = Want::kHold);

// One clause, the key's state taken from `lookup` (unknown keys included).
Tri evaluate_clause(const Clause& clause, const Lookup& lookup);

// Can the clauses on one key all hold for some value of that key (absent
// included unless `state.not_before` is set)? The witness search behind
// unknown and controlled keys, exposed for the escalation rules.
bool satisfiable(const std::vector<const Clause*>& clauses_on_one_key, const ContextValue& state, const Lookup& lookup);
// Is there a value of the key for which at least one of the clauses fails?
bool refutable(const std::vector<const Clause*>& clauses_on_one_key, const ContextValue& state, const Lookup& lookup);

}  // namespace cloudpeek::iam
