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

#include "ecsguard/core/file_io.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/core/path.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/engine/catalog.h"
#include "ecsguard/engine/registry.h"
#include "ecsguard/engine/runner.h"
#include "ecsguard/parse/build.h"
#include "ecsguard/parse/frontend.h"
#include "ecsguard/parse/yaml_loader.h"
#include "ecsguard/policy/source_skips.h"
#include "ecsguard/scan/discover.h"
#include "ecsguard/scan/file_loader.h"

namespace ecsguard::scan {

namespace {

struct FileOutcome {
  bool scanned = false;
  bool lost = false;
  parse::Fragment built;
  std::vector<engine::Diagnostic> diagnostics;
  std::vector<policy::SourceSkip> skips;  // `ecsguard:skip=` comments, Metadata.ecsguard
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

// One input of the scan: a discovered file, or standard input (`scan -`).
struct Input {
  DiscoveredFile file;
  bool from_stdin = false;
};

core::Result<std::string> read_input(const Input& input, const core::Limits& limits) {
  if (input.from_stdin) return core::read_stream_text(STDIN_FILENO, limits.max_file_bytes);
  return read_discovered(input.file, limits);
}

FileOutcome process_file(const Input& input, core::FileId id, core::FileTable& files,
                         const Containment& containment, const ScanRequest& request) {
  const core::Limits& limits = request.limits;
  const DiscoveredFile& df = input.file;
  FileOutcome out;
  auto text = read_input(input, limits);
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
    // Standard input was given on purpose: whatever it is, failing to read it loses input.
    if (e.code != core::Errc::kLimit && !input.from_stdin &&
        !parse::looks_like_input(df.display_path, *text)) {
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
  if (out.scanned && policy::may_contain_skips(*text)) {
    auto found = policy::collect_skips(*text, files.path(id), request.options.lang);
    out.skips = std::move(found.skips);
    for (auto& d : found.refused) out.diagnostics.push_back(std::move(d));
  }
  for (const auto& e : out.built.errors) {
    auto d = diagnostic_from(e, files, df.display_path);
    if (d.loses_input()) out.lost = true;
    out.diagnostics.push_back(std::move(d));
  }
  return out;
}

// One spelling per file in reports whatever the user typed ("./examples/", "examples//x"). The
// fingerprint does not use it (identity_of).
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

// The inputs to read: the discovered files (sorted), then standard input when `-` was given.
std::vector<Input> collect_inputs(const ScanRequest& request, Discovery& disc) {
  std::vector<Input> inputs;
  inputs.reserve(disc.files.size() + 1);
  for (auto& f : disc.files) inputs.push_back(Input{std::move(f), false});
  if (request.reads_stdin()) {
    inputs.push_back(Input{DiscoveredFile{{}, request.stdin_display_name(), {}}, true});
  }
  return inputs;
}

// What the fingerprint of findings in this input is computed from (core::identity_path).
std::string identity_of(const Input& input) {
  if (input.from_stdin) return input.file.display_path;
  return core::identity_path(input.file.fs_path, input.file.root);
}

}  // namespace

bool ScanRequest::reads_stdin() const noexcept {
  return std::find(paths.begin(), paths.end(), "-") != paths.end();
}

std::string ScanRequest::stdin_display_name() const {
  return stdin_name.empty() ? std::string("<stdin>") : normalize_display(stdin_name);
}

ScanResult run_scan(const ScanRequest& request) {
  ScanResult result;
  std::vector<std::string> paths;
  for (const auto& p : request.paths) {
    if (p != "-") paths.push_back(p);
  }
  if (paths.empty() && !request.reads_stdin()) paths.emplace_back(".");

  Discovery disc = paths.empty() ? Discovery{} : discover(paths, request.limits);
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
  const std::vector<Input> inputs = collect_inputs(request, disc);
  result.files_discovered = inputs.size();

  // File ids in discovery (sorted) order, before any thread starts: output never depends on
  // scheduling. Nested templates get ids later, during the build, from the same table.
  std::vector<core::FileId> ids;
  ids.reserve(inputs.size());
  for (const auto& in : inputs) {
    ids.push_back(files.add(normalize_display(in.file.display_path), identity_of(in)));
  }

  // Where each root's files may reach (scan root, enclosing git work tree): found once per root.
  // Standard input reaches no other file: its containment is the working directory's, unused.
  std::map<std::string, Containment> containments;
  for (const auto& in : inputs) {
    if (!containments.contains(in.file.root)) {
      containments.emplace(in.file.root, containment_for(in.file.root));
    }
  }

  std::vector<FileOutcome> outcomes(inputs.size());
  unsigned threads = request.threads ? request.threads : std::thread::hardware_concurrency();
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(inputs.size())));
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      outcomes[i] =
          process_file(inputs[i], ids[i], files, containments.at(inputs[i].file.root), request);
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
    if (!nested.empty() && !inputs[i].from_stdin &&
        nested.count(canonical_or_self(inputs[i].file.fs_path))) {
      continue;
    }
    ++result.files_scanned;
    for (auto& s : o.skips) result.skips.push_back(std::move(s));
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
  // The image layer's checks read Dockerfiles and image archives only: without one in the scan
  // they judged nothing, and the layer is "not checked", never "passed".
  if (result.stack.all<model::Dockerfile>().empty() &&
      result.stack.all<model::ContainerImage>().empty()) {
    std::erase_if(checks, [](const engine::CheckDef* c) {
      const auto* e = engine::find_catalog_entry(c->id);
      return e != nullptr && e->layer == core::Layer::kImage;
    });
  }
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
