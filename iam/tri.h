// Three-valued logic: an IAM question CloudPeek cannot always answer (the
// request context holds keys it cannot know), so "unknown" must survive AND,
// OR and NOT instead of collapsing into allowed or denied (Kleene logic).
#pragma once

#include <cstdint>
#include <string_view>

namespace cloudpeek::iam {

enum class Tri : std::uint8_t { kFalse, kTrue, kUnknown };

constexpr Tri tri(bool b) { return b ? Tri::kTrue : Tri::kFalse; }

constexpr Tri operator&&(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kTrue;
}

constexpr Tri operator||(Tri a, Tri b) {
  if (a == Tri::kTrue || b == Tri::kTrue) return Tri::kTrue;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kFalse;
}

constexpr Tri operator!(Tri a) {
  return a == Tri::kUnknown ? a : (a == Tri::kTrue ? Tri::kFalse : Tri::kTrue);
}

constexpr std::string_view to_string(Tri t) {
  return t == Tri::kTrue ? "true" : t == Tri::kFalse ? "false" : "unknown";
}

}  // namespace cloudpeek::iam
