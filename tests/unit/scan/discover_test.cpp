// Unit tests for scan::discover / scan::read_discovered on real temporary trees.
//
// Unreadable input: the tests run as root in CI, and root bypasses permission bits. They therefore
// (a) use a dangling symlink named like an input, (b) build a directory tree deeper than PATH_MAX
// (lstat fails with ENAMETOOLONG, whoever we are), and (c) drop to uid/gid 65534 in a forked child
// so that a mode-000 directory and file really are unreadable (run directly when not root).
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/scan/discover.h"
#include "gtest/gtest.h"
#include "support/temp_dir.h"

namespace ecsguard::scan {
namespace {

namespace fs = std::filesystem;

class TempDir : public test::TempDir {
 public:
  TempDir() : test::TempDir("ecsguard-discover") {}
};

void write_file(const std::string& path, const std::string& text = "{}\n") {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

void make_symlink(const std::string& target, const std::string& link) {
  fs::create_directories(fs::path(link).parent_path());
  fs::create_symlink(target, link);
}

class CwdGuard {
 public:
  explicit CwdGuard(const std::string& dir) : old_(fs::current_path()) { fs::current_path(dir); }
  ~CwdGuard() { fs::current_path(old_); }
  CwdGuard(const CwdGuard&) = delete;
  CwdGuard& operator=(const CwdGuard&) = delete;

 private:
  fs::path old_;
};

// A hang (FIFO opened, symlink loop walked forever) kills the test binary instead of the CI job.
class ScopedAlarm {
 public:
  explicit ScopedAlarm(unsigned seconds) { ::alarm(seconds); }
  ~ScopedAlarm() { ::alarm(0); }
  ScopedAlarm(const ScopedAlarm&) = delete;
  ScopedAlarm& operator=(const ScopedAlarm&) = delete;
};

std::vector<std::string> displays(const Discovery& d) {
  std::vector<std::string> out;
  for (const auto& f : d.files) out.push_back(f.display_path);
  return out;
}

// The code of the note about `path`, if any.
std::optional<core::Errc> note_for(const Discovery& d, const std::string& path) {
  EXPECT_EQ(d.notes.size(), d.note_paths.size());
  for (std::size_t i = 0; i < d.note_paths.size(); ++i) {
    if (d.note_paths[i] == path) return d.notes[i].code;
  }
  return std::nullopt;
}

std::string note_message(const Discovery& d, const std::string& path) {
  for (std::size_t i = 0; i < d.note_paths.size(); ++i) {
    if (d.note_paths[i] == path) return d.notes[i].message;
  }
  return {};
}

TEST(Discover, Ordering_SortedByDisplayPathWithUserPrefix) {
  TempDir tmp;
  for (const char* rel :
       {"examples/b.yaml", "examples/a.json", "examples/A.YML", "examples/sub/c.template",
        "examples/sub.json", "examples/x.txt", "examples/app.template.json",
        "examples/nested/deep/z.yml", "examples/Makefile", "examples/README.md"}) {
    write_file(tmp / rel);
  }
  CwdGuard cwd(tmp.path());
  const std::vector<std::string> expected = {"examples/A.YML",
                                             "examples/a.json",
                                             "examples/app.template.json",
                                             "examples/b.yaml",
                                             "examples/nested/deep/z.yml",
                                             "examples/sub.json",
                                             "examples/sub/c.template"};
  for (const char* typed : {"examples", "examples/", "examples//"}) {
    const Discovery d = discover({typed}, core::Limits{});
    EXPECT_EQ(displays(d), expected) << typed;
    EXPECT_TRUE(d.notes.empty()) << typed;
    EXPECT_FALSE(d.any_root_missing);
  }
  // "." gives paths relative to the current directory, "./examples" keeps the user's prefix.
  {
    const Discovery d = discover({"."}, core::Limits{});
    EXPECT_EQ(displays(d), expected);
  }
  {
    const Discovery d = discover({}, core::Limits{});  // no path = "."
    EXPECT_EQ(displays(d), expected);
  }
  {
    const Discovery d = discover({"./examples"}, core::Limits{});
    ASSERT_FALSE(d.files.empty());
    EXPECT_EQ(d.files.front().display_path, "./examples/A.YML");
  }
  // fs_path opens the file, root is the canonical scan root.
  const Discovery d = discover({"examples"}, core::Limits{});
  ASSERT_EQ(d.files.size(), expected.size());
  for (const auto& f : d.files) {
    EXPECT_EQ(f.root, tmp / "examples");
    EXPECT_TRUE(fs::is_regular_file(f.fs_path)) << f.fs_path;
    EXPECT_TRUE(fs::path(f.fs_path).is_absolute());
  }
}

TEST(Discover, Deterministic_SameResultEveryTimeAndArgumentOrderIrrelevant) {
  TempDir tmp;
  for (int i = 0; i < 50; ++i)
    write_file(tmp / ("d" + std::to_string(i % 7) + "/f" + std::to_string(i) + ".json"));
  write_file(tmp / "other/x.yaml");
  CwdGuard cwd(tmp.path());
  const Discovery a = discover({"d0", "other", "d3"}, core::Limits{});
  const Discovery b = discover({"d3", "d0", "other"}, core::Limits{});
  EXPECT_EQ(displays(a), displays(b));
  EXPECT_TRUE(std::is_sorted(a.files.begin(), a.files.end(), [](const auto& x, const auto& y) {
    return x.display_path < y.display_path;
  }));
  EXPECT_EQ(a.files.back().display_path, "other/x.yaml");
}

TEST(Discover, ExplicitFile_AnyExtensionAndPathAsGiven) {
  TempDir tmp;
  write_file(tmp / "stack/taskdef.txt");
  write_file(tmp / "stack/app.yaml");
  CwdGuard cwd(tmp.path());
  const Discovery d = discover({"./stack/taskdef.txt", "stack/app.yaml"}, core::Limits{});
  EXPECT_EQ(displays(d), (std::vector<std::string>{"./stack/taskdef.txt", "stack/app.yaml"}));
  EXPECT_EQ(d.files[0].root, tmp / "stack");
  EXPECT_TRUE(d.notes.empty());
}

TEST(Discover, OverlappingArguments_EachFileOnce) {
  TempDir tmp;
  write_file(tmp / "a/b/x.json");
  write_file(tmp / "a/y.json");
  CwdGuard cwd(tmp.path());
  const Discovery d = discover({"a/b", "a", "a/b/x.json", "a/"}, core::Limits{});
  EXPECT_EQ(displays(d), (std::vector<std::string>{"a/b/x.json", "a/y.json"}));
  EXPECT_TRUE(d.notes.empty());
}

TEST(Discover, SkippedDirectories_NestedAnywhere) {
  TempDir tmp;
  for (const char* rel :
       {"r/.git/config.json", "r/node_modules/pkg/package.json", "r/.terraform/m/x.json",
        "r/sub/node_modules/y.yaml", "r/sub/.git/z.yml", "r/cdk.out/asset.1234/inner.template.json",
        "r/cdk.out/App.template.json", "r/cdk.out/manifest.json", "r/other/asset.5/kept.json",
        "r/sub/cdk.out/asset.9/skip.json", "r/sub/keep.yaml"}) {
    write_file(tmp / rel);
  }
  const Discovery d = discover({tmp / "r"}, core::Limits{});
  const std::string p = tmp / "r/";
  EXPECT_EQ(displays(d),
            (std::vector<std::string>{p + "cdk.out/App.template.json", p + "cdk.out/manifest.json",
                                      p + "other/asset.5/kept.json", p + "sub/keep.yaml"}));
  EXPECT_TRUE(d.notes.empty());  // deliberate excludes are not noted

  // Naming an excluded folder explicitly scans it.
  const Discovery e = discover({tmp / "r/cdk.out/asset.1234"}, core::Limits{});
  EXPECT_EQ(e.files.size(), 1u);
}

TEST(Discover, SymlinkLoop_EndsWithNote) {
  ScopedAlarm alarm(30);
  TempDir tmp;
  write_file(tmp / "r/a/file.json");
  make_symlink("..", tmp / "r/a/up");           // loop to the parent
  make_symlink(".", tmp / "r/a/self");          // loop to itself
  make_symlink("loop2", tmp / "r/loop1.json");  // ELOOP between two links
  make_symlink("loop1.json", tmp / "r/loop2");
  const Discovery d = discover({tmp / "r"}, core::Limits{});
  EXPECT_EQ(displays(d), std::vector<std::string>{tmp / "r/a/file.json"});
  EXPECT_EQ(note_for(d, tmp / "r/a/up"), core::Errc::kSkipped);
  EXPECT_NE(note_message(d, tmp / "r/a/up").find("symlink loop"), std::string::npos);
  EXPECT_EQ(note_for(d, tmp / "r/a/self"), core::Errc::kSkipped);
  EXPECT_EQ(note_for(d, tmp / "r/loop1.json"), core::Errc::kSkipped);
  EXPECT_EQ(note_for(d, tmp / "r/loop2"), core::Errc::kSkipped);
  for (const auto& n : d.notes) EXPECT_NE(n.code, core::Errc::kIo) << n.message;
}

TEST(Discover, SymlinkEscape_FileAndDirectoryNotFollowed) {
  TempDir tmp;
  write_file(tmp / "outside/secret.json", R"({"secret": true})");
  write_file(tmp / "outside/dir/more.yaml");
  write_file(tmp / "root/ok.json");
  make_symlink(tmp / "outside/secret.json", tmp / "root/escape.json");  // absolute target
  make_symlink("../outside/dir", tmp / "root/escape_dir");              // relative target
  make_symlink("../../outside", tmp / "root/sub/deeper");               // from a subfolder
  make_symlink("/", tmp / "root/fs_root");
  const Discovery d = discover({tmp / "root"}, core::Limits{});
  EXPECT_EQ(displays(d), std::vector<std::string>{tmp / "root/ok.json"});
  for (const char* rel :
       {"root/escape.json", "root/escape_dir", "root/sub/deeper", "root/fs_root"}) {
    EXPECT_EQ(note_for(d, tmp / rel), core::Errc::kSkipped) << rel;
    EXPECT_NE(note_message(d, tmp / rel).find("outside the scan root"), std::string::npos);
  }
  for (const auto& f : d.files) EXPECT_EQ(f.fs_path.find("outside"), std::string::npos);
}

TEST(Discover, SymlinkInsideRoot_FollowedAndRealPathPreferred) {
  TempDir tmp;
  write_file(tmp / "r/real/t.json");
  write_file(tmp / "r/z_target.yaml");
  make_symlink("real", tmp / "r/alias");                 // dir link, sorts before "real"
  make_symlink("z_target.yaml", tmp / "r/a_link.yaml");  // file link, sorts before its target
  make_symlink("z_target.yaml", tmp / "r/plain_name");   // target named like an input
  write_file(tmp / "r/only/u.json");
  make_symlink("../only", tmp / "r/sub/via");  // dir reachable both ways
  const Discovery d = discover({tmp / "r"}, core::Limits{});
  const std::string p = tmp / "r/";
  EXPECT_EQ(displays(d),
            (std::vector<std::string>{p + "only/u.json", p + "real/t.json", p + "z_target.yaml"}));
  EXPECT_EQ(note_for(d, p + "alias"), core::Errc::kSkipped);
  EXPECT_EQ(note_for(d, p + "a_link.yaml"), core::Errc::kSkipped);
  EXPECT_EQ(note_for(d, p + "sub/via"), core::Errc::kSkipped);

  // Inside-root link whose target is not otherwise reachable: followed, display through the link.
  TempDir tmp2;
  write_file(tmp2 / "r/.hidden_store/x.json");  // a real folder we would walk too
  write_file(tmp2 / "r/node_modules/lib/y.json");
  make_symlink("node_modules/lib", tmp2 / "r/vendored");  // target only under an excluded folder
  const Discovery e = discover({tmp2 / "r"}, core::Limits{});
  EXPECT_EQ(displays(e), (std::vector<std::string>{tmp2 / "r/.hidden_store/x.json",
                                                   tmp2 / "r/vendored/y.json"}));
  EXPECT_EQ(e.files[1].fs_path, tmp2 / "r/node_modules/lib/y.json");
}

TEST(Discover, CommandLineSymlink_FollowedOnlyInsideCurrentDirectory) {
  TempDir tmp;
  write_file(tmp / "work/stack/app.json");
  write_file(tmp / "elsewhere/secret.json");
  make_symlink("stack", tmp / "work/current");
  make_symlink(tmp / "elsewhere", tmp / "work/out");
  make_symlink(tmp / "elsewhere/secret.json", tmp / "work/out.json");
  CwdGuard cwd(tmp / "work");
  const Discovery in = discover({"current"}, core::Limits{});
  EXPECT_EQ(displays(in), std::vector<std::string>{"current/app.json"});
  EXPECT_EQ(in.files[0].root, tmp / "work/stack");

  const Discovery out = discover({"out", "out.json", "current/"}, core::Limits{});
  EXPECT_EQ(displays(out), std::vector<std::string>{"current/app.json"});
  EXPECT_EQ(note_for(out, "out"), core::Errc::kSkipped);
  EXPECT_EQ(note_for(out, "out.json"), core::Errc::kSkipped);
  EXPECT_FALSE(out.any_root_missing);

  // Naming the target itself is an explicit choice and is honoured.
  const Discovery direct = discover({tmp / "elsewhere"}, core::Limits{});
  EXPECT_EQ(direct.files.size(), 1u);
}

TEST(Discover, SpecialFiles_SkippedNeverOpened) {
  ScopedAlarm alarm(30);  // opening the FIFO for reading would block forever
  TempDir tmp;
  write_file(tmp / "r/good.json");
  ASSERT_EQ(::mkfifo((tmp / "r/pipe.yaml").c_str(), 0644), 0);
  ASSERT_EQ(::mkfifo((tmp / "r/plain_fifo").c_str(), 0644), 0);
  make_symlink("pipe.yaml", tmp / "r/link_to_pipe.json");
  // A unix socket named like an input.
  const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(s, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string sock = tmp / "r/sock.json";
  ASSERT_LT(sock.size(), sizeof(addr.sun_path));
  std::memcpy(addr.sun_path, sock.c_str(), sock.size() + 1);
  ASSERT_EQ(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ::close(s);

  const Discovery d = discover({tmp / "r"}, core::Limits{});
  EXPECT_EQ(displays(d), std::vector<std::string>{tmp / "r/good.json"});
  EXPECT_EQ(note_for(d, tmp / "r/pipe.yaml"), core::Errc::kSkipped);
  EXPECT_NE(note_message(d, tmp / "r/pipe.yaml").find("FIFO"), std::string::npos);
  EXPECT_EQ(note_for(d, tmp / "r/plain_fifo"), core::Errc::kSkipped);
  EXPECT_EQ(note_for(d, tmp / "r/link_to_pipe.json"), core::Errc::kSkipped);
  EXPECT_EQ(note_for(d, tmp / "r/sock.json"), core::Errc::kSkipped);
  EXPECT_NE(note_message(d, tmp / "r/sock.json").find("socket"), std::string::npos);

  // A FIFO or a device named on the command line.
  const Discovery e = discover({tmp / "r/pipe.yaml", "/dev/null"}, core::Limits{});
  EXPECT_TRUE(e.files.empty());
  EXPECT_EQ(note_for(e, tmp / "r/pipe.yaml"), core::Errc::kSkipped);
  EXPECT_EQ(note_for(e, "/dev/null"), core::Errc::kSkipped);

  // A FIFO swapped in after discovery: the reader refuses it without blocking.
  const DiscoveredFile swapped{tmp / "r/pipe.yaml", "r/pipe.yaml", tmp / "r"};
  const auto text = read_discovered(swapped, core::Limits{});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, core::Errc::kSkipped);
  EXPECT_NE(text.error().message.find("FIFO"), std::string::npos) << text.error().message;
}

TEST(Discover, Unreadable_DanglingSymlinkIsLostInput) {
  TempDir tmp;
  write_file(tmp / "r/good.json");
  make_symlink("gone.json", tmp / "r/dangling.json");  // named like an input: lost
  make_symlink("nowhere", tmp / "r/dangling_other");   // not an input name: a note only
  const Discovery d = discover({tmp / "r"}, core::Limits{});
  EXPECT_EQ(displays(d), std::vector<std::string>{tmp / "r/good.json"});
  EXPECT_EQ(note_for(d, tmp / "r/dangling.json"), core::Errc::kIo);
  EXPECT_EQ(note_for(d, tmp / "r/dangling_other"), core::Errc::kSkipped);
}

TEST(Discover, Unreadable_TreeDeeperThanPathMax) {
  TempDir tmp;
  // Build r/<200 x 'd'>/... 30 levels deep with mkdirat, so no path ever exceeds PATH_MAX here.
  const std::string seg(200, 'd');
  fs::create_directories(tmp / "r");
  write_file(tmp / "r/top.json");
  int fd = ::open((tmp / "r").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  for (int i = 0; i < 30; ++i) {
    ASSERT_EQ(::mkdirat(fd, seg.c_str(), 0755), 0);
    const int next = ::openat(fd, seg.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ::close(fd);
    ASSERT_GE(next, 0);
    fd = next;
  }
  const int f = ::openat(fd, "bottom.yaml", O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(f, 0);
  ::close(f);
  ::close(fd);

  ScopedAlarm alarm(60);
  const Discovery d = discover({tmp / "r"}, core::Limits{});
  EXPECT_EQ(displays(d), std::vector<std::string>{tmp / "r/top.json"});
  bool lost = false;
  for (const auto& n : d.notes) lost = lost || n.code == core::Errc::kIo;
  EXPECT_TRUE(lost) << "the unreachable part of the tree must be reported as lost input";
}

// Runs `fn` as uid/gid 65534 in a child process; returns what it printed (or nullopt if the
// platform refuses to drop privileges).
template <class Fn>
std::optional<std::string> run_unprivileged(Fn fn) {
  int pipefd[2];
  if (::pipe(pipefd) != 0) return std::nullopt;
  const pid_t pid = ::fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    ::close(pipefd[0]);
    if (::geteuid() == 0 &&
        (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) {
      ::_exit(77);
    }
    const std::string out = fn();
    const char* p = out.data();
    std::size_t left = out.size();
    while (left > 0) {
      const ssize_t n = ::write(pipefd[1], p, left);
      if (n <= 0) ::_exit(1);
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(pipefd[1]);
  std::string out;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(pipefd[0], buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(pipefd[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 77) return std::nullopt;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::string("child failed");
  return out;
}

TEST(Discover, Unreadable_PermissionDeniedDirectoryAndFile) {
  TempDir tmp;
  write_file(tmp / "r/good.json");
  write_file(tmp / "r/locked/hidden.json");
  write_file(tmp / "r/secret.json", "{}");
  fs::permissions(tmp.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(tmp / "r/locked", fs::perms::none);
  fs::permissions(tmp / "r/secret.json", fs::perms::none);
  const std::string root = tmp / "r";
  const auto out = run_unprivileged([&root] {
    std::ostringstream os;
    const Discovery d = discover({root}, core::Limits{});
    for (const auto& f : d.files) {
      os << "file " << f.display_path << "\n";
      const auto text = read_discovered(f, core::Limits{});
      os << "read " << f.display_path << " "
         << (text.ok() ? std::string("ok") : std::string(core::to_string(text.error().code)))
         << "\n";
    }
    for (std::size_t i = 0; i < d.notes.size(); ++i) {
      os << "note " << d.note_paths[i] << " " << core::to_string(d.notes[i].code) << "\n";
    }
    return os.str();
  });
  if (!out) GTEST_SKIP() << "cannot drop privileges here; covered by the dangling-link tests";
  EXPECT_NE(out->find("file " + root + "/good.json\n"), std::string::npos) << *out;
  EXPECT_NE(out->find("read " + root + "/good.json ok\n"), std::string::npos) << *out;
  // Discovery only stats files; the reader reports the unreadable one.
  EXPECT_NE(out->find("read " + root + "/secret.json io\n"), std::string::npos) << *out;
  EXPECT_NE(out->find("note " + root + "/locked io\n"), std::string::npos) << *out;
  EXPECT_EQ(out->find("hidden.json"), std::string::npos) << *out;
}

TEST(Discover, Limits_TooLargeFileIsNotedAsLimit) {
  TempDir tmp;
  write_file(tmp / "r/small.json", std::string(10, ' '));
  write_file(tmp / "r/big.json", std::string(11, ' '));
  write_file(tmp / "r/big.txt", std::string(100, ' '));  // not a candidate: not noted
  core::Limits limits;
  limits.max_file_bytes = 10;
  const Discovery d = discover({tmp / "r"}, limits);
  EXPECT_EQ(displays(d), std::vector<std::string>{tmp / "r/small.json"});
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(note_for(d, tmp / "r/big.json"), core::Errc::kLimit);
  EXPECT_NE(d.notes[0].message.find("11 bytes"), std::string::npos) << d.notes[0].message;
  EXPECT_EQ(d.notes[0].where.file, 0u);

  // An explicitly named file is held to the same limit.
  const Discovery e = discover({tmp / "r/big.txt"}, limits);
  EXPECT_TRUE(e.files.empty());
  EXPECT_EQ(note_for(e, tmp / "r/big.txt"), core::Errc::kLimit);
}

TEST(Discover, Limits_MaxFilesStopsWithOneNote) {
  TempDir tmp;
  for (int i = 0; i < 6; ++i) write_file(tmp / ("r/f" + std::to_string(i) + ".json"));
  core::Limits limits;
  limits.max_files = 3;
  const Discovery d = discover({tmp / "r", tmp / "r/f5.json"}, limits);
  EXPECT_EQ(displays(d),
            (std::vector<std::string>{tmp / "r/f0.json", tmp / "r/f1.json", tmp / "r/f2.json"}));
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].code, core::Errc::kLimit);
  EXPECT_EQ(d.note_paths[0], tmp / "r/f3.json");
}

TEST(Discover, MissingRoot_FlaggedAndNoted) {
  TempDir tmp;
  write_file(tmp / "r/a.json");
  const Discovery d = discover({tmp / "r", tmp / "nope", tmp / "r/a.json/x"}, core::Limits{});
  EXPECT_EQ(displays(d), std::vector<std::string>{tmp / "r/a.json"});
  EXPECT_TRUE(d.any_root_missing);
  EXPECT_EQ(note_for(d, tmp / "nope"), core::Errc::kIo);
  EXPECT_EQ(note_for(d, tmp / "r/a.json/x"), core::Errc::kIo);
}

TEST(ReadDiscovered, ReadsWholeFileAndEnforcesLimit) {
  TempDir tmp;
  std::string body(100'000, 'x');
  body += "end";
  write_file(tmp / "a.yaml", body);
  const DiscoveredFile f{tmp / "a.yaml", "a.yaml", tmp.path()};
  const auto text = read_discovered(f, core::Limits{});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value(), body);

  core::Limits small;
  small.max_file_bytes = 1000;
  const auto refused = read_discovered(f, small);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Errc::kLimit);
  EXPECT_NE(refused.error().message.find("over the limit of 1000"), std::string::npos);

  write_file(tmp / "empty.json", "");
  const auto empty =
      read_discovered(DiscoveredFile{tmp / "empty.json", "empty.json", tmp.path()}, core::Limits{});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());

  const auto missing =
      read_discovered(DiscoveredFile{tmp / "gone.json", "gone.json", tmp.path()}, core::Limits{});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::Errc::kIo);

  // A path whose last component became a symlink after discovery is not followed.
  make_symlink("a.yaml", tmp / "swapped.yaml");
  const auto link = read_discovered(
      DiscoveredFile{tmp / "swapped.yaml", "swapped.yaml", tmp.path()}, core::Limits{});
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.error().code, core::Errc::kSkipped);
}

TEST(IsCandidateName, ExtensionsCaseInsensitive) {
  for (const char* yes :
       {"a.json", "a.JSON", "b.yaml", "c.yml", "d.template", "App.template.json", "x.Yml"}) {
    EXPECT_TRUE(is_candidate_name(yes)) << yes;
  }
  for (const char* no :
       {"a.jsonl", "b.txt", "yaml", "template", "c.yml.bak", "x.dockerignore", ""}) {
    EXPECT_FALSE(is_candidate_name(no)) << no;
  }
}

}  // namespace
}  // namespace ecsguard::scan
