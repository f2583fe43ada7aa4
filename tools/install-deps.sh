#!/usr/bin/env bash
# Installs the Debian 12 packages ecsguard builds and tests with (only those missing).
# Run as root (CI and the README's commands do); prints the apt-get line otherwise.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config ccache
  libyaml-dev            # YAML parser with line/column marks (CloudFormation YAML, Falco rules)
  libsimdjson-dev        # JSON parser (on-demand API; offsets give line/column)
  nlohmann-json3-dev     # JSON writer for reports and alerts
  libcli11-dev           # command line
  libre2-dev             # linear-time regular expressions (hostile input)
  libfmt-dev             # formatting
  libseccomp-dev         # guard: seccomp-bpf filter
  libarchive-dev         # image archives (image layer)
  libcurl4-openssl-dev   # guard: HTTP alert sink
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev clang-format clang-tidy   # libFuzzer, sanitizers, formatting
  python3                # tools/gen_catalog.py, shared/bench/gen-corpus.py
  chromium               # tests/formats: the HTML report rendered in headless Chromium
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm (HCL differential test and bench: @cdktf/hcl2json, installed by npm into a cache
# folder): by command, not by package, because a nodejs package that bundles npm (NodeSource's)
# conflicts with Debian's separate npm package.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing packages: ${missing[*]}" >&2
  echo "run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
