#include "ecsguard/parse/frontend.h"

#include <algorithm>

#include "ecsguard/parse/cfn/frontend.h"
#include "ecsguard/parse/dockerfile/frontend.h"
#include "ecsguard/parse/image/frontend.h"
#include "ecsguard/parse/taskdef/frontend.h"
#include "ecsguard/parse/terraform/frontend.h"
#include "ecsguard/parse/yaml_loader.h"

namespace ecsguard::parse {

namespace {

// The registry: one line per input format. Order breaks confidence ties (a document that is both
// a template and a task definition is a template).
constexpr Frontend kFrontends[] = {
    cfn::kFrontend,        taskdef::kFrontend, terraform::kFrontend,
    dockerfile::kFrontend, image::kFrontend,
};

}  // namespace

std::span<const Frontend> frontends() noexcept { return kFrontends; }

std::vector<const Frontend*> candidates(std::string_view path, std::string_view bytes) {
  std::vector<std::pair<Confidence, const Frontend*>> ranked;
  for (const Frontend& f : kFrontends) {
    const Confidence c = f.sniff(path, bytes);
    if (c != Confidence::kNo) ranked.emplace_back(c, &f);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<const Frontend*> out;
  out.reserve(ranked.size());
  for (const auto& r : ranked) out.push_back(r.second);
  return out;
}

bool wanted_by_name(std::string_view path) noexcept {
  return std::any_of(std::begin(kFrontends), std::end(kFrontends),
                     [&](const Frontend& f) { return f.sniff(path, {}) != Confidence::kNo; });
}

bool looks_like_input(std::string_view path, std::string_view text) noexcept {
  return std::any_of(std::begin(kFrontends), std::end(kFrontends),
                     [&](const Frontend& f) { return f.sniff(path, text) == Confidence::kLikely; });
}

const core::Result<Node>& structured_document(const FrontendInput& in) {
  if (!in.document) in.document.emplace(load_document(in.source.text, in.source.file, in.limits));
  return *in.document;
}

const Node* structured_document(const FrontendInput& in, Fragment& out) {
  const auto& doc = structured_document(in);
  if (doc.ok()) return &doc.value();
  out.unreadable = doc.error();
  return nullptr;
}

Fragment build_file(const FrontendInput& in) {
  const std::string_view head = in.source.text.substr(0, kSniffBytes);
  std::vector<const Frontend*> order = candidates(in.source.display, head);
  // A file named on the command line is read whatever its name: every frontend may look at it.
  if (order.empty()) {
    for (const Frontend& f : kFrontends) order.push_back(&f);
  }
  Fragment unrecognised;
  for (const Frontend* f : order) {
    Fragment out = f->build(in);
    if (out.recognised) return out;
    if (out.unreadable && !unrecognised.unreadable) unrecognised.unreadable = out.unreadable;
  }
  return unrecognised;
}

}  // namespace ecsguard::parse
