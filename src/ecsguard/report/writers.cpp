#include "ecsguard/report/writers.h"

#include <array>

#include "ecsguard/report/formats.h"

namespace ecsguard::report {

namespace {

void table(const ReportData& data, std::ostream& out, const WriteOptions& options) {
  write_table(data, out,
              TableOptions{.color = options.color,
                           .lang = options.lang,
                           .verbose = options.verbose,
                           .quiet = options.quiet,
                           .compact = options.compact,
                           .width = options.width});
}

void json(const ReportData& data, std::ostream& out, const WriteOptions& /*options*/) {
  write_json(data, out);
}

constexpr std::array kWriters = {
    Writer{"table", "terminal table grouped by resource", false, &table, "results_cli.txt"},
    Writer{"json", "the JSON contract of docs/json-format.md", true, &json, "results_json.json"},
    Writer{"sarif", "SARIF 2.1.0 for GitHub code scanning", true, &write_sarif,
           "results_sarif.sarif"},
    Writer{"asff",
           "AWS Security Finding Format for Security Hub (needs --aws-account/--aws-region)", true,
           &write_asff, "results_asff.json"},
    Writer{"junit", "JUnit XML (Checkov's layout) for CI test reports", true, &write_junit,
           "results_junitxml.xml"},
    Writer{"markdown", "Markdown for PR comments and $GITHUB_STEP_SUMMARY (size-capped)", true,
           &write_markdown, "results_markdown.md"},
    Writer{"gitlab-sast", "GitLab SAST security report (schema 15.0.4)", true, &write_gitlab_sast,
           "results_gitlab_sast.json"},
    Writer{"html", "one self-contained HTML page: the layer picture and filterable findings", true,
           &write_html, "results.html"},
};

}  // namespace

std::span<const Writer> writers() noexcept { return kWriters; }

const Writer* find_writer(std::string_view name) noexcept {
  for (const auto& w : kWriters) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

}  // namespace ecsguard::report
