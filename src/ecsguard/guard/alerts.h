#pragma once
// Alert delivery. The tracer pushes into one bounded queue per sink and never waits; a writer
// thread per sink formats Falco's JSON (falcosidekick accepts it unchanged) and writes it to
// stdout/stderr (awslogs), a file, or POSTs it to an http(s) URL with retries and exponential
// backoff. No alert is lost without a trace: a full queue drops the alert and counts it; an alert
// an HTTP sink cannot deliver (or that is still queued when the exit deadline passes) is counted
// as dropped and written to the fallback stream (stdout, i.e. awslogs) with the sink it missed.
// Drops are reported as their own record, and every sink gets a periodic stats record (the
// heartbeat) and a final one at exit.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/guard/engine.h"

namespace ecsguard::guard {

struct SinkConfig {
  enum class Kind : std::uint8_t { kStdout, kStderr, kFile, kHttp };
  Kind kind = Kind::kStdout;
  std::string target;  // file path or URL
  // "stdout" | "stderr" | "http(s)://..." | anything else is a file path.
  static core::Result<SinkConfig> parse(std::string_view spec);
};

struct PipelineOptions {
  std::size_t queue_capacity = 4096;
  std::chrono::milliseconds http_timeout{3000};
  int http_attempts = 3;
  std::chrono::milliseconds http_backoff{200};
  std::chrono::seconds heartbeat{0};  // 0 = off
  // Writers wait this long for ECS task metadata before the first alert.
  std::chrono::milliseconds metadata_wait{2000};
  // Where undeliverable alerts go (stdout: awslogs); not written twice when stdout is a sink.
  int fallback_fd = 1;
};

// A sink's target as it may appear in logs: user:password@ and the query string removed.
std::string redacted_target(const SinkConfig& c);

// Falco's JSON output line for one alert (with ECS metadata added to output_fields when known).
std::string alert_json(const Alert& a, const ContainerInfo& c, const std::string& hostname);

class AlertPipeline final : public AlertSink {
 public:
  AlertPipeline(std::vector<SinkConfig> sinks, PipelineOptions opts, Services& svc, Stats& stats);
  ~AlertPipeline() override;
  AlertPipeline(const AlertPipeline&) = delete;
  AlertPipeline& operator=(const AlertPipeline&) = delete;
  AlertPipeline(AlertPipeline&&) = delete;
  AlertPipeline& operator=(AlertPipeline&&) = delete;

  // Opens files and starts the writer threads.
  core::Result<bool> start();
  void push(Alert alert) override;
  // The metadata thread is done (success or not): writers stop waiting for it.
  void metadata_ready();
  // Drains what is queued (bounded by `deadline`), then stops the writers.
  void stop(std::chrono::milliseconds deadline);

  // Alerts lost to a sink: queue overflow, undeliverable, or still queued at the exit deadline.
  [[nodiscard]] std::uint64_t dropped() const noexcept;
  // Alerts (and records) an HTTP sink could not deliver after its retries.
  [[nodiscard]] std::uint64_t http_failures() const noexcept;
  // Alerts written to the fallback stream because their sink could not take them.
  [[nodiscard]] std::uint64_t undelivered() const noexcept;

 private:
  struct Worker;
  void run(Worker& w);
  bool deliver(Worker& w, const std::string& line);
  // An alert its sink could not take: counted as dropped and written to the fallback stream.
  void fall_back(Worker& w, const Alert& a, const ContainerInfo& c);
  void send_record(Worker& w, const Alert& record, const ContainerInfo& c);
  Alert stats_record(const Worker& w, bool final) const;

  std::vector<std::unique_ptr<Worker>> workers_;
  PipelineOptions opts_;
  Services& svc_;
  Stats& stats_;
  std::mutex meta_mu_;
  std::condition_variable meta_cv_;
  bool meta_ready_ = false;
  bool aborting_ = false;  // the drain deadline passed (guarded by meta_mu_)
  std::mutex done_mu_;
  std::condition_variable done_cv_;
  std::size_t done_ = 0;  // writers that have finished
  bool stdout_is_sink_ = false;
};

}  // namespace ecsguard::guard
