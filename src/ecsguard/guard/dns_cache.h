#pragma once
// fd.sip.name and friends: Falco resolves the DNS names that rules compare against and matches the
// event's IP against the answers. The guard does the same on its own thread (getaddrinfo every
// `refresh`), never on the tracer's path: a lookup at event time is a map read.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "ecsguard/guard/sockets.h"

namespace ecsguard::guard {

class DnsCache {
 public:
  explicit DnsCache(std::chrono::seconds refresh = std::chrono::seconds(300));
  ~DnsCache();
  DnsCache(const DnsCache&) = delete;
  DnsCache& operator=(const DnsCache&) = delete;
  DnsCache(DnsCache&&) = delete;
  DnsCache& operator=(DnsCache&&) = delete;

  // Names to resolve (call before start()).
  void watch(const std::string& name);
  [[nodiscard]] std::size_t watched() const;
  // Resolves everything once synchronously, then refreshes in the background.
  void start();
  void resolve_now();
  // Watched names whose last answer contained `ip`.
  [[nodiscard]] std::vector<std::string> names_of(const IpAddr& ip) const;

 private:
  void loop();

  std::chrono::seconds refresh_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::vector<std::string>> by_ip_;
  std::thread thread_;
};

}  // namespace ecsguard::guard
