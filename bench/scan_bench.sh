#!/usr/bin/env bash
# Scan throughput against the parse floor, measured side by side in one run (PERFORMANCE.md).
#   bench/scan_bench.sh [BUILD_DIR=build] [N=1000]
# Builds a workload of N CDK-style templates with shared/bench/gen-corpus.py from the example stacks'
# CDK synth output (JSON, and YAML via PyYAML), builds the floor programs of shared/bench/floor, and
# times everything with hyperfine. With CFN_GUARD=1 it also times cfn-guard (the anchor) on a sample
# of 20 templates and extrapolates per template. Prints ratios; asserts nothing (not a test).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
n=${2:-1000}
shared=${ECSGUARD_SHARED:-$here/../shared}
exe="$build/ecsguard"
[ -x "$exe" ] || { echo "build ecsguard first ($exe)" >&2; exit 2; }
for p in hyperfine python3-yaml; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$p" >/dev/null; }
done
work=$(mktemp -d /tmp/ecsguard-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seed"
find "$here/examples" -path '*cdk.out/*.template.json' -exec cp {} "$work/seed/" \;
python3 "$shared/bench/gen-corpus.py" "$work/seed" "$work/w" "$n" --yaml >/dev/null
g++ -O2 -std=c++17 "$shared/bench/floor/simdjson_count.cpp" -lsimdjson -o "$work/simdjson_count"
gcc -O2 "$shared/bench/floor/libyaml_count.c" -lyaml -o "$work/libyaml_count"
bytes_json=$(du -sb "$work/w/json" | cut -f1)
bytes_yaml=$(du -sb "$work/w/yaml" | cut -f1)
echo "workload: $n templates, JSON $((bytes_json / 1024)) KiB, YAML $((bytes_yaml / 1024)) KiB; $(nproc) cores"
scan="$exe scan --format json --output /dev/null --fail-on never"
hyperfine -N --warmup 2 --runs 10 --export-json "$work/h.json" \
  -n simdjson-floor "$work/simdjson_count $work/w/json" \
  -n ecsguard-json "$scan $work/w/json" \
  -n libyaml-floor "$work/libyaml_count $work/w/yaml" \
  -n ecsguard-yaml "$scan $work/w/yaml" \
  -n ecsguard-json-1thread "$scan --threads 1 $work/w/json" >/dev/null
guard_per_template=""
if [ "${CFN_GUARD:-0}" = 1 ]; then
  mkdir -p "$work/sample"
  ls "$work/w/json" | head -20 | while read -r f; do cp "$work/w/json/$f" "$work/sample/"; done
  s=$(date +%s.%N); bash "$shared/bench/cfn-guard.sh" "$work/sample" >/dev/null || true; e=$(date +%s.%N)
  guard_per_template=$(python3 -c "print(($e-$s)/20)")
fi
python3 - "$work/h.json" "$n" "$guard_per_template" <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
n = int(sys.argv[2])
med = {k: v["median"] for k, v in res.items()}
print(f"{'what':<24}{'median s':>10}{'templates/s':>14}")
for k in ["simdjson-floor", "ecsguard-json", "ecsguard-json-1thread", "libyaml-floor", "ecsguard-yaml"]:
    print(f"{k:<24}{med[k]:>10.3f}{n / med[k]:>14.0f}")
print(f"JSON: ecsguard / simdjson floor = {med['ecsguard-json'] / med['simdjson-floor']:.1f}x (target <= 10x)")
print(f"YAML: ecsguard / libyaml floor  = {med['ecsguard-yaml'] / med['libyaml-floor']:.1f}x (target <= 4x)")
if sys.argv[3]:
    g = float(sys.argv[3])
    print(f"cfn-guard: {g:.3f} s/template; ecsguard is {g / (med['ecsguard-json'] / n):.0f}x faster per template (target >= 1000x)")
PY
