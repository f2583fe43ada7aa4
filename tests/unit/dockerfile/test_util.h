#pragma once
// Helpers of the Dockerfile parser tests.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "ecsguard/parse/dockerfile/dockerfile.h"

namespace ecsguard::parse::dockerfile::testing {

// Every diagnostic as "line:id" (one per line), for readable failures.
inline std::string diag_list(const Dockerfile& df) {
  std::string out;
  for (const auto& d : df.diagnostics) {
    out += std::to_string(d.where.line) + ":" + std::string(d.id) + " " + d.text() + "\n";
  }
  return out;
}

// Parses `text`, which must not fail on a limit.
inline Dockerfile parse_text(std::string_view text, const Limits& limits = {}) {
  auto r = parse(text, 1, limits);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r).value() : Dockerfile{};
}

// Parses `text`, which must have no error diagnostic.
inline Dockerfile parse_clean(std::string_view text) {
  Dockerfile df = parse_text(text);
  EXPECT_FALSE(df.has_errors()) << diag_list(df);
  return df;
}

// The ids of the error diagnostics, in order, joined by ','.
inline std::string error_ids(const Dockerfile& df) {
  std::string out;
  for (const auto& d : df.diagnostics) {
    if (d.level != DiagLevel::kError) continue;
    if (!out.empty()) out += ",";
    out += d.id;
  }
  return out;
}

}  // namespace ecsguard::parse::dockerfile::testing
