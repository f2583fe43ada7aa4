#pragma once
// Message tables of modules whose messages are not in the project catalogue yet: one row per
// message with a stable id, the English and the Japanese text. Arguments are named, written
// `{name}` in both texts, so a row moves into the catalogue unchanged.
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecsguard::parse::detail {

enum class Lang : unsigned char { kEn, kJa };

struct MessageText {
  std::string_view id;  // "dockerfile.unknown-instruction"
  std::string_view en;
  std::string_view ja;
};

// A named argument of one message.
using MessageArgs = std::vector<std::pair<std::string, std::string>>;

// `text` with every `{name}` replaced by its argument; an unknown `{name}` stays as written.
std::string render_message(std::string_view text,
                           std::span<const std::pair<std::string, std::string>> args);

inline std::string render_message(const MessageText& m, Lang lang, const MessageArgs& args) {
  return render_message(lang == Lang::kJa ? m.ja : m.en, args);
}

// Row `id` of `table` rendered in `lang`; an id the table lacks (a bug) renders as the id itself.
std::string render_message(std::span<const MessageText> table, std::string_view id, Lang lang,
                           const MessageArgs& args);

}  // namespace ecsguard::parse::detail
