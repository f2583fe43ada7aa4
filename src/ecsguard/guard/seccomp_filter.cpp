#include "ecsguard/guard/seccomp_filter.h"

#include <fcntl.h>
#include <linux/audit.h>
#include <linux/seccomp.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <sstream>

namespace ecsguard::guard {
namespace {

constexpr std::uint32_t kX32Bit = 0x40000000U;

#if defined(__x86_64__)
constexpr std::uint32_t kNativeArch = AUDIT_ARCH_X86_64;
#endif

sock_filter stmt(std::uint16_t code, std::uint32_t k) { return sock_filter{code, 0, 0, k}; }
sock_filter jump(std::uint16_t code, std::uint32_t k, std::uint8_t jt, std::uint8_t jf) {
  return sock_filter{code, jt, jf, k};
}
sock_filter ret(std::uint32_t action) { return stmt(BPF_RET | BPF_K, action); }
sock_filter load_word(std::size_t offset) {
  return stmt(BPF_LD | BPF_W | BPF_ABS, static_cast<std::uint32_t>(offset));
}
std::size_t arg_low_offset(std::uint8_t arg) {
  // Little endian: the low 32 bits of args[i] come first.
  return offsetof(seccomp_data, args) + sizeof(std::uint64_t) * arg;
}

// Instructions for one traced syscall; the accumulator holds the syscall number on entry and every
// path ends in a return.
std::vector<sock_filter> action_block(const SyscallTest& t, std::uint32_t stop) {
  switch (t.kind) {
    case SyscallTest::Kind::kAlways:
      return {ret(stop)};
    case SyscallTest::Kind::kFlagsAny:
      return {load_word(arg_low_offset(t.arg)), jump(BPF_JMP | BPF_JSET | BPF_K, t.value, 0, 1),
              ret(stop), ret(SECCOMP_RET_ALLOW)};
    case SyscallTest::Kind::kArgAtMost:
      // arg > value: skip the stop.
      return {load_word(arg_low_offset(t.arg)), jump(BPF_JMP | BPF_JGT | BPF_K, t.value, 1, 0),
              ret(stop), ret(SECCOMP_RET_ALLOW)};
  }
  return {ret(stop)};
}

// Binary search over sorted tests [lo, hi): about log2(n) compares for an untraced syscall, which
// matters on kernels without the seccomp action cache (< 5.11), where every syscall runs the
// program.
std::vector<sock_filter> search(const std::vector<SyscallTest>& v, std::size_t lo, std::size_t hi,
                                std::uint32_t stop) {
  std::vector<sock_filter> out;
  if (hi - lo <= 3) {
    for (std::size_t i = lo; i < hi; ++i) {
      auto block = action_block(v[i], stop);
      out.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, static_cast<std::uint32_t>(v[i].nr), 0,
                         static_cast<std::uint8_t>(block.size())));
      out.insert(out.end(), block.begin(), block.end());
    }
    out.push_back(ret(SECCOMP_RET_ALLOW));
    return out;
  }
  std::size_t mid = (lo + hi) / 2;
  auto left = search(v, lo, mid, stop);
  auto right = search(v, mid, hi, stop);
  auto pivot = static_cast<std::uint32_t>(v[mid].nr);
  if (right.size() <= 255) {
    out.push_back(
        jump(BPF_JMP | BPF_JGE | BPF_K, pivot, 0, static_cast<std::uint8_t>(right.size())));
  } else {
    // Conditional jumps reach 255 instructions at most: hop over the right half with JA.
    out.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, pivot, 1, 0));
    out.push_back(stmt(BPF_JMP | BPF_JA, static_cast<std::uint32_t>(right.size())));
  }
  out.insert(out.end(), right.begin(), right.end());
  out.insert(out.end(), left.begin(), left.end());
  return out;
}

// Merges duplicates: kAlways beats an argument test; two argument tests of different kinds on the
// same syscall collapse to kAlways (conservative: more stops, never fewer).
std::vector<SyscallTest> normalise(const std::vector<SyscallTest>& in) {
  std::map<int, SyscallTest> by_nr;
  for (const auto& t : in) {
    if (t.nr < 0) continue;
    auto [it, inserted] = by_nr.emplace(t.nr, t);
    if (inserted) continue;
    SyscallTest& cur = it->second;
    if (cur.kind == SyscallTest::Kind::kAlways) continue;
    if (t.kind == SyscallTest::Kind::kAlways || t.kind != cur.kind || t.arg != cur.arg) {
      cur.kind = SyscallTest::Kind::kAlways;
    } else if (t.kind == SyscallTest::Kind::kFlagsAny) {
      cur.value |= t.value;
    } else {
      cur.value = std::max(cur.value, t.value);
    }
  }
  std::vector<SyscallTest> out;
  out.reserve(by_nr.size());
  for (auto& [nr, t] : by_nr) out.push_back(t);
  return out;
}

}  // namespace

std::uint32_t open_write_flags() noexcept {
  return static_cast<std::uint32_t>(O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND);
}

std::vector<sock_filter> build_filter(const FilterSpec& spec) {
  const std::uint32_t foreign = spec.stop_foreign_abi ? spec.stop_action : SECCOMP_RET_ALLOW;
  std::vector<sock_filter> prog = {
      load_word(offsetof(seccomp_data, arch)), jump(BPF_JMP | BPF_JEQ | BPF_K, kNativeArch, 1, 0),
      ret(foreign),  // i386 (int $0x80) or any other ABI
      load_word(offsetof(seccomp_data, nr)),
      // nr -1 is the "skip" convention (a tracer cancelling a call, probing): the kernel answers
      // ENOSYS by itself; it must not be caught by the x32 test below.
      jump(BPF_JMP | BPF_JEQ | BPF_K, 0xffffffffU, 0, 1), ret(SECCOMP_RET_ALLOW),
      jump(BPF_JMP | BPF_JGE | BPF_K, kX32Bit, 0, 1),
      ret(foreign),  // x32 numbers share the x86_64 arch value
  };
  auto tests = normalise(spec.tests);
  if (tests.empty()) {
    prog.push_back(ret(SECCOMP_RET_ALLOW));
    return prog;
  }
  auto body = search(tests, 0, tests.size(), spec.stop_action);
  prog.insert(prog.end(), body.begin(), body.end());
  return prog;
}

std::string disassemble(const std::vector<sock_filter>& prog) {
  std::ostringstream os;
  for (std::size_t i = 0; i < prog.size(); ++i) {
    const auto& ins = prog[i];
    os << i << ": ";
    switch (BPF_CLASS(ins.code)) {
      case BPF_LD:
        os << "ld [" << ins.k << "]";
        break;
      case BPF_RET:
        os << "ret 0x" << std::hex << ins.k << std::dec;
        break;
      case BPF_JMP:
        if (BPF_OP(ins.code) == BPF_JA) {
          os << "ja +" << ins.k;
        } else {
          const char* op = BPF_OP(ins.code) == BPF_JEQ   ? "jeq"
                           : BPF_OP(ins.code) == BPF_JGE ? "jge"
                           : BPF_OP(ins.code) == BPF_JGT ? "jgt"
                                                         : "jset";
          os << op << " 0x" << std::hex << ins.k << std::dec << " jt " << int{ins.jt} << " jf "
             << int{ins.jf};
        }
        break;
      default:
        os << "op 0x" << std::hex << ins.code << std::dec;
    }
    os << '\n';
  }
  return os.str();
}

}  // namespace ecsguard::guard
