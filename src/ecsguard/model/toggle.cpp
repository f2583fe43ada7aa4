#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "ecsguard/core/strings.h"
#include "ecsguard/model/value.h"

namespace ecsguard::model {

Toggle to_toggle(Value<std::string> text, std::initializer_list<std::string_view> on,
                 std::initializer_list<std::string_view> off, bool ignore_case) {
  Toggle t;
  static_cast<Value<std::string>&>(t) = std::move(text);
  if (!t.known()) return t;
  const std::string_view v = ignore_case ? core::trim(t.value) : std::string_view(t.value);
  const auto is = [&](std::string_view s) { return ignore_case ? core::iequals(v, s) : v == s; };
  for (std::string_view s : on) t.on = t.on || is(s);
  bool off_text = false;
  for (std::string_view s : off) off_text = off_text || is(s);
  t.valid = t.on || off_text;
  return t;
}

}  // namespace ecsguard::model
