#include "iam/condition.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace cloudpeek::iam {
namespace {

struct OperatorInfo {
  std::string_view name;
  OpFamily family;
  Cmp cmp;
  bool negated;
};

// The operators of "IAM JSON policy elements: Condition operators".
constexpr OperatorInfo kOperators[] = {
    {"StringEquals", OpFamily::kString, Cmp::kEq, false},
    {"StringNotEquals", OpFamily::kString, Cmp::kEq, true},
    {"StringEqualsIgnoreCase", OpFamily::kStringIgnoreCase, Cmp::kEq, false},
    {"StringNotEqualsIgnoreCase", OpFamily::kStringIgnoreCase, Cmp::kEq, true},
    {"StringLike", OpFamily::kStringLike, Cmp::kEq, false},
    {"StringNotLike", OpFamily::kStringLike, Cmp::kEq, true},
    {"NumericEquals", OpFamily::kNumeric, Cmp::kEq, false},
    {"NumericNotEquals", OpFamily::kNumeric, Cmp::kEq, true},
    {"NumericLessThan", OpFamily::kNumeric, Cmp::kLt, false},
    {"NumericLessThanEquals", OpFamily::kNumeric, Cmp::kLe, false},
    {"NumericGreaterThan", OpFamily::kNumeric, Cmp::kGt, false},
    {"NumericGreaterThanEquals", OpFamily::kNumeric, Cmp::kGe, false},
    {"DateEquals", OpFamily::kDate, Cmp::kEq, false},
    {"DateNotEquals", OpFamily::kDate, Cmp::kEq, true},
    {"DateLessThan", OpFamily::kDate, Cmp::kLt, false},
    {"DateLessThanEquals", OpFamily::kDate, Cmp::kLe, false},
    {"DateGreaterThan", OpFamily::kDate, Cmp::kGt, false},
    {"DateGreaterThanEquals", OpFamily::kDate, Cmp::kGe, false},
    {"Bool", OpFamily::kBool, Cmp::kEq, false},
    {"BinaryEquals", OpFamily::kBinary, Cmp::kEq, false},
    {"IpAddress", OpFamily::kIp, Cmp::kEq, false},
    {"NotIpAddress", OpFamily::kIp, Cmp::kEq, true},
    {"ArnEquals", OpFamily::kArn, Cmp::kEq, false},
    {"ArnLike", OpFamily::kArn, Cmp::kEq, false},
    {"ArnNotEquals", OpFamily::kArn, Cmp::kEq, true},
    {"ArnNotLike", OpFamily::kArn, Cmp::kEq, true},
    {"Null", OpFamily::kNull, Cmp::kEq, false},
};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool compare(double a, double b, Cmp cmp) {
  switch (cmp) {
    case Cmp::kEq: return a == b;
    case Cmp::kLt: return a < b;
    case Cmp::kLe: return a <= b;
    case Cmp::kGt: return a > b;
    case Cmp::kGe: return a >= b;
  }
  return false;
}

// ---- dates ---------------------------------------------------------------

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// ---- IP addresses ----------------------------------------------------------

std::optional<IpRange> parse_v4(std::string_view s, IpRange r) {
  int part = 0;
  size_t i = 0;
  while (part < 4) {
    size_t start = i;
    int v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 3) v = v * 10 + (s[i++] - '0');
    if (i == start || v > 255) return std::nullopt;
    r.bytes[part++] = static_cast<std::uint8_t>(v);
    if (part < 4) {
      if (i >= s.size() || s[i] != '.') return std::nullopt;
      ++i;
    }
  }
  if (i != s.size()) return std::nullopt;
  return r;
}

std::optional<IpRange> parse_v6(std::string_view s, IpRange r) {
  std::vector<std::uint16_t> head, tail;
  bool gap = false;
  std::vector<std::uint16_t>* cur = &head;
  size_t i = 0;
  if (s.substr(0, 2) == "::") {
    gap = true;
    cur = &tail;
    i = 2;
  }
  bool v4_tail = false;
  std::array<std::uint8_t, 4> v4{};
  while (i < s.size()) {
    size_t end = s.find(':', i);
    std::string_view group = s.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (group.find('.') != std::string_view::npos && end == std::string_view::npos) {
      auto a = parse_v4(group, IpRange{});
      if (!a) return std::nullopt;
      std::copy(a->bytes.begin(), a->bytes.begin() + 4, v4.begin());
      v4_tail = true;
      break;
    }
    if (group.empty() || group.size() > 4) return std::nullopt;
    unsigned v = 0;
    for (char c : group) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) return std::nullopt;
      v = v * 16 + static_cast<unsigned>(d);
    }
    cur->push_back(static_cast<std::uint16_t>(v));
    if (end == std::string_view::npos) break;
    i = end + 1;
    if (i < s.size() && s[i] == ':') {
      if (gap) return std::nullopt;
      gap = true;
      cur = &tail;
      ++i;
    } else if (i == s.size()) {
      return std::nullopt;  // trailing single colon
    }
  }
  size_t groups = head.size() + tail.size() + (v4_tail ? 2 : 0);
  if (groups > 8 || (!gap && groups != 8) || (gap && groups == 8)) return std::nullopt;
  std::vector<std::uint16_t> all = head;
  all.resize(8 - tail.size() - (v4_tail ? 2 : 0), 0);
  all.insert(all.end(), tail.begin(), tail.end());
  for (size_t g = 0; g < all.size(); ++g) {
    r.bytes[2 * g] = static_cast<std::uint8_t>(all[g] >> 8);
    r.bytes[2 * g + 1] = static_cast<std::uint8_t>(all[g] & 0xff);
  }
  if (v4_tail) std::copy(v4.begin(), v4.end(), r.bytes.begin() + 12);
  return r;
}

std::string format_ip(const IpRange& r) {
  char buf[64];
  if (!r.v6) {
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", r.bytes[0], r.bytes[1], r.bytes[2], r.bytes[3]);
    return buf;
  }
  std::string out;
  for (int g = 0; g < 8; ++g) {
    std::snprintf(buf, sizeof buf, g ? ":%x" : "%x", (r.bytes[2 * g] << 8) | r.bytes[2 * g + 1]);
    out += buf;
  }
  return out;
}

// The first address of a range with its host bits cleared, and the address
// just past its end (nullopt when the range reaches the top).
std::pair<IpRange, std::optional<IpRange>> range_ends(IpRange r) {
  int len = r.v6 ? 16 : 4;
  for (int bit = r.prefix; bit < len * 8; ++bit) r.bytes[bit / 8] &= static_cast<std::uint8_t>(~(0x80 >> (bit % 8)));
  IpRange first = r;
  first.prefix = len * 8;
  if (r.prefix == 0) return {first, std::nullopt};
  IpRange next = first;
  // Add 1 at the last bit of the prefix, with carry.
  int bit = r.prefix - 1;
  int byte = bit / 8;
  unsigned add = 0x80u >> (bit % 8);
  while (byte >= 0) {
    unsigned sum = next.bytes[byte] + add;
    next.bytes[byte] = static_cast<std::uint8_t>(sum & 0xff);
    if (sum <= 0xff) return {first, next};
    add = 1;
    --byte;
  }
  return {first, std::nullopt};
}

std::string format_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// ---- evaluation ------------------------------------------------------------

// One context value against one policy value. kUnknown only when the policy
// value holds an unknown variable and could match.
Tri compare_one(const Clause& c, const ConditionValue& p, std::string_view x, const Lookup& lookup) {
  switch (c.family) {
    case OpFamily::kNumeric: {
      auto n = parse_number(x);
      return tri(n && p.number && compare(*n, *p.number, c.cmp));
    }
    case OpFamily::kDate: {
      auto d = parse_date(x);
      return tri(d && p.number && compare(*d, *p.number, c.cmp));
    }
    case OpFamily::kIp: {
      auto a = parse_ip(x);
      return tri(a && p.ip && p.ip->contains(*a));
    }
    case OpFamily::kBool:
      return tri(iequals(trim(x), p.pattern.source()));
    case OpFamily::kBinary:
      return tri(x == p.pattern.source());
    case OpFamily::kNull:
      return Tri::kFalse;  // handled by the caller
    default:
      break;
  }
  std::string_view pattern = p.pattern.compiled();
  std::string resolved;
  Resolution r = Resolution::kResolved;
  if (p.pattern.has_variables()) {
    r = p.pattern.resolve(lookup, resolved);
    if (r == Resolution::kUnresolvable) return Tri::kFalse;  // "policy variables with no value" never match
    pattern = resolved;
  }
  bool m = c.family == OpFamily::kArn ? arn_match(pattern, x, false)
                                      : glob_match(pattern, x, c.family == OpFamily::kStringIgnoreCase);
  if (!m) return Tri::kFalse;
  return r == Resolution::kUnknown ? Tri::kUnknown : Tri::kTrue;
}

// Does context value x equal / match any of the policy's values (OR)?
Tri any_value(const Clause& c, std::string_view x, const Lookup& lookup) {
  Tri any = Tri::kFalse;
  for (const ConditionValue& p : c.values) {
    any = any || compare_one(c, p, x, lookup);
    if (any == Tri::kTrue) break;
  }
  return any;
}

// A clause against a key known to be absent (v == nullptr) or to hold values.
Tri eval_known(const Clause& c, const ContextValue* v, const Lookup& lookup) {
  const bool present = v && !v->values.empty();
  if (c.family == OpFamily::kNull) {
    // Null "true": the key is absent; "false": it is present. Values OR.
    bool any = false;
    for (const ConditionValue& p : c.values) any = any || (p.flag == !present);
    return tri(any);
  }
  if (!present) {
    if (c.if_exists) return Tri::kTrue;
    if (c.set == SetOp::kForAllValues) return Tri::kTrue;  // every value of the empty set matches
    if (c.set == SetOp::kForAnyValue) return Tri::kFalse;
    return tri(c.negated);  // the values do not match: true only for a negated operator
  }
  switch (c.set) {
    case SetOp::kForAllValues: {
      Tri all = Tri::kTrue;
      for (const std::string& x : v->values) {
        Tri m = any_value(c, x, lookup);
        all = all && (c.negated ? !m : m);
        if (all == Tri::kFalse) break;
      }
      return all;
    }
    case SetOp::kForAnyValue: {
      Tri any = Tri::kFalse;
      for (const std::string& x : v->values) {
        Tri m = any_value(c, x, lookup);
        any = any || (c.negated ? !m : m);
        if (any == Tri::kTrue) break;
      }
      return any;
    }
    case SetOp::kNone: {
      // A single-valued operator on several values: true when one matches,
      // and a negated operator is its negation (NOR over everything).
      Tri any = Tri::kFalse;
      for (const std::string& x : v->values) {
        any = any || any_value(c, x, lookup);
        if (any == Tri::kTrue) break;
      }
      return c.negated ? !any : any;
    }
  }
  return Tri::kFalse;
}

// Witness values for the clauses on one key.
std::vector<std::string> witnesses(const std::vector<const Clause*>& clauses, const ContextValue& state,
                                   const Lookup& lookup) {
  std::vector<std::string> out;
  std::vector<double> numbers;
  for (const Clause* c : clauses) {
    for (const ConditionValue& p : c->values) {
      switch (c->family) {
        case OpFamily::kNumeric:
        case OpFamily::kDate:
          if (p.number) numbers.push_back(*p.number);
          break;
        case OpFamily::kIp:
          if (p.ip) {
            auto [first, next] = range_ends(*p.ip);
            out.push_back(format_ip(first));
            if (next) out.push_back(format_ip(*next));
          }
          break;
        case OpFamily::kBool:
          out.push_back("true");
          out.push_back("false");
          break;
        case OpFamily::kNull:
          break;
        case OpFamily::kBinary:
          out.push_back(p.pattern.source());
          break;
        default: {
          std::string resolved;
          if (p.pattern.resolve(lookup, resolved) == Resolution::kUnresolvable) break;
          std::string w;
          for (char ch : resolved) {
            if (ch == kOne) {
              w += 'x';
            } else if (ch != kStar) {
              w += ch;
            }
          }
          out.push_back(std::move(w));
        }
      }
    }
  }
  if (state.not_before) {
    // A time at or after the bound: only numbers, and the bound itself.
    out.clear();
    numbers.push_back(*state.not_before);
    numbers.push_back(*state.not_before + 100.0 * 365 * 86400);
  }
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  std::vector<double> candidates;
  for (size_t i = 0; i < numbers.size(); ++i) {
    candidates.push_back(numbers[i] - 1);
    candidates.push_back(numbers[i]);
    candidates.push_back(numbers[i] + 1);
    if (i + 1 < numbers.size()) candidates.push_back((numbers[i] + numbers[i + 1]) / 2);
  }
  for (double n : candidates) {
    if (state.not_before && n < *state.not_before) continue;
    out.push_back(format_number(n));
  }
  if (!state.not_before) out.push_back("cloudpeek-matches-nothing");
  return out;
}

std::string value_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();
}

PatternOptions options_for(OpFamily family, bool variables) {
  switch (family) {
    case OpFamily::kString: return {false, variables, false};
    case OpFamily::kStringIgnoreCase: return {false, variables, true};
    case OpFamily::kStringLike: return {true, variables, false};
    case OpFamily::kArn: return {true, variables, false};
    default: return {false, false, false};
  }
}

}  // namespace

bool IpRange::contains(const IpRange& a) const {
  if (a.v6 != v6) return false;
  int full = prefix / 8;
  for (int i = 0; i < full; ++i) {
    if (bytes[i] != a.bytes[i]) return false;
  }
  int rest = prefix % 8;
  if (rest == 0) return true;
  std::uint8_t mask = static_cast<std::uint8_t>(0xff << (8 - rest));
  return (bytes[full] & mask) == (a.bytes[full] & mask);
}

std::optional<IpRange> parse_ip(std::string_view text) {
  text = trim(text);
  size_t slash = text.find('/');
  std::string_view addr = text.substr(0, slash);
  IpRange r;
  r.v6 = addr.find(':') != std::string_view::npos;
  std::optional<IpRange> out = r.v6 ? parse_v6(addr, r) : parse_v4(addr, r);
  if (!out) return std::nullopt;
  int max = out->v6 ? 128 : 32;
  out->prefix = max;
  if (slash != std::string_view::npos) {
    std::string_view p = text.substr(slash + 1);
    int n = 0;
    if (p.empty() || p.size() > 3 || !digits(p, 0, p.size(), n) || n > max) return std::nullopt;
    out->prefix = n;
  }
  return out;
}

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<double> parse_date(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  // Epoch seconds: digits only (a sign and a fraction allowed), never a date with dashes.
  if (s.find_first_not_of("0123456789.") == std::string_view::npos || (s[0] == '-' && s.find('-', 1) == std::string_view::npos)) {
    if (s.size() != 8) return parse_number(s);  // 8 digits alone is a basic-format date (YYYYMMDD)
  }
  int y, mo, d, h = 0, mi = 0, sec = 0;
  size_t i = 0;
  if (!digits(s, 0, 4, y)) return std::nullopt;
  i = 4;
  bool extended = i < s.size() && s[i] == '-';
  if (extended) ++i;
  if (!digits(s, i, 2, mo)) return std::nullopt;
  i += 2;
  if (extended) {
    if (i >= s.size() || s[i] != '-') return std::nullopt;
    ++i;
  }
  if (!digits(s, i, 2, d)) return std::nullopt;
  i += 2;
  double frac = 0;
  double offset = 0;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
    ++i;
    if (!digits(s, i, 2, h)) return std::nullopt;
    i += 2;
    if (i < s.size() && s[i] == ':') ++i;
    if (!digits(s, i, 2, mi)) return std::nullopt;
    i += 2;
    if (i < s.size() && (s[i] == ':' || std::isdigit(static_cast<unsigned char>(s[i])))) {
      if (s[i] == ':') ++i;
      if (!digits(s, i, 2, sec)) return std::nullopt;
      i += 2;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        size_t start = ++i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        if (i == start) return std::nullopt;
        frac = std::stod("0." + std::string(s.substr(start, i - start)));
      }
    }
    if (i < s.size()) {
      if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
      } else if (s[i] == '+' || s[i] == '-') {
        int sign = s[i] == '-' ? -1 : 1;
        ++i;
        int oh, om = 0;
        if (!digits(s, i, 2, oh)) return std::nullopt;
        i += 2;
        if (i < s.size() && s[i] == ':') ++i;
        if (i < s.size()) {
          if (!digits(s, i, 2, om)) return std::nullopt;
          i += 2;
        }
        offset = sign * (oh * 3600.0 + om * 60.0);
      } else {
        return std::nullopt;
      }
    }
    if (i != s.size()) return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 60) return std::nullopt;
  double days = static_cast<double>(days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)));
  return days * 86400 + h * 3600.0 + mi * 60.0 + sec + frac - offset;
}

Result<Condition> parse_condition(const json& element, bool variables, const std::string& where) {
  Condition out;
  if (!element.is_object()) return Error{where, "must be an object of condition operators"};
  for (const auto& [op_written, keys] : element.items()) {
    std::string path = where + "." + op_written;
    std::string_view name = op_written;
    SetOp set = SetOp::kNone;
    if (istarts_with(name, "ForAllValues:")) {
      set = SetOp::kForAllValues;
      name.remove_prefix(13);
    } else if (istarts_with(name, "ForAnyValue:")) {
      set = SetOp::kForAnyValue;
      name.remove_prefix(12);
    }
    bool if_exists = false;
    if (name.size() > 8 && iequals(name.substr(name.size() - 8), "IfExists")) {
      if_exists = true;
      name.remove_suffix(8);
    }
    const OperatorInfo* info = nullptr;
    for (const OperatorInfo& o : kOperators) {
      if (iequals(o.name, name)) info = &o;
    }
    if (!info) return Error{path, "unknown condition operator"};
    if (info->family == OpFamily::kNull && if_exists) return Error{path, "Null cannot take IfExists"};
    if (!keys.is_object()) return Error{path, "must be an object of condition keys"};
    for (const auto& [key, raw] : keys.items()) {
      std::string kpath = path + "." + key;
      if (key.empty()) return Error{kpath, "empty condition key"};
      Clause c;
      c.op_name = op_written;
      c.family = info->family;
      c.cmp = info->cmp;
      c.negated = info->negated;
      c.if_exists = if_exists;
      c.set = set;
      c.key = lower(key);
      c.key_name = key;
      c.text = op_written + " " + key + " " + raw.dump();
      std::vector<const json*> items;
      if (raw.is_array()) {
        for (const json& v : raw) items.push_back(&v);
      } else {
        items.push_back(&raw);
      }
      for (const json* v : items) {
        if (!(v->is_string() || v->is_number() || v->is_boolean())) {
          return Error{kpath, "condition values must be strings, numbers or booleans"};
        }
        std::string text = value_text(*v);
        ConditionValue cv;
        cv.pattern = Pattern::compile(text, options_for(c.family, variables));
        switch (c.family) {
          case OpFamily::kNumeric:
            cv.number = parse_number(text);
            if (!cv.number) out.warnings.push_back(kpath + ": \"" + text + "\" is not a number; it never matches");
            break;
          case OpFamily::kDate:
            cv.number = parse_date(text);
            if (!cv.number) out.warnings.push_back(kpath + ": \"" + text + "\" is not a date; it never matches");
            break;
          case OpFamily::kIp:
            cv.ip = parse_ip(text);
            if (!cv.ip) out.warnings.push_back(kpath + ": \"" + text + "\" is not an IP address or CIDR; it never matches");
            break;
          case OpFamily::kBool:
          case OpFamily::kNull:
            cv.flag = iequals(trim(text), "true");
            if (!cv.flag && !iequals(trim(text), "false")) {
              out.warnings.push_back(kpath + ": \"" + text + "\" is not true or false");
            }
            break;
          default:
            break;
        }
        c.values.push_back(std::move(cv));
      }
      out.clauses.push_back(std::move(c));
    }
  }
  return out;
}

Tri evaluate_clause(const Clause& clause, const Lookup& lookup) {
  const ContextValue* v = lookup.find(clause.key);
  if (!v || v->state == KeyState::kKnown) return eval_known(clause, v, lookup);
  std::vector<const Clause*> one{&clause};
  if (!satisfiable(one, *v, lookup)) return Tri::kFalse;
  return v->state == KeyState::kControlled ? Tri::kTrue : Tri::kUnknown;
}

namespace {

// Some witness value (or the key's absence) for which the clauses all hold
// (want_all == true) or at least one fails (want_all == false).
bool exists_witness(const std::vector<const Clause*>& clauses, const ContextValue& state, const Lookup& lookup,
                    bool want_all) {
  auto good = [&](const ContextValue* v) {
    for (const Clause* c : clauses) {
      bool fails = eval_known(*c, v, lookup) == Tri::kFalse;
      if (want_all && fails) return false;
      if (!want_all && fails) return true;
    }
    return want_all;
  };
  if (!state.not_before && good(nullptr)) return true;  // the key left out of the request
  ContextValue w;
  w.values.resize(1);
  for (std::string& candidate : witnesses(clauses, state, lookup)) {
    w.values[0] = std::move(candidate);
    if (good(&w)) return true;
  }
  return false;
}

}  // namespace

bool satisfiable(const std::vector<const Clause*>& clauses, const ContextValue& state, const Lookup& lookup) {
  return exists_witness(clauses, state, lookup, true);
}

bool refutable(const std::vector<const Clause*>& clauses, const ContextValue& state, const Lookup& lookup) {
  return exists_witness(clauses, state, lookup, false);
}

ConditionResult evaluate_condition(const Condition& condition, const Lookup& lookup, Want want) {
  ConditionResult res;
  std::vector<const Clause*> deferred;
  for (const Clause& c : condition.clauses) {
    const ContextValue* v = lookup.find(c.key);
    if (v && v->state != KeyState::kKnown) {
      deferred.push_back(&c);
      continue;
    }
    Tri t = eval_known(c, v, lookup);
    if (t == Tri::kFalse) return ConditionResult{Tri::kFalse, {}, {}};
    if (t == Tri::kUnknown) {
      res.value = Tri::kUnknown;
      res.unknown.push_back(&c);
    }
  }
  // Keys CloudPeek cannot know or the caller chooses: all clauses on one key
  // together, since one value must satisfy them all.
  std::vector<bool> done(deferred.size(), false);
  std::vector<const Clause*> group;
  for (size_t i = 0; i < deferred.size(); ++i) {
    if (done[i]) continue;
    group.clear();
    for (size_t j = i; j < deferred.size(); ++j) {
      if (!done[j] && deferred[j]->key == deferred[i]->key) {
        group.push_back(deferred[j]);
        done[j] = true;
      }
    }
    const ContextValue& state = *lookup.find(deferred[i]->key);
    if (!satisfiable(group, state, lookup)) return ConditionResult{Tri::kFalse, {}, {}};
    if (state.state == KeyState::kControlled) {
      if (want == Want::kFail) {
        if (refutable(group, state, lookup)) return ConditionResult{Tri::kFalse, {}, {}};
        continue;  // holds whatever the caller picks
      }
      res.controlled.insert(res.controlled.end(), group.begin(), group.end());
    } else {
      res.value = res.value && Tri::kUnknown;
      res.unknown.insert(res.unknown.end(), group.begin(), group.end());
    }
  }
  return res;
}

}  // namespace cloudpeek::iam
