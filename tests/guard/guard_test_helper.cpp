// Workloads for the guard's real-process tests: each mode does one thing a rule or a supervisor
// duty is about, on loopback or inside a temporary directory only, and prints a deterministic
// result line. `guard_test_helper MODE ARGS...`
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <pthread.h>
#include <pty.h>
#include <sched.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;  // NOLINT(readability-redundant-declaration)

namespace {

const char* err_name(int e) {
  if (e == 0) return "OK";
  const char* n = ::strerrorname_np(e);
  return n != nullptr ? n : "E?";
}

void say(const std::string& s) {
  std::string line = s + "\n";
  ssize_t k = ::write(STDOUT_FILENO, line.data(), line.size());
  (void)k;
}

int spawn_wait(const char* path, char* const* argv) {
  pid_t pid = 0;
  if (::posix_spawn(&pid, path, nullptr, nullptr, argv, environ) != 0) return -1;
  int st = 0;
  ::waitpid(pid, &st, 0);
  return st;
}

struct WorkerArg {
  std::string dir;
  long id;
};

void* worker(void* p) {
  auto* a = static_cast<WorkerArg*>(p);
  std::string path = a->dir + "/w" + std::to_string(a->id);
  for (int i = 0; i < 200; ++i) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) ::close(fd);
  }
  char t[] = "/bin/true";
  char* av[] = {t, nullptr};
  spawn_wait("/bin/true", av);
  return nullptr;
}

void* exec_from_thread(void*) {
  ::execl("/bin/echo", "echo", "exec-from-thread-ok", static_cast<char*>(nullptr));
  return nullptr;
}

// Threads + posix_spawn from threads + vfork + job control + exec from a non-leader thread.
int mode_mt(const std::string& dir) {
  pthread_t t[8];
  WorkerArg args[8];
  for (long i = 0; i < 8; ++i) {
    args[i] = {dir, i};
    ::pthread_create(&t[i], nullptr, worker, &args[i]);
  }
  for (auto& th : t) ::pthread_join(th, nullptr);
  say("threads-done");
  pid_t v = ::vfork();
  if (v == 0) {
    ::execl("/bin/echo", "echo", "vfork-child-ok", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::waitpid(v, nullptr, 0);
  pid_t s = ::fork();
  if (s == 0) {
    for (;;) ::pause();
  }
  int st = 0;
  ::kill(s, SIGSTOP);
  ::waitpid(s, &st, WUNTRACED);
  say("child-stopped=" + std::to_string(WIFSTOPPED(st) ? 1 : 0) +
      " sig=" + std::to_string(WIFSTOPPED(st) ? WSTOPSIG(st) : 0));
  ::kill(s, SIGCONT);
  ::waitpid(s, &st, WCONTINUED);
  say("child-continued=" + std::to_string(WIFCONTINUED(st) ? 1 : 0));
  ::kill(s, SIGTERM);
  ::waitpid(s, &st, 0);
  say("child-termsig=" + std::to_string(WIFSIGNALED(st) ? WTERMSIG(st) : -1));
  pthread_t e;
  ::pthread_create(&e, nullptr, exec_from_thread, nullptr);
  ::pthread_join(e, nullptr);
  return 1;  // not reached: the exec replaces the process
}

// vfork in a frame of its own: no caller variable lives in the frame the child borrows (GCC's
// -Wclobbered would otherwise rightly warn about the loop counters).
__attribute__((noinline)) pid_t vfork_true() {
  const pid_t p = ::vfork();
  if (p == 0) {
    ::execl("/bin/true", "true", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return p;
}

int mode_vfork(long n) {
  long ok = 0;
  for (long i = 0; i < n; ++i) {
    const pid_t p = vfork_true();
    int st = 0;
    ::waitpid(p, &st, 0);
    ok += (WIFEXITED(st) && WEXITSTATUS(st) == 0) ? 1 : 0;
  }
  say("vfork-ok=" + std::to_string(ok));
  return 0;
}

int mode_spawn(long n) {
  char t[] = "/bin/true";
  char* av[] = {t, nullptr};
  long ok = 0;
  for (long i = 0; i < n; ++i) ok += spawn_wait("/bin/true", av) == 0 ? 1 : 0;
  say("spawn-ok=" + std::to_string(ok));
  return 0;
}

// An orphan is reparented to the supervisor, which must reap it.
int mode_orphans() {
  pid_t c = ::fork();
  if (c == 0) {
    if (::fork() == 0) {
      ::usleep(200 * 1000);
      ::_exit(0);
    }
    ::_exit(0);
  }
  ::waitpid(c, nullptr, 0);
  say("orphan-created");
  ::sleep(2);
  return 0;
}

int mode_connect(const char* ip, int port) {
  int s = ::socket(std::strchr(ip, ':') != nullptr ? AF_INET6 : AF_INET,
                   SOCK_STREAM | SOCK_NONBLOCK, 0);
  int rc = 0;
  if (std::strchr(ip, ':') != nullptr) {
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET6, ip, &a.sin6_addr);
    rc = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  } else {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, ip, &a.sin_addr);
    rc = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  }
  int e = rc == 0 ? 0 : errno;
  ::close(s);
  say(std::string("connect=") + err_name(e));
  return 0;
}

int listen_on(int port, int type) {
  int s = ::socket(AF_INET, type, 0);
  int one = 1;
  ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    say(std::string("bind=") + err_name(errno));
    return -1;
  }
  if (type == SOCK_STREAM && ::listen(s, 4) != 0) {
    say(std::string("listen=") + err_name(errno));
    return -1;
  }
  return s;
}

// A loopback TCP connection duplicated onto stdout: the reverse-shell pattern (RUN-009).
int mode_revshell() {
  int l = listen_on(0, SOCK_STREAM);
  sockaddr_in a{};
  socklen_t len = sizeof a;
  ::getsockname(l, reinterpret_cast<sockaddr*>(&a), &len);
  int c = ::socket(AF_INET, SOCK_STREAM, 0);
  ::connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a);
  int saved = ::dup(STDOUT_FILENO);
  int rc = ::dup2(c, STDOUT_FILENO);
  int e = rc < 0 ? errno : 0;
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
  ::close(c);
  ::close(l);
  say(std::string("dup2=") + err_name(e));
  return 0;
}

int mode_ptrace_attach() {
  pid_t c = ::fork();
  if (c == 0) {
    ::sleep(5);
    ::_exit(0);
  }
  long rc = ::ptrace(PTRACE_ATTACH, c, nullptr, nullptr);
  int e = rc == 0 ? 0 : errno;
  if (rc == 0) ::ptrace(PTRACE_DETACH, c, nullptr, nullptr);
  ::kill(c, SIGKILL);
  ::waitpid(c, nullptr, 0);
  say(std::string("ptrace-attach=") + err_name(e));
  return 0;
}

int copy_file(const char* from, int to_fd) {
  int in = ::open(from, O_RDONLY | O_CLOEXEC);
  if (in < 0) return -1;
  char buf[65536];
  ssize_t k = 0;
  while ((k = ::read(in, buf, sizeof buf)) > 0) {
    if (::write(to_fd, buf, static_cast<std::size_t>(k)) != k) {
      ::close(in);
      return -1;
    }
  }
  ::close(in);
  return 0;
}

int mode_memfd_exec() {
  int fd = static_cast<int>(::syscall(SYS_memfd_create, "payload", 0));
  if (fd < 0 || copy_file("/bin/true", fd) != 0) {
    say("memfd=failed");
    return 1;
  }
  char t[] = "true";
  char* av[] = {t, nullptr};
  pid_t p = ::fork();
  if (p == 0) {
    ::fexecve(fd, av, environ);
    ::_exit(127);
  }
  int st = 0;
  ::waitpid(p, &st, 0);
  say("memfd-exec-status=" + std::to_string(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st)));
  return 0;
}

int mode_drop_exec(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0700);
  if (fd < 0 || copy_file("/bin/true", fd) != 0) {
    say(std::string("drop=") + err_name(errno));
    return 1;
  }
  ::close(fd);
  char t[] = "dropped";
  char* av[] = {t, nullptr};
  int st = spawn_wait(path.c_str(), av);
  say("drop-exec-status=" + std::to_string(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st)));
  return 0;
}

int mode_write(const char* path) {
  int fd = ::open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  int e = fd < 0 ? errno : 0;
  if (fd >= 0) {
    ::close(fd);
    ::unlink(path);
  }
  say(std::string("write=") + err_name(e));
  return 0;
}

int mode_read(const char* path) {
  int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  int e = fd < 0 ? errno : 0;
  if (fd >= 0) ::close(fd);
  say(std::string("read=") + err_name(e));
  return 0;
}

int mode_unshare() {
  int rc = ::unshare(CLONE_NEWUSER);
  say(std::string("unshare=") + err_name(rc == 0 ? 0 : errno));
  return 0;
}

int mode_io_uring() {
  unsigned char params[120] = {};
  long rc = ::syscall(SYS_io_uring_setup, 4, params);
  int e = rc < 0 ? errno : 0;
  if (rc >= 0) ::close(static_cast<int>(rc));
  say(std::string("io_uring_setup=") + err_name(e));
  return 0;
}

// getpid through the i386 entry point (int $0x80): another syscall table than the native one.
int mode_int80() {
  long ret = 20;  // __NR_getpid on i386
  __asm__ volatile("int $0x80" : "+a"(ret) : : "memory");
  say(std::string("int80=") + (ret < 0 ? err_name(static_cast<int>(-ret)) : "OK"));
  return 0;
}

int mode_x32() {
  long rc = ::syscall(0x40000000L | SYS_getpid);
  say(std::string("x32=") + err_name(rc < 0 ? errno : 0));
  return 0;
}

// A shell on a pseudo terminal (RUN-002): what `script` or pty.spawn() give an attacker.
int mode_pty_shell() {
  int master = -1;
  pid_t p = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (p == 0) {
    ::execl("/bin/sh", "sh", "-c", "exit 0", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  if (p < 0) {
    say("pty=failed");
    return 1;
  }
  char buf[256];
  while (::read(master, buf, sizeof buf) > 0) {
  }
  int st = 0;
  ::waitpid(p, &st, 0);
  say("pty-shell-status=" + std::to_string(WIFEXITED(st) ? WEXITSTATUS(st) : -1));
  return 0;
}

int mode_chmod_suid(const char* path) {
  int fd = ::open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd >= 0) ::close(fd);
  int rc = ::chmod(path, 04755);
  say(std::string("chmod=") + err_name(rc == 0 ? 0 : errno));
  ::unlink(path);
  return 0;
}

// Runs CMD with ptrace (and the other CAP_SYS_PTRACE syscalls of Docker's default profile)
// failing with EPERM: a container whose task definition lacks SYS_PTRACE.
int mode_noptrace(char** cmd) {
  struct sock_filter f[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ptrace, 3, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_process_vm_readv, 2, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_pidfd_getfd, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
  };
  struct sock_fprog prog = {static_cast<unsigned short>(sizeof f / sizeof f[0]), f};
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
      ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
    std::perror("seccomp");
    return 125;
  }
  ::execvp(cmd[0], cmd);
  std::perror("execvp");
  return 127;
}

int mode_sleep(double secs) {
  say("ready");
  ::usleep(static_cast<useconds_t>(secs * 1e6));
  say("slept");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  ::setvbuf(stdout, nullptr, _IONBF, 0);
  if (argc < 2) {
    std::fprintf(stderr, "usage: guard_test_helper MODE ARGS...\n");
    return 2;
  }
  std::string m = argv[1];
  auto arg = [&](int i) -> const char* { return i < argc ? argv[i] : ""; };
  if (m == "mt") return mode_mt(arg(2));
  if (m == "vfork") return mode_vfork(std::atol(arg(2)));
  if (m == "spawn") return mode_spawn(std::atol(arg(2)));
  if (m == "orphans") return mode_orphans();
  if (m == "connect") return mode_connect(arg(2), std::atoi(arg(3)));
  if (m == "listen") {
    int s = listen_on(std::atoi(arg(2)), SOCK_STREAM);
    say(s >= 0 ? "listen=OK" : "listen=failed");
    return 0;
  }
  if (m == "revshell") return mode_revshell();
  if (m == "ptrace-attach") return mode_ptrace_attach();
  if (m == "memfd-exec") return mode_memfd_exec();
  if (m == "drop-exec") return mode_drop_exec(arg(2));
  if (m == "write") return mode_write(arg(2));
  if (m == "read") return mode_read(arg(2));
  if (m == "unshare") return mode_unshare();
  if (m == "io_uring") return mode_io_uring();
  if (m == "x32") return mode_x32();
  if (m == "int80") return mode_int80();
  if (m == "pty-shell") return mode_pty_shell();
  if (m == "chmod-suid") return mode_chmod_suid(arg(2));
  if (m == "noptrace") return mode_noptrace(argv + 2);
  if (m == "sleep") return mode_sleep(std::atof(arg(2)));
  if (m == "exit") return std::atoi(arg(2));
  if (m == "segv") {
    say("crashing");
    volatile int* null_ptr = nullptr;
    return *null_ptr;  // NOLINT: the point of this mode
  }
  if (m == "kill-self") {
    ::raise(std::atoi(arg(2)));
    return 0;
  }
  std::fprintf(stderr, "unknown mode %s\n", m.c_str());
  return 2;
}
