#pragma once
// Errors are values (STYLE.md §5). Parsers return Result<T>; a failure names the file and line.
#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "ecsguard/core/location.h"

namespace ecsguard::core {

enum class Errc : unsigned char {
  kIo,           // could not read a file
  kSyntax,       // malformed JSON / YAML
  kLimit,        // a resource limit was hit (size, depth, aliases, ...)
  kUnsupported,  // valid input we do not understand (e.g. unknown YAML tag)
  kInvalid,      // well-formed but semantically wrong input (e.g. a task definition without
                 // containerDefinitions)
  kSkipped,      // input deliberately not scanned (special file, symlink escape): a note
  kInternal,     // a bug in ecsguard (a check threw): reported, never hidden
  kUsage,        // bad command line or configuration
};

// Short stable name ("syntax", "limit", ...) used in JSON output.
std::string_view to_string(Errc c) noexcept;

struct Error {
  Errc code = Errc::kInternal;
  std::string message;
  Loc where;  // file id + line/column when known
};

// A tiny expected<T, Error>: Debian 12 has neither std::expected (C++23) nor tl-expected as a
// package, so this is the one piece of vocabulary written by hand.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const& {
    assert(!ok());
    return std::get<1>(v_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

 private:
  std::variant<T, Error> v_;
};

inline Error make_error(Errc code, std::string message, Loc where = {}) {
  return Error{code, std::move(message), where};
}

}  // namespace ecsguard::core
