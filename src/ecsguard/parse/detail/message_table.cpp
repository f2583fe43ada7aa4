#include "ecsguard/parse/detail/message_table.h"

namespace ecsguard::parse::detail {

std::string render_message(std::string_view text,
                           std::span<const std::pair<std::string, std::string>> args) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [k, v] : args) {
          if (k == name) {
            out += v;
            found = true;
            break;
          }
        }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

std::string render_message(std::span<const MessageText> table, std::string_view id, Lang lang,
                           const MessageArgs& args) {
  for (const auto& m : table) {
    if (m.id == id) return render_message(m, lang, args);
  }
  return std::string(id);
}

}  // namespace ecsguard::parse::detail
