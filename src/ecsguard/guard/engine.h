#pragma once
// Event -> rules -> alerts and enforcement decisions. Called by the tracer (or the fallback
// notifier) while the tracee is stopped, so everything here is bounded and never blocks: alerts
// are handed to the writer threads through a non-blocking push.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "ecsguard/guard/eval.h"
#include "ecsguard/guard/output.h"
#include "ecsguard/guard/rules.h"

namespace ecsguard::guard {

enum class Mode : std::uint8_t { kMonitor, kEnforce };

class AlertSink {
 public:
  AlertSink() = default;
  virtual ~AlertSink() = default;
  AlertSink(const AlertSink&) = delete;
  AlertSink& operator=(const AlertSink&) = delete;
  AlertSink(AlertSink&&) = delete;
  AlertSink& operator=(AlertSink&&) = delete;
  // Must not block.
  virtual void push(Alert alert) = 0;
};

struct Stats {
  std::atomic<std::uint64_t> events{0};
  std::atomic<std::uint64_t> exec_events{0};
  std::atomic<std::uint64_t> exit_stops{0};
  std::atomic<std::uint64_t> alerts{0};
  std::atomic<std::uint64_t> rate_limited{0};
  std::atomic<std::uint64_t> denied{0};
  std::atomic<std::uint64_t> killed{0};
};

struct Decision {
  bool deny = false;                   // fail the syscall with EPERM (entry only)
  bool kill = false;                   // SIGKILL the process
  bool need_exit = false;              // some rule may match once the result is known
  std::vector<std::uint32_t> pending;  // rules to evaluate at the exit stop
};

// A small token bucket so that a rule firing in a tight loop cannot flood the sinks.
class RateLimiter {
 public:
  RateLimiter(double per_second, double burst) : rate_(per_second), burst_(burst), tokens_(burst) {}
  bool take(std::int64_t now_ns);

 private:
  double rate_, burst_, tokens_;
  std::int64_t last_ns_ = 0;
};

class Engine {
 public:
  Engine(const RuleSet& rules, Services& svc, AlertSink& sink, Stats& stats, Mode mode);

  Decision on_entry(Event& ev);
  Decision on_exit(Event& ev, const std::vector<std::uint32_t>& pending);
  Decision on_exec(Event& ev);

  // Built-in gates (not rules): a syscall of another ABI, io_uring, ptrace on the supervisor.
  void gate_alert(Event& ev, std::string_view rule, Priority prio, std::string_view what,
                  std::string_view action);
  // A plain informational record (startup, heartbeat, drops) through the same sinks.
  void info(std::string_view rule, Priority prio, std::string output,
            std::vector<std::pair<std::string, FieldValue>> fields);

  [[nodiscard]] Mode mode() const noexcept { return mode_; }
  [[nodiscard]] const RuleSet& rules() const noexcept { return rules_; }

 private:
  void emit(EvalCtx& ctx, const CompiledRule& rule, std::string_view action);
  void track_writes(EvalCtx& ctx);
  std::string_view enforce(const CompiledRule& rule, Phase phase, Decision& d);

  const RuleSet& rules_;
  Services& svc_;
  AlertSink& sink_;
  Stats& stats_;
  Mode mode_;
  RateLimiter limiter_{100.0, 1000.0};
  OutputTemplate gate_output_;
  OutputTemplate foreign_output_;
};

}  // namespace ecsguard::guard
