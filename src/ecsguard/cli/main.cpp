// ecsguard command line: thin wiring over scan, report and guard.
//
// Exit codes (README "Exit codes"): 0 nothing failing at or above --fail-on; 1 findings at or above
// it; 2 usage error or nothing could be scanned; 3 some input could not be read or parsed (its
// findings are lost, so CI must not go green) — 3 wins over 1.
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "ecsguard/cli/messages.h"
#include "ecsguard/cli/scan_policy.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/core/suggest.h"
#include "ecsguard/core/version.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/i18n/lang.h"
#include "ecsguard/policy/matching.h"
#include "ecsguard/policy/policy.h"
#include "ecsguard/report/docs.h"
#include "ecsguard/report/report.h"
#include "ecsguard/report/writers.h"
#include "ecsguard/scan/scan.h"
#ifdef ECSGUARD_HAVE_GUARD
#include "ecsguard/guard/catalog.h"
#include "ecsguard/guard/cli.h"
#include "ecsguard/scan/guard_profile.h"
#endif

namespace {

using namespace ecsguard;  // NOLINT(google-build-using-namespace)
namespace messages = cli::messages;

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInputLost = 3;

struct ScanArgs {
  std::vector<std::string> paths;
  std::string stdin_name;
  std::string format = "table";
  std::string output;
  cli::PolicyArgs policy;  // --config-file, --skip-check, --accepted-risks, --baseline, --fail-on
  std::string create_baseline;
  bool verbose = false;
  bool quiet = false;
  bool compact = false;
  std::string color = "auto";
  std::vector<std::string> checks;
  unsigned threads = 0;
  std::string guard_profile_dir;
  core::Limits limits;
  i18n::Lang lang = i18n::Lang::kEn;
};

// --check values ("CTR-001,ctr-002" or repeated): ids upper-cased, each known and implemented.
bool select_checks(const std::vector<std::string>& values, std::vector<std::string>& out) {
  for (const auto& c : values) {
    for (auto part : core::split(c, ',')) {
      const std::string id = core::to_upper(core::trim(part));
      if (id.empty()) continue;
      if (!engine::find_catalog_entry(id) && policy::is_valid_pattern(id)) {
        // A glob or a severity (Checkov: --check HIGH = HIGH and above): the matching checks.
        for (const auto* check : engine::registered_checks()) {
          const auto* e = engine::find_catalog_entry(check->id);
          if (e && policy::selects(id, e->id, e->severity)) out.emplace_back(e->id);
        }
        continue;
      }
      if (!engine::find_catalog_entry(id)) {
        std::cerr << "ecsguard: unknown check id '" << core::trim(part)
                  << "' (see `ecsguard checks`)\n";
        return false;
      }
      if (!engine::find_check(id)) {
        std::cerr << "ecsguard: check " << id << " is in the catalog but not implemented yet\n";
        return false;
      }
      out.push_back(id);
    }
  }
  return true;
}

// Paths exist; '-' (standard input) at most once; --stdin-name only with '-'.
bool check_paths(const ScanArgs& args) {
  const auto dashes = std::count(args.paths.begin(), args.paths.end(), "-");
  if (dashes > 1) {
    std::cerr << messages::text(messages::kStdinTwice) << '\n';
    return false;
  }
  if (dashes == 0 && !args.stdin_name.empty()) {
    std::cerr << messages::text(messages::kStdinNameWithoutDash) << '\n';
    return false;
  }
  for (const auto& p : args.paths) {
    std::error_code ec;
    if (p != "-" && !std::filesystem::exists(std::filesystem::symlink_status(p, ec))) {
      std::cerr << "ecsguard: " << p << ": no such file or directory\n";
      return false;
    }
  }
  return true;
}

// Columns of the terminal the table is read on: the TTY's width, else $COLUMNS, else 100.
std::size_t terminal_width(bool tty) {
  winsize ws{};
  if (tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* cols = std::getenv("COLUMNS")) {
    const long n = std::strtol(cols, nullptr, 10);
    if (n >= 40 && n <= 1000) return static_cast<std::size_t>(n);
  }
  return 100;
}

// --create-baseline FILE: today's counting findings, for --baseline in later runs.
bool create_baseline(const std::string& path, std::span<const engine::Finding> findings) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    std::cerr << "ecsguard: cannot write " << path << '\n';
    return false;
  }
  policy::write_baseline(findings, file);
  return static_cast<bool>(file);
}

// Writes the report with the writer named by --format to stdout or -o FILE.
bool write_report(const ScanArgs& args, const report::ReportData& data) {
  const report::Writer* writer = report::find_writer(args.format);
  if (writer == nullptr) return false;  // --format is checked against the registry at parse time
  std::ofstream file;
  std::ostream* out = &std::cout;
  const bool to_file = !args.output.empty() && args.output != "-";
  if (to_file) {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "ecsguard: cannot write " << args.output << '\n';
      return false;
    }
    out = &file;
  }
  report::WriteOptions options;
  const bool tty = !to_file && ::isatty(STDOUT_FILENO);
  options.color =
      args.color == "always" || (args.color == "auto" && tty && !std::getenv("NO_COLOR"));
  options.lang = args.lang;
  options.verbose = args.verbose;
  options.quiet = args.quiet;
  options.compact = args.compact;
  options.width = terminal_width(tty);
  writer->write(data, *out, options);
  out->flush();
  if (to_file || writer->machine_readable) {
    // Diagnostics always reach stderr too, so a CI log shows why the exit code is what it is.
    for (const auto& d : data.diagnostics) {
      if (!d.loses_input()) continue;
      std::cerr << "ecsguard: error: " << d.file;
      if (d.line) std::cerr << ':' << d.line << ':' << d.column;
      std::cerr << ": " << d.message << '\n';
    }
  }
  return true;
}

int run_scan_command(const ScanArgs& args) {
  scan::ScanRequest req;
  req.paths = args.paths;
  req.stdin_name = args.stdin_name;
  req.limits = args.limits;
  req.threads = args.threads;
  req.options.lang = args.lang;
  if (!check_paths(args)) return kExitUsage;
  auto setup = cli::setup_policy(args.policy, args.paths, req.options, args.lang);
  if (!setup) {
    std::cerr << "ecsguard: " << setup.error().message << '\n';
    return kExitUsage;
  }
  std::vector<std::string> checks = args.checks;
  checks.insert(checks.end(), setup->checks.begin(), setup->checks.end());
  if (!select_checks(checks, req.only_checks)) return kExitUsage;

  // runner -> policy -> report writers
  scan::ScanResult res = scan::run_scan(req);
  report::ReportData data;
  // runner -> policy (marks suppressed, accepted, baselined findings) -> report writers
  data.policy = std::move(setup->policy);
  data.verdict = policy::apply(data.policy, res.findings, res.skips, res.diagnostics, args.lang);
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

  if (!args.create_baseline.empty()) {
    if (!create_baseline(args.create_baseline, res.findings)) return kExitUsage;
    std::cerr << "ecsguard: wrote baseline " << args.create_baseline << '\n';
  }
  if (!write_report(args, data)) return kExitUsage;
  if (res.input_lost()) return kExitInputLost;
  if (res.files_scanned == 0) {
    std::cerr << "ecsguard: nothing to scan: no CloudFormation template or ECS task definition "
                 "found in the given paths\n";
    return kExitUsage;
  }
  return data.verdict.failed() ? kExitFindings : kExitOk;
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

constexpr std::string_view kCommands[] = {"scan", "checks",  "explain", "docs",
                                          "help", "version", "guard"};

std::string version_line() {
  return std::string(core::kToolName) + " " + std::string(core::kVersion);
}

// A first argument that is no option and no command: "did you mean" (exit 2), else nullopt.
std::optional<int> reject_unknown_command(int argc, char** argv) {
  if (argc < 2) return std::nullopt;
  const std::string_view first = argv[1];
  if (first.empty() || first.front() == '-') return std::nullopt;
  if (std::find(std::begin(kCommands), std::end(kCommands), first) != std::end(kCommands)) {
    return std::nullopt;
  }
  if (auto near = core::closest(first, kCommands)) {
    std::cerr << messages::text(messages::kDidYouMean, fmt::arg("command", first),
                                fmt::arg("suggestion", *near))
              << '\n';
  } else {
    std::cerr << messages::text(messages::kUnknownCommand, fmt::arg("command", first)) << '\n';
  }
  return kExitUsage;
}

// The policy and table options ([reports]). TODO(i18n): these --help texts move into the
// catalogue with the pattern the platform work introduces for the other options.
void add_policy_options(CLI::App& scan_cmd, ScanArgs& a) {
  scan_cmd.add_option("--config-file", a.policy.config_file,
                      "Read this configuration instead of searching .ecsguard.yaml in the scanned "
                      "directory, the working directory and $HOME");
  scan_cmd
      .add_option("--skip-check", a.policy.skip_checks,
                  "Report these checks as skipped (ids, globs such as CTR-*, or a severity: "
                  "MEDIUM = MEDIUM and below); comma-separated or repeated")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  scan_cmd.add_option("--accepted-risks", a.policy.accepted_risks_file,
                      "YAML file of accepted risks (check, resource, owner, reason, expires)");
  scan_cmd.add_option("--baseline", a.policy.baseline_file,
                      "Report findings recorded in this baseline as baselined (not failing)");
  scan_cmd.add_option("--create-baseline", a.create_baseline,
                      "Write today's counting findings to this baseline file");
  scan_cmd.add_flag("--verbose", a.verbose, "Table: add each check's rationale and fix");
  scan_cmd.add_flag("--quiet", a.quiet, "Table: only findings that fail the run");
  scan_cmd.add_flag("--compact", a.compact, "Table: one line per finding (for grep)");
}

void add_scan_options(CLI::App& scan_cmd, ScanArgs& scan_args) {
  scan_cmd.add_option("paths", scan_args.paths, messages::text(messages::kHelpPaths));
  scan_cmd.add_option("--stdin-name", scan_args.stdin_name,
                      messages::text(messages::kHelpStdinName));
  std::vector<std::string> formats;
  for (const auto& w : report::writers()) formats.emplace_back(w.name);
  scan_cmd.add_option("-f,--format", scan_args.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  scan_cmd.add_option("-o,--output", scan_args.output,
                      "Write the report to FILE (default: stdout; diagnostics go to stderr)");
  scan_cmd
      .add_option("--fail-on", scan_args.policy.fail_on,
                  "Exit 1 when a finding at or above this severity fails: critical, high, "
                  "medium, low or never")
      ->capture_default_str();
  // One value per --check (comma-separated ids, or --check repeated): a following path is never
  // taken for a check id.
  scan_cmd.add_option("--check", scan_args.checks, messages::text(messages::kHelpCheck))
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_policy_options(scan_cmd, scan_args);
  scan_cmd.add_option("--threads", scan_args.threads, "Worker threads (default: all cores)");
  scan_cmd.add_option("--color", scan_args.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  // Input limits (core::Limits, docs/security.md): one flag each, its default shown in --help.
  const auto limit = [&](const char* flag, auto& field, const char* what) {
    scan_cmd.add_option(flag, field, what)->capture_default_str();
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
  scan_cmd.add_option("--emit-guard-profile", scan_args.guard_profile_dir,
                      "Write a runtime profile per container for `ecsguard guard --profile`");
#endif
}

// `ecsguard help [COMMAND]`: the same text as --help.
int run_help_command(CLI::App& app, const std::string& topic) {
  if (topic.empty()) {
    // Not app.help(): that delegates to the parsed subcommand, which is `help` itself.
    std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
    return kExitOk;
  }
#ifdef ECSGUARD_HAVE_GUARD
  if (topic == "guard") {
    char name[] = "guard";
    char flag[] = "--help";
    char* args[] = {name, flag, nullptr};
    return guard::run_guard_command(2, args);
  }
#endif
  for (const auto* sub : app.get_subcommands({})) {
    if (sub->get_name() == topic) {
      std::cout << sub->help();
      return kExitOk;
    }
  }
  std::cerr << messages::text(messages::kHelpUnknownTopic, fmt::arg("command", topic)) << '\n';
  return kExitUsage;
}

int run_main(int argc, char** argv) {
#ifdef ECSGUARD_HAVE_GUARD
  if (argc >= 2 && std::string_view(argv[1]) == "guard") {
    return guard::run_guard_command(argc - 1, argv + 1);
  }
#endif
  if (auto rc = reject_unknown_command(argc, argv)) return *rc;
  CLI::App app{"ecsguard: security for ECS on Fargate stacks, layer by layer"};
  app.name("ecsguard");
  app.set_version_flag("--version", version_line());
  app.require_subcommand(1);

  ScanArgs scan_args;
  auto* scan_cmd = app.add_subcommand(
      "scan", "Scan CloudFormation (JSON/YAML, CDK synth output) and ECS task definition JSON");
  add_scan_options(*scan_cmd, scan_args);

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
  explain_cmd->add_option("id", explain_id, messages::text(messages::kHelpExplainId))->required();
  add_lang(explain_cmd);

  std::string docs_out;
  bool docs_check = false;
  auto* docs_cmd = app.add_subcommand("docs", "Generate the check documentation pages");
  docs_cmd->add_option("-o,--out", docs_out, messages::text(messages::kHelpDocsOut));
  docs_cmd->add_flag("--check", docs_check, messages::text(messages::kHelpDocsCheck));
  docs_cmd->add_option("--lang", lang_name, "Language of the pages: en (default) or ja")
      ->check(CLI::IsMember({"en", "ja"}, CLI::ignore_case));

  std::string help_topic;
  auto* help_cmd = app.add_subcommand("help", messages::text(messages::kHelpHelp));
  help_cmd->add_option("command", help_topic, messages::text(messages::kHelpHelpCommand));
  auto* version_cmd = app.add_subcommand("version", messages::text(messages::kHelpVersion));

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
  scan_args.policy.fail_on_given = scan_cmd->count("--fail-on") > 0;
  if (scan_cmd->parsed()) return run_scan_command(scan_args);
#ifdef ECSGUARD_HAVE_GUARD
  // `checks` and `explain` show the RUN checks guard implements (not `docs`: its output must not
  // depend on whether guard is built for this architecture).
  if (checks_cmd->parsed() || explain_cmd->parsed())
    engine::set_runtime_describer(&guard::describe_runtime_check);
#endif
  if (checks_cmd->parsed()) {
    report::write_check_list(std::cout, checks_format == "json", lang);
    return kExitOk;
  }
  if (explain_cmd->parsed()) {
    const auto* entry = engine::find_catalog_entry(core::to_upper(core::trim(explain_id)));
    if (!entry) {
      std::cerr << "ecsguard: unknown check id '" << explain_id << "' (see `ecsguard checks`)\n";
      return kExitUsage;
    }
    report::write_explain(*entry, engine::find_check(entry->id), std::cout, lang);
    return kExitOk;
  }
  if (docs_cmd->parsed()) {
    if (docs_out.empty()) {
      std::cerr << messages::text(messages::kDocsNeedsOut) << '\n';
      return kExitUsage;
    }
    const i18n::Lang docs_lang = lang_name.empty() ? i18n::Lang::kEn : lang;
    return run_docs_command(docs_out, docs_check, docs_lang);
  }
  if (help_cmd->parsed()) return run_help_command(app, help_topic);
  if (version_cmd->parsed()) {
    std::cout << version_line() << '\n';
    return kExitOk;
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
