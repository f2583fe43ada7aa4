#include "ecsguard/guard/alerts.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>

#include "ecsguard/core/version.h"
#include "ecsguard/guard/messages.h"
#include "ecsguard/guard/render.h"

namespace ecsguard::guard {
namespace {

using Json = nlohmann::json;

std::mutex g_write_mu;  // lines of several writers to the same stream never interleave

bool write_all(int fd, const std::string& s) {
  std::lock_guard<std::mutex> lock(g_write_mu);
  std::size_t off = 0;
  while (off < s.size()) {
    ssize_t k = ::write(fd, s.data() + off, s.size() - off);
    if (k < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    off += static_cast<std::size_t>(k);
  }
  return true;
}

std::once_flag g_curl_once;

std::size_t discard_body(char*, std::size_t size, std::size_t n, void*) { return size * n; }

int abort_if_asked(void* flag, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<std::atomic<bool>*>(flag)->load() ? 1 : 0;
}

}  // namespace

core::Result<SinkConfig> SinkConfig::parse(std::string_view spec) {
  SinkConfig c;
  if (spec == "stdout" || spec == "-") {
    c.kind = Kind::kStdout;
  } else if (spec == "stderr") {
    c.kind = Kind::kStderr;
  } else if (spec.rfind("http://", 0) == 0 || spec.rfind("https://", 0) == 0) {
    c.kind = Kind::kHttp;
    c.target = std::string(spec);
  } else if (spec.empty()) {
    return core::make_error(core::Errc::kUsage,
                            "--alerts-to needs stdout, stderr, a file or a URL");
  } else {
    c.kind = Kind::kFile;
    c.target = std::string(spec);
  }
  return c;
}

std::string redacted_target(const SinkConfig& c) {
  switch (c.kind) {
    case SinkConfig::Kind::kStdout:
      return "stdout";
    case SinkConfig::Kind::kStderr:
      return "stderr";
    case SinkConfig::Kind::kFile:
      return c.target;
    case SinkConfig::Kind::kHttp:
      break;
  }
  std::string t = c.target;
  if (auto q = t.find_first_of("?#"); q != std::string::npos) t.resize(q);
  auto scheme = t.find("://");
  if (scheme != std::string::npos) {
    auto host = scheme + 3;
    auto slash = t.find('/', host);
    auto at = t.rfind('@', slash == std::string::npos ? t.size() : slash);
    if (at != std::string::npos && at >= host) t.erase(host, at + 1 - host);
  }
  return t;
}

std::string alert_json(const Alert& a, const ContainerInfo& c, const std::string& hostname) {
  Json fields = Json::object();
  fields["evt.time"] = a.ts_ns;
  for (const auto& [k, v] : a.fields) {
    if (const auto* s = std::get_if<std::string>(&v)) {
      fields[k] = *s;
    } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
      fields[k] = *i;
    } else if (const auto* b = std::get_if<bool>(&v)) {
      fields[k] = *b;
    } else {
      fields[k] = nullptr;
    }
  }
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty() && (!fields.contains(key) || fields[key].is_null())) fields[key] = value;
  };
  put("container.id", c.id);
  put("container.name", c.name);
  put("container.image.repository", c.repository);
  put("container.image.tag", c.tag);
  put("container.image.digest", c.digest);
  put("ecs.task_arn", c.task_arn);
  put("ecs.cluster", c.cluster);
  put("ecs.task_family", c.family);
  if (!a.action.empty()) fields["ecsguard.action"] = a.action;
  Json j;
  j["hostname"] = hostname;
  j["output"] = render_time(a.ts_ns, TimeStyle::kClock) + ": " +
                std::string(priority_name(a.priority)) + " " + a.output;
  j["output_fields"] = std::move(fields);
  j["priority"] = std::string(priority_name(a.priority));
  j["rule"] = a.rule;
  j["source"] = a.source;
  j["tags"] = a.tags;
  j["time"] = render_time(a.ts_ns, TimeStyle::kIso);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

struct AlertPipeline::Worker {
  SinkConfig cfg;
  int fd = -1;
  bool own_fd = false;
  CURL* curl = nullptr;
  curl_slist* headers = nullptr;
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::shared_ptr<const Alert>> queue;  // shared by all sinks, never copied
  bool stopping = false;
  std::chrono::steady_clock::time_point deadline{};
  std::atomic<std::uint64_t> dropped{0};
  std::uint64_t reported = 0;
  std::atomic<std::uint64_t> http_failures{0};
  std::atomic<std::uint64_t> delivered{0};
  std::atomic<std::uint64_t> undelivered{0};
  std::string last_error;          // why the last delivery failed (writer thread only)
  std::atomic<bool> abort{false};  // shutdown deadline passed: abandon transfers in flight
  std::thread thread;

  Worker() = default;
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;
  Worker(Worker&&) = delete;
  Worker& operator=(Worker&&) = delete;
  ~Worker() {
    if (own_fd && fd >= 0) ::close(fd);
    if (headers != nullptr) curl_slist_free_all(headers);
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

AlertPipeline::AlertPipeline(std::vector<SinkConfig> sinks, PipelineOptions opts, Services& svc,
                             Stats& stats)
    : opts_(opts), svc_(svc), stats_(stats) {
  for (auto& s : sinks) {
    stdout_is_sink_ = stdout_is_sink_ || s.kind == SinkConfig::Kind::kStdout;
    auto w = std::make_unique<Worker>();
    w->cfg = std::move(s);
    workers_.push_back(std::move(w));
  }
}

AlertPipeline::~AlertPipeline() { stop(std::chrono::milliseconds(0)); }

core::Result<bool> AlertPipeline::start() {
  for (auto& w : workers_) {
    switch (w->cfg.kind) {
      case SinkConfig::Kind::kStdout:
        w->fd = STDOUT_FILENO;
        break;
      case SinkConfig::Kind::kStderr:
        w->fd = STDERR_FILENO;
        break;
      case SinkConfig::Kind::kFile:
        w->fd = ::open(w->cfg.target.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (w->fd < 0) {
          return core::make_error(core::Errc::kIo, "cannot open alert file " + w->cfg.target +
                                                       ": " + std::strerror(errno));
        }
        w->own_fd = true;
        break;
      case SinkConfig::Kind::kHttp: {
        std::call_once(g_curl_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        w->curl = curl_easy_init();
        if (w->curl == nullptr)
          return core::make_error(core::Errc::kInternal, "curl_easy_init failed");
        w->headers = curl_slist_append(nullptr, "Content-Type: application/json");
        curl_easy_setopt(w->curl, CURLOPT_URL, w->cfg.target.c_str());
        curl_easy_setopt(w->curl, CURLOPT_HTTPHEADER, w->headers);
        curl_easy_setopt(w->curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(w->curl, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(w->curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(w->curl, CURLOPT_TIMEOUT_MS,
                         static_cast<long>(opts_.http_timeout.count()));
        curl_easy_setopt(w->curl, CURLOPT_CONNECTTIMEOUT_MS,
                         static_cast<long>(opts_.http_timeout.count()));
        curl_easy_setopt(w->curl, CURLOPT_WRITEFUNCTION, &discard_body);
        curl_easy_setopt(w->curl, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(w->curl, CURLOPT_XFERINFOFUNCTION, &abort_if_asked);
        curl_easy_setopt(w->curl, CURLOPT_XFERINFODATA, &w->abort);
        std::string ua = "ecsguard-guard/" + std::string(core::kVersion);
        curl_easy_setopt(w->curl, CURLOPT_USERAGENT, ua.c_str());
        break;
      }
    }
  }
  for (auto& w : workers_) {
    Worker* raw = w.get();
    w->thread = std::thread([this, raw] { run(*raw); });
  }
  return true;
}

void AlertPipeline::push(Alert alert) {
  auto shared = std::make_shared<const Alert>(std::move(alert));
  for (auto& w : workers_) {
    // Writers hold this lock only to swap the queue out, so taking it is bounded and short.
    std::unique_lock<std::mutex> lock(w->mu);
    if (w->stopping || w->queue.size() >= opts_.queue_capacity) {
      w->dropped.fetch_add(1, std::memory_order_relaxed);
      continue;
    }
    w->queue.push_back(shared);
    lock.unlock();
    w->cv.notify_one();
  }
}

void AlertPipeline::metadata_ready() {
  {
    std::lock_guard<std::mutex> lock(meta_mu_);
    meta_ready_ = true;
  }
  meta_cv_.notify_all();
}

bool AlertPipeline::deliver(Worker& w, const std::string& line) {
  if (w.cfg.kind != SinkConfig::Kind::kHttp) {
    if (write_all(w.fd, line + "\n")) return true;
    w.last_error = std::strerror(errno);
    return false;
  }
  w.last_error = "exit deadline passed";
  for (int attempt = 0; attempt < opts_.http_attempts; ++attempt) {
    auto timeout = opts_.http_timeout;
    {
      std::lock_guard<std::mutex> lock(w.mu);
      if (w.stopping) {  // draining at exit: never beyond the deadline
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            w.deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || w.abort.load()) break;
        timeout = std::min(timeout, left);
      }
    }
    curl_easy_setopt(w.curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(w.curl, CURLOPT_POSTFIELDS, line.c_str());
    curl_easy_setopt(w.curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(line.size()));
    CURLcode rc = curl_easy_perform(w.curl);
    long status = 0;
    if (rc == CURLE_OK) curl_easy_getinfo(w.curl, CURLINFO_RESPONSE_CODE, &status);
    if (rc == CURLE_OK && status >= 200 && status < 300) return true;
    w.last_error = rc != CURLE_OK ? std::string(curl_easy_strerror(rc))
                                  : "HTTP status " + std::to_string(status);
    if (rc == CURLE_OK && status >= 400 && status < 500 && status != 429) break;  // not transient
    if (attempt + 1 < opts_.http_attempts) {
      std::unique_lock<std::mutex> lock(w.mu);
      auto wait = opts_.http_backoff * (1 << attempt);
      if (w.stopping) {
        auto now = std::chrono::steady_clock::now();
        if (now + wait > w.deadline) break;
      }
      w.cv.wait_for(lock, wait);
    }
  }
  w.http_failures.fetch_add(1, std::memory_order_relaxed);
  return false;
}

void AlertPipeline::fall_back(Worker& w, const Alert& a, const ContainerInfo& c) {
  if (!a.record) w.dropped.fetch_add(1, std::memory_order_relaxed);
  if (w.cfg.kind == SinkConfig::Kind::kStdout && opts_.fallback_fd == STDOUT_FILENO) return;
  if (!a.record) w.undelivered.fetch_add(1, std::memory_order_relaxed);
  if (stdout_is_sink_ && opts_.fallback_fd == STDOUT_FILENO) return;  // already there
  Alert copy = a;
  copy.fields.emplace_back("ecsguard.undelivered_to", redacted_target(w.cfg));
  copy.fields.emplace_back("ecsguard.undelivered_reason", w.last_error);
  write_all(opts_.fallback_fd, alert_json(copy, c, svc_.hostname) + "\n");
}

void AlertPipeline::send_record(Worker& w, const Alert& record, const ContainerInfo& c) {
  if (deliver(w, alert_json(record, c, svc_.hostname))) return;
  // Records about the guard itself are not alerts (not counted), but they are not lost either.
  bool own = w.cfg.kind == SinkConfig::Kind::kStdout && opts_.fallback_fd == STDOUT_FILENO;
  if (own || (stdout_is_sink_ && opts_.fallback_fd == STDOUT_FILENO)) return;
  Alert copy = record;
  copy.fields.emplace_back("ecsguard.undelivered_to", redacted_target(w.cfg));
  write_all(opts_.fallback_fd, alert_json(copy, c, svc_.hostname) + "\n");
}

Alert AlertPipeline::stats_record(const Worker& w, bool final) const {
  auto n = [](std::uint64_t v) { return static_cast<std::int64_t>(v); };
  std::uint64_t dropped = w.dropped.load(std::memory_order_relaxed);
  std::uint64_t undelivered = w.undelivered.load(std::memory_order_relaxed);
  std::uint64_t delivered = w.delivered.load(std::memory_order_relaxed);
  Alert h;
  h.rule = final ? "ecsguard stopped" : "ecsguard heartbeat";
  h.priority = final && dropped > 0 ? Priority::kWarning : Priority::kInformational;
  h.ts_ns = now_wall_ns();
  h.tags = {"ecsguard"};
  h.fields = {{"ecsguard.sink", redacted_target(w.cfg)},
              {"ecsguard.events", n(stats_.events.load())},
              {"ecsguard.alerts", n(stats_.alerts.load())},
              {"ecsguard.delivered", n(delivered)},
              {"ecsguard.dropped_total", n(dropped)},
              {"ecsguard.undelivered_total", n(undelivered)},
              {"ecsguard.rate_limited", n(stats_.rate_limited.load())},
              {"ecsguard.denied", n(stats_.denied.load())},
              {"ecsguard.killed", n(stats_.killed.load())}};
  namespace record = i18n::msg::guard::record;
  const std::string sink = redacted_target(w.cfg);
  const auto events = stats_.events.load();
  const auto alerts = stats_.alerts.load();
  h.output = final ? msg::text(record::Stopped{.sink = sink,
                                               .events = events,
                                               .alerts = alerts,
                                               .delivered = delivered,
                                               .dropped = dropped,
                                               .undelivered = undelivered})
                   : msg::text(record::Heartbeat{.sink = sink,
                                                 .events = events,
                                                 .alerts = alerts,
                                                 .delivered = delivered,
                                                 .dropped = dropped,
                                                 .undelivered = undelivered});
  return h;
}

void AlertPipeline::run(Worker& w) {
  {
    std::unique_lock<std::mutex> lock(meta_mu_);
    // Alerts of a fast-exiting app still carry the task's identity: wait for the metadata
    // (bounded), unless the drain deadline has passed.
    meta_cv_.wait_for(lock, opts_.metadata_wait, [this] { return meta_ready_ || aborting_; });
  }
  auto last_heartbeat = std::chrono::steady_clock::now();
  std::deque<std::shared_ptr<const Alert>> batch;
  while (true) {
    bool stopping = false;
    std::chrono::steady_clock::time_point deadline;
    {
      std::unique_lock<std::mutex> lock(w.mu);
      w.cv.wait_for(lock, std::chrono::seconds(1), [&] { return !w.queue.empty() || w.stopping; });
      batch.swap(w.queue);
      stopping = w.stopping;
      deadline = w.deadline;
    }
    auto container = svc_.container();
    for (auto& a : batch) {
      if (stopping && std::chrono::steady_clock::now() > deadline) {
        w.last_error = "exit deadline passed";
        fall_back(w, *a, *container);
      } else if (deliver(w, alert_json(*a, *container, svc_.hostname))) {
        if (!a->record) w.delivered.fetch_add(1, std::memory_order_relaxed);
      } else {
        fall_back(w, *a, *container);
      }
    }
    batch.clear();
    std::uint64_t dropped = w.dropped.load(std::memory_order_relaxed);
    bool late = stopping && std::chrono::steady_clock::now() > deadline;
    if (dropped > w.reported && !late) {
      Alert d;
      d.rule = "ecsguard alerts dropped";
      d.priority = Priority::kCritical;
      d.ts_ns = now_wall_ns();
      d.tags = {"ecsguard"};
      d.output = msg::text(i18n::msg::guard::record::Dropped{
          .sink = redacted_target(w.cfg), .dropped = dropped - w.reported, .total = dropped});
      d.fields = {{"ecsguard.sink", redacted_target(w.cfg)},
                  {"ecsguard.dropped", static_cast<std::int64_t>(dropped - w.reported)},
                  {"ecsguard.dropped_total", static_cast<std::int64_t>(dropped)}};
      w.reported = dropped;
      send_record(w, d, *container);
    }
    auto now = std::chrono::steady_clock::now();
    if (opts_.heartbeat.count() > 0 && now - last_heartbeat >= opts_.heartbeat && !stopping) {
      last_heartbeat = now;
      send_record(w, stats_record(w, false), *container);
    }
    if (stopping) {
      std::lock_guard<std::mutex> lock(w.mu);
      if (w.queue.empty()) break;
    }
  }
  send_record(w, stats_record(w, true), *svc_.container());
  {
    std::lock_guard<std::mutex> lock(done_mu_);
    ++done_;
  }
  done_cv_.notify_all();
}

void AlertPipeline::stop(std::chrono::milliseconds deadline) {
  auto until = std::chrono::steady_clock::now() + deadline;
  for (auto& w : workers_) {
    {
      std::lock_guard<std::mutex> lock(w->mu);
      if (w->stopping) continue;
      w->stopping = true;
      w->deadline = until;
    }
    w->cv.notify_all();
  }
  // Let the writers drain until the deadline, then abandon HTTP transfers still in flight.
  std::size_t running = 0;
  for (auto& w : workers_) running += w->thread.joinable() ? 1 : 0;
  {
    std::unique_lock<std::mutex> lock(done_mu_);
    done_cv_.wait_until(lock, until, [&] { return done_ >= running; });
  }
  {
    std::lock_guard<std::mutex> lock(meta_mu_);
    aborting_ = true;  // writers still waiting for the ECS metadata stop waiting
  }
  meta_cv_.notify_all();
  for (auto& w : workers_) {
    w->abort.store(true);
    w->cv.notify_all();
  }
  for (auto& w : workers_) {
    if (w->thread.joinable()) w->thread.join();
  }
}

std::uint64_t AlertPipeline::dropped() const noexcept {
  std::uint64_t n = 0;
  for (const auto& w : workers_) n += w->dropped.load();
  return n;
}

std::uint64_t AlertPipeline::undelivered() const noexcept {
  std::uint64_t n = 0;
  for (const auto& w : workers_) n += w->undelivered.load();
  return n;
}

std::uint64_t AlertPipeline::http_failures() const noexcept {
  std::uint64_t n = 0;
  for (const auto& w : workers_) n += w->http_failures.load();
  return n;
}

}  // namespace ecsguard::guard
