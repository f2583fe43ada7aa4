#pragma once
// Helpers for the guard tests: run a process with a hard timeout, temporary directories, alert
// files, and a loopback HTTP server (127.0.0.1 only) with scripted responses.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;  // NOLINT(readability-redundant-declaration)

namespace guard_test {

using Json = nlohmann::json;

inline std::string bin_dir() { return std::string(ECSGUARD_BINARY_DIR) + "/tests/guard"; }
inline std::string harness() { return bin_dir() + "/guard_harness"; }
inline std::string helper() { return bin_dir() + "/guard_test_helper"; }

struct RunResult {
  int status = -1;  // exit code, 128+signal, or -1 on timeout
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Runs argv with a hard timeout (SIGKILL to the process group when exceeded).
inline RunResult run(const std::vector<std::string>& argv, double timeout_s = 30.0,
                     const std::vector<std::string>& env_add = {}) {
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) return {};
  // Everything the child needs is built before fork (other test threads may hold malloc locks).
  std::vector<char*> a;
  for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
  a.push_back(nullptr);
  // env_add entries replace variables of the same name.
  auto name_of = [](const char* kv) { return std::string(kv, std::strcspn(kv, "=")); };
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) {
    bool replaced = false;
    for (const auto& add : env_add) replaced = replaced || name_of(add.c_str()) == name_of(*e);
    if (!replaced) envp.push_back(*e);
  }
  for (const auto& e : env_add) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    ::execve(a[0], a.data(), envp.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  RunResult r;
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::milliseconds(static_cast<long>(timeout_s * 1000));
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[4096];
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      r.timed_out = true;
      ::kill(-pid, SIGKILL);
      ::kill(pid, SIGKILL);
      break;
    }
    if (::poll(fds, 2, static_cast<int>(std::min<long>(left, 200))) < 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP)) == 0) continue;
      ssize_t k = ::read(fds[i].fd, buf, sizeof buf);
      if (k <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? r.out : r.err).append(buf, static_cast<std::size_t>(k));
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) ::close(f.fd);
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  if (!r.timed_out) r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/ecsguard-guard-test-XXXXXX";
    path_ = ::mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string file(const std::string& name) const { return path_ + "/" + name; }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(file(name)) << text;
    return file(name);
  }
  // A symlink named `name` to `target`: the exec'd process gets comm == name.
  std::string link(const std::string& name, const std::string& target) const {
    std::filesystem::create_symlink(target, file(name));
    return file(name);
  }

 private:
  std::string path_;
};

inline std::vector<Json> read_alerts(const std::string& path) {
  std::vector<Json> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(Json::parse(line));
  }
  return out;
}

inline std::vector<Json> rule_alerts(const std::vector<Json>& alerts, const std::string& rule) {
  std::vector<Json> out;
  for (const auto& a : alerts) {
    if (a.value("rule", "") == rule) out.push_back(a);
  }
  return out;
}

// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port): answers each request with the next
// scripted status (200 when the script is exhausted) and a fixed body; records request bodies.
class LoopbackHttp {
 public:
  // silent = true: accept and read requests but never answer (a hung sink).
  explicit LoopbackHttp(std::vector<int> statuses = {}, std::string body = "{}",
                        bool silent = false)
      : statuses_(std::move(statuses)), body_(std::move(body)), silent_(silent) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    ::listen(fd_, 16);
    thread_ = std::thread([this] { loop(); });
  }
  ~LoopbackHttp() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    thread_.join();
    ::close(fd_);
  }
  LoopbackHttp(const LoopbackHttp&) = delete;
  LoopbackHttp& operator=(const LoopbackHttp&) = delete;

  [[nodiscard]] std::string url(const std::string& path = "/") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::vector<std::string> bodies() {
    std::lock_guard<std::mutex> l(mu_);
    return bodies_;
  }
  std::vector<std::string> paths() {
    std::lock_guard<std::mutex> l(mu_);
    return paths_;
  }
  // Waits (bounded) until at least n requests were answered.
  bool wait_for(std::size_t n, double timeout_s = 10.0) {
    auto until = std::chrono::steady_clock::now() +
                 std::chrono::milliseconds(static_cast<long>(timeout_s * 1000));
    while (std::chrono::steady_clock::now() < until) {
      {
        std::lock_guard<std::mutex> l(mu_);
        if (paths_.size() >= n) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

 private:
  void loop() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c < 0) continue;
      serve(c);
      ::close(c);
    }
  }
  void serve(int c) {
    std::string req;
    char buf[4096];
    std::size_t need = std::string::npos;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{c, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      ssize_t k = ::read(c, buf, sizeof buf);
      if (k <= 0) break;
      req.append(buf, static_cast<std::size_t>(k));
      std::size_t hdr_end = req.find("\r\n\r\n");
      if (hdr_end != std::string::npos && need == std::string::npos) {
        std::size_t cl = req.find("Content-Length:");
        if (cl == std::string::npos) cl = req.find("content-length:");
        std::size_t body_len = cl == std::string::npos || cl > hdr_end
                                   ? 0
                                   : std::strtoul(req.c_str() + cl + 15, nullptr, 10);
        need = hdr_end + 4 + body_len;
      }
      if (need != std::string::npos && req.size() >= need) break;
    }
    std::size_t sp1 = req.find(' '), sp2 = req.find(' ', sp1 + 1);
    std::string path = sp1 == std::string::npos ? "" : req.substr(sp1 + 1, sp2 - sp1 - 1);
    std::size_t hdr_end = req.find("\r\n\r\n");
    int status = 200;
    {
      std::lock_guard<std::mutex> l(mu_);
      if (next_ < statuses_.size()) status = statuses_[next_++];
      paths_.push_back(path);
      bodies_.push_back(hdr_end == std::string::npos ? "" : req.substr(hdr_end + 4));
    }
    while (silent_ && !stop_) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (silent_) return;
    std::string resp =
        "HTTP/1.1 " + std::to_string(status) +
        " X\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body_.size()) +
        "\r\nConnection: close\r\n\r\n" + body_;
    ssize_t w = ::write(c, resp.data(), resp.size());
    (void)w;
  }

  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::vector<int> statuses_;
  std::size_t next_ = 0;
  std::string body_;
  bool silent_ = false;
  std::mutex mu_;
  std::vector<std::string> bodies_;
  std::vector<std::string> paths_;
  std::thread thread_;
};

// A process running in the background, with its stdout captured.
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv) {
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) return;
    std::vector<char*> a;
    for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
    a.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::setpgid(0, 0);
      ::dup2(out[1], 1);
      int devnull = ::open("/dev/null", O_WRONLY);
      ::dup2(devnull, 2);
      ::execv(a[0], a.data());
      ::_exit(127);
    }
    ::close(out[1]);
    fd_ = out[0];
  }
  ~Child() {
    if (pid_ > 0 && !reaped_) {
      ::kill(-pid_, SIGKILL);
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  [[nodiscard]] pid_t pid() const { return pid_; }
  [[nodiscard]] const std::string& out() const { return out_; }

  // Reads stdout until `needle` appears (bounded).
  bool wait_output(const std::string& needle, double timeout_s = 10.0) {
    auto until = std::chrono::steady_clock::now() +
                 std::chrono::milliseconds(static_cast<long>(timeout_s * 1000));
    char buf[1024];
    while (out_.find(needle) == std::string::npos) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      until - std::chrono::steady_clock::now())
                      .count();
      if (left <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(std::min<long>(left, 100))) <= 0) continue;
      ssize_t k = ::read(fd_, buf, sizeof buf);
      if (k <= 0) return out_.find(needle) != std::string::npos;
      out_.append(buf, static_cast<std::size_t>(k));
    }
    return true;
  }

  // Exit status (128+signal when killed), or -1 after the timeout.
  int wait_exit(double timeout_s = 10.0) {
    auto until = std::chrono::steady_clock::now() +
                 std::chrono::milliseconds(static_cast<long>(timeout_s * 1000));
    while (std::chrono::steady_clock::now() < until) {
      int st = 0;
      pid_t r = ::waitpid(pid_, &st, WNOHANG);
      if (r == pid_) {
        reaped_ = true;
        return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  bool reaped_ = false;
  std::string out_;
};

// Direct children of `pid` (all its threads).
inline std::vector<pid_t> children_of(pid_t pid) {
  std::vector<pid_t> out;
  std::error_code ec;
  for (const auto& t :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
    std::ifstream in(t.path() / "children");
    pid_t c = 0;
    while (in >> c) out.push_back(c);
  }
  return out;
}

// State letter of /proc/<pid>/stat, or 0 when the process is gone.
inline char proc_state(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t rp = s.rfind(')');
  if (rp == std::string::npos || rp + 2 >= s.size()) return 0;
  return s[rp + 2];
}

// Waits (bounded) until the process is gone or a zombie/dead entry.
inline bool wait_gone(pid_t pid, double timeout_s = 10.0) {
  auto until = std::chrono::steady_clock::now() +
               std::chrono::milliseconds(static_cast<long>(timeout_s * 1000));
  while (std::chrono::steady_clock::now() < until) {
    char st = proc_state(pid);
    if (st == 0 || st == 'Z' || st == 'X') return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

// GET http://127.0.0.1:<port><path> with a hard timeout; the whole response ("" on failure).
inline std::string http_get(int port, const std::string& path, double timeout_s = 10.0) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return "";
  timeval tv{static_cast<time_t>(timeout_s), 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string resp;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
    std::string req = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    if (::write(fd, req.data(), req.size()) == static_cast<ssize_t>(req.size())) {
      char buf[4096];
      ssize_t k = 0;
      while ((k = ::read(fd, buf, sizeof buf)) > 0) resp.append(buf, static_cast<std::size_t>(k));
    }
  }
  ::close(fd);
  return resp;
}

// The first of `candidates` that is an executable file ("" when none is): interpreters are looked
// up at fixed system paths, so that an unprivileged test user finds them too.
inline std::string first_executable(const std::vector<std::string>& candidates) {
  for (const auto& c : candidates) {
    struct stat st {};
    if (::stat(c.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(c.c_str(), X_OK) == 0)
      return c;
  }
  return "";
}

}  // namespace guard_test
