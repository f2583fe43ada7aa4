#include "ecsguard/guard/dns_cache.h"

#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace ecsguard::guard {

DnsCache::DnsCache(std::chrono::seconds refresh) : refresh_(refresh) {}

DnsCache::~DnsCache() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DnsCache::watch(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  if (std::find(names_.begin(), names_.end(), name) == names_.end()) names_.push_back(name);
}

std::size_t DnsCache::watched() const {
  std::lock_guard<std::mutex> lock(mu_);
  return names_.size();
}

void DnsCache::start() {
  if (thread_.joinable() || watched() == 0) return;
  thread_ = std::thread([this] { loop(); });
}

void DnsCache::resolve_now() {
  std::vector<std::string> names;
  {
    std::lock_guard<std::mutex> lock(mu_);
    names = names_;
  }
  std::unordered_map<std::string, std::vector<std::string>> fresh;
  for (const auto& name : names) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (::getaddrinfo(name.c_str(), nullptr, &hints, &res) != 0 || res == nullptr) continue;
    for (addrinfo* a = res; a != nullptr; a = a->ai_next) {
      IpAddr ip;
      if (a->ai_family == AF_INET) {
        ip.family = AF_INET;
        std::memcpy(ip.bytes.data(), &reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr, 4);
      } else if (a->ai_family == AF_INET6) {
        ip.family = AF_INET6;
        std::memcpy(ip.bytes.data(), &reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr, 16);
      } else {
        continue;
      }
      auto& v = fresh[ip.unmapped().str()];
      if (std::find(v.begin(), v.end(), name) == v.end()) v.push_back(name);
    }
    ::freeaddrinfo(res);
  }
  std::lock_guard<std::mutex> lock(mu_);
  by_ip_ = std::move(fresh);
}

void DnsCache::loop() {
  resolve_now();
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    cv_.wait_for(lock, refresh_, [this] { return stop_; });
    if (stop_) break;
    lock.unlock();
    resolve_now();
    lock.lock();
  }
}

std::vector<std::string> DnsCache::names_of(const IpAddr& ip) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_ip_.find(ip.unmapped().str());
  if (it == by_ip_.end()) return {};
  return it->second;
}

}  // namespace ecsguard::guard
