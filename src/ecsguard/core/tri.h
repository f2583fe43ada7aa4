#pragma once
// The answer to a question the input may not settle: yes, no, or not known. Anything that looks
// at a model::Value (which may be Unknown) answers with this, never with a bool: collapsing "not
// known" into "no" turns an unknown finding into a silent pass.
//   or:  yes wins, then unknown, then no  (does any source say yes?)
//   and: no wins, then unknown, then yes  (do all sources say yes?)
namespace ecsguard::core {

enum class Tri : unsigned char { kNo, kYes, kUnknown };

[[nodiscard]] constexpr Tri tri_or(Tri a, Tri b) noexcept {
  if (a == Tri::kYes || b == Tri::kYes) return Tri::kYes;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kNo;
}

[[nodiscard]] constexpr Tri tri_and(Tri a, Tri b) noexcept {
  if (a == Tri::kNo || b == Tri::kNo) return Tri::kNo;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kYes;
}

[[nodiscard]] constexpr Tri tri_not(Tri a) noexcept {
  if (a == Tri::kUnknown) return a;
  return a == Tri::kYes ? Tri::kNo : Tri::kYes;
}

[[nodiscard]] constexpr Tri tri_of(bool b) noexcept { return b ? Tri::kYes : Tri::kNo; }

}  // namespace ecsguard::core
