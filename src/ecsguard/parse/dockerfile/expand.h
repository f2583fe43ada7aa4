#pragma once
// Variable expansion of one word the way BuildKit's shell.Lex.ProcessWord does it for ENV, ARG,
// LABEL, FROM, USER, WORKDIR, EXPOSE, COPY/ADD, VOLUME, STOPSIGNAL: quotes removed ('...' literal,
// "..." with $ expanded and \" \$ \\ escaped), the escape token escapes one character, $VAR,
// ${VAR}, ${VAR:-word} ${VAR-word} ${VAR:+word} ${VAR+word} ${VAR:?msg} ${VAR?msg}, and
// ${VAR#p} ${VAR##p} ${VAR%p} ${VAR%%p} with a literal pattern.
//
// Unknown values: a variable whose value cannot be known statically (a build argument without
// default, TARGETARCH, a variable the base image may set) makes the result unknown; its text keeps
// the expression as written ("${TARGETARCH}") so the known parts stay visible. Pattern removal
// with wildcards and ${VAR/p/r} give an unknown result too (not evaluated).
// Errors (as BuildKit's): bad substitution, missing '}', unterminated quote, unsupported
// modifier, ${VAR?msg} on an unset variable; and the limits max_expansion_depth / _bytes.
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/parse/detail/message_table.h"
#include "ecsguard/parse/dockerfile/dockerfile.h"

namespace ecsguard::parse::dockerfile {

// A value in scope. `known` false: declared, value not known statically.
struct Var {
  std::string name;
  std::string value;
  bool known = true;
};

// The last variable named `name` in `vars`, or nullptr.
const Var* find_var(const std::vector<Var>& vars, std::string_view name) noexcept;

// What a name not found in scope expands to: "" (BuildKit: unset variables are empty), or an
// unknown value (the base image's ENV may define it).
enum class Missing : unsigned char { kEmpty, kUnknown };

// Variables in scope: ENV wins over ARG whatever the order (Dockerfile reference).
struct Scope {
  const std::vector<Var>* env = nullptr;
  const std::vector<Var>* args = nullptr;
  Missing missing = Missing::kEmpty;

  [[nodiscard]] const Var* find(std::string_view name) const noexcept;
};

struct Expanded {
  std::string text;
  bool known = true;
  std::vector<std::string> unknown_vars;  // the variables that made it unknown
};

struct ExpandError {
  std::string_view id;  // a row of messages.h
  detail::MessageArgs args;
};

// false and `err` set on an error.
bool expand_word(std::string_view word, const Scope& scope, char escape, const Limits& limits,
                 Expanded& out, ExpandError& err);

}  // namespace ecsguard::parse::dockerfile
