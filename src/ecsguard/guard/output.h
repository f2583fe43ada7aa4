#pragma once
// Falco priorities, output templates ("... file=%fd.name parent=%proc.pname") and the alert record
// handed to the writer threads. Values are captured on the tracer thread while the tracee is
// stopped; JSON is built on the writer thread.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ecsguard/guard/fields.h"

namespace ecsguard::guard {

enum class Priority : std::uint8_t {
  kEmergency = 0,
  kAlert,
  kCritical,
  kError,
  kWarning,
  kNotice,
  kInformational,
  kDebug,
};
std::optional<Priority> parse_priority(std::string_view s) noexcept;
// "Warning", "Notice", ... (Falco's JSON spelling).
std::string_view priority_name(Priority p) noexcept;

// A typed output field value; monostate = <NA> (null in JSON).
using FieldValue = std::variant<std::monostate, std::string, std::int64_t, bool>;

struct Alert {
  std::string rule;
  Priority priority = Priority::kWarning;
  std::string source = "syscall";
  std::int64_t ts_ns = 0;
  std::string output;  // rendered template (without the time/priority prefix)
  std::vector<std::pair<std::string, FieldValue>> fields;
  std::vector<std::string> tags;
  std::string action;   // "", "denied", "killed"
  bool record = false;  // a record about the guard itself (start, degraded), not a rule's alert
};

class OutputTemplate {
 public:
  // Unknown or unsupported fields render as <NA>; they are returned in `unknown` for a warning.
  static OutputTemplate compile(std::string_view text, std::vector<std::string>* unknown);
  void render(EvalCtx& ctx, Alert& alert) const;
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

 private:
  struct Part {
    std::string literal;
    std::optional<FieldRef> field;
    std::string field_name;  // as written, for output_fields keys
  };
  std::string text_;
  std::vector<Part> parts_;
};

// The typed value of a field for output_fields.
FieldValue field_value(EvalCtx& ctx, const FieldRef& ref);
std::string field_value_text(const FieldValue& v);

}  // namespace ecsguard::guard
