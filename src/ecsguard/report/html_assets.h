#pragma once
// The style sheet and script of the HTML report (report/html.cpp), inlined into every page: the
// report loads nothing (its Content-Security-Policy forbids it), so it can be mailed, archived as
// a CI artifact and opened offline.
#include <string_view>

namespace ecsguard::report::html_assets {

inline constexpr std::string_view kStyle = R"css(
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;
--critical:#6a1b9a;--high:#c62828;--medium:#e65100;--low:#1565c0;--info:#546e7a;
--review:#f9a825;--clean:#2e7d32;--unchecked:#9e9e9e;--aws:#455a64}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Hiragino Sans","Noto Sans JP",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:980px;margin:0 auto;padding:12px}
h1{font-size:1.4em;margin:.2em 0}
h2{font-size:1.15em;margin:1.2em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
h4{margin:.8em 0 .2em;font-size:.95em}
.verdict{font-weight:700;padding:.4em .7em;border-radius:6px;display:inline-block;margin:.3em 0}
.verdict.fail{background:#ffebe9;color:#82071e}.verdict.pass{background:#dafbe1;color:#116329}
.verdict.neutral{background:var(--soft);color:var(--fg)}
.meta,.legend,.shown,footer{color:var(--muted);font-size:.9em}
svg.layers{width:100%;max-width:460px;height:auto;display:block}
svg.layers text{font-family:inherit}
svg.layers .clickable{cursor:pointer}
svg.layers .clickable:focus{outline:none}
svg.layers .clickable:focus rect,svg.layers .clickable:hover rect{stroke:#000;stroke-width:2}
.legend span{display:inline-flex;align-items:center;margin:.15em .8em .15em 0}
.legend i{width:.9em;height:.9em;border-radius:2px;display:inline-block;margin-right:.3em}
.filters{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center;background:var(--soft);padding:.6em;border-radius:6px}
.filters label{display:flex;gap:.3em;align-items:center}
select{font:inherit;padding:.2em}
.finding{border:1px solid var(--line);border-left-width:6px;border-radius:6px;margin:.5em 0;background:var(--bg)}
.finding[hidden]{display:none}
.finding summary{padding:.5em .6em;cursor:pointer;list-style-position:outside}
.finding .title{font-weight:600}
.finding .where{display:block;color:var(--muted);font-size:.85em;overflow-wrap:anywhere}
.finding .body{padding:0 .8em .6em}
.badge{display:inline-block;font-size:.75em;font-weight:700;color:#fff;border-radius:4px;padding:0 .4em;margin-right:.3em;vertical-align:1px}
.status{font-size:.8em;border:1px solid var(--line);border-radius:4px;padding:0 .35em;margin-right:.3em}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
pre{background:var(--soft);padding:.6em;border-radius:6px;overflow-x:auto;white-space:pre}
.msg{overflow-wrap:anywhere}
.sev-CRITICAL{border-left-color:var(--critical)}.badge.sev-CRITICAL{background:var(--critical)}
.sev-HIGH{border-left-color:var(--high)}.badge.sev-HIGH{background:var(--high)}
.sev-MEDIUM{border-left-color:var(--medium)}.badge.sev-MEDIUM{background:var(--medium)}
.sev-LOW{border-left-color:var(--low)}.badge.sev-LOW{background:var(--low)}
.sev-INFO{border-left-color:var(--info)}.badge.sev-INFO{background:var(--info)}
.problems li{overflow-wrap:anywhere}
)css";

inline constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var body = document.body;
  window.addEventListener('error', function (e) {
    body.setAttribute('data-errors', (body.getAttribute('data-errors') || '') + e.message + ';');
  });
  var keys = ['layer', 'severity', 'status'];
  var select = {};
  keys.forEach(function (k) { select[k] = document.getElementById('filter-' + k); });
  var items = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var shown = document.getElementById('shown');
  function apply() {
    var n = 0;
    items.forEach(function (el) {
      var ok = keys.every(function (k) {
        var v = select[k].value;
        return !v || el.getAttribute('data-' + k) === v;
      });
      el.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = shown.getAttribute('data-template')
      .replace('{shown}', String(n)).replace('{total}', String(items.length));
  }
  keys.forEach(function (k) { select[k].addEventListener('change', apply); });
  Array.prototype.forEach.call(document.querySelectorAll('svg .clickable'), function (g) {
    function pick() {
      select.layer.value = g.getAttribute('data-layer');
      apply();
      document.getElementById('findings').scrollIntoView();
    }
    g.addEventListener('click', pick);
    g.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); }
    });
  });
  apply();
  body.setAttribute('data-ready', '1');
})();
)js";

}  // namespace ecsguard::report::html_assets
