#!/usr/bin/env bash
# ecsguard guard overhead benchmark (docs/guard.md, PERFORMANCE.md "Guard"):
#   1. posix_spawn(/bin/true) x SPAWN_N: untraced vs `ecsguard guard` (and strace for reference);
#   2. openat(O_RDONLY)+close x OPEN_N: read opens never stop under the guard;
#   3. nginx serving a 4 KiB static file on 127.0.0.1 under wrk: untraced vs `strace -f` vs
#      `strace -f --seccomp-bpf -e trace=execve,openat,connect,bind,listen` vs `ecsguard guard`.
# Two baselines run in the same session: the seccomp floor (bench/guard/seccomp_floor.c, an
# allow-all filter: what every seccomp-based supervisor costs on this kernel) and, when its source
# is there, the design's feasibility prototype (../shared/reference/guard-prototype), whose ratios
# on the design's machine are the targets. The micro workloads also run pinned to one CPU
# (`taskset -c 0` for both sides), the shape of a task of 1 vCPU or less.
# Every traced run is paired with an untraced run (A B A B ...); the printed ratio is the median of
# the per-pair ratios. Loopback only, bounded run times. The machine may be shared: look at the
# load average printed at the start and end, and rerun when it is high.
#
# Usage: bench/guard_bench.sh            (builds a Release ecsguard in build/bench-release)
# Env:   ECSGUARD=/path/to/ecsguard       use this binary instead of building one
#        BUILD_DIR=...                    build directory for the Release binary
#        PAIRS=5 NGINX_ROUNDS=8 NGINX_PAIRS=3 DURATION=10 SPAWN_N=2000 OPEN_N=1000000 PORT=18089
#        SKIP_NGINX=1 SKIP_STRACE=1       leave parts out
#        SKIP_MICRO=1                     only nginx
#        SKIP_PINNED=1                    no pinned (taskset -c 0) micro runs
#        PROTO_SRC=.../ecsguard_proto.cpp the prototype to compare with (default: the shared reference;
#                                         PROTO_SRC= (empty) leaves it out)
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
cc -O2 -o "$WORK/seccomp_floor" "$ROOT/bench/guard/seccomp_floor.c"
FLOOR=("$WORK/seccomp_floor")
PROTO_SRC=${PROTO_SRC-$ROOT/../shared/reference/guard-prototype/ecsguard_proto.cpp}
have_proto=0
if [[ -n "$PROTO_SRC" && -f "$PROTO_SRC" ]] && g++ -O2 -std=c++17 -o "$WORK/proto" "$PROTO_SRC" 2>/dev/null; then
  have_proto=1
fi
PROTO=("$WORK/proto" --)

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
PIN=()  # prefix for both sides of a pair (taskset -c 0 for the pinned rows)
pair_bench() { # name pairs wrapper... :: workload args...
  local name=$1 pairs=$2; shift 2
  if ((${#PIN[@]})); then name="$name (1 CPU)"; fi
  local -a wrap=()
  while [[ $1 != "::" ]]; do wrap+=("$1"); shift; done
  shift
  local base traced wb=() wt=() wr=() cr=()
  wall "${PIN[@]}" "$WORK/workload" "$@" >/dev/null  # warm-up pair
  wall "${PIN[@]}" "${wrap[@]}" "$WORK/workload" "$@" >/dev/null
  for ((i = 0; i < pairs; i++)); do
    base=$(wall "${PIN[@]}" "$WORK/workload" "$@")
    traced=$(wall "${PIN[@]}" "${wrap[@]}" "$WORK/workload" "$@")
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
GETPID_N=$((OPEN_N * 10))
micro() {
  pair_bench "getpid x$GETPID_N: seccomp floor" "$PAIRS" "${FLOOR[@]}" :: getpid "$GETPID_N"
  pair_bench "getpid x$GETPID_N: ecsguard guard" "$PAIRS" "${GUARD[@]}" :: getpid "$GETPID_N"
  pair_bench "posix_spawn(/bin/true) x$SPAWN_N: ecsguard guard" "$PAIRS" "${GUARD[@]}" :: spawn "$SPAWN_N"
  if ((have_proto)); then
    pair_bench "posix_spawn(/bin/true) x$SPAWN_N: prototype" "$PAIRS" "${PROTO[@]}" :: spawn "$SPAWN_N"
  fi
  pair_bench "openat(O_RDONLY)+close x$OPEN_N: ecsguard guard" "$PAIRS" "${GUARD[@]}" :: openclose "$OPEN_N"
  pair_bench "openat(O_WRONLY)+close x$((OPEN_N / 10)): ecsguard guard" "$PAIRS" "${GUARD[@]}" :: openwclose "$((OPEN_N / 10))"
  if ((have_proto)); then
    pair_bench "openat(O_WRONLY)+close x$((OPEN_N / 10)): prototype" "$PAIRS" "${PROTO[@]}" :: openwclose "$((OPEN_N / 10))"
  fi
}
if [[ -z "${SKIP_MICRO:-}" ]]; then micro; fi
if [[ -z "${SKIP_MICRO:-}" && -z "${SKIP_PINNED:-}" ]] && command -v taskset >/dev/null; then
  PIN=(taskset -c 0)
  micro
  PIN=()
fi
if [[ -z "${SKIP_MICRO:-}" ]] && ((have_strace)); then
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

tree_cpu() { # pid -> clock ticks of user+system CPU used by it and every descendant alive now
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$1" '
    { p = substr($0, 1, index($0, " (") - 1); rest = substr($0, match($0, /\) [A-Za-z] /) + 2)
      split(rest, f, " "); ppid[p] = f[2]; cpu[p] = f[12] + f[13] }
    END { want[root] = 1; grown = 1
          while (grown) { grown = 0; for (q in ppid) if (!(q in want) && (ppid[q] in want)) { want[q] = 1; grown = 1 } }
          s = 0; for (q in want) s += cpu[q]; print s }'
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))

nginx_run() { # mode -> prints "requests/s server-CPU-µs-per-request" (server = the wrapper tree)
  local mode=$1 pid rps c0 c1
  local -a pfx=()
  case $mode in
    none) ;;
    floor) pfx=("${FLOOR[@]}") ;;
    proto) pfx=("${PROTO[@]}") ;;
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
  c0=$(tree_cpu "$pid")
  rps=$(wrk -t1 -c16 -d"${DURATION}s" "http://127.0.0.1:$PORT/index.html" 2>&1 | awk '/Requests\/sec/ {print $2}')
  c1=$(tree_cpu "$pid")
  if [[ -s "$WORK/nginx.pid" ]]; then kill -TERM "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  awk -v r="${rps:-0}" -v c=$((c1 - c0)) -v t="$TICK_US" -v d="$DURATION" \
    'BEGIN {printf "%s %.3f\n", r, (r > 0) ? c * t / (r * d) : 0}'
}

# The cheap modes differ from untraced by a few percent, less than this kind of machine drifts
# in a minute: they run interleaved, round by round (untraced, mode, untraced, mode ... within a
# round), NGINX_ROUNDS times. The expensive ones (strace, Falco's read rules) run NGINX_PAIRS pairs.
NGINX_ROUNDS=${NGINX_ROUNDS:-8}
close_modes=(floor guard)
if ((have_proto)); then close_modes+=(proto); fi
far_modes=()
if [[ -n "${FALCO_RULES:-}" ]]; then far_modes+=(guard_falco); fi
if ((have_strace)); then far_modes+=(strace_filt strace_full); fi
declare -A BASES TRACEDS RATIOS CPURATIOS
measure_pair() { # mode: one untraced run and one run under mode, appended to the mode's lists
  local b t bc tc
  read -r b bc <<<"$(nginx_run none)"
  read -r t tc <<<"$(nginx_run "$1")"
  BASES[$1]+="$b "; TRACEDS[$1]+="$t "
  RATIOS[$1]+="$(awk -v a="$t" -v b="$b" 'BEGIN {printf "%.4f", (b > 0) ? a / b : 0}') "
  CPURATIOS[$1]+="$(awk -v a="$tc" -v b="$bc" 'BEGIN {printf "%.4f", (b > 0) ? a / b : 0}') "
}
nginx_run none >/dev/null; nginx_run guard >/dev/null  # warm-up pair
for ((r = 0; r < NGINX_ROUNDS; r++)); do
  for mode in "${close_modes[@]}"; do measure_pair "$mode"; done
done
for mode in "${far_modes[@]}"; do
  for ((i = 0; i < NGINX_PAIRS; i++)); do measure_pair "$mode"; done
done
echo "## nginx, 4 KiB static file, wrk -t1 -c16 -d${DURATION}s on 127.0.0.1 (higher is better)"
echo
echo "Ratios are medians of per-pair ratios; quartiles show the spread; $NGINX_ROUNDS interleaved rounds for"
echo "the first rows, $NGINX_PAIRS pairs for the others. Server CPU per request counts the whole wrapper tree"
echo "(supervisor or tracer included) during the wrk run: traced / untraced, lower is better."
echo
echo "| nginx under | pairs | untraced req/s | traced req/s | throughput ratio | quartiles | min–max | server CPU/request ratio (quartiles) |"
echo "|---|---|---|---|---|---|---|---|"
quartile() { # q (0.25/0.75) of the numbers on stdin
  sort -g | awk -v q="$1" '{a[NR]=$1} END {if (NR==0) {print "nan"; exit} i=1+(NR-1)*q; lo=int(i); f=i-lo; v=(lo<NR)?a[lo]+(a[lo+1]-a[lo])*f:a[lo]; printf "%.4f\n", v}'
}
for mode in "${close_modes[@]}" "${far_modes[@]}"; do
  label=$mode
  case $mode in
    floor) label="seccomp floor (allow-all filter)" ;;
    proto) label="prototype (../shared/reference)" ;;
    guard) label="ecsguard guard (default rules)" ;;
    guard_falco) label="ecsguard guard + falco_rules.yaml (read opens traced)" ;;
    strace_filt) label="strace -f --seccomp-bpf -e trace=execve,openat,connect,bind,listen" ;;
    strace_full) label="strace -f" ;;
  esac
  read -r -a rs <<<"${RATIOS[$mode]}"
  read -r -a cs <<<"${CPURATIOS[$mode]}"
  printf "| %s | %s | %s | %s | **%s** | %s–%s | %s–%s | %s (%s–%s) |\n" "$label" "${#rs[@]}" \
    "$(tr ' ' '\n' <<<"${BASES[$mode]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${TRACEDS[$mode]}" | grep . | median)" \
    "$(printf '%s\n' "${rs[@]}" | median)" \
    "$(printf '%s\n' "${rs[@]}" | quartile 0.25)" "$(printf '%s\n' "${rs[@]}" | quartile 0.75)" \
    "$(printf '%s\n' "${rs[@]}" | sort -g | head -1)" "$(printf '%s\n' "${rs[@]}" | sort -g | tail -1)" \
    "$(printf '%s\n' "${cs[@]}" | median)" \
    "$(printf '%s\n' "${cs[@]}" | quartile 0.25)" "$(printf '%s\n' "${cs[@]}" | quartile 0.75)"
done
echo
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# targets (PERFORMANCE.md, measured there with the prototype at 0.986 and 1.13x): nginx ratio >= 0.98"
echo "# with the default rules; posix_spawn x2000 <= 1.15x. Compare with the floor and prototype rows of this run."
