#pragma once
// Three-valued model fields: a property is Absent (not written: the catalog's default applies),
// Known (a concrete value), or Unknown (written, but not statically knowable: a parameter without
// default, a Ref to a runtime attribute, an Fn::If on an unknown condition...). Checks must treat
// Unknown as "could not be determined", never as pass or fail.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/core/location.h"

namespace ecsguard::model {

enum class Presence : unsigned char { kAbsent, kKnown, kUnknown };

template <class T>
struct Value {
  Presence state = Presence::kAbsent;
  T value{};                      // meaningful when known (for strings: partial text when unknown)
  std::string reason;             // when unknown: why
  core::Loc loc;                  // where the value (or its key) is written; invalid when absent
  std::vector<std::string> refs;  // logical ids of resources the value references (Ref/GetAtt/Sub)

  [[nodiscard]] bool absent() const noexcept { return state == Presence::kAbsent; }
  [[nodiscard]] bool known() const noexcept { return state == Presence::kKnown; }
  [[nodiscard]] bool unknown() const noexcept { return state == Presence::kUnknown; }
  [[nodiscard]] const T* get() const noexcept { return known() ? &value : nullptr; }
  // Known value, or `fallback` when absent; nullopt when unknown.
  [[nodiscard]] std::optional<T> or_default(T fallback) const {
    if (known()) return value;
    if (absent()) return fallback;
    return std::nullopt;
  }

  static Value of(T v, core::Loc at = {}) {
    Value out;
    out.state = Presence::kKnown;
    out.value = std::move(v);
    out.loc = at;
    return out;
  }
  static Value unknown_because(std::string why,  // NOLINT(performance-unnecessary-value-param)
                               core::Loc at = {}) {
    Value out;
    out.state = Presence::kUnknown;
    out.reason = std::move(why);
    out.loc = at;
    return out;
  }
};

using Str = Value<std::string>;
using Bool = Value<bool>;
using Int = Value<long long>;
// A list property: the list itself may be absent/unknown; its elements carry their own state.
using StrList = Value<std::vector<Str>>;

// A boolean written as the string "true"/"false" (accepted by CloudFormation, a smell in task
// definition JSON) keeps this flag so checks can warn about it.
struct FlexBool : Bool {
  bool from_string = false;
  // Written as a string where the input format takes only a boolean (task definition JSON; not
  // CloudFormation, whose parameters are strings): the builder read it anyway, checks may warn.
  bool string_for_boolean = false;
};

// An on/off setting as the input format spells it (ENABLED / DISABLED in CloudFormation and the
// ECS API, true / false in Terraform), normalised by the builder. The Str part keeps the text as
// written (for "not a valid value" messages); `valid` and `on` are meaningful when known.
struct Toggle : Value<std::string> {
  bool valid = false;  // the text is one of the format's spellings
  bool on = false;     // when valid: enabled
};

// The builders' normalisation: `text` (any state, kept as it is) is on when its value is one of
// `on`, valid when it is one of `on` or `off`; compared as written, or trimmed and ASCII
// case-insensitively when `ignore_case` (where the service accepts any case).
Toggle to_toggle(Value<std::string> text, std::initializer_list<std::string_view> on,
                 std::initializer_list<std::string_view> off, bool ignore_case = false);

// Name/value pair (environment, log driver options, docker labels).
struct KeyValue {
  Str name;
  Str value;
  core::Loc loc;
};

}  // namespace ecsguard::model
