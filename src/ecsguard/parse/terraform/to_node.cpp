#include "ecsguard/parse/terraform/to_node.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace ecsguard::parse::terraform {

namespace {

using hcl::Expr;
using hcl::ExprKind;

constexpr unsigned kMaxDepth = 256;

// The attribute names after the root of a traversal (a.b[0].c -> b, c), outermost last.
void attribute_names(const Expr& e, std::vector<const std::string*>& out) {
  const Expr* cur = &e;
  std::vector<const std::string*> reversed;
  while (cur->kind == ExprKind::kGetAttr || cur->kind == ExprKind::kIndex ||
         cur->kind == ExprKind::kLegacyIndex) {
    if (cur->kind == ExprKind::kGetAttr) reversed.push_back(&cur->name);
    cur = &cur->items[0];
  }
  out.assign(reversed.rbegin(), reversed.rend());
}

bool is_traversal(const Expr& e) {
  return e.kind == ExprKind::kGetAttr || e.kind == ExprKind::kIndex ||
         e.kind == ExprKind::kLegacyIndex;
}

}  // namespace

std::string referenced_address(const Expr& e) {
  const Expr* root = eval::traversal_root(e);
  if (root == nullptr || eval::is_special_root(root->name)) return {};
  std::vector<const std::string*> names;
  attribute_names(e, names);
  if (root->name == "module") {
    return names.empty() ? std::string() : "module." + *names[0];
  }
  if (root->name == "data") {
    return names.size() < 2 ? std::string() : "data." + *names[0] + "." + *names[1];
  }
  return names.empty() ? std::string() : root->name + "." + *names[0];
}

std::uint64_t RefIndex::key(core::Loc at) noexcept {
  return (std::uint64_t{at.file} << 44) ^ (std::uint64_t{at.line} << 20) ^ at.column;
}

void RefIndex::collect(const Expr& e, std::vector<std::string>& out, unsigned depth) {
  if (depth > kMaxDepth) return;
  if (is_traversal(e)) {
    std::string address = referenced_address(e);
    if (!address.empty()) {
      if (std::find(out.begin(), out.end(), address) == out.end()) out.push_back(address);
    }
  }
  for (const Expr& item : e.items) collect(item, out, depth + 1);
}

void RefIndex::add_expr(const Expr& e, unsigned depth) {
  if (depth > kMaxDepth) return;
  if (is_traversal(e)) {
    std::string address = referenced_address(e);
    if (!address.empty()) by_loc_[key(e.loc)] = {std::move(address)};
  }
  for (const Expr& item : e.items) add_expr(item, depth + 1);
}

void RefIndex::add_body(const hcl::Body& body) {
  for (const auto& a : body.attributes) add_expr(a.value);
  for (const auto& b : body.blocks) add_body(b.body);
}

const std::vector<std::string>* RefIndex::at(core::Loc at) const {
  const auto it = by_loc_.find(key(at));
  return it == by_loc_.end() ? nullptr : &it->second;
}

Node to_node(const eval::Value& v, const Conversion& c, unsigned depth) {
  Node n;
  n.loc = v.loc.file == c.file && v.loc.valid() ? v.loc : c.fallback;
  if (depth > kMaxDepth) {
    n.kind = NodeKind::kUnknown;
    n.text = "value nested too deeply";
    return n;
  }
  switch (v.kind) {
    case eval::ValueKind::kNull:
      break;
    case eval::ValueKind::kBool:
      n.kind = NodeKind::kBool;
      n.boolean = v.boolean;
      n.text = v.boolean ? "true" : "false";
      break;
    case eval::ValueKind::kNumber:
      n.kind = NodeKind::kNumber;
      n.text = eval::number_text(v.number);
      break;
    case eval::ValueKind::kString:
      n.kind = NodeKind::kString;
      n.text = v.text;
      break;
    case eval::ValueKind::kList:
      n.kind = NodeKind::kSeq;
      n.items.reserve(v.items.size());
      for (const auto& item : v.items) n.items.push_back(to_node(item, c, depth + 1));
      break;
    case eval::ValueKind::kObject:
      n.kind = NodeKind::kMap;
      n.members.reserve(v.members.size());
      for (const auto& m : v.members) {
        Member member;
        member.value = to_node(m.value, c, depth + 1);
        member.key = Node::make_string(m.key, member.value.loc);
        n.members.push_back(std::move(member));
      }
      break;
    case eval::ValueKind::kUnknown:
      if (!v.partial.empty()) {  // known text around unknown interpolations
        n.kind = NodeKind::kString;
        n.partial = true;
        n.text = v.partial;
        for (const auto& segment : v.items) {
          n.items.push_back(to_node(segment, c, depth + 1));
          for (const auto& r : n.items.back().refs) {
            if (std::find(n.refs.begin(), n.refs.end(), r) == n.refs.end()) n.refs.push_back(r);
          }
        }
        break;
      }
      n.kind = NodeKind::kUnknown;
      n.text = v.text;
      if (c.refs != nullptr) {
        if (const auto* refs = c.refs->at(v.loc)) n.refs = *refs;
      }
      break;
  }
  return n;
}

Node body_node(const hcl::Body& body, eval::Evaluator& ev, const eval::Bindings& bindings,
               const Conversion& c, unsigned depth) {
  Node map;
  map.kind = NodeKind::kMap;
  map.loc = c.fallback;
  for (const auto& a : body.attributes) {
    Conversion at = c;
    at.fallback = a.loc;
    Member m;
    m.key = Node::make_string(a.name, a.loc);
    m.value = to_node(ev.eval(a.value, bindings), at);
    // The reference may sit in a local or another file: the attribute's own references count.
    if (m.value.is_unknown() && m.value.refs.empty()) RefIndex::collect(a.value, m.value.refs);
    map.members.push_back(std::move(m));
  }
  if (depth > kMaxDepth) return map;
  for (const auto& b : body.blocks) {
    const bool dynamic = b.type == "dynamic" && b.labels.size() == 1;
    const std::string& type = dynamic ? b.labels[0] : b.type;
    Member* slot = nullptr;
    for (auto& m : map.members) {
      if (m.key.text == type) slot = &m;
    }
    if (slot == nullptr) {
      Member m;
      m.key = Node::make_string(type, b.loc);
      m.value.kind = NodeKind::kSeq;
      m.value.loc = b.loc;
      map.members.push_back(std::move(m));
      slot = &map.members.back();
    }
    if (dynamic) {
      slot->value = Node::make_unknown(
          "dynamic \"" + type + "\" block: its content is generated when Terraform runs", b.loc);
      continue;
    }
    if (!slot->value.is_seq()) continue;
    Conversion inner = c;
    inner.fallback = b.loc;
    slot->value.items.push_back(body_node(b.body, ev, bindings, inner, depth + 1));
  }
  return map;
}

}  // namespace ecsguard::parse::terraform
