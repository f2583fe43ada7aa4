/* seccomp_floor CMD ARGS...: run CMD under an allow-all seccomp filter.
 *
 * The floor of bench/guard_bench.sh: any seccomp-based supervisor (ecsguard guard, strace
 * --seccomp-bpf, the prototype) puts every system call of the app on the kernel's syscall slow
 * path, whatever its filter returns. This wrapper pays exactly that and nothing else, so the
 * benchmark can show which part of guard's overhead is the kernel's and which part is guard's.
 */
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s CMD ARGS...\n", argv[0]);
    return 2;
  }
  struct sock_filter allow[] = {BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
  struct sock_fprog prog = {.len = 1, .filter = allow};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
      prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) {
    perror("seccomp_floor: installing the filter");
    return 2;
  }
  execvp(argv[1], argv + 1);
  perror("seccomp_floor: execvp");
  return 127;
}
