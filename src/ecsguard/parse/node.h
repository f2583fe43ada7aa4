#pragma once
// The one document tree every loader produces (JSON, YAML, later HCL and plan JSON). Every node
// carries its file/line/column. YAML CloudFormation short-form tags are already rewritten to their
// long forms (`!Ref X` -> {"Ref": "X"}), so the intrinsic resolver sees one shape.
//
// The same type also carries *resolved* values (parse/cfn/resolver.h): a resolved node may be
// kUnknown (the value cannot be known statically; `text` holds the reason) or a partially known
// string (`partial`, unknown segments replaced by kUnknownMark), and it records in `refs` the
// logical ids of the resources it references. A partial string produced by the resolver keeps, in
// `items`, one kUnknown node per kUnknownMark segment (in order): the reason of each segment.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/location.h"
#include "ecsguard/model/partial_str.h"

namespace ecsguard::parse {

enum class NodeKind : std::uint8_t { kNull, kBool, kNumber, kString, kSeq, kMap, kUnknown };

// Stands for an unknown segment inside a partially known string (ASCII SUB).
inline constexpr char kUnknownMark = model::partial::kUnknownSegment;

struct Member;

struct Node {
  NodeKind kind = NodeKind::kNull;
  bool boolean = false;  // kBool: the value
  bool quoted = false;   // YAML: the scalar was quoted or block-literal (a string by construction)
  bool partial = false;  // kString: some segments unknown (marked with kUnknownMark)
  core::Loc loc;
  std::string text;               // kString/kNumber: the scalar text; kUnknown: the reason
  std::vector<Node> items;        // kSeq
  std::vector<Member> members;    // kMap, document order
  std::vector<std::string> refs;  // resolved values: resource logical ids referenced (Ref/GetAtt)

  [[nodiscard]] bool is_null() const noexcept { return kind == NodeKind::kNull; }
  [[nodiscard]] bool is_map() const noexcept { return kind == NodeKind::kMap; }
  [[nodiscard]] bool is_seq() const noexcept { return kind == NodeKind::kSeq; }
  [[nodiscard]] bool is_string() const noexcept { return kind == NodeKind::kString; }
  [[nodiscard]] bool is_unknown() const noexcept { return kind == NodeKind::kUnknown; }
  // A scalar whose text is fully known (string, number or bool).
  [[nodiscard]] bool is_known_scalar() const noexcept {
    return (kind == NodeKind::kString && !partial) || kind == NodeKind::kNumber ||
           kind == NodeKind::kBool;
  }
  // Text of a known scalar ("true"/"false" for booleans).
  [[nodiscard]] std::string scalar_text() const;

  // Map lookup, exact key. nullptr when absent or not a map.
  [[nodiscard]] const Node* find(std::string_view key) const noexcept;
  // Map lookup ignoring ASCII case: ECS uses PascalCase in CloudFormation and camelCase in task
  // definition JSON for the same property (ReadonlyRootFilesystem / readonlyRootFilesystem).
  [[nodiscard]] const Node* find_ci(std::string_view key) const noexcept;
  [[nodiscard]] const Member* find_member(std::string_view key) const noexcept;

  static Node make_string(std::string s, core::Loc loc = {});
  static Node make_unknown(std::string reason, core::Loc loc = {});
};

struct Member {
  Node key;  // always a scalar (kString for JSON; YAML keys are scalars as CloudFormation requires)
  Node value;
};

// A loaded file: one root node (the first YAML document) and its file id.
struct Document {
  core::FileId file = 0;
  Node root;
};

}  // namespace ecsguard::parse
