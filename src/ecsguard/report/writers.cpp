#include "ecsguard/report/writers.h"

#include <array>

namespace ecsguard::report {

namespace {

void table(const ReportData& data, std::ostream& out, const WriteOptions& options) {
  write_table(data, out,
              TableOptions{.color = options.color,
                           .lang = options.lang,
                           .verbose = options.verbose,
                           .quiet = options.quiet,
                           .compact = options.compact,
                           .width = options.width});
}

void json(const ReportData& data, std::ostream& out, const WriteOptions& /*options*/) {
  write_json(data, out);
}

constexpr std::array kWriters = {
    Writer{"table", "terminal table grouped by resource", false, &table},
    Writer{"json", "the JSON contract of docs/json-format.md", true, &json},
};

}  // namespace

std::span<const Writer> writers() noexcept { return kWriters; }

const Writer* find_writer(std::string_view name) noexcept {
  for (const auto& w : kWriters) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

}  // namespace ecsguard::report
