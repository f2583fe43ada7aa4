// Fuzz target: bytes -> parse::dockerfile::parse -> resolve. Either a limit error with a location
// or a Dockerfile whose every instruction, heredoc and diagnostic lies inside the input's lines,
// whose stages index real FROM instructions, and whose resolved view has one entry per stage;
// every diagnostic renders in both languages. A violation aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "ecsguard/parse/dockerfile/dockerfile.h"
#include "ecsguard/parse/dockerfile/resolve.h"

namespace {

using namespace ecsguard::parse::dockerfile;
constexpr ecsguard::core::FileId kFile = 1;

[[noreturn]] void violated(const char* what, std::uint32_t line) {
  static_cast<void>(
      std::fprintf(stderr, "dockerfile invariant violated: %s (line %u)\n", what, line));
  std::abort();
}

std::uint32_t line_count(std::string_view text) {
  std::uint32_t n = 1;
  for (char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

void check_instruction(const Instruction& ins, std::uint32_t lines) {
  if (ins.loc.file != kFile || ins.loc.line == 0 || ins.loc.line > lines) {
    violated("instruction line", ins.loc.line);
  }
  if (ins.end_line < ins.loc.line || ins.end_line > lines) violated("end line", ins.end_line);
  if (ins.trigger.size() > 1) violated("more than one ONBUILD trigger", ins.loc.line);
  for (const auto& h : ins.heredocs) {
    if (h.first_line != 0 && (h.first_line <= ins.loc.line || h.first_line > lines)) {
      violated("heredoc line", h.first_line);
    }
  }
  // ONBUILD ONBUILD x records the inner kind only: never a third level.
  for (const auto& t : ins.trigger) {
    for (const auto& tt : t.trigger) {
      if (!tt.trigger.empty()) violated("ONBUILD chain parsed past two levels", ins.loc.line);
    }
  }
}

void check_diagnostics(const std::vector<Diagnostic>& diags, std::uint32_t lines) {
  for (const auto& d : diags) {
    if (d.where.file != kFile || d.where.line > lines) violated("diagnostic line", d.where.line);
    if (d.text().empty() || d.text(ecsguard::parse::detail::Lang::kJa).empty()) {
      violated("diagnostic text", d.where.line);
    }
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the libFuzzer entry point
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Limits limits;
  limits.max_file_bytes = 256u << 10;
  limits.max_line_bytes = 64u << 10;
  limits.max_heredoc_bytes = 64u << 10;
  limits.max_expansion_bytes = 64u << 10;
  auto r = parse(text, kFile, limits);
  const std::uint32_t lines = line_count(text);
  if (!r.ok()) {
    if (r.error().code != ecsguard::core::Errc::kLimit || r.error().message.empty()) {
      violated("error that is not a limit", r.error().where.line);
    }
    return 0;
  }
  const Dockerfile& df = r.value();
  for (const auto& ins : df.instructions) check_instruction(ins, lines);
  check_diagnostics(df.diagnostics, lines);
  for (const auto& st : df.stages) {
    if (st.from >= df.instructions.size() || df.instructions[st.from].kind != Kind::kFrom) {
      violated("stage without its FROM", 0);
    }
    for (std::size_t i : st.body) {
      if (i <= st.from || i >= df.instructions.size()) violated("stage body index", 0);
    }
  }
  const Resolved res = resolve(df, limits);
  if (res.stages.size() != df.stages.size()) violated("resolved stage count", 0);
  check_diagnostics(res.diagnostics, lines);
  for (std::size_t i = 0; i < res.stages.size(); ++i) {
    if (res.stages[i].parent && *res.stages[i].parent >= i) violated("parent after child", 0);
    static_cast<void>(res.root_of(i));
  }
  return 0;
}
