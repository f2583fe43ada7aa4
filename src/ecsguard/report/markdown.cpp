// Markdown for pull-request comments and $GITHUB_STEP_SUMMARY (CONVENTIONS.md §4.2, Checkov's
// github_failed_only table plus a Severity and a Status column). Rows are sorted the way a
// reviewer reads them (failing first, then by severity) and the whole text stays under
// kCapBytes: a PR comment takes at most 65,536 characters and a step summary 1 MiB, so the rows
// that do not fit are counted, not silently dropped.
#include <algorithm>
#include <string>
#include <vector>

#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/report/formats.h"
#include "ecsguard/report/projection.h"

namespace ecsguard::report {

namespace {

namespace msg = i18n::msg::formats;

constexpr std::size_t kCapBytes = std::size_t{60} * 1024;
constexpr std::size_t kFooterReserve = 1024;  // the "N more not shown" line and input problems

// A table cell: one line, no pipe, no HTML.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void write_markdown(const ReportData& data, std::ostream& out, const WriteOptions& options) {
  const i18n::Lang lang = options.lang;
  const auto tr = [lang](i18n::Id id) { return i18n::render(id, lang); };
  std::size_t fail = 0, warn = 0, unknown = 0;
  for (const auto& f : data.findings) {
    fail += f.status == core::Status::kFail ? 1 : 0;
    warn += f.status == core::Status::kWarn ? 1 : 0;
    unknown += f.status == core::Status::kUnknown ? 1 : 0;
  }
  std::string text = "### " + tr(msg::markdown::Heading::kId) + "\n\n";
  text += "**" + verdict_text(data, lang) + "**\n\n";
  text += "```\n" +
          i18n::render(msg::markdown::Counts{.scanned = data.files_scanned,
                                             .discovered = data.files_discovered,
                                             .fail = fail,
                                             .warn = warn,
                                             .unknown = unknown},
                       lang) +
          "\n```\n\n";
  if (data.findings.empty()) {
    text += tr(msg::markdown::NoFindings::kId) + "\n";
  } else {
    text += "| " + tr(msg::label::CheckId::kId) + " | " + tr(msg::label::Severity::kId) + " | " +
            tr(msg::label::Status::kId) + " | " + tr(msg::label::CheckName::kId) + " | " +
            tr(msg::label::Resource::kId) + " | " + tr(msg::label::Guideline::kId) + " | " +
            tr(msg::label::File::kId) + " |\n|---|---|---|---|---|---|---|\n";
  }
  RepoPaths paths;
  const auto rows = reading_order(data.findings);
  std::size_t shown = 0;
  for (const auto* f : rows) {
    const std::string row =
        "| " + cell(f->id()) + " | " + std::string(core::to_string(f->severity)) + " | " +
        cell(status_word(f->status, lang)) + " | " + cell(title_of(*f, lang)) + " | " +
        cell(f->resource_type + "." + subject_of(*f)) + " | [" + tr(msg::label::Link::kId) + "](" +
        help_uri(*f) + ") | `" + cell(paths.relative(f->file)) + ":" + std::to_string(f->loc.line) +
        "` |\n";
    if (text.size() + row.size() + kFooterReserve > kCapBytes) break;
    text += row;
    ++shown;
  }
  if (shown < rows.size()) {
    text +=
        "\n" +
        i18n::render(
            msg::markdown::Truncated{.cut = rows.size() - shown, .limit = kCapBytes / 1024}, lang) +
        "\n";
  }
  if (!data.diagnostics.empty()) {
    std::string problems = "\n<details><summary>" + tr(msg::markdown::InputProblems::kId) + " (" +
                           std::to_string(data.diagnostics.size()) + ")</summary>\n\n";
    for (const auto& d : data.diagnostics) {
      problems += "- `" + cell(paths.relative(d.file)) +
                  (d.line ? ":" + std::to_string(d.line) : "") + "` " + cell(d.message) + "\n";
    }
    problems += "\n</details>\n";
    if (text.size() + problems.size() <= kCapBytes) text += problems;
  }
  out << text;
}

}  // namespace ecsguard::report
