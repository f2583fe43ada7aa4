// Loads the reference HCL implementation, @cdktf/hcl2json (HashiCorp's hclsyntax compiled to
// WebAssembly), installing it with npm into a cache folder first when it is not there:
// $ECSGUARD_NPM_DIR, else ${XDG_CACHE_HOME:-$HOME/.cache}/ecsguard-npm. Never into the project.
// Shared by the differential test (hcl_differential.js) and the benchmark (bench/hcl_bench.js).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const kPackage = '@cdktf/hcl2json@0.21.0';

function cacheDir() {
  return process.env.ECSGUARD_NPM_DIR ||
      path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ecsguard-npm');
}

// Returns the module, or throws an Error whose message says why it could not be installed.
function loadHcl2json() {
  const cache = cacheDir();
  const main = path.join(cache, 'node_modules', '@cdktf', 'hcl2json');
  if (!fs.existsSync(path.join(main, 'package.json'))) {
    fs.mkdirSync(cache, { recursive: true });
    try {
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', cache, kPackage],
                   { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300000 });
    } catch (e) {
      const lines = String(e.stderr || e.message).trim().split('\n');
      const why = lines.find((l) => /error (code|network|errno)/.test(l)) || lines[0];
      throw new Error(`npm could not install ${kPackage} into ${cache}: ${why}`);
    }
  }
  return require(main);
}

module.exports = { loadHcl2json, kPackage };
