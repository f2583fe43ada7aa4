#include "ecsguard/i18n/message.h"

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>

#include "ecsguard/i18n/messages.gen.h"

namespace ecsguard::i18n {

namespace {
#include "ecsguard/i18n/messages.gen.inc"

static_assert(std::size(kEntries) == kIdCount);
}  // namespace

std::span<const Entry> entries() noexcept { return kEntries; }

const Entry& entry(Id id) noexcept { return kEntries[static_cast<std::size_t>(id)]; }

const Entry* find_entry(std::string_view key) noexcept {
  const auto* it = std::lower_bound(std::begin(kEntries), std::end(kEntries), key,
                                    [](const Entry& e, std::string_view k) { return e.key < k; });
  if (it != std::end(kEntries) && it->key == key) return it;
  return nullptr;
}

std::string_view text(Id id, Lang lang) noexcept { return entry(id).text(lang); }

std::string render(const Message& message, Lang lang) {
  const std::string_view format = text(message.id, lang);
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const Arg& a : message.args) {
    // Names are literals of the generated code, so they are NUL-terminated. The store copies
    // std::string values.
    store.push_back(fmt::arg(a.name.data(), a.nested ? render(*a.nested, lang) : a.value));
  }
  try {
    return fmt::vformat(format, store);
  } catch (const fmt::format_error&) {
    // Unreachable for a catalogue that passed gen_messages.py and i18n_test; never lose the text.
    return std::string(format);
  }
}

std::string render(Id id, Lang lang) { return render(Message{id, {}}, lang); }

}  // namespace ecsguard::i18n
