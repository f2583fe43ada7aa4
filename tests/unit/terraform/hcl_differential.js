#!/usr/bin/env node
// Differential test of ecsguard's HCL parser against the reference implementation, HashiCorp's
// hclsyntax as packaged on npm by @cdktf/hcl2json (tmccombs/hcl2json's JSON shape).
//
// usage: node hcl_differential.js <hcl_dump binary>
// env:   ECSGUARD_CORPUS   corpus root; every .tf below it is compared (skipped when unset/absent)
//        ECSGUARD_NPM_DIR  npm cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/ecsguard-npm)
//
// Every .tf file under tests/unit/terraform/fixtures and the corpus is parsed by both. A file
// agrees when both reject it, or both accept it and the JSON values are deep-equal (key order
// ignored). A disagreement fails the test unless hcl_disagreements lists the file with its
// reason; a listed file that agrees fails too (the list stays honest). Exit 77 (ctest: skipped)
// when npm cannot install the package, with the reason.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const { loadHcl2json } = require('./npm_hcl2json');

const here = __dirname;

function skip(reason) {
  console.log(`SKIPPED: ${reason}`);
  process.exit(77);
}

function loadReference() {
  try {
    return loadHcl2json();
  } catch (e) {
    return skip(e.message);
  }
}

function listTf(root, out) {
  let entries;
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(root, e.name);
    if (e.isDirectory()) listTf(p, out);
    else if (e.isFile() && e.name.endsWith('.tf')) out.push(p);
  }
}

// Stable text of a JSON value: object keys sorted.
function canonical(v) {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
  }
  return JSON.stringify(v);
}

function readDisagreements() {
  const listed = new Map();
  const text = fs.readFileSync(path.join(here, 'hcl_disagreements'), 'utf8');
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const hash = t.indexOf(' #');
    if (hash < 0) throw new Error(`hcl_disagreements: entry without a reason: ${t}`);
    listed.set(t.slice(0, hash).trim(), t.slice(hash + 2).trim());
  }
  return listed;
}

async function main() {
  const dump = process.argv[2];
  if (!dump) throw new Error('usage: hcl_differential.js <hcl_dump>');
  const hcl2json = loadReference();

  const files = [];  // {id, file}
  const fixtures = path.join(here, 'fixtures');
  const fixtureFiles = [];
  listTf(fixtures, fixtureFiles);
  for (const f of fixtureFiles) files.push({ id: 'fixtures/' + path.relative(fixtures, f), file: f });
  const corpus = process.env.ECSGUARD_CORPUS;
  if (corpus && fs.existsSync(corpus)) {
    const corpusFiles = [];
    listTf(corpus, corpusFiles);
    for (const f of corpusFiles) files.push({ id: 'corpus/' + path.relative(corpus, f), file: f });
  } else {
    console.log('note: ECSGUARD_CORPUS unset or absent: comparing the fixtures only');
  }
  files.sort((a, b) => (a.id < b.id ? -1 : 1));

  const out = execFileSync(dump, ['-'], { input: files.map((f) => f.file).join('\n'),
                                          maxBuffer: 1 << 30 }).toString();
  const ours = new Map();
  for (const line of out.split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    ours.set(r.file, r);
  }

  const listed = readDisagreements();
  let agree = 0;
  let bothRejected = 0;
  const unexpected = [];
  const known = [];
  for (const { id, file } of files) {
    const mine = ours.get(file);
    let ref;
    try {
      ref = { ok: true, json: await hcl2json.parse(path.basename(file), fs.readFileSync(file, 'utf8')) };
    } catch (e) {
      ref = { ok: false, error: String(e).split('\n')[0] };
    }
    let same;
    let detail = '';
    if (!mine) {
      same = false;
      detail = 'no output from hcl_dump';
    } else if (mine.ok !== ref.ok) {
      same = false;
      detail = mine.ok ? `reference rejects: ${ref.error.slice(0, 300)}` : `ecsguard rejects: ${mine.error}`;
    } else if (!mine.ok) {
      same = true;
      ++bothRejected;
    } else {
      const a = canonical(mine.json);
      const b = canonical(ref.json);
      same = a === b;
      if (!same) {
        let i = 0;
        while (i < a.length && a[i] === b[i]) ++i;
        detail = `first difference at char ${i}: ecsguard …${a.slice(Math.max(0, i - 60), i + 80)}… reference …${b.slice(Math.max(0, i - 60), i + 80)}…`;
      }
    }
    if (same) {
      ++agree;
      if (listed.has(id)) unexpected.push(`${id}: listed in hcl_disagreements but agrees now (remove the entry)`);
    } else if (listed.has(id)) {
      known.push(`${id}: ${listed.get(id)}`);
    } else {
      unexpected.push(`${id}: ${detail}`);
    }
  }
  console.log(`HCL differential: ${files.length} files, ${agree} agree (${bothRejected} rejected by both), ` +
              `${known.length} listed disagreements, ${unexpected.length} unexpected`);
  for (const k of known) console.log(`  known: ${k}`);
  for (const u of unexpected) console.log(`  FAIL: ${u}`);
  if (files.length === 0) {
    console.log('FAIL: no .tf file compared');
    process.exit(1);
  }
  process.exit(unexpected.length === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
