#!/usr/bin/env bash
# ecsguard guard overhead benchmark (docs/guard.md, PERFORMANCE.md "Guard"):
#   1. posix_spawn(/bin/true) x SPAWN_N: untraced vs `ecsguard guard` (and strace for reference);
#   2. openat(O_RDONLY)+close x OPEN_N: read opens never stop under the guard;
#   3. nginx serving a 4 KiB static file on 127.0.0.1 under wrk: untraced vs `strace -f` vs
#      `strace -f --seccomp-bpf -e trace=execve,openat,connect,bind,listen` vs `ecsguard guard`.
# Every traced run is paired with an untraced run (A B A B ...); the printed ratio is the median of
# the per-pair ratios. Loopback only, bounded run times. The machine may be shared: look at the
# load average printed at the start and end, and rerun when it is high.
#
# Usage: bench/guard_bench.sh            (builds a Release ecsguard in build/bench-release)
# Env:   ECSGUARD=/path/to/ecsguard       use this binary instead of building one
#        BUILD_DIR=...                    build directory for the Release binary
#        PAIRS=5 NGINX_PAIRS=3 DURATION=10 SPAWN_N=2000 OPEN_N=1000000 PORT=18089
#        SKIP_NGINX=1 SKIP_STRACE=1       leave parts out
#        FALCO_RULES=.../falco_rules.yaml also run nginx under guard with Falco's stable rules
#                                         (their read rules make every open() stop)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PAIRS=${PAIRS:-5}
NGINX_PAIRS=${NGINX_PAIRS:-3}
DURATION=${DURATION:-10}
SPAWN_N=${SPAWN_N:-2000}
OPEN_N=${OPEN_N:-1000000}
PORT=${PORT:-18089}
WORK=$(mktemp -d /tmp/ecsguard-guard-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if [[ -z "${ECSGUARD:-}" ]]; then
  BUILD_DIR=${BUILD_DIR:-$ROOT/build/bench-release}
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DECSGUARD_TESTS=OFF >/dev/null
  cmake --build "$BUILD_DIR" --target ecsguard -j"$(nproc)" >/dev/null
  ECSGUARD=$BUILD_DIR/ecsguard
fi
"$ECSGUARD" guard --help >/dev/null || { echo "$ECSGUARD has no guard subcommand" >&2; exit 2; }
cc -O2 -o "$WORK/workload" "$ROOT/bench/guard/workload.c"

GUARD=("$ECSGUARD" guard --heartbeat 0 --alerts-to "$WORK/alerts.json" --)
STRACE_FULL=(strace -f -o /dev/null)
STRACE_FILT=(strace -f --seccomp-bpf -e trace=execve,openat,connect,bind,listen -o /dev/null)
have_strace=0
if [[ -z "${SKIP_STRACE:-}" ]] && command -v strace >/dev/null; then have_strace=1; fi

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"; exit} m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.4f\n", m}'; }
wall() { # prints "wall cpu" of "$@" in seconds (cpu = user+sys of the whole process tree)
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  awk -v t="$t" 'BEGIN {split(t, a, " "); printf "%.4f %.4f\n", a[1], a[2] + a[3]}'
}

echo "# ecsguard guard benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "# host: $(uname -r), $(nproc) CPUs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# binary: $ECSGUARD ($("$ECSGUARD" guard --list-rules | head -1))"
echo "# stops on: $("$ECSGUARD" guard --list-rules | grep '^stops on' | cut -d: -f2-)"
echo

# ---- micro workloads --------------------------------------------------------------------------
pair_bench() { # name pairs wrapper... :: workload args...
  local name=$1 pairs=$2; shift 2
  local -a wrap=()
  while [[ $1 != "::" ]]; do wrap+=("$1"); shift; done
  shift
  local base traced wb=() wt=() wr=() cr=()
  wall "$WORK/workload" "$@" >/dev/null; wall "${wrap[@]}" "$WORK/workload" "$@" >/dev/null  # warm-up pair
  for ((i = 0; i < pairs; i++)); do
    base=$(wall "$WORK/workload" "$@")
    traced=$(wall "${wrap[@]}" "$WORK/workload" "$@")
    wb+=("${base% *}"); wt+=("${traced% *}")
    wr+=("$(awk -v a="${traced% *}" -v b="${base% *}" 'BEGIN {printf "%.4f\n", a / b}')")
    cr+=("$(awk -v a="${traced#* }" -v b="${base#* }" 'BEGIN {printf "%.4f\n", (b > 0) ? a / b : 0}')")
  done
  printf "| %s | %s s | %s s | **%sx** | %s–%s | %sx |\n" "$name" \
    "$(printf '%s\n' "${wb[@]}" | median)" "$(printf '%s\n' "${wt[@]}" | median)" \
    "$(printf '%s\n' "${wr[@]}" | median)" \
    "$(printf '%s\n' "${wr[@]}" | sort -g | head -1)" "$(printf '%s\n' "${wr[@]}" | sort -g | tail -1)" \
    "$(printf '%s\n' "${cr[@]}" | median)"
}

echo "## Micro workloads (whole process, median of $PAIRS pairs; lower is better; cpu = user+sys of the tree)"
echo
echo "| workload under | untraced | traced | wall ratio | min–max | cpu ratio |"
echo "|---|---|---|---|---|---|"
pair_bench "posix_spawn(/bin/true) x$SPAWN_N: ecsguard guard" "$PAIRS" "${GUARD[@]}" :: spawn "$SPAWN_N"
pair_bench "openat(O_RDONLY)+close x$OPEN_N: ecsguard guard" "$PAIRS" "${GUARD[@]}" :: openclose "$OPEN_N"
pair_bench "openat(O_WRONLY)+close x$((OPEN_N / 10)): ecsguard guard" "$PAIRS" "${GUARD[@]}" :: openwclose "$((OPEN_N / 10))"
if ((have_strace)); then
  pair_bench "posix_spawn x$SPAWN_N: strace --seccomp-bpf (filtered)" 3 "${STRACE_FILT[@]}" :: spawn "$SPAWN_N"
  pair_bench "posix_spawn x$SPAWN_N: strace -f (every syscall)" 3 "${STRACE_FULL[@]}" :: spawn "$SPAWN_N"
fi
echo

# ---- nginx ------------------------------------------------------------------------------------
if [[ -n "${SKIP_NGINX:-}" ]] || ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  echo "(nginx benchmark skipped: SKIP_NGINX set or nginx/wrk missing)"
  exit 0
fi
NGINX=$(command -v nginx)
mkdir -p "$WORK/www"
head -c 4096 /dev/urandom | base64 -w 76 | head -c 4096 > "$WORK/www/index.html"
sed -e "s|@DIR@|$WORK|g" -e "s|@PORT@|$PORT|g" "$ROOT/bench/guard/nginx.conf.in" > "$WORK/nginx.conf"

nginx_run() { # mode -> prints requests/s
  local mode=$1 pid rps
  local -a pfx=()
  case $mode in
    none) ;;
    guard) pfx=("${GUARD[@]}") ;;
    guard_falco) pfx=("$ECSGUARD" guard --heartbeat 0 --alerts-to "$WORK/alerts.json" --rules "$FALCO_RULES" --) ;;
    strace_full) pfx=("${STRACE_FULL[@]}") ;;
    strace_filt) pfx=("${STRACE_FILT[@]}") ;;
  esac
  rm -f "$WORK/nginx.pid"
  "${pfx[@]}" "$NGINX" -p "$WORK" -c "$WORK/nginx.conf" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/index.html" && break
    sleep 0.05
  done
  rps=$(wrk -t1 -c16 -d"${DURATION}s" "http://127.0.0.1:$PORT/index.html" 2>&1 | awk '/Requests\/sec/ {print $2}')
  if [[ -s "$WORK/nginx.pid" ]]; then kill -TERM "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "${rps:-0}"
}

modes=(guard)
if [[ -n "${FALCO_RULES:-}" ]]; then modes+=(guard_falco); fi
if ((have_strace)); then modes+=(strace_filt strace_full); fi
echo "## nginx, 4 KiB static file, wrk -t1 -c16 -d${DURATION}s on 127.0.0.1 (median of $NGINX_PAIRS pairs; higher is better)"
echo
echo "| nginx under | untraced req/s | traced req/s | throughput ratio | min–max |"
echo "|---|---|---|---|---|"
nginx_run none >/dev/null; nginx_run guard >/dev/null  # warm-up pair
for mode in "${modes[@]}"; do
  bases=() traceds=() ratios=()
  for ((i = 0; i < NGINX_PAIRS; i++)); do
    b=$(nginx_run none)
    t=$(nginx_run "$mode")
    bases+=("$b"); traceds+=("$t")
    ratios+=("$(awk -v a="$t" -v b="$b" 'BEGIN {printf "%.4f\n", (b > 0) ? a / b : 0}')")
  done
  label=$mode
  case $mode in
    guard) label="ecsguard guard (default rules)" ;;
    guard_falco) label="ecsguard guard + falco_rules.yaml (read opens traced)" ;;
    strace_filt) label="strace -f --seccomp-bpf -e trace=execve,openat,connect,bind,listen" ;;
    strace_full) label="strace -f" ;;
  esac
  printf "| %s | %s | %s | **%s** | %s–%s |\n" "$label" \
    "$(printf '%s\n' "${bases[@]}" | median)" "$(printf '%s\n' "${traceds[@]}" | median)" \
    "$(printf '%s\n' "${ratios[@]}" | median)" \
    "$(printf '%s\n' "${ratios[@]}" | sort -g | head -1)" "$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1)"
done
echo
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# targets (PERFORMANCE.md): nginx ratio >= 0.98 with the default rules; posix_spawn x2000 <= 1.15x"
