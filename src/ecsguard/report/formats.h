#pragma once
// The file formats of `--format` besides table and json, each one file (report/<format>.cpp) and
// one line in writers.cpp. Each is a projection of the same findings (CONVENTIONS.md §0, through
// report/projection.h) in the language of `options.lang`.
#include <ostream>

#include "ecsguard/report/report.h"
#include "ecsguard/report/writers.h"

namespace ecsguard::report {

// SARIF 2.1.0 for GitHub code scanning (CONVENTIONS.md §1.3).
void write_sarif(const ReportData& data, std::ostream& out, const WriteOptions& options);
// AWS Security Finding Format, a bare array for BatchImportFindings (CONVENTIONS.md §2).
void write_asff(const ReportData& data, std::ostream& out, const WriteOptions& options);
// JUnit XML in Checkov's layout (CONVENTIONS.md §4.5).
void write_junit(const ReportData& data, std::ostream& out, const WriteOptions& options);
// Markdown for pull-request comments and $GITHUB_STEP_SUMMARY, size-capped (CONVENTIONS.md §4.2).
void write_markdown(const ReportData& data, std::ostream& out, const WriteOptions& options);
// GitLab security report (SAST, schema 15.0.4; CONVENTIONS.md §4.4).
void write_gitlab_sast(const ReportData& data, std::ostream& out, const WriteOptions& options);
// One self-contained HTML page: the layer picture and filterable findings.
void write_html(const ReportData& data, std::ostream& out, const WriteOptions& options);

}  // namespace ecsguard::report
