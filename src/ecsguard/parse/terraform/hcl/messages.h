#pragma once
// The HCL parser's user-facing messages: one table with an id, named arguments ({name}) and the
// English and Japanese text, ready to move into the project's message catalogue. Diagnostics
// carry the English rendering; the id and arguments render either language.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecsguard::parse::terraform::hcl {

enum class Msg : std::uint8_t {
  kUnexpectedCharacter,  // {char}
  kExpectedExpression,
  kExpected,  // {what}
  kItemRequired,
  kMissingNewline,
  kAttributeRedefined,  // {name} {line}
  kSingleLineBlock,
  kBadBlockHeader,
  kUnclosedBlock,
  kUnterminatedString,
  kMultiLineString,
  kBadEscape,            // {escape}
  kUnterminatedHeredoc,  // {marker}
  kBadHeredocMarker,
  kBadDirective,       // {what}
  kUnclosedDirective,  // {what}
  kLabelNotLiteral,
  kLimitFileSize,       // {limit}
  kLimitDepth,          // {limit}
  kLimitNodes,          // {limit}
  kLimitString,         // {limit}
  kLimitHeredoc,        // {limit} {unit}
  kLimitTemplateDepth,  // {limit}
};

enum class Lang : std::uint8_t { kEn, kJa };

struct MessageText {
  Msg id;
  std::string_view key;  // stable id, e.g. "hcl.expected_expression"
  std::string_view en;
  std::string_view ja;
};

using MessageArgs = std::vector<std::pair<std::string_view, std::string>>;

// The table (every Msg exactly once, in enum order).
[[nodiscard]] const std::vector<MessageText>& message_table();

// `{name}` placeholders replaced by the named arguments.
[[nodiscard]] std::string render(Msg id, const MessageArgs& args, Lang lang = Lang::kEn);

}  // namespace ecsguard::parse::terraform::hcl
