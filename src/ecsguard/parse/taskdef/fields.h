#pragma once
// Resolved property nodes -> model::Value fields. Shared by the CloudFormation template builder
// (nodes resolved by parse/cfn/resolver.h) and the task definition JSON builder (raw nodes).
//
// A Field is one looked-up property: absent (not written or removed by AWS::NoValue), present (a
// map member: its key gives Value.loc), or unknown because the property itself or an enclosing
// property is unknown (Fn::If on an unknown condition, a parameter without default...).
// Lookups ignore ASCII case, so PascalCase (CloudFormation) and camelCase (task definition JSON)
// spellings of the same ECS property share one code path.
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/location.h"
#include "ecsguard/model/value.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::parse::fields {

struct Field {
  const Node* node = nullptr;     // present: the (resolved) value
  core::Loc loc;                  // key of the property (or the element); invalid when absent
  bool unknown = false;           // an enclosing value cannot be known (node is then nullptr)
  std::string reason;             // when unknown
  std::vector<std::string> refs;  // when unknown: refs of the unknown enclosing value

  [[nodiscard]] bool absent() const noexcept { return node == nullptr && !unknown; }
};

// A map member looked up ignoring ASCII case (exact spelling preferred). nullptr if not a map.
const Member* member_ci(const Node& map, std::string_view key) noexcept;

// `key` of the map `node` (a property value such as a resource's Properties).
Field field(const Node& node, std::string_view key);
// `key` inside the property `parent` (nested property, e.g. ImageScanningConfiguration.ScanOnPush).
Field field(const Field& parent, std::string_view key);
// A field for a value that is not a map member (a list element): present unless kNull.
Field element(const Node& node);
// A field for a member found by iterating a map (loc = the member's key).
Field member_field(const Member& m);

// Why a resolved node is not (fully) known: the reason of a kUnknown node, or a description of a
// partially known string.
std::string unknown_reason(const Node& node);

// Scalar conversions. Numbers become their text; booleans "true"/"false".
model::Str to_str(const Field& f);
// "true"/"false" strings are accepted (FlexBool::from_string set).
model::FlexBool to_flex_bool(const Field& f);
model::Bool to_bool(const Field& f);
// An on/off setting spelled `on_text` / `off_text` (exactly: the values are case-sensitive).
model::Toggle to_toggle(const Field& f, std::string_view on_text, std::string_view off_text);
model::Int to_int(const Field& f);
// A list of scalars. With `scalar_as_list`, a single scalar counts as a one-element list (IAM
// policy Action/Resource); otherwise a scalar where a list is expected is unknown.
model::StrList to_str_list(const Field& f, bool scalar_as_list = false);
// Whether the property is written: absent / known (any non-null value) / unknown.
model::Presence presence(const Field& f);

// Elements of a list property: each element with its own loc. Unknown elements stay (as Fields
// with unknown set). Returns false (and leaves `out` empty) when the field is absent, unknown or
// not a list; `state` tells which.
bool list_elements(const Field& f, std::vector<Field>& out, model::Presence& state,
                   std::string& reason);

// The entries of a list property, each built by `make(element)`. When the list itself cannot be
// known (an Fn::If on an unknown condition, a parameter), one placeholder entry stands for what it
// may hold: `fill(entry, text)` sets its fields from the list's unknown value, and its loc (when
// it has one) is the list's, so checks report "could not be determined" there instead of seeing
// an empty list. `state` tells absent / known / unknown.
template <class T, class Make, class Fill>
std::vector<T> entries(const Field& list, model::Presence& state, Make make, Fill fill) {
  std::vector<T> out;
  std::vector<Field> items;
  std::string reason;
  list_elements(list, items, state, reason);
  out.reserve(items.size() + 1);
  for (const auto& e : items) out.push_back(make(e));
  if (state == model::Presence::kUnknown) {
    T placeholder{};
    fill(placeholder, to_str(list));
    if constexpr (requires { placeholder.loc = list.loc; }) placeholder.loc = list.loc;
    out.push_back(std::move(placeholder));
  }
  return out;
}

// Copies the unknown state of `f` into a Value.
template <class T>
void set_unknown(model::Value<T>& v, const Field& f) {
  v.state = model::Presence::kUnknown;
  v.reason = f.reason;
  v.loc = f.loc;
  v.refs = f.refs;
}

}  // namespace ecsguard::parse::fields
