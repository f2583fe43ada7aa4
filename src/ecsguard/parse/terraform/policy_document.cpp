#include "ecsguard/parse/terraform/policy_document.h"

#include <string>
#include <string_view>
#include <utility>

namespace ecsguard::parse::terraform {

namespace {

using hcl::ExprKind;

// data.aws_iam_policy_document.<name>.json -> <name>
const std::string* document_name(const hcl::Expr& e) {
  if (e.kind != ExprKind::kGetAttr || e.name != "json") return nullptr;
  const hcl::Expr& name = e.items[0];
  if (name.kind != ExprKind::kGetAttr) return nullptr;
  const hcl::Expr& type = name.items[0];
  if (type.kind != ExprKind::kGetAttr || type.name != "aws_iam_policy_document") return nullptr;
  const hcl::Expr& root = type.items[0];
  if (root.kind != ExprKind::kVariable || root.name != "data") return nullptr;
  return &name.name;
}

struct Found {
  const hcl::Block* block = nullptr;
  core::FileId file = 0;
};

Found find_data(const BuildContext& b, const std::string& name) {
  for (const auto& f : b.module.files) {
    for (const auto& blk : f->ast.body.blocks) {
      if (blk.type == "data" && blk.labels.size() == 2 &&
          blk.labels[0] == "aws_iam_policy_document" && blk.labels[1] == name) {
        return {&blk, f->ast.file};
      }
    }
  }
  return {};
}

Member member(std::string key, Node value, core::Loc at) {
  return Member{Node::make_string(std::move(key), at), std::move(value)};
}

const Member* find(const Node& map, std::string_view key) { return map.find_member(key); }

// principals { type = "AWS", identifiers = [...] } blocks -> {"AWS": [...]} ("*" for type "*").
Node principals(const Node& blocks) {
  if (!blocks.is_seq()) return blocks;  // unknown (a dynamic block)
  Node out;
  out.kind = NodeKind::kMap;
  out.loc = blocks.loc;
  for (const Node& p : blocks.items) {
    const Member* type = find(p, "type");
    const Member* ids = find(p, "identifiers");
    if (type == nullptr || ids == nullptr) continue;
    if (type->value.is_string() && type->value.text == "*") {
      return Node::make_string("*", type->value.loc);
    }
    if (!type->value.is_string()) {
      Node u = Node::make_unknown("principal type not known statically", type->value.loc);
      u.refs = type->value.refs;
      return u;
    }
    out.members.push_back(member(type->value.text, ids->value, type->key.loc));
  }
  return out;
}

// condition { test, variable, values } blocks -> {test: {variable: values}}.
Node conditions(const Node& blocks) {
  if (!blocks.is_seq()) return blocks;
  Node out;
  out.kind = NodeKind::kMap;
  out.loc = blocks.loc;
  for (const Node& c : blocks.items) {
    const Member* test = find(c, "test");
    const Member* variable = find(c, "variable");
    const Member* values = find(c, "values");
    if (test == nullptr || variable == nullptr || values == nullptr) continue;
    if (!test->value.is_string() || !variable->value.is_string()) {
      return Node::make_unknown("condition operator or key not known statically", c.loc);
    }
    Member* slot = nullptr;
    for (auto& m : out.members) {
      if (m.key.text == test->value.text) slot = &m;
    }
    if (slot == nullptr) {
      Node inner;
      inner.kind = NodeKind::kMap;
      inner.loc = c.loc;
      out.members.push_back(member(test->value.text, std::move(inner), test->key.loc));
      slot = &out.members.back();
    }
    slot->value.members.push_back(member(variable->value.text, values->value, variable->key.loc));
  }
  return out;
}

Node statement(const Node& s) {
  Node out;
  out.kind = NodeKind::kMap;
  out.loc = s.loc;
  static constexpr std::pair<std::string_view, std::string_view> kLists[] = {
      {"sid", "Sid"},
      {"effect", "Effect"},
      {"actions", "Action"},
      {"not_actions", "NotAction"},
      {"resources", "Resource"},
      {"not_resources", "NotResource"},
  };
  for (const auto& [tf, iam] : kLists) {
    if (const Member* m = find(s, tf))
      out.members.push_back(member(std::string(iam), m->value, m->key.loc));
  }
  if (find(s, "effect") == nullptr) {
    out.members.push_back(member("Effect", Node::make_string("Allow", s.loc), s.loc));
  }
  if (const Member* m = find(s, "principals")) {
    out.members.push_back(member("Principal", principals(m->value), m->key.loc));
  }
  if (const Member* m = find(s, "not_principals")) {
    out.members.push_back(member("NotPrincipal", principals(m->value), m->key.loc));
  }
  if (const Member* m = find(s, "condition")) {
    out.members.push_back(member("Condition", conditions(m->value), m->key.loc));
  }
  return out;
}

}  // namespace

std::optional<Node> policy_document(BuildContext& b, const hcl::Expr& e) {
  const std::string* name = document_name(e);
  if (name == nullptr) return std::nullopt;
  const Found found = find_data(b, *name);
  if (found.block == nullptr) return std::nullopt;
  if (find_attribute(found.block->body, "count") != nullptr ||
      find_attribute(found.block->body, "for_each") != nullptr ||
      find_attribute(found.block->body, "source_policy_documents") != nullptr ||
      find_attribute(found.block->body, "override_policy_documents") != nullptr) {
    return Node::make_unknown("data.aws_iam_policy_document." + *name +
                                  " uses count, for_each or merged documents: not rendered "
                                  "statically",
                              e.loc);
  }
  const ResourceInstance r{found.block, found.file, "data.aws_iam_policy_document." + *name, {}};
  const Node body = instance_node(b, r);
  Node doc;
  doc.kind = NodeKind::kMap;
  doc.loc = found.block->loc;
  if (const Member* v = find(body, "version")) {
    doc.members.push_back(member("Version", v->value, v->key.loc));
  }
  Node statements;
  statements.kind = NodeKind::kSeq;
  statements.loc = found.block->loc;
  if (const Member* s = find(body, "statement")) {
    if (!s->value.is_seq()) {
      statements = s->value;  // a dynamic "statement" block: unknown
    } else {
      for (const Node& one : s->value.items) statements.items.push_back(statement(one));
    }
  }
  doc.members.push_back(member("Statement", std::move(statements), found.block->loc));
  return doc;
}

}  // namespace ecsguard::parse::terraform
