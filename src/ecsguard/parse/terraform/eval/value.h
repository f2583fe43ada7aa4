#pragma once
// A Terraform value as far as it is known statically (the HCL evaluator's result type).
//
// Like model::Value it is three-valued: a known value (null, bool, number, string, list/tuple,
// object/map), or Unknown with the reason and the location where it became unknown (a resource
// attribute known only after apply, a variable without default, a function not evaluated
// statically...). Any operation with an Unknown operand is Unknown with that operand's reason, so
// Unknown never silently turns into a guess. Lists and tuples share kList, maps and objects share
// kObject; object members are kept sorted by key (Terraform's iteration and jsonencode order).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/core/location.h"

namespace ecsguard::parse::terraform::eval {

enum class ValueKind : std::uint8_t { kNull, kBool, kNumber, kString, kList, kObject, kUnknown };

struct Member;

struct Value {
  ValueKind kind = ValueKind::kNull;
  bool boolean = false;
  double number = 0;
  std::string text;             // kString: the string; kUnknown: the reason
  core::Loc loc;                // where it was written / became unknown
  std::vector<Value> items;     // kList; kUnknown with `partial`: the unknown segments, in order
  std::vector<Member> members;  // sorted by key, unique keys
  // kUnknown from a template whose literal parts are known ("${aws_ecr_repository.r.url}:v1"):
  // the text with one model::partial::kUnknownSegment byte per unknown interpolation ("" when
  // nothing of it is known). Only a conversion to the model reads it; to everything else the
  // value is Unknown (reason and loc of the first unknown part).
  std::string partial;

  [[nodiscard]] bool known() const noexcept { return kind != ValueKind::kUnknown; }
  [[nodiscard]] bool is_null() const noexcept { return kind == ValueKind::kNull; }
  // Member lookup (kObject), nullptr when absent.
  [[nodiscard]] const Value* find(std::string_view key) const noexcept;
  // Inserts or replaces, keeping members sorted.
  void set(std::string key, Value v);

  static Value null(core::Loc at = {});
  static Value of_bool(bool b, core::Loc at = {});
  static Value of_number(double n, core::Loc at = {});
  static Value of_string(std::string s, core::Loc at = {});
  static Value list(std::vector<Value> items, core::Loc at = {});
  static Value object(core::Loc at = {});
  static Value unknown(std::string reason, core::Loc at = {});
};

struct Member {
  std::string key;
  Value value;
};

// Deep equality of known values (numbers by value); false when either is unknown.
[[nodiscard]] bool equal(const Value& a, const Value& b);
// A number as Terraform prints it ("3", "0.5", "1e+21" never: decimal digits).
[[nodiscard]] std::string number_text(double n);
// tostring(): strings as they are, numbers and booleans printed; false for other kinds.
[[nodiscard]] bool to_text(const Value& v, std::string& out);
// The first Unknown among `values`, or nullptr.
[[nodiscard]] const Value* first_unknown(const std::vector<Value>& values) noexcept;

}  // namespace ecsguard::parse::terraform::eval
