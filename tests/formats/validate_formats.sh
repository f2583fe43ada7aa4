#!/usr/bin/env bash
# Scans examples/ and validates the reports with the consumers' validators (tools/validate/):
# SARIF (schema + SARIF Multitool incl. GitHub's GH rules) and ASFF (BatchImportFindings schema),
# in English and Japanese, and an ASFF run that archives the findings fixed since a previous one.
# usage: validate_formats.sh ECSGUARD SOURCE_DIR     exit 0 valid, 1 invalid, 77 skipped
set -uo pipefail
exe="$1"
src="$2"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIP: node and npm are not installed (tools/install-deps.sh installs them)"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ECSGUARD_VALIDATORS="${ECSGUARD_VALIDATORS:-$HOME/.cache/ecsguard-validators}"
if ! "$src/tools/validate/install.sh" >"$work/npm.out" 2>&1; then
  echo "SKIP: npm could not install the validators (offline?): $(tail -n 3 "$work/npm.out")"
  exit 77
fi
cd "$src" || exit 1
failed=0
check() {  # check WHAT COMMAND...
  local what="$1"
  shift
  if "$@" >"$work/check.out" 2>&1; then
    echo "ok: $what ($(tail -n 1 "$work/check.out"))"
  else
    echo "FAIL: $what"
    cat "$work/check.out"
    failed=1
  fi
}
aws=(--aws-account 111122223333 --aws-region eu-west-1)
# BatchImportFindings takes at most 100 findings per call (the schema says so for one batch): the
# report is split the way docs/report-formats.md tells users to (jq '_nwise(100)'), and every
# batch is validated.
asff_batches() {  # asff_batches FILE -> prints the batch files
  node -e '
    const fs = require("fs");
    const all = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    if (!Array.isArray(all)) process.exit(1);
    for (let i = 0; i * 100 < Math.max(all.length, 1); ++i) {
      const f = process.argv[1] + ".batch" + i + ".json";
      fs.writeFileSync(f, JSON.stringify(all.slice(i * 100, i * 100 + 100)));
      console.log(f);
    }' "$1"
}
for lang in en ja; do
  out="$work/$lang"
  "$exe" scan examples/insecure --lang "$lang" --fail-on never -f sarif,asff,gitlab-sast,junit \
    --output-dir "$out" "${aws[@]}" >"$work/scan.out" 2>&1
  rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: scan of examples/insecure exited $rc"
    cat "$work/scan.out"
    exit 1
  fi
  check "sarif $lang" tools/validate/check-sarif.sh "$out/results_sarif.sarif"
  mapfile -t batches < <(asff_batches "$out/results_asff.json")
  check "asff $lang (${#batches[@]} batch(es))" tools/validate/check-asff.sh "${batches[@]}"
  check "junit $lang is well-formed XML" python3 -c '
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
print(len(doc.getElementsByTagName("testcase")), "test cases")' "$out/results_junitxml.xml"
  check "gitlab-sast $lang is JSON with vulnerabilities" node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (r.version !== "15.0.4" || !Array.isArray(r.vulnerabilities) || !r.vulnerabilities.length) process.exit(1);
    console.log(r.vulnerabilities.length + " vulnerabilities")' "$out/results_gitlab_sast.json"
done
# The stack is fixed: the hardened scan, given the insecure run's ASFF, archives what is gone.
"$exe" scan examples/hardened --fail-on never -f asff -o "$work/archived.json" "${aws[@]}" \
  --asff-previous "$work/en/results_asff.json" >"$work/scan.out" 2>&1 || {
  echo "FAIL: scan of examples/hardened with --asff-previous"
  cat "$work/scan.out"
  exit 1
}
mapfile -t batches < <(asff_batches "$work/archived.json")
check "asff with archived findings (${#batches[@]} batch(es))" tools/validate/check-asff.sh "${batches[@]}"
check "archived findings present" node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const n = r.filter(f => f.RecordState === "ARCHIVED").length;
  if (!n) process.exit(1);
  console.log(n + " archived of " + r.length)' "$work/archived.json"
exit "$failed"
