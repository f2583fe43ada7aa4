#include "ecsguard/guard/seccomp_plan.h"

#include <algorithm>
#include <vector>

namespace ecsguard::guard {

FilterSpec filter_from(const TraceNeeds& needs) {
  FilterSpec spec;
  auto add = [&](EvtType t, SyscallTest::Kind kind, std::uint8_t arg, std::uint32_t value) {
    for (int nr : syscalls_of(t)) spec.tests.push_back(SyscallTest{nr, kind, arg, value});
  };
  auto add_open = [&](EvtType t) {
    if (t == EvtType::kOpen || t == EvtType::kOpenat) {
      if (needs.open_reads) {
        add(t, SyscallTest::Kind::kAlways, 0, 0);
      } else {
        // Read-only opens never stop: an exact integer test on the flags in BPF.
        add(t, SyscallTest::Kind::kFlagsAny, t == EvtType::kOpen ? 1 : 2, open_write_flags());
      }
    } else {
      add(t, SyscallTest::Kind::kAlways, 0, 0);
    }
  };
  for (std::size_t i = 0; i < kEvtCount; ++i) {
    if (!needs.events.test(i)) continue;
    auto t = static_cast<EvtType>(i);
    if (evt_desc(t).is_open) {
      add_open(t);
    } else if ((t == EvtType::kDup2 || t == EvtType::kDup3) && !needs.dup_any_fd) {
      add(t, SyscallTest::Kind::kArgAtMost, 1, 2);  // only dup onto stdin/stdout/stderr
    } else {
      add(t, SyscallTest::Kind::kAlways, 0, 0);
    }
  }
  if (needs.app_start) add(EvtType::kListen, SyscallTest::Kind::kAlways, 0, 0);
  if (needs.drift) {
    for (EvtType t : {EvtType::kOpen, EvtType::kOpenat, EvtType::kOpenat2, EvtType::kCreat})
      add_open(t);
    for (EvtType t : {EvtType::kRename, EvtType::kRenameat, EvtType::kRenameat2, EvtType::kLink,
                      EvtType::kLinkat}) {
      add(t, SyscallTest::Kind::kAlways, 0, 0);
    }
  }
  return spec;
}

std::string traced_names(const FilterSpec& spec) {
  std::vector<std::string> names;
  for (const auto& t : spec.tests) {
    auto type = evt_from_syscall(t.nr);
    if (!type) continue;
    std::string n(evt_name(*type));
    if (t.kind == SyscallTest::Kind::kFlagsAny) n += "(write)";
    if (t.kind == SyscallTest::Kind::kArgAtMost) n += "(fd<=" + std::to_string(t.value) + ")";
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  std::sort(names.begin(), names.end());
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

}  // namespace ecsguard::guard
