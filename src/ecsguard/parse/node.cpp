#include "ecsguard/parse/node.h"

#include "ecsguard/core/strings.h"

namespace ecsguard::parse {

std::string Node::scalar_text() const {
  if (kind == NodeKind::kBool) return boolean ? "true" : "false";
  return text;
}

const Member* Node::find_member(std::string_view key) const noexcept {
  if (kind != NodeKind::kMap) return nullptr;
  for (const auto& m : members) {
    if (m.key.text == key) return &m;
  }
  return nullptr;
}

const Node* Node::find(std::string_view key) const noexcept {
  const Member* m = find_member(key);
  return m ? &m->value : nullptr;
}

const Node* Node::find_ci(std::string_view key) const noexcept {
  if (kind != NodeKind::kMap) return nullptr;
  if (const Node* exact = find(key)) return exact;
  for (const auto& m : members) {
    if (core::iequals(m.key.text, key)) return &m.value;
  }
  return nullptr;
}

Node Node::make_string(std::string s, core::Loc loc) {
  Node n;
  n.kind = NodeKind::kString;
  n.text = std::move(s);
  n.loc = loc;
  return n;
}

Node Node::make_unknown(std::string reason, core::Loc loc) {
  Node n;
  n.kind = NodeKind::kUnknown;
  n.text = std::move(reason);
  n.loc = loc;
  return n;
}

}  // namespace ecsguard::parse
