#include "ecsguard/report/output_plan.h"

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "ecsguard/core/strings.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"

namespace ecsguard::report {

namespace {

namespace msg = i18n::msg::formats::output;

// The names CONVENTIONS.md §3.4 uses (Checkov's), accepted beside ours.
std::string_view canonical_name(std::string_view name) {
  if (name == "cli") return "table";
  if (name == "junitxml") return "junit";
  return name;
}

core::Error usage(std::string message) {
  return core::make_error(core::Errc::kUsage, std::move(message));
}

}  // namespace

core::Result<std::vector<OutputTarget>> plan_outputs(std::span<const std::string> formats,
                                                     std::span<const std::string> outputs,
                                                     std::string_view output_dir, i18n::Lang lang) {
  std::vector<OutputTarget> out;
  for (const auto& value : formats) {
    for (auto part : core::split(value, ',')) {
      const auto name = core::to_lower(core::trim(part));
      if (name.empty()) continue;
      const Writer* w = find_writer(canonical_name(name));
      if (w == nullptr) return usage("unknown format '" + std::string(core::trim(part)) + "'");
      out.push_back({w, "-"});
    }
  }
  if (out.empty()) out.push_back({find_writer("table"), "-"});
  if (outputs.size() > out.size()) {
    return usage(
        i18n::render(msg::TooMany{.outputs = outputs.size(), .formats = out.size()}, lang));
  }
  const OutputTarget* on_stdout = nullptr;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i < outputs.size() && !outputs[i].empty()) {
      out[i].path = outputs[i];
    } else if (!output_dir.empty()) {
      out[i].path = std::string(output_dir) + "/" + std::string(out[i].writer->default_file);
    }
    if (!out[i].to_stdout()) continue;
    if (on_stdout != nullptr) {
      return usage(i18n::render(
          msg::TwoOnStdout{.first = on_stdout->writer->name, .second = out[i].writer->name}, lang));
    }
    on_stdout = &out[i];
  }
  return out;
}

std::string report_time_now() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long v = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[32];
  const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return {buf, n};
}

}  // namespace ecsguard::report
