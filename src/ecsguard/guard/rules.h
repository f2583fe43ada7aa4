#pragma once
// Falco rule files -> a compiled, per-event-type indexed rule set. Supports lists (nested), macros,
// rules, `append: true` and `override: {key: append|replace}`, `exceptions`, `enabled`,
// `required_engine_version`, priorities and output templates. A rule that uses a field, operator or
// event type the guard cannot evaluate is disabled with the reason; only broken input (YAML or
// condition syntax errors, undefined macros) is an error, as in Falco.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ecsguard/guard/event.h"
#include "ecsguard/guard/expr.h"
#include "ecsguard/guard/output.h"

namespace ecsguard::guard {

// The Falco engine version whose rule format this loader follows.
inline constexpr std::array<unsigned, 3> kFalcoEngineVersion = {0, 57, 0};

struct RuleSource {
  std::string name;  // file path, or "<default>" for the embedded rules
  std::string text;
};

struct Diagnostic {
  enum class Level : std::uint8_t { kError, kWarning, kInfo };
  Level level = Level::kWarning;
  std::string file;
  std::uint32_t line = 0;
  std::string item;  // rule / macro / list name
  std::string message;
};

enum class EnforceAction : std::uint8_t {
  kDefault,  // enforce mode: deny the syscall at entry, kill after an exec or a result
  kDeny,
  kKill,
  kNone,  // alert only, even in enforce mode
};

struct RuleInfo {
  std::string name;
  std::string file;
  std::uint32_t line = 0;
  Priority priority = Priority::kWarning;
  bool enabled = false;
  std::string reason;  // why it is disabled
  EvtSet evttypes;
  bool any_evttype = false;
  std::vector<std::string> tags;
  EnforceAction action = EnforceAction::kDefault;
};

struct CompiledRule {
  std::string name;
  Priority priority = Priority::kWarning;
  std::vector<std::string> tags;
  ExprPtr condition;
  OutputTemplate output;
  EnforceAction action = EnforceAction::kDefault;
  EvtSet evttypes;
  std::size_t index = 0;  // into RuleSet::rules
};

// What the enabled rules need the kernel to stop on.
struct TraceNeeds {
  EvtSet events;            // syscall event types (exec events need no filter entry)
  bool open_reads = false;  // some rule may match a read-only open
  bool dup_any_fd = false;  // some rule on dup2/dup3 may match newfd > 2
  bool drift = false;       // proc.is_exe_upper_layer is used: track written paths
  bool app_start = false;   // app.* is used: listen() ends the app's start-up
  std::vector<std::string> dns_names;
};

class RuleSet {
 public:
  std::vector<CompiledRule> rules;  // enabled rules, in file order
  std::array<std::vector<const CompiledRule*>, kEvtCount> by_type;
  std::vector<RuleInfo> infos;  // every rule, enabled or not
  std::vector<Diagnostic> diagnostics;
  TraceNeeds needs;
  std::size_t lists = 0;
  std::size_t macros = 0;

  [[nodiscard]] bool has_errors() const noexcept;
  [[nodiscard]] const RuleInfo* info(std::string_view rule) const noexcept;
};

struct LoadOptions {
  Priority min_priority = Priority::kDebug;
};

std::unique_ptr<RuleSet> load_rules(const std::vector<RuleSource>& sources,
                                    const LoadOptions& options = {});

std::string_view level_name(Diagnostic::Level l) noexcept;

}  // namespace ecsguard::guard
