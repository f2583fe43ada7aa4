#include "ecsguard/guard/ecs_metadata.h"

#include <curl/curl.h>
#include <unistd.h>

#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>

#include "ecsguard/guard/procfs.h"

namespace ecsguard::guard {
namespace {

using Json = nlohmann::json;

std::size_t append_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* body = static_cast<std::string*>(user);
  std::size_t len = size * n;
  if (body->size() + len > (1U << 20)) return 0;  // 1 MiB is far more than the endpoint sends
  body->append(data, len);
  return len;
}

// RFC 3339 "2023-07-20T12:34:56.123456789Z" -> ns since the epoch (0 when unparsable).
std::int64_t parse_rfc3339(const std::string& s) {
  std::tm tm{};
  const char* rest = ::strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (rest == nullptr) return 0;
  std::int64_t ns = static_cast<std::int64_t>(::timegm(&tm)) * 1'000'000'000LL;
  if (*rest == '.') {
    ++rest;
    std::int64_t frac = 0;
    int digits = 0;
    while (*rest >= '0' && *rest <= '9') {
      if (digits < 9) {
        frac = frac * 10 + (*rest - '0');
        ++digits;
      }
      ++rest;
    }
    while (digits++ < 9) frac *= 10;
    ns += frac;
  }
  return ns;
}

std::string str(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::once_flag g_curl_once;

}  // namespace

void split_image(std::string_view image, ContainerInfo& out) {
  out.image = std::string(image);
  std::string_view ref = image;
  std::size_t at = ref.find('@');
  if (at != std::string_view::npos) {
    out.digest = std::string(ref.substr(at + 1));
    ref = ref.substr(0, at);
  }
  std::size_t slash = ref.rfind('/');
  std::size_t colon = ref.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    out.tag = std::string(ref.substr(colon + 1));
    ref = ref.substr(0, colon);
  }
  out.repository = std::string(ref);
}

core::Result<ContainerInfo> parse_ecs_metadata(std::string_view json_text) {
  Json j = Json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return core::make_error(core::Errc::kSyntax, "ECS metadata is not a JSON object");
  }
  ContainerInfo c;
  c.from_metadata = true;
  c.name = str(j, "Name");
  std::string docker_id = str(j, "DockerId");
  c.id = docker_id.size() > 12 ? docker_id.substr(0, 12) : docker_id;
  split_image(str(j, "Image"), c);
  std::string image_id = str(j, "ImageID");
  if (c.digest.empty() && image_id.rfind("sha256:", 0) == 0) c.digest = image_id;
  if (auto labels = j.find("Labels"); labels != j.end() && labels->is_object()) {
    c.task_arn = str(*labels, "com.amazonaws.ecs.task-arn");
    c.cluster = str(*labels, "com.amazonaws.ecs.cluster");
    c.family = str(*labels, "com.amazonaws.ecs.task-definition-family");
    if (c.name.empty()) c.name = str(*labels, "com.amazonaws.ecs.container-name");
  }
  std::string started = str(j, "StartedAt");
  if (started.empty()) started = str(j, "CreatedAt");
  c.start_ts = parse_rfc3339(started);
  return c;
}

core::Result<ContainerInfo> fetch_ecs_metadata(const std::string& uri,
                                               std::chrono::milliseconds timeout) {
  if (uri.rfind("http://", 0) != 0) {
    return core::make_error(core::Errc::kUsage, "metadata URI must be http://");
  }
  std::call_once(g_curl_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return core::make_error(core::Errc::kInternal, "curl_easy_init failed");
  std::string body;
  curl_easy_setopt(curl, CURLOPT_URL, uri.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    return core::make_error(core::Errc::kIo,
                            std::string("ECS metadata: ") + curl_easy_strerror(rc));
  }
  if (status != 200) {
    return core::make_error(core::Errc::kIo, "ECS metadata: HTTP " + std::to_string(status));
  }
  return parse_ecs_metadata(body);
}

ContainerInfo local_container_info() {
  ContainerInfo c;
  if (auto cg = procfs::read_file("/proc/self/cgroup", std::size_t{64} * 1024)) {
    // The last run of 64 hex digits (docker/containerd ids appear in cgroup v1 and v2 paths).
    const std::string& s = *cg;
    std::size_t run = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
      bool hex = i < s.size() && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'));
      if (hex) {
        ++run;
        continue;
      }
      if (run == 64) c.id = s.substr(i - 64, 12);
      run = 0;
    }
  }
  if (c.id.empty()) {
    char host[256] = "";
    if (::gethostname(host, sizeof host - 1) == 0) c.id = host;
  }
  return c;
}

}  // namespace ecsguard::guard
