#pragma once
// How BuildKit cuts a logical line into words (parser/split_command.go, line_parsers.go and the
// heredoc detection of parser.go): the instruction keyword, the builder flags, whitespace words,
// quote-aware words, JSON string arrays and heredoc markers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecsguard::parse::dockerfile {

struct CommandLine {
  std::string keyword;
  std::vector<std::string> flags;  // "--name=value" words, quotes and escapes removed
  std::string rest;                // the arguments after the flags, trimmed
};

// splitCommand + extractBuilderFlags.
CommandLine split_command(std::string_view line, char escape);

// reWhitespace.Split of the (trimmed) arguments; none for "".
std::vector<std::string> split_whitespace(std::string_view rest);

// parseWords: whitespace-separated words, quotes and escapes kept in the words.
std::vector<std::string> parse_words(std::string_view rest, char escape);

enum class JsonArray : unsigned char { kNotJson, kStrings, kNotStrings };

// parseJSON: `rest` is a JSON array of strings (exec form), some other JSON array, or not JSON.
JsonArray parse_json_array(std::string_view rest, std::vector<std::string>& out);

struct HeredocMarker {
  std::string name;
  bool expand = true;
  bool chomp = false;
  std::uint32_t fd = 0;
};

// The heredoc markers (`<<EOT`, `<<-"EOT"`, `3<<EOT`) on an instruction line, in order.
std::vector<HeredocMarker> heredoc_markers(std::string_view line);

}  // namespace ecsguard::parse::dockerfile
