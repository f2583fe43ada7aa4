#pragma once
// Helpers for the builder tests: text -> loaded document -> model.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "ecsguard/core/file_table.h"
#include "ecsguard/parse/build.h"
#include "ecsguard/parse/cfn/resolver.h"
#include "ecsguard/parse/yaml_loader.h"

namespace ecsguard::test {

// {"Fn::Base64": {"Fn::Base64": ... "x"}}, `depth` levels.
inline std::string nested_base64(int depth) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += R"({"Fn::Base64": )";
  out += "x";
  out.append(static_cast<std::size_t>(depth), '}');
  return out;
}

inline parse::Node load(std::string_view text, core::FileId file = 1,
                        const core::Limits& limits = {}) {
  auto r = parse::load_document(text, file, limits);
  if (!r.ok()) {
    ADD_FAILURE() << "load failed: " << r.error().message << " at line " << r.error().where.line;
    return parse::Node{};
  }
  return std::move(r).value();
}

struct Built {
  core::FileTable files;
  core::FileId file = 0;
  parse::Node root;
  parse::BuildOutput out;
};

// Builds `text` as if read from `display_path` (fs_path empty: no nested stacks).
inline void build_text(Built& b, std::string_view text, std::string display_path = "t.yaml",
                       const core::Limits& limits = {}) {
  b.file = b.files.add(display_path);
  b.root = load(text, b.file, limits);
  parse::BuildInput in;
  in.root = &b.root;
  in.file = b.file;
  in.files = &b.files;
  in.limits = limits;
  b.out = parse::build_model(in);
}

// Resolves Resources.<resource>.Properties.<property> of a template.
struct Resolved {
  parse::Node root;
  core::Result<std::optional<parse::Node>> value = core::make_error(core::Errc::kInternal, "");
};

inline const parse::Node* property(const parse::Node& root, std::string_view resource,
                                   std::string_view prop) {
  const parse::Node* r = root.find("Resources");
  r = r ? r->find(resource) : nullptr;
  r = r ? r->find("Properties") : nullptr;
  return r ? r->find(prop) : nullptr;
}

inline void resolve_property(Resolved& out, std::string_view text, std::string_view resource,
                             std::string_view prop, const core::Limits& limits = {},
                             parse::cfn::ParameterValues params = {}) {
  out.root = load(text, 1, limits);
  const parse::Node* p = property(out.root, resource, prop);
  ASSERT_NE(p, nullptr) << resource << "." << prop;
  parse::cfn::Resolver r(out.root, limits, std::move(params));
  out.value = r.resolve(*p);
}

// The build errors, one line each ("<code> line <n>: <message>"), for failure messages.
inline std::string errors_of(const parse::BuildOutput& out) {
  std::string s;
  for (const auto& e : out.errors) {
    s += std::string(core::to_string(e.code)) + " line " + std::to_string(e.where.line) + ": " +
         e.message + "\n";
  }
  return s;
}

}  // namespace ecsguard::test
