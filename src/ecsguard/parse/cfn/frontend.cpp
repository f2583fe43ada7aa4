#include "ecsguard/parse/cfn/frontend.h"

#include "ecsguard/parse/build.h"
#include "ecsguard/parse/cfn/template_builder.h"
#include "ecsguard/parse/sniff.h"

namespace ecsguard::parse::cfn {

Confidence sniff(std::string_view path, std::string_view bytes) noexcept {
  if (sniff::has_suffix(path, {".template", ".template.json", ".template.yaml", ".template.yml"})) {
    return Confidence::kLikely;
  }
  if (sniff::contains_any(bytes, {"AWSTemplateFormatVersion", "Resources", "AWS::"})) {
    return Confidence::kLikely;
  }
  return sniff::structured_name(path) ? Confidence::kName : Confidence::kNo;
}

bool is_template(const Node& root) noexcept {
  if (!root.is_map()) return false;
  if (const Node* resources = root.find("Resources"); resources && resources->is_map()) return true;
  return root.find("AWSTemplateFormatVersion") != nullptr;
}

Fragment build(const FrontendInput& in) {
  Fragment out;
  const Node* doc = structured_document(in, out);
  if (doc == nullptr || !is_template(*doc)) return out;
  out.recognised = true;
  build_template(to_build_input(in, *doc), out);
  return out;
}

}  // namespace ecsguard::parse::cfn
