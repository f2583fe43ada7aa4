// ecsguard command line: thin wiring over scan, report and guard.
//
// Exit codes (README "Exit codes"): 0 nothing failing at or above --fail-on; 1 findings at or above
// it; 2 usage error or nothing could be scanned; 3 some input could not be read or parsed (its
// findings are lost, so CI must not go green) — 3 wins over 1.
#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "ecsguard/cli/scan_policy.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/core/suggest.h"
#include "ecsguard/core/version.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/i18n/lang.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/policy/matching.h"
#include "ecsguard/policy/policy.h"
#include "ecsguard/report/asff.h"
#include "ecsguard/report/docs.h"
#include "ecsguard/report/output_plan.h"
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
namespace msg = i18n::msg::cli;
namespace help = i18n::msg::cli::help;

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInputLost = 3;

struct ScanArgs {
  std::vector<std::string> paths;
  std::string stdin_name;
  std::vector<std::string> formats;  // repeatable, comma lists; none = table
  std::vector<std::string> outputs;  // the i-th is the file of the i-th format
  std::string output_dir;
  std::string aws_account;    // asff
  std::string aws_region;     // asff
  std::string asff_previous;  // asff: the previous run's report
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

// `message` in `lang` (help texts, errors and notes of the command line).
std::string tr(const i18n::Message& message, i18n::Lang lang) {
  return i18n::render(message, lang);
}

// --check values ("CTR-001,ctr-002" or repeated): ids upper-cased, each known and implemented.
bool select_checks(const std::vector<std::string>& values, std::vector<std::string>& out,
                   i18n::Lang lang) {
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
        std::cerr << tr(msg::UnknownCheck{.id = core::trim(part)}, lang) << '\n';
        return false;
      }
      if (!engine::find_check(id)) {
        std::cerr << tr(msg::CheckNotImplemented{.id = id}, lang) << '\n';
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
    std::cerr << tr(msg::StdinTwice{}, args.lang) << '\n';
    return false;
  }
  if (dashes == 0 && !args.stdin_name.empty()) {
    std::cerr << tr(msg::StdinNameWithoutDash{}, args.lang) << '\n';
    return false;
  }
  for (const auto& p : args.paths) {
    std::error_code ec;
    if (p != "-" && !std::filesystem::exists(std::filesystem::symlink_status(p, ec))) {
      std::cerr << tr(msg::NoSuchPath{.path = p}, args.lang) << '\n';
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
bool create_baseline(const std::string& path, std::span<const engine::Finding> findings,
                     i18n::Lang lang) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    std::cerr << tr(msg::CannotWrite{.path = path}, lang) << '\n';
    return false;
  }
  policy::write_baseline(findings, file);
  return static_cast<bool>(file);
}

// What the writers need besides the findings, checked before the scan starts: --format asff needs
// an account and a region (flags, else AWS_ACCOUNT_ID / AWS_REGION / AWS_DEFAULT_REGION), and
// --asff-previous a readable ASFF report.
std::optional<report::WriteOptions> writer_options(const ScanArgs& args,
                                                   std::span<const report::OutputTarget> targets) {
  report::WriteOptions options;
  options.lang = args.lang;
  options.now = report::report_time_now();
  const auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v ? v : "");
  };
  options.aws_account = args.aws_account.empty() ? env("AWS_ACCOUNT_ID") : args.aws_account;
  options.aws_region = args.aws_region.empty() ? env("AWS_REGION") : args.aws_region;
  if (options.aws_region.empty()) options.aws_region = env("AWS_DEFAULT_REGION");
  const bool asff = std::any_of(targets.begin(), targets.end(),
                                [](const auto& t) { return t.writer->name == "asff"; });
  if (!asff) return options;
  if (auto problem =
          report::asff_options_problem(options.aws_account, options.aws_region, args.lang);
      !problem.empty()) {
    std::cerr << "ecsguard: " << problem << '\n';
    return std::nullopt;
  }
  if (!args.asff_previous.empty()) {
    auto previous = report::read_previous_asff(args.asff_previous, args.limits, args.lang);
    if (!previous) {
      std::cerr << "ecsguard: " << previous.error().message << '\n';
      return std::nullopt;
    }
    options.previous_asff = std::make_shared<const report::PreviousAsff>(std::move(*previous));
  }
  return options;
}

// Writes each --format to its target (stdout, its --output file or --output-dir).
bool write_reports(const ScanArgs& args, std::span<const report::OutputTarget> targets,
                   report::WriteOptions options, const report::ReportData& data) {
  bool diagnostics_to_stderr = false;
  for (const auto& target : targets) {
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!target.to_stdout()) {
      file.open(target.path, std::ios::binary | std::ios::trunc);
      if (!file) {
        std::cerr << "ecsguard: "
                  << i18n::render(i18n::msg::formats::output::CannotWrite{.file = target.path},
                                  args.lang)
                  << '\n';
        return false;
      }
      out = &file;
    }
    const bool tty = target.to_stdout() && ::isatty(STDOUT_FILENO);
    options.color =
        args.color == "always" || (args.color == "auto" && tty && !std::getenv("NO_COLOR"));
    options.verbose = args.verbose;
    options.quiet = args.quiet;
    options.compact = args.compact;
    options.width = terminal_width(tty);
    target.writer->write(data, *out, options);
    out->flush();
    diagnostics_to_stderr |= !target.to_stdout() || target.writer->machine_readable;
  }
  if (diagnostics_to_stderr) {
    // Diagnostics always reach stderr too, so a CI log shows why the exit code is what it is.
    for (const auto& d : data.diagnostics) {
      if (!d.loses_input()) continue;
      std::string where = d.file;
      if (d.line) where += fmt::format(":{}:{}", d.line, d.column);
      std::cerr << tr(msg::InputError{.where = where, .message = d.message}, args.lang) << '\n';
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
  if (!select_checks(checks, req.only_checks, args.lang)) return kExitUsage;
  auto targets = report::plan_outputs(args.formats, args.outputs, args.output_dir, args.lang);
  if (!targets) {
    std::cerr << "ecsguard: " << targets.error().message << '\n';
    return kExitUsage;
  }
  if (!args.output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.output_dir, ec);
  }
  const auto options = writer_options(args, *targets);
  if (!options) return kExitUsage;

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
      std::cerr << tr(msg::GuardProfileFailed{.reason = written.error().message}, args.lang)
                << '\n';
      return kExitUsage;
    }
    std::cerr << tr(msg::GuardProfilesWritten{.count = *written, .dir = args.guard_profile_dir},
                    args.lang)
              << '\n';
  }
#endif

  if (!args.create_baseline.empty()) {
    if (!create_baseline(args.create_baseline, res.findings, args.lang)) return kExitUsage;
    std::cerr << tr(msg::WroteBaseline{.path = args.create_baseline}, args.lang) << '\n';
  }
  if (!write_reports(args, *targets, *options, data)) return kExitUsage;
  if (res.input_lost()) return kExitInputLost;
  if (res.files_scanned == 0) {
    std::cerr << tr(msg::NothingToScan{}, args.lang) << '\n';
    return kExitUsage;
  }
  return data.verdict.failed() ? kExitFindings : kExitOk;
}

// The pages in `lang` (en unless --lang says), the diagnostics in `ui` (the language of the run).
int run_docs_command(const std::string& out_dir, bool check_only, i18n::Lang lang, i18n::Lang ui) {
  namespace fs = std::filesystem;
  int stale = 0;
  auto emit = [&](const fs::path& path, const std::string& content) {
    if (check_only) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      if (!in || ss.str() != content) {
        std::cerr << tr(msg::DocsOutOfDate{.path = path.string()}, ui) << '\n';
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
    std::cerr << tr(msg::DocsRegenerate{.dir = out_dir}, ui) << '\n';
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
std::optional<int> reject_unknown_command(int argc, char** argv, i18n::Lang lang) {
  if (argc < 2) return std::nullopt;
  const std::string_view first = argv[1];
  if (first.empty() || first.front() == '-') return std::nullopt;
  if (std::find(std::begin(kCommands), std::end(kCommands), first) != std::end(kCommands)) {
    return std::nullopt;
  }
  if (auto near = core::closest(first, kCommands)) {
    std::cerr << tr(msg::DidYouMean{.command = first, .suggestion = *near}, lang) << '\n';
  } else {
    std::cerr << tr(msg::UnknownCommand{.command = first}, lang) << '\n';
  }
  return kExitUsage;
}

// The policy and table options ([reports], docs/policy.md).
void add_policy_options(CLI::App& scan_cmd, ScanArgs& a, i18n::Lang lang) {
  namespace h = help::scan;
  const auto t = [lang](const i18n::Message& m) { return tr(m, lang); };
  scan_cmd.add_option("--config-file", a.policy.config_file, t(h::ConfigFile{}));
  scan_cmd.add_option("--skip-check", a.policy.skip_checks, t(h::SkipCheck{}))
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  scan_cmd.add_option("--accepted-risks", a.policy.accepted_risks_file, t(h::AcceptedRisks{}));
  scan_cmd.add_option("--baseline", a.policy.baseline_file, t(h::Baseline{}));
  scan_cmd.add_option("--create-baseline", a.create_baseline, t(h::CreateBaseline{}));
  scan_cmd.add_flag("--verbose", a.verbose, t(h::Verbose{}));
  scan_cmd.add_flag("--quiet", a.quiet, t(h::Quiet{}));
  scan_cmd.add_flag("--compact", a.compact, t(h::Compact{}));
}

void add_scan_options(CLI::App& scan_cmd, ScanArgs& scan_args, i18n::Lang lang) {
  namespace h = help::scan;
  const auto t = [lang](const i18n::Message& m) { return tr(m, lang); };
  scan_cmd.add_option("paths", scan_args.paths, t(h::Paths{}));
  scan_cmd.add_option("--stdin-name", scan_args.stdin_name, t(h::StdinName{}));
  std::string names;
  for (const auto& w : report::writers())
    names += (names.empty() ? "" : ", ") + std::string(w.name);
  scan_cmd.add_option("-f,--format", scan_args.formats, t(h::Format{.names = names}))
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  scan_cmd.add_option("-o,--output", scan_args.outputs, t(h::Output{}))
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  scan_cmd.add_option("--output-dir", scan_args.output_dir, t(h::OutputDir{}));
  scan_cmd.add_option("--aws-account", scan_args.aws_account, t(h::AwsAccount{}));
  scan_cmd.add_option("--aws-region", scan_args.aws_region, t(h::AwsRegion{}));
  scan_cmd.add_option("--asff-previous", scan_args.asff_previous, t(h::AsffPrevious{}));
  scan_cmd.add_option("--fail-on", scan_args.policy.fail_on, t(h::FailOn{}))->capture_default_str();
  // One value per --check (comma-separated ids, or --check repeated): a following path is never
  // taken for a check id.
  scan_cmd.add_option("--check", scan_args.checks, t(h::Check{}))
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_policy_options(scan_cmd, scan_args, lang);
  scan_cmd.add_option("--threads", scan_args.threads, t(h::Threads{}));
  scan_cmd.add_option("--color", scan_args.color, t(h::Color{}))
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  // Input limits (core::Limits, docs/security.md): one flag each, its default shown in --help.
  const auto limit = [&](const char* flag, auto& field, const i18n::Message& what) {
    scan_cmd.add_option(flag, field, t(what))->capture_default_str();
  };
  auto& lim = scan_args.limits;
  limit("--max-file-size", lim.max_file_bytes, h::MaxFileSize{});
  limit("--max-depth", lim.max_depth, h::MaxDepth{});
  limit("--max-resources", lim.max_resources, h::MaxResources{});
  limit("--max-nodes", lim.max_nodes, h::MaxNodes{});
  limit("--max-scalar-size", lim.max_scalar_bytes, h::MaxScalarSize{});
  limit("--max-intrinsic-depth", lim.max_intrinsic_depth, h::MaxIntrinsicDepth{});
  limit("--max-nested-stack-depth", lim.max_nested_stack_depth, h::MaxNestedStackDepth{});
  limit("--max-nested-stacks", lim.max_nested_stacks, h::MaxNestedStacks{});
  limit("--max-files", lim.max_files, h::MaxFiles{});
  limit("--max-alias-expansions", lim.max_alias_expansions, h::MaxAliasExpansions{});
#ifdef ECSGUARD_HAVE_GUARD
  scan_cmd.add_option("--emit-guard-profile", scan_args.guard_profile_dir,
                      t(h::EmitGuardProfile{}));
#endif
}

// `ecsguard help [COMMAND]`: the same text as --help.
int run_help_command(CLI::App& app, const std::string& topic, i18n::Lang lang) {
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
  std::cerr << tr(msg::HelpUnknownTopic{.command = topic}, lang) << '\n';
  return kExitUsage;
}

// The language of the run, known before the parser is built so that --help is in it too: the
// value of the first --lang (docs: its pages' language, which defaults to en), else the locale.
i18n::Lang lang_of_command_line(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    std::optional<i18n::Lang> lang;
    if (a == "--lang" && i + 1 < argc) lang = i18n::parse_lang(argv[i + 1]);
    if (a.starts_with("--lang=")) lang = i18n::parse_lang(a.substr(7));
    if (lang) return *lang;
  }
  return i18n::lang_from_environment();
}

int run_main(int argc, char** argv) {
#ifdef ECSGUARD_HAVE_GUARD
  if (argc >= 2 && std::string_view(argv[1]) == "guard") {
    return guard::run_guard_command(argc - 1, argv + 1);
  }
#endif
  const i18n::Lang lang = lang_of_command_line(argc, argv);
  const auto t = [lang](const i18n::Message& m) { return tr(m, lang); };
  if (auto rc = reject_unknown_command(argc, argv, lang)) return *rc;
  CLI::App app{t(help::App{})};
  app.name("ecsguard");
  app.set_version_flag("--version", version_line());
  app.require_subcommand(1);

  ScanArgs scan_args;
  auto* scan_cmd = app.add_subcommand("scan", t(help::scan::Command{}));
  add_scan_options(*scan_cmd, scan_args, lang);

  // --lang on scan, checks and explain (default: LC_ALL / LC_MESSAGES / LANG); on docs it defaults
  // to en whatever the locale, so the committed pages do not depend on who generates them.
  std::string lang_name;
  const auto add_lang = [&](CLI::App* cmd) {
    cmd->add_option("--lang", lang_name, t(help::Language{}))
        ->check(CLI::IsMember({"en", "ja"}, CLI::ignore_case));
  };
  add_lang(scan_cmd);

  std::string checks_format = "table";
  auto* checks_cmd = app.add_subcommand("checks", t(help::checks::Command{}));
  checks_cmd->add_option("-f,--format", checks_format, t(help::checks::Format{}))
      ->check(CLI::IsMember({"table", "json"}));
  add_lang(checks_cmd);

  std::string explain_id;
  auto* explain_cmd = app.add_subcommand("explain", t(help::explain::Command{}));
  explain_cmd->add_option("id", explain_id, t(help::explain::CheckId{}))->required();
  add_lang(explain_cmd);

  std::string docs_out;
  bool docs_check = false;
  auto* docs_cmd = app.add_subcommand("docs", t(help::docs::Command{}));
  docs_cmd->add_option("-o,--out", docs_out, t(help::docs::Out{}));
  docs_cmd->add_flag("--check", docs_check, t(help::docs::Check{}));
  docs_cmd->add_option("--lang", lang_name, t(help::docs::Language{}))
      ->check(CLI::IsMember({"en", "ja"}, CLI::ignore_case));

  std::string help_topic;
  auto* help_cmd = app.add_subcommand("help", t(help::help::Command{}));
  help_cmd->add_option("command", help_topic, t(help::help::Topic{}));
  auto* version_cmd = app.add_subcommand("version", t(help::version::Command{}));

#ifdef ECSGUARD_HAVE_GUARD
  app.add_subcommand("guard", t(help::guard::Command{}));
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

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
      std::cerr << t(msg::UnknownCheck{.id = explain_id}) << '\n';
      return kExitUsage;
    }
    report::write_explain(*entry, engine::find_check(entry->id), std::cout, lang);
    return kExitOk;
  }
  if (docs_cmd->parsed()) {
    if (docs_out.empty()) {
      std::cerr << t(msg::DocsNeedsOut{}) << '\n';
      return kExitUsage;
    }
    const i18n::Lang docs_lang = lang_name.empty() ? i18n::Lang::kEn : lang;
    return run_docs_command(docs_out, docs_check, docs_lang, lang);
  }
  if (help_cmd->parsed()) return run_help_command(app, help_topic, lang);
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
    std::cerr << tr(msg::InternalError{.reason = e.what()}, i18n::lang_from_environment()) << '\n';
  } catch (...) {
    std::cerr << tr(msg::InternalErrorUnknown{}, i18n::lang_from_environment()) << '\n';
  }
  return kExitUsage;
}
