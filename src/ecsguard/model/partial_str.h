#pragma once
// Partially known strings. A model string (model::Str) that is Unknown may still hold text: the
// known segments as written and one kUnknownSegment byte for each segment that cannot be known
// (`!Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:v1.2.3'` has a known tag).
// The marker byte is a model detail: builders write it, and everything else (checks, reports)
// reads such text only through these functions.
#include <string>
#include <string_view>
#include <vector>

namespace ecsguard::model::partial {

inline constexpr char kUnknownSegment = '\x1A';

// True when `s` contains an unknown segment.
[[nodiscard]] bool has_unknown(std::string_view s) noexcept;
// True when `s` has at least one known character (not a bare unknown).
[[nodiscard]] bool has_known_text(std::string_view s) noexcept;
// True when `s` ends with an unknown segment.
[[nodiscard]] bool ends_unknown(std::string_view s) noexcept;
// `s` for messages: each unknown segment shown as "${?}".
[[nodiscard]] std::string printable(std::string_view s);
// `s` with the unknown segments dropped.
[[nodiscard]] std::string known_text(std::string_view s);
// The known segments of `s`, in order ("a\x1Ab" -> {"a", "b"}; empty ones dropped).
[[nodiscard]] std::vector<std::string> known_segments(std::string_view s);
// Can glob `pattern` ('*' any run, '?' one char, ASCII case-insensitive) match some string that
// `s` stands for, each unknown segment standing for any text? For a fully known `s` this is an
// ordinary glob match.
[[nodiscard]] bool glob_may_match(std::string_view pattern, std::string_view s);

}  // namespace ecsguard::model::partial
