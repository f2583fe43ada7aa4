#pragma once
// One logical line -> one Instruction: the argument shape of BuildKit's dispatch table
// (parser.go / line_parsers.go) and the checks of instructions/parse.go (flags each instruction
// accepts, argument counts, FROM's stage name, ONBUILD triggers, HEALTHCHECK types).
#include <string_view>
#include <vector>

#include "ecsguard/parse/dockerfile/dockerfile.h"
#include "ecsguard/parse/dockerfile/lines.h"

namespace ecsguard::parse::dockerfile {

// `Kind` of a keyword, any case ("run", "Run").
Kind kind_of(std::string_view keyword) noexcept;

// The instruction on `line` (heredoc bodies are read by the caller). Problems are appended to
// `diags`, located at the keyword.
Instruction build_instruction(const LogicalLine& line, char escape, core::FileId file,
                              std::vector<Diagnostic>& diags);

// RUN / COPY / ADD in shell form, or ONBUILD of one: the line may open heredocs.
bool may_open_heredoc(const Instruction& ins) noexcept;

}  // namespace ecsguard::parse::dockerfile
