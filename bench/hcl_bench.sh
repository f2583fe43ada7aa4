#!/usr/bin/env bash
# HCL parse speed: ecsguard's parser and @cdktf/hcl2json (the reference, HashiCorp's hclsyntax in
# WebAssembly, one Node.js process) over the same ~N .tf files, side by side in one run.
#   bench/hcl_bench.sh [BUILD_DIR=build] [N=1000] [ROUNDS=5]
# Workload: every .tf file of the corpus ($ECSGUARD_CORPUS, default ../shared/corpus) and of
# tests/unit/terraform/fixtures (the edge-case snippets excepted), copied round-robin into a
# temporary folder until there are N (deleted at exit; nothing is committed). Both sides read and
# parse every file ROUNDS times in one process; the best round of each is compared (the least
# disturbed by other load on a shared machine), the medians are printed too. The npm package is
# installed into the cache folder of tests/unit/terraform/npm_hcl2json.js. Prints the ratio;
# asserts nothing (not a test).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
n=${2:-1000}
rounds=${3:-5}
corpus=${ECSGUARD_CORPUS:-$here/../shared/corpus}
lib_parse="$build/src/ecsguard/parse/libecsguard_parse.a"
lib_core="$build/src/ecsguard/libecsguard_core.a"
[ -f "$lib_parse" ] && [ -f "$lib_core" ] ||
  { echo "build ecsguard_parse first (cmake --build $build --target ecsguard_parse)" >&2; exit 2; }
command -v node >/dev/null || { echo "node not found" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/ecsguard-hcl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/w"
seeds=()
while IFS= read -r f; do seeds+=("$f"); done < <(
  { [ -d "$corpus" ] && find "$corpus" -name '*.tf' -type f; \
    find "$here/tests/unit/terraform/fixtures" -maxdepth 1 -name '*.tf' -type f; } | sort)
[ ${#seeds[@]} -gt 0 ] || { echo "no .tf files found" >&2; exit 2; }
for ((i = 0; i < n; i++)); do
  cp "${seeds[i % ${#seeds[@]}]}" "$work/w/$i.tf"
done
find "$work/w" -name '*.tf' | sort > "$work/list"

c++ -O2 -std=c++20 -I"$here/src" "$here/bench/hcl_parse_bench.cpp" "$lib_parse" "$lib_core" \
  -o "$work/hcl_parse_bench"

bytes=$(du -sb "$work/w" | cut -f1)
echo "workload: $n .tf files from ${#seeds[@]} distinct ones, $((bytes / 1024)) KiB; $rounds rounds; $(nproc) cores"
ours=$("$work/hcl_parse_bench" "$rounds" < "$work/list")
ref=$(node "$here/bench/hcl_bench.js" "$rounds" < "$work/list")
node - "$ours" "$ref" <<'JS'
const [ours, ref] = process.argv.slice(2).map((s) => JSON.parse(s));
const row = (name, r) => console.log(
    `${name.padEnd(26)}${r.best_s.toFixed(4).padStart(9)} s${r.median_s.toFixed(4).padStart(9)} s` +
    `${(r.files / r.best_s).toFixed(0).padStart(10)} files/s${(r.bytes / r.best_s / 1048576).toFixed(1).padStart(8)} MiB/s` +
    `  failed ${r.failed}`);
console.log(`${'parser'.padEnd(26)}${'best'.padStart(11)}${'median'.padStart(11)}${'throughput (best)'.padStart(26)}`);
row('ecsguard hcl::parse_hcl', ours);
row('@cdktf/hcl2json (node)', ref);
console.log(`(hcl2json WebAssembly load + warm-up, not counted: ${ref.load_s.toFixed(3)} s)`);
console.log(`ratio (best rounds): ecsguard is ${(ref.best_s / ours.best_s).toFixed(1)}x faster than @cdktf/hcl2json` +
            ` (medians: ${(ref.median_s / ours.median_s).toFixed(1)}x)`);
JS
