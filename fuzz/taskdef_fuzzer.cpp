// Fuzz target: bytes -> load_document -> build_model, for ECS task definition JSON
// (register-task-definition input, describe-task-definition output, container arrays and single
// container objects). Inputs that are not task definitions are also wrapped as
// {"containerDefinitions": [...]} so the task definition builder always runs. The model must keep
// the invariants of builder_invariants.h.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "builder_invariants.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/parse/build.h"
#include "ecsguard/parse/yaml_loader.h"

namespace {

void build(const ecsguard::parse::Node& root, const ecsguard::core::Limits& limits) {
  using namespace ecsguard;
  core::FileTable files;
  parse::BuildInput in;
  in.root = &root;
  in.file = files.add("fuzz.json");  // == fuzz::kFuzzFile
  in.files = &files;
  in.limits = limits;
  fuzz::check_build(parse::build_model(in));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecsguard;
  static const core::Limits limits = fuzz::fuzz_limits();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = parse::load_document(text, fuzz::kFuzzFile, limits);
  if (!doc.ok()) return 0;
  parse::Node root = std::move(doc).value();
  build(root, limits);
  const parse::InputKind kind = parse::detect_kind(root);
  if (kind == parse::InputKind::kUnknown && (root.is_map() || root.is_seq())) {
    const core::Loc at = root.loc;
    parse::Node list;
    list.kind = parse::NodeKind::kSeq;
    list.loc = at;
    if (root.is_map()) {
      list.items.push_back(std::move(root));
    } else {
      list = std::move(root);
    }
    parse::Node wrapper;
    wrapper.kind = parse::NodeKind::kMap;
    wrapper.loc = at;
    wrapper.members.push_back(
        parse::Member{parse::Node::make_string("containerDefinitions", at), std::move(list)});
    build(wrapper, limits);
  }
  return 0;
}
