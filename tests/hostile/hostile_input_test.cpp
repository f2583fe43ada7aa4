// Hostile-input suite (issue #4): runs the whole scan pipeline (scan::run_scan) on inputs built at
// run time (nothing big is committed), each scan in a forked child so that
//   - a crash or a hang is a test failure with a reason, not a dead test binary (the parent kills
//     a child that runs past its deadline),
//   - peak memory is measured per scan (wait4's ru_maxrss) and wall time per scan.
// Each case puts a hostile file next to a good task definition and asserts: run_scan returns, a
// named diagnostic gives the hostile file (and the line where a position exists), the good file is
// still scanned and reported (its CTR-003 finding), input_lost() is set exactly when input was
// lost, and time and memory stay under generous safety ceilings (not benchmarks).
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/engine/finding.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/scan/scan.h"
#include "gtest/gtest.h"
#include "support/temp_dir.h"

namespace ecsguard {
namespace {

namespace fs = std::filesystem;
using TempDir = test::TempDir;

// ---- ceilings ----------------------------------------------------------------------------------
// The issue's bounds are for a normal build: < 10 s and < 2 GiB per scan. Sanitizers and -O0 make
// the same work several times slower (and ASan adds shadow memory and a quarantine), so the
// ceilings scale with the build; they still catch a hang or an unbounded expansion.
#if defined(__SANITIZE_THREAD__)
constexpr int kSanitizer = 2;
#elif defined(__SANITIZE_ADDRESS__)
constexpr int kSanitizer = 1;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
constexpr int kSanitizer = 2;
#elif __has_feature(address_sanitizer)
constexpr int kSanitizer = 1;
#else
constexpr int kSanitizer = 0;
#endif
#else
constexpr int kSanitizer = 0;
#endif
#ifdef NDEBUG
constexpr bool kOptimised = true;
#else
constexpr bool kOptimised = false;
#endif
constexpr double kBaseWallSeconds = 10.0;
constexpr long kBaseRssKib = 2L * 1024 * 1024;  // 2 GiB
// ASan roughly doubles time and memory; TSan's shadow memory is 4-8x the application's.
constexpr double kWallScale = (kSanitizer != 0 ? 6.0 : 1.0) * (kOptimised ? 1.0 : 3.0);
constexpr double kMaxWallSeconds = kBaseWallSeconds * kWallScale;
constexpr long kMaxRssKib = kBaseRssKib * (kSanitizer == 2 ? 4 : kSanitizer == 1 ? 2 : 1);

// ---- temporary tree ----------------------------------------------------------------------------

void write_file(const std::string& path, std::string_view text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

// Writes head + `count` copies of `fill` + tail without building the whole text in memory.
void write_repeated(const std::string& path, std::string_view head, std::string_view fill,
                    std::size_t count, std::string_view tail) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(head.data(), static_cast<std::streamsize>(head.size()));
  std::string chunk;
  constexpr std::size_t kChunk = 1 << 16;
  while (chunk.size() + fill.size() <= kChunk) chunk += fill;
  const std::size_t per_chunk = chunk.size() / fill.size();
  std::size_t left = count;
  while (left >= per_chunk) {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    left -= per_chunk;
  }
  for (; left > 0; --left) out.write(fill.data(), static_cast<std::streamsize>(fill.size()));
  out.write(tail.data(), static_cast<std::streamsize>(tail.size()));
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The good file every case scans beside the hostile one. Its family names it, so the test can
// find its task definition in the model; with checks registered it must also get findings (it runs
// a privileged container: CTR-003 among others).
std::string good_task_def(const std::string& family) {
  return R"({
  "family": ")" +
         family + R"(",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {"name": "app", "image": "public.ecr.aws/nginx/nginx:1.25", "essential": true,
     "privileged": true}
  ]
}
)";
}

constexpr std::string_view kCfnHeadJson =
    R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}, "Metadata": {"X": )";
constexpr std::string_view kCfnHeadYaml =
    "AWSTemplateFormatVersion: \"2010-09-09\"\n"
    "Resources:\n"
    "  Topic:\n"
    "    Type: AWS::SNS::Topic\n"
    "Metadata:\n";

// ---- running a scan in a child -----------------------------------------------------------------

struct Outcome {
  bool exited = false;
  int exit_code = -1;
  int term_signal = 0;
  bool timed_out = false;
  double wall_seconds = 0;
  long max_rss_kib = 0;
  std::size_t files_discovered = 0;
  std::size_t files_scanned = 0;
  std::size_t files_failed = 0;
  bool input_lost = false;
  std::size_t diagnostics_total = 0;
  std::vector<engine::Diagnostic> diagnostics;
  struct Hit {
    std::string id, file;
    unsigned line = 0;
  };
  std::vector<Hit> findings;
  std::vector<std::string> families;  // task definition families in the model
  std::size_t checks_registered = 0;
  std::string raw;

  [[nodiscard]] std::string describe() const {
    std::ostringstream os;
    os << "exited=" << exited << " code=" << exit_code << " signal=" << term_signal
       << " timed_out=" << timed_out << " wall=" << wall_seconds << "s rss=" << max_rss_kib
       << "KiB discovered=" << files_discovered << " scanned=" << files_scanned
       << " failed=" << files_failed << "\n";
    for (const auto& d : diagnostics) {
      os << "  [" << core::to_string(d.code) << "] " << d.file << ":" << d.line << ":" << d.column
         << ": " << d.message.substr(0, 300) << "\n";
    }
    for (const auto& f : findings)
      os << "  finding " << f.id << " " << f.file << ":" << f.line << "\n";
    return os.str();
  }
};

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      ++i;
      out += s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' : s[i];
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

std::string serialize(const scan::ScanResult& r) {
  std::ostringstream os;
  os << "discovered\t" << r.files_discovered << "\n";
  os << "scanned\t" << r.files_scanned << "\n";
  os << "failed\t" << r.files_failed << "\n";
  os << "lost\t" << (r.input_lost() ? 1 : 0) << "\n";
  os << "diagnostics\t" << r.diagnostics.size() << "\n";
  os << "checks\t" << engine::registered_checks().size() << "\n";
  for (const auto& td : r.stack.task_definitions) {
    if (td.family.known()) os << "family\t" << escape(td.family.value) << "\n";
  }
  std::size_t n = 0;
  for (const auto& d : r.diagnostics) {
    if (++n > 2000) break;  // enough to assert on; the total is reported above
    os << "diag\t" << static_cast<int>(d.code) << "\t" << escape(d.file) << "\t" << d.line << "\t"
       << d.column << "\t" << escape(d.message.substr(0, 2000)) << "\n";
  }
  n = 0;
  for (const auto& f : r.findings) {
    if (++n > 2000) break;
    os << "finding\t" << escape(f.id()) << "\t" << escape(f.file) << "\t" << f.loc.line << "\n";
  }
  return os.str();
}

void parse_summary(Outcome& o) {
  std::istringstream in(o.raw);
  std::string line;
  while (std::getline(in, line)) {
    const auto f = split_tabs(line);
    if (f.size() == 2 && f[0] == "discovered") o.files_discovered = std::stoul(f[1]);
    if (f.size() == 2 && f[0] == "scanned") o.files_scanned = std::stoul(f[1]);
    if (f.size() == 2 && f[0] == "failed") o.files_failed = std::stoul(f[1]);
    if (f.size() == 2 && f[0] == "lost") o.input_lost = f[1] == "1";
    if (f.size() == 2 && f[0] == "diagnostics") o.diagnostics_total = std::stoul(f[1]);
    if (f.size() == 2 && f[0] == "checks") o.checks_registered = std::stoul(f[1]);
    if (f.size() == 2 && f[0] == "family") o.families.push_back(unescape(f[1]));
    if (f.size() == 6 && f[0] == "diag") {
      engine::Diagnostic d;
      d.code = static_cast<core::Errc>(std::stoi(f[1]));
      d.file = unescape(f[2]);
      d.line = static_cast<unsigned>(std::stoul(f[3]));
      d.column = static_cast<unsigned>(std::stoul(f[4]));
      d.message = unescape(f[5]);
      o.diagnostics.push_back(std::move(d));
    }
    if (f.size() == 4 && f[0] == "finding") {
      o.findings.push_back(
          Outcome::Hit{unescape(f[1]), unescape(f[2]), static_cast<unsigned>(std::stoul(f[3]))});
    }
  }
}

// Runs run_scan(request) in a child whose working directory is `cwd`.
Outcome run_isolated(const std::string& cwd, const scan::ScanRequest& request) {
  Outcome o;
  int fds[2];
  if (::pipe(fds) != 0) {
    ADD_FAILURE() << "pipe: " << std::strerror(errno);
    return o;
  }
  (void)std::fflush(stdout);  // the child must not inherit (and repeat) buffered output
  (void)std::fflush(stderr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork: " << std::strerror(errno);
    return o;
  }
  if (pid == 0) {
    ::close(fds[0]);
    if (::chdir(cwd.c_str()) != 0) ::_exit(90);
    const std::string text = serialize(scan::run_scan(request));
    std::size_t off = 0;
    while (off < text.size()) {
      const ssize_t n = ::write(fds[1], text.data() + off, text.size() - off);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) ::_exit(91);
      off += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  const auto deadline = start + std::chrono::duration<double>(kMaxWallSeconds + 30.0);
  char buf[1 << 16];
  for (;;) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      o.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
    pollfd p{fds[0], POLLIN, 0};
    const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(ms, 1000)));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) continue;
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child is done writing
    o.raw.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  struct rusage ru {};
  while (::wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
  }
  o.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  o.max_rss_kib = ru.ru_maxrss;  // KiB on Linux
  o.exited = WIFEXITED(status);
  o.exit_code = o.exited ? WEXITSTATUS(status) : -1;
  o.term_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  parse_summary(o);
  std::printf("[ measure  ] %s: wall %.2f s, peak RSS %ld MiB (ceilings %.0f s, %ld MiB)\n",
              ::testing::UnitTest::GetInstance()->current_test_info()->name(), o.wall_seconds,
              o.max_rss_kib / 1024, kMaxWallSeconds, kMaxRssKib / 1024);
  return o;
}

scan::ScanRequest request_for(std::vector<std::string> paths, unsigned threads = 2) {
  scan::ScanRequest req;
  req.paths = std::move(paths);
  req.threads = threads;
  return req;
}

// ---- assertions --------------------------------------------------------------------------------

void expect_returned_within_bounds(const Outcome& o, double wall_ceiling = kMaxWallSeconds) {
  ASSERT_FALSE(o.timed_out) << "run_scan did not return (killed after the deadline)\n"
                            << o.describe();
  ASSERT_TRUE(o.exited && o.exit_code == 0)
      << "run_scan crashed (signal " << o.term_signal << ", " << strsignal(o.term_signal) << ")\n"
      << o.describe();
  EXPECT_LT(o.wall_seconds, wall_ceiling) << o.describe();
  EXPECT_LT(o.max_rss_kib, kMaxRssKib) << o.describe();
}

// `good` (display path) with family `family` was scanned and reported, and got no diagnostic.
void expect_good_reported(const Outcome& o, const std::string& good, const std::string& family) {
  EXPECT_NE(std::find(o.families.begin(), o.families.end(), family), o.families.end())
      << "the good file " << good << " beside the hostile ones must still be modelled\n"
      << o.describe();
  if (o.checks_registered > 0) {
    const bool found = std::any_of(o.findings.begin(), o.findings.end(),
                                   [&](const auto& f) { return f.file == good; });
    EXPECT_TRUE(found) << "the good file " << good << " must still be reported\n" << o.describe();
  }
  for (const auto& d : o.diagnostics) {
    EXPECT_NE(d.file, good) << "the good file got a diagnostic\n" << o.describe();
  }
}

struct Want {
  std::string file;
  std::vector<core::Errc> codes;  // any of these
  bool needs_line = false;        // the problem has a position in the file
};

// A diagnostic names `want.file` with one of the codes (and a line when there is a position).
void expect_named(const Outcome& o, const Want& want) {
  const engine::Diagnostic* hit = nullptr;
  for (const auto& d : o.diagnostics) {
    if (d.file != want.file) continue;
    if (std::find(want.codes.begin(), want.codes.end(), d.code) == want.codes.end()) continue;
    hit = &d;
    if (!want.needs_line || d.line > 0) break;
  }
  ASSERT_NE(hit, nullptr) << "no diagnostic names " << want.file << "\n" << o.describe();
  EXPECT_FALSE(hit->message.empty());
  if (want.needs_line) {
    EXPECT_GT(hit->line, 0u) << "diagnostic for " << want.file << " has no line\n" << o.describe();
  }
}

// Codes that mean input was lost.
std::vector<core::Errc> lost_codes() {
  return {core::Errc::kSyntax, core::Errc::kLimit, core::Errc::kInvalid, core::Errc::kUnsupported,
          core::Errc::kIo};
}

// ---- the cases ---------------------------------------------------------------------------------

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override { write_file(tmp_ / "tree/good.json", good_task_def("good")); }
  [[nodiscard]] std::string tree(const std::string& rel) const { return tmp_ / ("tree/" + rel); }
  Outcome scan_tree(unsigned threads = 2) {
    return run_isolated(tmp_.path(), request_for({"tree"}, threads));
  }
  TempDir tmp_;
};

TEST_F(Hostile, YamlAliasBombs_BoundedAndNamed) {
  // Billion laughs: 9 levels x 10 references = 90 aliases (far under max_alias_expansions) that
  // would expand to 10^9 nodes: max_nodes (or shared subtrees) must bound it.
  std::string laughs(kCfnHeadYaml);
  laughs +=
      "  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const char prev = static_cast<char>(c - 1);
    laughs += std::string("  ") + c + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) laughs += std::string(i ? "," : "") + "*" + prev;
    laughs += "]\n";
  }
  write_file(tree("laughs.yaml"), laughs);
  // Wide: 50,000 dereferences of one small anchor (max_alias_expansions).
  std::string wide(kCfnHeadYaml);
  wide += "  x: &x {k: v}\n  y: [" + repeat("*x,", 50'000) + "*x]\n";
  write_file(tree("wide.yaml"), wide);
  // An alias to an anchor that is still being defined (a cycle) must not recurse forever.
  write_file(tree("cycle.yaml"), std::string(kCfnHeadYaml) + "  c: &c [1, *c]\n  d: &d {k: *d}\n");
  // Block-style laughs with mappings.
  std::string blocks(kCfnHeadYaml);
  blocks += "  l0: &l0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n";
  for (int lvl = 1; lvl <= 9; ++lvl) {
    blocks += "  l" + std::to_string(lvl) + ": &l" + std::to_string(lvl) + "\n";
    for (int i = 0; i < 10; ++i) {
      blocks += "    k" + std::to_string(i) + ": *l" + std::to_string(lvl - 1) + "\n";
    }
  }
  write_file(tree("blocks.yaml"), blocks);

  const Outcome o = scan_tree();
  expect_returned_within_bounds(o);
  expect_good_reported(o, "tree/good.json", "good");
  expect_named(o, {"tree/laughs.yaml", {core::Errc::kLimit}, true});
  expect_named(o, {"tree/wide.yaml", {core::Errc::kLimit}, true});
  expect_named(o, {"tree/cycle.yaml", lost_codes(), true});
  expect_named(o, {"tree/blocks.yaml", {core::Errc::kLimit}, true});
  EXPECT_TRUE(o.input_lost) << o.describe();
}

TEST_F(Hostile, DeepNestingJson_200k_BoundedAndNamed) {
  constexpr std::size_t kDeep = 200'000;
  write_repeated(tree("deep_array.json"), kCfnHeadJson, "[", kDeep, "");
  {  // closed properly too: the whole document is well-formed, only too deep
    std::ofstream out(tree("deep_array.json"), std::ios::app | std::ios::binary);
    out << repeat("]", kDeep) << "}}\n";
  }
  write_repeated(tree("deep_object.json"), "", R"({"a":)", kDeep, "1");
  {
    std::ofstream out(tree("deep_object.json"), std::ios::app | std::ios::binary);
    out << repeat("}", kDeep) << "\n";
  }
  write_repeated(tree("deep_unclosed.json"), kCfnHeadJson, "[{\"k\":", kDeep, "");

  const Outcome o = scan_tree();
  expect_returned_within_bounds(o);
  expect_good_reported(o, "tree/good.json", "good");
  expect_named(o, {"tree/deep_array.json", {core::Errc::kLimit}, true});
  expect_named(o, {"tree/deep_object.json", {core::Errc::kLimit}, true});
  expect_named(o, {"tree/deep_unclosed.json", {core::Errc::kLimit, core::Errc::kSyntax}, true});
  EXPECT_TRUE(o.input_lost);
}

TEST_F(Hostile, DeepNestingYaml_200k_BoundedAndNamed) {
  constexpr std::size_t kDeep = 200'000;
  write_repeated(tree("deep_flow.yaml"), std::string(kCfnHeadYaml) + "  X: ", "[", kDeep, "");
  {
    std::ofstream out(tree("deep_flow.yaml"), std::ios::app | std::ios::binary);
    out << repeat("]", kDeep) << "\n";
  }
  write_repeated(tree("deep_map.yaml"), std::string(kCfnHeadYaml) + "  X: ", "{a: ", kDeep, "b");
  {
    std::ofstream out(tree("deep_map.yaml"), std::ios::app | std::ios::binary);
    out << repeat("}", kDeep) << "\n";
  }
  // Compact block sequences on one line: "- - - ... x" nests one level per "- ".
  write_repeated(tree("deep_block.yaml"), "", "- ", kDeep, "x\n");

  const Outcome o = scan_tree();
  expect_returned_within_bounds(o);
  expect_good_reported(o, "tree/good.json", "good");
  expect_named(o, {"tree/deep_flow.yaml", {core::Errc::kLimit, core::Errc::kSyntax}, true});
  expect_named(o, {"tree/deep_map.yaml", {core::Errc::kLimit, core::Errc::kSyntax}, true});
  expect_named(o, {"tree/deep_block.yaml", {core::Errc::kLimit, core::Errc::kSyntax}, true});
  EXPECT_TRUE(o.input_lost);
}

TEST_F(Hostile, TruncatedFiles_SyntaxErrorWithLine) {
  const std::string full_json =
      "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n"
      "    \"Task\": {\n      \"Type\": \"AWS::ECS::TaskDefinition\",\n"
      "      \"Properties\": {\n        \"ContainerDefinitions\": [\n"
      "          {\"Name\": \"app\", \"Image\": \"nginx:1.25\", \"Privileged\": true}\n"
      "        ]\n      }\n    }\n  }\n}\n";
  write_file(tree("trunc_string.json"), full_json.substr(0, full_json.find("nginx") + 3));
  write_file(tree("trunc_object.json"), full_json.substr(0, full_json.find("\"Properties\"")));
  const std::string full_yaml =
      "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Task:\n"
      "    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n"
      "        - Name: app\n          Image: \"nginx:1.25\"\n          Privileged: true\n";
  write_file(tree("trunc_quoted.yaml"), full_yaml.substr(0, full_yaml.find("nginx") + 3));
  write_file(tree("trunc_flow.yaml"),
             "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {Task: {Type: "
             "AWS::ECS::TaskDefinition, Properties: {ContainerDefinitions: [{Name: app");
  write_file(tree("trunc_bom.json"), "\xEF\xBB\xBF{\"Resources\": {");

  const Outcome o = scan_tree();
  expect_returned_within_bounds(o);
  expect_good_reported(o, "tree/good.json", "good");
  for (const char* f : {"trunc_string.json", "trunc_object.json", "trunc_quoted.yaml",
                        "trunc_flow.yaml", "trunc_bom.json"}) {
    expect_named(o, {std::string("tree/") + f, {core::Errc::kSyntax}, true});
  }
  EXPECT_TRUE(o.input_lost);
  EXPECT_EQ(o.files_failed, 5u) << o.describe();
}

TEST_F(Hostile, InvalidUtf8_NamedNotCrashing) {
  const std::string head_json =
      "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n\"Resources\": {\"T\": {\"Type\": "
      "\"AWS::SNS::Topic\", \"Properties\": {\"TopicName\": \"";
  const std::string tail_json = "\"}}}}\n";
  write_file(tree("bad_bytes.json"), head_json + "\xFF\xFE\xC0\xAF" + tail_json);
  write_file(tree("surrogate.json"), head_json + "\xED\xA0\x80" + tail_json);  // CESU-8
  write_file(tree("overlong.json"), head_json + "\xC0\x80" + tail_json);       // overlong NUL
  write_file(tree("truncated_seq.json"), head_json + "\xE2\x82" + tail_json);
  const std::string head_yaml = std::string(kCfnHeadYaml) + "  Name: ";
  write_file(tree("bad_bytes.yaml"), head_yaml + "\xFF\xFE\xC0\xAF\n");
  write_file(tree("bad_key.yaml"), head_yaml + "ok\n  \xF8\x88\x80\x80\x80: v\n");

  const Outcome o = scan_tree();
  expect_returned_within_bounds(o);
  expect_good_reported(o, "tree/good.json", "good");
  for (const char* f : {"bad_bytes.json", "surrogate.json", "overlong.json", "truncated_seq.json",
                        "bad_bytes.yaml", "bad_key.yaml"}) {
    expect_named(o, {std::string("tree/") + f, lost_codes(), true});
  }
  EXPECT_TRUE(o.input_lost);
}

TEST_F(Hostile, Scalar64MiB_FileLimitThenScalarLimit) {
  constexpr std::size_t kBig = 64u << 20;
  write_repeated(tree("big_scalar.json"), std::string(kCfnHeadJson) + "\"", "a", kBig, "\"}}\n");
  write_repeated(tree("big_scalar.yaml"), std::string(kCfnHeadYaml) + "  X: ", "a", kBig, "\n");
  write_repeated(tree("big_quoted.yaml"), std::string(kCfnHeadYaml) + "  X: \"", "a", kBig, "\"\n");

  // Default limits: each file is over max_file_bytes (32 MiB) and is never read.
  {
    const Outcome o = scan_tree();
    expect_returned_within_bounds(o);
    expect_good_reported(o, "tree/good.json", "good");
    for (const char* f : {"big_scalar.json", "big_scalar.yaml", "big_quoted.yaml"}) {
      expect_named(o, {std::string("tree/") + f, {core::Errc::kLimit}, false});
    }
    EXPECT_TRUE(o.input_lost);
  }
  // With the file limit raised past 64 MiB, the parsers' max_scalar_bytes (8 MiB) applies.
  {
    scan::ScanRequest req = request_for({"tree"});
    req.limits.max_file_bytes = 80u << 20;
    const Outcome o = run_isolated(tmp_.path(), req);
    expect_returned_within_bounds(o);
    expect_good_reported(o, "tree/good.json", "good");
    for (const char* f : {"big_scalar.json", "big_scalar.yaml", "big_quoted.yaml"}) {
      expect_named(o, {std::string("tree/") + f, {core::Errc::kLimit}, true});
    }
    EXPECT_TRUE(o.input_lost);
  }
}

TEST_F(Hostile, Resources200k_LimitNamed) {
  constexpr int kCount = 200'000;
  {
    std::ofstream out(tree("many.json"), std::ios::binary);
    out << "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n\"Resources\": {\n";
    for (int i = 0; i < kCount; ++i) {
      out << (i ? ",\n" : "") << "\"Topic" << i << R"(": {"Type": "AWS::SNS::Topic"})";
    }
    out << "\n}}\n";
  }
  {
    std::ofstream out(tree("many.yaml"), std::ios::binary);
    out << "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n";
    for (int i = 0; i < kCount; ++i) out << "  Q" << i << ":\n    Type: AWS::SQS::Queue\n";
  }

  const Outcome o = scan_tree();
  expect_returned_within_bounds(o);
  expect_good_reported(o, "tree/good.json", "good");
  expect_named(o, {"tree/many.json", {core::Errc::kLimit}, true});
  expect_named(o, {"tree/many.yaml", {core::Errc::kLimit}, true});
  EXPECT_TRUE(o.input_lost);
}

TEST_F(Hostile, SymlinkLoopsEscapesAndFifo_SkippedNotLost) {
  // Outside the scan root: a template that would produce a finding if it were ever read.
  write_file(tmp_ / "outside/evil.json", good_task_def("evil"));
  write_file(tmp_ / "outside/dir/evil2.json", good_task_def("evil2"));
  fs::create_symlink(tmp_ / "outside/evil.json", tree("escape.json"));
  fs::create_symlink("../outside/dir", tree("escape_dir"));
  fs::create_symlink("/", tree("root_link"));
  fs::create_directories(tree("sub"));
  fs::create_symlink("..", tree("sub/up"));
  fs::create_symlink("loop_b.json", tree("loop_a.json"));
  fs::create_symlink("loop_a.json", tree("loop_b.json"));
  ASSERT_EQ(::mkfifo(tree("pipe.yaml").c_str(), 0644), 0);
  // Inside the root, reached through a link: scanned once, under its real path.
  fs::create_symlink("good.json", tree("alias.json"));

  const Outcome o = scan_tree(4);
  expect_returned_within_bounds(o);
  expect_good_reported(o, "tree/good.json", "good");
  for (const char* f : {"escape.json", "escape_dir", "root_link", "sub/up", "loop_a.json",
                        "loop_b.json", "pipe.yaml", "alias.json"}) {
    expect_named(o, {std::string("tree/") + f, {core::Errc::kSkipped}, false});
  }
  EXPECT_FALSE(o.input_lost) << "skipped entries are notes, not lost input\n" << o.describe();
  for (const auto& f : o.findings) {
    EXPECT_EQ(f.file, "tree/good.json") << "a file outside the root was read\n" << o.describe();
  }
  EXPECT_EQ(o.families, std::vector<std::string>{"good"}) << "only the good file is modelled";
  EXPECT_EQ(o.files_discovered, 1u) << o.describe();
}

TEST_F(Hostile, DanglingLinkNamedLikeInput_IsLostInput) {
  fs::create_symlink("missing.yaml", tree("gone.yaml"));
  const Outcome o = scan_tree();
  expect_returned_within_bounds(o);
  expect_good_reported(o, "tree/good.json", "good");
  expect_named(o, {"tree/gone.yaml", {core::Errc::kIo}, false});
  EXPECT_TRUE(o.input_lost);
}

// Everything at once, scanned by 4 threads (the TSan build runs this too).
TEST_F(Hostile, EverythingInOneTree_EachFileNamed) {
  std::string laughs(kCfnHeadYaml);
  laughs +=
      "  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    laughs += std::string("  ") + c + ": &" + c + " [";
    for (int i = 0; i < 10; ++i)
      laughs += std::string(i ? "," : "") + "*" + static_cast<char>(c - 1);
    laughs += "]\n";
  }
  write_file(tree("a/laughs.yaml"), laughs);
  write_repeated(tree("b/deep.json"), kCfnHeadJson, "[", 200'000, "");
  write_repeated(tree("c/deep.yaml"), std::string(kCfnHeadYaml) + "  X: ", "[", 200'000, "");
  write_file(tree("d/trunc.json"),
             R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"T)");
  write_file(tree("e/utf8.json"), std::string(kCfnHeadJson) + "\"\xFF\"}}");
  write_repeated(tree("f/big.yaml"), std::string(kCfnHeadYaml) + "  X: ", "b", 40u << 20, "\n");
  fs::create_directories(tree("g"));
  ASSERT_EQ(::mkfifo(tree("g/fifo.json").c_str(), 0644), 0);
  fs::create_directories(tree("h"));
  fs::create_symlink("..", tree("h/loop"));
  // (Names built with append: GCC 12 -O3 warns falsely on "literal" + std::string, PR 105651.)
  auto family = [](int i) { return std::string("z").append(std::to_string(i)); };
  auto good_path = [](int i) {
    return std::string("tree/z/good").append(std::to_string(i)).append(".json");
  };
  for (int i = 0; i < 20; ++i) write_file(tmp_ / good_path(i), good_task_def(family(i)));

  const Outcome o = scan_tree(4);
  expect_returned_within_bounds(o, 2 * kMaxWallSeconds);
  expect_good_reported(o, "tree/good.json", "good");
  for (int i = 0; i < 20; ++i) expect_good_reported(o, good_path(i), family(i));
  expect_named(o, {"tree/a/laughs.yaml", {core::Errc::kLimit}, true});
  expect_named(o, {"tree/b/deep.json", {core::Errc::kLimit, core::Errc::kSyntax}, true});
  expect_named(o, {"tree/c/deep.yaml", {core::Errc::kLimit, core::Errc::kSyntax}, true});
  expect_named(o, {"tree/d/trunc.json", {core::Errc::kSyntax}, true});
  expect_named(o, {"tree/e/utf8.json", lost_codes(), true});
  expect_named(o, {"tree/f/big.yaml", {core::Errc::kLimit}, false});
  expect_named(o, {"tree/g/fifo.json", {core::Errc::kSkipped}, false});
  expect_named(o, {"tree/h/loop", {core::Errc::kSkipped}, false});
  EXPECT_TRUE(o.input_lost);
  EXPECT_EQ(o.files_failed, 6u) << o.describe();
}

}  // namespace
}  // namespace ecsguard
