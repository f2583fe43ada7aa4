#pragma once
// The e2e fixture: runs the real ecsguard binary in a temporary directory (ripgrep's
// integration-test style), stdout and stderr captured apart.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ecsguard::test {

namespace fs = std::filesystem;

struct CmdResult {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ecsguard-e2e-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }

  // Runs `ecsguard ARGS` with cwd = dir_, capturing stdout and stderr separately.
  CmdResult exec(const std::string& args) { return exec_in(".", args); }

  // The same with cwd = dir_/SUBDIR. ARGS go through the shell (redirections work).
  CmdResult exec_in(const std::string& subdir, const std::string& args) {
    const std::string cmd = "cd '" + (dir_ / subdir).string() + "' && '" +
                            std::string(ECSGUARD_EXE) + "' " + args + " >'" +
                            (dir_ / ".out").string() + "' 2>'" + (dir_ / ".err").string() + "'";
    CmdResult r;
    const int status = std::system(cmd.c_str());
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir_ / ".out");
    r.err = slurp(dir_ / ".err");
    return r;
  }

  fs::path dir_;
};

inline constexpr const char* kInsecureTaskDef = R"({
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx:latest",
      "privileged": true
    }
  ]
}
)";

}  // namespace ecsguard::test
