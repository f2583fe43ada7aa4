#include "ecsguard/parse/dockerfile/lines.h"

#include <string>
#include <utility>

#include "ecsguard/core/strings.h"
#include "ecsguard/parse/dockerfile/messages.h"
#include "ecsguard/parse/dockerfile/text.h"

namespace ecsguard::parse::dockerfile {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view trim_newline(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool is_comment(std::string_view raw) {
  const std::string_view s = trim_left_space(raw);
  return !s.empty() && s.front() == '#';
}

}  // namespace

LineReader::LineReader(std::string_view text, core::FileId file, const Limits& limits,
                       std::vector<Directive>& directives, std::vector<Diagnostic>& diagnostics)
    : text_(text),
      file_(file),
      limits_(limits),
      directives_(directives),
      diagnostics_(diagnostics) {
  if (text_.starts_with(kBom)) text_.remove_prefix(kBom.size());
}

bool LineReader::next_physical(std::string_view& out) {
  if (pos_ >= text_.size()) return false;
  const std::size_t nl = text_.find('\n', pos_);
  const std::size_t end = nl == std::string_view::npos ? text_.size() : nl + 1;
  out = text_.substr(pos_, end - pos_);
  pos_ = end;
  ++line_;
  return true;
}

// `# name=value` at the top of the file, before any other line (directives.go ParseLine).
void LineReader::parse_directive(std::string_view line) {
  if (directives_done_) return;
  if (!line.starts_with('#')) {
    directives_done_ = true;
    return;
  }
  std::string_view rest = trim_left_space(line.substr(1));
  std::size_t n = 0;
  while (n < rest.size() && (is_alpha(rest[n]) || (n > 0 && is_digit(rest[n])))) ++n;
  std::string_view after = trim_left_space(rest.substr(n));
  std::string_view value = trim_space(after.empty() ? after : after.substr(1));
  if (n == 0 || after.empty() || after.front() != '=' || value.empty()) {
    directives_done_ = true;
    return;
  }
  const std::string key = core::to_lower(rest.substr(0, n));
  if (key != "syntax" && key != "escape" && key != "check") {
    directives_done_ = true;
    return;
  }
  if (!seen_.insert(key).second) {
    diagnostics_.push_back({DiagLevel::kError,
                            "dockerfile.directive-repeated",
                            core::Loc{file_, line_, 1},
                            {{"name", key}}});
    return;
  }
  if (key == "escape") {
    if (value == "`" || value == "\\") {
      escape_ = value.front();
    } else {
      diagnostics_.push_back({DiagLevel::kError,
                              "dockerfile.bad-escape",
                              core::Loc{file_, line_, 1},
                              {{"value", std::string(value)}}});
    }
  }
  directives_.push_back({key, std::string(value), line_});
}

// processLine: the line without its ending (and leading space), "" when it is a comment.
std::string_view LineReader::process(std::string_view raw, bool strip_left) {
  std::string_view s = trim_newline(raw);
  if (strip_left) s = trim_left_space(s);
  parse_directive(s);
  return is_comment(s) ? std::string_view() : s;
}

// `([^e])e[ \t]*$|^e[ \t]*$` with e the escape token: removes it and says the line continues.
bool LineReader::trim_continuation(std::string_view& line) const {
  std::string_view s = line;
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty() || s.back() != escape_) return false;
  if (s.size() >= 2 && s[s.size() - 2] == escape_) return false;
  line = s.substr(0, s.size() - 1);
  return true;
}

core::Result<std::optional<LogicalLine>> LineReader::next() {
  std::string_view raw;
  while (next_physical(raw)) {
    std::string_view first = process(raw, true);
    const bool continued = trim_continuation(first);
    if (!continued && first.empty()) continue;
    LogicalLine out;
    out.start_line = line_;
    out.column = static_cast<std::uint32_t>(trim_newline(raw).size() -
                                            trim_left_space(trim_newline(raw)).size() + 1);
    out.text.assign(first);
    bool more = continued;
    bool empty_continuation = false;
    while (more && next_physical(raw)) {
      std::string_view part = process(raw, false);
      if (is_comment(raw)) continue;
      if (trim_left_space(part).empty()) {
        empty_continuation = true;
        continue;
      }
      more = trim_continuation(part);
      out.text.append(part);
      if (out.text.size() > limits_.max_line_bytes) {
        return limit_error("dockerfile.limit-line", core::Loc{file_, out.start_line, 0},
                           {{"limit", std::to_string(limits_.max_line_bytes)}});
      }
    }
    if (out.text.size() > limits_.max_line_bytes) {
      return limit_error("dockerfile.limit-line", core::Loc{file_, out.start_line, 0},
                         {{"limit", std::to_string(limits_.max_line_bytes)}});
    }
    out.end_line = line_;
    if (empty_continuation) {
      diagnostics_.push_back({DiagLevel::kWarning,
                              "dockerfile.empty-continuation",
                              core::Loc{file_, out.start_line, out.column},
                              {}});
    }
    return std::optional<LogicalLine>(std::move(out));
  }
  return std::optional<LogicalLine>();
}

core::Result<HeredocBody> LineReader::heredoc(std::string_view name, bool chomp) {
  HeredocBody body;
  std::string_view raw;
  while (next_physical(raw)) {
    std::string_view candidate = trim_newline(raw);
    if (chomp) {
      while (!candidate.empty() && candidate.front() == '\t') candidate.remove_prefix(1);
    }
    if (candidate == name) {
      body.terminated = true;
      return body;
    }
    if (body.first_line == 0) body.first_line = line_;
    body.content.append(raw);
    if (body.content.size() > limits_.max_heredoc_bytes) {
      return limit_error(
          "dockerfile.limit-heredoc", core::Loc{file_, line_, 0},
          {{"name", std::string(name)}, {"limit", std::to_string(limits_.max_heredoc_bytes)}});
    }
  }
  return body;
}

}  // namespace ecsguard::parse::dockerfile
