#include "ecsguard/report/report.h"

namespace ecsguard::report {

std::size_t count_failing(const ReportData& data) {
  if (data.fail_never) return 0;
  std::size_t n = 0;
  for (const auto& f : data.findings) {
    if (f.status == core::Status::kFail && f.severity >= data.fail_on) {
      ++n;
    }
  }
  return n;
}

}  // namespace ecsguard::report
