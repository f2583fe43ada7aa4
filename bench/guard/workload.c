/* Workloads for bench/guard_bench.sh: each prints its own elapsed time.
 *   workload spawn N       N x posix_spawn("/bin/true") + waitpid      (exec/fork/exit events)
 *   workload openclose N   N x openat("/dev/null", O_RDONLY) + close    (never stops under guard)
 *   workload openwclose N  N x openat("/dev/null", O_WRONLY) + close    (one stop each: per-event cost)
 *   workload getpid N      N x getpid()                                 (filter cost only)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s spawn|openclose|openwclose|getpid N\n", argv[0]);
    return 2;
  }
  const char* mode = argv[1];
  long n = atol(argv[2]);
  long sum = 0;
  double t0 = now();
  if (strcmp(mode, "spawn") == 0) {
    char* av[] = {"/bin/true", NULL};
    for (long i = 0; i < n; i++) {
      pid_t pid;
      int st;
      if (posix_spawn(&pid, "/bin/true", NULL, NULL, av, environ) != 0) return 1;
      waitpid(pid, &st, 0);
    }
  } else if (strcmp(mode, "openclose") == 0 || strcmp(mode, "openwclose") == 0) {
    int flags = (strcmp(mode, "openclose") == 0 ? O_RDONLY : O_WRONLY) | O_CLOEXEC;
    for (long i = 0; i < n; i++) {
      int fd = openat(AT_FDCWD, "/dev/null", flags);
      if (fd < 0) return 1;
      close(fd);
    }
  } else if (strcmp(mode, "getpid") == 0) {
    for (long i = 0; i < n; i++) sum += syscall(SYS_getpid);
  } else {
    fprintf(stderr, "unknown mode %s\n", mode);
    return 2;
  }
  printf("%s n=%ld elapsed=%.6f chk=%ld\n", mode, n, now() - t0, sum % 7);
  return 0;
}
