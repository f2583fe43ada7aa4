#!/bin/sh
# Re-runs guard test binaries as an unprivileged user (nobody:nogroup, no supplementary groups,
# no capabilities), the way a Fargate task with a non-root USER runs them: `ecsguard guard` must
# supervise in full ptrace mode without any capability. Exit 77 (ctest: skipped, with the reason)
# when this cannot be arranged.
set -u
if [ "$(id -u)" != 0 ]; then
  echo "SKIPPED: not running as root, so the tests cannot switch to an unprivileged user"
  exit 77
fi
if ! command -v setpriv >/dev/null 2>&1; then
  echo "SKIPPED: setpriv (util-linux) is not installed"
  exit 77
fi
for test in "$@"; do
  if ! setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$test"; then
    echo "SKIPPED: $test is not reachable by nobody (a parent directory is not world-executable);"
    echo "         build in a world-readable directory to run the unprivileged tests"
    exit 77
  fi
done
# LeakSanitizer (sanitizer builds) stops the process's threads through a ptrace attach, which a
# non-root user may not make on the non-dumpable supervisor: leaks are checked by the root run.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
status=0
for test in "$@"; do
  echo "== $test as nobody:nogroup"
  # The build tree must be readable by others for this to work (a normal umask 022 build is).
  setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all -- "$test" || status=1
done
exit $status
