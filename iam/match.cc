#include "iam/match.h"

namespace cloudpeek::iam {
namespace {

inline char lower_char(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Appends literal text to compiled output, turning wildcard characters into
// wildcard bytes when they are wildcards.
void append_literal(std::string& out, std::string_view text, const PatternOptions& o) {
  for (char c : text) {
    if (o.wildcards && c == '*') {
      out += kStar;
    } else if (o.wildcards && c == '?') {
      out += kOne;
    } else {
      out += o.lowercase ? lower_char(c) : c;
    }
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parses the inside of "${...}". Returns false when it is not a well-formed
// variable, in which case the text stays literal.
bool parse_variable(std::string_view inside, std::string& key, bool& has_default, std::string& def) {
  has_default = false;
  size_t comma = inside.find(',');
  std::string_view k = trim(inside.substr(0, comma));
  if (k.empty()) return false;
  for (char c : k) {
    if (c == ' ' || c == '\'' || c == '{' || c == '$') return false;
  }
  key = lower(k);
  if (comma == std::string_view::npos) return true;
  std::string_view d = trim(inside.substr(comma + 1));
  if (d.size() < 2 || d.front() != '\'' || d.back() != '\'') return false;
  d = d.substr(1, d.size() - 2);
  // '' inside the quotes is one quote.
  def.clear();
  for (size_t i = 0; i < d.size(); ++i) {
    if (d[i] == '\'') {
      if (i + 1 < d.size() && d[i + 1] == '\'') {
        def += '\'';
        ++i;
      } else {
        return false;
      }
    } else {
      def += d[i];
    }
  }
  has_default = true;
  return true;
}

}  // namespace

bool glob_match(std::string_view p, std::string_view t, bool icase) {
  size_t pi = 0, ti = 0;
  size_t star = std::string_view::npos, mark = 0;
  while (ti < t.size()) {
    if (pi < p.size()) {
      char pc = p[pi];
      if (pc == kStar) {
        star = pi++;
        mark = ti;
        continue;
      }
      char tc = icase ? lower_char(t[ti]) : t[ti];
      if (pc == kOne || pc == tc) {
        ++pi;
        ++ti;
        continue;
      }
    }
    if (star == std::string_view::npos) return false;
    pi = star + 1;
    ti = ++mark;
  }
  while (pi < p.size() && p[pi] == kStar) ++pi;
  return pi == p.size();
}

bool arn_match(std::string_view p, std::string_view a, bool expand) {
  if (p.size() == 1 && p[0] == kStar) return true;
  if (p.substr(0, 4) != "arn:" || a.substr(0, 4) != "arn:") return glob_match(p, a);
  // Segments 0..4 end at a colon; segment 5 (the resource) is the rest.
  for (int seg = 0; seg < 6; ++seg) {
    size_t pc = seg < 5 ? p.find(':') : std::string_view::npos;
    size_t ac = seg < 5 ? a.find(':') : std::string_view::npos;
    std::string_view ps = p.substr(0, pc);
    if (pc == std::string_view::npos) {
      // The pattern has no more segments. A trailing `*` may take the rest of
      // the ARN, colons included; otherwise the ARN must end here too.
      if (expand && !ps.empty() && ps.back() == kStar) return glob_match(ps, a);
      if (ac != std::string_view::npos) return false;
      return glob_match(ps, a);
    }
    if (ac == std::string_view::npos) return false;  // the ARN has fewer segments
    if (!glob_match(ps, a.substr(0, ac))) return false;
    p.remove_prefix(pc + 1);
    a.remove_prefix(ac + 1);
  }
  return true;  // not reached
}

Pattern Pattern::compile(std::string_view text, PatternOptions o) {
  Pattern out;
  out.source_ = std::string(text);
  out.lowercase_ = o.lowercase;
  if (!o.variables || text.find("${") == std::string_view::npos) {
    append_literal(out.compiled_, text, o);
    return out;
  }
  std::string literal;
  bool any_var = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find("${", i);
    if (open == std::string_view::npos) {
      append_literal(literal, text.substr(i), o);
      break;
    }
    append_literal(literal, text.substr(i, open - i), o);
    size_t close = text.find('}', open + 2);
    if (close == std::string_view::npos) {
      append_literal(literal, text.substr(open), o);
      break;
    }
    std::string_view inside = text.substr(open + 2, close - open - 2);
    if (inside == "*" || inside == "?" || inside == "$") {
      literal += inside[0];  // the character itself, never a wildcard
    } else {
      Piece var;
      var.variable = true;
      if (parse_variable(inside, var.text, var.has_default, var.default_value)) {
        if (!literal.empty()) out.pieces_.push_back(Piece{false, std::move(literal), false, {}});
        literal.clear();
        out.pieces_.push_back(std::move(var));
        any_var = true;
      } else {
        append_literal(literal, text.substr(open, close - open + 1), o);
      }
    }
    i = close + 1;
  }
  if (!literal.empty()) out.pieces_.push_back(Piece{false, std::move(literal), false, {}});
  for (const Piece& piece : out.pieces_) out.compiled_ += piece.variable ? std::string(1, kStar) : piece.text;
  if (!any_var) out.pieces_.clear();  // only escapes: compiled_ is exact
  return out;
}

Resolution Pattern::resolve(const Lookup& lookup, std::string& out) const {
  out.clear();
  if (pieces_.empty()) {
    out = compiled_;
    return Resolution::kResolved;
  }
  Resolution r = Resolution::kResolved;
  for (const Piece& piece : pieces_) {
    if (!piece.variable) {
      out += piece.text;
      continue;
    }
    const ContextValue* v = lookup.find(piece.text);
    if (v && v->state == KeyState::kKnown && v->values.size() == 1) {
      for (char c : v->values[0]) out += lowercase_ ? lower_char(c) : c;
    } else if (v && v->state != KeyState::kKnown) {
      out += kStar;
      if (v->state == KeyState::kUnknown) {
        r = Resolution::kUnknown;
      } else if (r == Resolution::kResolved) {
        r = Resolution::kControlled;
      }
    } else if (piece.has_default) {
      for (char c : piece.default_value) out += lowercase_ ? lower_char(c) : c;
    } else {
      return Resolution::kUnresolvable;  // absent, or multivalued: cannot be a variable
    }
  }
  return r;
}

Tri match_resource(const Pattern& pattern, std::string_view arn, const Lookup& lookup, bool* controlled) {
  if (!pattern.has_variables()) return tri(arn_match(pattern.compiled(), arn, true));
  std::string resolved;
  Resolution r = pattern.resolve(lookup, resolved);
  if (r == Resolution::kUnresolvable) return Tri::kFalse;
  bool m = arn_match(resolved, arn, true);
  if (!m) return Tri::kFalse;
  if (r == Resolution::kUnknown) return Tri::kUnknown;
  if (r == Resolution::kControlled && controlled) *controlled = true;
  return Tri::kTrue;
}

std::string decompile(std::string_view compiled) {
  std::string out;
  out.reserve(compiled.size());
  for (char c : compiled) out += c == kStar ? '*' : c == kOne ? '?' : c;
  return out;
}

}  // namespace cloudpeek::iam
