// GitLab security report, SAST flavour, schema 15.0.4 (CONVENTIONS.md §4.4; the fields Checkov's
// gitlab_sast.py fills), for `artifacts:reports:sast`. Vulnerability ids are UUIDs derived from the
// stable fingerprint (Checkov draws uuid4s, so every pipeline shows every finding as new).
#include <algorithm>
#include <cstdint>
#include <string>

#include "ecsguard/core/json_writer.h"
#include "ecsguard/core/version.h"
#include "ecsguard/report/formats.h"
#include "ecsguard/report/projection.h"

namespace ecsguard::report {

namespace {

using core::JsonWriter;

constexpr std::string_view kSchemaVersion = "15.0.4";

// FNV-1a 64 of `s` from `seed`.
std::uint64_t fnv1a(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// An RFC 9562 version-8 UUID (vendor-specific) from the check id and fingerprint: stable across
// pipelines, distinct per finding.
std::string uuid_of(const engine::Finding& f) {
  const std::string key = std::string(f.id()) + "/" + f.fingerprint;
  std::uint64_t hi = fnv1a(key, 0xcbf29ce484222325ULL);
  std::uint64_t lo = fnv1a(key, 0x84222325cbf29ce4ULL);
  hi = (hi & ~0xF000ULL) | 0x8000ULL;                         // version 8
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 15; i >= 0; --i) out += kHex[(hi >> (i * 4)) & 0xFU];
  for (int i = 15; i >= 0; --i) out += kHex[(lo >> (i * 4)) & 0xFU];
  out.insert(20, "-");
  out.insert(16, "-");
  out.insert(12, "-");
  out.insert(8, "-");
  return out;
}

// GitLab wants "YYYY-MM-DDTHH:MM:SS" (no zone, UTC).
std::string gitlab_time(std::string_view rfc3339) {
  return std::string(rfc3339.substr(0, std::min<std::size_t>(rfc3339.size(), 19)));
}

void write_scanner(JsonWriter& w, std::string_view key) {
  w.key(key).begin_object();
  w.member("id", core::kToolName);
  w.member("name", core::kToolName);
  w.member("version", core::kVersion);
  w.key("vendor").begin_object_inline().member("name", core::kToolName).end_object();
  if (key == "scanner") w.member("url", kInformationUri);
  w.end_object();
}

void write_vulnerability(JsonWriter& w, const engine::Finding& f, RepoPaths& paths,
                         i18n::Lang lang) {
  std::string description =
      f.status == core::Status::kFail ? f.message : status_word(f.status, lang) + ": " + f.message;
  const std::string rationale = rationale_of(f, lang);
  if (!rationale.empty()) description += "\n\n" + rationale;
  std::string solution;
  for (const auto& s : remediation_for(f)) {
    if (!solution.empty()) solution += "\n\n";
    solution += std::string(s.label) + ":\n" + std::string(s.code);
  }
  w.begin_object();
  w.member("id", uuid_of(f));
  w.member("name", title_of(f, lang));
  w.member("description", description);
  w.member("severity", gitlab_severity(f.severity));
  if (!solution.empty()) w.member("solution", solution);
  w.key("identifiers").begin_array().begin_object_inline();
  w.member("type", core::kToolName);
  w.member("name", f.id());
  w.member("value", f.id());
  w.member("url", help_uri(f));
  w.end_object().end_array();
  w.key("location").begin_object_inline();
  w.member("file", paths.relative(f.file));
  w.member("start_line", std::max(f.loc.line, 1U));
  w.member("end_line", std::max(f.loc.line, 1U));
  w.end_object();
  w.key("links").begin_array().begin_object_inline().member("url", help_uri(f)).end_object();
  w.end_array();
  w.end_object();
}

}  // namespace

void write_gitlab_sast(const ReportData& data, std::ostream& out, const WriteOptions& options) {
  RepoPaths paths;
  JsonWriter w(out);
  w.begin_object();
  w.member("version", kSchemaVersion);
  w.member("schema",
           "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v" +
               std::string(kSchemaVersion) + "/dist/sast-report-format.json");
  w.key("scan").begin_object();
  w.member("type", "sast");
  w.member("status", data.files_failed ? "failure" : "success");
  w.member("start_time", gitlab_time(options.now));
  w.member("end_time", gitlab_time(options.now));
  write_scanner(w, "analyzer");
  write_scanner(w, "scanner");
  w.end_object();
  w.key("vulnerabilities").begin_array();
  for (const auto& f : data.findings) write_vulnerability(w, f, paths, options.lang);
  w.end_array();
  w.end_object();
  w.flush();
}

}  // namespace ecsguard::report
