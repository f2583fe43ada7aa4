#include "ecsguard/guard/cli.h"

#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <thread>

#include "ecsguard/core/version.h"
#include "ecsguard/guard/alerts.h"
#include "ecsguard/guard/default_rules.h"
#include "ecsguard/guard/dns_cache.h"
#include "ecsguard/guard/ecs_metadata.h"
#include "ecsguard/guard/engine.h"
#include "ecsguard/guard/messages.h"
#include "ecsguard/guard/probe.h"
#include "ecsguard/guard/procfs.h"
#include "ecsguard/guard/profile.h"
#include "ecsguard/guard/rules.h"
#include "ecsguard/guard/seccomp_filter.h"
#include "ecsguard/guard/seccomp_plan.h"
#include "ecsguard/guard/supervisor.h"

namespace ecsguard::guard {
namespace {

constexpr int kGuardFailed = 125;

struct Options {
  std::string mode = "monitor";
  std::vector<std::string> rules;
  bool no_default_rules = false;
  std::vector<std::string> alerts_to;
  std::string profile;
  std::string priority = "debug";
  std::string no_ptrace;  // default depends on the mode
  std::string io_uring = "deny";
  std::string foreign_abi = "deny";
  std::size_t queue_size = 4096;
  int heartbeat = 300;
  int startup_window = 60;
  std::string metadata = "auto";
  bool spec_allow = false;
  bool list_rules = false;
  bool print_filter = false;
  bool dump_default_rules = false;
  bool verbose = false;
};

void err(const std::string& msg) { std::cerr << "ecsguard guard: " << msg << '\n'; }

core::Result<std::vector<RuleSource>> read_rule_paths(const std::vector<std::string>& paths) {
  std::vector<RuleSource> out;
  namespace fs = std::filesystem;
  for (const auto& p : paths) {
    std::error_code ec;
    std::vector<std::string> files;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::directory_iterator(p, ec)) {
        auto ext = e.path().extension().string();
        if (e.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml"))
          files.push_back(e.path().string());
      }
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(p);
    }
    for (const auto& f : files) {
      auto text = procfs::read_file(f.c_str(), 16U << 20);
      if (!text) return core::make_error(core::Errc::kIo, "cannot read rules file " + f);
      out.push_back(RuleSource{f, std::move(*text)});
    }
  }
  return out;
}

struct StartFacts {
  std::string mode;
  std::string supervision;
  std::string command;
  std::size_t enabled = 0;
  std::size_t disabled = 0;
  std::string traced;
  bool read_opens = false;
};

using Fields = std::vector<std::pair<std::string, FieldValue>>;

std::pair<std::string, Fields> start_record(const StartFacts& s, const KernelFeatures& k,
                                            bool verbose) {
  std::string text = msg::text(i18n::msg::guard::record::Started{.version = core::kVersion,
                                                                 .command = s.command,
                                                                 .mode = s.mode,
                                                                 .supervision = s.supervision,
                                                                 .enabled = s.enabled,
                                                                 .traced = s.traced});
  Fields f = {{"ecsguard.version", std::string(core::kVersion)},
              {"ecsguard.mode", s.mode},
              {"ecsguard.supervision", s.supervision},
              {"ecsguard.rules_enabled", static_cast<std::int64_t>(s.enabled)},
              {"ecsguard.traced", s.traced}};
  if (!verbose) return {std::move(text), std::move(f)};
  Fields more = {{"ecsguard.rules_disabled", static_cast<std::int64_t>(s.disabled)},
                 {"ecsguard.read_opens_traced", s.read_opens},
                 {"ecsguard.pid1", k.pid1},
                 {"kernel.release", k.release},
                 {"kernel.machine", k.machine},
                 {"kernel.seccomp_actions", k.seccomp_actions},
                 {"kernel.seccomp_action_cache", k.action_cache},
                 {"kernel.cap_sys_ptrace", k.cap_sys_ptrace},
                 {"kernel.cap_setpcap", k.cap_setpcap},
                 {"kernel.pidfd_getfd", k.pidfd_getfd},
                 {"kernel.user_notif_continue", k.user_notif_continue},
                 {"kernel.yama_ptrace_scope", static_cast<std::int64_t>(k.yama_ptrace_scope)},
                 {"kernel.spec_store_bypass", k.spec_store_bypass}};
  for (auto& m : more) f.push_back(std::move(m));
  return {text + " kernel=" + k.release, std::move(f)};
}

void print_rules(const RuleSet& rs, const FilterSpec& spec, std::ostream& os) {
  std::size_t enabled = 0;
  for (const auto& i : rs.infos) enabled += i.enabled ? 1 : 0;
  os << "rules: " << rs.infos.size() << " (" << enabled << " enabled, " << rs.infos.size() - enabled
     << " disabled), " << rs.macros << " macros, " << rs.lists << " lists\n";
  for (const auto& i : rs.infos) {
    os << (i.enabled ? "enabled   " : "disabled  ") << priority_name(i.priority) << "  " << i.name;
    if (!i.enabled) os << "  -- " << i.reason;
    os << "  (" << i.file << ":" << i.line << ")\n";
  }
  os << "stops on: exec (PTRACE_EVENT_EXEC), " << traced_names(spec) << "\n";
  os << "read-only opens traced: " << (rs.needs.open_reads ? "yes (costly)" : "no") << "\n";
  for (const auto& d : rs.diagnostics) {
    if (d.level == Diagnostic::Level::kInfo) continue;
    os << level_name(d.level) << ": " << d.file << ":" << d.line << ": "
       << (d.item.empty() ? "" : d.item + ": ") << d.message << "\n";
  }
}

}  // namespace

int run_guard_command(int argc, char** argv) {
  block_forwarded_signals();  // before any thread exists
  msg::set_language(i18n::lang_from_environment());

  std::vector<std::string> args;
  std::vector<std::string> command;
  bool split = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (!split && a == "--") {
      split = true;
      continue;
    }
    (split ? command : args).push_back(std::move(a));
  }

  Options o;
  CLI::App app{
      "Runtime detection inside an ECS on Fargate task: runs CMD under a seccomp-bpf + "
      "ptrace supervisor that evaluates Falco-compatible rules.",
      "ecsguard guard"};
  app.footer(
      "Usage as an entrypoint: ecsguard guard [options] -- CMD ARGS...\n"
      "Exit status: the application's (128+N when it died of signal N); 125 when the "
      "supervisor could not start it.");
  app.add_option("--mode", o.mode, "monitor: alert only; enforce: deny (EPERM) or kill per rule")
      ->check(CLI::IsMember({"monitor", "enforce"}));
  // Repeatable options take one value per occurrence: `--alerts-to a.jsonl sh -c ...` without
  // `--` leaves `sh -c ...` as the command instead of swallowing it as more values.
  app.add_option("--rules", o.rules,
                 "Falco rules file or directory (*.yaml), repeatable; loaded after the defaults")
      ->allow_extra_args(false);
  app.add_flag("--no-default-rules", o.no_default_rules, "do not load the embedded Fargate rules");
  app.add_option("--alerts-to", o.alerts_to,
                 "stdout (default), stderr, FILE or http(s)://URL, repeatable")
      ->allow_extra_args(false);
  app.add_option("--profile", o.profile,
                 "guard profile written by `ecsguard scan --emit-guard-profile`");
  app.add_option("--priority", o.priority, "minimum rule priority (emergency ... debug)");
  app.add_option("--no-ptrace", o.no_ptrace,
                 "without SYS_PTRACE: fail (default in enforce mode), unotify (default in monitor "
                 "mode: degraded seccomp user-notification mode) or untraced")
      ->check(CLI::IsMember({"fail", "unotify", "untraced"}));
  app.add_option("--io-uring", o.io_uring, "deny (default: io_uring bypasses seccomp) or allow")
      ->check(CLI::IsMember({"deny", "allow"}));
  app.add_option("--foreign-abi", o.foreign_abi,
                 "deny (default) or allow i386/x32 syscalls (unexamined)")
      ->check(CLI::IsMember({"deny", "allow"}));
  app.add_option("--queue-size", o.queue_size, "alerts buffered per sink before drops are counted");
  app.add_option("--heartbeat", o.heartbeat, "seconds between heartbeat records (0 = off)");
  app.add_option("--startup-window", o.startup_window,
                 "seconds after which the app's start-up is over even if it never called "
                 "listen() (0 = only listen() ends it); a shell, interpreter or network tool it "
                 "spawns after start-up is RUN-001");
  app.add_option("--metadata", o.metadata, "auto: read ECS task metadata v4 when present; off")
      ->check(CLI::IsMember({"auto", "off"}));
  app.add_flag(
      "--spec-allow", o.spec_allow,
      "install the filter with SECCOMP_FILTER_FLAG_SPEC_ALLOW (no forced SSBD mitigation)");
  app.add_flag("--list-rules", o.list_rules,
               "load the rules, print what is enabled and why not, and exit");
  app.add_flag("--print-filter", o.print_filter,
               "print the seccomp program derived from the rules and exit");
  app.add_flag("--dump-default-rules", o.dump_default_rules, "print the embedded rules and exit");
  app.add_flag("-v,--verbose", o.verbose,
               "diagnostics and a summary on stderr, kernel details in the start record");
  std::string lang;
  app.add_option("--lang", lang,
                 "language of the guard's own messages: en or ja (default: LC_ALL, LC_MESSAGES "
                 "or LANG)")
      ->check(CLI::IsMember({"en", "ja"}, CLI::ignore_case))
      ->allow_extra_args(false);
  if (!split) app.prefix_command();
  try {
    std::vector<std::string> rev(args.rbegin(), args.rend());
    app.parse(rev);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kGuardFailed;
  }
  if (!split) command = app.remaining();
  if (auto chosen = i18n::parse_lang(lang)) msg::set_language(*chosen);

  if (o.dump_default_rules) {
    std::cout << default_rules_yaml();
    return 0;
  }

  // Rules.
  std::vector<RuleSource> sources;
  if (!o.no_default_rules)
    sources.push_back(
        RuleSource{std::string(kDefaultRulesName), std::string(default_rules_yaml())});
  auto files = read_rule_paths(o.rules);
  if (!files) {
    err(files.error().message);
    return kGuardFailed;
  }
  for (auto& f : *files) sources.push_back(std::move(f));
  if (!o.profile.empty()) {
    auto text = procfs::read_file(o.profile.c_str(), 4U << 20);
    if (!text) {
      err("cannot read profile " + o.profile);
      return kGuardFailed;
    }
    auto prof = parse_profile(*text);
    if (!prof) {
      err(o.profile + ": " + prof.error().message);
      return kGuardFailed;
    }
    std::vector<std::string> expected;
    if (!command.empty()) {
      expected.push_back(command.front());
      std::string resolved = resolve_command(command.front());
      if (!resolved.empty()) {
        std::error_code ec;
        auto canon = std::filesystem::canonical(resolved, ec);
        expected.push_back(ec ? resolved : canon.string());
      }
    }
    sources.push_back(RuleSource{"<profile " + o.profile + ">", profile_rules(*prof, expected)});
  }
  LoadOptions lo;
  auto prio = parse_priority(o.priority);
  if (!prio) {
    err("--priority must be one of emergency, alert, critical, error, warning, notice, info, "
        "debug");
    return kGuardFailed;
  }
  lo.min_priority = *prio;
  auto rules = load_rules(sources, lo);
  FilterSpec spec = filter_from(rules->needs);

  if (o.list_rules) {
    print_rules(*rules, spec, std::cout);
    return rules->has_errors() ? kGuardFailed : 0;
  }
  if (o.print_filter) {
    std::cout << "stops on: exec (PTRACE_EVENT_EXEC), " << traced_names(spec) << "\n"
              << disassemble(build_filter(spec));
    return rules->has_errors() ? kGuardFailed : 0;
  }
  std::size_t disabled = 0;
  for (const auto& d : rules->diagnostics) {
    if (d.level == Diagnostic::Level::kError ||
        (o.verbose && d.level == Diagnostic::Level::kWarning)) {
      err(std::string(level_name(d.level)) + ": " + d.file + ":" + std::to_string(d.line) + ": " +
          (d.item.empty() ? "" : d.item + ": ") + d.message);
    }
  }
  for (const auto& i : rules->infos) disabled += i.enabled ? 0 : 1;
  if (rules->has_errors()) {
    err("the rules have errors: not starting (see above; --list-rules shows every rule)");
    return kGuardFailed;
  }
  if (command.empty()) {
    err("no command: ecsguard guard [options] -- CMD ARGS...");
    return kGuardFailed;
  }

  // Runtime services.
  KernelFeatures features = probe_kernel();
  Services svc;
  {
    char host[256] = "";
    if (::gethostname(host, sizeof host - 1) == 0) svc.hostname = host;
  }
  ContainerInfo local = local_container_info();
  local.start_ts = now_wall_ns();
  svc.set_container(local);
  svc.drift_tracking = rules->needs.drift;
  svc.app.tracking = rules->needs.app_start;
  svc.app.window_ns = std::int64_t{std::max(o.startup_window, 0)} * 1000000000;
  if (!rules->needs.dns_names.empty()) {
    svc.dns = std::make_shared<DnsCache>();
    for (const auto& n : rules->needs.dns_names) svc.dns->watch(n);
    svc.dns->start();
  }

  std::vector<SinkConfig> sinks;
  if (o.alerts_to.empty()) o.alerts_to.emplace_back("stdout");
  for (const auto& s : o.alerts_to) {
    auto c = SinkConfig::parse(s);
    if (!c) {
      err(c.error().message);
      return kGuardFailed;
    }
    sinks.push_back(*c);
  }
  Stats stats;
  PipelineOptions po;
  po.queue_capacity = std::max<std::size_t>(o.queue_size, 1);
  po.heartbeat = std::chrono::seconds(std::max(o.heartbeat, 0));
  AlertPipeline pipeline(std::move(sinks), po, svc, stats);
  if (auto started = pipeline.start(); !started) {
    err(started.error().message);
    return kGuardFailed;
  }
  std::thread metadata_thread;
  const char* md_uri = std::getenv("ECS_CONTAINER_METADATA_URI_V4");
  if (o.metadata == "auto" && md_uri != nullptr && *md_uri != '\0') {
    std::string uri = md_uri;
    metadata_thread = std::thread([&svc, &pipeline, uri, local] {
      auto info = fetch_ecs_metadata(uri, std::chrono::milliseconds(2000));
      if (info) {
        ContainerInfo c = std::move(*info);
        if (c.id.empty()) c.id = local.id;
        if (c.start_ts == 0) c.start_ts = local.start_ts;
        svc.set_container(std::move(c));
      }
      pipeline.metadata_ready();
    });
  } else {
    pipeline.metadata_ready();
  }

  Mode mode = o.mode == "enforce" ? Mode::kEnforce : Mode::kMonitor;
  Engine engine(*rules, svc, pipeline, stats, mode);
  SupervisorConfig cfg;
  cfg.argv = command;
  cfg.mode = mode;
  std::string np =
      o.no_ptrace.empty() ? (mode == Mode::kEnforce ? "fail" : "unotify") : o.no_ptrace;
  cfg.no_ptrace = np == "fail"      ? NoPtracePolicy::kFail
                  : np == "unotify" ? NoPtracePolicy::kUnotify
                                    : NoPtracePolicy::kUntraced;
  cfg.io_uring_allow = o.io_uring == "allow";
  cfg.foreign_abi_allow = o.foreign_abi == "allow";
  cfg.spec_allow = o.spec_allow;
  cfg.filter = spec;
  cfg.on_warning = [&engine](const std::string& w) {
    err("warning: " + w);
    engine.info("ecsguard degraded", Priority::kCritical, w, {});
  };

  // The start record (evidence for RUN-014 "the sensor is running"), once the supervision mode
  // is known and before the app runs: small by default, kernel details with -v.
  cfg.on_supervising = [&](const std::string& how) {
    StartFacts facts{o.mode,
                     how,
                     command.front(),
                     rules->rules.size(),
                     disabled,
                     "exec," + traced_names(spec),
                     rules->needs.open_reads};
    auto [text, fields] = start_record(facts, features, o.verbose);
    engine.info("ecsguard started", Priority::kInformational, std::move(text), std::move(fields));
  };

  Supervisor sup(engine, svc, stats, features, cfg);
  SupervisorResult res = sup.run();
  for (const auto& w : res.warnings) err("warning: " + w);
  if (!res.error.empty()) {
    err(res.error);
    engine.info("ecsguard could not start the application", Priority::kCritical, res.error,
                {{"ecsguard.exit_code", static_cast<std::int64_t>(res.exit_code)}});
  }
  pipeline.stop(std::chrono::milliseconds(2000));
  if (metadata_thread.joinable()) metadata_thread.join();
  if (o.verbose) {
    std::ostringstream os;
    os << "supervision=" << (res.how.empty() ? "none" : res.how) << " exit=" << res.exit_code
       << " events=" << stats.events.load() << " execs=" << stats.exec_events.load()
       << " exit_stops=" << stats.exit_stops.load() << " alerts=" << stats.alerts.load()
       << " denied=" << stats.denied.load() << " killed=" << stats.killed.load()
       << " dropped=" << pipeline.dropped() << " undelivered=" << pipeline.undelivered()
       << " rate_limited=" << stats.rate_limited.load();
    rusage self{};
    if (::getrusage(RUSAGE_SELF, &self) == 0) {  // the supervisor alone, not the app
      double cpu = static_cast<double>(self.ru_utime.tv_sec + self.ru_stime.tv_sec) +
                   static_cast<double>(self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6;
      os << " supervisor_cpu=" << cpu << "s";
    }
    err(os.str());
  }
  return res.exit_code;
}

}  // namespace ecsguard::guard
