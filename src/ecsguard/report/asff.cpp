// ASFF for Security Hub CSPM BatchImportFindings (CONVENTIONS.md §2): a bare JSON array, usable as
// `aws securityhub batch-import-findings --findings file://results.asff.json`. The product ARN is
// the account's default product, Id and GeneratorId are stable (fingerprint, check id), and with
// the previous run's report the findings that are gone come back as RecordState ARCHIVED.
#include <set>
#include <string>

#include "ecsguard/core/json_writer.h"
#include "ecsguard/core/version.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/report/asff.h"
#include "ecsguard/report/formats.h"
#include "ecsguard/report/projection.h"

namespace ecsguard::report {

namespace {

using core::JsonWriter;

constexpr std::size_t kMaxTitle = 256;
constexpr std::size_t kMaxDescription = 1024;
constexpr std::size_t kMaxRecommendation = 512;
constexpr std::size_t kMaxProductFieldValue = 2048;

std::string_view partition_of(std::string_view region) noexcept {
  if (region.starts_with("cn-")) return "aws-cn";
  if (region.starts_with("us-gov-")) return "aws-us-gov";
  return "aws";
}

std::string_view compliance_of(core::Status s) noexcept {
  switch (s) {
    case core::Status::kFail:
      return "FAILED";
    case core::Status::kWarn:
      return "WARNING";
    case core::Status::kUnknown:
    case core::Status::kPass:
      break;
  }
  return "NOT_AVAILABLE";
}

std::string finding_id(const engine::Finding& f, const WriteOptions& o) {
  return "ecsguard/iac/" + std::string(f.id()) + "/" + o.aws_account + "/" + o.aws_region + "/" +
         f.fingerprint;
}

// The fix for the finding's input format, as text (Recommendation.Text is at most 512 bytes).
std::string recommendation(const engine::Finding& f) {
  const auto snippets = remediation_for(f);
  if (snippets.empty()) return std::string(f.id());
  return std::string(snippets.front().label) + ":\n" + std::string(snippets.front().code);
}

void product_field(JsonWriter& w, std::string_view key, std::string_view value) {
  if (!value.empty()) w.member(key, truncate_utf8(value, kMaxProductFieldValue));
}

std::string write_finding(const engine::Finding& f, const std::string& id, std::string_view created,
                          const std::string& file, const WriteOptions& o) {
  std::string text;
  JsonWriter w(text);
  w.begin_object();
  w.member("SchemaVersion", "2018-10-08");
  w.member("Id", id);
  w.member("ProductArn", "arn:" + std::string(partition_of(o.aws_region)) +
                             ":securityhub:" + o.aws_region + ":" + o.aws_account + ":product/" +
                             o.aws_account + "/default");
  w.member("ProductName", core::kToolName);
  w.member("CompanyName", core::kToolName);
  w.member("GeneratorId", "ecsguard/" + std::string(f.id()));
  w.member("AwsAccountId", o.aws_account);
  w.key("Types").begin_array_inline();
  w.value("Software and Configuration Checks/AWS Security Best Practices");
  w.end_array();
  w.member("CreatedAt", created);
  w.member("UpdatedAt", o.now);
  w.key("Severity").begin_object_inline();
  w.member("Label", asff_label(f.severity));
  w.member("Original", core::to_string(f.severity));
  w.end_object();
  w.member("Title",
           truncate_utf8(std::string(f.id()) + " " + title_of(f, o.lang) + ": " + subject_of(f),
                         kMaxTitle));
  const std::string description = f.status == core::Status::kFail
                                      ? f.message
                                      : status_word(f.status, o.lang) + ": " + f.message;
  w.member("Description",
           truncate_utf8(description.empty() ? f.id() : description, kMaxDescription));
  w.key("Remediation").begin_object().key("Recommendation").begin_object();
  w.member("Text", truncate_utf8(recommendation(f), kMaxRecommendation));
  w.member("Url", help_uri(f));
  w.end_object().end_object();
  w.key("ProductFields").begin_object();
  product_field(w, "ecsguard/RuleId", f.id());
  product_field(w, "ecsguard/Status", core::to_string(f.status));
  product_field(w, "ecsguard/File", file);
  product_field(w, "ecsguard/StartLine", std::to_string(f.loc.line));
  product_field(w, "ecsguard/Resource", f.resource_name);
  product_field(w, "ecsguard/Container", f.container);
  product_field(w, "ecsguard/Property", f.property);
  product_field(w, "ecsguard/CdkPath", f.cdk_path);
  product_field(w, "ecsguard/Version", core::kVersion);
  w.end_object();
  // A template not deployed yet has no ARN: Type "Other", Id "<file>#<logical id>" (§2.2).
  w.key("Resources").begin_array().begin_object();
  w.member("Type", "Other");
  w.member("Id", truncate_utf8(file + "#" + subject_of(f), kMaxProductFieldValue));
  w.member("Partition", partition_of(o.aws_region));
  w.member("Region", o.aws_region);
  w.key("Details").begin_object().key("Other").begin_object();
  product_field(w, "File", file);
  product_field(w, "StartLine", std::to_string(f.loc.line));
  product_field(w, "LogicalId", f.resource_name);
  product_field(w, "ResourceType", f.resource_type);
  product_field(w, "CdkPath", f.cdk_path);
  w.end_object().end_object();
  w.end_object().end_array();
  w.key("Compliance").begin_object_inline().member("Status", compliance_of(f.status)).end_object();
  w.member("RecordState", "ACTIVE");
  w.end_object();
  return text;
}

// Writes one array element, indented like the rest.
void element(std::ostream& out, bool& first, std::string_view json) {
  out << (first ? "\n  " : ",\n  ");
  first = false;
  for (char c : json.substr(0, json.ends_with('\n') ? json.size() - 1 : json.size())) {
    out << c;
    if (c == '\n') out << "  ";
  }
}

}  // namespace

std::string asff_options_problem(std::string_view account, std::string_view region,
                                 i18n::Lang lang) {
  namespace msg = i18n::msg::formats::asff;
  if (account.empty() || region.empty()) return i18n::render(msg::NeedsAccount::kId, lang);
  const bool digits =
      account.size() == 12 && account.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits) return i18n::render(msg::BadAccount{.account = account}, lang);
  return {};
}

void write_asff(const ReportData& data, std::ostream& out, const WriteOptions& options) {
  RepoPaths paths;
  std::set<std::string> current;
  bool first = true;
  out << '[';
  for (const auto& f : data.findings) {
    std::string id = finding_id(f, options);
    const PreviousAsffFinding* before =
        options.previous_asff ? options.previous_asff->find(id) : nullptr;
    const std::string_view created =
        before && !before->created_at.empty() ? std::string_view(before->created_at) : options.now;
    element(out, first, write_finding(f, id, created, paths.relative(f.file), options));
    current.insert(std::move(id));
  }
  if (options.previous_asff) {
    for (const auto& p : options.previous_asff->findings) {
      if (p.archived || current.contains(p.id)) continue;
      if (options.previous_asff->find(p.id) != &p) continue;  // a repeated Id: its last copy
      element(out, first, archived_asff_finding(p, options.now));
    }
  }
  out << (first ? "]\n" : "\n]\n");
}

}  // namespace ecsguard::report
