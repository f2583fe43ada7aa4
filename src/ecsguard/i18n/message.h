#pragma once
// The message catalogue: every user-facing text (check titles, finding messages, rationales, table
// and help strings) is an entry with an id, named arguments and an English and a Japanese text.
// The entries live in i18n/messages/*.toml; tools/gen_messages.py compiles them into a constexpr
// table and into "ecsguard/i18n/messages.gen.h", which declares Id and one struct per entry:
//
//   ctx.fail(loc, path, i18n::msg::ctr001::RootWritable{.container = name});
//
// A misspelled id or argument name, or a missing argument, does not compile; an entry without
// both languages, or whose en and ja texts name different arguments, does not build.
#include <concepts>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/i18n/lang.h"

namespace ecsguard::i18n {

enum class Id : std::uint16_t;  // defined in the generated messages.gen.h

struct Message;

struct Arg {
  std::string_view name;  // points into the generated code (a literal)
  std::string value;
  std::shared_ptr<const Message> nested;  // when set: rendered in the same language as value
};

// One entry with its arguments; rendered in a language only when it is shown.
struct Message {
  Id id;
  std::vector<Arg> args;
};

// The value of one named argument: a text, a number, or another message (a sentence part such
// as "the task runs on Fargate", rendered in the language of the message it is part of).
// Deliberately not default-constructible: an argument left out of a designated initializer is a
// compile error, not an empty string.
struct Value {
  // NOLINTBEGIN(google-explicit-constructor, hicpp-explicit-conversions)
  Value(std::string s) : text(std::move(s)) {}
  Value(std::string_view s) : text(s) {}
  Value(const char* s) : text(s) {}
  template <std::integral T>
  Value(T n) : text(std::to_string(n)) {}
  // Generated entry structs convert to Value directly (.subject = msg::common::Service{...}).
  Value(Message m) : nested(std::make_shared<const Message>(std::move(m))) {}
  // NOLINTEND(google-explicit-constructor, hicpp-explicit-conversions)
  std::string text;
  std::shared_ptr<const Message> nested;
};

// One compiled entry: its key ("ctr001.root_writable"), its texts and the names it uses.
struct Entry {
  std::string_view key;
  std::string_view en;
  std::string_view ja;
  std::span<const std::string_view> args;

  [[nodiscard]] std::string_view text(Lang lang) const noexcept {
    return lang == Lang::kJa ? ja : en;
  }
};

std::span<const Entry> entries() noexcept;
const Entry& entry(Id id) noexcept;
// The entry named `key` ("ctr001.title"), or nullptr.
const Entry* find_entry(std::string_view key) noexcept;

// The format string of `id` in `lang` (for entries without arguments this is the text).
std::string_view text(Id id, Lang lang) noexcept;
// `message` in `lang`, its named arguments substituted.
std::string render(const Message& message, Lang lang);
// An entry without arguments, in `lang` ("{{" already reduced to "{").
std::string render(Id id, Lang lang);

}  // namespace ecsguard::i18n
