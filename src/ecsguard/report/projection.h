#pragma once
// What every file format takes from a finding in the same way (CONVENTIONS.md §0): the one
// severity mapping table, the check's documentation page, the remediation snippets that fit the
// finding's input format, repo-relative paths, and text caps. The writers (sarif.cpp, asff.cpp,
// junit.cpp, markdown.cpp, gitlab_sast.cpp, html.cpp, json.cpp) only arrange these.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/finding.h"
#include "ecsguard/i18n/lang.h"
#include "ecsguard/report/report.h"

namespace ecsguard::report {

// Where the project and its generated check pages (docs/checks/<layer>/<ID>.md) are published.
inline constexpr std::string_view kInformationUri = "https://github.com/ecsguard/ecsguard";
inline constexpr std::string_view kDocsBaseUri =
    "https://github.com/ecsguard/ecsguard/blob/main/docs/checks/";

// CONVENTIONS.md §0 severity table.
std::string_view sarif_level(core::Severity s) noexcept;
// GitHub's security-severity score ("9.5", "8.0", "5.5", "2.0"); empty for INFO (omitted).
std::string_view security_severity(core::Severity s) noexcept;
std::string_view asff_label(core::Severity s) noexcept;
std::string_view gitlab_severity(core::Severity s) noexcept;

// The check's documentation page.
std::string help_uri(const engine::CatalogEntry& entry);
// The same for a finding's check (empty without a catalog entry).
std::string help_uri(const engine::Finding& f);

// One remediation snippet: `format` is the key used in JSON ("cloudformation", "cdk",
// "terraform"), `language` the code-fence language, `label` the heading shown to people.
struct Snippet {
  std::string_view format;
  std::string_view language;
  std::string_view label;
  std::string_view code;
};

// The snippets for the finding's input, most fitting first: CloudFormation then CDK for a
// template (CDK users fix the construct, not the synthesized JSON), Terraform for HCL, and for
// task definition JSON the CloudFormation and Terraform forms (the checks carry no JSON snippet).
// Empty when the check has none.
std::vector<Snippet> remediation_for(const engine::Finding& f);

// Localised check title and rationale ("" when the finding has no catalog entry / check).
std::string title_of(const engine::Finding& f, i18n::Lang lang);
std::string rationale_of(const engine::Finding& f, i18n::Lang lang);
// "fail" / "warning" / "undetermined" in `lang`.
std::string status_word(core::Status s, i18n::Lang lang);
// "WebTaskDef › app": the resource and, when there is one, its container.
std::string subject_of(const engine::Finding& f);

// The order a person reads findings in (markdown, html): failing first, then warnings, then
// undetermined; most severe first within each; the scan's order otherwise.
std::vector<const engine::Finding*> reading_order(std::span<const engine::Finding> findings);

// The run's verdict in one line ("FAILED: 3 finding(s) at or above HIGH", INCOMPLETE, ...).
std::string verdict_text(const ReportData& data, i18n::Lang lang);

// `s` cut to at most `max_bytes` bytes on a UTF-8 character boundary, ending with "…" when cut.
std::string truncate_utf8(std::string_view s, std::size_t max_bytes);
// `s` with & < > " ' escaped, for XML and HTML text and attribute values.
std::string xml_escape(std::string_view s);

// Paths as a repository sees them: relative to the git work tree around the scanned file (or to
// the current directory outside one), '/'-separated. Remembers the last directory answered, so a
// report of many findings in one file does not look for `.git` again for each.
class RepoPaths {
 public:
  RepoPaths();
  // `display_path` is the path the scan printed (as given on the command line).
  std::string relative(std::string_view display_path);
  // file:///…/ of the directory paths are relative to (SARIF originalUriBaseIds).
  [[nodiscard]] std::string root_uri() const;

 private:
  std::string cwd_;
  std::string root_;
  std::string last_in_, last_out_;
};

// Percent-encodes what a URI path must not contain as is (RFC 3986; '/' kept).
std::string uri_path_escape(std::string_view path);

}  // namespace ecsguard::report
