// Fuzz target: bytes -> load_document -> CloudFormation intrinsic resolution of every resource's
// Properties and every condition, then build_model. Must never crash, hang or exhaust memory
// (core::Limits: max_intrinsic_depth, max_depth, condition cycles, the resolver's output budget),
// and the model must keep the invariants of builder_invariants.h.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "builder_invariants.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/parse/build.h"
#include "ecsguard/parse/cfn/resolver.h"
#include "ecsguard/parse/yaml_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ecsguard;
  static const core::Limits limits = fuzz::fuzz_limits();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = parse::load_document(text, fuzz::kFuzzFile, limits);
  if (!doc.ok()) return 0;
  const parse::Node& root = doc.value();

  parse::cfn::Resolver resolver(root, limits);
  if (const parse::Node* resources = root.find("Resources"); resources && resources->is_map()) {
    for (const auto& r : resources->members) {
      if (const parse::Node* props = r.value.find("Properties")) {
        auto resolved = resolver.resolve(*props);
        if (!resolved.ok() && resolved.error().message.empty()) {
          fuzz::model_violated("resolver error without message", "", resolved.error().where);
        }
      }
    }
  }
  if (const parse::Node* conditions = root.find("Conditions"); conditions && conditions->is_map()) {
    for (const auto& c : conditions->members) (void)resolver.condition(c.key.text);
  }

  core::FileTable files;
  parse::BuildInput in;
  in.root = &root;
  in.file = files.add("fuzz.yaml");  // == fuzz::kFuzzFile
  in.files = &files;
  in.limits = limits;
  fuzz::check_build(parse::build_model(in));
  return 0;
}
