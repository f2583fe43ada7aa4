#!/usr/bin/env node
// Node.js side of bench/hcl_bench.sh: @cdktf/hcl2json (HashiCorp's hclsyntax in WebAssembly)
// reads and parses every .tf file listed on standard input, `rounds` times, in this one process.
// The WebAssembly module is loaded and warmed up on one file before the clock starts. Prints one
// JSON line in the same shape as hcl_parse_bench.
'use strict';
const fs = require('fs');
const path = require('path');
const { loadHcl2json } = require('../tests/unit/terraform/npm_hcl2json');

async function main() {
  const rounds = Math.max(1, parseInt(process.argv[2] || '5', 10));
  const paths = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
  const t0 = process.hrtime.bigint();
  const hcl = loadHcl2json();
  await hcl.parse('warmup.tf', 'a = 1\n');
  const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const times = [];
  let bytes = 0;
  let failed = 0;
  for (let r = 0; r < rounds; ++r) {
    bytes = 0;
    failed = 0;
    const start = process.hrtime.bigint();
    for (const p of paths) {
      const text = fs.readFileSync(p, 'utf8');
      bytes += Buffer.byteLength(text);
      try {
        await hcl.parse(path.basename(p), text);
      } catch {
        ++failed;
      }
    }
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(JSON.stringify({ files: paths.length, bytes, rounds, best_s: sorted[0],
                               median_s: sorted[Math.floor(sorted.length / 2)], failed,
                               load_s: loadSeconds }));
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
