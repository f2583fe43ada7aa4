#include "ecsguard/parse/dockerfile/words.h"

#include <simdjson.h>

#include <string>

#include "ecsguard/parse/dockerfile/text.h"

namespace ecsguard::parse::dockerfile {

namespace {

// reWhitespace: [\t\v\f\r ] (no newline: a logical line has none).
constexpr bool is_blank(char c) noexcept { return c != '\n' && is_space(c); }

struct Word {
  std::string text;
  bool blank_ok = false;  // quoted: kept even when empty ("")
};

// One word from rest[pos] (not a space) up to the next unquoted space; `pos` ends there.
// keep_quotes (parseWords): quotes and escape tokens stay in the word, and the escape token does
// nothing inside '...'. Otherwise (extractBuilderFlags) both are removed, and the escape token
// escapes inside either quote. An escape token at the very end is dropped.
Word read_word(std::string_view rest, std::size_t& pos, char escape, bool keep_quotes) {
  Word w;
  char quote = 0;
  for (; pos < rest.size(); ++pos) {
    char ch = rest[pos];
    if (quote == 0) {
      if (is_space(ch)) break;
      if (ch == '\'' || ch == '"') {
        quote = ch;
        w.blank_ok = true;
        if (keep_quotes) w.text.push_back(ch);
        continue;
      }
    } else if (ch == quote) {
      quote = 0;
      if (keep_quotes) w.text.push_back(ch);
      continue;
    }
    if (ch == escape && (quote == 0 || !keep_quotes || quote != '\'')) {
      if (pos + 1 == rest.size()) {
        quote = 0;
        continue;
      }
      if (keep_quotes) w.text.push_back(ch);
      ch = rest[++pos];
    }
    w.text.push_back(ch);
  }
  return w;
}

}  // namespace

CommandLine split_command(std::string_view line, char escape) {
  CommandLine out;
  std::string_view s = trim_space(line);
  std::size_t i = 0;
  while (i < s.size() && !is_blank(s[i])) ++i;
  out.keyword.assign(s.substr(0, i));
  while (i < s.size() && is_blank(s[i])) ++i;
  const std::string_view rest = s.substr(i);
  // extractBuilderFlags: leading words that start with "--"; "--" alone ends them.
  std::size_t pos = 0;
  while (true) {
    while (pos < rest.size() && is_space(rest[pos])) ++pos;
    if (pos == rest.size()) return out;
    if (rest.substr(pos, 2) != "--") break;
    Word w = read_word(rest, pos, escape, false);
    if (w.text == "--") break;
    if (w.blank_ok || !w.text.empty()) out.flags.push_back(std::move(w.text));
  }
  out.rest.assign(trim_space(rest.substr(pos)));
  return out;
}

std::vector<std::string> split_whitespace(std::string_view rest) {
  std::vector<std::string> out;
  if (rest.empty()) return out;
  std::size_t i = 0;
  while (true) {
    std::size_t j = i;
    while (j < rest.size() && !is_blank(rest[j])) ++j;
    out.emplace_back(rest.substr(i, j - i));
    if (j == rest.size()) break;
    while (j < rest.size() && is_blank(rest[j])) ++j;
    i = j;
  }
  return out;
}

std::vector<std::string> parse_words(std::string_view rest, char escape) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (true) {
    while (pos < rest.size() && is_space(rest[pos])) ++pos;
    if (pos == rest.size()) return words;
    Word w = read_word(rest, pos, escape, true);
    if (w.blank_ok || !w.text.empty()) words.push_back(std::move(w.text));
  }
}

JsonArray parse_json_array(std::string_view rest, std::vector<std::string>& out) {
  out.clear();
  const std::string_view s = trim_left_space(rest);
  if (!s.starts_with('[')) return JsonArray::kNotJson;
  const simdjson::padded_string padded(s);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(padded).get(doc) != simdjson::SUCCESS) return JsonArray::kNotJson;
  simdjson::dom::array array;
  if (doc.get_array().get(array) != simdjson::SUCCESS) return JsonArray::kNotJson;
  for (simdjson::dom::element e : array) {
    std::string_view str;
    if (e.get_string().get(str) != simdjson::SUCCESS) {
      out.clear();
      return JsonArray::kNotStrings;
    }
    out.emplace_back(str);
  }
  return JsonArray::kStrings;
}

namespace {

// The words of a line as BuildKit's heredoc scan sees them (shell.Lex with raw quotes, raw
// escapes and unset variables kept; '\' is the escape here whatever the directive says).
// std::nullopt when the lexer fails (unterminated quote or ${): then no heredoc is read.
std::optional<std::vector<std::string>> raw_shell_words(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  const auto flush = [&] {
    if (in_word && !word.empty()) words.push_back(word);
    word.clear();
    in_word = false;
  };
  std::size_t i = 0;
  while (i < line.size()) {
    const char ch = line[i];
    if (ch == '\'' || ch == '"') {
      const std::size_t start = i++;
      while (i < line.size() && line[i] != ch) {
        if (ch == '"' && line[i] == '\\' && i + 1 < line.size()) ++i;
        ++i;
      }
      if (i >= line.size()) return std::nullopt;
      word.append(line.substr(start, ++i - start));
      in_word = true;
    } else if (ch == '\\') {
      word.append(line.substr(i, i + 1 < line.size() ? 2 : 1));
      i += 2;
      in_word = true;
    } else if (ch == '<' && i + 1 < line.size() && line[i + 1] == '<') {
      std::size_t j = i + 2;
      while (j < line.size() && is_space(line[j])) ++j;
      word.append(line.substr(i, j - i));
      i = j;
      in_word = true;
    } else if (ch == '$' && i + 1 < line.size() && line[i + 1] == '{') {
      const std::size_t close = line.find('}', i + 2);
      if (close == std::string_view::npos || close == i + 2) return std::nullopt;
      word.append(line.substr(i, close + 1 - i));
      i = close + 1;
      in_word = true;
    } else if (is_space(ch)) {
      flush();
      ++i;
    } else {
      word.push_back(ch);
      in_word = true;
      ++i;
    }
  }
  flush();
  return words;
}

// The delimiter word after `<<`: unquoted, and whether quotes were removed (no expansion then).
std::optional<std::pair<std::string, bool>> unquote_delimiter(std::string_view rest) {
  std::string word;
  bool quoted = false;
  bool seen_space_after = false;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char ch = rest[i];
    if (is_space(ch)) {
      if (!word.empty() || quoted) seen_space_after = true;
      continue;
    }
    if (seen_space_after) return std::nullopt;  // more than one word
    if (ch == '\'' || ch == '"') {
      quoted = true;
      std::size_t j = i + 1;
      while (j < rest.size() && rest[j] != ch) {
        if (ch == '"' && rest[j] == '\\' && j + 1 < rest.size() &&
            (rest[j + 1] == '"' || rest[j + 1] == '$' || rest[j + 1] == '\\')) {
          ++j;
        }
        word.push_back(rest[j]);
        ++j;
      }
      if (j >= rest.size()) return std::nullopt;
      i = j;
    } else if (ch == '\\' && i + 1 < rest.size()) {
      word.push_back(rest[++i]);
    } else {
      word.push_back(ch);
    }
  }
  if (word.empty() && !quoted) return std::nullopt;
  return std::make_pair(word, quoted);
}

// `^(\d*)<<(-?)\s*([^<]*)$`
std::optional<HeredocMarker> heredoc_marker(std::string_view w) {
  std::size_t i = 0;
  while (i < w.size() && is_digit(w[i])) ++i;
  if (w.substr(i, 2) != "<<") return std::nullopt;
  std::uint64_t fd = 0;
  for (std::size_t k = 0; k < i && k < 9; ++k)
    fd = fd * 10 + static_cast<std::uint64_t>(w[k] - '0');
  HeredocMarker m;
  m.fd = static_cast<std::uint32_t>(fd);
  i += 2;
  if (i < w.size() && w[i] == '-') {
    m.chomp = true;
    ++i;
  }
  const std::string_view rest = trim_left_space(w.substr(i));
  if (rest.empty() || rest.find('<') != std::string_view::npos) return std::nullopt;
  auto word = unquote_delimiter(rest);
  if (!word) return std::nullopt;
  m.name = std::move(word->first);
  m.expand = !word->second;
  return m;
}

}  // namespace

std::vector<HeredocMarker> heredoc_markers(std::string_view line) {
  std::vector<HeredocMarker> out;
  if (line.find("<<") == std::string_view::npos) return out;
  const auto words = raw_shell_words(line);
  if (!words) return out;
  for (const auto& w : *words) {
    if (auto m = heredoc_marker(w)) out.push_back(std::move(*m));
  }
  return out;
}

}  // namespace ecsguard::parse::dockerfile
