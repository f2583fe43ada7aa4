// Test tool: parses each .tf file with ecsguard's HCL parser and prints one JSON line per file,
// {"file": ..., "ok": true, "json": <hcl2json shape>} or {"file": ..., "ok": false, "error": ...}.
// Paths come from the arguments, or one per line on standard input when the only argument is
// "-". Used by hcl_differential.js (and the parse-speed benchmark's correctness cross-check).
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "ecsguard/parse/terraform/hcl/parser.h"
#include "hcl2json_shape.h"

namespace {

void dump(const std::string& path) {
  using ecsguard::testing::json_quote;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  const auto parsed = ecsguard::parse::terraform::hcl::parse_hcl(text, 1);
  std::cout << R"({"file":)" << json_quote(path);
  if (!in) {
    std::cout << R"(,"ok":false,"error":"cannot read"})"
              << "\n";
    return;
  }
  if (!parsed.ok()) {
    const auto& e = parsed.diagnostics.front();
    std::cout << R"(,"ok":false,"error":)"
              << json_quote(std::to_string(e.where.line) + ":" + std::to_string(e.where.column) +
                            ": " + e.message)
              << "}\n";
    return;
  }
  const auto shaped = ecsguard::testing::hcl2json_shape(parsed.file, text);
  if (shaped.ok) {
    std::cout << R"(,"ok":true,"json":)" << shaped.json << "}\n";
  } else {
    std::cout << R"(,"ok":false,"error":)" << json_quote(shaped.error) << "}\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  if (paths.size() == 1 && paths[0] == "-") {
    paths.clear();
    for (std::string line; std::getline(std::cin, line);) {
      if (!line.empty()) paths.push_back(line);
    }
  }
  for (const std::string& p : paths) dump(p);
  return 0;
}
