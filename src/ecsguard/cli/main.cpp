// ecsguard command line: thin wiring over scan, report and guard.
//
// Exit codes (README "Exit codes"): 0 nothing failing at or above --fail-on; 1 findings at or above
// it; 2 usage error or nothing could be scanned; 3 some input could not be read or parsed (its
// findings are lost, so CI must not go green) — 3 wins over 1.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "ecsguard/core/strings.h"
#include "ecsguard/core/version.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/i18n/lang.h"
#include "ecsguard/report/docs.h"
#include "ecsguard/report/report.h"
#include "ecsguard/scan/scan.h"
#ifdef ECSGUARD_HAVE_GUARD
#include "ecsguard/guard/cli.h"
#include "ecsguard/scan/guard_profile.h"
#endif

namespace {

using namespace ecsguard;  // NOLINT(google-build-using-namespace)

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInputLost = 3;

struct ScanArgs {
  std::vector<std::string> paths;
  std::string format = "table";
  std::string output;
  std::string fail_on = "high";
  std::string color = "auto";
  std::vector<std::string> checks;
  unsigned threads = 0;
  std::string guard_profile_dir;
  core::Limits limits;
  i18n::Lang lang = i18n::Lang::kEn;
};

int run_scan_command(const ScanArgs& args) {
  scan::ScanRequest req;
  req.paths = args.paths;
  req.limits = args.limits;
  req.threads = args.threads;
  req.options.lang = args.lang;
  for (const auto& c : args.checks) {
    for (auto part : core::split(c, ',')) {
      const std::string id(core::trim(part));
      if (id.empty()) continue;
      if (!engine::find_catalog_entry(id)) {
        std::cerr << "ecsguard: unknown check id '" << id << "' (see `ecsguard checks`)\n";
        return kExitUsage;
      }
      if (!engine::find_check(id)) {
        std::cerr << "ecsguard: check " << id << " is in the catalog but not implemented yet\n";
        return kExitUsage;
      }
      req.only_checks.push_back(id);
    }
  }
  report::ReportData data;
  if (core::iequals(args.fail_on, "never")) {
    data.fail_never = true;
  } else if (auto sev = core::parse_severity(args.fail_on)) {
    data.fail_on = *sev;
  } else {
    std::cerr << "ecsguard: --fail-on must be critical, high, medium, low or never\n";
    return kExitUsage;
  }
  for (const auto& p : req.paths) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(p, ec))) {
      std::cerr << "ecsguard: " << p << ": no such file or directory\n";
      return kExitUsage;
    }
  }

  scan::ScanResult res = scan::run_scan(req);
  data.findings = res.findings;
  data.diagnostics = res.diagnostics;
  data.checks_run = res.checks_run;
  data.files_discovered = res.files_discovered;
  data.files_scanned = res.files_scanned;
  data.files_failed = res.files_failed;

#ifdef ECSGUARD_HAVE_GUARD
  if (!args.guard_profile_dir.empty()) {
    auto written = scan::write_guard_profiles(res.stack, args.guard_profile_dir);
    if (!written) {
      std::cerr << "ecsguard: --emit-guard-profile: " << written.error().message << '\n';
      return kExitUsage;
    }
    std::cerr << "ecsguard: wrote " << *written << " guard profile(s) to " << args.guard_profile_dir
              << '\n';
  }
#endif

  std::ofstream file;
  std::ostream* out = &std::cout;
  const bool to_file = !args.output.empty() && args.output != "-";
  if (to_file) {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "ecsguard: cannot write " << args.output << '\n';
      return kExitUsage;
    }
    out = &file;
  }
  if (args.format == "json") {
    report::write_json(data, *out);
  } else {
    bool color = false;
    if (args.color == "always") color = true;
    if (args.color == "auto")
      color = !to_file && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    report::write_table(data, *out, color, args.lang);
  }
  out->flush();
  if (to_file || args.format == "json") {
    // Diagnostics always reach stderr too, so a CI log shows why the exit code is what it is.
    for (const auto& d : res.diagnostics) {
      if (!d.loses_input()) continue;
      std::cerr << "ecsguard: error: " << d.file;
      if (d.line) std::cerr << ':' << d.line << ':' << d.column;
      std::cerr << ": " << d.message << '\n';
    }
  }
  if (res.input_lost()) return kExitInputLost;
  if (res.files_scanned == 0) {
    std::cerr << "ecsguard: nothing to scan: no CloudFormation template or ECS task definition "
                 "found in the given paths\n";
    return kExitUsage;
  }
  return report::count_failing(data) ? kExitFindings : kExitOk;
}

int run_docs_command(const std::string& out_dir, bool check_only, i18n::Lang lang) {
  namespace fs = std::filesystem;
  int stale = 0;
  auto emit = [&](const fs::path& path, const std::string& content) {
    if (check_only) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      if (!in || ss.str() != content) {
        std::cerr << "ecsguard docs: " << path.string() << " is out of date\n";
        ++stale;
      }
      return;
    }
    fs::create_directories(path.parent_path());
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << content;
  };
  std::ostringstream index;
  report::write_check_index(index, lang);
  emit(fs::path(out_dir) / "README.md", index.str());
  for (const auto& e : engine::catalog()) {
    std::ostringstream page;
    report::write_check_page(e, engine::find_check(e.id), page, lang);
    emit(fs::path(out_dir) / std::string(core::to_string(e.layer)) / (std::string(e.id) + ".md"),
         page.str());
  }
  if (check_only && stale) {
    std::cerr << "ecsguard docs: run `ecsguard docs --out " << out_dir << "` and commit\n";
    return 1;
  }
  return kExitOk;
}

int run_main(int argc, char** argv) {
#ifdef ECSGUARD_HAVE_GUARD
  if (argc >= 2 && std::string_view(argv[1]) == "guard") {
    return guard::run_guard_command(argc - 1, argv + 1);
  }
#endif
  CLI::App app{"ecsguard: security for ECS on Fargate stacks, layer by layer"};
  app.name("ecsguard");
  app.set_version_flag("--version",
                       std::string(core::kToolName) + " " + std::string(core::kVersion));
  app.require_subcommand(1);

  ScanArgs scan_args;
  auto* scan_cmd = app.add_subcommand(
      "scan", "Scan CloudFormation (JSON/YAML, CDK synth output) and ECS task definition JSON");
  scan_cmd->add_option("paths", scan_args.paths, "Files or directories (default: .)");
  scan_cmd->add_option("-f,--format", scan_args.format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  scan_cmd->add_option("-o,--output", scan_args.output,
                       "Write the report to FILE (default: stdout; diagnostics go to stderr)");
  scan_cmd
      ->add_option("--fail-on", scan_args.fail_on,
                   "Exit 1 when a finding at or above this severity fails: critical, high, "
                   "medium, low or never")
      ->capture_default_str();
  scan_cmd->add_option("--check", scan_args.checks, "Run only these check ids (comma-separated)");
  scan_cmd->add_option("--threads", scan_args.threads, "Worker threads (default: all cores)");
  scan_cmd->add_option("--color", scan_args.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  // Input limits (core::Limits, docs/security.md): one flag each, its default shown in --help.
  const auto limit = [&](const char* flag, auto& field, const char* what) {
    scan_cmd->add_option(flag, field, what)->capture_default_str();
  };
  auto& lim = scan_args.limits;
  limit("--max-file-size", lim.max_file_bytes, "Largest input file in bytes");
  limit("--max-depth", lim.max_depth, "Deepest JSON/YAML nesting");
  limit("--max-resources", lim.max_resources, "Most resources in one template");
  limit("--max-nodes", lim.max_nodes,
        "Most nodes in one JSON/YAML document (incl. alias expansion)");
  limit("--max-scalar-size", lim.max_scalar_bytes, "Longest string or scalar in bytes");
  limit("--max-intrinsic-depth", lim.max_intrinsic_depth,
        "Deepest nesting of CloudFormation intrinsic functions and Ref chains");
  limit("--max-nested-stack-depth", lim.max_nested_stack_depth,
        "Longest chain of local nested stacks");
  limit("--max-nested-stacks", lim.max_nested_stacks,
        "Most nested templates loaded under one template");
  limit("--max-files", lim.max_files, "Most files in one scan");
  limit("--max-alias-expansions", lim.max_alias_expansions,
        "Most YAML alias dereferences in one document");
#ifdef ECSGUARD_HAVE_GUARD
  scan_cmd->add_option("--emit-guard-profile", scan_args.guard_profile_dir,
                       "Write a runtime profile per container for `ecsguard guard --profile`");
#endif

  // --lang on scan, checks and explain (default: LC_ALL / LC_MESSAGES / LANG); on docs it defaults
  // to en whatever the locale, so the committed pages do not depend on who generates them.
  std::string lang_name;
  const auto add_lang = [&](CLI::App* cmd) {
    cmd->add_option("--lang", lang_name,
                    "Message language: en or ja (default: from LC_ALL, LC_MESSAGES or LANG)")
        ->check(CLI::IsMember({"en", "ja"}, CLI::ignore_case));
  };
  add_lang(scan_cmd);

  std::string checks_format = "table";
  auto* checks_cmd = app.add_subcommand("checks", "List the check catalog");
  checks_cmd->add_option("-f,--format", checks_format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  add_lang(checks_cmd);

  std::string explain_id;
  auto* explain_cmd = app.add_subcommand("explain", "Explain a check and how to fix it");
  explain_cmd->add_option("id", explain_id, "Check id, e.g. CTR-001")->required();
  add_lang(explain_cmd);

  std::string docs_out = "docs/checks";
  bool docs_check = false;
  auto* docs_cmd = app.add_subcommand("docs", "Generate the check documentation pages");
  docs_cmd->add_option("--out", docs_out, "Output directory")->capture_default_str();
  docs_cmd->add_flag("--check", docs_check, "Only verify that the pages are up to date");
  docs_cmd->add_option("--lang", lang_name, "Language of the pages: en (default) or ja")
      ->check(CLI::IsMember({"en", "ja"}, CLI::ignore_case));

#ifdef ECSGUARD_HAVE_GUARD
  app.add_subcommand("guard", "Run CMD under the runtime supervisor (see `ecsguard guard --help`)");
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  const i18n::Lang lang = lang_name.empty() ? i18n::lang_from_environment()
                                            : i18n::parse_lang(lang_name).value_or(i18n::Lang::kEn);
  scan_args.lang = lang;
  if (scan_cmd->parsed()) return run_scan_command(scan_args);
  if (checks_cmd->parsed()) {
    report::write_check_list(std::cout, checks_format == "json", lang);
    return kExitOk;
  }
  if (explain_cmd->parsed()) {
    const auto* entry = engine::find_catalog_entry(core::to_upper(explain_id));
    if (!entry) {
      std::cerr << "ecsguard: unknown check id '" << explain_id << "' (see `ecsguard checks`)\n";
      return kExitUsage;
    }
    report::write_explain(*entry, engine::find_check(entry->id), std::cout, lang);
    return kExitOk;
  }
  if (docs_cmd->parsed()) {
    const i18n::Lang docs_lang = lang_name.empty() ? i18n::Lang::kEn : lang;
    // The Japanese set goes beside the English pages unless --out says otherwise.
    if (docs_lang == i18n::Lang::kJa && docs_cmd->count("--out") == 0) docs_out += "/ja";
    return run_docs_command(docs_out, docs_check, docs_lang);
  }
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run_main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "ecsguard: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "ecsguard: internal error\n";
  }
  return kExitUsage;
}
