#include "ecsguard/parse/terraform/build_context.h"

#include <filesystem>
#include <utility>

#include "ecsguard/parse/json_loader.h"
#include "ecsguard/parse/terraform/policy_document.h"

namespace ecsguard::parse::terraform {

namespace {

namespace fs = std::filesystem;

std::string instance_suffix(const eval::Value& key) {
  if (key.kind == eval::ValueKind::kNumber) return "[" + eval::number_text(key.number) + "]";
  return "[\"" + key.text + "\"]";
}

// Gives every node of a parsed JSON document the location `at` (positions inside a string are
// not file positions), or shifts its lines by `line_offset` into `file` (a heredoc's body).
void relocate(Node& n, core::Loc at, std::uint32_t line_offset, unsigned depth = 0) {
  if (line_offset != 0) {
    n.loc.file = at.file;
    n.loc.line += line_offset;
  } else {
    n.loc = at;
  }
  if (depth > 1024) return;
  for (auto& item : n.items) relocate(item, at, line_offset, depth + 1);
  for (auto& m : n.members) {
    relocate(m.key, at, line_offset, depth + 1);
    relocate(m.value, at, line_offset, depth + 1);
  }
}

bool is_call(const hcl::Expr& e, std::string_view name) {
  return e.kind == hcl::ExprKind::kCall && e.name == name && e.items.size() == 1 && !e.expand;
}

}  // namespace

core::Result<std::string> EvalFileLoader::read(std::string_view module_dir,
                                               std::string_view path) const {
  if (loader_ == nullptr || from_.fs_path.empty()) {
    return core::make_error(core::Errc::kSkipped, "not read (no file loader)");
  }
  const fs::path p{std::string(path)};
  const std::string reference = p.is_absolute()
                                    ? p.generic_string()
                                    : (fs::path(std::string(module_dir)) / p).generic_string();
  auto loaded = loader_->load(from_.fs_path, from_.display, reference);
  if (!loaded.ok()) return std::move(loaded).error();
  last_file_ = loaded.value().file;
  return std::move(loaded.value().text);
}

const hcl::Attribute* find_attribute(const hcl::Body& body, std::string_view name) {
  for (const auto& a : body.attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

Node instance_node(BuildContext& b, const ResourceInstance& r) {
  Conversion c{r.file, r.block->loc, &b.refs};
  return body_node(r.block->body, b.ev, r.bindings, c);
}

Node json_attribute(BuildContext& b, const ResourceInstance& r, std::string_view name) {
  const hcl::Attribute* a = find_attribute(r.block->body, name);
  if (a == nullptr) return Node{};
  const Conversion c{r.file, a->loc, &b.refs};
  const hcl::Expr& e = a->value;
  if (is_call(e, "jsonencode")) {
    Node n = to_node(b.ev.eval(e.items[0], r.bindings), c);
    if (n.is_unknown() && n.refs.empty()) RefIndex::collect(e, n.refs);
    return n;
  }
  if (auto document = policy_document(b, e)) return std::move(*document);
  const core::FileId before = b.files.last_file();
  const eval::Value v = b.ev.eval(e, r.bindings);
  if (v.kind != eval::ValueKind::kString) {
    Node n = to_node(v, c);
    if (n.is_unknown() && n.refs.empty()) RefIndex::collect(e, n.refs);
    return n;
  }
  auto parsed = load_json(v.text, r.file, b.in.limits);
  if (!parsed.ok()) {
    return Node::make_unknown("not valid JSON: " + parsed.error().message, a->loc);
  }
  Node doc = std::move(parsed).value();
  if (e.kind == hcl::ExprKind::kTemplate && e.heredoc) {
    relocate(doc, core::Loc{r.file, e.loc.line, 1}, e.loc.line);
  } else if (is_call(e, "file") && b.files.last_file() != before) {
    relocate(doc, core::Loc{b.files.last_file(), 0, 1}, 0);
    // Lines of the loaded file are kept: parse it again under its own id.
    auto again = load_json(v.text, b.files.last_file(), b.in.limits);
    if (again.ok()) doc = std::move(again).value();
  } else {
    relocate(doc, a->loc, 0);
  }
  return doc;
}

std::vector<ResourceInstance> instances(BuildContext& b, const hcl::Block& block,
                                        core::FileId file) {
  const std::string base = b.address_prefix + block.labels[0] + "." + block.labels[1];
  std::vector<ResourceInstance> out;
  const eval::Expansion x = eval::expand_instances(block, b.ev);
  if (!x.unknown.is_null()) {
    // Not expandable statically: one instance stands for all (each.* / count.index unknown).
    ResourceInstance r{&block, file, base + "[*]", {}};
    const eval::Value unknown = eval::Value::unknown(x.unknown.text, x.unknown.loc);
    r.bindings = {{x.counted ? "count" : "each", unknown}};
    out.push_back(std::move(r));
    return out;
  }
  for (const auto& i : x.instances) {
    ResourceInstance r{&block, file, base, eval::bindings(x, i)};
    if (!i.key.is_null()) r.address += instance_suffix(i.key);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ecsguard::parse::terraform
