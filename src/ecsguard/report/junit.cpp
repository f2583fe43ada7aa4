// JUnit XML in Checkov's layout (CONVENTIONS.md §4.5), for CI systems that show test reports
// (GitLab `artifacts:reports:junit`, Jenkins, Azure DevOps): one <testsuite> per input framework,
// one <testcase> per finding named "[SEVERITY][ID] title", classname "<file>.<resource>". A
// failing finding is a <failure>; warnings and undetermined results are test cases that pass,
// with the text in <system-out>, so the CI's red means what ecsguard's exit code means.
#include <algorithm>
#include <array>
#include <string>

#include "ecsguard/core/version.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/report/formats.h"
#include "ecsguard/report/projection.h"

namespace ecsguard::report {

namespace {

namespace label = i18n::msg::formats::label;

// Checkov's framework names; index = model::Origin.
constexpr std::array<std::string_view, 4> kSuites = {"cloudformation", "ecs_task_definition",
                                                     "terraform", "aws_api"};

std::string failure_body(const engine::Finding& f, const std::string& file, i18n::Lang lang) {
  const auto tr = [lang](i18n::Id id) { return i18n::render(id, lang); };
  std::string body = tr(label::Resource::kId) + ": " + f.resource_type + "." + subject_of(f) + "\n";
  body += tr(label::File::kId) + ": " + file + ":" + std::to_string(f.loc.line) + "\n";
  body += tr(label::Guideline::kId) + ": " + help_uri(f) + "\n\n";
  body += f.message + "\n";
  for (const auto& s : remediation_for(f)) {
    body += "\n" + tr(label::HowToFix::kId) + " (" + std::string(s.label) + "):\n" +
            std::string(s.code) + "\n";
  }
  return body;
}

void write_case(std::ostream& out, const engine::Finding& f, RepoPaths& paths, i18n::Lang lang) {
  const std::string file = paths.relative(f.file);
  const std::string title = title_of(f, lang);
  out << R"(    <testcase name=")"
      << xml_escape("[" + std::string(core::to_string(f.severity)) + "][" + std::string(f.id()) +
                    "] " + title)
      << R"(" classname=")" << xml_escape(file + "." + f.resource_type + "." + subject_of(f))
      << R"(" file=")" << xml_escape(file) << R"(">)" << '\n';
  if (f.status == core::Status::kFail) {
    out << R"(      <failure type="failure" message=")" << xml_escape(title)
        << R"(">)"
           "\n"
        << xml_escape(failure_body(f, file, lang)) << "      </failure>\n";
  } else {
    out << "      <system-out>" << xml_escape(status_word(f.status, lang) + ": " + f.message)
        << "</system-out>\n";
  }
  out << "    </testcase>\n";
}

}  // namespace

void write_junit(const ReportData& data, std::ostream& out, const WriteOptions& options) {
  std::array<std::size_t, kSuites.size()> tests{}, failures{};
  for (const auto& f : data.findings) {
    const auto i = static_cast<std::size_t>(f.origin);
    ++tests.at(i);
    if (f.status == core::Status::kFail) ++failures.at(i);
  }
  std::size_t all_tests = 0, all_failures = 0;
  for (std::size_t i = 0; i < kSuites.size(); ++i) {
    all_tests += tests.at(i);
    all_failures += failures.at(i);
  }
  // An input that could not be read is an error of the run, not a finding: JUnit's `errors`.
  const auto errors = static_cast<std::size_t>(
      std::count_if(data.diagnostics.begin(), data.diagnostics.end(),
                    [](const engine::Diagnostic& d) { return d.loses_input(); }));
  out << R"(<?xml version="1.0" encoding="UTF-8"?>)"
         "\n";
  out << R"(<testsuites name=")" << core::kToolName << " " << core::kVersion
      << R"(" disabled="0" errors=")" << errors << R"(" failures=")" << all_failures
      << R"(" tests=")" << all_tests << R"(" time="0">)" << '\n';
  RepoPaths paths;
  for (std::size_t i = 0; i < kSuites.size(); ++i) {
    if (tests.at(i) == 0) continue;
    out << R"(  <testsuite name=")" << kSuites.at(i) << R"( scan" tests=")" << tests.at(i)
        << R"(" failures=")" << failures.at(i)
        << R"(" skipped="0" errors="0" disabled="0" time="0">)"
           "\n";
    out << R"(    <properties><property name="fail_on" value=")"
        << xml_escape(data.policy.threshold_name())
        << R"("/></properties>)"
           "\n";
    for (const auto& f : data.findings) {
      if (static_cast<std::size_t>(f.origin) == i) write_case(out, f, paths, options.lang);
    }
    out << "  </testsuite>\n";
  }
  if (!data.diagnostics.empty()) {
    out << R"(  <testsuite name="inputs" tests=")" << data.diagnostics.size()
        << R"(" failures="0" skipped="0" errors=")" << errors
        << R"(" disabled="0" time="0">)"
           "\n";
    for (const auto& d : data.diagnostics) {
      const std::string file = paths.relative(d.file);
      out << R"(    <testcase name=")" << xml_escape(file) << R"(" classname=")" << xml_escape(file)
          << R"(" file=")" << xml_escape(file) << R"(">)" << '\n';
      const std::string where = file + (d.line ? ":" + std::to_string(d.line) : "") + ": ";
      if (d.loses_input()) {
        out << R"(      <error type=")" << core::to_string(d.code) << R"(" message=")"
            << xml_escape(where + d.message)
            << R"("/>)"
               "\n";
      } else {
        out << "      <system-out>" << xml_escape(where + d.message) << "</system-out>\n";
      }
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace ecsguard::report
