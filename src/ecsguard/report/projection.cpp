#include "ecsguard/report/projection.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "ecsguard/core/path.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"

namespace ecsguard::report {

namespace {

std::size_t severity_index(core::Severity s) noexcept { return static_cast<std::size_t>(s); }

// Indexed by core::Severity (kInfo = 0 ... kCritical = 4).
constexpr std::string_view kSarifLevel[] = {"note", "note", "warning", "error", "error"};
constexpr std::string_view kSecuritySeverity[] = {"", "2.0", "5.5", "8.0", "9.5"};
constexpr std::string_view kAsffLabel[] = {"INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"};
constexpr std::string_view kGitlabSeverity[] = {"Info", "Low", "Medium", "High", "Critical"};

constexpr Snippet cloudformation(const engine::Remediation& r) {
  return {"cloudformation", "yaml", "CloudFormation", r.cloudformation};
}
constexpr Snippet cdk(const engine::Remediation& r) { return {"cdk", "ts", "AWS CDK", r.cdk}; }
constexpr Snippet dockerfile(const engine::Remediation& r) {
  return {"dockerfile", "dockerfile", "Dockerfile", r.dockerfile};
}
constexpr Snippet terraform(const engine::Remediation& r) {
  return {"terraform", "hcl", "Terraform", r.terraform};
}

}  // namespace

std::string_view sarif_level(core::Severity s) noexcept { return kSarifLevel[severity_index(s)]; }
std::string_view security_severity(core::Severity s) noexcept {
  return kSecuritySeverity[severity_index(s)];
}
std::string_view asff_label(core::Severity s) noexcept { return kAsffLabel[severity_index(s)]; }
std::string_view gitlab_severity(core::Severity s) noexcept {
  return kGitlabSeverity[severity_index(s)];
}

std::string help_uri(const engine::CatalogEntry& entry) {
  std::string out(kDocsBaseUri);
  out += core::to_string(entry.layer);
  out += '/';
  out += entry.id;
  out += ".md";
  return out;
}

std::string help_uri(const engine::Finding& f) { return f.entry ? help_uri(*f.entry) : ""; }

std::vector<Snippet> remediation_for(const engine::Finding& f) {
  std::vector<Snippet> out;
  if (!f.check) return out;
  const auto& r = f.check->remediation;
  switch (f.origin) {
    case model::Origin::kCloudFormation:
      out = {cloudformation(r), cdk(r)};
      break;
    case model::Origin::kTerraform:
      out = {terraform(r)};
      break;
    case model::Origin::kTaskDefinitionJson:
      out = {cloudformation(r), terraform(r)};
      break;
    case model::Origin::kApi:
      out = {cloudformation(r), cdk(r), terraform(r)};
      break;
    case model::Origin::kDockerfile:
    case model::Origin::kImageArchive:
      out = {dockerfile(r)};
      break;
  }
  std::erase_if(out, [](const Snippet& s) { return s.code.empty(); });
  return out;
}

std::string title_of(const engine::Finding& f, i18n::Lang lang) {
  return f.entry ? i18n::render(f.entry->title_id, lang) : std::string(f.id());
}

std::string rationale_of(const engine::Finding& f, i18n::Lang lang) {
  return f.check ? i18n::render(f.check->rationale, lang) : std::string();
}

std::string status_word(core::Status s, i18n::Lang lang) {
  namespace msg = i18n::msg::formats::status;
  switch (s) {
    case core::Status::kWarn:
      return i18n::render(msg::Warn::kId, lang);
    case core::Status::kUnknown:
      return i18n::render(msg::Unknown::kId, lang);
    case core::Status::kPass:
    case core::Status::kFail:
      break;
  }
  return i18n::render(msg::Fail::kId, lang);
}

std::string subject_of(const engine::Finding& f) {
  std::string out = f.resource_name;
  if (!f.container.empty()) out += " › " + f.container;
  return out;
}

std::vector<const engine::Finding*> reading_order(std::span<const engine::Finding> findings) {
  std::vector<const engine::Finding*> out;
  out.reserve(findings.size());
  for (const auto& f : findings) out.push_back(&f);
  const auto rank = [](core::Status s) {
    return s == core::Status::kFail ? 0 : s == core::Status::kWarn ? 1 : 2;
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto* a, const auto* b) {
    if (rank(a->status) != rank(b->status)) return rank(a->status) < rank(b->status);
    return a->severity > b->severity;
  });
  return out;
}

// The verdict line shared by the human-facing formats (markdown, html).
std::string verdict_text(const ReportData& data, i18n::Lang lang) {
  namespace vmsg = i18n::msg::formats::verdict;
  const std::string severity = core::to_upper(data.policy.threshold_name());
  if (data.scanned_nothing()) return i18n::render(vmsg::NothingScanned::kId, lang);
  if (data.files_failed) {
    return i18n::render(vmsg::Incomplete{.count = data.files_failed}, lang);
  }
  if (data.policy.fail_never) return i18n::render(vmsg::FailNever::kId, lang);
  if (count_failing(data)) {
    return i18n::render(vmsg::Failed{.failing = count_failing(data), .severity = severity}, lang);
  }
  return i18n::render(vmsg::Passed{.severity = severity}, lang);
}

std::string truncate_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  constexpr std::string_view kEllipsis = "…";
  if (max_bytes < kEllipsis.size()) return {};
  std::size_t cut = max_bytes - kEllipsis.size();
  // Back up to the first byte of a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U) --cut;
  std::string out(s.substr(0, cut));
  out += kEllipsis;
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // XML 1.0 allows no control characters but tab, newline and carriage return.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";  // U+FFFD
        } else {
          out += c;
        }
    }
  }
  return out;
}

RepoPaths::RepoPaths() {
  std::error_code ec;
  cwd_ = core::lexically_normal(std::filesystem::current_path(ec).generic_string());
  root_ = core::find_work_tree_root(cwd_);
  if (root_.empty()) root_ = cwd_;
}

std::string RepoPaths::relative(std::string_view display_path) {
  if (display_path == last_in_ && !last_out_.empty()) return last_out_;
  std::string abs = display_path.starts_with('/') ? std::string(display_path)
                                                  : cwd_ + "/" + std::string(display_path);
  abs = core::lexically_normal(abs);
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(abs, ec);  // symlinks resolved
  if (!ec) abs = core::lexically_normal(canonical.generic_string());
  last_in_ = display_path;
  last_out_ = core::path_contains(root_, abs) ? core::relative_path(root_, abs) : abs;
  return last_out_;
}

std::string RepoPaths::root_uri() const {
  std::string out = "file://" + uri_path_escape(root_);
  if (!out.ends_with('/')) out += '/';
  return out;
}

std::string uri_path_escape(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4U];
      out += kHex[u & 0x0FU];
    }
  }
  return out;
}

}  // namespace ecsguard::report
