// Hostile input through the real binary: exit code 3 whenever input was lost, the lost file named
// on stderr and in the JSON `errors`, skipped entries (FIFO, symlink escape or loop) that are only
// notes, and the --max-file-size override. The binary is started with posix_spawn (no shell) under
// a deadline, so a hang is a failure and not a stuck CI job.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "support/temp_dir.h"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, for posix_spawn

namespace {

namespace fs = std::filesystem;
using TempDir = ecsguard::test::TempDir;

void write_file(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kGood = R"({"family": "web", "requiresCompatibilities": ["FARGATE"],
 "networkMode": "awsvpc", "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "app", "image": "nginx:1.25", "essential": true,
                           "privileged": true}]}
)";

struct CliRun {
  int code = -1;
  bool timed_out = false;
  std::string out, err;
};

// Runs the ecsguard binary with `args` in `cwd`; stdout and stderr go to files in `cwd`/..
CliRun run_cli(const TempDir& tmp, const std::string& cwd, const std::vector<std::string>& args) {
  CliRun r;
  const std::string out_path = tmp / "stdout.txt";
  const std::string err_path = tmp / "stderr.txt";
  std::vector<std::string> argv_s = {ECSGUARD_EXE};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const fs::path old = fs::current_path();
  fs::current_path(cwd);  // posix_spawn_file_actions_addchdir_np is glibc >= 2.29 only
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, ECSGUARD_EXE, &actions, nullptr, argv.data(), environ);
  fs::current_path(old);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    ADD_FAILURE() << "posix_spawn " << ECSGUARD_EXE << ": " << std::strerror(rc);
    return r;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int status = 0;
  for (;;) {
    const pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      r.timed_out = true;
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_all(out_path);
  r.err = read_all(err_path);
  return r;
}

bool has_error_for(const nlohmann::json& report, const std::string& file, const std::string& code) {
  if (!report.contains("errors")) return false;
  for (const auto& e : report["errors"]) {
    if (e.value("file", "") == file && e.value("code", "") == code) return true;
  }
  return false;
}

TEST(HostileCli, LostInput_Exit3_NamedOnStderrAndInJson) {
  TempDir tmp;
  write_file(tmp / "w/stack/good.json", kGood);
  std::string deep = R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": )";
  deep += std::string(200'000, '[');
  write_file(tmp / "w/stack/deep.json", deep);
  write_file(tmp / "w/stack/trunc.yaml",
             "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  T:\n    Type: \"AWS::SNS");
  const CliRun r = run_cli(tmp, tmp / "w", {"scan", "stack", "--format", "json"});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("stack/deep.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("stack/trunc.yaml:4"), std::string::npos) << r.err;
  const auto report = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << r.out.substr(0, 500);
  EXPECT_TRUE(has_error_for(report, "stack/deep.json", "limit")) << report.dump(2);
  EXPECT_TRUE(has_error_for(report, "stack/trunc.yaml", "syntax")) << report.dump(2);
  // The good file is still reported.
  bool good = false;
  for (const auto& f : report.value("findings", nlohmann::json::array())) {
    good = good ||
           f.value("location", nlohmann::json::object()).value("file", "") == "stack/good.json";
  }
  EXPECT_TRUE(good) << report.dump(2);
}

TEST(HostileCli, OnlySkippedEntries_NotLost_ExitFromFindings) {
  TempDir tmp;
  write_file(tmp / "w/stack/good.json", kGood);
  write_file(tmp / "outside/evil.json", kGood);
  fs::create_symlink(tmp / "outside/evil.json", tmp / "w/stack/escape.json");
  fs::create_symlink("..", tmp / "w/stack/loop");
  ASSERT_EQ(::mkfifo((tmp / "w/stack/pipe.yaml").c_str(), 0644), 0);
  const CliRun r = run_cli(tmp, tmp / "w", {"scan", "stack", "--format", "json"});
  ASSERT_FALSE(r.timed_out) << "a FIFO or a loop hung the scan";
  EXPECT_EQ(r.code, 1) << "findings in good.json, nothing lost\n" << r.err;
  const auto report = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_TRUE(has_error_for(report, "stack/escape.json", "skipped")) << report.dump(2);
  EXPECT_TRUE(has_error_for(report, "stack/loop", "skipped")) << report.dump(2);
  EXPECT_TRUE(has_error_for(report, "stack/pipe.yaml", "skipped")) << report.dump(2);
  for (const auto& f : report.value("findings", nlohmann::json::array())) {
    EXPECT_EQ(f.value("location", nlohmann::json::object()).value("file", ""), "stack/good.json");
  }
}

TEST(HostileCli, MaxFileSizeOverride_LosesTheFile_Exit3) {
  TempDir tmp;
  write_file(tmp / "w/stack/good.json", kGood);
  const CliRun def = run_cli(tmp, tmp / "w", {"scan", "stack"});
  EXPECT_EQ(def.code, 1) << def.err;
  const CliRun r = run_cli(tmp, tmp / "w",
                           {"scan", "stack", "--max-file-size", "100", "-o", tmp / "report.txt"});
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("stack/good.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("max_file_bytes"), std::string::npos) << r.err;
}

TEST(HostileCli, CommandLineSymlinkOutsideCwd_NotFollowed) {
  TempDir tmp;
  write_file(tmp / "outside/evil.json", kGood);
  fs::create_directories(tmp / "w");
  fs::create_symlink(tmp / "outside", tmp / "w/cdk.out");
  const CliRun r = run_cli(tmp, tmp / "w", {"scan", "cdk.out", "--format", "json"});
  ASSERT_FALSE(r.timed_out);
  EXPECT_NE(r.code, 1) << "the link's target must not be scanned\n" << r.out;
  EXPECT_EQ(r.out.find("evil.json"), std::string::npos) << r.out;
}

}  // namespace
