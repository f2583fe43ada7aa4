// parse(): logical lines -> instructions (with heredoc bodies) -> stages.
#include <set>
#include <string>
#include <utility>

#include "ecsguard/core/strings.h"
#include "ecsguard/parse/dockerfile/dockerfile.h"
#include "ecsguard/parse/dockerfile/instructions.h"
#include "ecsguard/parse/dockerfile/lines.h"
#include "ecsguard/parse/dockerfile/messages.h"
#include "ecsguard/parse/dockerfile/words.h"

namespace ecsguard::parse::dockerfile {

namespace {

// Reads the bodies of the heredocs the instruction's line opens.
core::Result<bool> read_heredocs(LineReader& reader, Instruction& ins,
                                 std::vector<Diagnostic>& diags) {
  if (!may_open_heredoc(ins) || ins.original.find("<<") == std::string::npos) return true;
  Instruction& target = ins.kind == Kind::kOnbuild ? ins.trigger.front() : ins;
  for (auto& marker : heredoc_markers(ins.original)) {
    auto body = reader.heredoc(marker.name, marker.chomp);
    if (!body.ok()) return std::move(body).error();
    if (!body->terminated) {
      diags.push_back(
          {DiagLevel::kError, "dockerfile.unterminated-heredoc", ins.loc, {{"name", marker.name}}});
    }
    target.heredocs.push_back(Heredoc{std::move(marker.name), std::move(body->content),
                                      marker.expand, marker.chomp, marker.fd, body->first_line});
    if (!body->terminated) break;
  }
  ins.end_line = reader.line();
  if (&target != &ins) target.end_line = ins.end_line;
  return true;
}

// Instructions -> meta args and stages; instructions before the first FROM other than ARG, and
// repeated stage names, are errors.
void build_stages(Dockerfile& df) {
  std::set<std::string, std::less<>> names;
  for (std::size_t i = 0; i < df.instructions.size(); ++i) {
    const Instruction& ins = df.instructions[i];
    if (ins.kind == Kind::kFrom) {
      Stage st;
      st.from = i;
      if (!ins.args.empty()) st.base = ins.args.front();
      if (ins.args.size() == 3 && core::iequals(ins.args[1], "as")) {
        st.name = core::to_lower(ins.args[2]);
        if (!names.insert(st.name).second) {
          df.diagnostics.push_back(
              {DiagLevel::kError, "dockerfile.duplicate-stage", ins.loc, {{"name", st.name}}});
        }
      }
      df.stages.push_back(std::move(st));
    } else if (df.stages.empty()) {
      if (ins.kind == Kind::kArg) {
        df.meta_args.push_back(i);
      } else if (ins.kind != Kind::kUnknown) {
        df.diagnostics.push_back({DiagLevel::kError,
                                  "dockerfile.no-stage",
                                  ins.loc,
                                  {{"keyword", std::string(to_string(ins.kind))}}});
      }
    } else {
      df.stages.back().body.push_back(i);
    }
  }
}

}  // namespace

bool Dockerfile::has_errors() const noexcept {
  for (const auto& d : diagnostics) {
    if (d.level == DiagLevel::kError) return true;
  }
  return false;
}

core::Result<Dockerfile> parse(std::string_view text, core::FileId file, const Limits& limits) {
  Dockerfile df;
  df.file = file;
  if (text.size() > limits.max_file_bytes) {
    return limit_error("dockerfile.limit-file", core::Loc{file, 0, 0},
                       {{"limit", std::to_string(limits.max_file_bytes)}});
  }
  LineReader reader(text, file, limits, df.directives, df.diagnostics);
  while (true) {
    auto line = reader.next();
    if (!line.ok()) return std::move(line).error();
    if (!line->has_value()) break;
    if (df.instructions.size() >= limits.max_instructions) {
      return limit_error("dockerfile.limit-instructions",
                         core::Loc{file, (*line)->start_line, (*line)->column},
                         {{"limit", std::to_string(limits.max_instructions)}});
    }
    Instruction ins = build_instruction(**line, reader.escape(), file, df.diagnostics);
    auto heredocs = read_heredocs(reader, ins, df.diagnostics);
    if (!heredocs.ok()) return std::move(heredocs).error();
    df.instructions.push_back(std::move(ins));
  }
  df.escape = reader.escape();
  if (df.instructions.empty()) {
    df.diagnostics.push_back(
        {DiagLevel::kError, "dockerfile.no-instructions", core::Loc{file, reader.line(), 0}, {}});
  }
  build_stages(df);
  return df;
}

}  // namespace ecsguard::parse::dockerfile
