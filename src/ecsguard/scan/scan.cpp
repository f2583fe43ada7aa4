#include "ecsguard/scan/scan.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <thread>
#include <unordered_set>

#include "ecsguard/core/file_table.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/engine/runner.h"
#include "ecsguard/parse/frontend.h"
#include "ecsguard/scan/discover.h"
#include "ecsguard/scan/file_loader.h"

namespace ecsguard::scan {

namespace {

struct FileOutcome {
  bool scanned = false;
  bool lost = false;
  parse::Fragment built;
  std::vector<engine::Diagnostic> diagnostics;
};

engine::Diagnostic diagnostic_from(const core::Error& e, const core::FileTable& files,
                                   const std::string& fallback_path) {
  engine::Diagnostic d;
  d.code = e.code;
  d.file = e.where.file ? files.path(e.where.file) : fallback_path;
  d.line = e.where.line;
  d.column = e.where.column;
  d.message = e.message;
  return d;
}

FileOutcome process_file(const DiscoveredFile& df, core::FileId id, core::FileTable& files,
                         const Containment& containment, const core::Limits& limits) {
  FileOutcome out;
  auto text = read_discovered(df, limits);
  if (!text) {
    out.lost = text.error().code != core::Errc::kSkipped;
    out.diagnostics.push_back(diagnostic_from(text.error(), files, df.display_path));
    return out;
  }
  ScanFileLoader loader(containment, files, limits);
  parse::FrontendInput in;
  in.source.text = *text;
  in.source.file = id;
  in.source.fs_path = df.fs_path;
  in.source.display = df.display_path;
  in.files = &files;
  in.loader = &loader;
  in.limits = limits;
  out.built = parse::build_file(in);
  if (!out.built.recognised && out.built.unreadable) {
    const core::Error& e = *out.built.unreadable;
    auto d = diagnostic_from(e, files, df.display_path);
    // A file that no frontend could parse and that carries no format's markers (a tsconfig.json
    // with comments, a Helm chart) is only a note; otherwise its loss is an error (exit 3).
    if (e.code != core::Errc::kLimit && !parse::looks_like_input(df.display_path, *text)) {
      d.code = core::Errc::kSkipped;
      d.message =
          "not scanned (not valid JSON/YAML, and nothing suggests CloudFormation or a task "
          "definition): " +
          d.message;
    } else {
      out.lost = true;
    }
    out.diagnostics.push_back(std::move(d));
    return out;
  }
  out.scanned = out.built.recognised;
  for (const auto& e : out.built.errors) {
    auto d = diagnostic_from(e, files, df.display_path);
    if (d.loses_input()) out.lost = true;
    out.diagnostics.push_back(std::move(d));
  }
  return out;
}

// One spelling per file whatever the user typed ("./examples/", "examples//x"): the display path
// feeds the fingerprint, which must not change with how the scan was invoked.
std::string normalize_display(const std::string& p) {
  std::string out = std::filesystem::path(p).lexically_normal().generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out.empty() ? p : out;
}

std::string canonical_or_self(const std::string& p) {
  std::error_code ec;
  auto c = std::filesystem::weakly_canonical(p, ec);
  return ec ? p : c.string();
}

}  // namespace

ScanResult run_scan(const ScanRequest& request) {
  ScanResult result;
  std::vector<std::string> paths = request.paths;
  if (paths.empty()) paths.emplace_back(".");

  Discovery disc = discover(paths, request.limits);
  core::FileTable files;
  for (std::size_t i = 0; i < disc.notes.size(); ++i) {
    const auto& n = disc.notes[i];
    engine::Diagnostic d;
    d.code = n.code;
    d.file = i < disc.note_paths.size() ? normalize_display(disc.note_paths[i]) : std::string();
    d.message = n.message;
    if (d.loses_input()) ++result.files_failed;
    result.diagnostics.push_back(std::move(d));
  }
  result.files_discovered = disc.files.size();

  // File ids in discovery (sorted) order, before any thread starts: output never depends on
  // scheduling. Nested templates get ids later, during the build, from the same table.
  std::vector<core::FileId> ids;
  ids.reserve(disc.files.size());
  for (const auto& f : disc.files) ids.push_back(files.add(normalize_display(f.display_path)));

  // Where each root's files may reach (scan root, enclosing git work tree): found once per root.
  std::map<std::string, Containment> containments;
  for (const auto& f : disc.files) {
    if (!containments.contains(f.root)) containments.emplace(f.root, containment_for(f.root));
  }

  std::vector<FileOutcome> outcomes(disc.files.size());
  unsigned threads = request.threads ? request.threads : std::thread::hardware_concurrency();
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(disc.files.size())));
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < disc.files.size(); i = next++) {
      outcomes[i] = process_file(disc.files[i], ids[i], files, containments.at(disc.files[i].root),
                                 request.limits);
    }
  };
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  }

  // A template loaded as another's nested stack is reported through its parent (with the
  // parameters the parent passes), not a second time on its own.
  std::unordered_set<std::string> nested;
  for (const auto& o : outcomes) {
    for (const auto& p : o.built.nested_paths) nested.insert(p);
  }
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    auto& o = outcomes[i];
    for (auto& d : o.diagnostics) result.diagnostics.push_back(std::move(d));
    if (o.lost) ++result.files_failed;
    if (!o.scanned) continue;
    if (!nested.empty() && nested.count(canonical_or_self(disc.files[i].fs_path))) continue;
    ++result.files_scanned;
    result.stack.merge(std::move(o.built.stack));
  }
  outcomes.clear();

  std::vector<const engine::CheckDef*> checks;
  for (const auto* c : engine::registered_checks()) {
    if (request.only_checks.empty() ||
        std::find(request.only_checks.begin(), request.only_checks.end(), c->id) !=
            request.only_checks.end()) {
      checks.push_back(c);
    }
  }
  auto run = engine::run_checks(result.stack, files, request.options, checks);
  result.checks_run = std::move(checks);
  result.findings = std::move(run.findings);
  for (auto& d : run.diagnostics) result.diagnostics.push_back(std::move(d));
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const engine::Diagnostic& a, const engine::Diagnostic& b) {
                     return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
                   });
  return result;
}

}  // namespace ecsguard::scan
