#!/usr/bin/env bash
# Scan speed of two ecsguard builds side by side, on one generated workload, in one run: the
# issue 8 "within 10 % of ea77032" measurement, reproducible.
#
#   bench/scan_compare.sh BASELINE_EXE CANDIDATE_EXE [N=1000] [ROUNDS=5]
#   bench/scan_compare.sh --build-ref REF [CANDIDATE_EXE=build/ecsguard] [N=1000] [ROUNDS=5]
#
# --build-ref builds REF (a commit, e.g. ea77032) as Release in a temporary git worktree first
# (ccache when present; removed afterwards). The workload is bench/gen_workload.sh's: N templates
# from the example stacks and the corpus's real-world stacks, JSON and YAML. hyperfine times
# both binaries on it ROUNDS times, alternating which goes first, so load changes on a shared
# machine hit both alike; the medians over all runs are compared. Wall time and CPU time
# (user + system, less sensitive to other load) are printed with the ratio candidate / baseline
# per workload (JSON all threads, JSON one thread, YAML one thread). Asserts nothing (not a test).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/ecsguard-compare.XXXXXX)
worktree=""
cleanup() {
  if [ -n "$worktree" ]; then git -C "$here" worktree remove --force "$worktree" >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ "${1:-}" = "--build-ref" ]; then
  ref=${2:?--build-ref needs a commit}
  shift 2
  worktree="$tmp/ref"
  git -C "$here" worktree add --detach "$worktree" "$ref" >/dev/null
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$worktree" -B "$worktree/build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
  cmake --build "$worktree/build" -j"$(nproc)" --target ecsguard >/dev/null
  base="$worktree/build/ecsguard"
  cand=${1:-$here/build/ecsguard}
  shift || true
else
  base=${1:?usage: scan_compare.sh BASELINE_EXE CANDIDATE_EXE [N] [ROUNDS]}
  cand=${2:?usage: scan_compare.sh BASELINE_EXE CANDIDATE_EXE [N] [ROUNDS]}
  shift 2
fi
n=${1:-1000}
rounds=${2:-5}
for exe in "$base" "$cand"; do [ -x "$exe" ] || { echo "not an executable: $exe" >&2; exit 2; }; done
for p in hyperfine python3-yaml; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$p" >/dev/null; }
done

"$here/bench/gen_workload.sh" "$tmp/w" "$n" --yaml >/dev/null
echo "baseline:  $base ($("$base" --version))"
echo "candidate: $cand ($("$cand" --version))"
echo "workload:  $(ls "$tmp/w/json" | wc -l) JSON + $(ls "$tmp/w/yaml" | wc -l) YAML templates, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

opts="--format json --output /dev/null --fail-on never"
for r in $(seq 1 "$rounds"); do
  first=$base second=$cand
  if [ $((r % 2)) -eq 0 ]; then first=$cand second=$base; fi
  args=()
  for exe in "$first" "$second"; do
    tag=$([ "$exe" = "$base" ] && echo baseline || echo candidate)
    args+=(-n "$tag json" "$exe scan $opts $tmp/w/json"
           -n "$tag json-1thread" "$exe scan $opts --threads 1 $tmp/w/json"
           -n "$tag yaml-1thread" "$exe scan $opts --threads 1 $tmp/w/yaml")
  done
  hyperfine -N --warmup 1 --runs 3 --export-json "$tmp/round$r.json" "${args[@]}" >/dev/null
done

python3 - "$tmp" "$rounds" <<'PY'
import json, statistics, sys
tmp, rounds = sys.argv[1], int(sys.argv[2])
wall, cpu = {}, {}
for r in range(1, rounds + 1):
    for res in json.load(open(f"{tmp}/round{r}.json"))["results"]:
        wall.setdefault(res["command"], []).extend(res["times"])
        # hyperfine reports the mean user/system time per command and round
        cpu.setdefault(res["command"], []).append(res["user"] + res["system"])
print(f"{'workload':<14}{'base wall':>11}{'cand wall':>11}{'ratio':>8}{'base cpu':>11}{'cand cpu':>11}{'ratio':>8}")
for w in ("json", "json-1thread", "yaml-1thread"):
    bw, cw = statistics.median(wall["baseline " + w]), statistics.median(wall["candidate " + w])
    bc, cc = statistics.median(cpu["baseline " + w]), statistics.median(cpu["candidate " + w])
    print(f"{w:<14}{bw:>10.3f}s{cw:>10.3f}s{cw / bw:>8.3f}{bc:>10.3f}s{cc:>10.3f}s{cc / bc:>8.3f}")
print("ratio = candidate / baseline (1.10 = 10 % slower); medians over", rounds, "rounds x 3 runs")
PY
